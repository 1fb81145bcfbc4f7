/**
 * The simulators' shared inbox (notify_simulator_inbox) and their delivery receipts.
 * One row per idempotency key: a repeated call only counts up `calls`. Receipts are
 * sent by a durable job, after the provider has answered, like a real gateway's
 * callback: they survive a restart and can arrive before or after the sender has
 * recorded the answer.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { PlatformTables } from '../../db/platform-tables.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import type { Channel } from '../notifier.ts';
import type { NotifyDb } from '../notify-tables.ts';
import type { FetchLike } from '../providers/provider.ts';
import { hexSignature, lineSignature } from '../signatures.ts';

export const SIMULATOR_RECEIPT_QUEUE = 'notify.simulator.receipt';

export interface Received {
  channel: Channel;
  recipient: string;
  subject?: string | null;
  body: string;
  idempotencyKey: string;
  clientRef?: string | null;
  /** Where to send the receipt; null for channels without receipts (email, push). */
  callbackUrl?: string | null;
}

/** Stores what arrived, or counts a repeat; returns the provider id either way. */
export async function receive(db: NotifyDb, jobs: JobQueue, item: Received): Promise<{ providerRef: string; duplicate: boolean }> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('notify_simulator_inbox')
      .values({
        channel: item.channel,
        recipient: item.recipient,
        subject: item.subject ?? null,
        body: item.body,
        idempotency_key: item.idempotencyKey,
        provider_ref: `sim-${item.channel}-${crypto.randomUUID()}`,
        client_ref: item.clientRef ?? null,
        callback_url: item.callbackUrl ?? null,
        receipt_state: item.callbackUrl ? 'pending' : 'none',
        receipt_status: null,
        receipt_sent_at: null,
      })
      .onConflict((oc) => oc.columns(['channel', 'idempotency_key']).doNothing())
      .returning(['id', 'provider_ref'])
      .executeTakeFirst();
    if (!inserted) {
      const again = await sql<{ provider_ref: string }>`
        UPDATE notify_simulator_inbox SET calls = calls + 1
        WHERE channel = ${item.channel} AND idempotency_key = ${item.idempotencyKey}
        RETURNING provider_ref`.execute(trx);
      return { providerRef: again.rows[0]!.provider_ref, duplicate: true };
    }
    if (item.callbackUrl) {
      await jobs.enqueue(trx as unknown as Kysely<PlatformTables>, SIMULATOR_RECEIPT_QUEUE, { inboxId: inserted.id }, { idempotencyKey: `notify-sim-receipt:${inserted.id}`, maxAttempts: 10 });
    }
    return { providerRef: inserted.provider_ref, duplicate: false };
  });
}

export interface ReceiptSecrets {
  /** SMS receipts: hex HMAC of the body with the gateway token (X-Notify-Signature). */
  sms: string;
  /** LINE-style receipts: base64 HMAC with the channel secret (X-Line-Signature). */
  line: string;
}

/** Numbers ending in 0000 get an "unreachable" receipt, so a developer can see a failed delivery. */
export function simulatedReceiptStatus(recipient: string): { status: 'delivered' | 'failed'; reason?: string } {
  return /0000$/.test(recipient) ? { status: 'failed', reason: 'unreachable handset (simulated)' } : { status: 'delivered' };
}

export function receiptJob(db: NotifyDb, fetch: FetchLike, secrets: ReceiptSecrets) {
  return async (payload: Record<string, unknown>): Promise<void> => {
    const row = await db.selectFrom('notify_simulator_inbox').selectAll().where('id', '=', Number(payload.inboxId)).executeTakeFirst();
    if (!row || row.receipt_state !== 'pending' || !row.callback_url) return;
    const outcome = simulatedReceiptStatus(row.recipient);
    const at = new Date().toISOString();
    let body: string;
    let headers: Record<string, string>;
    if (row.channel === 'line') {
      body = JSON.stringify({ destination: 'simulator', events: [{ type: 'delivery', timestamp: Date.now(), delivery: { requestId: row.provider_ref, retryKey: row.client_ref, status: outcome.status, reason: outcome.reason ?? null } }] });
      headers = { 'content-type': 'application/json', 'x-line-signature': lineSignature(secrets.line, body) };
    } else {
      body = JSON.stringify({ id: row.provider_ref, clientRef: row.client_ref, status: outcome.status, reason: outcome.reason ?? null, at });
      headers = { 'content-type': 'application/json', 'x-notify-signature': hexSignature(secrets.sms, body) };
    }
    const response = await fetch(row.callback_url, { method: 'POST', headers, body });
    // Anything but 2xx: the job queue tries again with backoff, as a gateway would.
    if (!response.ok) throw new Error(`receipt callback answered ${response.status}`);
    await db.updateTable('notify_simulator_inbox').set({ receipt_state: 'sent', receipt_status: outcome.status, receipt_sent_at: new Date() }).where('id', '=', row.id).execute();
  };
}
