import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import { japanClock, japanInstant } from '../../platform/time/today.ts';
import { transitDb } from './tables.ts';
import { nextWeekday } from './transit-test-kit.ts';

// A weekday at 08:00 in Japan: bookings for today are open from 08:30.
const DAY = nextWeekday(japanClock().date, 1);
let now = japanInstant(DAY, 8 * 3600);
let t: TestApp;
before(async () => {
  t = await createTestApp({ now: () => now });
});
after(() => t.close());

const db = () => transitDb(t.db.kysely);
const offerValues = (html: string) => [...html.matchAll(/name="offer" value="(\d+-\d+)"/g)].map((m) => m[1]!);
const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

async function register(b: BrowserSession) {
  return b.post('/transit/register', { name: '前沢 花子', nameKana: 'ﾏｴｻﾜ ﾊﾅｺ', phone: '０９０－１１１１－２２２２', email: 'hanako@example.jp', notes: '' });
}

async function offers(b: BrowserSession, action: string, form: Record<string, string>) {
  const page = await b.post(action, form);
  return { page, values: offerValues(page.body), key: hidden(page.body, 'idempotencyKey') };
}

const ride = { date: DAY, origin: 'shirayama', destination: 'magokoro-hospital', kind: 'depart', time: '10:00', passengers: '1' };

test('a resident registers, books a ride for the time offered, sees it, and a double click books once', async () => {
  const b = t.browser();
  await b.loginResident('demo-01', 'password');
  const first = await b.get('/transit/book');
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, '/transit/register');

  const bad = await b.post('/transit/register', { name: '前沢 花子', nameKana: 'Maesawa', phone: '12345', email: 'x', notes: '' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /フリガナはカタカナまたはひらがなで入力してください/);
  assert.match(bad.body, /電話番号は0から始まる10桁または11桁/);
  assert.match(bad.body, /value="前沢 花子"/, 'what was typed is kept');
  assert.equal((await register(b)).statusCode, 303);
  const rider = await db().selectFrom('transit_riders').selectAll().where('resident_account_id', 'is not', null).executeTakeFirstOrThrow();
  assert.equal(rider.phone, '09011112222', 'full-width digits normalised');
  assert.equal(rider.name_kana, 'マエサワ ハナコ', 'half-width kana normalised');

  const form = await b.get('/transit/book');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /白山地区センター/);
  const { page, values, key } = await offers(b, '/transit/book', ride);
  assert.equal(page.statusCode, 200);
  assert.ok(values.length >= 1, 'at least one time is offered');
  const [pickup] = values[0]!.split('-').map(Number);
  assert.ok(pickup! >= 10 * 3600 - 15 * 60 && pickup! <= 10 * 3600 + 45 * 60);

  const confirm = { ...ride, offer: values[0]!, idempotencyKey: key };
  const booked = await b.post('/transit/book/confirm', confirm);
  assert.equal(booked.statusCode, 303);
  const again = await b.post('/transit/book/confirm', confirm);
  assert.equal(again.headers.location, booked.headers.location, 'the same booking comes back');
  assert.equal((await db().selectFrom('transit_trips').select('id').where('rider_id', '=', rider.id).execute()).length, 1);

  const tripPage = await b.follow(booked);
  assert.match(tripPage.body, /予約しました。予約番号は/);
  assert.match(tripPage.body, /白山地区センター/);
  const tripUrl = booked.headers.location as string;

  // Another resident cannot see it, not even that it exists.
  const other = t.browser();
  await other.loginResident('demo-02', 'password');
  assert.equal((await other.get(tripUrl)).statusCode, 404);
  assert.equal((await other.post(`${tripUrl}/cancel`, {})).statusCode, 404);

  // The confirmation goes out by SMS and email through the job queue.
  await t.platform.jobs.drain();
  const sent = t.notifier.sent.filter((m) => m.body.includes('デマンド交通'));
  assert.deepEqual(sent.map((m) => m.channel).sort(), ['email', 'sms']);
  assert.match(sent[0]!.body, /予約番号 \d{6}-/);

  const mypage = await b.get('/mypage');
  assert.match(mypage.body, /白山地区センター/);

  // Change the time, then cancel.
  const change = await offers(b, `${tripUrl}/change`, { ...ride, time: '13:00' });
  assert.ok(change.values.length >= 1);
  const changed = await b.post(`${tripUrl}/change/confirm`, { ...ride, time: '13:00', offer: change.values[0]!, idempotencyKey: change.key });
  assert.equal(changed.statusCode, 303);
  const trip = await db().selectFrom('transit_trips').selectAll().where('rider_id', '=', rider.id).executeTakeFirstOrThrow();
  assert.ok(trip.pickup_early >= 13 * 3600 - 15 * 60, 'the promise moved to the new time');
  assert.equal((await b.post(`${tripUrl}/cancel`, {})).statusCode, 303);
  assert.equal((await db().selectFrom('transit_trips').select('status').where('id', '=', trip.id).executeTakeFirstOrThrow()).status, 'cancelled');
  assert.equal((await db().selectFrom('transit_plan_stops').select('trip_id').where('trip_id', '=', trip.id).execute()).length, 0);
});

test('bad ride requests get a message naming the problem, and keep what was chosen', async () => {
  const b = t.browser();
  await b.loginResident('demo-03', 'password');
  await register(b);
  const same = await b.post('/transit/book', { ...ride, destination: 'shirayama' });
  assert.equal(same.statusCode, 400);
  assert.match(same.body, /乗る場所と降りる場所は別の場所を選んでください/);
  const unknown = await b.post('/transit/book', { ...ride, origin: 'atlantis' });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /乗降場所の一覧から選んでください/);
  const late = await b.post('/transit/book', { ...ride, time: '20:00' });
  assert.match(late.body, /運行時間外です/);
  const many = await b.post('/transit/book', { ...ride, passengers: '9' });
  assert.equal(many.statusCode, 400);
  assert.match(many.body, /人数は1人から4人まで/);
  const badTime = await b.post('/transit/book', { ...ride, time: '25:99' });
  assert.match(badTime.body, /時刻は「9:30」のように/);
  const noOffer = await b.post('/transit/book/confirm', { ...ride, idempotencyKey: '' });
  assert.equal(noOffer.statusCode, 400);
  assert.match(noOffer.body, /乗車時刻を選んでください/);
  const refusals = await db().selectFrom('transit_refusals').select('reason').where('channel', '=', 'web').execute();
  assert.ok(refusals.some((r) => r.reason === 'outside_hours'));
});

test('a time taken meanwhile brings fresh offers instead of a booking', async () => {
  const b = t.browser();
  await b.loginResident('demo-04', 'password');
  await register(b);
  const { values, key } = await offers(b, '/transit/book', { ...ride, time: '15:00' });
  assert.ok(values.length);
  // Meanwhile the day is closed (e.g. snow): the offer can no longer be kept.
  await db().insertInto('transit_closed_days').values({ day: DAY, reason: '大雪のため運休' }).execute();
  const late = await b.post('/transit/book/confirm', { ...ride, time: '15:00', offer: values[0]!, idempotencyKey: key });
  assert.equal(late.statusCode, 409);
  assert.match(late.body, /先に別の予約が入りました|乗れる時刻がなくなりました/);
  await db().deleteFrom('transit_closed_days').where('day', '=', DAY).execute();
});

test('an operator books for a caller, a driver records the ride, and other departments are kept out', async () => {
  const clerk = t.browser();
  await clerk.loginStaff('shimin.tanto');
  assert.equal((await clerk.get('/staff/transit')).statusCode, 403);

  const op = t.browser();
  await op.loginStaff('kotsu.tanto');
  const created = await op.post('/staff/transit/riders/new', { name: '及川 一郎', nameKana: 'おいかわ いちろう', phone: '0197-56-1234', email: '', needs: 'assistance', notes: '耳が聞こえにくい' });
  assert.equal(created.statusCode, 303);
  const found = await op.get(`/staff/transit/riders?q=${encodeURIComponent('ｵｲｶﾜ')}`);
  assert.match(found.body, /及川 一郎/);
  const byPhone = await op.get('/staff/transit/riders?q=561234');
  assert.match(byPhone.body, /及川 一郎/);
  const riderUrl = created.headers.location as string;
  const { values, key } = await offers(op, `${riderUrl}/book`, { ...ride, time: '9:00', origin: 'kojo', destination: 'maesawa-station' });
  assert.ok(values.length, 'a time is offered for the caller');
  const booked = await op.post(`${riderUrl}/book/confirm`, { ...ride, time: '9:00', origin: 'kojo', destination: 'maesawa-station', offer: values[0]!, idempotencyKey: key });
  assert.equal(booked.statusCode, 303);
  const caller = await db().selectFrom('transit_riders').select('id').where('phone', '=', '0197561234').executeTakeFirstOrThrow();
  const trip = await db().selectFrom('transit_trips').selectAll().where('rider_id', '=', caller.id).executeTakeFirstOrThrow();
  assert.equal(trip.booked_by_staff_id !== null, true);
  const board = await op.get(`/staff/transit?date=${DAY}`);
  assert.match(board.body, /及川 一郎/);

  // The driver takes the vehicle the ride is planned on and works through the stops.
  const driver = t.browser();
  await driver.loginStaff('driver.sasaki');
  assert.equal((await driver.get('/staff/transit')).statusCode, 403, 'drivers do not see the operators board');
  const choose = await driver.get('/staff/transit/driver');
  assert.match(choose.body, /今日乗務する車両/);
  await driver.post('/staff/transit/driver/vehicle', { vehicle: trip.vehicle_id! });
  const manifest = await driver.get('/staff/transit/driver');
  assert.match(manifest.body, /次の停車/);
  assert.match(manifest.body, /及川 一郎/);
  assert.match(manifest.body, /耳が聞こえにくい/);

  const other = t.browser();
  await other.loginStaff('driver.oikawa');
  const taken = await other.post('/staff/transit/driver/vehicle', { vehicle: trip.vehicle_id! });
  assert.equal(taken.statusCode, 409);
  assert.match(taken.body, /別の運転士が乗務しています/);
  assert.equal((await other.post(`/staff/transit/driver/trips/${trip.id}/board`, {})).statusCode, 404, 'not their vehicle');

  now = japanInstant(DAY, 9 * 3600 + 5 * 60);
  const events = await db().selectFrom('transit_events').select('id').execute();
  assert.equal((await driver.post(`/staff/transit/driver/trips/${trip.id}/board`, {})).statusCode, 303);
  assert.equal((await driver.post(`/staff/transit/driver/trips/${trip.id}/board`, {})).statusCode, 303, 'a second tap changes nothing');
  now = japanInstant(DAY, 9 * 3600 + 20 * 60);
  await driver.post(`/staff/transit/driver/trips/${trip.id}/drop`, {});
  const done = await db().selectFrom('transit_trips').selectAll().where('id', '=', trip.id).executeTakeFirstOrThrow();
  assert.equal(done.status, 'completed');
  assert.equal(done.boarded_at, 9 * 3600 + 5 * 60);
  assert.equal(done.dropped_at, 9 * 3600 + 20 * 60);
  const newEvents = await db().selectFrom('transit_events').select('kind').where('id', '>', Math.max(0, ...events.map((e) => e.id))).execute();
  assert.deepEqual(newEvents.map((e) => e.kind), ['boarded', 'completed'], 'each change reaches the operators feed once');
  const cancelDone = await op.post(`/staff/transit/trips/${trip.id}/cancel`, { reason: 'x' });
  assert.equal(cancelDone.statusCode, 409, 'a completed ride cannot be cancelled');
});

test('the JSON API books for the logged-in resident only, once per idempotency key', async () => {
  const anon = t.browser();
  const stops = await anon.json('GET', '/api/transit/stops');
  assert.equal(stops.statusCode, 200);
  assert.ok(stops.json().stops.some((s: { id: string }) => s.id === 'maesawa-station'));
  assert.equal((await anon.json('POST', '/api/transit/quotes', { date: DAY, originStopId: 'kojo', destinationStopId: 'omo', kind: 'depart', time: '11:00', passengers: 1 })).statusCode, 401);

  const b = t.browser();
  await b.loginResident('demo-05', 'password');
  const notYet = await b.json('POST', '/api/transit/quotes', { date: DAY, originStopId: 'kojo', destinationStopId: 'omo', kind: 'depart', time: '11:00', passengers: 1 });
  assert.equal(notYet.statusCode, 409, 'registration comes first');
  await register(b);
  const badTime = await b.json('POST', '/api/transit/quotes', { date: DAY, originStopId: 'kojo', destinationStopId: 'omo', kind: 'depart', time: 'noon', passengers: 1 });
  assert.equal(badTime.statusCode, 400);
  assert.equal(badTime.json().error.code, 'invalid_input');
  const quote = await b.json('POST', '/api/transit/quotes', { date: DAY, originStopId: 'kojo', destinationStopId: 'omo', kind: 'arrive', time: '12:00', passengers: 2 });
  assert.equal(quote.statusCode, 200);
  const offer = quote.json().offers[0];
  assert.ok(offer.arrivalSeconds <= 12 * 3600, 'arrive-by requests are offered arrivals before the time');
  const book = { date: DAY, originStopId: 'kojo', destinationStopId: 'omo', kind: 'arrive', time: '12:00', passengers: 2, pickupSeconds: offer.pickupSeconds, arrivalSeconds: offer.arrivalSeconds, idempotencyKey: 'api-key-0001' };
  const first = await b.json('POST', '/api/transit/trips', book);
  assert.equal(first.statusCode, 201);
  assert.equal(first.json().arriveBy, '12:00');
  const again = await b.json('POST', '/api/transit/trips', book);
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().id, first.json().id);
  const mine = await b.json('GET', '/api/transit/trips');
  assert.ok(mine.json().items.some((i: { id: string }) => i.id === first.json().id));

  const stranger = t.browser();
  await stranger.loginResident('demo-06', 'password');
  assert.equal((await stranger.json('DELETE', `/api/transit/trips/${first.json().id}`)).statusCode, 404);
  assert.equal((await b.json('DELETE', `/api/transit/trips/${first.json().id}`)).statusCode, 204);
  const openapi = await anon.json('GET', '/api/openapi.json');
  assert.ok(openapi.json().paths['/api/transit/trips']);
});
