/**
 * Managers keep the bus network as data: stops, vehicles, drivers, weekly service
 * hours and days without service. A change that would break a promise already made
 * (a stop or vehicle still planned for future rides, seats below a planned load) is
 * refused with the rides it would affect; everything is audited.
 */
import type { StaffActor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError, invalidInput, type FieldError } from '../../platform/http/errors.ts';
import { japanClock } from '../../platform/time/today.ts';
import { canManageNetwork } from './policy.ts';
import type { TransitDb } from './tables.ts';
import { asPlatformDb } from './transit-context.ts';

const ID = /^[a-z0-9][a-z0-9-]{1,40}$/;

function manager(staff: StaffActor): void {
  requireAccess(canManageNetwork(staff), 'forbidden');
}

async function audit(db: TransitDb, staff: StaffActor, action: string, targetId: string, details: Record<string, unknown> = {}) {
  await recordAudit(asPlatformDb(db), { actor: auditActorOf(staff), action: `transit.network.${action}`, targetType: 'transit_network', targetId, details });
}

/** Future rides still booked that use a stop or vehicle. */
export async function futureRidesUsing(db: TransitDb, today: string, what: { stopId?: string; vehicleId?: string; date?: string }) {
  let q = db.selectFrom('transit_trips').select(['reference', 'service_date']).where('status', '=', 'booked').where('service_date', '>=', today);
  if (what.stopId) q = q.where((eb) => eb.or([eb('origin_stop_id', '=', what.stopId!), eb('destination_stop_id', '=', what.stopId!)]));
  if (what.vehicleId) q = q.where('vehicle_id', '=', what.vehicleId);
  if (what.date) q = q.where('service_date', '=', what.date);
  return q.orderBy('service_date').limit(20).execute();
}

const inUse = (rides: { reference: string }[]) => new DomainError('in_use', 409, 'transit.network.inUse', { rides: rides.map((r) => r.reference).join('、') });

export interface StopInput {
  id: string;
  name: string;
  nameKana: string;
  lat: number;
  lng: number;
  description: string;
  active: boolean;
}

export async function saveStop(db: TransitDb, staff: StaffActor, input: StopInput, now: Date): Promise<void> {
  manager(staff);
  const errors: FieldError[] = [];
  if (!ID.test(input.id)) errors.push({ field: 'id', messageKey: 'transit.network.id.invalid' });
  if (!input.name.trim()) errors.push({ field: 'name', messageKey: 'transit.network.name.required' });
  // The service area: Oshu City lies within these bounds (a typo in a coordinate is caught here).
  if (!(input.lat > 38.9 && input.lat < 39.4)) errors.push({ field: 'lat', messageKey: 'transit.network.lat.invalid' });
  if (!(input.lng > 140.8 && input.lng < 141.4)) errors.push({ field: 'lng', messageKey: 'transit.network.lng.invalid' });
  if (errors.length) throw invalidInput(errors);
  if (!input.active) {
    const rides = await futureRidesUsing(db, japanClock(now).date, { stopId: input.id });
    if (rides.length) throw inUse(rides);
  }
  await db.transaction().execute(async (trx) => {
    // A new stop goes to the end of the lists residents choose from.
    const last = await trx.selectFrom('transit_stops').select((eb) => eb.fn.max('sort_order').as('n')).executeTakeFirst();
    await trx
      .insertInto('transit_stops')
      .values({ id: input.id, name: input.name.trim(), name_kana: input.nameKana.trim(), lat: input.lat, lng: input.lng, description: input.description.trim(), active: input.active, sort_order: Number(last?.n ?? 0) + 1 })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: input.name.trim(), name_kana: input.nameKana.trim(), lat: input.lat, lng: input.lng, description: input.description.trim(), active: input.active }))
      .execute();
    await audit(trx, staff, 'stop.saved', input.id, { active: input.active });
  });
}

export interface VehicleInput {
  id: string;
  name: string;
  seats: number;
  wheelchairSpaces: number;
  depotStopId: string;
  active: boolean;
}

/** Most seats (and wheelchair places) a vehicle's future plans use at once. */
async function peakPlannedLoad(db: TransitDb, vehicleId: string, today: string): Promise<{ seats: number; chairs: number }> {
  const rows = await db
    .selectFrom('transit_plan_stops as p')
    .innerJoin('transit_trips as t', 't.id', 'p.trip_id')
    .select(['p.service_date', 'p.kind', 't.passengers', 't.wheelchair'])
    .where('p.vehicle_id', '=', vehicleId)
    .where('p.service_date', '>=', today)
    .where('t.status', 'in', ['booked', 'boarded'])
    .orderBy('p.service_date')
    .orderBy('p.seq')
    .execute();
  let seats = 0;
  let chairs = 0;
  let peak = { seats: 0, chairs: 0 };
  let day = '';
  for (const r of rows) {
    if (r.service_date !== day) [seats, chairs, day] = [0, 0, r.service_date];
    const sign = r.kind === 'pickup' ? 1 : -1;
    seats += sign * r.passengers;
    chairs += sign * (r.wheelchair ? 1 : 0);
    peak = { seats: Math.max(peak.seats, seats), chairs: Math.max(peak.chairs, chairs) };
  }
  return peak;
}

export async function saveVehicle(db: TransitDb, staff: StaffActor, input: VehicleInput, now: Date): Promise<void> {
  manager(staff);
  const errors: FieldError[] = [];
  if (!ID.test(input.id)) errors.push({ field: 'id', messageKey: 'transit.network.id.invalid' });
  if (!input.name.trim()) errors.push({ field: 'name', messageKey: 'transit.network.name.required' });
  if (!Number.isInteger(input.seats) || input.seats < 1 || input.seats > 60) errors.push({ field: 'seats', messageKey: 'transit.network.seats.invalid' });
  if (!Number.isInteger(input.wheelchairSpaces) || input.wheelchairSpaces < 0 || input.wheelchairSpaces > 10) errors.push({ field: 'wheelchairSpaces', messageKey: 'transit.network.chairs.invalid' });
  const depot = await db.selectFrom('transit_stops').select('id').where('id', '=', input.depotStopId).executeTakeFirst();
  if (!depot) errors.push({ field: 'depotStopId', messageKey: 'transit.error.unknownStop' });
  if (errors.length) throw invalidInput(errors);
  const today = japanClock(now).date;
  const existing = await db.selectFrom('transit_vehicles').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (existing) {
    if (!input.active || input.depotStopId !== existing.depot_stop_id) {
      const rides = await futureRidesUsing(db, today, { vehicleId: input.id });
      if (rides.length) throw inUse(rides);
    }
    const peak = await peakPlannedLoad(db, input.id, today);
    if (input.seats < peak.seats || input.wheelchairSpaces < peak.chairs) {
      throw new DomainError('in_use', 409, 'transit.network.belowPlanned', { seats: peak.seats, chairs: peak.chairs });
    }
  }
  await db.transaction().execute(async (trx) => {
    const values = { name: input.name.trim(), seats: input.seats, wheelchair_spaces: input.wheelchairSpaces, depot_stop_id: input.depotStopId, active: input.active };
    await trx.insertInto('transit_vehicles').values({ id: input.id, ...values }).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
    await audit(trx, staff, 'vehicle.saved', input.id, values);
  });
}

export async function saveHours(db: TransitDb, staff: StaffActor, hours: { weekday: number; opens: number | null; closes: number | null }[]): Promise<void> {
  manager(staff);
  const errors: FieldError[] = [];
  for (const h of hours) {
    if ((h.opens === null) !== (h.closes === null) || (h.opens !== null && h.closes !== null && h.opens >= h.closes)) {
      errors.push({ field: `hours-${h.weekday}`, messageKey: 'transit.network.hours.invalid' });
    }
  }
  if (errors.length) throw invalidInput(errors);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('transit_service_hours').execute();
    const rows = hours.filter((h) => h.opens !== null).map((h) => ({ weekday: h.weekday, opens_at: h.opens!, closes_at: h.closes! }));
    if (rows.length) await trx.insertInto('transit_service_hours').values(rows).execute();
    await audit(trx, staff, 'hours.saved', 'week', { rows });
  });
}

/** Closing a day keeps its bookings (riders must be told by phone); the bookings are returned so the operator can. */
export async function closeDay(db: TransitDb, staff: StaffActor, day: string, reason: string, now: Date) {
  manager(staff);
  if (!reason.trim()) throw invalidInput([{ field: 'reason', messageKey: 'transit.network.reason.required' }]);
  if (day < japanClock(now).date) throw invalidInput([{ field: 'day', messageKey: 'transit.refused.past' }]);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('transit_closed_days').values({ day, reason: reason.trim() }).onConflict((oc) => oc.column('day').doUpdateSet({ reason: reason.trim() })).execute();
    await audit(trx, staff, 'day.closed', day, { reason });
  });
  return futureRidesUsing(db, day, { date: day });
}

export async function reopenDay(db: TransitDb, staff: StaffActor, day: string): Promise<void> {
  manager(staff);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('transit_closed_days').where('day', '=', day).execute();
    await audit(trx, staff, 'day.reopened', day);
  });
}

export async function networkOverview(db: TransitDb, staff: StaffActor, now: Date) {
  manager(staff);
  const today = japanClock(now).date;
  const [stops, vehicles, hours, closed, drivers] = await Promise.all([
    db.selectFrom('transit_stops').selectAll().orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('transit_vehicles').selectAll().orderBy('id').execute(),
    db.selectFrom('transit_service_hours').selectAll().orderBy('weekday').execute(),
    db.selectFrom('transit_closed_days').selectAll().where('day', '>=', today).orderBy('day').execute(),
    db.selectFrom('transit_drivers as d').leftJoin('staff as s', 's.id', 'd.staff_id').select(['d.id', 'd.name', 'd.phone', 'd.active', 's.login_id']).orderBy('d.id').execute(),
  ]);
  return { stops, vehicles, hours, closed, drivers };
}

/** A driver and the staff login they sign in with (no department role: the driver screen only). */
export async function saveDriver(db: TransitDb, staff: StaffActor, input: { id: string; name: string; phone: string; loginId: string; active: boolean }): Promise<void> {
  manager(staff);
  const errors: FieldError[] = [];
  if (!ID.test(input.id)) errors.push({ field: 'id', messageKey: 'transit.network.id.invalid' });
  if (!input.name.trim()) errors.push({ field: 'name', messageKey: 'transit.network.name.required' });
  const account = input.loginId ? await db.selectFrom('staff').select('id').where('login_id', '=', input.loginId).executeTakeFirst() : undefined;
  if (input.loginId && !account) errors.push({ field: 'loginId', messageKey: 'transit.network.login.unknown' });
  if (errors.length) throw invalidInput(errors);
  await db.transaction().execute(async (trx) => {
    const values = { name: input.name.trim(), phone: input.phone.trim(), staff_id: account?.id ?? null, active: input.active };
    await trx.insertInto('transit_drivers').values({ id: input.id, ...values }).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
    await audit(trx, staff, 'driver.saved', input.id, { loginId: input.loginId, active: input.active });
  });
}
