/**
 * Reads of classes for pages and the API: the public list of upcoming classes (by
 * area and level, paged), one class with its room and facility, a resident's own
 * seats, and a class's attendee list for its staff.
 */
import { sql } from 'kysely';
import { isUuid } from '../../platform/http/ids.ts';
import { AREAS, type Area } from './tables.ts';
import { CLASS_LEVELS, type ClassLevel } from './classes-tables.ts';
import type { StaffDb } from './staff-tables.ts';

export const CLASSES_PER_PAGE = 20;

export const asArea = (value: string | undefined): Area | undefined => ((AREAS as readonly string[]).includes(value ?? '') ? (value as Area) : undefined);
export const asLevel = (value: string | undefined): ClassLevel | undefined => ((CLASS_LEVELS as readonly string[]).includes(value ?? '') ? (value as ClassLevel) : undefined);

function classSelect(db: StaffDb) {
  return db
    .selectFrom('facility_classes as c')
    .innerJoin('facility_rooms as r', 'r.id', 'c.room_id')
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .selectAll('c')
    .select(['r.name as room_name', 'r.capacity as room_capacity', 'f.id as facility_id', 'f.name as facility_name', 'f.area', 'f.address', 'f.phone as facility_phone', 'f.accessibility']);
}

export type ClassRow = NonNullable<Awaited<ReturnType<typeof loadClass>>>;

/** A class with its room and facility (no access check: classes are public). */
export async function loadClass(db: StaffDb, id: string) {
  if (!isUuid(id)) return undefined;
  return classSelect(db).where('c.id', '=', id).executeTakeFirst();
}

export interface ClassFilter {
  area?: Area;
  level?: ClassLevel;
  page: number;
}

/** Scheduled classes from `today` on, soonest first; a page of them and how many pages there are. */
export async function upcomingClasses(db: StaffDb, today: string, filter: ClassFilter): Promise<{ rows: ClassRow[]; total: number; pageCount: number }> {
  let query = classSelect(db).where('c.status', '=', 'scheduled').where('c.use_date', '>=', today);
  if (filter.area) query = query.where('f.area', '=', filter.area);
  if (filter.level) query = query.where('c.level', '=', filter.level);
  const { total } = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  const count = Number(total);
  const pageCount = Math.max(1, Math.ceil(count / CLASSES_PER_PAGE));
  const page = Math.min(Math.max(1, filter.page), pageCount);
  const rows = await query
    .orderBy('c.use_date')
    .orderBy('c.starts_at')
    .orderBy('c.id')
    .limit(CLASSES_PER_PAGE)
    .offset((page - 1) * CLASSES_PER_PAGE)
    .execute();
  return { rows, total: count, pageCount };
}

/** Classes of these departments from `from` on (cancelled ones included), for the staff list. */
export async function classesForStaff(db: StaffDb, departments: string[], from: string, limit = 200) {
  if (departments.length === 0) return [];
  return classSelect(db)
    .where('c.department_code', 'in', departments)
    .where('c.use_date', '>=', from)
    .select((eb) => eb.selectFrom('facility_class_seats as s').select((x) => x.fn.countAll<string>().as('n')).whereRef('s.class_id', '=', 'c.id').where('s.status', '=', 'waiting').as('waiting_count'))
    .orderBy('c.use_date')
    .orderBy('c.starts_at')
    .limit(limit)
    .execute();
}

function seatSelect(db: StaffDb) {
  return db
    .selectFrom('facility_class_seats as s')
    .innerJoin('facility_classes as c', 'c.id', 's.class_id')
    .innerJoin('facility_rooms as r', 'r.id', 'c.room_id')
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .selectAll('s')
    .select([
      'c.title',
      'c.level',
      'c.instructor',
      'c.use_date',
      'c.starts_at',
      'c.ends_at',
      'c.status as class_status',
      'c.fee_yen',
      'c.department_code',
      'c.cancel_reason as class_cancel_reason',
      'c.reference as class_reference',
      'r.name as room_name',
      'f.name as facility_name',
      'f.area',
      'f.phone as facility_phone',
    ]);
}

export type SeatRow = NonNullable<Awaited<ReturnType<typeof loadSeat>>>;

/** A seat with its class (no access check: callers check with canSeeSeat). */
export async function loadSeat(db: StaffDb, id: string) {
  if (!isUuid(id)) return undefined;
  return seatSelect(db).where('s.id', '=', id).executeTakeFirst();
}

/** The resident's place in a class, if they hold one (booked or waiting). */
export async function activeSeatOf(db: StaffDb, classId: string, accountId: string) {
  return db.selectFrom('facility_class_seats').selectAll().where('class_id', '=', classId).where('resident_account_id', '=', accountId).where('status', 'in', ['booked', 'waiting']).executeTakeFirst();
}

/** The resident's seats: upcoming (from `today`) soonest first, or past ones newest first. */
export async function seatsOfResident(db: StaffDb, accountId: string, today: string, when: 'upcoming' | 'past', limit = 50) {
  let query = seatSelect(db).where('s.resident_account_id', '=', accountId);
  query = when === 'upcoming' ? query.where('c.use_date', '>=', today).orderBy('c.use_date').orderBy('c.starts_at') : query.where('c.use_date', '<', today).orderBy('c.use_date', 'desc');
  return query.orderBy('s.created_at', 'desc').limit(limit).execute();
}

/** Where a resident stands on a class's waiting list (1 = next), or null. */
export async function waitingPosition(db: StaffDb, seat: { id: string; class_id: string; status: string }): Promise<number | null> {
  if (seat.status !== 'waiting') return null;
  const row = await db
    .selectFrom('facility_class_seats')
    .select((eb) => eb.fn.countAll<string>().as('ahead'))
    .where('class_id', '=', seat.class_id)
    .where('status', '=', 'waiting')
    .where('seq', '<', (eb) => eb.selectFrom('facility_class_seats as me').select('me.seq').where('me.id', '=', seat.id))
    .executeTakeFirstOrThrow();
  return Number(row.ahead) + 1;
}

/** Attendees of a class (booked first, then the waiting list in order, then cancelled) with their contact details. */
export async function attendeesOf(db: StaffDb, classId: string) {
  return db
    .selectFrom('facility_class_seats as s')
    .leftJoin('facility_users as u', 'u.resident_account_id', 's.resident_account_id')
    .select(['s.id', 's.reference', 's.status', 's.attendance', 's.created_at', 's.promoted_at', 's.cancelled_at', 'u.name', 'u.name_kana', 'u.phone', 'u.email'])
    .where('s.class_id', '=', classId)
    .orderBy(sql`CASE s.status WHEN 'booked' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END`)
    .orderBy('s.seq')
    .execute();
}
