/**
 * Times of a booking: minutes after midnight on a Japanese calendar date, and the
 * same interval as the `tstzrange` the exclusion constraint compares. Japan has no
 * daylight saving, so a date and minutes convert to an instant without ambiguity.
 */
import { sql, type RawBuilder } from 'kysely';
import { addDays, isoWeekday } from '../../platform/time/today.ts';

/** The instant of `minutes` after midnight of a Japanese date (1440 = the next midnight). */
export function instantOf(date: string, minutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00+09:00`) + minutes * 60_000);
}

/** The `during` value of a booking: [start, end) as a tstzrange. */
export function duringRange(date: string, startsAt: number, endsAt: number): RawBuilder<unknown> {
  return sql`tstzrange(${instantOf(date, startsAt).toISOString()}::timestamptz, ${instantOf(date, endsAt).toISOString()}::timestamptz, '[)')`;
}

/** 540 → "9:00". */
export function clockText(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** 540 → "h0900": the block code of one hour in an hourly room. */
export function hourCode(minutes: number): string {
  return `h${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
}

export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The same day n months later, clamped to the month's last day (3 months after 11/30 is 2/28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Monday of the ISO week holding `date`. */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Every date from `from` up to but not including `to`. */
export function datesFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d < to; d = addDays(d, 1)) out.push(d);
  return out;
}
