/**
 * The local providers the app serves itself when NOTIFY_SIMULATORS is on (routes
 * under /dev/notify, hidden from OpenAPI): an HTTP SMS gateway, the LINE Messaging
 * API's push call and a web push service. Each checks its credentials like the real
 * one, dedupes by idempotency key, can fail a share of calls with 5xx on purpose
 * (SimulatorControl), keeps what it received in the inbox and, for SMS and LINE,
 * sends a signed delivery receipt back afterwards.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { JobQueue } from '../../jobs/job-queue.ts';
import type { NotifyDb } from '../notify-tables.ts';
import { decryptPush, newSubscriptionKeys, verifyVapid } from './push-crypto.ts';
import type { SimulatorControl } from './simulator-control.ts';
import { receive } from './simulator-inbox.ts';

export interface SimulatorContext {
  db: NotifyDb;
  jobs: JobQueue;
  control: SimulatorControl;
  /** What the simulated providers accept as credentials. */
  tokens: { sms: string; lineAccess: string };
  /** LINE's API takes no callback URL: where the LINE simulator sends its receipts. */
  lineReceiptUrl: string;
  publicUrl: string;
}

const SmsBody = Type.Object({
  to: Type.String({ maxLength: 20 }),
  body: Type.String({ maxLength: 2000 }),
  clientRef: Type.Optional(Type.String({ maxLength: 100 })),
  callbackUrl: Type.Optional(Type.String({ maxLength: 500 })),
});
const LineBody = Type.Object({
  to: Type.String({ maxLength: 100 }),
  messages: Type.Array(Type.Object({ type: Type.String({ maxLength: 20 }), text: Type.Optional(Type.String({ maxLength: 5000 })) }), { minItems: 1, maxItems: 5 }),
});
const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const providerRoute = { config: { csrf: false, rateLimit: false as const } };

function bearer(request: FastifyRequest, expected: string): boolean {
  const given = Buffer.from(String(request.headers.authorization ?? ''));
  const wanted = Buffer.from(`Bearer ${expected}`);
  return given.length === wanted.length && crypto.timingSafeEqual(given, wanted);
}

function unavailable(reply: FastifyReply, status = 503) {
  return reply.code(status).send({ error: { code: 'simulated_outage', message: 'simulated provider failure (NOTIFY_SIMULATOR_FAIL_PERCENT)' } });
}

/** A subscription like a browser's, whose endpoint is the push simulator (for developers, demos and tests). */
export async function createSimulatedPushSubscription(db: NotifyDb, publicUrl: string): Promise<{ endpoint: string; keys: { p256dh: string; auth: string } }> {
  const keys = newSubscriptionKeys();
  const token = crypto.randomBytes(18).toString('base64url');
  await db.insertInto('notify_simulator_push_endpoints').values({ token, private_key: keys.privateKey, public_key: keys.publicKey, auth_secret: keys.authSecret }).execute();
  return { endpoint: `${publicUrl}/dev/notify/push/${token}`, keys: { p256dh: keys.publicKey, auth: keys.authSecret } };
}

export async function registerProviderSimulators(app: FastifyInstance, ctx: SimulatorContext): Promise<void> {
  app.post('/dev/notify/sms/messages', { ...providerRoute, schema: { hide: true, body: SmsBody } }, async (request, reply) => {
    if (!bearer(request, ctx.tokens.sms)) return reply.code(401).send({ error: { code: 'unauthorized', message: 'bad token' } });
    const key = String(request.headers['idempotency-key'] ?? '');
    if (!key || key.length > 100) return reply.code(400).send({ error: { code: 'idempotency_key_required', message: 'Idempotency-Key header required' } });
    const body = request.body as Static<typeof SmsBody>;
    if (!/^\+[1-9]\d{7,14}$/.test(body.to)) return reply.code(400).send({ error: { code: 'invalid_number', message: 'to must be E.164' } });
    const fault = ctx.control.decide('sms', key);
    if (fault === 'refuse') return unavailable(reply);
    const stored = await receive(ctx.db, ctx.jobs, { channel: 'sms', recipient: body.to, body: body.body, idempotencyKey: key, clientRef: body.clientRef ?? null, callbackUrl: body.callbackUrl ?? null });
    if (fault === 'lose-answer') return unavailable(reply, 502);
    return reply.code(stored.duplicate ? 200 : 201).send({ id: stored.providerRef, status: 'accepted', duplicate: stored.duplicate });
  });

  app.post('/dev/notify/line/v2/bot/message/push', { ...providerRoute, schema: { hide: true, body: LineBody } }, async (request, reply) => {
    if (!bearer(request, ctx.tokens.lineAccess)) return reply.code(401).send({ message: 'Authentication failed. Confirm that the access token in the authorization header is valid.' });
    const retryKey = String(request.headers['x-line-retry-key'] ?? '');
    if (retryKey && !UUID.test(retryKey)) return reply.code(400).send({ message: 'The value for the X-Line-Retry-Key header is invalid' });
    const body = request.body as Static<typeof LineBody>;
    if (!/^[UCR][0-9a-f]{32}$/.test(body.to)) return reply.code(400).send({ message: 'The property, \'to\', in the request body is invalid' });
    const key = retryKey || crypto.randomUUID();
    const fault = ctx.control.decide('line', key);
    if (fault === 'refuse') return reply.code(500).send({ message: 'An error occurred in the simulated LINE platform' });
    const text = body.messages.map((m) => m.text ?? `[${m.type}]`).join('\n');
    const stored = await receive(ctx.db, ctx.jobs, { channel: 'line', recipient: body.to, body: text, idempotencyKey: key, clientRef: retryKey || null, callbackUrl: ctx.lineReceiptUrl });
    if (fault === 'lose-answer') return reply.code(500).send({ message: 'An error occurred in the simulated LINE platform' });
    if (stored.duplicate) {
      // LINE's answer to a retry key it has already accepted.
      return reply.code(409).header('x-line-accepted-request-id', stored.providerRef).send({ message: 'The retry key is already accepted' });
    }
    return reply.header('x-line-request-id', stored.providerRef).send({ sentMessages: body.messages.map((_, i) => ({ id: `${stored.providerRef}-${i}`, quoteToken: crypto.randomBytes(8).toString('hex') })) });
  });

  await app.register(async (scope) => {
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: 8192 }, (_request, body, done) => done(null, body));

    scope.post('/dev/notify/push/:token', { ...providerRoute, schema: { hide: true, params: TokenParams } }, async (request, reply) => {
      const { token } = request.params as Static<typeof TokenParams>;
      const endpoint = await ctx.db.selectFrom('notify_simulator_push_endpoints').selectAll().where('token', '=', token).executeTakeFirst();
      if (!endpoint || endpoint.gone) return reply.code(410).send({ error: { code: 'gone', message: 'push subscription has expired or was unsubscribed' } });
      if (!verifyVapid(request.headers.authorization, new URL(ctx.publicUrl).origin)) return reply.code(403).send({ error: { code: 'vapid', message: 'VAPID authorization failed' } });
      if (request.headers['content-encoding'] !== 'aes128gcm' || !Buffer.isBuffer(request.body)) return reply.code(415).send({ error: { code: 'encoding', message: 'aes128gcm body expected' } });
      const topic = String(request.headers.topic ?? '') || crypto.randomUUID();
      const fault = ctx.control.decide('push', topic);
      if (fault === 'refuse') return unavailable(reply);
      let payload: { title?: string; body?: string };
      try {
        payload = JSON.parse(decryptPush(request.body, { privateKey: endpoint.private_key, publicKey: endpoint.public_key, authSecret: endpoint.auth_secret }));
      } catch {
        return reply.code(400).send({ error: { code: 'decrypt', message: 'payload could not be decrypted' } });
      }
      const stored = await receive(ctx.db, ctx.jobs, { channel: 'push', recipient: token, subject: payload.title ?? null, body: payload.body ?? '', idempotencyKey: topic });
      if (fault === 'lose-answer') return unavailable(reply, 502);
      return reply.code(201).header('location', `${ctx.publicUrl}/dev/notify/push/messages/${stored.providerRef}`).send();
    });
  });

  app.post('/dev/notify/push/subscriptions', { ...providerRoute, schema: { hide: true } }, async (_request, reply) => {
    return reply.code(201).send(await createSimulatedPushSubscription(ctx.db, ctx.publicUrl));
  });

  app.post('/dev/notify/push/:token/unsubscribe', { ...providerRoute, schema: { hide: true, params: TokenParams } }, async (request, reply) => {
    await ctx.db.updateTable('notify_simulator_push_endpoints').set({ gone: true }).where('token', '=', (request.params as Static<typeof TokenParams>).token).execute();
    return reply.code(204).send();
  });
}
