/**
 * The Notify API for services and outside systems (in the OpenAPI document):
 * send a message by template or by body, and read its status. Authenticated by an
 * API key (`Authorization: Bearer oshu-live-…`): a test key's messages are accepted
 * and shown as delivered but never sent; a team key sends only to allow-listed
 * recipients; a live key sends. A key sees only its own service's messages.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DomainError, invalidInput } from '../../http/errors.ts';
import type { Platform } from '../../platform.ts';
import { authenticateApiKey, onTeamAllowList, type ApiKey } from '../api-keys.ts';
import type { OutgoingMessage } from '../notifier.ts';
import type { NotifyDb } from '../notify-tables.ts';
import { normaliseRecipient } from '../recipients.ts';
import { currentTemplateVersion, renderForChannel, versionToInput } from '../templates.ts';

const ErrorJson = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))), requestId: Type.Optional(Type.String()) }),
});
const SendJson = Type.Object(
  {
    channel: Type.Union([Type.Literal('sms'), Type.Literal('email'), Type.Literal('line')], { description: 'sms: 日本の電話番号 / email: メールアドレス / line: LINE ユーザー ID' }),
    to: Type.String({ minLength: 1, maxLength: 320, description: '宛先（SMS は 090-1234-5678 などの形でよく、E.164 に正規化されます）' }),
    templateId: Type.Optional(Type.String({ format: 'uuid', description: 'テンプレートの ID（最新版を使います）。body とどちらか一方' })),
    personalisation: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.Union([Type.String({ maxLength: 2000 }), Type.Number()]), { description: '((差し込み項目)) の値' })),
    subject: Type.Optional(Type.String({ maxLength: 200, description: 'メールの件名（body を使うとき）' })),
    body: Type.Optional(Type.String({ maxLength: 100_000, description: '本文（テンプレートを使わないとき）' })),
    reference: Type.Optional(Type.String({ maxLength: 200, description: '送信側の参照番号（状態の照会に使えます）' })),
    idempotencyKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: '同じキーの再送は同じメッセージを返し、二度送りません' })),
    sendAfter: Type.Optional(Type.String({ format: 'date-time', description: 'この時刻より前には送りません' })),
  },
  { additionalProperties: false },
);
const MessageJson = Type.Object({
  id: Type.String({ format: 'uuid' }),
  channel: Type.String(),
  to: Type.String({ description: '正規化した宛先' }),
  subject: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
  reference: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union(['created', 'sending', 'delivered', 'failed', 'temporary-failure', 'suppressed'].map((s) => Type.Literal(s))),
  segments: Type.Union([Type.Integer(), Type.Null()], { description: 'SMS の通数（分割数）' }),
  template: Type.Union([Type.Object({ id: Type.String(), version: Type.Integer() }), Type.Null()]),
  failureReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  deliveredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  failedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

// The key is checked first (onRequest), so a caller without one learns nothing from input errors.
const requestKeys = new WeakMap<FastifyRequest, ApiKey>();

function keyCheck(db: NotifyDb) {
  return async (request: FastifyRequest) => {
    const key = await authenticateApiKey(db, request.headers.authorization);
    if (!key) throw new DomainError('invalid_api_key', 401, 'notify.error.apiKey');
    requestKeys.set(request, key);
  };
}

function requireKey(request: FastifyRequest): ApiKey {
  const key = requestKeys.get(request);
  if (!key) throw new DomainError('invalid_api_key', 401, 'notify.error.apiKey');
  return key;
}

async function messageJson(db: NotifyDb, id: string, source: string): Promise<Static<typeof MessageJson> | null> {
  const m = await db.selectFrom('notify_messages').selectAll().where('id', '=', id).where('source', '=', source).executeTakeFirst();
  if (!m) return null;
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: m.id,
    channel: m.channel,
    to: m.recipient,
    subject: m.subject,
    body: m.body,
    reference: m.reference,
    status: m.status,
    segments: m.segments,
    template: m.template_id && m.template_version ? { id: m.template_id, version: m.template_version } : null,
    failureReason: m.failure_reason,
    createdAt: m.created_at.toISOString(),
    sentAt: iso(m.sent_at),
    deliveredAt: iso(m.delivered_at),
    failedAt: iso(m.failed_at),
  };
}

export async function registerNotifyApi(app: FastifyInstance, platform: Platform): Promise<void> {
  const notify = platform.notify;
  const db = notify.db;
  const security = [{ notifyApiKey: [] }];
  const onRequest = keyCheck(db);

  app.post(
    '/api/notify/v1/messages',
    {
      onRequest,
      // Counted per key, not per address: a campaign system sends thousands from one host (GOV.UK Notify allows 3,000 a minute).
      config: { rateLimit: { max: 3000, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => `notify-api:${String(request.headers.authorization ?? request.ip).slice(-16)}` } },
      schema: {
        tags: ['notify'],
        summary: 'SMS・メール・LINE を送る（テンプレートまたは本文）。test キーは送らずに配達済みと記録、team キーは許可リストの宛先だけ',
        security,
        body: SendJson,
        response: { 201: MessageJson, 200: MessageJson, 400: ErrorJson, 401: ErrorJson },
      },
    },
    async (request, reply) => {
      const key = requireKey(request);
      const input = request.body as Static<typeof SendJson>;
      let subject = input.subject ?? null;
      let body = input.body ?? '';
      let template: { id: string; version: number } | undefined;
      if (input.templateId) {
        if (input.body !== undefined) throw invalidInput([{ field: 'body', messageKey: 'notify.error.templateOrBody' }]);
        const version = await currentTemplateVersion(db, input.templateId);
        if (!version) throw invalidInput([{ field: 'templateId', messageKey: 'notify.error.templateUnknown' }]);
        const rendered = renderForChannel(versionToInput(version), input.channel, input.personalisation ?? {});
        if (!rendered.ok) {
          throw invalidInput([
            rendered.error === 'missing'
              ? { field: 'personalisation', messageKey: 'notify.error.placeholdersMissing', params: { names: rendered.missing.join('、') } }
              : { field: 'channel', messageKey: 'notify.error.templateNoChannel', params: { channel: input.channel } },
          ]);
        }
        subject = rendered.subject;
        body = rendered.body;
        template = { id: version.template_id, version: version.version };
      } else if (!input.body) {
        throw invalidInput([{ field: 'body', messageKey: 'notify.error.templateOrBody' }]);
      }
      if (key.kind === 'team') {
        const to = normaliseRecipient(input.channel, input.to);
        if (to.ok && !(await onTeamAllowList(db, key.id, input.channel, to.recipient))) {
          throw new DomainError('team_key_recipient', 400, 'notify.error.teamKey', {}, [{ field: 'to', messageKey: 'notify.error.teamKey.field' }]);
        }
      }
      const message: OutgoingMessage = {
        channel: input.channel,
        to: input.to,
        subject: subject ?? undefined,
        body,
        ...(input.reference ? { reference: input.reference } : {}),
        // Keys are per service and kind: a test key's key never blocks the live one.
        ...(input.idempotencyKey ? { idempotencyKey: `api:${key.source}:${key.kind}:${input.idempotencyKey}` } : {}),
        ...(input.sendAfter ? { sendAfter: new Date(input.sendAfter) } : {}),
      };
      const result = await notify.notifier.submit(message, { source: key.source, apiKey: { id: key.id, kind: key.kind }, ...(template ? { template } : {}) });
      return reply.code(result.created ? 201 : 200).send(await messageJson(db, result.id, key.source));
    },
  );

  app.get(
    '/api/notify/v1/messages/:id',
    { onRequest, schema: { tags: ['notify'], summary: 'メッセージの状態（同じサービスのキーで送ったものだけ）', security, params: IdParams, response: { 200: MessageJson, 401: ErrorJson, 404: ErrorJson } } },
    async (request) => {
      const key = requireKey(request);
      const found = await messageJson(db, (request.params as Static<typeof IdParams>).id, key.source);
      if (!found) throw new DomainError('not_found', 404, 'error.notFound.body');
      return found;
    },
  );
}
