/**
 * Background work of the city app: publishing scheduled articles when due, the
 * notification fan-out (articles, disaster alerts), confirmation messages, and a
 * daily run at 09:00 (vaccination reminders, overdue scheduled articles as a safety
 * net) that queues its own successor like the bus's nightly chain.
 */
import type { JobHandler } from '../../platform/jobs/job-queue.ts';
import type { Platform } from '../../platform/platform.ts';
import { addDays, japanClock, japanInstant } from '../../platform/time/today.ts';
import { appContext, type AppContext } from './app-context.ts';
import { sendVaccineReminders } from './childcare-service.ts';
import { fanOutBatch } from './fanout.ts';
import { publishIfDue, publishOverdue } from './news-service.ts';
import { sendEmailConfirmation, sendLineLinked } from './subscription-service.ts';
import { asPlatformDb } from './tables.ts';

/** 09:00 Japan time: reminders arrive in the morning, not at night. */
export const DAILY_AT = 9 * 3600;

export async function scheduleDaily(ctx: AppContext, date: string): Promise<void> {
  await ctx.jobs?.enqueue(asPlatformDb(ctx.db), 'app.daily', { date }, { runAt: japanInstant(date, DAILY_AT), idempotencyKey: `app-daily:${date}` });
}

/** Makes sure the next daily run is queued (idempotent; called at start-up). */
export async function ensureDailyChain(ctx: AppContext): Promise<void> {
  const { date, seconds } = japanClock(ctx.now());
  await scheduleDaily(ctx, seconds < DAILY_AT ? date : addDays(date, 1));
}

export async function runDaily(ctx: AppContext): Promise<{ reminders: number; published: number }> {
  const published = await publishOverdue(ctx);
  const reminders = await sendVaccineReminders(ctx);
  return { reminders, published };
}

export function appJobs(platform: Platform): Record<string, JobHandler> {
  const ctx = () => appContext(platform);
  return {
    'app.publish': async (payload) => {
      await publishIfDue(ctx(), String(payload.id), String(payload.at));
    },
    'app.fanout': async (payload) => {
      const kind = payload.kind === 'disaster' ? 'disaster' : 'article';
      const result = await fanOutBatch(ctx(), kind, String(payload.ref), String(payload.after ?? ''));
      platform.log.info({ kind, ref: payload.ref, sent: result.sent, more: result.next !== null }, 'app notifications sent');
    },
    'app.confirm-email': async (payload) => {
      await sendEmailConfirmation(ctx(), String(payload.id));
    },
    'app.line-linked': async (payload) => {
      await sendLineLinked(ctx(), String(payload.id));
    },
    'app.daily': async (payload) => {
      const c = ctx();
      // Tomorrow's run is queued first: a failure today (retried by the queue) must not end the chain.
      await scheduleDaily(c, addDays(String(payload.date), 1));
      const result = await runDaily(c);
      platform.log.info({ date: payload.date, ...result }, 'app daily run');
    },
  };
}
