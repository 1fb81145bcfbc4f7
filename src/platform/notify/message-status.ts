/**
 * Status lookups for the services that send through Notify: "what became of the
 * messages I sent about these things?" (a campaign's rows, a booking). Services
 * pass the `source` and `reference` they gave in OutgoingMessage.
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/platform-tables.ts';
import type { Channel } from './notifier.ts';
import { notifyDb, type MessageStatus } from './notify-tables.ts';

export type { MessageStatus } from './notify-tables.ts';

export interface MessageStatusInfo {
  id: string;
  reference: string;
  channel: Channel;
  status: MessageStatus;
  createdAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
  /** Why it failed or was suppressed (e.g. 'opted-out', the provider's reason); null otherwise. */
  failureReason: string | null;
}

// Keeps each query's parameter list well under PostgreSQL's 65,535 limit.
const CHUNK = 1000;

/**
 * Every message of `source` whose reference is one of `references`, oldest first per
 * reference. References without messages are absent from the map.
 */
export async function statusesByReference<DB extends PlatformTables>(
  db: Kysely<DB>,
  source: string,
  references: readonly string[],
): Promise<Map<string, MessageStatusInfo[]>> {
  const result = new Map<string, MessageStatusInfo[]>();
  const unique = [...new Set(references)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await notifyDb(db)
      .selectFrom('notify_messages')
      .select(['id', 'reference', 'channel', 'status', 'created_at', 'sent_at', 'delivered_at', 'failed_at', 'failure_reason'])
      .where('source', '=', source)
      .where('reference', 'in', unique.slice(i, i + CHUNK))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const row of rows) {
      const info: MessageStatusInfo = {
        id: row.id,
        reference: row.reference!,
        channel: row.channel,
        status: row.status,
        createdAt: row.created_at,
        sentAt: row.sent_at,
        deliveredAt: row.delivered_at,
        failedAt: row.failed_at,
        failureReason: row.failure_reason,
      };
      const list = result.get(info.reference);
      if (list) list.push(info);
      else result.set(info.reference, [info]);
    }
  }
  return result;
}

/** Counts per status of everything `source` sent about one reference prefix (e.g. a campaign's 'campaign-42:' rows). */
export async function statusCounts<DB extends PlatformTables>(db: Kysely<DB>, source: string, referencePrefix = ''): Promise<Record<MessageStatus, number>> {
  const counts: Record<MessageStatus, number> = { created: 0, sending: 0, delivered: 0, failed: 0, 'temporary-failure': 0, suppressed: 0 };
  let query = notifyDb(db)
    .selectFrom('notify_messages')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('source', '=', source);
  if (referencePrefix) query = query.where('reference', 'like', `${referencePrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  for (const row of await query.groupBy('status').execute()) counts[row.status] = Number(row.n);
  return counts;
}
