/** Reads of bookings for pages, my page and the API, each behind the access rule of policy.ts. */
import type { Actor, ResidentActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { groupIdsOf } from './group-membership.ts';
import { canSeeBooking } from './policy.ts';
import type { FacilitiesDb } from './tables.ts';

function bookingSelect(db: FacilitiesDb) {
  return db
    .selectFrom('facility_bookings as b')
    .innerJoin('facility_rooms as r', 'r.id', 'b.room_id')
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .leftJoin('facility_groups as g', 'g.id', 'b.group_id')
    .leftJoin('facility_purposes as p', 'p.code', 'b.purpose')
    .leftJoin('facility_reductions as red', 'red.code', 'b.reduction_code')
    .selectAll('b')
    .select(['r.name as room_name', 'r.capacity as room_capacity', 'r.needs_approval', 'f.id as facility_id', 'f.name as facility_name', 'f.area', 'f.address', 'f.phone as facility_phone', 'f.department_code', 'f.counter_payment', 'f.cancel_free_days_before', 'f.cancel_fee_percent', 'g.name as group_name', 'p.name_ja as purpose_ja', 'p.name_en as purpose_en', 'red.name_ja as reduction_ja', 'red.name_en as reduction_en', 'red.percent as reduction_percent']);
}

export type BookingRow = NonNullable<Awaited<ReturnType<typeof loadBookingRow>>>;

/** A booking with its room and facility, without any access check (callers check). */
export async function loadBookingRow(db: FacilitiesDb, id: string) {
  if (!isUuid(id)) return undefined;
  return bookingSelect(db).where('b.id', '=', id).executeTakeFirst();
}

/** The booking if this actor may see it; 404 otherwise (also for an unknown id). */
export async function bookingForView(db: FacilitiesDb, actor: Actor, id: string): Promise<BookingRow> {
  const row = await loadBookingRow(db, id);
  const memberOf = actor.kind === 'resident' && row?.group_id ? await groupIdsOf(db, actor) : new Set<string>();
  requireAccess(row !== undefined && row.kind === 'booking' && canSeeBooking(actor, row, { department_code: row.department_code }, memberOf));
  return row!;
}

/** The resident's bookings and those of their groups: upcoming (from `today`) first in date order, or past ones newest first. */
export async function bookingsOf(db: FacilitiesDb, resident: ResidentActor, today: string, when: 'upcoming' | 'past', limit = 50) {
  const groups = [...(await groupIdsOf(db, resident))];
  let query = bookingSelect(db)
    .where('b.kind', '=', 'booking')
    .where((eb) => eb.or([eb('b.resident_account_id', '=', resident.accountId), ...(groups.length ? [eb('b.group_id', 'in', groups)] : [])]));
  query = when === 'upcoming' ? query.where('b.use_date', '>=', today).orderBy('b.use_date').orderBy('b.starts_at') : query.where('b.use_date', '<', today).orderBy('b.use_date', 'desc').orderBy('b.starts_at', 'desc');
  return query.limit(limit).execute();
}
