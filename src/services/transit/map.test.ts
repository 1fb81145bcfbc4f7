import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { StaffActor } from '../../platform/access/actor.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import { japanClock, japanInstant } from '../../platform/time/today.ts';
import { bookTrip, quoteTrip, type TripInput } from './booking-service.ts';
import { transitDb } from './tables.ts';
import { transitContext } from './transit-context.ts';
import { nextWeekday } from './transit-test-kit.ts';

const H = 3600;
// A weekday at 08:00 in Japan: the map's "today", with rides bookable from 08:30.
const DAY = nextWeekday(japanClock().date, 1);
const now = japanInstant(DAY, 8 * H);
let t: TestApp;
let operator: BrowserSession;
let trip: { id: string; reference: string };

const db = () => transitDb(t.db.kysely);

/** The demo transport clerk as an actor, so the booking's booked_by_staff_id is a real staff row. */
async function clerk(): Promise<StaffActor> {
  const row = await db().selectFrom('staff').select(['id', 'display_name']).where('login_id', '=', 'kotsu.tanto').executeTakeFirstOrThrow();
  return { kind: 'staff', id: row.id, loginId: 'kotsu.tanto', displayName: row.display_name, roles: [{ department: 'transport', role: 'clerk' }] };
}

async function bookRide(riderName: string, input: TripInput) {
  const ctx = transitContext(t.platform);
  const actor = await clerk();
  const { id: riderId } = await db()
    .insertInto('transit_riders')
    .values({ name: riderName, name_kana: 'マエサワ タロウ', kana_key: 'マエサワタロウ', phone: '09012345678', email: null, wheelchair: input.wheelchair, resident_account_id: null, created_by_staff_id: actor.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const quote = await quoteTrip(ctx, actor, riderId, input, 'phone');
  assert.ok(quote.ok, JSON.stringify(quote));
  const offer = quote.offers[0]!;
  return bookTrip(ctx, actor, { riderId, input, pickup: offer.pickup, dropoff: offer.dropoff, idempotencyKey: `map-${riderName}`, channel: 'phone' });
}

before(async () => {
  t = await createTestApp({ now: () => now });
  trip = await bookRide('前沢 太郎', { date: DAY, originStopId: 'shirayama', destinationStopId: 'magokoro-hospital', kind: 'depart', time: 10 * H, passengers: 2, wheelchair: true });
  operator = t.browser();
  await operator.loginStaff('kotsu.tanto');
});
after(() => t.close());

test('the map page draws stops and routes in an SVG and lists each vehicle’s stops with the riders', async () => {
  const page = await operator.get(`/staff/transit/map?date=${DAY}`);
  assert.equal(page.statusCode, 200);
  const html = page.body;
  assert.match(html, /<h1>運行地図/);
  assert.match(html, /<svg[^>]*role="img"[^>]*aria-labelledby="transit-map-title transit-map-desc"/);
  assert.match(html, /<title id="transit-map-title">[^<]*停留所と各車両の経路（模式図）<\/title>/);
  assert.match(html, /<desc id="transit-map-desc">[^<]*白山地区センター → まごころ病院/, 'the route is also told in words');
  assert.match(html, /<polyline[^>]*stroke-dasharray=|<polyline[^>]*stroke=/);
  const stops = await db().selectFrom('transit_stops').select('id').where('active', '=', true).execute();
  assert.equal((html.match(/<circle /g) ?? []).length, stops.length, 'one circle per stop');
  assert.match(html, /白山地区センター/);

  const booked = await db().selectFrom('transit_trips').innerJoin('transit_vehicles', 'transit_vehicles.id', 'transit_trips.vehicle_id').select(['transit_vehicles.name', 'planned_pickup']).where('transit_trips.id', '=', trip.id).executeTakeFirstOrThrow();
  assert.match(html, new RegExp(`<caption[^>]*>${booked.name}の停車予定</caption>`));
  assert.match(html, new RegExp(`href="/staff/transit/trips/${trip.id}">前沢 太郎</a>`));
  assert.match(html, /<td>乗車<\/td>/);
  assert.match(html, /<td>降車<\/td>/);
  assert.match(html, />2人</);
  assert.match(html, /<td>あり<\/td>/, 'wheelchair shown');
  const clock = `${Math.floor(booked.planned_pickup! / 3600)}:${String(Math.floor((booked.planned_pickup! % 3600) / 60)).padStart(2, '0')}`;
  assert.ok(html.includes(`<td>${clock}</td>`), `planned pickup time ${clock}`);
  assert.match(html, /の経路：実線/, 'legend names the line pattern, not only the colour');
  assert.match(html, /の経路：破線/);

  // Progressive enhancement only: no inline script or style for the CSP to block.
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
  assert.doesNotMatch(html, /\sstyle="/);
  assert.match(html, /<script src="\/assets\/vendor\/leaflet\/leaflet.js" defer/);
  assert.match(html, /data-operator-map[^>]*data-plan-url="\/api\/transit\/plan\?date=/);
  assert.doesNotMatch(html, /data-tile-url=/, 'tests run without tiles');
  assert.match(html, new RegExp(`data-transit-live="?[^>]*data-date="${DAY}"`));
});

test('the map defaults to today in Japan, accepts 和暦 and refuses a nonsense date', async () => {
  const today = await operator.get('/staff/transit/map');
  assert.equal(today.statusCode, 200);
  assert.match(today.body, new RegExp(`data-date="${DAY}"`));
  const [y, m, d] = DAY.split('-').map(Number);
  const written = await operator.get(`/staff/transit/map?date=${encodeURIComponent(`${y}年${m}月${d}日`)}`);
  assert.equal(written.statusCode, 200);
  assert.match(written.body, new RegExp(`data-date="${DAY}"`));
  const bad = await operator.get('/staff/transit/map?date=someday');
  assert.equal(bad.statusCode, 400);
});

test('staff outside transport get 403 for the page and the plan; no login gets a login', async () => {
  const clerkOfCitizens = t.browser();
  await clerkOfCitizens.loginStaff('shimin.tanto');
  assert.equal((await clerkOfCitizens.get(`/staff/transit/map?date=${DAY}`)).statusCode, 403);
  const api = await clerkOfCitizens.get(`/api/transit/plan?date=${DAY}`);
  assert.equal(api.statusCode, 403);
  assert.equal(api.json().error.code, 'forbidden');
  assert.equal((await t.browser().get(`/api/transit/plan?date=${DAY}`)).statusCode, 401);
  assert.equal((await t.browser().get(`/staff/transit/map?date=${DAY}`)).statusCode, 303);
});

test('the plan API gives stops, vehicles and ordered stops with places and times, but no names of riders', async () => {
  const response = await operator.get(`/api/transit/plan?date=${DAY}`);
  assert.equal(response.statusCode, 200);
  const plan = response.json();
  assert.equal(plan.date, DAY);
  assert.equal(plan.stops.length, (await db().selectFrom('transit_stops').select('id').where('active', '=', true).execute()).length);
  assert.deepEqual(Object.keys(plan.stops[0]).sort(), ['id', 'lat', 'lng', 'name']);
  assert.equal(plan.vehicles.length, 4);
  const styles = new Set(plan.vehicles.map((v: { colour: string; dash: string }) => `${v.colour} ${v.dash}`));
  assert.equal(styles.size, 4, 'each vehicle has its own line');
  type Stop = { seq: number; kind: string; stopId: string; tripId: string; time: number; clock: string; lat: number };
  const withTrip = plan.vehicles.find((v: { stops: Stop[] }) => v.stops.some((s) => s.tripId === trip.id));
  assert.ok(withTrip, 'the booked ride is on a vehicle');
  const seqs = withTrip.stops.map((s: Stop) => s.seq);
  assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), 'stops in driving order');
  const mine = withTrip.stops.filter((s: Stop) => s.tripId === trip.id);
  assert.deepEqual(mine.map((s: Stop) => `${s.kind}:${s.stopId}`), ['pickup:shirayama', 'dropoff:magokoro-hospital']);
  const [pickup, dropoff] = mine;
  assert.ok(pickup.time < dropoff.time);
  assert.match(pickup.clock, /^\d{1,2}:\d{2}$/);
  assert.equal(typeof pickup.lat, 'number');
  assert.equal(withTrip.position.source, 'depot');
  assert.doesNotMatch(response.body, /前沢 太郎/);
});

test('a vehicle is drawn where its phone last reported, on that day', async () => {
  await db().insertInto('transit_vehicle_positions').values({ vehicle_id: 'maesawa-3', lat: 39.05, lng: 141.11, reported_at: japanInstant(DAY, 9 * H + 5 * 60) }).execute();
  const plan = (await operator.get(`/api/transit/plan?date=${DAY}`)).json();
  const sedan = plan.vehicles.find((v: { id: string }) => v.id === 'maesawa-3');
  assert.deepEqual(sedan.position, { lat: 39.05, lng: 141.11, source: 'reported', label: '現在地：9:05に受信した位置' });
  const page = await operator.get(`/staff/transit/map?date=${DAY}`);
  assert.match(page.body, /現在地：9:05に受信した位置/);
  const otherDay = (await operator.get(`/api/transit/plan?date=${nextWeekday(DAY, 1)}`)).json();
  assert.equal(otherDay.vehicles.find((v: { id: string }) => v.id === 'maesawa-3').position.source, 'depot', 'a position from another day is not shown');
});

test('Leaflet and the map script are served from the app itself', async () => {
  const js = await operator.get('/assets/vendor/leaflet/leaflet.js');
  assert.equal(js.statusCode, 200);
  assert.match(String(js.headers['content-type']), /javascript/);
  const css = await operator.get('/assets/vendor/leaflet/leaflet.css');
  assert.match(String(css.headers['content-type']), /text\/css/);
  const icon = await operator.get('/assets/vendor/leaflet/images/marker-icon.png');
  assert.equal(icon.statusCode, 200);
  assert.equal(icon.headers['content-type'], 'image/png');
  assert.equal((await operator.get('/assets/vendor/leaflet/../package.json')).statusCode, 404);
  assert.equal((await operator.get('/assets/vendor/leaflet/nothing.js')).statusCode, 404);
  const script = await operator.get('/assets/transit/operator-map.js');
  assert.equal(script.statusCode, 200);
  assert.match(script.body, /data-operator-map/);
});
