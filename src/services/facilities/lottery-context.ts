/** What the lottery's functions need from the platform, chosen once when the service starts. */
import type { Logger } from 'pino';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { Notifier } from '../../platform/notify/notifier.ts';
import type { Payments } from '../../platform/payments/payments.ts';
import type { Platform } from '../../platform/platform.ts';
import type { FacilityContext } from './facility-context.ts';
import { asFacilitiesDb, asLotteryDb, lotteryDb, type LotteryDb } from './lottery-tables.ts';

export interface LotteryContext {
  db: LotteryDb;
  now: () => Date;
  /** null: nothing is queued (demo seeding). */
  jobs: JobQueue | null;
  notifier: Notifier;
  /** To notice a winner's payment before an offer is settled (booking-payments.ts). */
  payments: Payments;
  log: Logger;
  /** Absolute base of links in emails (the public results page). */
  publicUrl: string;
}

export function lotteryContext(platform: Platform): LotteryContext {
  return { db: lotteryDb(platform.db.kysely), now: platform.now, jobs: platform.jobs, notifier: platform.notifier, payments: platform.payments, log: platform.log, publicUrl: platform.config.publicUrl };
}

/** The booking functions' platform seen by the lottery's (the JSON API is registered with the booking context). */
export function lotteryContextOf(ctx: FacilityContext): LotteryContext {
  return { ...ctx, db: asLotteryDb(ctx.db as never) };
}

/** The same platform seen by the booking functions (a lottery offer is a booking). */
export function bookingContextOf(ctx: LotteryContext): FacilityContext {
  return { db: asFacilitiesDb(ctx.db), now: ctx.now, jobs: ctx.jobs, notifier: ctx.notifier, payments: ctx.payments, log: ctx.log, publicUrl: ctx.publicUrl };
}

/** Job queues of the lottery (handlers in lottery-jobs.ts). */
export const LOTTERY_QUEUES = {
  draw: 'facilities.lottery-draw',
  deadline: 'facilities.lottery-deadline',
  notify: 'facilities.lottery-notify',
  /** Tells every entrant of a drawn round its outcome (one job per round, not one per entrant). */
  announce: 'facilities.lottery-announce',
  /** Every few minutes: offers whose booking was paid, cancelled or lapsed elsewhere are settled promptly. */
  sweep: 'facilities.lottery-sweep',
} as const;
