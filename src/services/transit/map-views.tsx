/**
 * The operators' map page. The server draws a schematic SVG (stops, each vehicle's
 * route, where each vehicle is) and one table per vehicle, so the page is complete
 * without JavaScript and without map tiles; operator-map.js may then put a Leaflet
 * map above it. Routes differ by colour and by dash pattern, named in the legend,
 * so colour is never the only cue.
 */
import { Button } from '../../platform/ui/components/button.tsx';
import { DateInput } from '../../platform/ui/components/form-fields.tsx';
import { Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { addDays } from '../../platform/time/today.ts';
import { dayLabel, TripStatusTag } from './booking-views.tsx';
import { transitCrumbs } from './resident-views.tsx';
import type { TripStatus } from './tables.ts';
import { clock } from './trip-windows.ts';

export interface MapStop {
  id: string;
  name: string;
  lat: number;
  lng: number;
}

export interface PlanStopView {
  seq: number;
  stopId: string;
  stopName: string;
  lat: number;
  lng: number;
  time: number;
  kind: 'pickup' | 'dropoff';
  tripId: string;
  reference: string;
  riderName: string;
  passengers: number;
  wheelchair: boolean;
  status: TripStatus;
}

export type PositionSource = 'reported' | 'last_stop' | 'depot';

export interface VehiclePosition {
  lat: number;
  lng: number;
  source: PositionSource;
  /** The stop (last served or depot), or null for a reported position. */
  stopName: string | null;
  /** Seconds after midnight (Japan time) of a reported position. */
  reportedAt: number | null;
}

export interface RouteStyle {
  colour: string;
  /** SVG / Leaflet dash array; '' = solid. */
  dash: string;
  pattern: 'solid' | 'dashed' | 'dotted' | 'dashDot' | 'shortDash' | 'longDash';
}

export interface VehiclePlanView {
  id: string;
  name: string;
  seats: number;
  wheelchairSpaces: number;
  depotStopId: string;
  depotName: string;
  style: RouteStyle;
  stops: PlanStopView[];
  position: VehiclePosition;
}

export interface OperatorPlan {
  date: string;
  stops: MapStop[];
  vehicles: VehiclePlanView[];
}

/**
 * Okabe–Ito based colours darkened to at least 3:1 against white (WCAG non-text
 * contrast), each paired with its own dash pattern.
 */
const ROUTE_STYLES: RouteStyle[] = [
  { colour: '#0072B2', dash: '', pattern: 'solid' },
  { colour: '#B34700', dash: '12 6', pattern: 'dashed' },
  { colour: '#007A5A', dash: '1 7', pattern: 'dotted' },
  { colour: '#8B3A8B', dash: '14 6 1 6', pattern: 'dashDot' },
  { colour: '#1A1A1A', dash: '5 5', pattern: 'shortDash' },
  { colour: '#6B5B00', dash: '22 8', pattern: 'longDash' },
];

export const routeStyle = (index: number): RouteStyle => ROUTE_STYLES[index % ROUTE_STYLES.length]!;

/** What the position line under a vehicle says, also used by the JSON for tooltips. */
export function positionText(ctx: Pick<ViewContext, 't'>, position: VehiclePosition): string {
  if (position.source === 'reported') return ctx.t('transit.map.position.reported', { time: clock(position.reportedAt ?? 0) });
  return ctx.t(`transit.map.position.${position.source}`, { stop: position.stopName ?? '' });
}


// ---- schematic SVG ----

const SVG_WIDTH = 640;
const SVG_PAD = 28;
const LABEL_ROOM = 150;

/**
 * Equirectangular projection of the points into the SVG: at a city's scale the
 * earth is flat enough, once longitude is shrunk by cos(latitude).
 */
function projection(points: { lat: number; lng: number }[]) {
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const [minLng, maxLng] = [Math.min(...lngs), Math.max(...lngs)];
  const shrink = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLng - minLng) * shrink, 1e-4);
  const spanY = Math.max(maxLat - minLat, 1e-4);
  const scale = (SVG_WIDTH - 2 * SVG_PAD - LABEL_ROOM) / spanX;
  const height = Math.round(Math.min(Math.max(spanY * scale + 2 * SVG_PAD, 240), 720));
  const scaleY = Math.min(scale, (height - 2 * SVG_PAD) / spanY);
  return {
    height,
    at: (p: { lat: number; lng: number }): [number, number] => [
      Math.round((SVG_PAD + (p.lng - minLng) * shrink * scale) * 10) / 10,
      Math.round((SVG_PAD + (maxLat - p.lat) * scaleY) * 10) / 10,
    ],
  };
}

/** The points a vehicle's route passes: its depot, then the planned stops in order. */
function routePoints(vehicle: VehiclePlanView, stopById: Map<string, MapStop>): { lat: number; lng: number }[] {
  const depot = stopById.get(vehicle.depotStopId);
  return [...(depot ? [depot] : []), ...vehicle.stops];
}

/** Consecutive stops at one place are one visit: "A → B → B → C" reads "A → B → C". */
function routeNames(vehicle: VehiclePlanView): string {
  const names = [vehicle.depotName, ...vehicle.stops.map((s) => s.stopName)];
  return names.filter((n, i) => i === 0 || n !== names[i - 1]).join(' → ');
}

function Schematic(props: { ctx: ViewContext; plan: OperatorPlan }) {
  const { ctx, plan } = props;
  const t = ctx.t;
  const stopById = new Map(plan.stops.map((s) => [s.id, s]));
  const points = [...plan.stops, ...plan.vehicles.map((v) => v.position)];
  if (points.length === 0) return null;
  const { height, at } = projection(points);
  // Vehicles sharing a road would hide each other: shift each line a little.
  const offset = (i: number) => (i - (plan.vehicles.length - 1) / 2) * 3;
  const title = t('transit.map.svg.title', { date: dayLabel(ctx, plan.date) });
  const routes = plan.vehicles.map((v) => (v.stops.length ? t('transit.map.svg.route', { vehicle: v.name, route: routeNames(v) }) : t('transit.map.svg.noRoute', { vehicle: v.name })));
  return (
    <figure class="chart" data-map-schematic>
      <svg viewBox={`0 0 ${SVG_WIDTH} ${height}`} role="img" aria-labelledby="transit-map-title transit-map-desc" class="chart-svg">
        <title id="transit-map-title">{title}</title>
        <desc id="transit-map-desc">{[t('transit.map.svg.summary', { stops: plan.stops.length, vehicles: plan.vehicles.length }), ...routes].join('　')}</desc>
        <rect x="0" y="0" width={SVG_WIDTH} height={height} fill="#ffffff" stroke="#767676" />
        {plan.vehicles.map((v, i) => {
          const line = routePoints(v, stopById).map(at);
          if (line.length < 2) return null;
          return (
            <polyline
              points={line.map(([x, y]) => `${x + offset(i)},${y + offset(i)}`).join(' ')}
              fill="none"
              stroke={v.style.colour}
              stroke-width="3"
              stroke-linecap="round"
              stroke-linejoin="round"
              stroke-dasharray={v.style.dash || undefined}
            />
          );
        })}
        {plan.stops.map((s) => {
          const [x, y] = at(s);
          return (
            <g>
              <circle cx={x} cy={y} r="5" fill="#ffffff" stroke="#1a1a1a" stroke-width="2" />
              <text x={x + 8} y={y + 4} class="chart-label">
                {s.name}
              </text>
            </g>
          );
        })}
        {plan.vehicles.map((v) => {
          const [x, y] = at(v.position);
          return <rect x={x - 5} y={y - 5} width="10" height="10" fill={v.style.colour} stroke="#ffffff" stroke-width="1.5" />;
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

/** A short sample of a route's line, for the legend and the vehicle headings. */
function RouteSwatch(props: { style: RouteStyle }) {
  return (
    <svg width="48" height="12" viewBox="0 0 48 12" aria-hidden="true" focusable="false">
      <line x1="3" y1="6" x2="45" y2="6" stroke={props.style.colour} stroke-width="3" stroke-linecap="round" stroke-dasharray={props.style.dash || undefined} />
    </svg>
  );
}

function Legend(props: { ctx: ViewContext; vehicles: VehiclePlanView[] }) {
  const t = props.ctx.t;
  return (
    <>
      <h3>{t('transit.map.legend')}</h3>
      <ul class="plain-list">
        <li>{t('transit.map.legend.stop')}</li>
        <li>{t('transit.map.legend.vehicle')}</li>
        {props.vehicles.map((v) => (
          <li>
            <RouteSwatch style={v.style} /> {t('transit.map.legend.route', { vehicle: v.name, pattern: t(`transit.map.pattern.${v.style.pattern}`) })}
          </li>
        ))}
      </ul>
    </>
  );
}

// ---- tables ----

function VehicleTable(props: { ctx: ViewContext; vehicle: VehiclePlanView }) {
  const { ctx, vehicle } = props;
  const t = ctx.t;
  const headingId = `vehicle-${vehicle.id}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        <RouteSwatch style={vehicle.style} /> {vehicle.name}
      </h3>
      <p>
        {t('transit.map.vehicle.facts', { seats: vehicle.seats, wheelchair: vehicle.wheelchairSpaces, depot: vehicle.depotName })}
        <br />
        {positionText(ctx, vehicle.position)}
      </p>
      <Table
        caption={t('transit.map.table.caption', { vehicle: vehicle.name })}
        columns={[
          { header: t('transit.map.col.order'), cell: (s: PlanStopView) => String(s.seq + 1), numeric: true },
          { header: t('transit.map.col.time'), cell: (s) => clock(s.time) },
          { header: t('transit.map.col.stop'), cell: (s) => s.stopName },
          { header: t('transit.map.col.action'), cell: (s) => t(`transit.map.kind.${s.kind}`) },
          { header: t('transit.map.col.rider'), cell: (s) => <a href={`/staff/transit/trips/${s.tripId}`}>{s.riderName}</a> },
          { header: t('transit.map.col.passengers'), cell: (s) => t('transit.map.people', { n: s.passengers }), numeric: true },
          { header: t('transit.map.col.wheelchair'), cell: (s) => t(s.wheelchair ? 'transit.map.wheelchair.yes' : 'transit.map.wheelchair.no') },
          { header: t('transit.map.col.status'), cell: (s) => <TripStatusTag ctx={ctx} status={s.status} /> },
        ]}
        rows={vehicle.stops}
        empty={t('transit.map.noStops')}
      />
    </section>
  );
}

// ---- page ----

export interface MapTiles {
  url: string | null;
  attribution: string;
}

function DayNavigation(props: { ctx: ViewContext; date: string }) {
  const t = props.ctx.t;
  return (
    <>
      <form method="get" action="/staff/transit/map" class="inline-form">
        <DateInput name="date" label={t('transit.map.date')} hint={t('transit.map.date.hint')} value={props.date} />
        <Button variant="secondary">{t('transit.map.show')}</Button>
      </form>
      <ul class="inline-list">
        <li>
          <a href={`/staff/transit/map?date=${addDays(props.date, -1)}`}>{t('transit.map.prevDay')}</a>
        </li>
        <li>
          <a href={`/staff/transit/map?date=${addDays(props.date, 1)}`}>{t('transit.map.nextDay')}</a>
        </li>
        <li>
          <a href={`/staff/transit?date=${props.date}`}>{t('transit.map.backToDay')}</a>
        </li>
      </ul>
    </>
  );
}

/** Where operator-map.js draws the Leaflet map; hidden until it has something to show. */
function LeafletHost(props: { ctx: ViewContext; date: string; tiles: MapTiles }) {
  const t = props.ctx.t;
  return (
    <div
      data-operator-map
      data-plan-url={`/api/transit/plan?date=${props.date}`}
      data-css="/assets/vendor/leaflet/leaflet.css"
      data-tile-url={props.tiles.url ?? undefined}
      data-tile-attribution={props.tiles.url ? props.tiles.attribution : undefined}
      data-zoom-in={t('transit.map.zoomIn')}
      data-zoom-out={t('transit.map.zoomOut')}
      role="region"
      aria-label={t('transit.map.leaflet.label')}
      hidden
    />
  );
}

export function OperatorMapPage(props: { ctx: ViewContext; plan: OperatorPlan; tiles: MapTiles }) {
  const ctx = props.ctx;
  const t = ctx.t;
  const { plan } = props;
  const title = t('transit.map.title');
  const heading = t('transit.map.heading', { date: dayLabel(ctx, plan.date) });
  const src = `/staff/transit/map?date=${plan.date}`;
  return (
    <Page
      ctx={ctx}
      shell="staff"
      title={heading}
      breadcrumbs={transitCrumbs(ctx, title, 'staff')}
      scripts={['/assets/vendor/leaflet/leaflet.js', '/assets/transit/live.js', '/assets/transit/operator-map.js']}
    >
      <h1>{heading}</h1>
      <DayNavigation ctx={ctx} date={plan.date} />
      <p>{t('transit.live.lead')}</p>
      <h2>{t('transit.map.mapHeading')}</h2>
      <LeafletHost ctx={ctx} date={plan.date} tiles={props.tiles} />
      <div data-transit-live data-date={plan.date} data-src={src} data-live-updated={t('transit.live.updated')}>
        <Schematic ctx={ctx} plan={plan} />
        <Legend ctx={ctx} vehicles={plan.vehicles} />
        <h2>{t('transit.map.vehicles')}</h2>
        {plan.vehicles.length ? plan.vehicles.map((v) => <VehicleTable ctx={ctx} vehicle={v} />) : <p>{t('transit.map.noVehicles')}</p>}
      </div>
    </Page>
  );
}
