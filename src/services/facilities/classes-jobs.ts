/**
 * Background work of classes: sending queued notices, and the reminders the day
 * before. Reminders run as a chain of daily jobs (each run schedules the next day's,
 * with the date as idempotency key, so several instances or restarts never start a
 * second chain) at 17:00 Japan time, for every booked seat of the next day's classes.
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { JobHandler } from '../../platform/jobs/job-queue.ts';
import type { Platform } from '../../platform/platform.ts';
import { addDays, japanClock } from '../../platform/time/today.ts';
import { instantOf } from './booking-time.ts';
import { CLASS_NOTICE_QUEUE, queueClassNotice, sendClassNotice, type ClassNoticeKind } from './classes-notices.ts';
import { facilityContext, type FacilityContext } from './facility-context.ts';
import { staffDb } from './staff-tables.ts';

export const CLASS_REMINDER_QUEUE = 'facilities.classes.reminders';
/** Reminders go out at 17:00 the day before (after work, before the evening). */
export const REMINDER_MINUTES = 17 * 60;

/** Schedules the reminder run for the classes of `date` (at 17:00 the day before; at once if that has passed). */
export async function scheduleReminders(ctx: FacilityContext, date: string): Promise<void> {
  if (!ctx.jobs) return;
  await ctx.jobs.enqueue(ctx.db as unknown as Kysely<PlatformTables>, CLASS_REMINDER_QUEUE, { date }, { runAt: instantOf(addDays(date, -1), REMINDER_MINUTES), idempotencyKey: `facilities-class-reminders:${date}` });
}

/** Starts the chain at tomorrow's classes (a no-op when it is already running). */
export async function ensureReminderChain(ctx: FacilityContext): Promise<void> {
  await scheduleReminders(ctx, addDays(japanClock(ctx.now()).date, 1));
}

/** Queues a reminder for every booked seat of the classes held on `date`; returns how many. */
export async function queueReminders(ctx: FacilityContext, date: string): Promise<number> {
  const db = staffDb(ctx.db);
  const seats = await db
    .selectFrom('facility_class_seats as s')
    .innerJoin('facility_classes as c', 'c.id', 's.class_id')
    .select('s.id')
    .where('c.use_date', '=', date)
    .where('c.status', '=', 'scheduled')
    .where('s.status', '=', 'booked')
    .execute();
  for (const s of seats) await queueClassNotice(ctx.jobs, db, s.id, 'reminder');
  return seats.length;
}

export function classJobs(platform: Platform): Record<string, JobHandler> {
  return {
    [CLASS_NOTICE_QUEUE]: async (payload) => {
      const ctx = facilityContext(platform);
      await sendClassNotice(staffDb(ctx.db), ctx.notifier, ctx.publicUrl, String(payload.seatId), payload.kind as ClassNoticeKind, String(payload.version ?? ''));
    },
    [CLASS_REMINDER_QUEUE]: async (payload) => {
      const ctx = facilityContext(platform);
      const date = String(payload.date);
      const count = await queueReminders(ctx, date);
      platform.log.info({ date, count }, 'class reminders queued');
      await scheduleReminders(ctx, addDays(date, 1));
    },
  };
}
