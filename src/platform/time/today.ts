// Japan Standard Time is UTC+9 all year (no daylight saving), so plain arithmetic is exact
// and much cheaper than Intl on hot paths such as every bus booking.
const JST_OFFSET_MS = 9 * 3600 * 1000;

/** Today's date in Japan (the city's calendar), as YYYY-MM-DD, whatever the server's time zone. */
export function todayInJapan(now: Date = new Date()): string {
  return new Date(now.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Japanese calendar date and the seconds since midnight there, for services that plan by time of day. */
export function japanClock(now: Date = new Date()): { date: string; seconds: number; weekday: number } {
  const shifted = now.getTime() + JST_OFFSET_MS;
  const date = new Date(shifted).toISOString().slice(0, 10);
  const seconds = Math.floor((((shifted % 86_400_000) + 86_400_000) % 86_400_000) / 1000);
  return { date, seconds, weekday: isoWeekday(date) };
}

/** ISO weekday (1 = Monday ... 7 = Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** YYYY-MM-DD plus n days. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The instant of a time of day (seconds after midnight) on a Japanese calendar date. */
export function japanInstant(date: string, seconds: number): Date {
  return new Date(Date.parse(`${date}T00:00:00+09:00`) + seconds * 1000);
}
