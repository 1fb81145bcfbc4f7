/** Reads of what occupies rooms: the active rows of facility_bookings over a date range. */
import { ACTIVE_STATUSES, type BookingStatus, type FacilitiesDb, type OccupancyKind } from './tables.ts';

export interface Occupation {
  id: string;
  roomId: string;
  kind: OccupancyKind;
  status: BookingStatus;
  date: string;
  startsAt: number;
  endsAt: number;
}

/** Active occupations of these rooms from `from` to `to` (inclusive dates). */
export async function occupationsBetween(db: FacilitiesDb, roomIds: string[], from: string, to: string): Promise<Occupation[]> {
  if (roomIds.length === 0) return [];
  const rows = await db
    .selectFrom('facility_bookings')
    .select(['id', 'room_id', 'kind', 'status', 'use_date', 'starts_at', 'ends_at'])
    .where('room_id', 'in', roomIds)
    .where('use_date', '>=', from)
    .where('use_date', '<=', to)
    .where('status', 'in', [...ACTIVE_STATUSES])
    .execute();
  return rows.map((r) => ({ id: r.id, roomId: r.room_id, kind: r.kind, status: r.status, date: r.use_date, startsAt: r.starts_at, endsAt: r.ends_at }));
}

/** The first occupation overlapping [startsAt, endsAt) of a room on a date. */
export function overlapping(occupations: Occupation[], roomId: string, date: string, startsAt: number, endsAt: number): Occupation | undefined {
  return occupations.find((o) => o.roomId === roomId && o.date === date && o.startsAt < endsAt && startsAt < o.endsAt);
}
