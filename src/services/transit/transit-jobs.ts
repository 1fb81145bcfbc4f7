/**
 * Background work of the on-demand bus: rider notices, and the nightly re-optimisation
 * of the next service day, which schedules its own successor so the chain never needs
 * a cron (start-up re-creates the next link if it was ever lost).
 */
import type { JobHandler } from '../../platform/jobs/job-queue.ts';
import type { Platform } from '../../platform/platform.ts';
import { addDays, japanClock, japanInstant } from '../../platform/time/today.ts';
import { reoptimiseDay } from './reoptimise.ts';
import { asPlatformDb, transitContext, type TransitContext } from './transit-context.ts';
import { sendTripNotice, type NoticeKind } from './trip-notices.ts';

/** 21:00 the evening before: late bookings are rare by then and drivers get the plan in the morning. */
export const REOPTIMISE_AT = 21 * 3600;

export async function scheduleReoptimisation(ctx: TransitContext, serviceDate: string): Promise<void> {
  await ctx.jobs?.enqueue(asPlatformDb(ctx.db), 'transit.reoptimise', { date: serviceDate }, { runAt: japanInstant(addDays(serviceDate, -1), REOPTIMISE_AT), idempotencyKey: `transit-reoptimise:${serviceDate}` });
}

/** Makes sure tomorrow's re-optimisation is queued (idempotent; called at start-up). */
export async function ensureNightlyChain(ctx: TransitContext): Promise<void> {
  await scheduleReoptimisation(ctx, addDays(japanClock(ctx.now()).date, 1));
}

export function transitJobs(platform: Platform): Record<string, JobHandler> {
  return {
    'transit.notify': async (payload) => {
      await sendTripNotice(transitContext(platform).db, platform.notifier, String(payload.tripId), payload.kind as NoticeKind);
    },
    'transit.reoptimise': async (payload) => {
      const ctx = transitContext(platform);
      const date = String(payload.date);
      const result = await reoptimiseDay(ctx, date);
      platform.log.info({ date, ...result }, 'transit night re-optimisation');
      await scheduleReoptimisation(ctx, addDays(date, 1));
    },
    // Run by a manager from the day board; does not touch the nightly chain.
    'transit.reoptimise-once': async (payload) => {
      const result = await reoptimiseDay(transitContext(platform), String(payload.date));
      platform.log.info({ date: payload.date, by: payload.by, ...result }, 'transit re-optimisation on request');
    },
  };
}
