/**
 * The on-demand bus's promises, as numbers. A resident asks to leave at (or arrive
 * by) a time; we search a few windows around it, offer concrete pickup times, and the
 * confirmed promise is a 10-minute pickup window plus a latest arrival. All times are
 * seconds after midnight (Japan time) of the service date.
 */
import type { RideRequest } from '../../engines/darp/index.ts';
import type { RequestKind } from './tables.ts';

const MIN = 60;

export const TRIP_RULES = {
  /** Book at least this long before the pickup. */
  leadSeconds: 30 * MIN,
  /** Book at most this many days ahead. */
  horizonDays: 14,
  /** The bus arrives within this many seconds after the promised pickup time. */
  pickupFlex: 10 * MIN,
  /** Arrival may be up to this much later than the offered arrival time (depart requests). */
  dropoffFlex: 15 * MIN,
  /** Search slices around the requested time, seconds relative to it. */
  departSlices: [[0, 15 * MIN], [15 * MIN, 30 * MIN], [-15 * MIN, 0], [30 * MIN, 45 * MIN]] as [number, number][],
  arriveSlices: [[-15 * MIN, 0], [-30 * MIN, -15 * MIN], [-45 * MIN, -30 * MIN]] as [number, number][],
  /** Boarding time per stop; longer with a wheelchair. */
  serviceSeconds: 60,
  wheelchairServiceSeconds: 180,
  maxPassengers: 4,
  /** Offers shown to the resident. */
  maxOffers: 3,
  /** Two offers at least this far apart. */
  offerSpacing: 5 * MIN,
} as const;

/** Longest ride we accept: twice the direct time, and never less than direct + 15 minutes. */
export function maxRideSeconds(direct: number): number {
  return Math.max(direct + 15 * MIN, Math.round(2 * direct));
}

export function serviceSecondsFor(wheelchair: boolean): number {
  return wheelchair ? TRIP_RULES.wheelchairServiceSeconds : TRIP_RULES.serviceSeconds;
}

export interface TripAsk {
  kind: RequestKind;
  time: number;
  origin: number;
  destination: number;
  passengers: number;
  wheelchair: boolean;
}

export interface DayBounds {
  opens: number;
  closes: number;
  /** Earliest pickup we may still promise (opening, or now + lead time today). */
  earliestPickup: number;
}

/** The engine request for one search slice, or null when the slice lies outside service hours. */
export function sliceRequest(id: string, ask: TripAsk, direct: number, slice: [number, number], day: DayBounds): RideRequest | null {
  const service = serviceSecondsFor(ask.wheelchair);
  const maxRide = maxRideSeconds(direct);
  let pickup: [number, number];
  let dropoff: [number, number];
  if (ask.kind === 'depart') {
    pickup = [Math.max(ask.time + slice[0], day.earliestPickup), Math.min(ask.time + slice[1], day.closes - service - direct)];
    dropoff = [pickup[0], day.closes];
  } else {
    dropoff = [ask.time + slice[0], Math.min(ask.time + slice[1], day.closes)];
    pickup = [Math.max(dropoff[0] - service - maxRide, day.earliestPickup), dropoff[1] - service - direct];
  }
  if (pickup[0] > pickup[1] || dropoff[0] > dropoff[1]) return null;
  return {
    id,
    pickup: { location: ask.origin, early: pickup[0], late: pickup[1], service },
    dropoff: { location: ask.destination, early: dropoff[0], late: dropoff[1], service },
    load: ask.passengers,
    ...(ask.wheelchair ? { load2: 1 } : {}),
    maxRide,
  };
}

export interface TripPromise {
  pickupEarly: number;
  pickupLate: number;
  dropoffEarly: number;
  dropoffLate: number;
  maxRide: number;
  service: number;
}

/** What we promise once a rider accepts an offer to be picked up at `pickup` (whole minute). */
export function promiseFor(ask: TripAsk, direct: number, pickup: number, offeredDropoff: number, day: DayBounds): TripPromise {
  const service = serviceSecondsFor(ask.wheelchair);
  const maxRide = maxRideSeconds(direct);
  const pickupLate = pickup + TRIP_RULES.pickupFlex;
  const rideBound = pickupLate + service + maxRide;
  const dropoffLate = ask.kind === 'arrive' ? ask.time : Math.min(day.closes, rideBound, offeredDropoff + TRIP_RULES.dropoffFlex);
  return { pickupEarly: pickup, pickupLate, dropoffEarly: pickup, dropoffLate, maxRide, service };
}

export function promiseRequest(id: string, ask: TripAsk, promise: TripPromise): RideRequest {
  return {
    id,
    pickup: { location: ask.origin, early: promise.pickupEarly, late: promise.pickupLate, service: promise.service },
    dropoff: { location: ask.destination, early: promise.dropoffEarly, late: promise.dropoffLate, service: promise.service },
    load: ask.passengers,
    ...(ask.wheelchair ? { load2: 1 } : {}),
    maxRide: promise.maxRide,
  };
}

/** 9:05 → "9:05"; seconds after midnight to H:MM. */
export function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

/** "9:05" / "09:05" / "９時５分" (NFKC-normalised) → seconds, or null. */
export function parseClock(text: string): number | null {
  const t = text.normalize('NFKC').trim().replace(/\s+/g, '');
  const m = /^(\d{1,2})(?::|時)(\d{1,2})?分?$/.exec(t) ?? /^(\d{1,2})(\d{2})$/.exec(t);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (h > 23 || min > 59) return null;
  return h * 3600 + min * 60;
}
