/**
 * The driver's day: which vehicle they drive, the manifest of stops in order with
 * who boards and alights, and recording boarded / no-show / dropped. Each record is
 * an event the operators' screens pick up at once.
 */
import type { StaffActor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { japanClock } from '../../platform/time/today.ts';
import { lockDay } from './day-plan.ts';
import { canOperate } from './policy.ts';
import type { TransitDb, TripStatus } from './tables.ts';
import { asPlatformDb, type TransitContext } from './transit-context.ts';

export async function driverOf(db: TransitDb, staff: StaffActor) {
  return (await db.selectFrom('transit_drivers').selectAll().where('staff_id', '=', staff.id).where('active', '=', true).executeTakeFirst()) ?? null;
}

/** The vehicle a driver drives on a date (from the day's shifts), or null. */
export async function vehicleOfDriver(db: TransitDb, driverId: string, date: string): Promise<string | null> {
  const shift = await db.selectFrom('transit_shifts').select('vehicle_id').where('service_date', '=', date).where('driver_id', '=', driverId).executeTakeFirst();
  return shift?.vehicle_id ?? null;
}

/** A driver starts the day by taking a vehicle no other driver has taken. */
export async function takeVehicle(ctx: TransitContext, staff: StaffActor, vehicleId: string): Promise<void> {
  const driver = await driverOf(ctx.db, staff);
  requireAccess(driver !== null, 'forbidden');
  const date = japanClock(ctx.now()).date;
  await ctx.db.transaction().execute(async (trx) => {
    await lockDay(trx, date);
    const vehicle = await trx.selectFrom('transit_vehicles').select('id').where('id', '=', vehicleId).where('active', '=', true).executeTakeFirst();
    if (!vehicle) throw new DomainError('invalid_input', 400, 'error.invalid.body', {}, [{ field: 'vehicle', messageKey: 'transit.driver.unknownVehicle' }]);
    const shift = await trx.selectFrom('transit_shifts').selectAll().where('service_date', '=', date).where('vehicle_id', '=', vehicleId).executeTakeFirst();
    if (shift?.driver_id && shift.driver_id !== driver!.id) throw new DomainError('invalid_input', 409, 'error.invalid.body', {}, [{ field: 'vehicle', messageKey: 'transit.driver.vehicleTaken' }]);
    await trx.deleteFrom('transit_shifts').where('service_date', '=', date).where('driver_id', '=', driver!.id).execute();
    await trx.insertInto('transit_shifts').values({ service_date: date, vehicle_id: vehicleId, driver_id: driver!.id }).onConflict((oc) => oc.columns(['service_date', 'vehicle_id']).doUpdateSet({ driver_id: driver!.id })).execute();
    await recordAudit(asPlatformDb(trx), { actor: auditActorOf(staff), action: 'transit.shift.taken', targetType: 'transit_vehicle', targetId: vehicleId, details: { date } });
  });
}

export interface StopVisit {
  stopId: string;
  stopName: string;
  stopDescription: string;
  time: number;
  boarding: ManifestRider[];
  alighting: ManifestRider[];
  /** Every rider here has been dealt with. */
  done: boolean;
}

export interface ManifestRider {
  tripId: string;
  reference: string;
  name: string;
  phone: string;
  passengers: number;
  wheelchair: boolean;
  needsAssistance: boolean;
  notes: string;
  status: TripStatus;
  pickupEarly: number;
  pickupLate: number;
}

/** The vehicle's stops for a date in driving order, consecutive stops at one place merged into one visit. */
export async function manifest(db: TransitDb, vehicleId: string, date: string): Promise<StopVisit[]> {
  const rows = await db
    .selectFrom('transit_plan_stops as p')
    .innerJoin('transit_trips as t', 't.id', 'p.trip_id')
    .innerJoin('transit_riders as r', 'r.id', 't.rider_id')
    .innerJoin('transit_stops as s', (join) => join.on((eb) => eb('s.id', '=', eb.case().when('p.kind', '=', 'pickup').then(eb.ref('t.origin_stop_id')).else(eb.ref('t.destination_stop_id')).end())))
    .select(['p.kind', 'p.planned_time', 's.id as stop_id', 's.name as stop_name', 's.description as stop_description', 't.id as trip_id', 't.reference', 't.passengers', 't.wheelchair', 't.status', 't.pickup_early', 't.pickup_late', 'r.name', 'r.phone', 'r.needs_assistance', 'r.notes'])
    .where('p.service_date', '=', date)
    .where('p.vehicle_id', '=', vehicleId)
    .where('t.status', '!=', 'cancelled')
    .orderBy('p.seq')
    .execute();
  const visits: StopVisit[] = [];
  for (const row of rows) {
    let visit = visits[visits.length - 1];
    if (!visit || visit.stopId !== row.stop_id) {
      visit = { stopId: row.stop_id, stopName: row.stop_name, stopDescription: row.stop_description, time: row.planned_time, boarding: [], alighting: [], done: true };
      visits.push(visit);
    }
    const rider: ManifestRider = { tripId: row.trip_id, reference: row.reference, name: row.name, phone: row.phone, passengers: row.passengers, wheelchair: row.wheelchair, needsAssistance: row.needs_assistance, notes: row.notes, status: row.status, pickupEarly: row.pickup_early, pickupLate: row.pickup_late };
    (row.kind === 'pickup' ? visit.boarding : visit.alighting).push(rider);
    const pending = row.kind === 'pickup' ? row.status === 'booked' : row.status === 'boarded';
    if (pending) visit.done = false;
  }
  return visits;
}

export type DriverAction = 'board' | 'no_show' | 'drop';

const TRANSITIONS: Record<DriverAction, { from: TripStatus; to: TripStatus }> = {
  board: { from: 'booked', to: 'boarded' },
  no_show: { from: 'booked', to: 'no_show' },
  drop: { from: 'boarded', to: 'completed' },
};

/** Records what happened at a stop. Drivers act only on their own vehicle's rides today; operators on any. */
export async function recordStop(ctx: TransitContext, staff: StaffActor, tripId: string, action: DriverAction): Promise<{ date: string }> {
  const clock = japanClock(ctx.now());
  const trip = await ctx.db.selectFrom('transit_trips').select(['id', 'service_date', 'vehicle_id', 'status']).where('id', '=', tripId).executeTakeFirst();
  const driver = await driverOf(ctx.db, staff);
  const driving = driver && trip ? await vehicleOfDriver(ctx.db, driver.id, trip.service_date) : null;
  const allowed = trip !== undefined && (canOperate(staff) || (trip.service_date === clock.date && driving !== null && driving === trip.vehicle_id));
  requireAccess(allowed);
  const { from, to } = TRANSITIONS[action];
  await ctx.db.transaction().execute(async (trx) => {
    await lockDay(trx, trip!.service_date);
    const current = await trx.selectFrom('transit_trips').select('status').where('id', '=', tripId).executeTakeFirstOrThrow();
    // A second tap (or a second device) on the same rider changes nothing.
    if (current.status === to) return;
    if (current.status !== from) throw new DomainError('invalid_transition', 409, 'transit.driver.alreadyRecorded');
    const at = trip!.service_date === clock.date ? clock.seconds : null;
    await trx
      .updateTable('transit_trips')
      .set({ status: to, ...(action === 'board' ? { boarded_at: at } : action === 'drop' ? { dropped_at: at } : {}), updated_at: new Date() })
      .where('id', '=', tripId)
      .execute();
    await trx.insertInto('transit_events').values({ service_date: trip!.service_date, kind: to, trip_id: tripId, vehicle_id: trip!.vehicle_id }).execute();
    await recordAudit(asPlatformDb(trx), { actor: auditActorOf(staff), action: `transit.trip.${to}`, targetType: 'transit_trip', targetId: tripId });
  });
  return { date: trip!.service_date };
}

/** The phone's last position, shown on the operators' map. */
export async function reportPosition(ctx: TransitContext, staff: StaffActor, lat: number, lng: number): Promise<void> {
  const driver = await driverOf(ctx.db, staff);
  requireAccess(driver !== null, 'forbidden');
  const date = japanClock(ctx.now()).date;
  const vehicleId = await vehicleOfDriver(ctx.db, driver!.id, date);
  if (!vehicleId) return;
  await ctx.db
    .insertInto('transit_vehicle_positions')
    .values({ vehicle_id: vehicleId, lat, lng, reported_at: ctx.now() })
    .onConflict((oc) => oc.column('vehicle_id').doUpdateSet({ lat, lng, reported_at: ctx.now() }))
    .execute();
}
