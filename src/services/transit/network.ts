/**
 * The bus network as the planner sees it on one day: active stops with their travel
 * matrix, active vehicles, the service hours, and whether a date can be booked at all.
 */
import { addDays, isoWeekday, japanClock } from '../../platform/time/today.ts';
import type { TransitDb } from './tables.ts';
import type { TravelMatrix, TravelModel } from './travel-model.ts';
import { TRIP_RULES } from './trip-windows.ts';

export interface StopInfo {
  id: string;
  name: string;
  nameKana: string;
  lat: number;
  lng: number;
  description: string;
}

export interface VehicleInfo {
  id: string;
  name: string;
  seats: number;
  wheelchairSpaces: number;
  depotStopId: string;
}

export interface Network {
  stops: StopInfo[];
  stopById: Map<string, StopInfo>;
  vehicles: VehicleInfo[];
  matrix: TravelMatrix;
}

export async function loadNetwork(db: TransitDb, travel: TravelModel): Promise<Network> {
  const stops = await db.selectFrom('transit_stops').selectAll().where('active', '=', true).orderBy('sort_order').orderBy('id').execute();
  const vehicles = await db.selectFrom('transit_vehicles').selectAll().where('active', '=', true).orderBy('id').execute();
  // Depots of active vehicles take part in the matrix even when no longer offered to riders.
  const depotIds = new Set(vehicles.map((v) => v.depot_stop_id));
  const missing = [...depotIds].filter((id) => !stops.some((s) => s.id === id));
  const depots = missing.length ? await db.selectFrom('transit_stops').selectAll().where('id', 'in', missing).execute() : [];
  const all = [...stops, ...depots];
  const matrix = await travel.matrix(all.map((s) => ({ id: s.id, lat: s.lat, lng: s.lng })));
  const info = stops.map((s) => ({ id: s.id, name: s.name, nameKana: s.name_kana, lat: s.lat, lng: s.lng, description: s.description }));
  return {
    stops: info,
    stopById: new Map(all.map((s) => [s.id, { id: s.id, name: s.name, nameKana: s.name_kana, lat: s.lat, lng: s.lng, description: s.description }])),
    vehicles: vehicles.map((v) => ({ id: v.id, name: v.name, seats: v.seats, wheelchairSpaces: v.wheelchair_spaces, depotStopId: v.depot_stop_id })),
    matrix,
  };
}

export type DayStatus =
  | { open: true; opens: number; closes: number }
  | { open: false; reason: 'closed_weekday' | 'closed_day'; note?: string };

export async function serviceDay(db: TransitDb, date: string): Promise<DayStatus> {
  const closed = await db.selectFrom('transit_closed_days').select('reason').where('day', '=', date).executeTakeFirst();
  if (closed) return { open: false, reason: 'closed_day', note: closed.reason };
  const hours = await db.selectFrom('transit_service_hours').selectAll().where('weekday', '=', isoWeekday(date)).executeTakeFirst();
  if (!hours) return { open: false, reason: 'closed_weekday' };
  return { open: true, opens: hours.opens_at, closes: hours.closes_at };
}

export type BookableDay =
  | { ok: true; opens: number; closes: number; earliestPickup: number; isToday: boolean }
  | { ok: false; reason: 'past' | 'too_far_ahead' | 'closed_weekday' | 'closed_day' | 'too_late_today'; note?: string };

/** Whether `date` can still take bookings at `now`, and from what time. */
export async function bookableDay(db: TransitDb, date: string, now: Date): Promise<BookableDay> {
  const clock = japanClock(now);
  if (date < clock.date) return { ok: false, reason: 'past' };
  if (date > addDays(clock.date, TRIP_RULES.horizonDays)) return { ok: false, reason: 'too_far_ahead' };
  const day = await serviceDay(db, date);
  if (!day.open) return { ok: false, reason: day.reason, ...(day.note ? { note: day.note } : {}) };
  const isToday = date === clock.date;
  const earliestPickup = isToday ? Math.max(day.opens, clock.seconds + TRIP_RULES.leadSeconds) : day.opens;
  if (earliestPickup >= day.closes) return { ok: false, reason: 'too_late_today' };
  return { ok: true, opens: day.opens, closes: day.closes, earliestPickup, isToday };
}
