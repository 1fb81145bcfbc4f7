/** Staff: API keys and the team allow-list (DX admins only: a key sends in the city's name). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { StaffActor } from '../../access/actor.ts';
import { requireAccess } from '../../access/require-access.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { FieldError } from '../../http/errors.ts';
import { setFlash } from '../../http/flash.ts';
import { fieldErrorMap, readForm } from '../../http/form.ts';
import { viewContext } from '../../http/request-context.ts';
import type { Platform } from '../../platform.ts';
import { createApiKey, revokeApiKey } from '../api-keys.ts';
import type { Channel } from '../notifier.ts';
import type { ApiKeyKind, NotifyDb } from '../notify-tables.ts';
import { normaliseRecipient } from '../recipients.ts';
import { ApiKeysPage, type ApiKeyForm } from './api-keys-views.tsx';
import { notifyViewer } from './messages-routes.tsx';
import { canManageApiKeys } from './notify-policy.ts';
import { UUID_PATTERN } from '../../http/ids.ts';

const KeyForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  source: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9][a-z0-9-]*$' }),
  kind: Type.Union([Type.Literal('test'), Type.Literal('team'), Type.Literal('live')]),
});
const RecipientForm = Type.Object({
  keyId: Type.String({ maxLength: 36, pattern: `^$|${UUID_PATTERN}` }),
  channel: Type.Union([Type.Literal('sms'), Type.Literal('email'), Type.Literal('line')]),
  recipient: Type.String({ minLength: 1, maxLength: 320 }),
});
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

function keyAdmin(request: FastifyRequest): StaffActor {
  const staff = notifyViewer(request);
  requireAccess(canManageApiKeys(staff), 'forbidden');
  return staff;
}

async function render(
  db: NotifyDb,
  request: FastifyRequest,
  reply: FastifyReply,
  state: { form?: ApiKeyForm; errors?: Record<string, string>; recipientForm?: { keyId: string; channel: string; recipient: string }; recipientErrors?: Record<string, string>; created?: { name: string; secret: string } },
  status = 200,
) {
  const keys = await db.selectFrom('notify_api_keys').select(['id', 'name', 'kind', 'source', 'secret_hint', 'created_at', 'last_used_at', 'revoked_at']).orderBy('created_at', 'desc').execute();
  const recipients = await db.selectFrom('notify_team_recipients').select(['id', 'api_key_id', 'channel', 'recipient']).orderBy('created_at').execute();
  // The page with a new secret must not be kept by the browser or a proxy.
  if (state.created) reply.header('cache-control', 'no-store');
  return reply.html(
    <ApiKeysPage
      ctx={viewContext(request)}
      keys={keys}
      recipients={recipients}
      form={state.form ?? { name: '', kind: 'test', source: '' }}
      errors={state.errors ?? {}}
      recipientForm={state.recipientForm ?? { keyId: '', channel: 'sms', recipient: '' }}
      recipientErrors={state.recipientErrors ?? {}}
      created={state.created ?? null}
    />,
    status,
  );
}

export async function registerApiKeyStaffRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.notify.db;

  app.get('/staff/notify/api-keys', async (request, reply) => {
    keyAdmin(request);
    return render(db, request, reply, {});
  });

  app.post('/staff/notify/api-keys', async (request, reply) => {
    const staff = keyAdmin(request);
    const t = request.t;
    const { values, errors } = readForm(KeyForm, request.body, { name: t('notify.keys.name'), source: t('notify.keys.source'), kind: t('notify.keys.kind') });
    if (errors.length) return render(db, request, reply, { form: values, errors: fieldErrorMap(errors, t) }, 400);
    const created = await db.transaction().execute(async (trx) => {
      const key = await createApiKey(trx, { name: values.name, kind: values.kind as ApiKeyKind, source: values.source, createdBy: staff.id });
      await recordAudit(trx, { actor: { type: 'staff', id: staff.id }, action: 'notify.apiKey.create', targetType: 'notify_api_key', targetId: key.id, details: { name: values.name, kind: values.kind, source: values.source }, requestId: request.id });
      return key;
    });
    // Shown once, on this answer only (no redirect: the secret is not stored anywhere to show again).
    return render(db, request, reply, { created: { name: values.name, secret: created.secret } }, 201);
  });

  app.post('/staff/notify/api-keys/:id/revoke', { schema: { params: IdParams } }, async (request, reply) => {
    const staff = keyAdmin(request);
    const id = (request.params as Static<typeof IdParams>).id;
    await db.transaction().execute(async (trx) => {
      if (await revokeApiKey(trx, id, staff.id)) {
        await recordAudit(trx, { actor: { type: 'staff', id: staff.id }, action: 'notify.apiKey.revoke', targetType: 'notify_api_key', targetId: id, requestId: request.id });
      }
    });
    setFlash(reply, 'success', 'notify.keys.revokedNotice');
    return reply.redirect('/staff/notify/api-keys', 303);
  });

  app.post('/staff/notify/team-recipients', async (request, reply) => {
    const staff = keyAdmin(request);
    const t = request.t;
    const { values, errors } = readForm(RecipientForm, request.body, { recipient: t('notify.field.recipient'), channel: t('notify.field.channel') });
    const all: FieldError[] = [...errors];
    const normalised = errors.length ? null : normaliseRecipient(values.channel as Channel, values.recipient);
    if (normalised && !normalised.ok) all.push({ field: 'recipient', messageKey: normalised.messageKey, params: { field: t('notify.field.recipient') } });
    if (all.length || !normalised?.ok) return render(db, request, reply, { recipientForm: values, recipientErrors: fieldErrorMap(all, t) }, 400);
    await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('notify_team_recipients')
        .values({ api_key_id: values.keyId || null, channel: values.channel as Channel, recipient: normalised.recipient, created_by: staff.id })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) {
        await recordAudit(trx, { actor: { type: 'staff', id: staff.id }, action: 'notify.teamRecipient.add', targetType: 'notify_team_recipient', targetId: inserted.id, details: { channel: values.channel, keyId: values.keyId || null }, requestId: request.id });
      }
    });
    setFlash(reply, 'success', 'notify.team.added');
    return reply.redirect('/staff/notify/api-keys', 303);
  });

  app.post('/staff/notify/team-recipients/:id/delete', { schema: { params: IdParams } }, async (request, reply) => {
    const staff = keyAdmin(request);
    const id = (request.params as Static<typeof IdParams>).id;
    await db.transaction().execute(async (trx) => {
      const removed = await trx.deleteFrom('notify_team_recipients').where('id', '=', id).executeTakeFirst();
      if (Number(removed.numDeletedRows) > 0) {
        await recordAudit(trx, { actor: { type: 'staff', id: staff.id }, action: 'notify.teamRecipient.remove', targetType: 'notify_team_recipient', targetId: id, requestId: request.id });
      }
    });
    setFlash(reply, 'success', 'notify.team.removed');
    return reply.redirect('/staff/notify/api-keys', 303);
  });
}
