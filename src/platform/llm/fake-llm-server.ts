/**
 * A stand-in OpenAI-compatible server on 127.0.0.1 for tests and local
 * development (point LLM base URL at it): answers POST /v1/chat/completions
 * with usage numbers, records every request, and can be told to fail the
 * ways real providers do (an HTTP error status, no answer at all, a 200
 * that is not JSON).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatMessage } from './llm-provider.ts';

export type FakeLlmFailure = number | 'hang' | 'garbage';

export interface FakeLlmServerOptions {
  reply?: (messages: ChatMessage[]) => string;
  failWith?: FakeLlmFailure;
}

export interface FakeLlmRequest {
  headers: Record<string, string>;
  /** Whatever the client sent, as parsed JSON. */
  body: any;
}

export interface FakeLlmServer {
  /** e.g. 'http://127.0.0.1:41234/v1' */
  baseUrl: string;
  requests: FakeLlmRequest[];
  setFailure(failure?: FakeLlmFailure): void;
  close(): Promise<void>;
}

/** By default the fake repeats the last user message, so tests can see what the model was given. */
function echoLastUserMessage(messages: ChatMessage[]): string {
  const last = [...messages].reverse().find((m) => m.role === 'user');
  return `（テスト応答）${last?.content ?? ''}`;
}

export async function startFakeLlmServer(options: FakeLlmServerOptions = {}): Promise<FakeLlmServer> {
  const reply = options.reply ?? echoLastUserMessage;
  let failure: FakeLlmFailure | undefined = options.failWith;
  const requests: FakeLlmRequest[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        sendJson(res, 404, { error: { message: 'not found' } });
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        sendJson(res, 400, { error: { message: 'body is not JSON' } });
        return;
      }
      requests.push({ headers: flattenHeaders(req.headers), body });
      if (failure === 'hang') return; // never answer; close() drops the connection
      if (failure === 'garbage') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('<html>not json{');
        return;
      }
      if (typeof failure === 'number') {
        sendJson(res, failure, { error: { message: `fake failure ${failure}` } });
        return;
      }
      const request = body as { model?: unknown; messages?: ChatMessage[] };
      const messages = Array.isArray(request.messages) ? request.messages : [];
      const text = reply(messages);
      const promptTokens = messages.reduce((n, m) => n + String(m.content ?? '').length, 0);
      sendJson(res, 200, {
        id: `chatcmpl-fake-${requests.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: typeof request.model === 'string' ? request.model : 'fake-model',
        choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
        usage: { prompt_tokens: promptTokens, completion_tokens: text.length, total_tokens: promptTokens + text.length },
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    setFailure(f?: FakeLlmFailure) {
      failure = f;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Hanging requests and keep-alive sockets would hold close() open.
        server.closeAllConnections();
      }),
  };
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
