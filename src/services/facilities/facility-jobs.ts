/**
 * Background work of facility booking: notices, and a sweep every few minutes that
 * brings bookings up to date with their payments, reminds holders a day before the
 * payment deadline, cancels bookings still unpaid past it (freeing the slot,
 * withdrawing any open checkout and telling the holder), refunds captures that arrived too late, and retries refunds
 * the provider could not take at cancellation. The sweep schedules its successor,
 * so the chain needs no cron; start-up re-creates the next link if it was lost.
 */
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { JobHandler } from '../../platform/jobs/job-queue.ts';
import type { Platform } from '../../platform/platform.ts';
import { NOTICE_QUEUE, queueNotice, sendBookingNotice, type NoticeKind } from './booking-notices.ts';
import { afterBookingEnded, settleCancellationRefund, syncPayment, withdrawOpenPayment } from './booking-payments.ts';
import { asPlatformDb, facilityContext, PAYMENT_SOURCE, type FacilityContext } from './facility-context.ts';

export const SWEEP_QUEUE = 'facilities.sweep';
const SWEEP_EVERY_MS = 5 * 60_000;
const REMIND_BEFORE_MS = 24 * 3600_000;
/** Bookings made this recently are not reminded (their confirmation said the deadline). */
const REMIND_AFTER_BOOKING_MS = 6 * 3600_000;
/** How long after a booking ended a late capture is still looked for (checkouts stay open 30 minutes at most). */
const LATE_CAPTURE_WINDOW_MS = 2 * 24 * 3600_000;

export interface SweepResult {
  confirmed: number;
  reminded: number;
  lapsed: number;
  lateRefunds: number;
  refundsRetried: number;
}

export async function sweepBookings(ctx: FacilityContext): Promise<SweepResult> {
  const now = ctx.now();
  const result: SweepResult = { confirmed: 0, reminded: 0, lapsed: 0, lateRefunds: 0, refundsRetried: 0 };

  // 1. A capture the booking has not seen yet (the payer never came back): confirm before anything lapses.
  const awaiting = await ctx.db.selectFrom('facility_bookings').select('id').where('status', '=', 'awaiting_payment').where('payment_due_at', '<=', new Date(now.getTime() + REMIND_BEFORE_MS)).execute();
  const recentlyEnded = await ctx.db.selectFrom('facility_bookings').select(['id', 'payment_id']).where('status', 'in', ['cancelled', 'lapsed', 'rejected']).where('updated_at', '>=', new Date(now.getTime() - LATE_CAPTURE_WINDOW_MS)).execute();
  const ids = [...awaiting.map((b) => b.id), ...recentlyEnded.map((b) => b.id)];
  const payments = ids.length ? await ctx.payments.byReferences(PAYMENT_SOURCE, ids) : new Map();
  for (const id of ids) {
    const paid = (payments.get(id) ?? []).filter((p: { status: string }) => p.status === 'paid');
    if (paid.length === 0) continue;
    const ended = recentlyEnded.find((b) => b.id === id);
    if (ended && paid.every((p: { id: string }) => p.id === ended.payment_id)) continue;
    const synced = await syncPayment(ctx, id);
    if (synced.confirmed) result.confirmed++;
    result.lateRefunds += synced.refundsRequested;
  }

  // 2. Unpaid past the deadline: cancelled automatically, the slot freed, the holder told.
  const overdue = await ctx.db.selectFrom('facility_bookings').select('id').where('status', '=', 'awaiting_payment').where('payment_due_at', '<=', now).execute();
  for (const { id } of overdue) {
    const lapsed = await ctx.db.transaction().execute(async (trx) => {
      const b = await trx.selectFrom('facility_bookings').select(['status', 'payment_due_at']).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!b || b.status !== 'awaiting_payment' || !b.payment_due_at || b.payment_due_at > now) return null;
      await trx.updateTable('facility_bookings').set({ status: 'lapsed', cancelled_at: now, cancel_reason: '支払期限までに使用料の支払いがなかったため', cancel_fee_yen: 0, refund_yen: 0, updated_at: now }).where('id', '=', id).execute();
      await recordAudit(trx, { actor: { type: 'system', id: 'facilities' }, action: 'facilities.booking.lapsed', targetType: 'facility_booking', targetId: id, details: { dueAt: b.payment_due_at.toISOString() } });
      await queueNotice(ctx.jobs, trx, id, 'lapsed');
      return withdrawOpenPayment(ctx, trx, id, '支払期限切れによる予約の失効');
    });
    if (lapsed) {
      await afterBookingEnded(ctx, id, lapsed);
      result.lapsed++;
    }
  }

  // 3. A day before the deadline: one reminder.
  const dueSoon = await ctx.db
    .selectFrom('facility_bookings')
    .select('id')
    .where('status', '=', 'awaiting_payment')
    .where('reminder_sent_at', 'is', null)
    .where('payment_due_at', '>', now)
    .where('payment_due_at', '<=', new Date(now.getTime() + REMIND_BEFORE_MS))
    .where('created_at', '<=', new Date(now.getTime() - REMIND_AFTER_BOOKING_MS))
    .execute();
  for (const { id } of dueSoon) {
    await ctx.db.transaction().execute(async (trx) => {
      const marked = await trx.updateTable('facility_bookings').set({ reminder_sent_at: now }).where('id', '=', id).where('reminder_sent_at', 'is', null).executeTakeFirst();
      if (Number(marked.numUpdatedRows) === 1) await queueNotice(ctx.jobs, trx, id, 'reminder');
    });
    result.reminded++;
  }

  // 4. Refunds decided at cancellation that the provider could not take then.
  const owed = await ctx.db.selectFrom('facility_bookings').select('id').where('status', '=', 'cancelled').where('refund_yen', '>', 0).where('refund_id', 'is', null).where('payment_id', 'is not', null).where('payment_method', '=', 'online').execute();
  for (const { id } of owed) {
    await settleCancellationRefund(ctx, id);
    result.refundsRetried++;
  }
  return result;
}

function bucketOf(at: Date): number {
  return Math.floor(at.getTime() / SWEEP_EVERY_MS);
}

export async function scheduleSweep(ctx: FacilityContext, after: Date): Promise<void> {
  const next = bucketOf(after) + 1;
  await ctx.jobs?.enqueue(asPlatformDb(ctx.db), SWEEP_QUEUE, {}, { runAt: new Date(next * SWEEP_EVERY_MS), idempotencyKey: `facilities-sweep:${next}` });
}

export function facilityJobs(platform: Platform): Record<string, JobHandler> {
  return {
    [NOTICE_QUEUE]: async (payload) => {
      const ctx = facilityContext(platform);
      await sendBookingNotice(ctx.db, ctx.notifier, ctx.publicUrl, String(payload.bookingId), payload.kind as NoticeKind);
    },
    [SWEEP_QUEUE]: async () => {
      const ctx = facilityContext(platform);
      try {
        const result = await sweepBookings(ctx);
        if (Object.values(result).some((n) => n > 0)) platform.log.info(result, 'facility bookings swept');
      } finally {
        await scheduleSweep(ctx, ctx.now());
      }
    },
  };
}
