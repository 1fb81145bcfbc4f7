/** /dev/notify: the simulators' inbox a developer opens in the browser, and its two controls. */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireAccess, requireStaff } from '../../access/require-access.ts';
import { setFlash } from '../../http/flash.ts';
import { readForm } from '../../http/form.ts';
import { viewContext } from '../../http/request-context.ts';
import type { NotifyDb } from '../notify-tables.ts';
import { canEditNotify, canViewNotify } from '../staff/notify-policy.ts';
import { InboxPage } from './inbox-page-view.tsx';
import type { SimulatorControl } from './simulator-control.ts';

const PAGE_SIZE = 50;
const Query = Type.Object({
  channel: Type.Optional(Type.Union([Type.Literal(''), Type.Literal('sms'), Type.Literal('email'), Type.Literal('line'), Type.Literal('push')])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
});
const SettingsForm = Type.Object({ failPercent: Type.String({ pattern: '^(100|[1-9]?[0-9])$' }) });

export async function registerInboxPage(app: FastifyInstance, db: NotifyDb, control: SimulatorControl, smtpUrl: () => string | null): Promise<void> {
  // Message bodies can hold personal data (names, amounts, pay links): DX staff only, even in development.
  app.get('/dev/notify', { schema: { hide: true, querystring: Query } }, async (request, reply) => {
    requireAccess(canViewNotify(requireStaff(request.staff)), 'forbidden');
    const query = request.query as { channel?: '' | 'sms' | 'email' | 'line' | 'push'; page?: number };
    const channel = query.channel || undefined;
    const page = query.page ?? 1;
    let rows = db.selectFrom('notify_simulator_inbox').selectAll();
    let count = db.selectFrom('notify_simulator_inbox').select((eb) => eb.fn.countAll<number>().as('n'));
    if (channel) {
      rows = rows.where('channel', '=', channel);
      count = count.where('channel', '=', channel);
    }
    const [list, total] = await Promise.all([rows.orderBy('id', 'desc').limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).execute(), count.executeTakeFirstOrThrow()]);
    return reply.html(
      <InboxPage ctx={viewContext(request)} rows={list} channel={channel ?? ''} page={page} pageCount={Math.max(1, Math.ceil(Number(total.n) / PAGE_SIZE))} failPercent={control.failPercent} smtpUrl={smtpUrl()} />,
    );
  });

  app.post('/dev/notify/settings', { schema: { hide: true } }, async (request, reply) => {
    requireAccess(canEditNotify(requireStaff(request.staff)), 'forbidden');
    const { values, errors } = readForm(SettingsForm, request.body);
    if (errors.length) setFlash(reply, 'error', 'notify.sim.failPercent.invalid');
    else {
      control.failPercent = Number(values.failPercent);
      setFlash(reply, 'success', 'notify.sim.saved');
    }
    return reply.redirect('/dev/notify', 303);
  });

  app.post('/dev/notify/clear', { schema: { hide: true } }, async (request, reply) => {
    requireAccess(canEditNotify(requireStaff(request.staff)), 'forbidden');
    await db.deleteFrom('notify_simulator_inbox').execute();
    setFlash(reply, 'success', 'notify.sim.cleared');
    return reply.redirect('/dev/notify', 303);
  });
}
