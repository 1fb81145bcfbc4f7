/**
 * Staff set up a round: facility, month, application window and draw time, rules;
 * then the slots it holds (each a 'lottery' occupancy in facility_bookings, so
 * first-come booking cannot take it from that moment); then publish (residents see
 * it and the draw is scheduled) — or cancel, which gives every hold back.
 * Every change is audited in its own transaction.
 */
import crypto from 'node:crypto';
import type { StaffActor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError, invalidInput, type FieldError } from '../../platform/http/errors.ts';
import { duringRange, instantOf } from './booking-time.ts';
import { loadFacilities } from './catalogue.ts';
import type { LotteryContext } from './lottery-context.ts';
import { LOTTERY_QUEUES } from './lottery-context.ts';
import { canRunLottery, roundPhase } from './lottery-policy.ts';
import { newSeed } from './lottery-seed.ts';
import { planSlots, type PlannedSlot, type SkippedDay, type SlotChoice } from './lottery-slots.ts';
import { asFacilitiesDb, asPlatformDb, type LotteryDb } from './lottery-tables.ts';

export interface RoundInput {
  facilityId: string;
  month: string;
  title: string;
  opensAt: Date;
  closesAt: Date;
  drawAt: Date;
  payDays: number;
  maxPreferences: number;
  maxEntries: number;
  maxWinsPerTypeMonth: number;
  maxWinsPerMonth: number | null;
}

export const roundNotEditable = () => new DomainError('round_not_editable', 409, 'facilities.lottery.error.notEditable');

/**
 * A reference for a lottery-owned row, in the booking references' style (F261205-…):
 * "L" + the day of use for a winner's booking, "LH" for a hold; the alphabet has no
 * look-alike characters because residents read it out on the phone.
 */
export function lotteryReference(kind: 'hold' | 'booking', useDate: string): string {
  const alphabet = 'ACDEFGHJKLMNPQRTUVWXY3479';
  // A month's round makes hundreds of rows per date: 7 characters (25^7 ≈ 6×10^9) keep a clash, which would undo the whole draw, out of reach.
  return `${kind === 'hold' ? 'LH' : 'L'}${useDate.slice(2).replaceAll('-', '')}-${Array.from(crypto.randomBytes(7), (b) => alphabet[b % alphabet.length]).join('')}`;
}

/** The round with its facility, for staff allowed to run it (404 for everyone else). */
export async function roundForStaff(db: LotteryDb, staff: StaffActor, roundId: string) {
  const round = /^[0-9a-f-]{36}$/.test(roundId)
    ? await db
        .selectFrom('facility_lottery_rounds as r')
        .innerJoin('facilities as f', 'f.id', 'r.facility_id')
        // Not the stored input and result: they can be megabytes, and staff pages do not need them.
        .select(['r.id', 'r.facility_id', 'r.month', 'r.title', 'r.status', 'r.opens_at', 'r.closes_at', 'r.draw_at', 'r.pay_days', 'r.max_preferences', 'r.max_entries', 'r.max_wins_per_type_month', 'r.max_wins_per_month', 'r.seed', 'r.input_digest', 'r.result_digest', 'r.drawn_at', 'r.cancel_reason'])
        .select(['f.name as facility_name', 'f.department_code'])
        .where('r.id', '=', roundId)
        .executeTakeFirst()
    : undefined;
  requireAccess(round !== undefined && canRunLottery(staff, round));
  return round!;
}

function checkRound(input: RoundInput, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  const monthStart = instantOf(`${input.month}-01`, 0);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(input.month)) errors.push({ field: 'month', messageKey: 'facilities.lottery.error.month' });
  else if (monthStart <= now) errors.push({ field: 'month', messageKey: 'facilities.lottery.error.monthPast' });
  if (input.closesAt <= input.opensAt) errors.push({ field: 'closesAt', messageKey: 'facilities.lottery.error.closesBeforeOpens' });
  if (input.closesAt <= now) errors.push({ field: 'closesAt', messageKey: 'facilities.lottery.error.closesPast' });
  if (input.drawAt < input.closesAt) errors.push({ field: 'drawAt', messageKey: 'facilities.lottery.error.drawBeforeClose' });
  // Winners need time to pay before their day comes; the month's first slot must not be drawn after it starts.
  else if (errors.every((e) => e.field !== 'month') && input.drawAt >= monthStart) errors.push({ field: 'drawAt', messageKey: 'facilities.lottery.error.drawAfterMonth' });
  if (input.maxWinsPerMonth !== null && input.maxWinsPerMonth < input.maxWinsPerTypeMonth) errors.push({ field: 'maxWinsPerMonth', messageKey: 'facilities.lottery.error.monthCap' });
  return errors;
}

export async function createRound(ctx: LotteryContext, staff: StaffActor, input: RoundInput): Promise<string> {
  const facility = await ctx.db.selectFrom('facilities').select(['id', 'department_code', 'active']).where('id', '=', input.facilityId).executeTakeFirst();
  if (!facility || !facility.active) throw invalidInput([{ field: 'facilityId', messageKey: 'facilities.lottery.error.facility' }]);
  requireAccess(canRunLottery(staff, facility), 'forbidden');
  const errors = checkRound(input, ctx.now());
  if (errors.length) throw invalidInput(errors);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('facility_lottery_rounds')
      .values({
        facility_id: input.facilityId,
        month: input.month,
        title: input.title,
        opens_at: input.opensAt,
        closes_at: input.closesAt,
        draw_at: input.drawAt,
        pay_days: input.payDays,
        max_preferences: input.maxPreferences,
        max_entries: input.maxEntries,
        max_wins_per_type_month: input.maxWinsPerTypeMonth,
        max_wins_per_month: input.maxWinsPerMonth,
        pseudonym_salt: crypto.randomBytes(32).toString('hex'),
        created_by_staff_id: staff.id,
        updated_at: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.lottery.round_created', targetType: 'facility_lottery_round', targetId: row.id, details: { facilityId: input.facilityId, month: input.month, opensAt: input.opensAt.toISOString(), closesAt: input.closesAt.toISOString(), drawAt: input.drawAt.toISOString() } });
    return row.id;
  });
}

export interface AddSlotsResult {
  added: PlannedSlot[];
  /** Chosen days that yield no slot (closed, or the block is not open that day). */
  skipped: SkippedDay[];
  /** Slots already occupied (a booking, block or class) or already in the round. */
  taken: PlannedSlot[];
}

/** Adds slots to a draft round and holds each of them at once. */
export async function addSlots(ctx: LotteryContext, staff: StaffActor, roundId: string, roomId: string, choice: Omit<SlotChoice, 'month'>): Promise<AddSlotsResult> {
  const round = await roundForStaff(ctx.db, staff, roundId);
  if (round.status !== 'draft') throw roundNotEditable();
  const [facility] = await loadFacilities(asFacilitiesDb(ctx.db), { facilityId: round.facility_id });
  const room = facility?.rooms.find((r) => r.id === roomId);
  if (!facility || !room) throw invalidInput([{ field: 'roomId', messageKey: 'facilities.lottery.error.room' }]);
  const errors: FieldError[] = [];
  if (room.slotMode === 'blocks' && choice.blockCodes.length === 0) errors.push({ field: 'blockCodes', messageKey: 'facilities.lottery.error.blocks' });
  if (room.slotMode === 'hourly' && !choice.hours) errors.push({ field: 'hoursFrom', messageKey: 'facilities.lottery.error.hours' });
  // A slot without a fee could not be charged to its winner: the room's fee table must cover it.
  const feeKeys = room.slotMode === 'blocks' ? choice.blockCodes : ['hour'];
  const unpriced = feeKeys.find((k) => !room.fees.has(k));
  if (unpriced && !errors.length) errors.push({ field: room.slotMode === 'blocks' ? 'blockCodes' : 'hoursFrom', messageKey: 'facilities.lottery.error.noFee', params: { room: room.name } });
  if (choice.dates.length === 0 && choice.weekdays.length === 0) errors.push({ field: 'weekdays', messageKey: 'facilities.lottery.error.days' });
  const outside = choice.dates.find((d) => !d.startsWith(round.month));
  if (outside) errors.push({ field: 'dates', messageKey: 'facilities.lottery.error.dateOutsideMonth', params: { date: outside, month: round.month } });
  if (errors.length) throw invalidInput(errors);

  const plan = planSlots(facility, room, { ...choice, month: round.month });
  if (plan.slots.length === 0) return { added: [], skipped: plan.skipped, taken: [] };
  return ctx.db.transaction().execute(async (trx) => {
    // Serialise slot changes of one round, so two staff adding at once cannot both pass the checks below.
    await trx.selectFrom('facility_lottery_rounds').select('id').where('id', '=', roundId).forUpdate().executeTakeFirst();
    const existing = new Set((await trx.selectFrom('facility_lottery_slots').select('code').where('round_id', '=', roundId).where('state', '!=', 'removed').execute()).map((s) => s.code));
    const busy = await trx
      .selectFrom('facility_bookings')
      .select(['use_date', 'starts_at', 'ends_at'])
      .where('room_id', '=', room.id)
      .where('use_date', 'in', [...new Set(plan.slots.map((s) => s.useDate))])
      .where('status', 'in', ['pending_approval', 'awaiting_payment', 'confirmed', 'held'])
      .execute();
    const added: PlannedSlot[] = [];
    const taken: PlannedSlot[] = [];
    for (const slot of plan.slots) {
      const clash = existing.has(slot.code) || busy.some((b) => b.use_date === slot.useDate && b.starts_at < slot.endsAt && slot.startsAt < b.ends_at);
      if (clash) {
        taken.push(slot);
        continue;
      }
      const hold = await trx
        .insertInto('facility_bookings')
        .values({
          reference: lotteryReference('hold', slot.useDate),
          room_id: slot.roomId,
          kind: 'lottery',
          status: 'held',
          use_date: slot.useDate,
          starts_at: slot.startsAt,
          ends_at: slot.endsAt,
          during: duringRange(slot.useDate, slot.startsAt, slot.endsAt),
          block_codes: slot.blockCodes,
          created_by_staff_id: staff.id,
          title: round.title,
          lottery_round_id: roundId,
          updated_at: ctx.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('facility_lottery_slots')
        .values({ round_id: roundId, code: slot.code, room_id: slot.roomId, use_date: slot.useDate, starts_at: slot.startsAt, ends_at: slot.endsAt, block_codes: slot.blockCodes, slot_type: slot.slotType, hold_booking_id: hold.id })
        .execute();
      added.push(slot);
    }
    if (added.length > 0) {
      await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.lottery.slots_added', targetType: 'facility_lottery_round', targetId: roundId, details: { roomId: room.id, slots: added.map((s) => s.code), taken: taken.map((s) => s.code) } });
    }
    return { added, skipped: plan.skipped, taken };
  });
}

/** Takes a slot out of a draft round and gives its time back to first-come booking. */
export async function removeSlot(ctx: LotteryContext, staff: StaffActor, roundId: string, slotId: string): Promise<void> {
  const round = await roundForStaff(ctx.db, staff, roundId);
  if (round.status !== 'draft') throw roundNotEditable();
  await ctx.db.transaction().execute(async (trx) => {
    const slot = await trx.selectFrom('facility_lottery_slots').selectAll().where('id', '=', slotId).where('round_id', '=', roundId).where('state', '=', 'held').forUpdate().executeTakeFirst();
    requireAccess(slot !== undefined);
    await releaseHold(trx, slot!.hold_booking_id, ctx.now());
    await trx.updateTable('facility_lottery_slots').set({ state: 'removed', hold_booking_id: null }).where('id', '=', slotId).execute();
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.lottery.slot_removed', targetType: 'facility_lottery_round', targetId: roundId, details: { slot: slot!.code } });
  });
}

/** A hold given back: its time is free for first-come booking again. */
export async function releaseHold(db: LotteryDb, holdId: string | null, now: Date): Promise<void> {
  if (!holdId) return;
  await db.updateTable('facility_bookings').set({ status: 'released', updated_at: now }).where('id', '=', holdId).where('kind', '=', 'lottery').where('status', '=', 'held').execute();
}

/**
 * Makes a draft round visible to residents and schedules its draw. The draw's seed is
 * fixed now and only its commitment shown until the draw (lottery-seed.ts).
 */
export async function publishRound(ctx: LotteryContext, staff: StaffActor, roundId: string): Promise<void> {
  const round = await roundForStaff(ctx.db, staff, roundId);
  if (round.status !== 'draft') throw roundNotEditable();
  if (round.closes_at <= ctx.now()) throw invalidInput([{ field: 'closesAt', messageKey: 'facilities.lottery.error.closesPast' }]);
  await ctx.db.transaction().execute(async (trx) => {
    const slots = await trx.selectFrom('facility_lottery_slots').select('id').where('round_id', '=', roundId).where('state', '=', 'held').execute();
    if (slots.length === 0) throw new DomainError('round_without_slots', 409, 'facilities.lottery.error.noSlots');
    const updated = await trx.updateTable('facility_lottery_rounds').set({ status: 'published', seed: newSeed(), updated_at: ctx.now() }).where('id', '=', roundId).where('status', '=', 'draft').executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw roundNotEditable();
    await scheduleDraw(ctx, trx, roundId, round.draw_at);
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.lottery.round_published', targetType: 'facility_lottery_round', targetId: roundId, details: { slots: slots.length } });
  });
}

/** The draw job at the round's draw time; idempotent per round. */
export async function scheduleDraw(ctx: LotteryContext, db: LotteryDb, roundId: string, drawAt: Date): Promise<void> {
  await ctx.jobs?.enqueue(asPlatformDb(db), LOTTERY_QUEUES.draw, { roundId }, { runAt: drawAt, idempotencyKey: `facilities-lottery-draw:${roundId}` });
}

/** Cancels a round that has not been drawn: every hold is given back; entrants are told. */
export async function cancelRound(ctx: LotteryContext, staff: StaffActor, roundId: string, reason: string): Promise<void> {
  const round = await roundForStaff(ctx.db, staff, roundId);
  if (round.status === 'drawn' || round.status === 'cancelled') throw roundNotEditable();
  if (!reason.trim()) throw invalidInput([{ field: 'reason', messageKey: 'facilities.lottery.error.reason' }]);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('facility_lottery_rounds').select('status').where('id', '=', roundId).forUpdate().executeTakeFirstOrThrow();
    if (locked.status === 'drawn' || locked.status === 'cancelled') throw roundNotEditable();
    const slots = await trx.selectFrom('facility_lottery_slots').select(['id', 'hold_booking_id']).where('round_id', '=', roundId).where('state', '=', 'held').execute();
    for (const s of slots) await releaseHold(trx, s.hold_booking_id, ctx.now());
    await trx.updateTable('facility_lottery_slots').set({ state: 'released' }).where('round_id', '=', roundId).where('state', '=', 'held').execute();
    await trx.updateTable('facility_lottery_rounds').set({ status: 'cancelled', cancel_reason: reason, updated_at: ctx.now() }).where('id', '=', roundId).execute();
    const entries = await trx.selectFrom('facility_lottery_entries').select('id').where('round_id', '=', roundId).where('status', '=', 'active').execute();
    for (const e of entries) await ctx.jobs?.enqueue(asPlatformDb(trx), LOTTERY_QUEUES.notify, { entryId: e.id, kind: 'cancelled' }, { idempotencyKey: `facilities-lottery-notify:${e.id}:cancelled` });
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.lottery.round_cancelled', targetType: 'facility_lottery_round', targetId: roundId, reason, details: { phase: roundPhase(round, ctx.now()), releasedSlots: slots.length, entries: entries.length } });
  });
}

