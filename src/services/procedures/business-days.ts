/**
 * 標準処理期間 (standard processing time) is counted in the city's business days:
 * weekends and the year-end closure (12/29–1/3) do not count. National holidays
 * are not modelled yet, so a due date that falls after one is a day early — the
 * safe side for the resident.
 */
import { addDays, isoWeekday } from '../../platform/time/today.ts';

export function isBusinessDay(date: string): boolean {
  if (isoWeekday(date) >= 6) return false;
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
