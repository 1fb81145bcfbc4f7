/**
 * What happens to a booking after it is made: staff approve or reject a 仮予約,
 * apply a fee reduction (減免) or record a payment at the counter; the holder (or
 * staff) cancels under the facility's cancellation rules, with the refund going
 * back through payments. Each change locks the row, is audited in the same
 * transaction and queues the holder's notice.
 */
import type { Actor, StaffActor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError, invalidInput } from '../../platform/http/errors.ts';
import { japanClock } from '../../platform/time/today.ts';
import { queueNotice } from './booking-notices.ts';
import { afterBookingEnded, afterFeeChanged, syncPayment, withdrawOpenPayment } from './booking-payments.ts';
import { bookingForView, loadBookingRow, type BookingRow } from './booking-queries.ts';
import { instantOf } from './booking-time.ts';
import { loadRoom } from './catalogue.ts';
import type { FacilityContext } from './facility-context.ts';
import { cancellationTerms, paymentDeadline, reductionOf, type CancellationTerms } from './fees.ts';
import { canActOnBooking, canManageFacility } from './policy.ts';
import type { BookingStatus } from './tables.ts';

const wrongState = () => new DomainError('booking_state', 409, 'facilities.error.state');

function cleanReason(reason: string | null | undefined, required: boolean): string | null {
  const text = (reason ?? '').normalize('NFKC').trim();
  if (required && !text) throw invalidInput([{ field: 'reason', messageKey: 'facilities.error.reasonRequired' }]);
  if (text.length > 500) throw invalidInput([{ field: 'reason', messageKey: 'facilities.error.reasonTooLong' }]);
  return text || null;
}

/** A staff member of the facility's department, and the booking locked for change. */
async function staffBooking(ctx: FacilityContext, actor: Actor, id: string) {
  const staff = requireStaff(actor);
  const row = await loadBookingRow(ctx.db, id);
  requireAccess(row !== undefined && row.kind === 'booking' && canManageFacility(staff, row));
  return { staff, row: row! };
}

/** 仮予約 → confirmed room: due for payment (deadline from now), or confirmed when nothing is to be paid. */
export async function approveBooking(ctx: FacilityContext, actor: StaffActor, id: string, reason: string | null = null): Promise<void> {
  const { staff, row } = await staffBooking(ctx, actor, id);
  const note = cleanReason(reason, false);
  const loaded = await loadRoom(ctx.db, row.room_id);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const b = await trx.selectFrom('facility_bookings').select(['status', 'fee_yen']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (b.status !== 'pending_approval') throw wrongState();
    const next: BookingStatus = b.fee_yen > 0 ? 'awaiting_payment' : 'confirmed';
    const due = next === 'awaiting_payment' && loaded ? paymentDeadline(loaded.facility, now, japanClock(now).date, row.use_date, row.starts_at) : null;
    await trx.updateTable('facility_bookings').set({ status: next, payment_due_at: due, decided_by_staff_id: staff.id, decided_at: now, decision_reason: note, payment_method: b.fee_yen > 0 ? (row.payment_method === 'none' ? 'online' : row.payment_method) : 'none', updated_at: now }).where('id', '=', id).execute();
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.booking.approved', targetType: 'facility_booking', targetId: id, reason: note, details: { status: next } });
    await queueNotice(ctx.jobs, trx, id, 'approved');
  });
}

/** 仮予約 refused: the slot is freed at once. */
export async function rejectBooking(ctx: FacilityContext, actor: StaffActor, id: string, reason: string): Promise<void> {
  const { staff } = await staffBooking(ctx, actor, id);
  const note = cleanReason(reason, true);
  const now = ctx.now();
  const withdrawn = await ctx.db.transaction().execute(async (trx) => {
    const b = await trx.selectFrom('facility_bookings').select(['status']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (b.status !== 'pending_approval') throw wrongState();
    await trx.updateTable('facility_bookings').set({ status: 'rejected', decided_by_staff_id: staff.id, decided_at: now, decision_reason: note, updated_at: now }).where('id', '=', id).execute();
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.booking.rejected', targetType: 'facility_booking', targetId: id, reason: note });
    await queueNotice(ctx.jobs, trx, id, 'rejected');
    return withdrawOpenPayment(ctx, trx, id, '施設予約の不承認', staff);
  });
  await afterBookingEnded(ctx, id, withdrawn, staff);
}

/**
 * Applies (or with null removes) a fee reduction before payment. A booking that
 * becomes free needs no payment and is confirmed (unless it still waits for approval).
 */
export async function applyReduction(ctx: FacilityContext, actor: StaffActor, id: string, reductionCode: string | null, reason: string | null = null): Promise<void> {
  const { staff } = await staffBooking(ctx, actor, id);
  // A capture the booking has not noticed yet makes it paid: its fee must not change now.
  await syncPayment(ctx, id);
  const note = cleanReason(reason, false);
  const reduction = reductionCode ? await ctx.db.selectFrom('facility_reductions').selectAll().where('code', '=', reductionCode).where('active', '=', true).executeTakeFirst() : null;
  if (reductionCode && !reduction) throw invalidInput([{ field: 'reduction', messageKey: 'facilities.error.reduction' }]);
  const now = ctx.now();
  const withdrawn = await ctx.db.transaction().execute(async (trx) => {
    const b = await trx.selectFrom('facility_bookings').select(['status', 'base_yen', 'heating_yen', 'paid_at', 'payment_method', 'fee_yen']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (!(b.status === 'pending_approval' || b.status === 'awaiting_payment') || b.paid_at) throw wrongState();
    const reductionYen = reductionOf(b.base_yen + b.heating_yen, reduction?.percent ?? 0);
    const feeYen = b.base_yen + b.heating_yen - reductionYen;
    const status: BookingStatus = b.status === 'awaiting_payment' && feeYen === 0 ? 'confirmed' : b.status;
    await trx
      .updateTable('facility_bookings')
      .set({ reduction_code: reduction?.code ?? null, reduction_yen: reductionYen, fee_yen: feeYen, status, payment_method: feeYen === 0 ? 'none' : b.payment_method === 'none' ? 'online' : b.payment_method, ...(feeYen === 0 ? { payment_due_at: null } : {}), updated_at: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.booking.reduction', targetType: 'facility_booking', targetId: id, reason: note, details: { reduction: reduction?.code ?? null, percent: reduction?.percent ?? 0, feeBefore: b.fee_yen, feeAfter: feeYen } });
    // A checkout opened for the old fee must not take it: withdrawn with the change (the
    // booking stays; the resident pays the new fee with a new checkout, or nothing).
    return feeYen === b.fee_yen ? [] : await withdrawOpenPayment(ctx, trx, id, '減免の適用による料金の変更', staff);
  });
  await afterFeeChanged(ctx, id, withdrawn);
}

/** The fee was paid in cash at the facility's counter. */
export async function recordCounterPayment(ctx: FacilityContext, actor: StaffActor, id: string): Promise<void> {
  const { staff } = await staffBooking(ctx, actor, id);
  // Paid online already (webhook not yet seen by the booking): take no cash a second time.
  await syncPayment(ctx, id);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const b = await trx.selectFrom('facility_bookings').select(['status', 'fee_yen']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (b.status !== 'awaiting_payment') throw wrongState();
    await trx.updateTable('facility_bookings').set({ status: 'confirmed', paid_at: now, payment_method: 'counter', updated_at: now }).where('id', '=', id).execute();
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.booking.paid-at-counter', targetType: 'facility_booking', targetId: id, details: { amountYen: b.fee_yen } });
    await queueNotice(ctx.jobs, trx, id, 'paid');
  });
}

const CANCELLABLE: readonly BookingStatus[] = ['pending_approval', 'awaiting_payment', 'confirmed'];

export interface CancellationPreview extends CancellationTerms {
  paidYen: number;
  /** Paid at the counter: the refund is made there, not online. */
  refundAtCounter: boolean;
}

/** What cancelling now would keep and refund (shown before the resident confirms). */
export async function previewCancellation(ctx: FacilityContext, actor: Actor, id: string): Promise<{ booking: BookingRow; terms: CancellationPreview }> {
  const booking = await bookingForView(ctx.db, actor, id);
  requireAccess(canActOnBooking(actor, booking, booking));
  await syncPayment(ctx, booking.id);
  const b = (await loadBookingRow(ctx.db, id))!;
  if (!CANCELLABLE.includes(b.status) || instantOf(b.use_date, b.starts_at) <= ctx.now()) throw wrongState();
  const paidYen = b.paid_at ? b.fee_yen : 0;
  return { booking: b, terms: { ...cancellationTerms({ cancelFreeDaysBefore: b.cancel_free_days_before, cancelFeePercent: b.cancel_fee_percent }, b.use_date, japanClock(ctx.now()).date, paidYen), paidYen, refundAtCounter: b.payment_method === 'counter' } };
}

/** Cancels under the rules: the slot is freed at once; what is due back is refunded through payments. */
export async function cancelBooking(ctx: FacilityContext, actor: Actor, id: string, reason: string | null = null): Promise<CancellationPreview> {
  await previewCancellation(ctx, actor, id);
  const note = cleanReason(reason, actor.kind === 'staff');
  const now = ctx.now();
  const decided = await ctx.db.transaction().execute(async (trx) => {
    const b = await trx.selectFrom('facility_bookings').select(['status', 'paid_at', 'fee_yen', 'use_date', 'payment_method']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (!CANCELLABLE.includes(b.status)) throw wrongState();
    // Decided again under the lock: a payment or a day change since the preview counts.
    const paidYen = b.paid_at ? b.fee_yen : 0;
    const rules = (await loadBookingRow(trx, id))!;
    const t = cancellationTerms({ cancelFreeDaysBefore: rules.cancel_free_days_before, cancelFeePercent: rules.cancel_fee_percent }, b.use_date, japanClock(now).date, paidYen);
    await trx
      .updateTable('facility_bookings')
      .set({ status: 'cancelled', cancelled_at: now, cancel_reason: note ?? (actor.kind === 'resident' ? '利用者による取消' : null), cancel_fee_yen: t.cancelFeeYen, refund_yen: t.refundYen, updated_at: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, { actor: auditActorOf(actor), action: 'facilities.booking.cancelled', targetType: 'facility_booking', targetId: id, reason: note, details: { paidYen, cancelFeeYen: t.cancelFeeYen, refundYen: t.refundYen, free: t.free } });
    await queueNotice(ctx.jobs, trx, id, 'cancelled');
    const withdrawn = await withdrawOpenPayment(ctx, trx, id, '施設予約の取消', actor);
    return { terms: { ...t, paidYen, refundAtCounter: b.payment_method === 'counter' }, withdrawn };
  });
  // The refund is a remote call: after the commit (a counter payment is refunded at the counter).
  await afterBookingEnded(ctx, id, decided.withdrawn, actor);
  return decided.terms;
}
