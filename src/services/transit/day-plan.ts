/**
 * One service day's plan in memory: each vehicle's committed stops as the DARP engine
 * sees them (VehiclePlan), built from the trips' promises, and written back as a whole
 * under the day's lock. Stops already served (boarded / dropped / no-show) stay in the
 * table as history and are not replanned.
 */
import { sql } from 'kysely';
import type { OnBoardRider, PlannedStop, VehiclePlan } from '../../engines/darp/index.ts';
import { japanClock } from '../../platform/time/today.ts';
import type { Network, VehicleInfo } from './network.ts';
import type { TransitDb, TransitTables } from './tables.ts';

type Trip = Awaited<ReturnType<typeof loadTrips>>[number];

export interface VehicleDay {
  vehicle: VehicleInfo;
  /** Stops already served, in order (kept as they are). */
  done: { tripId: string; kind: 'pickup' | 'dropoff'; plannedTime: number }[];
  plan: VehiclePlan;
}

export interface DayPlan {
  date: string;
  vehicles: VehicleDay[];
  trips: Map<string, Trip>;
}

/** Serialises every change to one day's plan, on every app instance. */
export async function lockDay(trx: TransitDb, date: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`transit-day:${date}`}))`.execute(trx);
}

async function loadTrips(db: TransitDb, date: string) {
  return db
    .selectFrom('transit_trips')
    .selectAll()
    .where('service_date', '=', date)
    .where('status', '!=', 'cancelled')
    .execute();
}

function isDone(trip: Trip, kind: 'pickup' | 'dropoff'): boolean {
  if (trip.status === 'completed' || trip.status === 'no_show') return true;
  return kind === 'pickup' && trip.status === 'boarded';
}

export function stopOf(trip: Trip, kind: 'pickup' | 'dropoff', network: Network): PlannedStop {
  const m = network.matrix;
  return {
    requestId: trip.id,
    kind,
    location: m.indexOf(kind === 'pickup' ? trip.origin_stop_id : trip.destination_stop_id),
    early: kind === 'pickup' ? trip.pickup_early : trip.dropoff_early,
    late: kind === 'pickup' ? trip.pickup_late : trip.dropoff_late,
    service: trip.service_seconds,
    load: trip.passengers,
    ...(trip.wheelchair ? { load2: 1 } : {}),
    maxRide: trip.max_ride,
  };
}

/**
 * The day's plan. On today's date each vehicle becomes free to change plans from now,
 * at the last stop it served (or its depot); other days start at the depot at opening.
 */
export async function loadDayPlan(
  db: TransitDb,
  network: Network,
  date: string,
  hours: { opens: number; closes: number },
  options: { now: Date; excludeTrip?: string },
): Promise<DayPlan> {
  const trips = new Map((await loadTrips(db, date)).filter((t) => t.id !== options.excludeTrip).map((t) => [t.id, t]));
  const rows = await db.selectFrom('transit_plan_stops').selectAll().where('service_date', '=', date).orderBy('vehicle_id').orderBy('seq').execute();
  const clock = japanClock(options.now);
  const isToday = date === clock.date;
  const vehicles: VehicleDay[] = network.vehicles.map((vehicle) => {
    const depot = network.matrix.indexOf(vehicle.depotStopId);
    const mine = rows.filter((r) => r.vehicle_id === vehicle.id && trips.has(r.trip_id));
    // Served = recorded by the driver, or (today) planned to be over by now: drivers
    // often tap late, and a vehicle must not refuse every new ride until they do. A
    // no-show recorded afterwards only frees a seat.
    const served = (row: (typeof mine)[number]) => {
      const trip = trips.get(row.trip_id)!;
      return isDone(trip, row.kind) || (isToday && row.planned_time + trip.service_seconds <= clock.seconds);
    };
    const servedKeys = new Set(mine.filter(served).map((r) => `${r.trip_id}:${r.kind}`));
    const done: VehicleDay['done'] = [];
    const stops: PlannedStop[] = [];
    const onBoard: OnBoardRider[] = [];
    let location = depot;
    for (const row of mine) {
      const trip = trips.get(row.trip_id)!;
      if (servedKeys.has(`${row.trip_id}:${row.kind}`)) {
        done.push({ tripId: trip.id, kind: row.kind, plannedTime: row.planned_time });
        location = network.matrix.indexOf(row.kind === 'pickup' ? trip.origin_stop_id : trip.destination_stop_id);
        if (row.kind === 'pickup' && trip.status !== 'no_show' && !servedKeys.has(`${row.trip_id}:dropoff`)) {
          onBoard.push({ requestId: trip.id, pickedUpAt: trip.boarded_at ?? row.planned_time, pickupService: trip.service_seconds });
        }
      } else {
        stops.push(stopOf(trip, row.kind, network));
      }
    }
    const availableAt = isToday ? Math.max(hours.opens, Math.min(clock.seconds, hours.closes)) : hours.opens;
    return {
      vehicle,
      done,
      plan: {
        id: vehicle.id,
        capacity: vehicle.seats,
        capacity2: vehicle.wheelchairSpaces,
        location: isToday ? location : depot,
        availableAt,
        endLocation: depot,
        shiftEnd: hours.closes,
        onBoard,
        stops,
      },
    };
  });
  return { date, vehicles, trips };
}

/**
 * Replaces one vehicle's plan for the day: served stops first, then the new stop list
 * with its times. Only trips whose vehicle or planned times moved are updated (plan
 * bookkeeping, so their updated_at — the rider-visible change stamp — stays).
 */
export async function writeVehiclePlan(trx: TransitDb, plan: DayPlan, day: VehicleDay, stops: PlannedStop[], times: number[]): Promise<void> {
  const date = plan.date;
  await trx.deleteFrom('transit_plan_stops').where('service_date', '=', date).where('vehicle_id', '=', day.vehicle.id).execute();
  const rows = [
    ...day.done.map((d, i) => ({ service_date: date, vehicle_id: day.vehicle.id, seq: i, trip_id: d.tripId, kind: d.kind, planned_time: d.plannedTime })),
    ...stops.map((s, i) => ({ service_date: date, vehicle_id: day.vehicle.id, seq: day.done.length + i, trip_id: s.requestId, kind: s.kind, planned_time: Math.round(times[i]!) })),
  ];
  // A trip's stops may move between vehicles: clear them wherever they were before.
  const moved = [...new Set(stops.map((s) => s.requestId))].filter((id) => plan.trips.get(id)?.vehicle_id !== day.vehicle.id);
  if (moved.length) await trx.deleteFrom('transit_plan_stops').where('trip_id', 'in', moved).execute();
  if (rows.length) await trx.insertInto('transit_plan_stops').values(rows).execute();
  const byTrip = new Map<string, { pickup?: number; dropoff?: number }>();
  stops.forEach((s, i) => {
    const t = byTrip.get(s.requestId) ?? {};
    t[s.kind] = Math.round(times[i]!);
    byTrip.set(s.requestId, t);
  });
  for (const [tripId, t] of byTrip) {
    const before = plan.trips.get(tripId);
    const pickup = t.pickup ?? before?.planned_pickup ?? null;
    const dropoff = t.dropoff ?? before?.planned_dropoff ?? null;
    if (before && before.vehicle_id === day.vehicle.id && before.planned_pickup === pickup && before.planned_dropoff === dropoff) continue;
    await trx.updateTable('transit_trips').set({ vehicle_id: day.vehicle.id, planned_pickup: pickup, planned_dropoff: dropoff }).where('id', '=', tripId).execute();
  }
}
