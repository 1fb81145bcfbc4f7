/** SMS quiet hours: nobody should be woken by the city. A message due at night waits for the morning. */
import { addDays, japanClock, japanInstant } from '../time/today.ts';

/**
 * When the quiet period around `now` ends (Japan time), or null when `now` is not in it.
 * `from` > `until` wraps midnight (21 → 8); equal hours mean no quiet period.
 */
export function quietHoursEnd(now: Date, fromHour: number, untilHour: number): Date | null {
  if (fromHour === untilHour) return null;
  const { date, seconds } = japanClock(now);
  const hour = seconds / 3600;
  const quiet = fromHour < untilHour ? hour >= fromHour && hour < untilHour : hour >= fromHour || hour < untilHour;
  if (!quiet) return null;
  return japanInstant(hour < untilHour ? date : addDays(date, 1), untilHour * 3600);
}
