/** Prometheus metrics: request counts and durations by route, plus Node's defaults. */
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import client from 'prom-client';

/** With a token set, only a scraper presenting it (Authorization: Bearer …) reads the metrics. */
export async function registerMetrics(app: FastifyInstance, token: string | null): Promise<client.Registry> {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'oshu_' });
  const duration = new client.Histogram({
    name: 'oshu_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the raw URL, keeps the label set small.
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (token && !bearerMatches(request.headers.authorization, token)) return reply.code(401).header('www-authenticate', 'Bearer').send('unauthorised\n');
    reply.type(registry.contentType);
    return registry.metrics();
  });
  return registry;
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
