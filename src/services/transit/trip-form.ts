/**
 * The ride form shared by residents and operators: what was typed → a TripInput, or
 * field errors naming what to fix. Dates and times are chosen from lists built from
 * the service calendar, but anything can be posted, so everything is checked again.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FieldError } from '../../platform/http/errors.ts';
import { readForm } from '../../platform/http/form.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { addDays, japanClock } from '../../platform/time/today.ts';
import type { TripInput } from './booking-service.ts';
import { bookableDay } from './network.ts';
import type { TransitDb } from './tables.ts';
import { parseClock, TRIP_RULES } from './trip-windows.ts';

export const TripFormSchema = Type.Object({
  date: Type.String({ minLength: 1, maxLength: 30 }),
  origin: Type.String({ minLength: 1, maxLength: 64 }),
  destination: Type.String({ minLength: 1, maxLength: 64 }),
  kind: Type.Union([Type.Literal('depart'), Type.Literal('arrive')]),
  time: Type.String({ minLength: 1, maxLength: 10 }),
  passengers: Type.String({ pattern: '^[1-9]$' }),
  wheelchair: Type.Array(Type.Literal('yes'), { maxItems: 1 }),
});
export type TripFormValues = Static<typeof TripFormSchema>;

export const emptyTripForm = (date: string, wheelchair: boolean): TripFormValues => ({ date, origin: '', destination: '', kind: 'depart', time: '9:00', passengers: '1', wheelchair: wheelchair ? ['yes'] : [] });

export function tripFormOf(input: TripInput): TripFormValues {
  const m = Math.floor(input.time / 60);
  return { date: input.date, origin: input.originStopId, destination: input.destinationStopId, kind: input.kind, time: `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`, passengers: String(input.passengers), wheelchair: input.wheelchair ? ['yes'] : [] };
}

export function readTripForm(body: unknown, t: (key: string) => string): { values: TripFormValues; input: TripInput | null; errors: FieldError[] } {
  const labels = { date: t('transit.form.date'), origin: t('transit.form.origin'), destination: t('transit.form.destination'), kind: t('transit.form.kind'), time: t('transit.form.time'), passengers: t('transit.form.passengers'), wheelchair: t('transit.form.wheelchair') };
  const { values, errors } = readForm(TripFormSchema, body, labels);
  const date = parseJapaneseDate(values.date);
  if (!date.ok && !errors.some((e) => e.field === 'date')) errors.push({ field: 'date', messageKey: 'validation.date' });
  const time = parseClock(values.time);
  if (time === null && !errors.some((e) => e.field === 'time')) errors.push({ field: 'time', messageKey: 'transit.error.time' });
  const passengers = Number(values.passengers);
  if (!errors.some((e) => e.field === 'passengers') && passengers > TRIP_RULES.maxPassengers) {
    errors.push({ field: 'passengers', messageKey: 'transit.error.passengers', params: { max: TRIP_RULES.maxPassengers } });
  }
  if (errors.length || !date.ok || time === null) return { values, input: null, errors };
  return {
    values,
    errors,
    input: { date: date.iso, originStopId: values.origin, destinationStopId: values.destination, kind: values.kind, time, passengers, wheelchair: values.wheelchair.includes('yes') },
  };
}

/** Dates for the date list: today (while still bookable) and the next TRIP_RULES.horizonDays days with service. */
export async function serviceDates(db: TransitDb, now: Date): Promise<{ date: string; opens: number; closes: number }[]> {
  const today = japanClock(now).date;
  const out = [];
  for (let i = 0; i <= TRIP_RULES.horizonDays; i++) {
    const date = addDays(today, i);
    const day = await bookableDay(db, date, now);
    if (day.ok) out.push({ date, opens: day.opens, closes: day.closes });
  }
  return out;
}

/** The accepted offer as posted back: "pickup-dropoff" in seconds. */
export function parseOffer(value: unknown): { pickup: number; dropoff: number } | null {
  const m = typeof value === 'string' ? /^(\d{1,5})-(\d{1,5})$/.exec(value) : null;
  if (!m) return null;
  const pickup = Number(m[1]);
  const dropoff = Number(m[2]);
  return pickup < 86400 && dropoff < 86400 && dropoff > pickup ? { pickup, dropoff } : null;
}
