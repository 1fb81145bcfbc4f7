/** Staff: messages and their status (DX office; see notify-policy.ts). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { StaffActor } from '../../access/actor.ts';
import { requireAccess, requireStaff } from '../../access/require-access.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { addMessages } from '../../i18n/i18n.ts';
import { notFound } from '../../http/errors.ts';
import { viewContext } from '../../http/request-context.ts';
import type { Platform } from '../../platform.ts';
import { parseJapaneseDate } from '../../text/wareki.ts';
import type { Channel } from '../notifier.ts';
import type { MessageStatus } from '../notify-tables.ts';
import { listMessages, messageSources, messageWithTimeline } from './message-queries.ts';
import { MessageDetailPage, MessageListPage } from './messages-views.tsx';
import { canReadMessageContent, canViewNotify, owningDepartment } from './notify-policy.ts';
import { notifyStaffMessages } from './staff-messages.ts';

const ListQuery = Type.Object({
  status: Type.Optional(Type.Union(['', 'created', 'sending', 'delivered', 'failed', 'temporary-failure', 'suppressed'].map((s) => Type.Literal(s)))),
  channel: Type.Optional(Type.Union(['', 'sms', 'email', 'line', 'push'].map((s) => Type.Literal(s)))),
  source: Type.Optional(Type.String({ maxLength: 60 })),
  from: Type.Optional(Type.String({ maxLength: 30 })),
  to: Type.Optional(Type.String({ maxLength: 30 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
});
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export function notifyViewer(request: FastifyRequest): StaffActor {
  const staff = requireStaff(request.staff);
  requireAccess(canViewNotify(staff), 'forbidden');
  return staff;
}

export async function registerMessageStaffRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.notify.db;
  addMessages(notifyStaffMessages);

  app.get('/staff/notify', { schema: { querystring: ListQuery } }, async (request, reply) => {
    notifyViewer(request);
    const q = request.query as Static<typeof ListQuery>;
    // Dates as people type them (2026-04-01, 令和8年4月1日); one that is not a date is ignored, not an error page.
    const date = (value: string | undefined) => {
      const parsed = value ? parseJapaneseDate(value) : null;
      return parsed && parsed.ok ? parsed.iso : '';
    };
    const filters = { status: q.status ?? '', channel: q.channel ?? '', source: q.source ?? '', from: date(q.from), to: date(q.to) };
    const page = q.page ?? 1;
    const { rows, pageCount } = await listMessages(
      db,
      {
        ...(filters.status ? { status: filters.status as MessageStatus } : {}),
        ...(filters.channel ? { channel: filters.channel as Channel } : {}),
        ...(filters.source ? { source: filters.source } : {}),
        ...(filters.from ? { from: filters.from } : {}),
        ...(filters.to ? { to: filters.to } : {}),
      },
      page,
    );
    return reply.html(<MessageListPage ctx={viewContext(request)} rows={rows} filters={filters} sources={await messageSources(db)} page={page} pageCount={pageCount} />);
  });

  app.get('/staff/notify/messages/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const staff = notifyViewer(request);
    const found = await messageWithTimeline(db, (request.params as Static<typeof IdParams>).id);
    if (!found) throw notFound();
    const { message } = found;
    const restrictedTo = canReadMessageContent(staff, message.source) ? null : owningDepartment(message.source);
    // Every look at a message is on record: who saw which message, and whether its content was shown.
    await recordAudit(db, { actor: { type: 'staff', id: staff.id }, action: 'notify.message.viewed', targetType: 'notify_message', targetId: message.id, details: { source: message.source, contentShown: restrictedTo === null }, requestId: request.id });
    return reply.html(<MessageDetailPage ctx={viewContext(request)} message={message} events={found.events} restrictedTo={restrictedTo} />);
  });
}
