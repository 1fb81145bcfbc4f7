/**
 * The edge where errors become answers: a page in the user's language for
 * browsers, JSON with a code and field list for the API. Unexpected errors
 * are logged with the request id and never show a stack trace.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h, type VNode } from 'preact';
import { DomainError, LoginRequired, type FieldError } from './errors.ts';
import { ErrorPage } from './error-page.tsx';
import { viewContext } from './request-context.ts';
import { translator } from '../i18n/i18n.ts';

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || (request.headers.accept ?? '').startsWith('application/json');
}

/** A same-origin Referer is the page the user came from: offer it as "back". */
function backHref(request: FastifyRequest): string | null {
  const referer = request.headers.referer;
  if (!referer) return null;
  try {
    const url = new URL(referer);
    return url.host === request.headers.host ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

interface Answer {
  status: number;
  code: string;
  titleKey: string;
  bodyKey: string;
  params?: Record<string, string | number>;
  fields?: FieldError[];
}

const STATUS_TITLES: Record<number, string> = {
  400: 'error.invalid.title',
  401: 'error.unauthenticated.title',
  403: 'error.forbidden.title',
  404: 'error.notFound.title',
  413: 'error.tooLarge.title',
  415: 'error.fileType.title',
  429: 'error.rateLimited.title',
};

/** Turns fastify/AJV schema errors into field errors with message keys. */
function validationFields(error: FastifyError): FieldError[] {
  return (error.validation ?? []).map((v) => {
    const missing = (v.params as { missingProperty?: string }).missingProperty;
    const path = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
    const field = missing ? (path ? `${path}.${missing}` : missing) : path || 'body';
    const key = missing ? 'validation.required' : `validation.${v.keyword}`;
    return { field, messageKey: key, params: { ...(v.params as Record<string, string | number>) } };
  });
}

function classify(error: unknown): Answer {
  if (error instanceof DomainError) {
    return {
      status: error.status,
      code: error.code,
      titleKey: STATUS_TITLES[error.status] ?? 'error.invalid.title',
      bodyKey: error.messageKey,
      params: error.params,
      fields: error.fields,
    };
  }
  const fe = error as FastifyError;
  if (fe.validation) {
    return { status: 400, code: 'invalid_input', titleKey: 'error.invalid.title', bodyKey: 'error.invalid.body', fields: validationFields(fe) };
  }
  if (fe.statusCode === 413 || fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, code: 'too_large', titleKey: 'error.tooLarge.title', bodyKey: 'error.tooLarge.bodyGeneric' };
  }
  if (fe.statusCode === 429) {
    return { status: 429, code: 'rate_limited', titleKey: 'error.rateLimited.title', bodyKey: 'error.rateLimited.body' };
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, code: fe.code ?? 'bad_request', titleKey: STATUS_TITLES[fe.statusCode] ?? 'error.invalid.title', bodyKey: 'error.badRequest.body' };
  }
  return { status: 500, code: 'internal', titleKey: 'error.internal.title', bodyKey: 'error.internal.body' };
}

export function sendAnswer(request: FastifyRequest, reply: FastifyReply, answer: Answer) {
  if (wantsJson(request)) {
    return reply.status(answer.status).send({
      error: {
        code: answer.code,
        message: request.t(answer.bodyKey, answer.params),
        fields: (answer.fields ?? []).map((f) => ({ field: f.field, message: request.t(f.messageKey, { field: f.field, ...f.params }) })),
        requestId: request.id,
      },
    });
  }
  return reply.html(
    h(ErrorPage as (props: Parameters<typeof ErrorPage>[0]) => ReturnType<typeof ErrorPage>, {
      ctx: viewContext(request),
      status: answer.status,
      titleKey: answer.titleKey,
      bodyKey: answer.bodyKey,
      params: answer.params ?? {},
      backHref: backHref(request),
    }) as VNode,
    answer.status,
  );
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error, request, reply) => {
    // Errors thrown before our onRequest hook ran (e.g. body parsing) still need a language.
    if (!request.t) {
      request.t = translator('ja');
      request.locale = 'ja';
      request.expiredSessions = [];
    }
    if (error instanceof LoginRequired) {
      const expired = request.expiredSessions.includes(error.kind);
      if (wantsJson(request)) {
        return sendAnswer(request, reply, { status: 401, code: expired ? 'session_expired' : 'unauthenticated', titleKey: 'error.unauthenticated.title', bodyKey: expired ? 'error.sessionExpired.body' : 'error.unauthenticated.body' });
      }
      const login = error.kind === 'staff' ? '/staff/login' : '/auth/login';
      const next = request.method === 'GET' ? request.url : '';
      return reply.redirect(`${login}?${new URLSearchParams({ ...(next ? { next } : {}), ...(expired ? { expired: '1' } : {}) })}`, 303);
    }
    const answer = classify(error);
    if (answer.status >= 500) request.log.error({ err: error }, 'unexpected error');
    return sendAnswer(request, reply, answer);
  });

  app.setNotFoundHandler(async (request, reply) => {
    return sendAnswer(request, reply, { status: 404, code: 'not_found', titleKey: 'error.notFound.title', bodyKey: 'error.notFound.body' });
  });
}
