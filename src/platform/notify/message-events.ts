/** The timeline of a message, shown on its staff page. Details never hold the body or the full recipient. */
import type { NotifyDb } from './notify-tables.ts';

export type MessageEvent =
  | 'created'
  | 'scheduled'
  | 'postponed'
  | 'sending'
  | 'accepted'
  | 'delivered'
  | 'temporary-failure'
  | 'failed'
  | 'suppressed'
  | 'receipt'
  | 'test-key';

export async function recordEvent(db: NotifyDb, messageId: string, event: MessageEvent, detail: string | null = null): Promise<void> {
  await db.insertInto('notify_message_events').values({ message_id: messageId, event, detail: detail?.slice(0, 500) ?? null }).execute();
}
