/**
 * The nightly reconciliation: at 01:00 Japan time each day's run reconciles the
 * day before (late webhooks of the evening have arrived by then) and queues the
 * next night's, so the chain needs no cron; start-up queues tonight's link if it
 * was ever lost (idempotent). A run that finds the day not yet over by the app's
 * clock (clock skew between the app and the database) fails and is retried.
 */
import type { JobHandler } from '../jobs/job-queue.ts';
import type { Platform } from '../platform.ts';
import { isIsoDate } from '../text/wareki.ts';
import { addDays, japanInstant, todayInJapan } from '../time/today.ts';
import { japanDayRange } from './payment-dates.ts';

export const RECONCILE_QUEUE = 'payments.reconcile-day';
/** Seconds after midnight (Japan time) the day before is reconciled. */
export const RECONCILE_AT = 3600;

/** Queues the reconciliation of `date` for 01:00 the next morning (once per day: the idempotency key). */
export async function scheduleReconciliation(platform: Platform, date: string): Promise<void> {
  await platform.jobs.enqueue(platform.db.kysely, RECONCILE_QUEUE, { date }, { runAt: japanInstant(addDays(date, 1), RECONCILE_AT), idempotencyKey: `${RECONCILE_QUEUE}:${date}`, maxAttempts: 10 });
}

/** Makes sure today's reconciliation (run after midnight) is queued; nothing without a payment provider. */
export async function ensureReconciliationChain(platform: Platform): Promise<void> {
  if (!platform.payments.available) return;
  await scheduleReconciliation(platform, todayInJapan(platform.now()));
}

export function reconciliationJob(platform: Platform): JobHandler {
  return async (payload) => {
    const date = String(payload.date ?? '');
    if (!isIsoDate(date)) throw new Error(`payments.reconcile-day: not a date: ${date}`);
    // No provider any more (configuration changed): nothing to reconcile, and the chain ends here.
    if (!platform.payments.available) return;
    if (platform.now().getTime() < japanDayRange(date).to.getTime()) throw new Error(`payments.reconcile-day: ${date} is not over yet by the app's clock`);
    const run = await platform.payments.reconcileDay(date, { type: 'system', id: RECONCILE_QUEUE });
    platform.log.info({ date, status: run.status, matched: run.matchedCount, discrepancies: run.discrepancyCount }, 'payments daily reconciliation');
    if (run.status === 'discrepancies') platform.log.warn({ date, discrepancies: run.discrepancyCount }, 'payments daily reconciliation found differences: see /staff/payments/reconciliation');
    await scheduleReconciliation(platform, addDays(date, 1));
  };
}
