/**
 * Japan's national holidays (国民の祝日に関する法律) for a calendar date, as the law stands
 * since 2020: the fixed days, the "Happy Monday" days, 春分の日 and 秋分の日, 振替休日 (a
 * holiday on a Sunday moves to the next day that is not a holiday) and 国民の休日 (a day
 * between two holidays). Pure, no table to maintain year by year.
 *
 * 春分・秋分 are fixed each February by the Cabinet Office from the National Astronomical
 * Observatory's ephemeris; the usual approximation formula below gives the same days for
 * 1980–2099 and is the accepted way to know them in advance. Outside those years, and for the
 * one-off days of past years (2019's enthronement, the 2020–21 Olympic moves), this is not
 * the official calendar: the city counts due dates forward from today, so those never matter.
 */
import { addDays, isoWeekday } from './today.ts';

export interface JapaneseHoliday {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  /** The holiday's name in Japanese, e.g. 「敬老の日」「振替休日」「国民の休日」. */
  name: string;
}

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The day of the month of the n-th Monday (n from 1) of a month. */
function nthMonday(year: number, month: number, n: number): number {
  const firstWeekday = isoWeekday(iso(year, month, 1)); // 1 = Monday … 7 = Sunday
  return 1 + ((8 - firstWeekday) % 7) + 7 * (n - 1);
}

/** The equinox day of March (base 20.8431) or September (base 23.2488); valid 1980–2099. */
function equinoxDay(year: number, base: number): number {
  const y = year - 1980;
  return Math.floor(base + 0.242194 * y - Math.floor(y / 4));
}

/** The holidays named in the law itself (article 2), before 振替休日 and 国民の休日. */
function statutoryHolidays(year: number): Map<string, string> {
  const days: [number, number, string][] = [
    [1, 1, '元日'],
    [1, nthMonday(year, 1, 2), '成人の日'],
    [2, 11, '建国記念の日'],
    [2, 23, '天皇誕生日'],
    [3, equinoxDay(year, 20.8431), '春分の日'],
    [4, 29, '昭和の日'],
    [5, 3, '憲法記念日'],
    [5, 4, 'みどりの日'],
    [5, 5, 'こどもの日'],
    [7, nthMonday(year, 7, 3), '海の日'],
    [8, 11, '山の日'],
    [9, nthMonday(year, 9, 3), '敬老の日'],
    [9, equinoxDay(year, 23.2488), '秋分の日'],
    [10, nthMonday(year, 10, 2), 'スポーツの日'],
    [11, 3, '文化の日'],
    [11, 23, '勤労感謝の日'],
  ];
  return new Map(days.map(([month, day, name]) => [iso(year, month, day), name]));
}

const cache = new Map<number, JapaneseHoliday[]>();

/** Every national holiday of a year, in date order. */
export function japaneseHolidays(year: number): JapaneseHoliday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const statutory = statutoryHolidays(year);
  const all = new Map(statutory);
  // 国民の休日 (article 3.3): a day whose day before and day after are both statutory holidays.
  // Only September can produce one under the current law (敬老の日 and 秋分の日); 5/4 is itself named.
  for (const date of statutory.keys()) {
    const between = addDays(date, 1);
    if (!statutory.has(between) && statutory.has(addDays(date, 2))) all.set(between, '国民の休日');
  }
  // 振替休日 (article 3.2): a statutory holiday on a Sunday makes the nearest following day
  // that is not itself a holiday a holiday (5/3 on a Sunday moves to 5/6).
  for (const date of statutory.keys()) {
    if (isoWeekday(date) !== 7) continue;
    let next = addDays(date, 1);
    while (all.has(next)) next = addDays(next, 1);
    all.set(next, '振替休日');
  }
  const list = [...all].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
  cache.set(year, list);
  return list;
}

/** The holiday's name if `date` (YYYY-MM-DD) is a national holiday, else null. */
export function japaneseHolidayName(date: string): string | null {
  return japaneseHolidays(Number(date.slice(0, 4))).find((h) => h.date === date)?.name ?? null;
}

export const isJapaneseHoliday = (date: string): boolean => japaneseHolidayName(date) !== null;
