/**
 * Statistics of the on-demand bus over a range of service days: rides and their
 * outcomes, refused requests by reason, punctuality at pickup, and the distance each
 * vehicle drove by its plan (with the empty part and the average load per km).
 * The computations are small pure functions (tested with hand-computed numbers);
 * `transitStats` only reads the rows and hands them over.
 */
import type { StaffActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { invalidInput, type FieldError } from '../../platform/http/errors.ts';
import { isIsoDate } from '../../platform/text/wareki.ts';
import { addDays } from '../../platform/time/today.ts';
import type { RefusalReason } from './booking-service.ts';
import { loadNetwork } from './network.ts';
import { canOperate } from './policy.ts';
import type { TripStatus } from './tables.ts';
import type { TransitContext } from './transit-context.ts';
import type { TravelMatrix } from './travel-model.ts';

/** Longest range one request may cover, in days (both ends included). */
export const MAX_RANGE_DAYS = 366;

/** Every reason `quoteTrip` records, in the order staff read them. */
export const REFUSAL_REASONS: readonly RefusalReason[] = ['past', 'too_far_ahead', 'closed_weekday', 'closed_day', 'too_late_today', 'outside_hours', 'no_vehicle', 'no_wheelchair_vehicle'];

// ---------------------------------------------------------------------------
// Pure computations

/** One stop a vehicle drove to: where (matrix index) and how the load changed there. */
export interface WalkStop {
  location: number;
  /** +passengers at a pickup, −passengers at a dropoff, 0 where nobody got on or off. */
  change: number;
}

/** Distance of one vehicle-day, in metres. */
export interface Distance {
  metres: number;
  /** Driven with nobody on board (including leaving and returning to the depot). */
  emptyMetres: number;
  /** Σ (passengers on board × leg length): divided by `metres`, the average load per km driven. */
  passengerMetres: number;
}

export const NO_DISTANCE: Distance = { metres: 0, emptyMetres: 0, passengerMetres: 0 };

export function addDistance(a: Distance, b: Distance): Distance {
  return { metres: a.metres + b.metres, emptyMetres: a.emptyMetres + b.emptyMetres, passengerMetres: a.passengerMetres + b.passengerMetres };
}

/**
 * Walks a vehicle's stops in order from its depot and back. Each leg counts with the
 * load on board after the stop it leaves; a vehicle without stops never left the depot.
 */
export function vehicleDayKm(stops: WalkStop[], matrix: Pick<TravelMatrix, 'metres'>, depotIndex: number): Distance {
  if (stops.length === 0) return NO_DISTANCE;
  let metres = 0;
  let emptyMetres = 0;
  let passengerMetres = 0;
  let load = 0;
  let at = depotIndex;
  const leg = (to: number) => {
    const m = at === to ? 0 : matrix.metres(at, to);
    metres += m;
    if (load <= 0) emptyMetres += m;
    else passengerMetres += load * m;
    at = to;
  };
  for (const stop of stops) {
    leg(stop.location);
    load = Math.max(0, load + stop.change);
  }
  leg(depotIndex);
  return { metres, emptyMetres, passengerMetres };
}

export interface PlanRow {
  tripId: string;
  kind: 'pickup' | 'dropoff';
}

export interface WalkTrip {
  status: TripStatus;
  passengers: number;
  /** Matrix indices of the trip's stops. */
  origin: number;
  destination: number;
}

/**
 * The stops a vehicle actually drove to, from its plan rows in seq order. A cancelled
 * trip's stops are not driven to. For a no-show the bus went to the pickup and waited,
 * but nobody boarded and there was nobody to drop off. Every other trip changes the
 * load by its passengers at its pickup and dropoff.
 */
export function planWalk(rows: PlanRow[], trips: Map<string, WalkTrip>): WalkStop[] {
  const stops: WalkStop[] = [];
  for (const row of rows) {
    const trip = trips.get(row.tripId);
    if (!trip || trip.status === 'cancelled') continue;
    if (trip.status === 'no_show') {
      if (row.kind === 'pickup') stops.push({ location: trip.origin, change: 0 });
      continue;
    }
    stops.push(row.kind === 'pickup' ? { location: trip.origin, change: trip.passengers } : { location: trip.destination, change: -trip.passengers });
  }
  return stops;
}

export type Punctuality = 'on_time' | 'early' | 'late' | 'unrecorded';

/** Whether the bus came within the promised pickup window [early, late] (both ends on time). */
export function punctuality(boardedAt: number | null, pickupEarly: number, pickupLate: number): Punctuality {
  if (boardedAt === null) return 'unrecorded';
  if (boardedAt < pickupEarly) return 'early';
  if (boardedAt > pickupLate) return 'late';
  return 'on_time';
}

export interface OnTime {
  onTime: number;
  early: number;
  late: number;
  /** Boarded without a recorded time (e.g. recorded on a later day): not judged. */
  unrecorded: number;
  /** onTime ÷ (onTime + early + late); null when nothing could be judged. */
  rate: number | null;
}

export interface StatsTrip {
  status: TripStatus;
  passengers: number;
  pickupEarly: number;
  pickupLate: number;
  boardedAt: number | null;
}

/** Punctuality of the trips that boarded (boarded or completed); others are not counted. */
export function onTimeOf(trips: Iterable<StatsTrip>): OnTime {
  const counts = { on_time: 0, early: 0, late: 0, unrecorded: 0 };
  for (const trip of trips) {
    if (trip.status !== 'boarded' && trip.status !== 'completed') continue;
    counts[punctuality(trip.boardedAt, trip.pickupEarly, trip.pickupLate)]++;
  }
  const judged = counts.on_time + counts.early + counts.late;
  return { onTime: counts.on_time, early: counts.early, late: counts.late, unrecorded: counts.unrecorded, rate: judged ? counts.on_time / judged : null };
}

export interface RideCounts {
  /** Every ride booked for the day, whatever became of it. */
  booked: number;
  completed: number;
  cancelled: number;
  noShows: number;
  /** People who rode (boarded or completed trips). */
  passengers: number;
}

export function rideCounts(trips: Iterable<StatsTrip>): RideCounts {
  const c: RideCounts = { booked: 0, completed: 0, cancelled: 0, noShows: 0, passengers: 0 };
  for (const trip of trips) {
    c.booked++;
    if (trip.status === 'completed') c.completed++;
    if (trip.status === 'cancelled') c.cancelled++;
    if (trip.status === 'no_show') c.noShows++;
    if (trip.status === 'boarded' || trip.status === 'completed') c.passengers += trip.passengers;
  }
  return c;
}

/** Average passengers on board per km driven; null when the vehicle did not move. */
export function occupancy(d: Distance): number | null {
  return d.metres > 0 ? d.passengerMetres / d.metres : null;
}

/** Problems with a date range (ISO dates): each names the field to fix. */
export function rangeProblems(from: string, to: string): FieldError[] {
  const problems: FieldError[] = [];
  if (!isIsoDate(from)) problems.push({ field: 'from', messageKey: 'transit.stats.error.date' });
  if (!isIsoDate(to)) problems.push({ field: 'to', messageKey: 'transit.stats.error.date' });
  if (problems.length) return problems;
  if (to < from) return [{ field: 'to', messageKey: 'transit.stats.error.order' }];
  if (to > addDays(from, MAX_RANGE_DAYS - 1)) return [{ field: 'to', messageKey: 'transit.stats.error.range', params: { max: MAX_RANGE_DAYS } }];
  return [];
}

export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return dates;
}

// ---------------------------------------------------------------------------
// Output

export interface KmFigures {
  km: number;
  emptyKm: number;
  /** Passenger-kilometres. */
  passengerKm: number;
  /** Average passengers on board per km driven. */
  occupancy: number | null;
}

export interface DayStats extends RideCounts, KmFigures {
  date: string;
  refused: number;
  refusals: Record<string, number>;
  onTime: OnTime;
}

export interface VehicleStats extends KmFigures {
  id: string;
  name: string;
  /** Days the vehicle left its depot. */
  days: number;
  /** Trips it carried (boarded or completed). */
  rides: number;
  passengers: number;
}

export interface TransitStats {
  from: string;
  to: string;
  /** Where the distances come from: estimated from straight lines, or a routing server. */
  distanceSource: TravelMatrix['source'];
  days: DayStats[];
  totals: Omit<DayStats, 'date'>;
  /** Refusals over the range, every known reason listed (then any other code found). */
  refusals: { reason: string; count: number }[];
  vehicles: VehicleStats[];
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

export function kmFigures(d: Distance): KmFigures {
  const occ = occupancy(d);
  return { km: round(d.metres / 1000, 1), emptyKm: round(d.emptyMetres / 1000, 1), passengerKm: round(d.passengerMetres / 1000, 1), occupancy: occ === null ? null : round(occ, 2) };
}

function roundRate(o: OnTime): OnTime {
  return { ...o, rate: o.rate === null ? null : round(o.rate, 4) };
}

// ---------------------------------------------------------------------------
// The service

/** Statistics for service days from `from` to `to` (ISO dates, both included). Operators only. */
export async function transitStats(ctx: TransitContext, staff: StaffActor, range: { from: string; to: string }): Promise<TransitStats> {
  requireAccess(canOperate(staff), 'forbidden');
  const problems = rangeProblems(range.from, range.to);
  if (problems.length) throw invalidInput(problems);
  const { from, to } = range;
  const db = ctx.db;

  const [tripRows, refusalRows, planRows, vehicleRows] = await Promise.all([
    db
      .selectFrom('transit_trips')
      .select(['id', 'service_date', 'status', 'passengers', 'pickup_early', 'pickup_late', 'boarded_at', 'vehicle_id', 'origin_stop_id', 'destination_stop_id'])
      .where('service_date', '>=', from)
      .where('service_date', '<=', to)
      .execute(),
    db
      .selectFrom('transit_refusals')
      .select(['service_date', 'reason', (eb) => eb.fn.countAll<number>().as('n')])
      .where('service_date', '>=', from)
      .where('service_date', '<=', to)
      .groupBy(['service_date', 'reason'])
      .execute(),
    db
      .selectFrom('transit_plan_stops')
      .select(['service_date', 'vehicle_id', 'seq', 'trip_id', 'kind'])
      .where('service_date', '>=', from)
      .where('service_date', '<=', to)
      .orderBy('service_date')
      .orderBy('vehicle_id')
      .orderBy('seq')
      .execute(),
    db.selectFrom('transit_vehicles').select(['id', 'name', 'depot_stop_id', 'active']).orderBy('id').execute(),
  ]);

  const matrix = await matrixCovering(ctx, [...tripRows.flatMap((t) => [t.origin_stop_id, t.destination_stop_id]), ...vehicleRows.map((v) => v.depot_stop_id)]);

  const trips = new Map(
    tripRows.map((t) => [
      t.id,
      {
        date: t.service_date,
        vehicleId: t.vehicle_id,
        status: t.status,
        passengers: t.passengers,
        pickupEarly: t.pickup_early,
        pickupLate: t.pickup_late,
        boardedAt: t.boarded_at,
        origin: matrix.indexOf(t.origin_stop_id),
        destination: matrix.indexOf(t.destination_stop_id),
      },
    ]),
  );

  // Distances: one walk per vehicle and day.
  const depotOf = new Map(vehicleRows.map((v) => [v.id, matrix.indexOf(v.depot_stop_id)]));
  const dayDistance = new Map<string, Distance>();
  const vehicleDistance = new Map<string, Distance>();
  const vehicleDays = new Map<string, number>();
  const groups = new Map<string, PlanRow[]>();
  for (const row of planRows) {
    const key = `${row.service_date}|${row.vehicle_id}`;
    const list = groups.get(key) ?? [];
    list.push({ tripId: row.trip_id, kind: row.kind });
    groups.set(key, list);
  }
  for (const [key, rows] of groups) {
    const [date, vehicleId] = key.split('|') as [string, string];
    const depot = depotOf.get(vehicleId);
    if (depot === undefined) continue;
    const walk = planWalk(rows, trips);
    const d = vehicleDayKm(walk, matrix, depot);
    dayDistance.set(date, addDistance(dayDistance.get(date) ?? NO_DISTANCE, d));
    vehicleDistance.set(vehicleId, addDistance(vehicleDistance.get(vehicleId) ?? NO_DISTANCE, d));
    if (walk.length) vehicleDays.set(vehicleId, (vehicleDays.get(vehicleId) ?? 0) + 1);
  }

  const tripsByDay = new Map<string, StatsTrip[]>();
  for (const trip of trips.values()) {
    const list = tripsByDay.get(trip.date) ?? [];
    list.push(trip);
    tripsByDay.set(trip.date, list);
  }
  const refusalsByDay = new Map<string, Record<string, number>>();
  const refusalTotals: Record<string, number> = Object.fromEntries(REFUSAL_REASONS.map((r) => [r, 0]));
  for (const r of refusalRows) {
    const day = refusalsByDay.get(r.service_date) ?? Object.fromEntries(REFUSAL_REASONS.map((reason) => [reason, 0]));
    day[r.reason] = (day[r.reason] ?? 0) + Number(r.n);
    refusalTotals[r.reason] = (refusalTotals[r.reason] ?? 0) + Number(r.n);
    refusalsByDay.set(r.service_date, day);
  }
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

  const days: DayStats[] = datesBetween(from, to).map((date) => {
    const list = tripsByDay.get(date) ?? [];
    const refusals = refusalsByDay.get(date) ?? Object.fromEntries(REFUSAL_REASONS.map((r) => [r, 0]));
    return { date, ...rideCounts(list), refused: sum(refusals), refusals, onTime: roundRate(onTimeOf(list)), ...kmFigures(dayDistance.get(date) ?? NO_DISTANCE) };
  });

  const allTrips = [...trips.values()];
  const total = [...dayDistance.values()].reduce(addDistance, NO_DISTANCE);
  const totals = { ...rideCounts(allTrips), refused: sum(refusalTotals), refusals: refusalTotals, onTime: roundRate(onTimeOf(allTrips)), ...kmFigures(total) };

  const vehicles: VehicleStats[] = vehicleRows
    .filter((v) => v.active || vehicleDistance.has(v.id) || allTrips.some((t) => t.vehicleId === v.id))
    .map((v) => {
      const carried = allTrips.filter((t) => t.vehicleId === v.id && (t.status === 'boarded' || t.status === 'completed'));
      return {
        id: v.id,
        name: v.name,
        days: vehicleDays.get(v.id) ?? 0,
        rides: carried.length,
        passengers: carried.reduce((n, t) => n + t.passengers, 0),
        ...kmFigures(vehicleDistance.get(v.id) ?? NO_DISTANCE),
      };
    });

  return {
    from,
    to,
    distanceSource: matrix.source,
    days,
    totals,
    refusals: Object.entries(refusalTotals).map(([reason, count]) => ({ reason, count })),
    vehicles,
  };
}

/**
 * The network's travel matrix, when it knows every stop the statistics need; stops
 * since deactivated (or depots of retired vehicles) need a matrix over all stops.
 */
async function matrixCovering(ctx: TransitContext, stopIds: string[]): Promise<TravelMatrix> {
  const network = await loadNetwork(ctx.db, ctx.travel);
  const known = new Set(network.matrix.ids);
  if (stopIds.every((id) => known.has(id))) return network.matrix;
  const all = await ctx.db.selectFrom('transit_stops').select(['id', 'lat', 'lng']).orderBy('sort_order').orderBy('id').execute();
  return ctx.travel.matrix(all);
}
