/**
 * The one shape every generative-AI provider has (STYLE.md §3): a client
 * that turns chat messages into one completion, and one error type, so the
 * gateway and its callers never care which product answers. Services do not
 * use providers directly: they go through LlmGateway, which masks personal
 * data and audits every call.
 */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatCompletion {
  text: string;
  /** The model that answered, as the provider reports it. */
  model: string;
  promptTokens: number;
  completionTokens: number;
}

export interface CompletionOptions {
  maxTokens?: number;
  temperature?: number;
  signal?: AbortSignal;
}

export interface LlmProvider {
  readonly model: string;
  complete(messages: ChatMessage[], options?: CompletionOptions): Promise<ChatCompletion>;
}

/**
 * 'timeout': no full answer in time (or the caller aborted);
 * 'http': the provider answered with a non-2xx status;
 * 'malformed': a 2xx answer we could not read as a completion;
 * 'network': the request never got an answer (refused, reset, DNS).
 */
export type LlmErrorKind = 'timeout' | 'http' | 'malformed' | 'network';

export class LlmError extends Error {
  override readonly name = 'LlmError';
  readonly kind: LlmErrorKind;
  /** The HTTP status for kind 'http', otherwise null. */
  readonly status: number | null;

  constructor(kind: LlmErrorKind, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status ?? null;
  }
}
