import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../platform/testing/test-database.ts';
import { bookTrip, cancelTrip, changeTrip, quoteTrip, type TripInput } from './booking-service.ts';
import { nextWeekday, OPERATOR, todayJapan, transitKit, type TransitKit } from './transit-test-kit.ts';

let database: TestDatabase;
let kit: TransitKit;
before(async () => {
  database = await createTestDatabase();
  kit = await transitKit(database);
});
after(() => database.close());

const H = 3600;

function ride(date: string, over: Partial<TripInput> = {}): TripInput {
  return { date, originStopId: 'shirayama', destinationStopId: 'magokoro-hospital', kind: 'depart', time: 9 * H, passengers: 1, wheelchair: false, ...over };
}

test('a quote offers pickup times near the request; booking one writes the plan with the promise', async () => {
  const date = nextWeekday(todayJapan(), 2);
  kit.setNow(todayJapan(), 10 * H);
  const rider = await kit.rider();
  const quote = await quoteTrip(kit.ctx, OPERATOR, rider, ride(date), 'phone');
  assert.ok(quote.ok);
  assert.ok(quote.offers.length >= 1);
  for (const o of quote.offers) assert.ok(o.pickup >= 9 * H - 15 * 60 && o.pickup <= 9 * H + 45 * 60, `offer ${o.pickup}`);
  const offer = quote.offers[0]!;
  const booked = await bookTrip(kit.ctx, OPERATOR, { riderId: rider, input: ride(date), pickup: offer.pickup, dropoff: offer.dropoff, idempotencyKey: 'k1', channel: 'phone' });
  const again = await bookTrip(kit.ctx, OPERATOR, { riderId: rider, input: ride(date), pickup: offer.pickup, dropoff: offer.dropoff, idempotencyKey: 'k1', channel: 'phone' });
  assert.equal(again.id, booked.id, 'a double click books once');
  assert.equal(again.created, false);
  const trip = await kit.db.selectFrom('transit_trips').selectAll().where('id', '=', booked.id).executeTakeFirstOrThrow();
  assert.equal(trip.pickup_early, offer.pickup);
  assert.ok(trip.planned_pickup! >= trip.pickup_early && trip.planned_pickup! <= trip.pickup_late);
  assert.ok(trip.planned_dropoff! <= trip.dropoff_late);
  const stops = await kit.db.selectFrom('transit_plan_stops').selectAll().where('trip_id', '=', booked.id).execute();
  assert.equal(stops.length, 2);

  await changeTrip(kit.ctx, OPERATOR, booked.id, { input: ride(date, { time: 11 * H }), ...(await firstOffer(rider, ride(date, { time: 11 * H }), booked.id)) });
  const moved = await kit.db.selectFrom('transit_trips').selectAll().where('id', '=', booked.id).executeTakeFirstOrThrow();
  assert.ok(moved.pickup_early >= 11 * H - 15 * 60);
  await cancelTrip(kit.ctx, OPERATOR, booked.id, 'test');
  assert.equal((await kit.db.selectFrom('transit_plan_stops').selectAll().where('trip_id', '=', booked.id).execute()).length, 0);
});

async function firstOffer(rider: string, input: TripInput, exclude?: string) {
  const q = await quoteTrip(kit.ctx, OPERATOR, rider, input, 'phone', exclude ? { excludeTrip: exclude } : {});
  assert.ok(q.ok, JSON.stringify(q));
  return { pickup: q.offers[0]!.pickup, dropoff: q.offers[0]!.dropoff };
}
