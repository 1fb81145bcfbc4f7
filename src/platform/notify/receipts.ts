/**
 * Delivery receipts from providers → the message's final status. Receipts may come
 * before the worker has recorded the provider's answer, more than once, or for a
 * message we had given up on after lost answers: "delivered" always wins (it is what
 * happened), "failed" only settles a message still waiting.
 */
import { sql } from 'kysely';
import type { Channel } from './notifier.ts';
import type { NotifyDb } from './notify-tables.ts';

export interface Receipt {
  /** Our message id, when the provider echoes it (clientRef / retry key). */
  messageId?: string | null;
  channel: Channel;
  providerRef?: string | null;
  status: 'delivered' | 'failed';
  reason?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function applyReceipt(db: NotifyDb, receipt: Receipt): Promise<'applied' | 'ignored' | 'unknown'> {
  let query = db.selectFrom('notify_messages').select(['id', 'status', 'provider_ref']);
  if (receipt.messageId && UUID.test(receipt.messageId)) query = query.where('id', '=', receipt.messageId);
  else if (receipt.providerRef) query = query.where('provider_ref', '=', receipt.providerRef).where('channel', '=', receipt.channel);
  else return 'unknown';
  const message = await query.executeTakeFirst();
  if (!message) return 'unknown';
  if (receipt.providerRef && message.provider_ref && message.provider_ref !== receipt.providerRef) return 'unknown';
  const ref = receipt.providerRef ?? null;
  const detail = `${receipt.status}${receipt.reason ? `: ${receipt.reason.slice(0, 200)}` : ''}`;
  // The status change and its timeline entry in one statement (one commit).
  const result =
    receipt.status === 'delivered'
      ? await sql`
          WITH updated AS (
            UPDATE notify_messages
            SET status = 'delivered', delivered_at = now(), sent_at = coalesce(sent_at, now()), provider_ref = coalesce(provider_ref, ${ref}),
                failure_reason = NULL, failed_at = NULL, lease_until = NULL, next_attempt_at = NULL, updated_at = now()
            WHERE id = ${message.id} AND status NOT IN ('delivered', 'suppressed')
            RETURNING id
          )
          INSERT INTO notify_message_events (message_id, event, detail) SELECT id, 'receipt', ${detail} FROM updated
          RETURNING message_id`.execute(db)
      : await sql`
          WITH updated AS (
            UPDATE notify_messages
            SET status = 'failed', failed_at = now(), failure_reason = ${`receipt: ${(receipt.reason ?? 'failed').slice(0, 200)}`},
                provider_ref = coalesce(provider_ref, ${ref}), lease_until = NULL, next_attempt_at = NULL, updated_at = now()
            WHERE id = ${message.id} AND status IN ('sending', 'temporary-failure')
            RETURNING id
          )
          INSERT INTO notify_message_events (message_id, event, detail) SELECT id, 'receipt', ${detail} FROM updated
          RETURNING message_id`.execute(db);
  // (rows, not numAffectedRows: drivers report a WITH … INSERT differently)
  if (result.rows.length === 0) return 'ignored';
  return 'applied';
}
