/**
 * Running classes (staff of the 生涯学習スポーツ課 or the DX推進室): create a class in
 * a room (the room's time is taken in the same transaction), change it (moving the
 * room's time, more seats move the waiting list up, fewer than already booked is
 * refused), cancel it (every attendee told), see attendees and take attendance.
 * Each change is audited in its transaction; notices are queued there too.
 */
import type { StaffActor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError, invalidInput } from '../../platform/http/errors.ts';
import { japanClock } from '../../platform/time/today.ts';
import { EXCLUSION_VIOLATION, sqlState } from './booking-service.ts';
import { instantOf } from './booking-time.ts';
import type { ClassInput } from './classes-form.ts';
import { queueClassNotice } from './classes-notices.ts';
import { checkPlacement, classReference, roomTakenError, roomTime } from './classes-placement.ts';
import { canManageClass, classDepartmentOf } from './classes-policy.ts';
import { attendeesOf, loadClass, loadSeat, type ClassRow } from './classes-queries.ts';
import type { Attendance } from './classes-tables.ts';
import type { FacilityContext } from './facility-context.ts';
import { staffDb, type StaffDb } from './staff-tables.ts';

const classState = () => new DomainError('class_state', 409, 'facilities.classes.error.state');

/** The deadline: the end of the last day to apply, and never after the class starts. */
export function applyUntilOf(input: Pick<ClassInput, 'applyUntilDate' | 'date' | 'startsAt'>): Date {
  const endOfDay = instantOf(input.applyUntilDate, 1440);
  const start = instantOf(input.date, input.startsAt);
  return endOfDay < start ? endOfDay : start;
}

/** A class this member of staff manages (404 for another department's, as for an unknown id). */
export async function classForStaff(ctx: FacilityContext, actor: StaffActor, id: string): Promise<ClassRow> {
  const staff = requireStaff(actor);
  const cls = await loadClass(staffDb(ctx.db), id);
  requireAccess(cls !== undefined && canManageClass(staff, cls));
  return cls!;
}

async function placeOrExplain(db: StaffDb, input: ClassInput, ignore: string | null, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (sqlState(error) !== EXCLUSION_VIOLATION) throw error;
    // Someone took the time between our look and the insert: say what holds it now.
    const taken = await roomTakenError(db, input, ignore);
    throw invalidInput([taken ?? { field: 'startsAt', messageKey: 'facilities.classes.error.taken.booking', params: { reference: '', title: '', from: '', to: '' } }]);
  }
}

/** Creates a class and takes its room's time. */
export async function createClass(ctx: FacilityContext, actor: StaffActor, input: ClassInput): Promise<{ id: string; reference: string }> {
  const staff = requireStaff(actor);
  const department = classDepartmentOf(staff);
  requireAccess(department !== null, 'forbidden');
  const db = staffDb(ctx.db);
  const now = ctx.now();
  const { errors } = await checkPlacement(db, input, now, { allowPast: false });
  const taken = errors.length ? null : await roomTakenError(db, input, null);
  if (errors.length || taken) throw invalidInput(taken ? [taken] : errors);
  const applyUntil = applyUntilOf(input);
  if (applyUntil <= now) throw invalidInput([{ field: 'applyUntil', messageKey: 'facilities.classes.error.deadlinePast' }]);
  let created: { id: string; reference: string } | null = null;
  await placeOrExplain(db, input, null, async () => {
    created = await db.transaction().execute(async (trx) => {
      const cls = await insertClass(trx, input, { department: department!, staffId: staff.id, applyUntil, now });
      await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.class.created', targetType: 'facility_class', targetId: cls.id, details: { reference: cls.reference, title: input.title, room: input.roomId, date: input.date, from: input.startsAt, to: input.endsAt, seats: input.seats, feeYen: input.feeYen, department } });
      return cls;
    });
  });
  return created!;
}

/** The class row and the facility_bookings row holding its room, in the caller's transaction. */
export async function insertClass(trx: StaffDb, input: ClassInput, by: { department: string; staffId: string | null; applyUntil: Date; now: Date }): Promise<{ id: string; reference: string }> {
  const reference = classReference('K', input.date);
  const cls = await trx
    .insertInto('facility_classes')
    .values({ reference, title: input.title, description: input.description, level: input.level, instructor: input.instructor, room_id: input.roomId, use_date: input.date, starts_at: input.startsAt, ends_at: input.endsAt, seats: input.seats, fee_yen: input.feeYen, apply_until: by.applyUntil, waiting_list: input.waitingList, department_code: by.department, cancel_reason: null, cancelled_at: null, created_by_staff_id: by.staffId, created_at: by.now, updated_at: by.now })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('facility_bookings')
    .values({ reference, ...roomTime(input), kind: 'class', status: 'held', block_codes: [], resident_account_id: null, group_id: null, created_by_staff_id: by.staffId, title: input.title, purpose: null, headcount: input.seats, rate: null, reduction_code: null, payment_due_at: null, paid_at: null, payment_id: null, idempotency_key: null, class_id: cls.id, created_at: by.now, updated_at: by.now })
    .execute();
  return cls;
}

/** Moves people from the waiting list into free seats, in the order they asked. Call with the class row locked. */
export async function promoteWaiting(ctx: FacilityContext, trx: StaffDb, classId: string, free: number, now: Date): Promise<number> {
  if (free <= 0) return 0;
  const next = await trx.selectFrom('facility_class_seats').select('id').where('class_id', '=', classId).where('status', '=', 'waiting').orderBy('seq').limit(free).execute();
  if (next.length === 0) return 0;
  await trx.updateTable('facility_class_seats').set({ status: 'booked', promoted_at: now }).where('id', 'in', next.map((s) => s.id)).execute();
  await trx.updateTable('facility_classes').set((eb) => ({ seats_taken: eb('seats_taken', '+', next.length), updated_at: now })).where('id', '=', classId).execute();
  for (const s of next) {
    await recordAudit(trx, { actor: { type: 'system', id: 'facilities' }, action: 'facilities.class.seat-promoted', targetType: 'facility_class_seat', targetId: s.id, details: { class: classId } });
    await queueClassNotice(ctx.jobs, trx, s.id, 'promoted');
  }
  return next.length;
}

/** Changes a class. Fewer seats than are booked is refused; more seats move the waiting list up; a new time or room is announced. */
export async function updateClass(ctx: FacilityContext, actor: StaffActor, id: string, input: ClassInput): Promise<void> {
  const before = await classForStaff(ctx, actor, id);
  const staff = requireStaff(actor);
  if (before.status !== 'scheduled') throw classState();
  const db = staffDb(ctx.db);
  const now = ctx.now();
  const moved = before.room_id !== input.roomId || before.use_date !== input.date || before.starts_at !== input.startsAt || before.ends_at !== input.endsAt;
  const { errors } = await checkPlacement(db, input, now, { allowPast: !moved });
  const row = await db.selectFrom('facility_bookings').select('id').where('class_id', '=', id).where('kind', '=', 'class').where('status', '=', 'held').executeTakeFirst();
  const taken = errors.length || !moved ? null : await roomTakenError(db, input, row?.id ?? null);
  if (errors.length || taken) throw invalidInput(taken ? [taken] : errors);
  const applyUntil = applyUntilOf(input);
  await placeOrExplain(db, input, row?.id ?? null, async () => {
    await db.transaction().execute(async (trx) => {
      const locked = await trx.selectFrom('facility_classes').select(['status', 'seats_taken']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (locked.status !== 'scheduled') throw classState();
      if (input.seats < locked.seats_taken) throw invalidInput([{ field: 'seats', messageKey: 'facilities.classes.error.seatsBelowBooked', params: { booked: locked.seats_taken } }]);
      await trx
        .updateTable('facility_classes')
        .set({ title: input.title, description: input.description, level: input.level, instructor: input.instructor, room_id: input.roomId, use_date: input.date, starts_at: input.startsAt, ends_at: input.endsAt, seats: input.seats, fee_yen: input.feeYen, apply_until: applyUntil, waiting_list: input.waitingList, updated_at: now })
        .where('id', '=', id)
        .execute();
      if (row) await trx.updateTable('facility_bookings').set({ ...roomTime(input), title: input.title, headcount: input.seats, updated_at: now }).where('id', '=', row.id).execute();
      const promoted = await promoteWaiting(ctx, trx, id, input.seats - locked.seats_taken, now);
      await recordAudit(trx, {
        actor: auditActorOf(staff),
        action: 'facilities.class.updated',
        targetType: 'facility_class',
        targetId: id,
        details: {
          before: { title: before.title, room: before.room_id, date: before.use_date, from: before.starts_at, to: before.ends_at, seats: before.seats, feeYen: before.fee_yen, level: before.level, instructor: before.instructor },
          after: { title: input.title, room: input.roomId, date: input.date, from: input.startsAt, to: input.endsAt, seats: input.seats, feeYen: input.feeYen, level: input.level, instructor: input.instructor },
          promoted,
        },
      });
      if (moved) {
        const holders = await trx.selectFrom('facility_class_seats').select('id').where('class_id', '=', id).where('status', 'in', ['booked', 'waiting']).execute();
        // The version makes each change its own notice (a second move is announced too).
        for (const s of holders) await queueClassNotice(ctx.jobs, trx, s.id, 'changed', `${input.date}-${input.startsAt}-${input.roomId}`);
      }
    });
  });
}

/** Cancels a class: the room is freed, every seat and waiting place ends, and each holder is told why. */
export async function cancelClass(ctx: FacilityContext, actor: StaffActor, id: string, reason: string): Promise<number> {
  await classForStaff(ctx, actor, id);
  const staff = requireStaff(actor);
  const note = reason.normalize('NFKC').trim();
  if (!note) throw invalidInput([{ field: 'reason', messageKey: 'facilities.classes.error.reasonRequired' }]);
  if (note.length > 200) throw invalidInput([{ field: 'reason', messageKey: 'facilities.classes.error.reasonTooLong', params: { limit: 200 } }]);
  return staffDb(ctx.db).transaction().execute(async (trx) => {
    const told = await cancelClassIn(ctx, trx, id, note, ctx.now());
    if (told === null) throw classState();
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.class.cancelled', targetType: 'facility_class', targetId: id, reason: note, details: { seats: told } });
    return told;
  });
}

/**
 * Cancels a class inside the caller's transaction (staff cancelling it, or a
 * maintenance block over its room): the room row, every seat and waiting place,
 * a notice to each holder. Returns how many were told, or null when the class was
 * no longer scheduled. The caller audits.
 */
export async function cancelClassIn(ctx: FacilityContext, trx: StaffDb, id: string, reason: string, now: Date): Promise<number | null> {
  const locked = await trx.selectFrom('facility_classes').select(['status']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  if (locked.status !== 'scheduled') return null;
  await trx.updateTable('facility_classes').set({ status: 'cancelled', cancel_reason: reason, cancelled_at: now, seats_taken: 0, updated_at: now }).where('id', '=', id).execute();
  await trx.updateTable('facility_bookings').set({ status: 'cancelled', cancelled_at: now, cancel_reason: reason, updated_at: now }).where('class_id', '=', id).where('kind', '=', 'class').where('status', '=', 'held').execute();
  const holders = await trx.updateTable('facility_class_seats').set({ status: 'cancelled', cancelled_at: now }).where('class_id', '=', id).where('status', 'in', ['booked', 'waiting']).returning('id').execute();
  for (const s of holders) await queueClassNotice(ctx.jobs, trx, s.id, 'class_cancelled');
  return holders.length;
}

/** Attendees of a class, for its staff. */
export async function classAttendees(ctx: FacilityContext, actor: StaffActor, id: string) {
  const cls = await classForStaff(ctx, actor, id);
  return { cls, attendees: await attendeesOf(staffDb(ctx.db), cls.id) };
}

/**
 * Marks a booked attendee present or absent (null clears the mark) from the day of
 * the class. Pressing the same button twice changes nothing and records nothing.
 */
export async function markAttendance(ctx: FacilityContext, actor: StaffActor, seatId: string, attendance: Attendance | null): Promise<'changed' | 'unchanged'> {
  const staff = requireStaff(actor);
  const db = staffDb(ctx.db);
  const seat = await loadSeat(db, seatId);
  requireAccess(seat !== undefined && canManageClass(staff, seat));
  if (seat!.status !== 'booked' || seat!.class_status !== 'scheduled') throw new DomainError('seat_state', 409, 'facilities.classes.error.attendanceState');
  if (japanClock(ctx.now()).date < seat!.use_date) throw new DomainError('too_early', 409, 'facilities.classes.error.attendanceEarly');
  const now = ctx.now();
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('facility_class_seats').select(['attendance', 'status']).where('id', '=', seatId).forUpdate().executeTakeFirstOrThrow();
    if (current.status !== 'booked') throw new DomainError('seat_state', 409, 'facilities.classes.error.attendanceState');
    if (current.attendance === attendance) return 'unchanged' as const;
    await trx.updateTable('facility_class_seats').set({ attendance, attendance_by_staff_id: staff.id, attendance_at: now }).where('id', '=', seatId).execute();
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.class.attendance', targetType: 'facility_class_seat', targetId: seatId, details: { class: seat!.class_id, before: current.attendance, after: attendance } });
    return 'changed' as const;
  });
}
