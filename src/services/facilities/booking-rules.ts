/**
 * What makes a booking request acceptable before anything is written, pure: the day
 * is not past, within the booking horizon, the facility is open; the chosen slots
 * exist that day, have not started and form one continuous use; the headcount fits
 * the room; the purpose is allowed there. Each refusal names its field and the fix.
 */
import { japanClock } from '../../platform/time/today.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { addMonths, clockText } from './booking-time.ts';
import type { FacilityInfo, RoomInfo } from './catalogue.ts';
import { closedReason, contiguous, openingHours, slotsOn, type Slot } from './calendar.ts';

export interface BookingInput {
  roomId: string;
  date: string;
  blockCodes: string[];
  purpose: string;
  purposeDetail: string;
  headcount: number;
  /** Booking for this registered group instead of for oneself. */
  groupId: string | null;
  commercial: boolean;
  paymentChoice: 'online' | 'counter';
}

/** The last date bookable online today. */
export function horizonOf(facility: Pick<FacilityInfo, 'bookingHorizonMonths'>, today: string): string {
  return addMonths(today, facility.bookingHorizonMonths);
}

/** Checks the request against the room's calendar and rules; returns the chosen slots in time order when acceptable. */
export function checkBookingRules(facility: FacilityInfo, room: RoomInfo, input: BookingInput, now: Date, purposeName: (code: string) => string): { slots: Slot[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const { date: today, seconds } = japanClock(now);
  const nowMinutes = Math.floor(seconds / 60);
  let slots: Slot[] = [];
  if (input.date < today) errors.push({ field: 'date', messageKey: 'facilities.error.pastDate' });
  else if (input.date > horizonOf(facility, today)) errors.push({ field: 'date', messageKey: 'facilities.error.horizon', params: { months: facility.bookingHorizonMonths, last: horizonOf(facility, today) } });
  else {
    const closed = closedReason(facility, input.date);
    if (closed) errors.push({ field: 'date', messageKey: closed.kind === 'weekly' ? 'facilities.error.closedWeekly' : 'facilities.error.closedDay', params: closed.kind === 'rule' ? { reason: closed.reason } : {} });
    else {
      const daySlots = slotsOn(facility, room, input.date);
      const hours = openingHours(facility, input.date)!;
      const chosen = [...new Set(input.blockCodes)];
      if (chosen.length === 0) errors.push({ field: 'blocks', messageKey: 'facilities.error.blocksRequired' });
      else if (chosen.some((code) => !daySlots.some((s) => s.code === code))) {
        errors.push({ field: 'blocks', messageKey: 'facilities.error.outsideHours', params: { opens: clockText(hours.opensAt), closes: clockText(hours.closesAt) } });
      } else {
        const ordered = contiguous(daySlots, chosen);
        if (!ordered) errors.push({ field: 'blocks', messageKey: 'facilities.error.notContiguous' });
        else if (input.date === today && ordered[0]!.startsAt <= nowMinutes) errors.push({ field: 'blocks', messageKey: 'facilities.error.slotStarted' });
        else slots = ordered;
      }
    }
  }
  if (!Number.isInteger(input.headcount) || input.headcount < 1) errors.push({ field: 'headcount', messageKey: 'facilities.error.headcountMissing' });
  else if (input.headcount > room.capacity) errors.push({ field: 'headcount', messageKey: 'facilities.error.capacity', params: { capacity: room.capacity, room: room.name } });
  if (!input.purpose) errors.push({ field: 'purpose', messageKey: 'facilities.error.purposeMissing' });
  else if (!room.purposes.includes(input.purpose)) errors.push({ field: 'purpose', messageKey: 'facilities.error.purpose', params: { room: room.name, allowed: room.purposes.map(purposeName).join('、') } });
  if (input.purposeDetail.length > 200) errors.push({ field: 'purposeDetail', messageKey: 'facilities.error.detailTooLong', params: { limit: 200 } });
  if (input.paymentChoice === 'counter' && !facility.counterPayment) errors.push({ field: 'paymentChoice', messageKey: 'facilities.error.counter' });
  return { slots: errors.length ? [] : slots, errors };
}
