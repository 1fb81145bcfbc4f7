/**
 * Paying for a booking through the platform's payments (source 'facilities',
 * reference = the booking id): open or reuse a checkout, learn of a capture (the
 * provider's webhook settles the payment; the booking follows when it is next read
 * or swept), withdraw the open payment when the booking ends (it must not stay
 * payable), refund on cancellation, and refund a capture that arrived after the
 * booking had ended (paid after the deadline, or twice). Receipts come from payments.
 */
import type { Kysely } from 'kysely';
import type { Actor, ResidentActor } from '../../platform/access/actor.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { requireAccess, requireResident } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError, notFound } from '../../platform/http/errors.ts';
import type { Payment, PaymentsActor } from '../../platform/payments/payments.ts';
import { queueNotice } from './booking-notices.ts';
import { bookingForView, loadBookingRow, type BookingRow } from './booking-queries.ts';
import { formatDateJa } from '../../platform/text/wareki.ts';
import { PAYMENT_SOURCE, type FacilityContext } from './facility-context.ts';
import { canActOnBooking, canDownloadReceipt } from './policy.ts';

const SYSTEM: PaymentsActor = { kind: 'system', id: 'facilities' };

/** Paid payments of a booking (oldest first). */
async function paidPayments(ctx: FacilityContext, bookingId: string): Promise<Payment[]> {
  const all = (await ctx.payments.byReferences(PAYMENT_SOURCE, [bookingId])).get(bookingId) ?? [];
  return all.filter((p) => p.status === 'paid');
}

/**
 * Brings the booking up to date with its payments: the first capture of a booking
 * awaiting payment confirms it; a capture the booking cannot use (it was cancelled
 * or lapsed meanwhile, or it was already paid) is refunded in full, once.
 */
export async function syncPayment(ctx: FacilityContext, bookingId: string): Promise<{ confirmed: boolean; refundsRequested: number }> {
  const result = { confirmed: false, refundsRequested: 0 };
  const paid = await paidPayments(ctx, bookingId);
  for (const payment of paid) {
    const outcome = await ctx.db.transaction().execute(async (trx) => {
      const b = await trx.selectFrom('facility_bookings').select(['id', 'status', 'payment_id', 'fee_yen']).where('id', '=', bookingId).forUpdate().executeTakeFirst();
      if (!b || b.payment_id === payment.id) return { kind: 'known' as const, status: b?.status ?? null };
      if (b.status === 'awaiting_payment' && b.payment_id === null && payment.amountYen === b.fee_yen) {
        const now = ctx.now();
        await trx.updateTable('facility_bookings').set({ status: 'confirmed', paid_at: payment.paidAt ?? now, payment_id: payment.id, payment_method: 'online', updated_at: now }).where('id', '=', b.id).execute();
        await recordAudit(trx, { actor: { type: 'system', id: 'facilities' }, action: 'facilities.booking.paid', targetType: 'facility_booking', targetId: b.id, details: { payment: payment.id, amountYen: payment.amountYen } });
        await queueNotice(ctx.jobs, trx, b.id, 'paid');
        return { kind: 'confirmed' as const, status: 'confirmed' as const };
      }
      return { kind: 'unusable' as const, status: b.status };
    });
    if (outcome.kind === 'confirmed') result.confirmed = true;
    if (outcome.kind !== 'unusable') continue;
    // Already refunded or being refunded (an earlier sweep, a retry): nothing more to ask.
    const held = (await ctx.payments.refundsFor(payment.id)).filter((r) => r.status !== 'failed').reduce((sum, r) => sum + r.amountYen, 0);
    if (held >= payment.amountYen) continue;
    const refund = await refundPayment(ctx, payment, payment.amountYen - held, unusableReason(outcome.status), `facilities-unusable:${payment.id}`, bookingId);
    if (refund) result.refundsRequested++;
  }
  return result;
}

/** Why a capture the booking cannot use is refunded (the resident reads it on the refund). */
function unusableReason(status: string | null): string {
  if (status === 'awaiting_payment' || status === 'pending_approval') return '料金の変更前の金額での入金のため（入金の全額返金）';
  if (status === 'confirmed' || status === 'used' || status === 'no_show') return '二重の入金のため（入金の全額返金）';
  return '予約が取消済みのため（入金の全額返金）';
}

async function refundPayment(ctx: FacilityContext, payment: Payment, amountYen: number, reason: string, key: string, bookingId: string, actor: PaymentsActor = SYSTEM) {
  try {
    const refund = await ctx.payments.refund({ paymentId: payment.id, amountYen, reason, idempotencyKey: key, actor });
    await recordAudit(ctx.db, { actor: { type: 'system', id: 'facilities' }, action: 'facilities.booking.refund-requested', targetType: 'facility_booking', targetId: bookingId, details: { payment: payment.id, refund: refund.id, amountYen, status: refund.status } });
    return refund;
  } catch (error) {
    // The booking is already cancelled; the sweep asks again with the same key (never twice).
    ctx.log.warn({ err: error, booking: bookingId, payment: payment.id }, 'facility refund could not be requested yet');
    return null;
  }
}

/**
 * A booking that ends (cancelled by its holder or staff, by a maintenance block,
 * rejected, lapsed) must not stay payable: its open payment is withdrawn in the
 * same transaction as the booking's change. Pass the result to `afterBookingEnded`
 * once the transaction has committed.
 */
export async function withdrawOpenPayment<DB extends PlatformTables>(ctx: FacilityContext, trx: Kysely<DB>, bookingId: string, reason: string, actor: PaymentsActor = SYSTEM): Promise<Payment[]> {
  return ctx.payments.cancelOpen(trx as unknown as Kysely<PlatformTables>, { source: PAYMENT_SOURCE, reference: bookingId, reason, actor });
}

/**
 * After a booking ended (committed): the provider's checkout closed, so its page says
 * cancelled and takes no money; what the cancellation decided refunded; and a capture
 * that arrived before the checkout closed (the booking never saw it) refunded in full.
 */
export async function afterBookingEnded(ctx: FacilityContext, bookingId: string, withdrawn: Payment[], actor: PaymentsActor = SYSTEM): Promise<void> {
  await ctx.payments.closeCheckouts(withdrawn);
  await settleCancellationRefund(ctx, bookingId, actor);
  await syncPayment(ctx, bookingId);
}

/**
 * After a booking's fee changed (a reduction) and its open payment was withdrawn
 * (committed): the provider's checkout closed so it no longer asks the old amount.
 * Nothing is refunded for the booking itself (it stays valid); only a capture of the
 * old amount that arrived before the close is refunded in full. The resident pays the
 * new amount with a new checkout (or nothing, if the fee is now 0).
 */
export async function afterFeeChanged(ctx: FacilityContext, bookingId: string, withdrawn: Payment[]): Promise<void> {
  if (withdrawn.length === 0) return;
  await ctx.payments.closeCheckouts(withdrawn);
  await syncPayment(ctx, bookingId);
}

/** Refunds what a cancellation decided (refund_yen) once; safe to call again (same idempotency key). */
export async function settleCancellationRefund(ctx: FacilityContext, bookingId: string, actor: PaymentsActor = SYSTEM): Promise<void> {
  const b = await ctx.db.selectFrom('facility_bookings').select(['id', 'payment_id', 'refund_yen', 'refund_id', 'reference']).where('id', '=', bookingId).executeTakeFirst();
  if (!b || !b.payment_id || !b.refund_yen || b.refund_id) return;
  const payment = await ctx.payments.get(b.payment_id);
  if (!payment) return;
  const refund = await refundPayment(ctx, payment, b.refund_yen, `施設予約の取消（予約番号 ${b.reference}）`, `facilities-cancel:${b.id}`, b.id, actor);
  if (refund) await ctx.db.updateTable('facility_bookings').set({ refund_id: refund.id, updated_at: ctx.now() }).where('id', '=', b.id).where('refund_id', 'is', null).execute();
}

function describe(b: BookingRow): string {
  // No name: the provider shows and may keep this text.
  return `奥州市 施設使用料 ${b.facility_name} ${b.room_name} ${formatDateJa(b.use_date)}（${b.reference}）`;
}

/** 支払う: the checkout of this booking (an open one is reused, so two presses never make two payments). */
export async function startPayment(ctx: FacilityContext, actor: ResidentActor, bookingId: string): Promise<{ redirect: string }> {
  const resident = requireResident(actor);
  const b = await bookingForView(ctx.db, resident, bookingId);
  requireAccess(canActOnBooking(resident, b, b));
  await syncPayment(ctx, b.id);
  const fresh = (await loadBookingRow(ctx.db, b.id))!;
  if (fresh.status !== 'awaiting_payment' || fresh.fee_yen === 0) return { redirect: `/facilities/bookings/${b.id}` };
  if (!ctx.payments.available) throw new DomainError('payments_unavailable', 503, 'facilities.pay.unavailable');
  const minutesLeft = Math.floor(((fresh.payment_due_at?.getTime() ?? Infinity) - ctx.now().getTime()) / 60_000);
  if (minutesLeft <= 0) return { redirect: `/facilities/bookings/${b.id}` };
  // A checkout opened before a fee change (a reduction) still asks the old amount; it
  // cannot be reused, and a capture of it would be refunded. It closes within 30 minutes.
  const open = await ctx.payments.openFor(PAYMENT_SOURCE, b.id);
  if (open && open.amountYen !== fresh.fee_yen) throw new DomainError('payment_amount_changed', 409, 'facilities.pay.amountChanged', { until: open.expiresAt.toISOString() });
  const opened = await ctx.payments.openOrCreate({
    source: PAYMENT_SOURCE,
    reference: b.id,
    displayReference: fresh.reference,
    amountYen: fresh.fee_yen,
    description: describe(fresh),
    returnUrl: `/facilities/bookings/${b.id}/paid?payment={paymentId}`,
    validMinutes: Math.max(1, Math.min(30, minutesLeft)),
    methods: ['card', 'qr'],
  });
  return { redirect: opened.redirectUrl };
}

/** Back from the provider: settle from its status if the webhook has not come yet, then bring the booking up to date. */
export async function paymentReturn(ctx: FacilityContext, actor: ResidentActor, bookingId: string, paymentId: string): Promise<{ booking: BookingRow; payment: Payment }> {
  const resident = requireResident(actor);
  const b = await bookingForView(ctx.db, resident, bookingId);
  requireAccess(canActOnBooking(resident, b, b));
  const known = await ctx.payments.get(paymentId);
  if (!known || known.source !== PAYMENT_SOURCE || known.reference !== b.id) throw notFound();
  const payment = (await ctx.payments.reconcile(paymentId))!;
  await syncPayment(ctx, b.id);
  return { booking: (await loadBookingRow(ctx.db, b.id))!, payment };
}

/** The 領収書 PDF of a paid booking, for the resident who paid it (404 for anyone else). */
export async function receiptOf(ctx: FacilityContext, actor: Actor, bookingId: string): Promise<{ pdf: Buffer; filename: string }> {
  const b = await bookingForView(ctx.db, actor, bookingId);
  requireAccess(canActOnBooking(actor, b, b));
  if (!canDownloadReceipt(actor, b) || !b.payment_id) throw notFound();
  const user = b.resident_account_id ? await ctx.db.selectFrom('facility_users').select('name').where('resident_account_id', '=', b.resident_account_id).executeTakeFirst() : undefined;
  const pdf = await ctx.payments.receiptPdf(b.payment_id, { payerName: b.group_name ?? user?.name ?? null });
  return { pdf, filename: `receipt-${b.reference}.pdf` };
}
