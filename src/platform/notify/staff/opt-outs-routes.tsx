/** Staff: opt-outs (viewing for DX staff; adding and removing for its managers and admins, audited). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { requireAccess } from '../../access/require-access.ts';
import type { StaffActor } from '../../access/actor.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { FieldError } from '../../http/errors.ts';
import { setFlash } from '../../http/flash.ts';
import { fieldErrorMap, readForm } from '../../http/form.ts';
import { viewContext } from '../../http/request-context.ts';
import type { Platform } from '../../platform.ts';
import type { Channel } from '../notifier.ts';
import type { NotifyDb } from '../notify-tables.ts';
import { addOptOut, removeOptOut } from '../opt-outs.ts';
import { normaliseRecipient } from '../recipients.ts';
import { notifyViewer } from './messages-routes.tsx';
import { canEditNotify } from './notify-policy.ts';
import { OptOutsPage } from './opt-outs-views.tsx';

const PAGE_SIZE = 50;
// `show`, not `channel`: the add form on the same page has a channel field (ids must be unique).
const ListQuery = Type.Object({
  show: Type.Optional(Type.Union(['', 'sms', 'email', 'line', 'push'].map((s) => Type.Literal(s)))),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
});
const AddForm = Type.Object({
  channel: Type.Union([Type.Literal('sms'), Type.Literal('email'), Type.Literal('line')]),
  recipient: Type.String({ minLength: 1, maxLength: 320 }),
  reason: Type.String({ maxLength: 200 }),
});
const RemoveForm = Type.Object({
  channel: Type.Union([Type.Literal('sms'), Type.Literal('email'), Type.Literal('line'), Type.Literal('push')]),
  recipient: Type.String({ minLength: 1, maxLength: 2000 }),
});

function editor(request: FastifyRequest): StaffActor {
  const staff = notifyViewer(request);
  requireAccess(canEditNotify(staff), 'forbidden');
  return staff;
}

async function render(db: NotifyDb, request: FastifyRequest, reply: FastifyReply, staff: StaffActor, channel: string, page: number, form = { channel: 'sms', recipient: '', reason: '' }, errors: Record<string, string> = {}, status = 200) {
  let query = db.selectFrom('notify_opt_outs');
  if (channel) query = query.where('channel', '=', channel as Channel);
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return reply.html(
    <OptOutsPage ctx={viewContext(request)} rows={rows} channel={channel} page={page} pageCount={Math.max(1, Math.ceil(Number(total.n) / PAGE_SIZE))} canEdit={canEditNotify(staff)} form={form} errors={errors} />,
    status,
  );
}

export async function registerOptOutStaffRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.notify.db;

  app.get('/staff/notify/opt-outs', { schema: { querystring: ListQuery } }, async (request, reply) => {
    const staff = notifyViewer(request);
    const q = request.query as Static<typeof ListQuery>;
    return render(db, request, reply, staff, q.show ?? '', q.page ?? 1);
  });

  app.post('/staff/notify/opt-outs', async (request, reply) => {
    const staff = editor(request);
    const t = request.t;
    const { values, errors } = readForm(AddForm, request.body, { recipient: t('notify.field.recipient'), channel: t('notify.field.channel'), reason: t('notify.optOuts.reason') });
    const all: FieldError[] = [...errors];
    const normalised = errors.length ? null : normaliseRecipient(values.channel as Channel, values.recipient);
    if (normalised && !normalised.ok) all.push({ field: 'recipient', messageKey: normalised.messageKey });
    if (all.length || !normalised?.ok) return render(db, request, reply, staff, '', 1, values, fieldErrorMap(all, t), 400);
    await db.transaction().execute(async (trx) => {
      if (await addOptOut(trx, { channel: values.channel as Channel, recipient: normalised.recipient, reason: values.reason || null, source: 'staff', createdBy: staff.id })) {
        await recordAudit(trx, { actor: { type: 'staff', id: staff.id }, action: 'notify.optOut.add', targetType: 'notify_opt_out', targetId: values.channel, reason: values.reason || null, requestId: request.id });
      }
    });
    setFlash(reply, 'success', 'notify.optOuts.added');
    return reply.redirect('/staff/notify/opt-outs', 303);
  });

  app.post('/staff/notify/opt-outs/delete', async (request, reply) => {
    const staff = editor(request);
    const { values, errors } = readForm(RemoveForm, request.body);
    if (!errors.length) {
      await db.transaction().execute(async (trx) => {
        if (await removeOptOut(trx, values.channel as Channel, values.recipient)) {
          await recordAudit(trx, { actor: { type: 'staff', id: staff.id }, action: 'notify.optOut.remove', targetType: 'notify_opt_out', targetId: values.channel, requestId: request.id });
        }
      });
    }
    setFlash(reply, errors.length ? 'error' : 'success', errors.length ? 'notify.optOuts.removeFailed' : 'notify.optOuts.removed');
    return reply.redirect('/staff/notify/opt-outs', 303);
  });
}
