/**
 * When a campaign goes out. Staff type a date and time (Western or 和暦, Japan
 * time) or leave it empty for "now"; a time inside the SMS quiet hours moves to the
 * morning they end (the Notify pipeline holds night-time SMS anyway; moving it here
 * lets the page say exactly when the messages will leave).
 */
import { quietHoursEnd } from '../../platform/notify/quiet-hours.ts';
import { japanClock, japanInstant } from '../../platform/time/today.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';

/** How far ahead a campaign may be scheduled. */
export const MAX_SCHEDULE_DAYS = 60;

export type SendAtInput = { ok: true; at: Date | null } | { ok: false; messageKey: string };

/** '2026-04-01 10:00', '2026/4/1 9:30', '令和8年4月1日 10時00分', 'R8.4.1T10:00' → that instant in Japan; '' → now. */
export function parseSendAt(input: string): SendAtInput {
  const s = input.normalize('NFKC').trim();
  if (!s) return { ok: true, at: null };
  const m = /^(.+?)(?:\s+|T)(\d{1,2})(?::|時)(\d{2})分?$/u.exec(s);
  if (!m) return { ok: false, messageKey: 'tax.send.sendAt.format' };
  const date = parseJapaneseDate(m[1]!);
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (!date.ok || hour > 23 || minute > 59) return { ok: false, messageKey: 'tax.send.sendAt.format' };
  return { ok: true, at: japanInstant(date.iso, hour * 3600 + minute * 60) };
}

export type SendTime = { ok: true; at: Date; shifted: boolean } | { ok: false; messageKey: string; params?: Record<string, string | number> };

export function chooseSendTime(requested: Date | null, now: Date, quiet: { fromHour: number; untilHour: number }): SendTime {
  const wanted = requested ?? now;
  // A minute's grace for the time it took to press the button.
  if (wanted.getTime() < now.getTime() - 60_000) return { ok: false, messageKey: 'tax.send.sendAt.past' };
  if (wanted.getTime() > now.getTime() + MAX_SCHEDULE_DAYS * 86_400_000) return { ok: false, messageKey: 'tax.send.sendAt.tooFar', params: { days: MAX_SCHEDULE_DAYS } };
  const base = wanted.getTime() < now.getTime() ? now : wanted;
  const end = quietHoursEnd(base, quiet.fromHour, quiet.untilHour);
  return end ? { ok: true, at: end, shifted: true } : { ok: true, at: base, shifted: false };
}

/** 2026-04-01 10:05 (Japan time). */
export function formatJst(date: Date): string {
  const { date: day, seconds } = japanClock(date);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${day} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
