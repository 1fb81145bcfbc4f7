import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { japanClock, japanInstant } from '../../platform/time/today.ts';
import { transitDb } from './tables.ts';
import { nextWeekday } from './transit-test-kit.ts';

const DAY = nextWeekday(japanClock().date, 1);
let t: TestApp;
before(async () => {
  t = await createTestApp({ now: () => japanInstant(DAY, 7 * 3600) });
});
after(() => t.close());
const db = () => transitDb(t.db.kysely);

test('only managers of the division edit the network', async () => {
  const clerk = t.browser();
  await clerk.loginStaff('kotsu.tanto');
  assert.equal((await clerk.get('/staff/transit/network')).statusCode, 403);
  const manager = t.browser();
  await manager.loginStaff('kotsu.kacho');
  const page = await manager.get('/staff/transit/network');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /JR前沢駅/);
});

test('a stop with a typo in its coordinates is refused, a good one is added and offered to riders', async () => {
  const m = t.browser();
  await m.loginStaff('kotsu.kacho');
  const bad = await m.post('/staff/transit/network/stops', { id: 'Bad Id', name: '', nameKana: '', lat: '3.905', lng: '141.12', description: '', active: 'yes' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /識別子は半角英小文字/);
  assert.match(bad.body, /緯度は奥州市内の値/);
  assert.match(bad.body, /value="3.905"/, 'what was typed is kept');
  const good = await m.post('/staff/transit/network/stops', { id: 'maesawa-library', name: '前沢図書館', nameKana: 'まえさわとしょかん', lat: '39.0515', lng: '141.1190', description: '入口前', active: 'yes' });
  assert.equal(good.statusCode, 303);
  const stops = await t.app.inject({ method: 'GET', url: '/api/transit/stops' });
  assert.ok(stops.json().stops.some((s: { id: string }) => s.id === 'maesawa-library'));
});

test('a vehicle or stop still planned for booked rides cannot be taken out; seats cannot drop below the booked load', async () => {
  const trip = await db().selectFrom('transit_trips').select(['vehicle_id', 'origin_stop_id', 'reference']).where('service_date', '>=', DAY).where('status', '=', 'booked').executeTakeFirstOrThrow();
  const vehicle = await db().selectFrom('transit_vehicles').selectAll().where('id', '=', trip.vehicle_id!).executeTakeFirstOrThrow();
  const stop = await db().selectFrom('transit_stops').selectAll().where('id', '=', trip.origin_stop_id).executeTakeFirstOrThrow();
  const m = t.browser();
  await m.loginStaff('kotsu.kacho');
  const off = await m.post('/staff/transit/network/vehicles', { id: vehicle.id, name: vehicle.name, seats: String(vehicle.seats), wheelchairSpaces: String(vehicle.wheelchair_spaces), depotStopId: vehicle.depot_stop_id });
  assert.equal(off.statusCode, 409);
  assert.match(off.body, /予約済みの便に影響します/);
  const one = await m.post('/staff/transit/network/vehicles', { id: vehicle.id, name: vehicle.name, seats: '0', wheelchairSpaces: '0', depotStopId: vehicle.depot_stop_id, active: 'yes' });
  assert.equal(one.statusCode, 400);
  const stopOff = await m.post('/staff/transit/network/stops', { id: stop.id, name: stop.name, nameKana: stop.name_kana, lat: String(stop.lat), lng: String(stop.lng), description: stop.description });
  assert.equal(stopOff.statusCode, 409);
  assert.equal((await db().selectFrom('transit_vehicles').select('active').where('id', '=', vehicle.id).executeTakeFirstOrThrow()).active, true, 'nothing changed');
});

test('closing a day stops new bookings for it and names the rides to call; hours are validated', async () => {
  const m = t.browser();
  await m.loginStaff('kotsu.kacho');
  const noReason = await m.post('/staff/transit/network/closed', { day: DAY, reason: '' });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /運休の理由を入力してください/);
  const closed = await m.post('/staff/transit/network/closed', { day: DAY, reason: '大雪' });
  assert.equal(closed.statusCode, 303);
  const after = await m.follow(closed);
  assert.match(after.body, /この日の予約は残っています/);
  const quote = await t.app.inject({ method: 'GET', url: '/api/transit/stops' });
  assert.equal(quote.statusCode, 200);
  assert.ok(await db().selectFrom('transit_closed_days').select('day').where('day', '=', DAY).executeTakeFirst());
  const hours = await m.post('/staff/transit/network/hours', { 'opens-1': '9:00', 'closes-1': '8:00' });
  assert.equal(hours.statusCode, 400);
  assert.match(hours.body, /開始を終了より前に/);
  const ok = await m.post('/staff/transit/network/hours', { 'opens-1': '8:30', 'closes-1': '16:00', 'opens-3': '8:30', 'closes-3': '16:00' });
  assert.equal(ok.statusCode, 303);
  const rows = await db().selectFrom('transit_service_hours').selectAll().orderBy('weekday').execute();
  assert.deepEqual(rows.map((r) => [r.weekday, r.opens_at, r.closes_at]), [[1, 8.5 * 3600, 16 * 3600], [3, 8.5 * 3600, 16 * 3600]]);
  const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('action', 'like', 'transit.network.%').execute();
  assert.ok(audit.length >= 3);
});
