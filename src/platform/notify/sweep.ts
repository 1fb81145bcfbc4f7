/**
 * The safety net behind the queue, every few minutes ('notify-sweep', a job that
 * queues its own next run, like transit's nightly re-optimisation):
 * - a message still waiting with no delivery job left to wake it (its job ran out of
 *   attempts on database errors, or was lost with a broken database) gets a new one;
 * - a message the provider accepted but never sent a receipt for within three days
 *   is marked failed, as GOV.UK Notify does, instead of showing "sending" for ever.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { PlatformTables } from '../db/platform-tables.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { NotifyDb } from './notify-tables.ts';
import { DELIVER_QUEUE } from './pipeline.ts';

export const SWEEP_QUEUE = 'notify-sweep';
const EVERY_MS = 5 * 60_000;
export const RECEIPT_DEADLINE_HOURS = 72;

export async function scheduleSweep(db: NotifyDb, jobs: JobQueue, after = EVERY_MS): Promise<void> {
  const slot = Math.floor((Date.now() + after) / EVERY_MS);
  await jobs.enqueue(db as unknown as Kysely<PlatformTables>, SWEEP_QUEUE, {}, { runAt: new Date(slot * EVERY_MS), idempotencyKey: `notify-sweep:${slot}` });
}

export async function sweep(db: NotifyDb, jobs: JobQueue): Promise<{ woken: number; expired: number }> {
  const stranded = await sql<{ id: string }>`
    SELECT m.id FROM notify_messages m
    WHERE (m.status IN ('created', 'temporary-failure') OR (m.status = 'sending' AND m.sent_at IS NULL AND m.lease_until < now()))
      AND m.updated_at < now() - interval '5 minutes'
      AND (m.next_attempt_at IS NULL OR m.next_attempt_at < now() - interval '5 minutes')
      AND NOT EXISTS (
        SELECT 1 FROM jobs j
        WHERE j.queue = ${DELIVER_QUEUE} AND j.state IN ('queued', 'running') AND j.payload->>'messageId' = m.id::text)
    LIMIT 1000`.execute(db);
  for (const { id } of stranded.rows) await jobs.enqueue(db as unknown as Kysely<PlatformTables>, DELIVER_QUEUE, { messageId: id }, { maxAttempts: 5 });
  const expired = await sql<{ message_id: string }>`
    WITH expired AS (
      UPDATE notify_messages
      SET status = 'failed', failed_at = now(), failure_reason = ${`no delivery receipt within ${RECEIPT_DEADLINE_HOURS} hours`}, updated_at = now()
      WHERE status = 'sending' AND sent_at < now() - make_interval(hours => ${RECEIPT_DEADLINE_HOURS})
      RETURNING id
    )
    INSERT INTO notify_message_events (message_id, event, detail) SELECT id, 'failed', 'no delivery receipt' FROM expired
    RETURNING message_id`.execute(db);
  return { woken: stranded.rows.length, expired: expired.rows.length };
}

export function sweepJob(db: NotifyDb, jobs: JobQueue) {
  return async (): Promise<void> => {
    await sweep(db, jobs);
    await scheduleSweep(db, jobs);
  };
}
