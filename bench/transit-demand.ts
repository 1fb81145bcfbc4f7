/**
 * Synthetic demand for one service day of the Maesawa on-demand bus (bench/transit.ts).
 * Pure and seeded: the same seed always gives the same requests.
 *
 * - Places people go (hospital, station, shops, branch office, clinic) are likely
 *   destinations before noon and likely origins after; district stops the other way.
 * - Desired times 8:00–16:30 (arrive-by not before 8:30), with a morning peak.
 * - 1–2 passengers, about 5% with a wheelchair.
 * - Each request is booked online at a moment from the previous evening (17:00–22:00)
 *   or the service day itself (6:00 on), at least 30 minutes (plus a margin) before its
 *   time; for arrive-by requests before the earliest pickup it could need.
 */
import { Rng } from '../src/engines/darp/rng.ts';

const H = 3600;
const MIN = 60;

/** Demo stops where people go (weights: how popular as a destination in the morning). */
export const POPULAR_STOPS: Record<string, number> = {
  'magokoro-hospital': 5,
  'maesawa-station': 3,
  'shopping-plaza': 3,
  'maesawa-branch': 2.5,
  'maesawa-clinic': 2,
};

/** Demo stops where people live or spend free time (weights: how likely as a home end). */
export const OTHER_STOPS: Record<string, number> = {
  shirayama: 2,
  kojo: 2,
  mero: 1.5,
  omo: 1.5,
  akoutsu: 1.5,
  'nishi-danchi': 2.5,
  'higashi-danchi': 2.5,
  'maesawa-center': 1,
  'ushi-museum': 0.5,
  sportsland: 0.7,
  onsen: 0.8,
};

export const SERVICE = { opens: 8 * H, lastTime: 16 * H + 30 * MIN, earliestArrive: 8 * H + 30 * MIN } as const;
/** Booking happens at least this long before the request's time (30 min rule + margin). */
export const BOOKING_LEAD = 35 * MIN;
/** An arrive-by request is booked this much earlier still (its pickup comes well before the arrival). */
export const ARRIVE_EXTRA_LEAD = 45 * MIN;
/** Online booking hours: the previous evening, and the service day from early morning. */
export const EVENING_BEFORE: [number, number] = [17 * H, 22 * H];
export const SAME_DAY_FROM = 6 * H;

export interface DemandRequest {
  /** Position in arrival (booking) order, 0-based. */
  n: number;
  originStopId: string;
  destinationStopId: string;
  kind: 'depart' | 'arrive';
  /** Seconds after midnight of the service date: pickup-from time (depart) or arrive-by time (arrive). */
  time: number;
  passengers: number;
  wheelchair: boolean;
  /** When the request is booked: day -1 = the evening before, 0 = the service day; seconds after midnight. */
  bookedAt: { day: -1 | 0; seconds: number };
}

function weighted(rng: Rng, weights: Record<string, number>, exclude?: string): string {
  const entries = Object.entries(weights).filter(([id]) => id !== exclude);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [id, w] of entries) {
    r -= w;
    if (r < 0) return id;
  }
  return entries[entries.length - 1]![0];
}

function normal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A desired time in [from, SERVICE.lastTime], 5-minute steps: morning peak around 9:15 plus a flat day. */
function desiredTime(rng: Rng, from: number): number {
  for (;;) {
    const t = rng.next() < 0.55 ? 9.25 * H + normal(rng) * 50 * MIN : SERVICE.opens + rng.next() * (SERVICE.lastTime - SERVICE.opens);
    const rounded = Math.round(t / (5 * MIN)) * 5 * MIN;
    if (rounded >= from && rounded <= SERVICE.lastTime) return rounded;
  }
}

/** The latest booking moment on the service day for a request (seconds after midnight). */
export function latestBooking(r: Pick<DemandRequest, 'kind' | 'time'>): number {
  return r.time - BOOKING_LEAD - (r.kind === 'arrive' ? ARRIVE_EXTRA_LEAD : 0);
}

function bookingMoment(rng: Rng, latest: number): DemandRequest['bookedAt'] {
  const evening = EVENING_BEFORE[1] - EVENING_BEFORE[0];
  const sameDay = Math.max(0, latest - SAME_DAY_FROM);
  const r = rng.next() * (evening + sameDay);
  return r < evening ? { day: -1, seconds: EVENING_BEFORE[0] + Math.floor(r) } : { day: 0, seconds: SAME_DAY_FROM + Math.floor(r - evening) };
}

const arrivalKey = (r: DemandRequest) => r.bookedAt.day * 86400 + r.bookedAt.seconds;

/** `count` ride requests for one service day, in arrival order. */
export function generateDemand(options: { count: number; seed: number }): DemandRequest[] {
  const rng = new Rng(options.seed);
  const requests: DemandRequest[] = [];
  for (let i = 0; i < options.count; i++) {
    const wheelchair = rng.next() < 0.05;
    const passengers = rng.next() < 0.22 ? 2 : 1;
    // Decide the rough part of the day first, then who goes where.
    const provisional = desiredTime(rng, SERVICE.opens);
    const morning = provisional < 12 * H;
    const popular = weighted(rng, POPULAR_STOPS);
    const other = rng.next() < 0.12 ? weighted(rng, POPULAR_STOPS, popular) : weighted(rng, OTHER_STOPS);
    const [originStopId, destinationStopId] = morning ? [other, popular] : [popular, other];
    // Appointments (hospital, clinic, branch office) are often arrive-by in the morning.
    const appointment = destinationStopId === 'magokoro-hospital' || destinationStopId === 'maesawa-clinic' || destinationStopId === 'maesawa-branch';
    const kind = rng.next() < (appointment ? 0.6 : 0.15) ? 'arrive' : 'depart';
    const time = kind === 'arrive' ? Math.max(provisional, SERVICE.earliestArrive) : provisional;
    const request: DemandRequest = { n: 0, originStopId, destinationStopId, kind, time, passengers, wheelchair, bookedAt: { day: -1, seconds: 0 } };
    request.bookedAt = bookingMoment(rng, latestBooking(request));
    requests.push(request);
  }
  requests.sort((a, b) => arrivalKey(a) - arrivalKey(b));
  requests.forEach((r, i) => (r.n = i));
  return requests;
}

/** Nearest-rank percentile of unsorted numbers (p in [0, 1]). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
