/**
 * Which slots a round holds: staff pick a room, its blocks (or a span of hours in an
 * hourly room) and the weekdays or dates of the month; every open day yields a slot.
 * Pure: the facility's calendar decides which days are open. A slot's code is its id
 * in the published draw input, readable as room/date/block by anyone checking.
 */
import { addDays, isoWeekday } from '../../platform/time/today.ts';
import { hourCode } from './booking-time.ts';
import type { FacilityInfo, RoomInfo } from './catalogue.ts';
import { closedReason, slotsOn } from './calendar.ts';

export interface SlotChoice {
  month: string;
  /** Block codes of a room in block mode. */
  blockCodes: string[];
  /** A span of whole hours in an hourly room (minutes after midnight). */
  hours: { from: number; to: number } | null;
  /** ISO weekdays (1 = Monday … 7 = Sunday); ignored when `dates` is given. */
  weekdays: number[];
  dates: string[];
  /** Fairness class; empty = room, weekend or weekday, block. */
  slotType: string;
}

export interface PlannedSlot {
  code: string;
  roomId: string;
  useDate: string;
  startsAt: number;
  endsAt: number;
  blockCodes: string[];
  slotType: string;
}

export interface SkippedDay {
  date: string;
  reason: 'closed' | 'outside_hours';
}

export function daysOfMonth(month: string): string[] {
  const days: string[] = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addDays(d, 1)) days.push(d);
  return days;
}

const dayKind = (date: string) => (isoWeekday(date) >= 6 ? 'weekend' : 'weekday');
const hhmm = (minutes: number) => hourCode(minutes).slice(1);

/** The slots a choice yields, and the chosen days that yield none (closed, or the block is outside that day's hours). */
export function planSlots(facility: Pick<FacilityInfo, 'hours' | 'closures'>, room: Pick<RoomInfo, 'id' | 'slotMode' | 'blocks'>, choice: SlotChoice): { slots: PlannedSlot[]; skipped: SkippedDay[] } {
  const days = choice.dates.length > 0 ? [...new Set(choice.dates)].sort() : daysOfMonth(choice.month).filter((d) => choice.weekdays.includes(isoWeekday(d)));
  const slots: PlannedSlot[] = [];
  const skipped: SkippedDay[] = [];
  for (const date of days) {
    if (closedReason(facility, date)) {
      skipped.push({ date, reason: 'closed' });
      continue;
    }
    const open = slotsOn(facility, room, date);
    const before = slots.length;
    if (room.slotMode === 'blocks') {
      for (const code of choice.blockCodes) {
        const block = open.find((s) => s.code === code);
        if (!block) continue;
        slots.push({
          code: `${room.id}/${date}/${code}`,
          roomId: room.id,
          useDate: date,
          startsAt: block.startsAt,
          endsAt: block.endsAt,
          blockCodes: [code],
          slotType: choice.slotType || `${room.id}:${dayKind(date)}:${code}`,
        });
      }
    } else if (choice.hours) {
      const { from, to } = choice.hours;
      const hours = open.filter((s) => s.startsAt >= from && s.endsAt <= to);
      // Every hour of the span must be bookable that day, or the slot would promise time the room does not have.
      if (hours.length > 0 && hours.length === (to - from) / 60) {
        const span = `${hhmm(from)}-${hhmm(to)}`;
        slots.push({
          code: `${room.id}/${date}/${span}`,
          roomId: room.id,
          useDate: date,
          startsAt: from,
          endsAt: to,
          blockCodes: hours.map((h) => h.code),
          slotType: choice.slotType || `${room.id}:${dayKind(date)}:${span}`,
        });
      }
    }
    if (slots.length === before) skipped.push({ date, reason: 'outside_hours' });
  }
  return { slots, skipped };
}
