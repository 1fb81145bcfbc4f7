/**
 * fetch for provider calls: URLs on this app's own origin (the simulators, our own
 * receipt routes) are answered in-process through fastify.inject, like the embedded
 * identity provider's back-channel in app.ts, so no port is needed; anything else goes
 * out with the real fetch.
 */
import type { FastifyInstance } from 'fastify';
import type { FetchLike } from './providers/provider.ts';

export function routedFetch(app: FastifyInstance, publicUrl: string): FetchLike {
  const origin = new URL(publicUrl).origin;
  return async (url, init) => {
    const target = new URL(url);
    if (target.origin !== origin) return fetch(url, init);
    const headers: Record<string, string> = Object.fromEntries(new Headers(init.headers).entries());
    headers.host = target.host;
    const body = init.body;
    const payload = body === undefined || body === null ? undefined : typeof body === 'string' ? body : Buffer.from(body as Uint8Array);
    const response = await app.inject({ method: (init.method ?? 'GET') as 'POST', url: target.pathname + target.search, headers, ...(payload !== undefined ? { payload } : {}) });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : String(value));
    }
    const noBody = response.statusCode === 204 || response.statusCode === 304;
    return new Response(noBody ? null : new Uint8Array(response.rawPayload), { status: response.statusCode, headers: responseHeaders });
  };
}
