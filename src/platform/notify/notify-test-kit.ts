/** Helpers for Notify's tests: let queued work run as if time had passed. */
import type { JobQueue } from '../jobs/job-queue.ts';
import type { NotifyDb } from './notify-tables.ts';

/**
 * Drains the queue; then brings every waiting notify job (retries with backoff,
 * rate-limit slots, receipts) forward to now, as if time had passed, until every
 * message is settled or `rounds` runs out. Returns the rounds used.
 */
export async function settle(db: NotifyDb, jobs: JobQueue, rounds = 300): Promise<number> {
  for (let round = 1; round <= rounds; round++) {
    await jobs.drain();
    const open = await db.selectFrom('notify_messages').select('id').where('status', 'not in', ['delivered', 'failed', 'suppressed']).limit(1).execute();
    const waiting = await db.selectFrom('jobs').select('id').where('state', 'in', ['queued', 'running']).where('queue', 'like', 'notify.%').limit(1).execute();
    if (open.length === 0 && waiting.length === 0) return round;
    await db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1000) }).where('state', '=', 'queued').where('queue', 'like', 'notify.%').execute();
  }
  throw new Error('notifications did not settle');
}

/** As if `seconds` passed: jobs due within that time (rate-limit slots, receipts) run now; later ones keep waiting. */
export async function passSeconds(db: NotifyDb, jobs: JobQueue, seconds: number): Promise<void> {
  for (let round = 0; round < 20; round++) {
    await jobs.drain();
    const soon = await db
      .updateTable('jobs')
      .set({ run_at: new Date(Date.now() - 1000) })
      .where('state', '=', 'queued')
      .where('queue', 'like', 'notify.%')
      .where('run_at', '<', new Date(Date.now() + seconds * 1000))
      .executeTakeFirst();
    if (Number(soon.numUpdatedRows) === 0) return;
  }
}
