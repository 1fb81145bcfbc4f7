/**
 * Which existing bookings a settings change would break, pure: shorter opening
 * hours under a booked time, a new closed day on a booked day, a room's capacity
 * below a booked headcount (or a class's seats), a purpose a booking declared, a
 * fixed block whose times change under its bookings, a room taken out of use. The
 * change is refused naming these bookings, so staff can contact the holders first.
 */
import { isoWeekday } from '../../platform/time/today.ts';
import { clockText } from './booking-time.ts';
import { closedReason } from './calendar.ts';
import type { Closure } from './catalogue.ts';
import type { OccupancyKind } from './tables.ts';

/** A future active occupation (booking, lottery hold or class) as the checks need it. */
export interface FutureOccupation {
  id: string;
  reference: string;
  kind: OccupancyKind;
  roomId: string;
  date: string;
  startsAt: number;
  endsAt: number;
  headcount: number | null;
  purpose: string | null;
  blockCodes: string[];
}

export type WeekHours = Map<number, { opensAt: number; closesAt: number }>;

/** Occupations outside the new weekly hours (on a day that becomes a closing day, or before opening / after closing). */
export function brokenByHours(occupations: FutureOccupation[], hours: WeekHours): FutureOccupation[] {
  return occupations.filter((o) => {
    const day = hours.get(isoWeekday(o.date));
    return !day || o.startsAt < day.opensAt || o.endsAt > day.closesAt;
  });
}

/** Occupations on a day the new closure closes. */
export function brokenByClosure(occupations: FutureOccupation[], closure: Closure): FutureOccupation[] {
  const everyDay: WeekHours = new Map([1, 2, 3, 4, 5, 6, 7].map((d) => [d, { opensAt: 0, closesAt: 1440 }]));
  return occupations.filter((o) => closedReason({ hours: everyDay, closures: [closure] }, o.date) !== null);
}

export interface RoomChange {
  roomId: string;
  capacity: number;
  purposes: string[];
  active: boolean;
}

/** Occupations of the room that the change breaks: headcount or seats over capacity, a purpose taken away, the room closed. */
export function brokenByRoomChange(occupations: FutureOccupation[], change: RoomChange): FutureOccupation[] {
  return occupations.filter((o) => {
    if (o.roomId !== change.roomId) return false;
    if (!change.active) return true;
    if (o.headcount !== null && o.headcount > change.capacity && o.kind !== 'lottery') return true;
    return o.kind === 'booking' && o.purpose !== null && !change.purposes.includes(o.purpose);
  });
}

export interface BlockTimes {
  code: string;
  startsAt: number;
  endsAt: number;
}

/** Bookings of a fixed block whose times change or which is removed. */
export function brokenByBlocks(occupations: FutureOccupation[], roomId: string, before: BlockTimes[], after: BlockTimes[]): FutureOccupation[] {
  const changed = new Set(before.filter((b) => !after.some((a) => a.code === b.code && a.startsAt === b.startsAt && a.endsAt === b.endsAt)).map((b) => b.code));
  return occupations.filter((o) => o.roomId === roomId && o.blockCodes.some((c) => changed.has(c)));
}

/** The widest day of the week: its earliest opening and latest closing (null when no weekday is open). */
export function widestHours(hours: WeekHours): { opensAt: number; closesAt: number } | null {
  const days = [...hours.values()];
  if (days.length === 0) return null;
  return { opensAt: Math.min(...days.map((d) => d.opensAt)), closesAt: Math.max(...days.map((d) => d.closesAt)) };
}

/**
 * Fixed blocks that fit in no day's opening hours. The calendar offers a block only
 * on days whose hours contain it (the evening block is not offered on a Sunday that
 * closes at 17:00), so such a block would silently never be offered at all.
 */
export function blocksOutsideHours<T extends BlockTimes>(blocks: T[], hours: WeekHours): T[] {
  const days = [...hours.values()];
  return blocks.filter((b) => !days.some((d) => b.startsAt >= d.opensAt && b.endsAt <= d.closesAt));
}

/** "F270608-ACDEF（6/8 9:00〜12:00）、…": the bookings named in a refusal (at most `max`; the count says how many in all). */
export function describeConflicts(list: FutureOccupation[], max = 8): { list: string; count: number } {
  const shown = list.slice(0, max).map((o) => `${o.reference}（${Number(o.date.slice(5, 7))}/${Number(o.date.slice(8, 10))} ${clockText(o.startsAt)}〜${clockText(o.endsAt)}）`);
  return { list: shown.join('、') + (list.length > max ? '、…' : ''), count: list.length };
}
