/**
 * First-come booking of a lottery-enabled room, month by month. The current month is
 * always first-come. A later month belongs to the lottery only while a round of the
 * facility for it is being prepared (draft) or taking entries and waiting for its
 * draw (published): a first-come booking then would take a day staff mean to put in
 * the round. Once the round is drawn — its results settled, its unallocated slots
 * given back — or when the month has no round at all (or only a cancelled one), the
 * month is first-come like any other: a lottery room with no round is bookable.
 */
import { japanClock } from '../../platform/time/today.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { asLotteryDb } from './lottery-tables.ts';
import type { FacilitiesDb } from './tables.ts';

export interface LotteryMonth {
  /** YYYY-MM */
  month: string;
  /** The application window of the month's published round, when one is announced. */
  window: { opensAt: Date; closesAt: Date } | null;
}

/** The months of `dates` in which the facility's lottery-enabled rooms are not open to first-come booking (a round is pending). */
export async function lotteryOnlyMonths(db: FacilitiesDb, facilityId: string, dates: string[], now: Date): Promise<Map<string, LotteryMonth>> {
  const current = japanClock(now).date.slice(0, 7);
  const months = [...new Set(dates.map((d) => d.slice(0, 7)))].filter((m) => m > current);
  const result = new Map<string, LotteryMonth>();
  if (months.length === 0) return result;
  const pending = await asLotteryDb(db as never)
    .selectFrom('facility_lottery_rounds')
    .select(['month', 'status', 'opens_at', 'closes_at'])
    .where('facility_id', '=', facilityId)
    .where('month', 'in', months)
    .where('status', 'in', ['draft', 'published'])
    .orderBy('opens_at')
    .execute();
  for (const month of months) {
    const ofMonth = pending.filter((r) => r.month === month);
    if (ofMonth.length === 0) continue;
    // A draft's window is not public yet: the refusal then says it will be announced.
    const next = ofMonth.find((r) => r.status === 'published');
    result.set(month, { month, window: next ? { opensAt: next.opens_at, closesAt: next.closes_at } : null });
  }
  return result;
}

/** A Japan date and time for an error message (the same text in either language). */
function instant(at: Date): string {
  const shifted = new Date(at.getTime() + 9 * 3600_000).toISOString();
  return `${shifted.slice(0, 10).replaceAll('-', '/')} ${shifted.slice(11, 16)}`;
}

/** The refusal of a first-come booking on a day that goes to the lottery, naming the date field and when to apply. */
export function lotteryMonthError(m: LotteryMonth): FieldError {
  const params = { year: Number(m.month.slice(0, 4)), month: Number(m.month.slice(5, 7)) };
  return m.window
    ? { field: 'date', messageKey: 'facilities.error.lotteryMonth', params: { ...params, opens: instant(m.window.opensAt), closes: instant(m.window.closesAt) } }
    : { field: 'date', messageKey: 'facilities.error.lotteryMonthUnannounced', params };
}
