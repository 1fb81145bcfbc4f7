/**
 * Provider callbacks: delivery receipts. Each is authenticated by an HMAC of the exact
 * bytes received (never a re-serialised body): the SMS gateway signs with its token
 * (X-Notify-Signature, hex), LINE-style callbacks with the channel secret
 * (X-Line-Signature, base64). A bad signature is refused before the body is read.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DomainError } from '../http/errors.ts';
import type { NotifyDb } from './notify-tables.ts';
import { applyReceipt } from './receipts.ts';
import { verifyHexSignature, verifyLineSignature } from './signatures.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received (receipt routes only), for signature checks. */
    rawBody?: string;
  }
}

const ErrorJson = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });
const Result = Type.Object({ applied: Type.Integer(), ignored: Type.Integer(), unknown: Type.Integer() });
const SmsReceipt = Type.Object({
  id: Type.String({ maxLength: 200, description: 'the gateway’s message id' }),
  clientRef: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()], { description: 'our message id, as sent in clientRef' })),
  status: Type.Union([Type.Literal('delivered'), Type.Literal('failed')]),
  reason: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  at: Type.Optional(Type.String({ maxLength: 40 })),
});
const LineReceipt = Type.Object({
  destination: Type.Optional(Type.String({ maxLength: 100 })),
  events: Type.Array(
    Type.Object(
      {
        type: Type.String({ maxLength: 40 }),
        delivery: Type.Optional(
          Type.Object({
            requestId: Type.Optional(Type.String({ maxLength: 200 })),
            retryKey: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
            status: Type.Union([Type.Literal('delivered'), Type.Literal('failed')]),
            reason: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
          }),
        ),
      },
      { additionalProperties: true },
    ),
    { maxItems: 500 },
  ),
});

const badSignature = () => new DomainError('bad_signature', 401, 'notify.error.signature');

export async function registerReceiptRoutes(app: FastifyInstance, db: NotifyDb, secrets: { sms: string; line: string }): Promise<void> {
  await app.register(async (scope) => {
    // Keep the raw text for the signature; parse it ourselves afterwards.
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (request: FastifyRequest, body: string | Buffer, done) => {
      request.rawBody = String(body);
      try {
        done(null, JSON.parse(String(body)));
      } catch {
        done(Object.assign(new Error('invalid JSON'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }), undefined);
      }
    });

    scope.post(
      '/api/notify/v1/receipts/sms',
      {
        config: { csrf: false, rateLimit: false },
        schema: { tags: ['notify'], summary: 'SMS ゲートウェイからの配達通知（X-Notify-Signature: 本文の HMAC-SHA256、16進）', body: SmsReceipt, response: { 200: Result, 400: ErrorJson, 401: ErrorJson } },
        preValidation: async (request) => {
          if (!verifyHexSignature(secrets.sms, request.rawBody ?? '', request.headers['x-notify-signature'])) throw badSignature();
        },
      },
      async (request) => {
        const body = request.body as Static<typeof SmsReceipt>;
        const outcome = await applyReceipt(db, { channel: 'sms', messageId: body.clientRef ?? null, providerRef: body.id, status: body.status, reason: body.reason ?? null });
        return { applied: Number(outcome === 'applied'), ignored: Number(outcome === 'ignored'), unknown: Number(outcome === 'unknown') };
      },
    );

    scope.post(
      '/api/notify/v1/receipts/line',
      {
        config: { csrf: false, rateLimit: false },
        schema: { tags: ['notify'], summary: 'LINE 形式の配達通知（X-Line-Signature: チャネルシークレットによる HMAC-SHA256、Base64）', body: LineReceipt, response: { 200: Result, 400: ErrorJson, 401: ErrorJson } },
        preValidation: async (request) => {
          if (!verifyLineSignature(secrets.line, request.rawBody ?? '', request.headers['x-line-signature'])) throw badSignature();
        },
      },
      async (request) => {
        const counts = { applied: 0, ignored: 0, unknown: 0 };
        for (const event of (request.body as Static<typeof LineReceipt>).events) {
          if (event.type !== 'delivery' || !event.delivery) continue;
          const d = event.delivery;
          counts[await applyReceipt(db, { channel: 'line', messageId: d.retryKey ?? null, providerRef: d.requestId ?? null, status: d.status, reason: d.reason ?? null })]++;
        }
        return counts;
      },
    );
  });
}
