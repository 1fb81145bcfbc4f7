/**
 * A resident's seat in a class, booked the same way as a room: registered contact
 * details first, then one transaction that locks the class, raises `seats_taken`
 * and inserts the seat. The CHECK (seats_taken <= seats) is the last word: however
 * many requests arrive at once on however many connections, no class is oversold.
 * A full class offers its waiting list (only when the resident asks for it); a
 * cancelled seat goes to the first person waiting.
 */
import type { Actor, ResidentActor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { requireAccess, requireResident } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError, notFound } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { notRegistered, sqlState, UNIQUE_VIOLATION } from './booking-service.ts';
import { instantOf } from './booking-time.ts';
import { queueClassNotice } from './classes-notices.ts';
import { classReference } from './classes-placement.ts';
import { canSeeSeat } from './classes-policy.ts';
import { activeSeatOf, loadSeat, type SeatRow } from './classes-queries.ts';
import { promoteWaiting } from './classes-service.ts';
import type { SeatStatus } from './classes-tables.ts';
import type { FacilityContext } from './facility-context.ts';
import { userOf } from './facility-users.ts';
import { staffDb } from './staff-tables.ts';

/** SQLSTATE of a CHECK constraint refusing a row (here: more seats taken than there are). */
export const CHECK_VIOLATION = '23514';

export const classFull = (waitingList: boolean) => new DomainError('class_full', 409, waitingList ? 'facilities.classes.error.fullWaitingList' : 'facilities.classes.error.full');
const classCancelled = () => new DomainError('class_cancelled', 409, 'facilities.classes.error.cancelled');
const applicationsClosed = () => new DomainError('class_closed', 409, 'facilities.classes.error.closed');

export interface SeatResult {
  id: string;
  reference: string;
  status: SeatStatus;
  /** false: the resident already held this place (a double press, or booking again). */
  created: boolean;
}

/**
 * Books a seat for the resident. When the class is full the seat is refused
 * (class_full) unless `joinWaitingList` is set and the class keeps a waiting list.
 */
export async function bookSeat(ctx: FacilityContext, actor: ResidentActor, classId: string, options: { joinWaitingList: boolean } = { joinWaitingList: false }): Promise<SeatResult> {
  const resident = requireResident(actor);
  if (!isUuid(classId)) throw notFound();
  if (!(await userOf(ctx.db, resident))) throw notRegistered();
  const db = staffDb(ctx.db);
  const now = ctx.now();
  try {
    return await db.transaction().execute(async (trx) => {
      // The lock queues concurrent requests for this class one behind the other, so
      // "is there a seat?" and "take it" are one step; the CHECK backs it up.
      const cls = await trx.selectFrom('facility_classes').select(['id', 'status', 'seats', 'seats_taken', 'apply_until', 'waiting_list', 'use_date', 'title']).where('id', '=', classId).forUpdate().executeTakeFirst();
      if (!cls) throw notFound();
      const mine = await activeSeatOf(trx, classId, resident.accountId);
      if (mine) return { id: mine.id, reference: mine.reference, status: mine.status, created: false };
      if (cls.status !== 'scheduled') throw classCancelled();
      if (cls.apply_until <= now) throw applicationsClosed();
      const hasSeat = cls.seats_taken < cls.seats;
      if (!hasSeat && !(cls.waiting_list && options.joinWaitingList)) throw classFull(cls.waiting_list);
      const status: SeatStatus = hasSeat ? 'booked' : 'waiting';
      if (hasSeat) await trx.updateTable('facility_classes').set((eb) => ({ seats_taken: eb('seats_taken', '+', 1), updated_at: now })).where('id', '=', classId).execute();
      const seat = await trx
        .insertInto('facility_class_seats')
        .values({ reference: classReference('S', cls.use_date), class_id: classId, resident_account_id: resident.accountId, status, attendance: null, attendance_by_staff_id: null, attendance_at: null, created_at: now, promoted_at: null, cancelled_at: null })
        .returning(['id', 'reference', 'status'])
        .executeTakeFirstOrThrow();
      await recordAudit(trx, { actor: auditActorOf(resident), action: hasSeat ? 'facilities.class.seat-booked' : 'facilities.class.seat-waiting', targetType: 'facility_class_seat', targetId: seat.id, details: { class: classId, reference: seat.reference } });
      await queueClassNotice(ctx.jobs, trx, seat.id, hasSeat ? 'booked' : 'waiting');
      return { ...seat, created: true };
    });
  } catch (error) {
    const state = sqlState(error);
    if (state === CHECK_VIOLATION) throw classFull(false);
    if (state === UNIQUE_VIOLATION) {
      // A parallel press of the same resident won: that seat is this one.
      const mine = await activeSeatOf(db, classId, resident.accountId);
      if (mine) return { id: mine.id, reference: mine.reference, status: mine.status, created: false };
    }
    throw error;
  }
}

/** A seat as its holder (or the class's staff) sees it; 404 for anyone else. */
export async function seatForView(ctx: FacilityContext, actor: Actor, seatId: string): Promise<SeatRow> {
  const seat = await loadSeat(staffDb(ctx.db), seatId);
  requireAccess(seat !== undefined && canSeeSeat(actor, seat, seat));
  return seat!;
}

/**
 * Gives a seat (or a waiting place) back, until the class starts. A freed seat goes
 * to the first person on the waiting list in the same transaction. Cancelling a seat
 * already cancelled changes nothing.
 */
export async function cancelSeat(ctx: FacilityContext, actor: Actor, seatId: string): Promise<'cancelled' | 'unchanged'> {
  const seat = await seatForView(ctx, actor, seatId);
  if (seat.status === 'cancelled') return 'unchanged';
  const now = ctx.now();
  if (instantOf(seat.use_date, seat.starts_at) <= now) throw new DomainError('class_started', 409, 'facilities.classes.error.started');
  const db = staffDb(ctx.db);
  return db.transaction().execute(async (trx) => {
    // Class first, then seat: the same lock order as booking, so the two never deadlock.
    await trx.selectFrom('facility_classes').select('id').where('id', '=', seat.class_id).forUpdate().executeTakeFirstOrThrow();
    const current = await trx.selectFrom('facility_class_seats').select(['status']).where('id', '=', seatId).forUpdate().executeTakeFirstOrThrow();
    if (current.status === 'cancelled') return 'unchanged' as const;
    await trx.updateTable('facility_class_seats').set({ status: 'cancelled', cancelled_at: now }).where('id', '=', seatId).execute();
    if (current.status === 'booked') {
      await trx.updateTable('facility_classes').set((eb) => ({ seats_taken: eb('seats_taken', '-', 1), updated_at: now })).where('id', '=', seat.class_id).execute();
    }
    await recordAudit(trx, { actor: auditActorOf(actor), action: 'facilities.class.seat-cancelled', targetType: 'facility_class_seat', targetId: seatId, details: { class: seat.class_id, was: current.status } });
    await queueClassNotice(ctx.jobs, trx, seatId, 'cancelled');
    if (current.status === 'booked') await promoteWaiting(ctx, trx, seat.class_id, 1, now);
    return 'cancelled' as const;
  });
}
