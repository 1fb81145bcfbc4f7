/** Reading rides for pages: a ride with its stop and vehicle names, a rider's rides, a day's rides. */
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import type { TripView } from './booking-views.tsx';
import { canActForRider } from './policy.ts';
import type { TransitDb } from './tables.ts';
import { isUuid } from '../../platform/http/ids.ts';

function tripSelect(db: TransitDb) {
  return db
    .selectFrom('transit_trips as t')
    .innerJoin('transit_riders as r', 'r.id', 't.rider_id')
    .innerJoin('transit_stops as o', 'o.id', 't.origin_stop_id')
    .innerJoin('transit_stops as d', 'd.id', 't.destination_stop_id')
    .leftJoin('transit_vehicles as v', 'v.id', 't.vehicle_id')
    .select([
      't.id',
      't.reference',
      't.service_date',
      'o.name as origin',
      'd.name as destination',
      't.origin_stop_id',
      't.destination_stop_id',
      't.request_kind',
      't.requested_time',
      't.passengers',
      't.wheelchair',
      't.pickup_early',
      't.pickup_late',
      't.dropoff_late',
      't.planned_pickup',
      't.planned_dropoff',
      't.status',
      'v.name as vehicle',
      't.vehicle_id',
      't.channel',
      't.rider_id',
      'r.name as rider_name',
      'r.name_kana as rider_kana',
      'r.phone as rider_phone',
      'r.needs_assistance',
      'r.resident_account_id',
    ]);
}

export type TripRow = Awaited<ReturnType<typeof loadTrip>>;

async function loadTrip(db: TransitDb, tripId: string) {
  return tripSelect(db).where('t.id', '=', tripId).executeTakeFirst();
}

/** A ride its rider (or an operator) may see; anyone else gets 404. */
export async function tripForView(db: TransitDb, actor: Actor, tripId: string): Promise<NonNullable<TripRow> & TripView> {
  const trip = isUuid(tripId) ? await loadTrip(db, tripId) : undefined;
  requireAccess(trip !== undefined && canActForRider(actor, trip));
  return trip!;
}

export async function tripsOfRider(db: TransitDb, riderId: string, fromDate: string) {
  return tripSelect(db).where('t.rider_id', '=', riderId).where('t.service_date', '>=', fromDate).orderBy('t.service_date').orderBy('t.pickup_early').limit(50).execute();
}

export async function tripsOfDay(db: TransitDb, date: string) {
  return tripSelect(db).where('t.service_date', '=', date).orderBy('t.pickup_early').orderBy('t.reference').execute();
}
