/**
 * Client for any server speaking the OpenAI chat-completions protocol
 * (`POST {baseUrl}/chat/completions`): llama.cpp's server, vLLM, Ollama,
 * LM Studio, and the hosted services. Uses Node's own fetch, so no SDK.
 * Error messages never include the provider's response body: it can echo
 * the prompt back.
 */
import { LlmError, type ChatCompletion, type ChatMessage, type CompletionOptions, type LlmProvider } from './llm-provider.ts';

export const DEFAULT_LLM_TIMEOUT_MS = 20_000;

export interface OpenAiCompatibleSettings {
  /** Up to and including the version, e.g. 'http://127.0.0.1:8080/v1'. */
  baseUrl: string;
  apiKey?: string | null;
  model: string;
  /** Covers the whole exchange, the answer's body included. */
  timeoutMs?: number;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export class OpenAiCompatibleProvider implements LlmProvider {
  readonly model: string;
  private readonly endpoint: string;
  private readonly apiKey: string | null;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(settings: OpenAiCompatibleSettings) {
    this.model = settings.model;
    this.endpoint = `${settings.baseUrl.replace(/\/+$/u, '')}/chat/completions`;
    this.apiKey = settings.apiKey || null;
    this.timeoutMs = settings.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
    this.fetchImpl = settings.fetch ?? globalThis.fetch;
  }

  async complete(messages: ChatMessage[], options: CompletionOptions = {}): Promise<ChatCompletion> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout.signal, options.signal]) : timeout.signal;
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.apiKey) headers.authorization = `Bearer ${this.apiKey}`;
    const body = {
      model: this.model,
      messages: messages.map((m) => ({ role: m.role, content: m.content })),
      ...(options.maxTokens === undefined ? {} : { max_tokens: options.maxTokens }),
      ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
      stream: false,
    };
    try {
      let response: Response;
      try {
        response = await this.fetchImpl(this.endpoint, { method: 'POST', headers, body: JSON.stringify(body), signal });
      } catch (error) {
        throw this.failure(error, timeout.signal, options.signal);
      }
      if (!response.ok) {
        // Drop the body unread so the connection is freed; its text is not ours to log.
        await response.body?.cancel().catch(() => undefined);
        throw new LlmError('http', `LLM provider answered HTTP ${response.status}`, { status: response.status });
      }
      let raw: string;
      try {
        raw = await response.text();
      } catch (error) {
        throw this.failure(error, timeout.signal, options.signal);
      }
      return parseChatCompletion(raw, this.model);
    } finally {
      clearTimeout(timer);
    }
  }

  private failure(error: unknown, timeoutSignal: AbortSignal, callerSignal: AbortSignal | undefined): LlmError {
    if (error instanceof LlmError) return error;
    if (timeoutSignal.aborted) return new LlmError('timeout', `LLM provider gave no answer within ${this.timeoutMs} ms`, { cause: error });
    // The caller gave up (e.g. the resident closed the page): for the caller that is the same as too slow.
    if (callerSignal?.aborted) return new LlmError('timeout', 'LLM request aborted by the caller', { cause: error });
    return new LlmError('network', 'LLM provider could not be reached', { cause: error });
  }
}

/** Reads an OpenAI chat-completions answer; missing usage counts as 0 (some local servers omit it). */
export function parseChatCompletion(raw: string, requestedModel: string): ChatCompletion {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new LlmError('malformed', 'LLM provider answer is not JSON', { cause: error });
  }
  const root = asRecord(json);
  const choices = root?.choices;
  const first = Array.isArray(choices) ? asRecord(choices[0]) : null;
  const content = asRecord(first?.message)?.content;
  if (typeof content !== 'string') throw new LlmError('malformed', 'LLM provider answer has no choices[0].message.content');
  const usage = asRecord(root?.usage);
  return {
    text: content,
    model: typeof root?.model === 'string' && root.model ? root.model : requestedModel,
    promptTokens: tokenCount(usage?.prompt_tokens),
    completionTokens: tokenCount(usage?.completion_tokens),
  };
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function tokenCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0;
}
