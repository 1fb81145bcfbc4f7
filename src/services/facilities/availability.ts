/**
 * The public availability grid: for each room, date and slot one state, said in
 * text with a symbol (never by colour alone): 空き, 予約済, 抽選, 抽選予定, 利用不可,
 * 休館, 時間外, 受付終了, 受付前. Pure over the catalogue, the occupations and the
 * months still kept for the lottery (lottery-months.ts).
 */
import { japanClock } from '../../platform/time/today.ts';
import type { FacilityInfo, RoomInfo } from './catalogue.ts';
import { allSlots, closedReason, slotsOn, type Slot } from './calendar.ts';
import { horizonOf } from './booking-rules.ts';
import { overlapping, type Occupation } from './booked-times.ts';

export type CellState = 'free' | 'booked' | 'lottery' | 'lottery_planned' | 'unavailable' | 'closed' | 'outside' | 'past' | 'not_yet';

export const CELL_SYMBOL: Record<CellState, string> = {
  free: '○',
  booked: '×',
  lottery: '◇',
  lottery_planned: '◆',
  unavailable: '■',
  closed: '休',
  outside: '—',
  past: '—',
  not_yet: '…',
};

export interface Cell {
  slot: Slot;
  state: CellState;
  /** Why the facility is closed (休館), when known. */
  note?: string;
}

export interface RoomDay {
  date: string;
  cells: Cell[];
}

/**
 * States of a room's slots (the room's full set of columns) on each date.
 * `lotteryMonths`: months (YYYY-MM) of the facility not yet open to first-come
 * booking; their free slots in a lottery-enabled room are 抽選予定.
 */
export function roomDays(facility: FacilityInfo, room: RoomInfo, dates: string[], occupations: Occupation[], now: Date, lotteryMonths: ReadonlySet<string> = new Set()): { columns: Slot[]; days: RoomDay[] } {
  const columns = allSlots(facility, room);
  const { date: today, seconds } = japanClock(now);
  const nowMinutes = Math.floor(seconds / 60);
  const horizon = horizonOf(facility, today);
  const days = dates.map((date) => {
    const closed = closedReason(facility, date);
    const open = slotsOn(facility, room, date);
    const cells = columns.map((slot): Cell => {
      if (date < today || (date === today && slot.startsAt <= nowMinutes)) return { slot, state: 'past' };
      if (closed) return { slot, state: 'closed', note: closed.kind === 'rule' ? closed.reason : '' };
      if (!open.some((s) => s.code === slot.code)) return { slot, state: 'outside' };
      const taken = overlapping(occupations, room.id, date, slot.startsAt, slot.endsAt);
      if (taken) return { slot, state: taken.kind === 'lottery' ? 'lottery' : taken.kind === 'booking' ? 'booked' : 'unavailable' };
      if (date > horizon) return { slot, state: 'not_yet' };
      if (room.lotteryEnabled && lotteryMonths.has(date.slice(0, 7))) return { slot, state: 'lottery_planned' };
      return { slot, state: 'free' };
    });
    return { date, cells };
  });
  return { columns, days };
}

export interface RoomFilter {
  purpose?: string;
  minCapacity?: number;
}

export function roomMatches(room: RoomInfo, filter: RoomFilter): boolean {
  if (filter.purpose && !room.purposes.includes(filter.purpose)) return false;
  if (filter.minCapacity && room.capacity < filter.minCapacity) return false;
  return true;
}
