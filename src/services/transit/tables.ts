/** Kysely row types of the on-demand bus tables (migrations/0300-transit.sql). */
import type { Generated, Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';

export type TripStatus = 'booked' | 'boarded' | 'completed' | 'no_show' | 'cancelled';
export type BookingChannel = 'web' | 'phone';
export type RequestKind = 'depart' | 'arrive';

export type TransitTables = {
  transit_stops: { id: string; name: string; name_kana: string; lat: number; lng: number; description: Generated<string>; active: Generated<boolean>; sort_order: Generated<number> };
  transit_service_hours: { weekday: number; opens_at: number; closes_at: number };
  transit_closed_days: { day: string; reason: string };
  transit_vehicles: { id: string; name: string; seats: number; wheelchair_spaces: Generated<number>; depot_stop_id: string; active: Generated<boolean> };
  transit_drivers: { id: string; name: string; phone: Generated<string>; staff_id: string | null; active: Generated<boolean> };
  transit_shifts: { service_date: string; vehicle_id: string; driver_id: string | null };
  transit_riders: {
    id: Generated<string>;
    resident_account_id: string | null;
    name: string;
    name_kana: string;
    kana_key: string;
    phone: string;
    email: string | null;
    wheelchair: Generated<boolean>;
    needs_assistance: Generated<boolean>;
    notes: Generated<string>;
    created_by_staff_id: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  transit_trips: {
    id: Generated<string>;
    reference: string;
    rider_id: string;
    service_date: string;
    origin_stop_id: string;
    destination_stop_id: string;
    passengers: number;
    wheelchair: boolean;
    request_kind: RequestKind;
    requested_time: number;
    pickup_early: number;
    pickup_late: number;
    dropoff_early: number;
    dropoff_late: number;
    max_ride: number;
    service_seconds: number;
    vehicle_id: string | null;
    planned_pickup: number | null;
    planned_dropoff: number | null;
    status: Generated<TripStatus>;
    channel: BookingChannel;
    booked_by_staff_id: string | null;
    idempotency_key: string;
    boarded_at: number | null;
    dropped_at: number | null;
    cancelled_reason: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  transit_plan_stops: { service_date: string; vehicle_id: string; seq: number; trip_id: string; kind: 'pickup' | 'dropoff'; planned_time: number };
  transit_refusals: {
    id: Generated<number>;
    service_date: string;
    origin_stop_id: string | null;
    destination_stop_id: string | null;
    requested_time: number | null;
    passengers: number | null;
    reason: string;
    channel: BookingChannel;
    created_at: Generated<Date>;
  };
  transit_optimisations: {
    id: Generated<number>;
    service_date: string;
    trips: number;
    cost_before: number;
    cost_after: number;
    applied: boolean;
    note: Generated<string>;
    seconds: number;
    created_at: Generated<Date>;
  };
  transit_events: { id: Generated<number>; service_date: string; kind: string; trip_id: string | null; vehicle_id: string | null; created_at: Generated<Date> };
  transit_vehicle_positions: { vehicle_id: string; lat: number; lng: number; reported_at: Generated<Date> };
};

export type TransitDb = Kysely<PlatformTables & TransitTables>;

export function transitDb(db: Kysely<PlatformTables>): TransitDb {
  return db.withTables<TransitTables>();
}
