/** Reading messages for the staff pages: filtered, paged lists and one message with its timeline. */
import { japanInstant, addDays } from '../../time/today.ts';
import type { Channel } from '../notifier.ts';
import type { MessageStatus, NotifyDb } from '../notify-tables.ts';

export interface MessageFilters {
  status?: MessageStatus;
  channel?: Channel;
  source?: string;
  /** Japan calendar dates, inclusive. */
  from?: string;
  to?: string;
}

export const PAGE_SIZE = 50;

export async function listMessages(db: NotifyDb, filters: MessageFilters, page: number) {
  let query = db.selectFrom('notify_messages');
  if (filters.status) query = query.where('status', '=', filters.status);
  if (filters.channel) query = query.where('channel', '=', filters.channel);
  if (filters.source) query = query.where('source', '=', filters.source);
  if (filters.from) query = query.where('created_at', '>=', japanInstant(filters.from, 0));
  if (filters.to) query = query.where('created_at', '<', japanInstant(addDays(filters.to, 1), 0));
  const [rows, total] = await Promise.all([
    query
      .select(['id', 'channel', 'recipient', 'subject', 'source', 'reference', 'status', 'attempts', 'created_at', 'delivered_at', 'next_attempt_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, pageCount: Math.max(1, Math.ceil(Number(total.n) / PAGE_SIZE)) };
}

export async function messageSources(db: NotifyDb): Promise<string[]> {
  return (await db.selectFrom('notify_messages').select('source').distinct().orderBy('source').execute()).map((r) => r.source);
}

export async function messageWithTimeline(db: NotifyDb, id: string) {
  const message = await db.selectFrom('notify_messages').selectAll().where('id', '=', id).executeTakeFirst();
  if (!message) return null;
  const events = await db.selectFrom('notify_message_events').select(['at', 'event', 'detail']).where('message_id', '=', id).orderBy('id').execute();
  return { message, events };
}
