/**
 * Whatever the order and concurrency of bookings, every vehicle's plan keeps every
 * promise: times inside the promised windows, ride limits, seats and wheelchair
 * spaces; and the night re-optimisation keeps them too while never adding driving.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../platform/testing/test-database.ts';
import { bookTrip, quoteTrip, type TripInput } from './booking-service.ts';
import { loadNetwork } from './network.ts';
import { reoptimiseDay } from './reoptimise.ts';
import { DEMO_STOPS } from './transit-demo-data.ts';
import { nextWeekday, OPERATOR, todayJapan, transitKit, type TransitKit } from './transit-test-kit.ts';

let database: TestDatabase;
let kit: TransitKit;
const DATE = nextWeekday(todayJapan(), 3);
before(async () => {
  database = await createTestDatabase();
  kit = await transitKit(database);
  kit.setNow(todayJapan(), 12 * 3600);
});
after(() => database.close());

/** Deterministic pseudo-random requests across the demo stops and the day. */
function requests(n: number, seed: number): TripInput[] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, () => {
    const o = Math.floor(next() * DEMO_STOPS.length);
    let d = Math.floor(next() * DEMO_STOPS.length);
    if (d === o) d = (d + 1) % DEMO_STOPS.length;
    return { date: DATE, originStopId: DEMO_STOPS[o]!.id, destinationStopId: DEMO_STOPS[d]!.id, kind: next() < 0.7 ? 'depart' : 'arrive', time: 8.5 * 3600 + Math.floor(next() * 16) * 1800, passengers: next() < 0.8 ? 1 : 2, wheelchair: next() < 0.08 };
  });
}

async function verifyPlan(): Promise<number> {
  const network = await loadNetwork(kit.db, kit.ctx.travel);
  const trips = new Map((await kit.db.selectFrom('transit_trips').selectAll().where('service_date', '=', DATE).where('status', '!=', 'cancelled').execute()).map((t) => [t.id, t]));
  const stops = await kit.db.selectFrom('transit_plan_stops').selectAll().where('service_date', '=', DATE).orderBy('vehicle_id').orderBy('seq').execute();
  let driving = 0;
  for (const vehicle of network.vehicles) {
    const mine = stops.filter((s) => s.vehicle_id === vehicle.id);
    let load = 0;
    let chairs = 0;
    let prevLoc = network.matrix.indexOf(vehicle.depotStopId);
    let prevEnd = 8 * 3600;
    const picked = new Map<string, number>();
    for (const s of mine) {
      const trip = trips.get(s.trip_id)!;
      assert.equal(trip.vehicle_id, vehicle.id);
      const loc = network.matrix.indexOf(s.kind === 'pickup' ? trip.origin_stop_id : trip.destination_stop_id);
      const leg = network.matrix.seconds(prevLoc, loc);
      driving += leg;
      assert.ok(s.planned_time >= prevEnd + leg - 1e-6, `vehicle ${vehicle.id} cannot reach ${s.trip_id} in time`);
      if (s.kind === 'pickup') {
        assert.ok(s.planned_time >= trip.pickup_early && s.planned_time <= trip.pickup_late, `pickup ${trip.reference} outside its promise`);
        load += trip.passengers;
        if (trip.wheelchair) chairs++;
        picked.set(trip.id, s.planned_time);
      } else {
        assert.ok(picked.has(trip.id), 'drop-off after pickup');
        assert.ok(s.planned_time <= trip.dropoff_late, `drop-off ${trip.reference} later than promised`);
        assert.ok(s.planned_time - (picked.get(trip.id)! + trip.service_seconds) <= trip.max_ride + 1e-6, 'ride time limit');
        load -= trip.passengers;
        if (trip.wheelchair) chairs--;
      }
      assert.ok(load <= vehicle.seats, `vehicle ${vehicle.id} over capacity`);
      assert.ok(chairs <= vehicle.wheelchairSpaces, `vehicle ${vehicle.id} has too many wheelchairs`);
      prevLoc = loc;
      prevEnd = s.planned_time + trip.service_seconds;
    }
    driving += network.matrix.seconds(prevLoc, network.matrix.indexOf(vehicle.depotStopId));
  }
  assert.equal(new Set(stops.map((s) => `${s.trip_id}:${s.kind}`)).size, trips.size * 2, 'every trip planned exactly once');
  return driving;
}

test('concurrent bookings never break a promise or overfill a vehicle', async () => {
  const asks = requests(60, 7);
  let booked = 0;
  for (let i = 0; i < asks.length; i += 10) {
    const batch = asks.slice(i, i + 10);
    const riders = await Promise.all(batch.map((a) => kit.rider('乗客', { wheelchair: a.wheelchair })));
    const quotes = await Promise.all(batch.map((a, k) => quoteTrip(kit.ctx, OPERATOR, riders[k]!, a, 'phone')));
    // Ten bookings at once, all quoted on the same plan: some offers will have gone.
    const results = await Promise.allSettled(
      batch.map((a, k) => {
        const q = quotes[k]!;
        if (!q.ok) return Promise.reject(new Error('refused'));
        return bookTrip(kit.ctx, OPERATOR, { riderId: riders[k]!, input: a, pickup: q.offers[0]!.pickup, dropoff: q.offers[0]!.dropoff, idempotencyKey: `k${i + k}`, channel: 'phone' });
      }),
    );
    booked += results.filter((r) => r.status === 'fulfilled').length;
    await verifyPlan();
  }
  assert.ok(booked >= 30, `most requests are served (${booked}/60)`);
});

test('the night re-optimisation keeps every promise and never adds driving', async () => {
  const before = await verifyPlan();
  const result = await reoptimiseDay(kit.ctx, DATE, { iterations: 3000, seed: 1 });
  assert.ok(['applied', 'not_better'].includes(result.note), result.note);
  assert.ok(result.costAfter <= result.costBefore + 1e-6);
  const after = await verifyPlan();
  assert.ok(after <= before + 1e-6, `driving ${before} → ${after}`);
  if (result.note === 'applied') assert.ok(after < before);
  const runs = await kit.db.selectFrom('transit_optimisations').selectAll().execute();
  assert.equal(runs.length, 1);
});

test('a day that has started is left to the live insertion', async () => {
  const trip = await kit.db.selectFrom('transit_trips').select('id').where('service_date', '=', DATE).where('status', '=', 'booked').executeTakeFirstOrThrow();
  await kit.db.updateTable('transit_trips').set({ status: 'boarded', boarded_at: 9 * 3600 }).where('id', '=', trip.id).execute();
  const result = await reoptimiseDay(kit.ctx, DATE, { iterations: 100 });
  assert.equal(result.note, 'started');
  assert.equal(result.applied, false);
});
