/**
 * After the draw, a slot is held by one offer at a time: the winner's, then — when
 * a holder does not confirm and pay by the deadline, or cancels — the next valid
 * application on the slot's waiting list (the rule is the engine's, README "Waiting
 * list"), each with a booking awaiting payment and a fresh deadline. When the list
 * runs out, the slot is left to first-come booking. Everything for one slot happens
 * in one transaction under the slot's row lock, so two workers cannot pass it twice.
 */
import { nextOnWaitingList, type LotteryResult } from '../../engines/lottery/index.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { japanClock } from '../../platform/time/today.ts';
import { duringRange } from './booking-time.ts';
import type { FacilityInfo, RoomInfo } from './catalogue.ts';
import { loadFacilities } from './catalogue.ts';
import { slotsWithin } from './calendar.ts';
import { paymentDeadline, quoteFee } from './fees.ts';
import type { Payment } from '../../platform/payments/payment-model.ts';
import { afterBookingEnded, syncPayment, withdrawOpenPayment } from './booking-payments.ts';
import { bookingContextOf, LOTTERY_QUEUES, type LotteryContext } from './lottery-context.ts';
import type { LotteryNoticeKind } from './lottery-notices.ts';
import { lotteryReference } from './lottery-rounds.ts';
import { asFacilitiesDb, asPlatformDb, type LotteryDb, type OfferSource } from './lottery-tables.ts';
import type { Rate } from './tables.ts';

const SYSTEM = { type: 'system' as const, id: 'facilities.lottery' };

export async function queueLotteryNotice(ctx: LotteryContext, db: LotteryDb, entryId: string, kind: LotteryNoticeKind, offerId: string | null = null): Promise<void> {
  await ctx.jobs?.enqueue(asPlatformDb(db), LOTTERY_QUEUES.notify, { entryId, kind, offerId }, { idempotencyKey: `facilities-lottery-notify:${entryId}:${kind}:${offerId ?? '-'}` });
}

interface OfferSlot {
  id: string;
  code: string;
  room_id: string;
  use_date: string;
  starts_at: number;
  ends_at: number;
  block_codes: string[];
}

/** Residents of Oshu (and groups registered as 市内団体) pay the resident rate. */
async function rateOf(db: LotteryDb, entry: { resident_account_id: string; group_id: string | null }): Promise<Rate> {
  if (entry.group_id) {
    const group = await db.selectFrom('facility_groups').select('in_city').where('id', '=', entry.group_id).executeTakeFirst();
    return group?.in_city ? 'resident' : 'non_resident';
  }
  const account = await db.selectFrom('resident_accounts').select('resident_id').where('id', '=', entry.resident_account_id).executeTakeFirst();
  return account?.resident_id ? 'resident' : 'non_resident';
}

/**
 * Books the slot for an entry (awaiting payment, or confirmed when free) and records
 * the offer; queues its notice and its deadline. The slot's time must be free.
 */
export async function makeOffer(
  ctx: LotteryContext,
  trx: LotteryDb,
  args: { roundId: string; payDays: number; facility: FacilityInfo; room: RoomInfo; slot: OfferSlot; entryId: string; source: OfferSource },
): Promise<{ offerId: string; bookingId: string }> {
  const { facility, room, slot } = args;
  const entry = await trx.selectFrom('facility_lottery_entries').select(['id', 'resident_account_id', 'group_id', 'purpose', 'purpose_detail', 'headcount']).where('id', '=', args.entryId).executeTakeFirstOrThrow();
  const rate = await rateOf(trx, entry);
  const blocks = slotsWithin(room, { opensAt: 0, closesAt: 1440 }).filter((s) => slot.block_codes.includes(s.code));
  const quote = quoteFee(facility, room, blocks, rate, slot.use_date);
  if (!quote) ctx.log.warn({ slot: slot.code }, 'lottery slot without a fee: booked free of charge');
  const now = ctx.now();
  const free = !quote || quote.feeYen === 0;
  const deadline = paymentDeadline({ payDaysBeforeUse: facility.payDaysBeforeUse, payDaysAfterBooking: args.payDays }, now, japanClock(now).date, slot.use_date, slot.starts_at);
  const booking = await trx
    .insertInto('facility_bookings')
    .values({
      reference: lotteryReference('booking', slot.use_date),
      room_id: slot.room_id,
      kind: 'booking',
      status: free ? 'confirmed' : 'awaiting_payment',
      use_date: slot.use_date,
      starts_at: slot.starts_at,
      ends_at: slot.ends_at,
      during: duringRange(slot.use_date, slot.starts_at, slot.ends_at),
      block_codes: slot.block_codes,
      resident_account_id: entry.resident_account_id,
      group_id: entry.group_id,
      purpose: entry.purpose,
      purpose_detail: entry.purpose_detail,
      headcount: entry.headcount,
      rate,
      base_yen: quote?.baseYen ?? 0,
      heating_yen: quote?.heatingYen ?? 0,
      reduction_yen: 0,
      fee_yen: quote?.feeYen ?? 0,
      payment_method: free ? 'none' : 'online',
      payment_due_at: free ? null : deadline,
      idempotency_key: `lottery:${slot.id}:${entry.id}`,
      lottery_round_id: args.roundId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const offer = await trx
    .insertInto('facility_lottery_offers')
    .values({ round_id: args.roundId, slot_id: slot.id, entry_id: entry.id, booking_id: booking.id, source: args.source, status: free ? 'confirmed' : 'offered', deadline, created_at: now, resolved_at: free ? now : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.updateTable('facility_lottery_slots').set({ state: 'awarded' }).where('id', '=', slot.id).execute();
  // Draw winners hear it with everyone else (the round's announcement); a waiting-list offer now.
  if (args.source === 'waiting_list') await queueLotteryNotice(ctx, trx, entry.id, 'offered', offer.id);
  if (!free) await ctx.jobs?.enqueue(asPlatformDb(trx), LOTTERY_QUEUES.deadline, { offerId: offer.id }, { runAt: deadline, idempotencyKey: `facilities-lottery-deadline:${offer.id}` });
  return { offerId: offer.id, bookingId: booking.id };
}

export type SettleOutcome = 'confirmed' | 'waiting' | 'passed_on' | 'released' | 'unchanged';

/**
 * Looks at one offer: paid (online payments are synced first) → confirmed; still unpaid before its deadline → waiting;
 * unpaid past the deadline (the booking lapses now), or cancelled / lapsed elsewhere
 * → the slot goes to the next on its waiting list, or to first-come booking.
 */
const LAPSE_REASON = '抽選当選後のお支払い期限切れ';

export async function settleOffer(ctx: LotteryContext, offerId: string): Promise<SettleOutcome> {
  // Every winner of a round shares one deadline, so whichever job or sweep settles this
  // offer must first notice a capture the booking has not seen yet (a QR payment made in
  // the last minutes without returning to the site); lapsing it would give a paid slot away.
  const unpaid = await ctx.db
    .selectFrom('facility_lottery_offers as o')
    .innerJoin('facility_bookings as b', 'b.id', 'o.booking_id')
    .select('o.booking_id')
    .where('o.id', '=', offerId)
    .where('o.status', '=', 'offered')
    .where('b.status', '=', 'awaiting_payment')
    .executeTakeFirst();
  if (unpaid) await syncPayment(bookingContextOf(ctx), unpaid.booking_id);
  // A lapsed win's open payment is withdrawn with the booking; its checkout is closed after the commit.
  const lapsed: { bookingId: string; withdrawn: Payment[] }[] = [];
  const outcome = await ctx.db.transaction().execute(async (trx): Promise<SettleOutcome> => {
    const offer = await trx.selectFrom('facility_lottery_offers').selectAll().where('id', '=', offerId).executeTakeFirst();
    if (!offer || offer.status !== 'offered') return 'unchanged';
    // Lock order: slot, then offer — the same in every path that changes a slot's holder.
    const slot = await trx.selectFrom('facility_lottery_slots').selectAll().where('id', '=', offer.slot_id).forUpdate().executeTakeFirstOrThrow();
    const locked = await trx.selectFrom('facility_lottery_offers').select('status').where('id', '=', offerId).forUpdate().executeTakeFirstOrThrow();
    if (locked.status !== 'offered') return 'unchanged';
    const booking = await trx.selectFrom('facility_bookings').select(['id', 'status', 'paid_at']).where('id', '=', offer.booking_id).forUpdate().executeTakeFirstOrThrow();
    const now = ctx.now();
    if (booking.status === 'confirmed') {
      await trx.updateTable('facility_lottery_offers').set({ status: 'confirmed', resolved_at: now }).where('id', '=', offerId).execute();
      return 'confirmed';
    }
    const active = booking.status === 'awaiting_payment' || booking.status === 'pending_approval';
    if (active && now < offer.deadline) return 'waiting';
    if (active) {
      await trx.updateTable('facility_bookings').set({ status: 'lapsed', cancelled_at: now, cancel_reason: LAPSE_REASON, cancel_fee_yen: 0, refund_yen: 0, updated_at: now }).where('id', '=', booking.id).execute();
      lapsed.push({ bookingId: booking.id, withdrawn: await withdrawOpenPayment(bookingContextOf(ctx), trx, booking.id, LAPSE_REASON) });
    }
    const ended = active || booking.status === 'lapsed' ? 'lapsed' : 'declined';
    await trx.updateTable('facility_lottery_offers').set({ status: ended, resolved_at: now }).where('id', '=', offerId).execute();
    if (ended === 'lapsed') await queueLotteryNotice(ctx, trx, offer.entry_id, 'lapsed', offerId);
    const next = await passOn(ctx, trx, offer.round_id, slot);
    await recordAudit(trx, {
      actor: SYSTEM,
      action: 'facilities.lottery.offer_ended',
      targetType: 'facility_lottery_offer',
      targetId: offerId,
      details: { slot: slot.code, entryId: offer.entry_id, status: ended, bookingStatus: booking.status, nextEntryId: next.entryId, skipped: next.skipped },
    });
    return next.entryId ? 'passed_on' : 'released';
  });
  for (const ended of lapsed) await afterBookingEnded(bookingContextOf(ctx), ended.bookingId, ended.withdrawn);
  return outcome;
}

/** Offers the slot to the next valid application on its waiting list, or leaves it to first-come booking. */
async function passOn(ctx: LotteryContext, trx: LotteryDb, roundId: string, slot: OfferSlot & { state: string }): Promise<{ entryId: string | null; skipped: unknown[] }> {
  const round = await trx.selectFrom('facility_lottery_rounds').select(['id', 'facility_id', 'pay_days', 'result']).where('id', '=', roundId).executeTakeFirstOrThrow();
  const result = round.result as LotteryResult;
  const offers = await trx.selectFrom('facility_lottery_offers as o').innerJoin('facility_lottery_slots as s', 's.id', 'o.slot_id').select(['o.entry_id', 'o.status', 'o.slot_id', 's.code']).where('o.round_id', '=', roundId).execute();
  const withdrawn = await trx.selectFrom('facility_lottery_entries').select('id').where('round_id', '=', roundId).where('status', '=', 'withdrawn').execute();
  const holdings = offers.filter((o) => o.status === 'offered' || o.status === 'confirmed').map((o) => ({ applicationId: o.entry_id, slotId: o.code }));
  const passed = [...withdrawn.map((w) => w.id), ...offers.filter((o) => o.slot_id === slot.id).map((o) => o.entry_id)];
  const choice = nextOnWaitingList(result, slot.code, { holdings, passed });
  // The time may have gone to someone else meanwhile (a cancelled booking frees it at once).
  const taken = await trx
    .selectFrom('facility_bookings')
    .select('id')
    .where('room_id', '=', slot.room_id)
    .where('use_date', '=', slot.use_date)
    .where('status', 'in', ['pending_approval', 'awaiting_payment', 'confirmed', 'held'])
    .where('starts_at', '<', slot.ends_at)
    .where('ends_at', '>', slot.starts_at)
    .executeTakeFirst();
  if (!choice.applicationId || taken || slot.use_date <= japanClock(ctx.now()).date) {
    await trx.updateTable('facility_lottery_slots').set({ state: 'released' }).where('id', '=', slot.id).execute();
    return { entryId: null, skipped: choice.skipped };
  }
  const [facility] = await loadFacilities(asFacilitiesDb(trx), { facilityId: round.facility_id });
  const room = facility?.rooms.find((r) => r.id === slot.room_id);
  if (!facility || !room) {
    await trx.updateTable('facility_lottery_slots').set({ state: 'released' }).where('id', '=', slot.id).execute();
    return { entryId: null, skipped: choice.skipped };
  }
  await makeOffer(ctx, trx, { roundId, payDays: round.pay_days, facility, room, slot, entryId: choice.applicationId, source: 'waiting_list' });
  return { entryId: choice.applicationId, skipped: choice.skipped };
}

/**
 * Open offers that need settling: past their deadline, or whose booking is no longer
 * waiting for payment (paid, cancelled by the holder, lapsed by the booking sweep).
 */
export async function dueOffers(ctx: LotteryContext, roundId: string | null): Promise<{ id: string; booking_id: string; booking_status: string }[]> {
  let query = ctx.db
    .selectFrom('facility_lottery_offers as o')
    .innerJoin('facility_bookings as b', 'b.id', 'o.booking_id')
    .select(['o.id', 'o.booking_id', 'b.status as booking_status'])
    .where('o.status', '=', 'offered')
    .where((eb) => eb.or([eb('o.deadline', '<=', ctx.now()), eb('b.status', 'not in', ['awaiting_payment', 'pending_approval'])]));
  if (roundId) query = query.where('o.round_id', '=', roundId);
  return query.orderBy('o.deadline').limit(500).execute();
}

/** Settles the round's due offers (the deadline job, staff asking now). */
export async function settleDueOffers(ctx: LotteryContext, roundId: string | null): Promise<Record<SettleOutcome, number>> {
  const counts: Record<SettleOutcome, number> = { confirmed: 0, waiting: 0, passed_on: 0, released: 0, unchanged: 0 };
  for (const o of await dueOffers(ctx, roundId)) counts[await settleOffer(ctx, o.id)]++;
  return counts;
}

