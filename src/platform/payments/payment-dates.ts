/** Japanese calendar days as time ranges, and how payment times are shown (Japan time whatever the server's zone). */
import { addDays, japanInstant, todayInJapan } from '../time/today.ts';

/** [00:00, 24:00) of a Japanese calendar day (YYYY-MM-DD). */
export function japanDayRange(date: string): { from: Date; to: Date } {
  return { from: japanInstant(date, 0), to: japanInstant(addDays(date, 1), 0) };
}

/** The Japanese calendar day of an instant. */
export const japanDateOf = (at: Date): string => todayInJapan(at);

/** 2026-04-01 10:05 (Japan time). */
export function japanDateTime(at: Date | null, seconds = false): string {
  if (!at) return '—';
  return new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, seconds ? 19 : 16).replace('T', ' ');
}

/** 12,300 → '12,300'. */
export const groupedYen = (amount: number): string => amount.toLocaleString('ja-JP');
