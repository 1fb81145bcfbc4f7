/**
 * Availability for anyone, without login: one day across the rooms that match the
 * filters (area, purpose, minimum capacity), or one room over a week or a month.
 */
import { addDays } from '../../platform/time/today.ts';
import { notFound } from '../../platform/http/errors.ts';
import { roomDays, roomMatches, type Cell, type RoomDay } from './availability.ts';
import { datesFrom, monthStart, weekStart, addMonths } from './booking-time.ts';
import { occupationsBetween } from './booked-times.ts';
import { loadFacilities, loadRoom, type FacilityInfo, type RoomInfo } from './catalogue.ts';
import type { Slot } from './calendar.ts';
import { lotteryOnlyMonths } from './lottery-months.ts';
import type { FacilitiesDb } from './tables.ts';

export interface DayFilter {
  date: string;
  area?: string | undefined;
  purpose?: string | undefined;
  minCapacity?: number | undefined;
  facilityId?: string | undefined;
}

export interface RoomRow {
  room: RoomInfo;
  cells: Cell[];
}

/** Rooms of one facility that share the same columns (blocks, or hours) on a day. */
export interface DayTable {
  facility: FacilityInfo;
  columns: Slot[];
  rows: RoomRow[];
}

function signature(columns: Slot[]): string {
  return columns.map((c) => `${c.code}@${c.startsAt}`).join(',');
}

/** Months of these dates kept for the lottery (no query for a facility without lottery-enabled rooms). */
export async function lotteryMonthsOf(db: FacilitiesDb, facility: FacilityInfo, dates: string[], now: Date): Promise<Set<string>> {
  if (!facility.rooms.some((r) => r.lotteryEnabled)) return new Set();
  return new Set((await lotteryOnlyMonths(db, facility.id, dates, now)).keys());
}

export async function dayAvailability(db: FacilitiesDb, filter: DayFilter, now: Date): Promise<DayTable[]> {
  const facilities = await loadFacilities(db, { ...(filter.area ? { area: filter.area } : {}), ...(filter.facilityId ? { facilityId: filter.facilityId } : {}) });
  const rooms = facilities.flatMap((f) => f.rooms.filter((r) => roomMatches(r, { ...(filter.purpose ? { purpose: filter.purpose } : {}), ...(filter.minCapacity ? { minCapacity: filter.minCapacity } : {}) })));
  const occupations = await occupationsBetween(db, rooms.map((r) => r.id), filter.date, filter.date);
  const tables: DayTable[] = [];
  for (const facility of facilities) {
    const byColumns = new Map<string, DayTable>();
    const lotteryMonths = await lotteryMonthsOf(db, facility, [filter.date], now);
    for (const room of facility.rooms.filter((r) => rooms.includes(r))) {
      const { columns, days } = roomDays(facility, room, [filter.date], occupations, now, lotteryMonths);
      const key = signature(columns);
      const table = byColumns.get(key) ?? { facility, columns, rows: [] };
      table.rows.push({ room, cells: days[0]!.cells });
      byColumns.set(key, table);
    }
    tables.push(...byColumns.values());
  }
  return tables;
}

export type CalendarView = 'week' | 'month';

export interface RoomCalendar {
  facility: FacilityInfo;
  room: RoomInfo;
  view: CalendarView;
  from: string;
  /** Exclusive. */
  to: string;
  previous: string;
  next: string;
  columns: Slot[];
  days: RoomDay[];
}

export async function roomCalendar(db: FacilitiesDb, roomId: string, view: CalendarView, date: string, now: Date): Promise<RoomCalendar> {
  const loaded = await loadRoom(db, roomId);
  if (!loaded) throw notFound();
  const from = view === 'week' ? weekStart(date) : monthStart(date);
  const to = view === 'week' ? addDays(from, 7) : addMonths(from, 1);
  const dates = datesFrom(from, to);
  const occupations = await occupationsBetween(db, [roomId], from, addDays(to, -1));
  const { columns, days } = roomDays(loaded.facility, loaded.room, dates, occupations, now, await lotteryMonthsOf(db, loaded.facility, dates, now));
  return { ...loaded, view, from, to, previous: view === 'week' ? addDays(from, -7) : addMonths(from, -1), next: to, columns, days };
}

/** The same grid for a facility over a date range, for the JSON API (at most 31 days). */
export async function facilityAvailability(db: FacilitiesDb, facilityId: string, from: string, to: string, now: Date) {
  const [facility] = await loadFacilities(db, { facilityId });
  if (!facility) throw notFound();
  const dates = datesFrom(from, addDays(to, 1));
  const occupations = await occupationsBetween(db, facility.rooms.map((r) => r.id), from, to);
  const lotteryMonths = await lotteryMonthsOf(db, facility, dates, now);
  return { facility, rooms: facility.rooms.map((room) => ({ room, ...roomDays(facility, room, dates, occupations, now, lotteryMonths) })) };
}
