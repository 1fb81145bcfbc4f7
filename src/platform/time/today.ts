/** Today's date in Japan (the city's calendar), as YYYY-MM-DD, whatever the server's time zone. */
export function todayInJapan(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The Japanese calendar date and the seconds since midnight there, for services that plan by time of day. */
export function japanClock(now: Date = new Date()): { date: string; seconds: number; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  return { date, seconds: Number(get('hour')) * 3600 + Number(get('minute')) * 60 + Number(get('second')), weekday: isoWeekday(date) };
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
