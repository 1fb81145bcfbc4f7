// Date bounds in definitions: an ISO date, or a date relative to today
// ('today', 'today-30d', 'today+10d', 'today-3m', 'today-18y'), resolved on
// the day the answer is checked. Arithmetic is on calendar dates (UTC), never on
// the server's local time.

import { isIsoDate } from '../../platform/text/wareki.ts';

export const RELATIVE_DATE = /^today(?:([+-])(\d{1,5})([dmy]))?$/;

/** True for a bound parseDefinition accepts. */
export function isDateBound(bound: string): boolean {
  return RELATIVE_DATE.test(bound) || isIsoDate(bound);
}

/** The ISO date a bound stands for on `today`. A month or year step from the 31st or 2-29 lands on the month's last day. */
export function resolveDateBound(bound: string, today: string): string {
  // Every answer set of a day resolves the same few bounds: keep the last result per bound.
  const cached = lastResolved.get(bound);
  if (cached?.today === today) return cached.iso;
  const iso = resolve(bound, today);
  if (lastResolved.size > 1000) lastResolved.clear();
  lastResolved.set(bound, { today, iso });
  return iso;
}

const lastResolved = new Map<string, { today: string; iso: string }>();

function resolve(bound: string, today: string): string {
  const m = RELATIVE_DATE.exec(bound);
  if (!m) return bound;
  if (!m[1]) return today;
  const sign = m[1] === '-' ? -1 : 1;
  const n = sign * Number(m[2]);
  const [y, mo, d] = today.split('-').map(Number) as [number, number, number];
  if (m[3] === 'd') return new Date(Date.UTC(y, mo - 1, d + n)).toISOString().slice(0, 10);
  const months = m[3] === 'm' ? n : n * 12;
  const target = new Date(Date.UTC(y, mo - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whether a bound moves with today (so two bounds can only be compared when both are fixed). */
export function isRelative(bound: string): boolean {
  return bound.startsWith('today');
}
