/**
 * Errors are values the user can act on: a code, an HTTP status and a message
 * key; the error handler turns them into a page or JSON in the user's language.
 */
export interface FieldError {
  field: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldError[] = [],
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'DomainError';
  }
}

export const notFound = () => new DomainError('not_found', 404, 'error.notFound.body');
export const forbidden = () => new DomainError('forbidden', 403, 'error.forbidden.body');
export const invalidInput = (fields: FieldError[]) => new DomainError('invalid_input', 400, 'error.invalid.body', {}, fields);
export const csrfRejected = () => new DomainError('csrf', 403, 'error.csrf.body');

/** Sent by page routes that need a login: the edge redirects to the right login page. */
export class LoginRequired extends Error {
  constructor(readonly kind: 'staff' | 'resident', readonly reason: 'none' | 'expired' = 'none') {
    super('login required');
  }
}
