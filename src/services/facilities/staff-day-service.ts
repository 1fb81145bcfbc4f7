/**
 * The counter's day sheet: every occupation of a day in the staff member's
 * facilities (bookings with their holder, payment and check-in; blocks and classes
 * for context), and recording who came. Check-in and no-show are one row per
 * booking: pressing a button again changes nothing (and records nothing); a
 * correction (no-show → checked in) replaces the state and is audited.
 */
import type { StaffActor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError, invalidInput } from '../../platform/http/errors.ts';
import { japanClock } from '../../platform/time/today.ts';
import { instantOf } from './booking-time.ts';
import { loadBookingRow, type BookingRow } from './booking-queries.ts';
import type { FacilityContext } from './facility-context.ts';
import { canManageFacilities, canManageFacility, facilityDepartmentsOf } from './staff-policy.ts';
import { staffDb, type CheckinState, type StaffDb } from './staff-tables.ts';

/** Bookings that can be checked in or marked no-show (a 仮予約 or a cancelled one cannot). */
const ATTENDABLE = ['confirmed', 'awaiting_payment'] as const;

/** The facilities this member of staff works with (their departments'), in display order. */
export async function staffFacilities(db: StaffDb, staff: StaffActor) {
  const departments = facilityDepartmentsOf(staff);
  if (departments.length === 0) return [];
  return db.selectFrom('facilities').select(['id', 'name', 'area', 'department_code', 'counter_payment']).where('department_code', 'in', departments).orderBy('sort_order').orderBy('id').execute();
}

export type DaySheetRow = Awaited<ReturnType<typeof daySheet>>['rows'][number];

/** One day of one facility (or all of the staff member's facilities): occupations in time order. */
export async function daySheet(ctx: FacilityContext, actor: StaffActor, date: string, facilityId: string | null) {
  const staff = requireStaff(actor);
  requireAccess(canManageFacilities(staff) || facilityDepartmentsOf(staff).length > 0, 'forbidden');
  const db = staffDb(ctx.db);
  const facilities = await staffFacilities(db, staff);
  const chosen = facilityId ? facilities.filter((f) => f.id === facilityId) : facilities;
  if (facilityId) requireAccess(chosen.length === 1);
  if (chosen.length === 0) return { facilities, rows: [] };
  const rows = await db
    .selectFrom('facility_bookings as b')
    .innerJoin('facility_rooms as r', 'r.id', 'b.room_id')
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .leftJoin('facility_users as u', 'u.resident_account_id', 'b.resident_account_id')
    .leftJoin('facility_groups as g', 'g.id', 'b.group_id')
    .leftJoin('facility_booking_checkins as c', 'c.booking_id', 'b.id')
    .leftJoin('facility_reductions as red', 'red.code', 'b.reduction_code')
    .select([
      'b.id',
      'b.reference',
      'b.kind',
      'b.status',
      'b.use_date',
      'b.starts_at',
      'b.ends_at',
      'b.title',
      'b.headcount',
      'b.fee_yen',
      'b.base_yen',
      'b.heating_yen',
      'b.reduction_yen',
      'b.reduction_code',
      'b.payment_method',
      'b.paid_at',
      'b.payment_due_at',
      'b.class_id',
      'r.id as room_id',
      'r.name as room_name',
      'f.id as facility_id',
      'f.name as facility_name',
      'f.counter_payment',
      'u.name as holder_name',
      'u.phone as holder_phone',
      'g.name as group_name',
      'c.state as checkin_state',
      'c.present_count',
      'red.name_ja as reduction_ja',
      'red.name_en as reduction_en',
    ])
    .where('f.id', 'in', chosen.map((f) => f.id))
    .where('b.use_date', '=', date)
    .where((eb) => eb.or([eb('b.status', 'in', ['pending_approval', 'awaiting_payment', 'confirmed', 'held']), eb('c.state', 'is not', null)]))
    .where('b.kind', '!=', 'lottery')
    .orderBy('f.sort_order')
    .orderBy('r.sort_order')
    .orderBy('b.starts_at')
    .execute();
  return { facilities, rows };
}

/** A booking of the staff member's department, for the counter's actions (404 otherwise). */
async function counterBooking(ctx: FacilityContext, staff: StaffActor, id: string): Promise<BookingRow> {
  const row = await loadBookingRow(ctx.db, id);
  requireAccess(row !== undefined && row.kind === 'booking' && canManageFacility(staff, row));
  return row!;
}

export interface CheckinInput {
  state: CheckinState;
  /** How many actually came (optional). */
  presentCount: number | null;
}

/**
 * Records that the holder came (checked_in) or did not (no_show). From the day of
 * use; a no-show only once the booking has started. The same state and count again
 * is a no-op; anything else replaces the record, audited with before and after.
 */
export async function recordCheckin(ctx: FacilityContext, actor: StaffActor, bookingId: string, input: CheckinInput): Promise<'changed' | 'unchanged'> {
  const staff = requireStaff(actor);
  const booking = await counterBooking(ctx, staff, bookingId);
  const now = ctx.now();
  const today = japanClock(now).date;
  if (!(ATTENDABLE as readonly string[]).includes(booking.status)) throw new DomainError('booking_state', 409, 'facilities.office.day.error.notAttendable');
  if (booking.use_date > today) throw new DomainError('too_early', 409, 'facilities.office.day.error.tooEarly');
  if (input.state === 'no_show' && instantOf(booking.use_date, booking.starts_at) > now) throw new DomainError('too_early', 409, 'facilities.office.day.error.noShowEarly');
  if (input.presentCount !== null && (!Number.isInteger(input.presentCount) || input.presentCount < 0 || input.presentCount > 5000)) {
    throw invalidInput([{ field: 'presentCount', messageKey: 'facilities.office.day.error.presentCount' }]);
  }
  // More people than the room holds is a typing slip (or a safety matter the counter must see), never a record.
  if (input.presentCount !== null && input.presentCount > booking.room_capacity) {
    throw invalidInput([{ field: 'presentCount', messageKey: 'facilities.office.day.error.overCapacity', params: { count: input.presentCount, capacity: booking.room_capacity, room: booking.room_name } }]);
  }
  const presentCount = input.state === 'no_show' ? null : input.presentCount;
  const db = staffDb(ctx.db);
  return db.transaction().execute(async (trx) => {
    // The booking row's lock serialises two presses (two counters) of the same booking.
    await trx.selectFrom('facility_bookings').select('id').where('id', '=', bookingId).forUpdate().executeTakeFirstOrThrow();
    const before = await trx.selectFrom('facility_booking_checkins').selectAll().where('booking_id', '=', bookingId).executeTakeFirst();
    if (before && before.state === input.state && (before.present_count === presentCount || (input.state === 'checked_in' && presentCount === null))) return 'unchanged' as const;
    const values = { state: input.state, present_count: presentCount ?? (input.state === 'checked_in' ? (before?.present_count ?? null) : null), recorded_by_staff_id: staff.id, recorded_at: now };
    if (before) await trx.updateTable('facility_booking_checkins').set(values).where('booking_id', '=', bookingId).execute();
    else await trx.insertInto('facility_booking_checkins').values({ booking_id: bookingId, ...values }).execute();
    await recordAudit(trx, {
      actor: auditActorOf(staff),
      action: input.state === 'checked_in' ? 'facilities.booking.checked-in' : 'facilities.booking.no-show',
      targetType: 'facility_booking',
      targetId: bookingId,
      details: { before: before ? { state: before.state, presentCount: before.present_count } : null, after: { state: values.state, presentCount: values.present_count }, headcount: booking.headcount },
    });
    return 'changed' as const;
  });
}

/** Takes a check-in record back (pressed on the wrong row). */
export async function clearCheckin(ctx: FacilityContext, actor: StaffActor, bookingId: string): Promise<'changed' | 'unchanged'> {
  const staff = requireStaff(actor);
  await counterBooking(ctx, staff, bookingId);
  const db = staffDb(ctx.db);
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('facility_bookings').select('id').where('id', '=', bookingId).forUpdate().executeTakeFirstOrThrow();
    const before = await trx.deleteFrom('facility_booking_checkins').where('booking_id', '=', bookingId).returningAll().executeTakeFirst();
    if (!before) return 'unchanged' as const;
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.booking.checkin-cleared', targetType: 'facility_booking', targetId: bookingId, details: { before: { state: before.state, presentCount: before.present_count } } });
    return 'changed' as const;
  });
}
