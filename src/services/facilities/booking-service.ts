/**
 * Booking a room: check the request (booking-rules.ts), price it (fees.ts), and
 * confirm it in one transaction. The database decides races: the exclusion
 * constraint on facility_bookings refuses an overlapping active row (SQLSTATE
 * 23P01), so two app instances can never both win a slot; the loser is told
 * 「ちょうど他の方が予約しました」 with the nearest free alternatives. The same
 * idempotency key (a double click, a retried request) returns the first booking.
 */
import crypto from 'node:crypto';
import type { ResidentActor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { requireResident } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError, invalidInput, type FieldError } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { japanClock } from '../../platform/time/today.ts';
import { nearestAlternatives, type Alternative } from './alternatives.ts';
import { occupationsBetween, overlapping } from './booked-times.ts';
import { checkBookingRules, type BookingInput } from './booking-rules.ts';
import { duringRange } from './booking-time.ts';
import { queueNotice } from './booking-notices.ts';
import { loadPurposes, loadRoom, type FacilityInfo, type RoomInfo } from './catalogue.ts';
import type { Slot } from './calendar.ts';
import type { FacilityContext } from './facility-context.ts';
import { paymentDeadline, quoteFee, type FeeQuote } from './fees.ts';
import { userOf } from './facility-users.ts';
import { lotteryMonthError, lotteryOnlyMonths } from './lottery-months.ts';
import { canBookForGroup, isOshuResident, MAX_UNPAID_BOOKINGS, mayHoldAnotherUnpaid, UNPAID_STATUSES } from './policy.ts';
import type { BookingStatus, FacilitiesDb, Rate } from './tables.ts';

export type { BookingInput } from './booking-rules.ts';

export interface PreparedBooking {
  facility: FacilityInfo;
  room: RoomInfo;
  input: BookingInput;
  slots: Slot[];
  startsAt: number;
  endsAt: number;
  group: { id: string; name: string; inCity: boolean } | null;
  fee: FeeQuote;
  /** What the booking becomes: a 仮予約 for rooms needing a permit, else due for payment, or confirmed when free. */
  status: Extract<BookingStatus, 'pending_approval' | 'awaiting_payment' | 'confirmed'>;
  paymentDueAt: Date | null;
}

export interface SlotTakenError extends DomainError {
  alternatives: Alternative[];
}

export const slotTaken = (alternatives: Alternative[]): SlotTakenError => Object.assign(new DomainError('slot_taken', 409, 'facilities.taken.body'), { alternatives });
export const notRegistered = () => new DomainError('not_registered', 409, 'facilities.user.registerFirst');
export const feeChanged = () => new DomainError('fee_changed', 409, 'facilities.review.feeChanged');

/** SQLSTATE of the error a driver raised (node-postgres and PGlite both carry `code`). */
export function sqlState(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}
export const EXCLUSION_VIOLATION = '23P01';
export const UNIQUE_VIOLATION = '23505';

function rateOf(resident: ResidentActor, group: PreparedBooking['group'], commercial: boolean): Rate {
  if (commercial) return 'commercial';
  if (group) return group.inCity ? 'resident' : 'non_resident';
  return isOshuResident(resident) ? 'resident' : 'non_resident';
}

/** Everything about a request that does not depend on the room being free right now. */
export async function prepareBooking(ctx: FacilityContext, resident: ResidentActor, input: BookingInput, at: Date = ctx.now()): Promise<PreparedBooking> {
  const loaded = await loadRoom(ctx.db, input.roomId);
  if (!loaded) throw invalidInput([{ field: 'room', messageKey: 'facilities.error.room' }]);
  const { facility, room } = loaded;
  const purposes = await loadPurposes(ctx.db);
  const { slots, errors } = checkBookingRules(facility, room, input, at, (code) => purposes.find((p) => p.code === code)?.nameJa ?? code);
  if (room.lotteryEnabled && !errors.some((e) => e.field === 'date')) {
    const lotteryMonth = (await lotteryOnlyMonths(ctx.db, facility.id, [input.date], at)).get(input.date.slice(0, 7));
    if (lotteryMonth) errors.unshift(lotteryMonthError(lotteryMonth));
  }
  let group: PreparedBooking['group'] = null;
  // A malformed id (a tampered form, an API client) is a field error, never the database's.
  if (input.groupId && !isUuid(input.groupId)) errors.push({ field: 'groupId', messageKey: 'facilities.error.group' });
  else if (input.groupId) {
    const row = await ctx.db.selectFrom('facility_groups').select(['id', 'name', 'in_city', 'status', 'representative_account_id']).where('id', '=', input.groupId).executeTakeFirst();
    const member = row ? row.representative_account_id === resident.accountId || (await ctx.db.selectFrom('facility_group_members').select('id').where('group_id', '=', row.id).where('account_id', '=', resident.accountId).executeTakeFirst()) !== undefined : false;
    if (!row || !canBookForGroup(row, member)) errors.push({ field: 'groupId', messageKey: 'facilities.error.group' });
    else group = { id: row.id, name: row.name, inCity: row.in_city };
  }
  if (errors.length) throw invalidInput(errors);
  const fee = quoteFee(facility, room, slots, rateOf(resident, group, input.commercial), input.date);
  if (!fee) throw invalidInput([{ field: 'blocks', messageKey: 'facilities.error.noFee' }]);
  const startsAt = slots[0]!.startsAt;
  const endsAt = slots.at(-1)!.endsAt;
  const status = room.needsApproval ? 'pending_approval' : fee.feeYen > 0 ? 'awaiting_payment' : 'confirmed';
  const paymentDueAt = status === 'awaiting_payment' ? paymentDeadline(facility, at, japanClock(at).date, input.date, startsAt) : null;
  return { facility, room, input, slots, startsAt, endsAt, group, fee, status, paymentDueAt };
}

/** Why the chosen time is not free (a field error on the blocks), or null when it is. */
async function occupiedError(db: FacilitiesDb, p: PreparedBooking): Promise<FieldError | null> {
  const taken = overlapping(await occupationsBetween(db, [p.room.id], p.input.date, p.input.date), p.room.id, p.input.date, p.startsAt, p.endsAt);
  if (!taken) return null;
  return { field: 'blocks', messageKey: taken.kind === 'lottery' ? 'facilities.error.lotteryHeld' : taken.kind === 'booking' ? 'facilities.error.overlap' : 'facilities.error.unavailable' };
}

/**
 * Refuses a booking that would be one unpaid booking too many for this resident (a
 * booking confirmed at once, free of charge, holds nothing unpaid and always passes).
 */
async function checkUnpaidLimit(db: FacilitiesDb, resident: ResidentActor, p: PreparedBooking): Promise<void> {
  if (!(UNPAID_STATUSES as readonly string[]).includes(p.status)) return;
  const row = await db
    .selectFrom('facility_bookings')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('resident_account_id', '=', resident.accountId)
    .where('kind', '=', 'booking')
    .where('status', 'in', [...UNPAID_STATUSES])
    .executeTakeFirstOrThrow();
  const count = Number(row.n);
  if (!mayHoldAnotherUnpaid(count)) throw invalidInput([{ field: 'unpaidLimit', messageKey: 'facilities.error.unpaidLimit', params: { count, max: MAX_UNPAID_BOOKINGS } }]);
}

/** Step 2 (review): the price and terms of a request, refused with field errors — including a time already taken. */
export async function quoteBooking(ctx: FacilityContext, actor: ResidentActor, input: BookingInput): Promise<PreparedBooking> {
  const resident = requireResident(actor);
  if (!(await userOf(ctx.db, resident))) throw notRegistered();
  const prepared = await prepareBooking(ctx, resident, input);
  const occupied = await occupiedError(ctx.db, prepared);
  if (occupied) throw invalidInput([occupied]);
  await checkUnpaidLimit(ctx.db, resident, prepared);
  return prepared;
}

function newReference(date: string): string {
  const alphabet = 'ACDEFGHJKLMNPQRTUVWXY3479';
  return `F${date.slice(2).replaceAll('-', '')}-${Array.from(crypto.randomBytes(5), (b) => alphabet[b % alphabet.length]).join('')}`;
}

export interface ConfirmRequest extends BookingInput {
  idempotencyKey: string;
  /** The total the resident saw on the review page; a different total now shows the review again. */
  expectedFeeYen?: number;
}

export interface Booked {
  id: string;
  reference: string;
  status: BookingStatus;
  /** false: this idempotency key had already booked (a double click). */
  created: boolean;
}

async function byKey(db: FacilitiesDb, resident: ResidentActor, key: string): Promise<Booked | null> {
  const row = await db.selectFrom('facility_bookings').select(['id', 'reference', 'status']).where('resident_account_id', '=', resident.accountId).where('idempotency_key', '=', key).executeTakeFirst();
  return row ? { ...row, created: false } : null;
}

class TakenBeforeInsert extends Error {}

/** Step 3: confirm. One transaction: the row (held by the exclusion constraint), its audit entry and its notice. */
export async function bookRoom(ctx: FacilityContext, actor: ResidentActor, req: ConfirmRequest): Promise<Booked> {
  const resident = requireResident(actor);
  if (!/^[A-Za-z0-9-]{8,64}$/.test(req.idempotencyKey)) throw invalidInput([{ field: 'idempotencyKey', messageKey: 'facilities.error.key' }]);
  const again = await byKey(ctx.db, resident, req.idempotencyKey);
  if (again) return again;
  if (!(await userOf(ctx.db, resident))) throw notRegistered();
  const now = ctx.now();
  const p = await prepareBooking(ctx, resident, req, now);
  if (req.expectedFeeYen !== undefined && req.expectedFeeYen !== p.fee.feeYen) throw feeChanged();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      // The resident's own row is locked so that two of their bookings at once are counted one after the other.
      await trx.selectFrom('facility_users').select('resident_account_id').where('resident_account_id', '=', resident.accountId).forUpdate().execute();
      await checkUnpaidLimit(trx, resident, p);
      // Seen already committed: refuse without touching the constraint. A concurrent
      // insert not yet committed is caught by the constraint itself below.
      if (await occupiedError(trx, p)) throw new TakenBeforeInsert();
      const reference = newReference(req.date);
      const row = await trx
        .insertInto('facility_bookings')
        .values({
          reference,
          room_id: p.room.id,
          kind: 'booking',
          status: p.status,
          use_date: req.date,
          starts_at: p.startsAt,
          ends_at: p.endsAt,
          during: duringRange(req.date, p.startsAt, p.endsAt),
          block_codes: p.slots.map((s) => s.code),
          resident_account_id: resident.accountId,
          group_id: p.group?.id ?? null,
          created_by_staff_id: null,
          purpose: req.purpose,
          purpose_detail: req.purposeDetail,
          headcount: req.headcount,
          rate: p.fee.rate,
          base_yen: p.fee.baseYen,
          heating_yen: p.fee.heatingYen,
          reduction_code: null,
          reduction_yen: 0,
          fee_yen: p.fee.feeYen,
          payment_method: p.fee.feeYen === 0 ? 'none' : req.paymentChoice,
          payment_due_at: p.paymentDueAt,
          paid_at: null,
          payment_id: null,
          idempotency_key: req.idempotencyKey,
          created_at: now,
          updated_at: now,
        })
        .returning(['id', 'reference', 'status'])
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor: auditActorOf(resident),
        action: 'facilities.booking.created',
        targetType: 'facility_booking',
        targetId: row.id,
        details: { reference, room: p.room.id, date: req.date, from: p.startsAt, to: p.endsAt, status: p.status, feeYen: p.fee.feeYen, rate: p.fee.rate, group: p.group?.id ?? null },
      });
      await queueNotice(ctx.jobs, trx, row.id, p.status === 'pending_approval' ? 'pending' : 'booked');
      return { ...row, created: true };
    });
  } catch (error) {
    const state = sqlState(error);
    if (!(error instanceof TakenBeforeInsert) && state !== EXCLUSION_VIOLATION && state !== UNIQUE_VIOLATION) throw error;
    // The same key may have won in a parallel request (a double click): that is this booking.
    const mine = await byKey(ctx.db, resident, req.idempotencyKey);
    if (mine) return mine;
    throw slotTaken(await nearestAlternatives(ctx.db, { roomId: p.room.id, date: req.date, blockCodes: p.slots.map((s) => s.code), headcount: req.headcount, purpose: req.purpose }, now));
  }
}
