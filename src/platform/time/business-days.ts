/**
 * 標準処理期間 (standard processing time) is counted in the city's business days:
 * weekends, national holidays (振替休日 and 国民の休日 included) and the year-end
 * closure (12/29–1/3) do not count — what the resident's page promises with
 * 「土日祝日・年末年始を除く」.
 */
import { isJapaneseHoliday } from './japanese-holidays.ts';
import { addDays, isoWeekday } from './today.ts';

export function isBusinessDay(date: string): boolean {
  if (isoWeekday(date) >= 6 || isJapaneseHoliday(date)) return false;
  const monthDay = date.slice(5);
  return !(monthDay >= '12-29' || monthDay <= '01-03');
}

/**
 * The date `days` business days after `from` (the day of submission does not count,
 * as the administrative procedure rule counts from the day after receipt).
 * 0 days: the next business day on or after `from`.
 */
export function addBusinessDays(from: string, days: number): string {
  let date = from;
  if (days <= 0) {
    while (!isBusinessDay(date)) date = addDays(date, 1);
    return date;
  }
  let left = days;
  while (left > 0) {
    date = addDays(date, 1);
    if (isBusinessDay(date)) left--;
  }
  return date;
}

/** Business days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function businessDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (isBusinessDay(date)) count++;
  return count;
}

/** The date `days` business days before `from` (the inverse of addBusinessDays: adding them back from it gives `from` again, on a business day). */
export function subtractBusinessDays(from: string, days: number): string {
  let date = from;
  let left = days;
  while (left > 0) {
    date = addDays(date, -1);
    if (isBusinessDay(date)) left--;
  }
  return date;
}
