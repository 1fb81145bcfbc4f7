/**
 * The operators' map: the page (server-drawn schematic and tables), the day's plan as
 * JSON for the Leaflet upgrade and the map script (Leaflet itself: platform/ui/leaflet-assets.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { StaffActor } from '../../platform/access/actor.ts';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import type { Config } from '../../platform/config/config.ts';
import { invalidInput } from '../../platform/http/errors.ts';
import { registerLeafletAssets } from '../../platform/ui/leaflet-assets.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { japanClock } from '../../platform/time/today.ts';
import { OperatorMapPage, positionText, routeStyle, type MapStop, type OperatorPlan, type PlanStopView, type VehiclePosition } from './map-views.tsx';
import { canOperate } from './policy.ts';
import type { TransitContext } from './transit-context.ts';
import type { TransitDb } from './tables.ts';
import { clock } from './trip-windows.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MAP_JS = fs.readFileSync(path.join(HERE, 'assets/operator-map.js'), 'utf8');

// ---- the day's plan ----

const DayQuery = Type.Object({ date: Type.Optional(Type.String({ maxLength: 30, description: '運行日（YYYY-MM-DD、和暦も可）。省略時は今日' })) });

/** The asked date (Western or 和暦), or today in Japan. */
function dateOf(raw: string | undefined, now: Date): string {
  if (!raw) return japanClock(now).date;
  const parsed = parseJapaneseDate(raw);
  if (!parsed.ok) throw invalidInput([{ field: 'date', messageKey: 'validation.date' }]);
  return parsed.iso;
}

async function planRows(db: TransitDb, date: string) {
  return db
    .selectFrom('transit_plan_stops as p')
    .innerJoin('transit_trips as t', 't.id', 'p.trip_id')
    .innerJoin('transit_riders as r', 'r.id', 't.rider_id')
    .innerJoin('transit_stops as s', (join) => join.on((eb) => eb('s.id', '=', eb.case().when('p.kind', '=', 'pickup').then(eb.ref('t.origin_stop_id')).else(eb.ref('t.destination_stop_id')).end())))
    .select(['p.vehicle_id', 'p.seq', 'p.kind', 'p.planned_time', 's.id as stop_id', 's.name as stop_name', 's.lat', 's.lng', 't.id as trip_id', 't.reference', 't.passengers', 't.wheelchair', 't.status', 'r.name as rider_name'])
    .where('p.service_date', '=', date)
    .where('t.status', '!=', 'cancelled')
    .orderBy('p.vehicle_id')
    .orderBy('p.seq')
    .execute();
}

/** A stop the vehicle has already been to: the rider boarded (or did not come), or got off. */
function served(stop: PlanStopView): boolean {
  if (stop.kind === 'pickup') return stop.status !== 'booked';
  return stop.status === 'completed';
}

/**
 * Where to draw a vehicle: the phone's last report if it was made on this date, else
 * the last stop it served, else its depot.
 */
function positionOf(stops: PlanStopView[], depot: MapStop | undefined, reported: { lat: number; lng: number; reported_at: Date } | undefined, date: string): VehiclePosition {
  if (reported) {
    const at = japanClock(reported.reported_at);
    if (at.date === date) return { lat: reported.lat, lng: reported.lng, source: 'reported', stopName: null, reportedAt: at.seconds };
  }
  const last = stops.filter(served).at(-1);
  if (last) return { lat: last.lat, lng: last.lng, source: 'last_stop', stopName: last.stopName, reportedAt: null };
  return { lat: depot?.lat ?? 0, lng: depot?.lng ?? 0, source: 'depot', stopName: depot?.name ?? '', reportedAt: null };
}

/** Stops, vehicles and each vehicle's planned stops in order for one date (cancelled rides left out). */
export async function loadOperatorPlan(db: TransitDb, date: string): Promise<OperatorPlan> {
  const rows = await planRows(db, date);
  const planned = [...new Set(rows.map((r) => r.vehicle_id))];
  // Vehicles and stops taken out of service still show where a plan uses them.
  const vehicles = await db
    .selectFrom('transit_vehicles')
    .selectAll()
    .where((eb) => (planned.length ? eb.or([eb('active', '=', true), eb('id', 'in', planned)]) : eb('active', '=', true)))
    .orderBy('id')
    .execute();
  const used = [...new Set([...vehicles.map((v) => v.depot_stop_id), ...rows.map((r) => r.stop_id)])];
  const stops = await db
    .selectFrom('transit_stops')
    .select(['id', 'name', 'lat', 'lng'])
    .where((eb) => (used.length ? eb.or([eb('active', '=', true), eb('id', 'in', used)]) : eb('active', '=', true)))
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  const positions = vehicles.length ? await db.selectFrom('transit_vehicle_positions').selectAll().where('vehicle_id', 'in', vehicles.map((v) => v.id)).execute() : [];
  const stopById = new Map(stops.map((s) => [s.id, s]));
  return {
    date,
    stops,
    vehicles: vehicles.map((v, i) => {
      const mine: PlanStopView[] = rows
        .filter((r) => r.vehicle_id === v.id)
        .map((r) => ({ seq: r.seq, stopId: r.stop_id, stopName: r.stop_name, lat: r.lat, lng: r.lng, time: r.planned_time, kind: r.kind, tripId: r.trip_id, reference: r.reference, riderName: r.rider_name, passengers: r.passengers, wheelchair: r.wheelchair, status: r.status }));
      const depot = stopById.get(v.depot_stop_id);
      return {
        id: v.id,
        name: v.name,
        seats: v.seats,
        wheelchairSpaces: v.wheelchair_spaces,
        depotStopId: v.depot_stop_id,
        depotName: depot?.name ?? v.depot_stop_id,
        style: routeStyle(i),
        stops: mine,
        position: positionOf(mine, depot, positions.find((p) => p.vehicle_id === v.id), date),
      };
    }),
  };
}

// ---- JSON ----

const ErrorJson = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });
const PlanJson = Type.Object({
  date: Type.String({ format: 'date' }),
  stops: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), lat: Type.Number(), lng: Type.Number() })),
  vehicles: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      depotStopId: Type.String(),
      colour: Type.String({ description: '経路の色（凡例と同じ）' }),
      dash: Type.String({ description: '経路の破線パターン（SVG stroke-dasharray、空 = 実線）' }),
      position: Type.Object({
        lat: Type.Number(),
        lng: Type.Number(),
        source: Type.Union([Type.Literal('reported'), Type.Literal('last_stop'), Type.Literal('depot')]),
        label: Type.String(),
      }),
      stops: Type.Array(
        Type.Object({
          seq: Type.Integer(),
          stopId: Type.String(),
          stopName: Type.String(),
          lat: Type.Number(),
          lng: Type.Number(),
          time: Type.Integer({ description: '予定時刻（0時からの秒、日本時間）' }),
          clock: Type.String({ description: '予定時刻 H:MM' }),
          kind: Type.Union([Type.Literal('pickup'), Type.Literal('dropoff')]),
          tripId: Type.String(),
          status: Type.String(),
          passengers: Type.Integer(),
          wheelchair: Type.Boolean(),
        }),
      ),
    }),
  ),
});

/** The plan without riders' names: the map needs places and times, not people. */
function planJson(request: FastifyRequest, plan: OperatorPlan): Static<typeof PlanJson> {
  return {
    date: plan.date,
    stops: plan.stops.map((s) => ({ id: s.id, name: s.name, lat: s.lat, lng: s.lng })),
    vehicles: plan.vehicles.map((v) => ({
      id: v.id,
      name: v.name,
      depotStopId: v.depotStopId,
      colour: v.style.colour,
      dash: v.style.dash,
      position: { lat: v.position.lat, lng: v.position.lng, source: v.position.source, label: positionText(request, v.position) },
      stops: v.stops.map((s) => ({ seq: s.seq, stopId: s.stopId, stopName: s.stopName, lat: s.lat, lng: s.lng, time: s.time, clock: clock(s.time), kind: s.kind, tripId: s.tripId, status: s.status, passengers: s.passengers, wheelchair: s.wheelchair })),
    })),
  };
}

function operator(request: FastifyRequest): StaffActor {
  const staff = requireStaff(request.staff);
  requireAccess(canOperate(staff), 'forbidden');
  return staff;
}

export async function registerMapRoutes(app: FastifyInstance, ctx: TransitContext, config: Config): Promise<void> {
  registerLeafletAssets(app);
  const tiles = { url: config.mapTileUrl, attribution: config.mapTileAttribution };

  app.get('/assets/transit/operator-map.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(MAP_JS),
  );

  app.get('/staff/transit/map', { schema: { querystring: DayQuery, hide: true } }, async (request, reply) => {
    operator(request);
    const date = dateOf((request.query as Static<typeof DayQuery>).date, ctx.now());
    const plan = await loadOperatorPlan(ctx.db, date);
    return reply.html(<OperatorMapPage ctx={viewContext(request)} plan={plan} tiles={tiles} />);
  });

  app.get(
    '/api/transit/plan',
    { schema: { tags: ['transit'], summary: '運行日の停留所・車両・各車両の停車予定（運行管理の職員のみ）', querystring: DayQuery, response: { 200: PlanJson, 400: ErrorJson, 401: ErrorJson, 403: ErrorJson } } },
    async (request) => {
      operator(request);
      const date = dateOf((request.query as Static<typeof DayQuery>).date, ctx.now());
      return planJson(request, await loadOperatorPlan(ctx.db, date));
    },
  );
}
