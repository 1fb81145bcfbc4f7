/**
 * When a room can be used: the facility's weekly hours and closed days (a date, a
 * yearly period such as 年末年始 12/29–1/3, the nth weekday or a fixed day of every
 * month), and the slots of a room on a day — its fixed blocks that fit in the
 * day's opening hours, or each whole hour from opening to closing. Pure functions.
 */
import { isoWeekday } from '../../platform/time/today.ts';
import type { Block, Closure, FacilityInfo, RoomInfo } from './catalogue.ts';
import { clockText, hourCode } from './booking-time.ts';

export interface Slot {
  code: string;
  nameJa: string;
  nameEn: string;
  startsAt: number;
  endsAt: number;
}

export type ClosedReason = { kind: 'weekly' } | { kind: 'rule'; reason: string };

function monthDay(date: string): string {
  return date.slice(5);
}

function closureApplies(c: Closure, date: string): boolean {
  switch (c.rule) {
    case 'date':
      return c.onDate === date;
    case 'annual': {
      const md = monthDay(date);
      const from = c.fromMd!;
      const to = c.toMd!;
      // 12-29 … 01-03 wraps the year end.
      return from <= to ? md >= from && md <= to : md >= from || md <= to;
    }
    case 'monthly_nth_weekday': {
      const day = Number(date.slice(8, 10));
      return isoWeekday(date) === c.weekday && Math.ceil(day / 7) === c.nth;
    }
    case 'monthly_day':
      return Number(date.slice(8, 10)) === c.dayOfMonth;
  }
}

/** Why the facility is closed on this date, or null when it is open. */
export function closedReason(facility: Pick<FacilityInfo, 'hours' | 'closures'>, date: string): ClosedReason | null {
  const rule = facility.closures.find((c) => closureApplies(c, date));
  if (rule) return { kind: 'rule', reason: rule.reason };
  if (!facility.hours.has(isoWeekday(date))) return { kind: 'weekly' };
  return null;
}

export function openingHours(facility: Pick<FacilityInfo, 'hours' | 'closures'>, date: string): { opensAt: number; closesAt: number } | null {
  if (closedReason(facility, date)) return null;
  return facility.hours.get(isoWeekday(date)) ?? null;
}

const blockSlot = (b: Block): Slot => ({ code: b.code, nameJa: b.nameJa, nameEn: b.nameEn, startsAt: b.startsAt, endsAt: b.endsAt });

/**
 * The slots of a room on a date when the facility is open (none on a closed day).
 * A fixed block outside the day's hours (the evening block on a Sunday that closes
 * at 17:00) is not offered.
 */
export function slotsOn(facility: Pick<FacilityInfo, 'hours' | 'closures'>, room: Pick<RoomInfo, 'slotMode' | 'blocks'>, date: string): Slot[] {
  const hours = openingHours(facility, date);
  if (!hours) return [];
  return slotsWithin(room, hours);
}

/** The slots of a room for given hours, ignoring closed days (for a week's column headers). */
export function slotsWithin(room: Pick<RoomInfo, 'slotMode' | 'blocks'>, hours: { opensAt: number; closesAt: number }): Slot[] {
  if (room.slotMode === 'blocks') return room.blocks.filter((b) => b.startsAt >= hours.opensAt && b.endsAt <= hours.closesAt).map(blockSlot);
  const slots: Slot[] = [];
  for (let start = Math.ceil(hours.opensAt / 60) * 60; start + 60 <= hours.closesAt; start += 60) {
    const label = `${clockText(start)}〜${clockText(start + 60)}`;
    slots.push({ code: hourCode(start), nameJa: label, nameEn: label, startsAt: start, endsAt: start + 60 });
  }
  return slots;
}

/** Every slot a room can ever have (the longest day's), for table columns. */
export function allSlots(facility: Pick<FacilityInfo, 'hours'>, room: Pick<RoomInfo, 'slotMode' | 'blocks'>): Slot[] {
  const days = [...facility.hours.values()];
  if (days.length === 0) return [];
  const widest = { opensAt: Math.min(...days.map((d) => d.opensAt)), closesAt: Math.max(...days.map((d) => d.closesAt)) };
  return slotsWithin(room, widest);
}

/**
 * The chosen slots in time order when they form one continuous use (adjacent blocks,
 * or blocks separated only by the gap between them such as the lunch hour), else null.
 */
export function contiguous(slots: Slot[], chosen: string[]): Slot[] | null {
  const indexes = [...new Set(chosen)].map((code) => slots.findIndex((s) => s.code === code));
  if (indexes.length === 0 || indexes.some((i) => i < 0)) return null;
  indexes.sort((a, b) => a - b);
  for (let i = 1; i < indexes.length; i++) if (indexes[i] !== indexes[i - 1]! + 1) return null;
  return indexes.map((i) => slots[i]!);
}
