import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { addDays, japanClock, japanInstant } from '../../platform/time/today.ts';
import { bookTrip, cancelTrip, quoteTrip } from './booking-service.ts';
import { transitDb } from './tables.ts';
import { transitContext } from './transit-context.ts';
import { nextWeekday, OPERATOR } from './transit-test-kit.ts';

const TODAY = nextWeekday(japanClock().date, 1);
const RIDE_DAY = nextWeekday(TODAY, 2);
let t: TestApp;
before(async () => {
  t = await createTestApp({ now: () => japanInstant(TODAY, 10 * 3600) });
});
after(() => t.close());

const jobs = () => t.db.kysely.selectFrom('jobs').select(['queue', 'payload', 'run_at', 'state', 'idempotency_key']).orderBy('id').execute();

test('tomorrow’s re-optimisation is queued for 21:00 tonight, and each run queues the next night', async () => {
  const nightly = (await jobs()).filter((j) => j.queue === 'transit.reoptimise');
  assert.equal(nightly.length, 1);
  assert.deepEqual(nightly[0]!.payload, { date: addDays(TODAY, 1) });
  assert.equal(nightly[0]!.run_at.toISOString(), japanInstant(TODAY, 21 * 3600).toISOString());
  await sql`UPDATE jobs SET run_at = now() WHERE queue = 'transit.reoptimise'`.execute(t.db.kysely);
  await t.platform.jobs.drain();
  const after = (await jobs()).filter((j) => j.queue === 'transit.reoptimise');
  assert.deepEqual(after.map((j) => j.state), ['done', 'queued']);
  assert.deepEqual(after[1]!.payload, { date: addDays(TODAY, 2) });
  const run = await transitDb(t.db.kysely).selectFrom('transit_optimisations').selectAll().executeTakeFirstOrThrow();
  assert.equal(run.service_date, addDays(TODAY, 1));
});

test('a booking sends a confirmation now and a reminder at 18:00 the evening before, unless cancelled', async () => {
  const ctx = { ...transitContext(t.platform) };
  const staff = await t.db.kysely.selectFrom('staff').select('id').where('login_id', '=', 'kotsu.tanto').executeTakeFirstOrThrow();
  const operator = { ...OPERATOR, id: staff.id };
  const db = transitDb(t.db.kysely);
  const rider = (await db.insertInto('transit_riders').values({ name: '胆沢 次郎', name_kana: 'イサワ ジロウ', kana_key: 'イサワジロウ', phone: '08011112222', email: null, resident_account_id: null, created_by_staff_id: staff.id }).returning('id').executeTakeFirstOrThrow()).id;
  const input = { date: RIDE_DAY, originStopId: 'omo', destinationStopId: 'maesawa-station', kind: 'depart' as const, time: 9 * 3600, passengers: 1, wheelchair: false };
  const quote = await quoteTrip(ctx, operator, rider, input, 'phone');
  assert.ok(quote.ok);
  const booked = await bookTrip(ctx, operator, { riderId: rider, input, pickup: quote.offers[0]!.pickup, dropoff: quote.offers[0]!.dropoff, idempotencyKey: 'j1', channel: 'phone' });
  const notices = (await jobs()).filter((j) => j.queue === 'transit.notify');
  assert.deepEqual(notices.map((j) => (j.payload as { kind: string }).kind), ['confirmed', 'reminder']);
  assert.equal(notices[1]!.run_at.toISOString(), japanInstant(addDays(RIDE_DAY, -1), 18 * 3600).toISOString());
  await t.platform.jobs.drain();
  assert.equal(t.notifier.sent.filter((m) => m.to === '08011112222').length, 1, 'the confirmation went out; the reminder waits');
  assert.match(t.notifier.sent.at(-1)!.body, /予約を受け付けました/);

  await cancelTrip(ctx, operator, booked.id, '電話で取消');
  await sql`UPDATE jobs SET run_at = now() WHERE queue = 'transit.notify'`.execute(t.db.kysely);
  await t.platform.jobs.drain();
  const texts = t.notifier.sent.filter((m) => m.to === '08011112222').map((m) => m.body);
  assert.equal(texts.length, 2, 'the cancellation is sent; the reminder for a cancelled ride is not');
  assert.match(texts[1]!, /予約を取り消しました/);
});
