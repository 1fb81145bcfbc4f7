/**
 * The money rules, pure: the fee of the chosen blocks at the applicable rate
 * (resident, non-resident, commercial) plus the winter heating surcharge; a fee
 * reduction (減免) as a share waived, the amount due rounded down to 10 yen in the
 * payer's favour; the payment deadline; what a cancellation keeps and refunds.
 */
import { addDays } from '../../platform/time/today.ts';
import { daysBetween, instantOf } from './booking-time.ts';
import type { Fee, FacilityInfo, RoomInfo } from './catalogue.ts';
import type { Slot } from './calendar.ts';
import { HOURLY_FEE_KEY, type Rate } from './tables.ts';

export interface FeeLine {
  code: string;
  nameJa: string;
  nameEn: string;
  yen: number;
  heatingYen: number;
}

export interface FeeQuote {
  rate: Rate;
  lines: FeeLine[];
  baseYen: number;
  heatingYen: number;
  reductionYen: number;
  reductionPercent: number;
  feeYen: number;
}

const rateYen = (fee: Fee, rate: Rate) => (rate === 'resident' ? fee.residentYen : rate === 'non_resident' ? fee.nonResidentYen : fee.commercialYen);

export function isHeatingMonth(facility: Pick<FacilityInfo, 'heatingMonths'>, date: string): boolean {
  return facility.heatingMonths.includes(Number(date.slice(5, 7)));
}

/** null when a chosen slot has no fee set (the room cannot be booked online then). */
export function quoteFee(facility: Pick<FacilityInfo, 'heatingMonths'>, room: Pick<RoomInfo, 'slotMode' | 'fees'>, slots: Slot[], rate: Rate, date: string, reductionPercent = 0): FeeQuote | null {
  const heating = isHeatingMonth(facility, date);
  const lines: FeeLine[] = [];
  for (const slot of slots) {
    const fee = room.fees.get(room.slotMode === 'hourly' ? HOURLY_FEE_KEY : slot.code);
    if (!fee) return null;
    lines.push({ code: slot.code, nameJa: slot.nameJa, nameEn: slot.nameEn, yen: rateYen(fee, rate), heatingYen: heating ? fee.heatingYen : 0 });
  }
  const baseYen = lines.reduce((sum, l) => sum + l.yen, 0);
  const heatingYen = lines.reduce((sum, l) => sum + l.heatingYen, 0);
  const reductionYen = reductionOf(baseYen + heatingYen, reductionPercent);
  return { rate, lines, baseYen, heatingYen, reductionYen, reductionPercent, feeYen: baseYen + heatingYen - reductionYen };
}

/** The amount waived: what remains due is rounded down to 10 yen (a 100% reduction waives everything). */
export function reductionOf(totalYen: number, percent: number): number {
  if (percent <= 0) return 0;
  if (percent >= 100) return totalYen;
  const due = Math.floor((totalYen * (100 - percent)) / 100 / 10) * 10;
  return totalYen - due;
}

/**
 * When the fee must be paid: the end of the earlier of (N days before the day of
 * use, M days after booking). A booking made inside that window (use tomorrow, N = 3)
 * has an hour, and never later than the start of use.
 */
export function paymentDeadline(facility: Pick<FacilityInfo, 'payDaysBeforeUse' | 'payDaysAfterBooking'>, bookedAt: Date, bookedDate: string, useDate: string, startsAt: number): Date {
  const byUse = addDays(useDate, -facility.payDaysBeforeUse);
  const byBooking = addDays(bookedDate, facility.payDaysAfterBooking);
  const dueDate = byUse < byBooking ? byUse : byBooking;
  const start = instantOf(useDate, startsAt);
  if (dueDate >= bookedDate) {
    // 23:59:59 of the due date (shown as 23:59), not the next day's 0:00.
    const endOfDay = new Date(instantOf(dueDate, 1440).getTime() - 1000);
    return endOfDay < start ? endOfDay : start;
  }
  const soon = new Date(bookedAt.getTime() + 60 * 60_000);
  return soon < start ? soon : start;
}

export interface CancellationTerms {
  /** Cancelling on or before this date is free. */
  freeUntil: string;
  free: boolean;
  /** What the city keeps of what was paid, and what goes back. */
  cancelFeeYen: number;
  refundYen: number;
}

/**
 * Free until N days before the day of use; later, the facility's share of the fee is
 * kept (rounded down to 10 yen) and the rest refunded. Nothing paid, nothing kept:
 * an unpaid booking simply ends.
 */
export function cancellationTerms(facility: Pick<FacilityInfo, 'cancelFreeDaysBefore' | 'cancelFeePercent'>, useDate: string, today: string, paidYen: number): CancellationTerms {
  const freeUntil = addDays(useDate, -facility.cancelFreeDaysBefore);
  const free = daysBetween(today, useDate) >= facility.cancelFreeDaysBefore;
  const cancelFeeYen = free || paidYen === 0 ? 0 : Math.min(paidYen, Math.floor((paidYen * facility.cancelFeePercent) / 100 / 10) * 10);
  return { freeUntil, free, cancelFeeYen, refundYen: paidYen - cancelFeeYen };
}
