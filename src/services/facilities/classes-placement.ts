/**
 * Where and when a class is held: the room must exist, the facility be open that
 * day for the whole class, the seats fit the room; the room's time is taken by a
 * facility_bookings row of kind 'class', so the exclusion constraint refuses a class
 * over a booking (or a booking over a class) whatever order they arrive in.
 */
import crypto from 'node:crypto';
import type { FieldError } from '../../platform/http/errors.ts';
import { japanClock } from '../../platform/time/today.ts';
import { occupationsBetween, overlapping } from './booked-times.ts';
import { clockText, duringRange } from './booking-time.ts';
import { loadRoom, type FacilityInfo, type RoomInfo } from './catalogue.ts';
import { closedReason, openingHours } from './calendar.ts';
import type { ClassInput } from './classes-form.ts';
import type { StaffDb } from './staff-tables.ts';
import type { FacilitiesDb } from './tables.ts';

const ALPHABET = 'ACDEFGHJKLMNPQRTUVWXY3479';

/** K260401-ABCDE (a class; also its room row's reference) or S260401-ABCDE (a seat). */
export function classReference(prefix: 'K' | 'S', date: string): string {
  return `${prefix}${date.slice(2).replaceAll('-', '')}-${Array.from(crypto.randomBytes(5), (b) => ALPHABET[b % ALPHABET.length]).join('')}`;
}

export interface Placement {
  facility: FacilityInfo;
  room: RoomInfo;
}

/** Checks the room, the day's hours and the seats; field errors name what to change. */
export async function checkPlacement(db: StaffDb, input: ClassInput, now: Date, options: { allowPast: boolean }): Promise<{ placement: Placement | null; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const loaded = await loadRoom(db as unknown as FacilitiesDb, input.roomId);
  if (!loaded) return { placement: null, errors: [{ field: 'roomId', messageKey: 'facilities.classes.error.roomRequired' }] };
  const { facility, room } = loaded;
  const { date: today } = japanClock(now);
  if (!options.allowPast && input.date < today) errors.push({ field: 'date', messageKey: 'facilities.classes.error.pastDate' });
  const closed = closedReason(facility, input.date);
  const hours = openingHours(facility, input.date);
  if (closed || !hours) {
    errors.push({ field: 'date', messageKey: closed?.kind === 'rule' ? 'facilities.classes.error.closedDay' : 'facilities.classes.error.closedWeekly', params: { facility: facility.name, reason: closed?.kind === 'rule' ? closed.reason : '' } });
  } else if (input.startsAt < hours.opensAt || input.endsAt > hours.closesAt) {
    errors.push({ field: 'startsAt', messageKey: 'facilities.classes.error.outsideHours', params: { facility: facility.name, opens: clockText(hours.opensAt), closes: clockText(hours.closesAt) } });
  }
  if (input.seats > room.capacity) errors.push({ field: 'seats', messageKey: 'facilities.classes.error.capacity', params: { room: `${facility.name} ${room.name}`, capacity: room.capacity } });
  return { placement: errors.length ? null : { facility, room }, errors };
}

/** Why the room is not free then (naming what holds it), or null; `ignore` is the class's own row when it moves. */
export async function roomTakenError(db: StaffDb, input: Pick<ClassInput, 'roomId' | 'date' | 'startsAt' | 'endsAt'>, ignore: string | null): Promise<FieldError | null> {
  const occupations = (await occupationsBetween(db as unknown as FacilitiesDb, [input.roomId], input.date, input.date)).filter((o) => o.id !== ignore);
  const taken = overlapping(occupations, input.roomId, input.date, input.startsAt, input.endsAt);
  if (!taken) return null;
  const row = await db.selectFrom('facility_bookings').select(['reference', 'title']).where('id', '=', taken.id).executeTakeFirst();
  return {
    field: 'startsAt',
    messageKey: `facilities.classes.error.taken.${taken.kind}`,
    params: { reference: row?.reference ?? '', title: row?.title ?? '', from: clockText(taken.startsAt), to: clockText(taken.endsAt) },
  };
}

/** The room row's time columns for a class. */
export function roomTime(input: Pick<ClassInput, 'roomId' | 'date' | 'startsAt' | 'endsAt'>) {
  return { room_id: input.roomId, use_date: input.date, starts_at: input.startsAt, ends_at: input.endsAt, during: duringRange(input.date, input.startsAt, input.endsAt) };
}
