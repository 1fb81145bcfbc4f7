/**
 * POST /app/line/webhook: the LINE Messaging API calls it with the events of the city's
 * official account. The body is checked against X-Line-Signature (HMAC-SHA256 of the raw
 * bytes with the channel secret) before anything is read; a forged or missing signature
 * gets 401 and changes nothing. Each event is recorded once (LINE redelivers with the
 * same webhookEventId):
 *   follow → the user is a friend; unfollow → not any more, and their LINE subscriptions end;
 *   a text message with a pending link code → that subscription is linked to the user;
 *   「停止」 → their LINE subscriptions end; anything else is ignored. Message texts are never stored.
 */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import type { AppContext } from './app-context.ts';
import { lineChannelSecret, verifyLineSignature } from './notify-bridge.ts';
import { endLineUser, linkCodeIn, linkLineUser } from './subscription-service.ts';

interface LineEvent {
  type?: unknown;
  webhookEventId?: unknown;
  timestamp?: unknown;
  source?: { type?: unknown; userId?: unknown };
  message?: { type?: unknown; text?: unknown };
}

const STOP_WORDS = new Set(['停止', 'ていし', '配信停止', 'stop', 'STOP', 'Stop']);

async function handle(ctx: AppContext, event: LineEvent): Promise<string> {
  const userId = typeof event.source?.userId === 'string' && /^U[0-9a-f]{32}$/.test(event.source.userId) ? event.source.userId : null;
  const now = ctx.now();
  if (!userId) return 'ignored';
  if (event.type === 'follow') {
    await ctx.db
      .insertInto('app_line_friends')
      .values({ line_user_id: userId, following: true, followed_at: now, updated_at: now })
      .onConflict((oc) => oc.column('line_user_id').doUpdateSet({ following: true, followed_at: now, updated_at: now }))
      .execute();
    return 'followed';
  }
  if (event.type === 'unfollow') {
    await ctx.db
      .insertInto('app_line_friends')
      .values({ line_user_id: userId, following: false, unfollowed_at: now, updated_at: now })
      .onConflict((oc) => oc.column('line_user_id').doUpdateSet({ following: false, unfollowed_at: now, updated_at: now }))
      .execute();
    await endLineUser(ctx, userId, 'unfollow');
    return 'unfollowed';
  }
  if (event.type === 'message' && event.message?.type === 'text' && typeof event.message.text === 'string') {
    const text = event.message.text.normalize('NFKC').trim();
    if (STOP_WORDS.has(text)) return (await endLineUser(ctx, userId, 'stop message')) > 0 ? 'unsubscribed' : 'ignored';
    const code = linkCodeIn(text);
    if (code) return (await linkLineUser(ctx, code, userId)) ? 'linked' : 'unknown_code';
  }
  return 'ignored';
}

export async function registerLineWebhook(app: FastifyInstance, ctx: AppContext, platform: Platform): Promise<void> {
  const secret = lineChannelSecret(platform);
  // Its own scope: the body must reach the signature check as the exact bytes LINE signed.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 256 * 1024 }, (_request, body, done) => done(null, body));
    scope.post('/app/line/webhook', { config: { csrf: false }, schema: { hide: true } }, async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (!secret || !verifyLineSignature(secret, raw, request.headers['x-line-signature'])) {
        request.log.warn('LINE webhook with a bad signature refused');
        return reply.code(401).send({ error: { code: 'invalid_signature', message: 'X-Line-Signature does not match' } });
      }
      let events: LineEvent[];
      try {
        const parsed = JSON.parse(raw.toString('utf8')) as { events?: unknown };
        events = Array.isArray(parsed.events) ? (parsed.events as LineEvent[]) : [];
      } catch {
        return reply.code(400).send({ error: { code: 'invalid_json', message: 'body is not JSON' } });
      }
      for (const event of events.slice(0, 100)) {
        if (typeof event.webhookEventId !== 'string' || event.webhookEventId.length > 64) continue;
        const seen = await ctx.db.selectFrom('app_line_events').select('id').where('webhook_event_id', '=', event.webhookEventId).executeTakeFirst();
        if (seen) continue;
        const outcome = await handle(ctx, event);
        const occurred = typeof event.timestamp === 'number' && Number.isFinite(event.timestamp) ? new Date(event.timestamp) : ctx.now();
        await ctx.db
          .insertInto('app_line_events')
          .values({ webhook_event_id: event.webhookEventId, type: String(event.type ?? '').slice(0, 30), line_user_id: typeof event.source?.userId === 'string' ? event.source.userId.slice(0, 64) : null, outcome, occurred_at: occurred })
          .onConflict((oc) => oc.column('webhook_event_id').doNothing())
          .execute();
      }
      return reply.code(200).send({ ok: true });
    });
  });
}
