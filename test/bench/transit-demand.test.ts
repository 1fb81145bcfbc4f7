import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateDemand, latestBooking, OTHER_STOPS, percentile, POPULAR_STOPS, SERVICE } from '../../bench/transit-demand.ts';
import { DEMO_STOPS } from '../../src/services/transit/transit-demo-data.ts';

const H = 3600;

test('the demand is the same for a seed and differs for another', () => {
  const a = generateDemand({ count: 150, seed: 1 });
  assert.deepEqual(generateDemand({ count: 150, seed: 1 }), a);
  assert.notDeepEqual(generateDemand({ count: 150, seed: 2 }), a);
});

test('150 requests within service hours, between two different demo stops, in arrival order', () => {
  const requests = generateDemand({ count: 150, seed: 1 });
  assert.equal(requests.length, 150);
  const stops = new Set(DEMO_STOPS.map((s) => s.id));
  for (const id of [...Object.keys(POPULAR_STOPS), ...Object.keys(OTHER_STOPS)]) assert.ok(stops.has(id), id);
  requests.forEach((r, i) => {
    assert.equal(r.n, i);
    assert.ok(stops.has(r.originStopId) && stops.has(r.destinationStopId), JSON.stringify(r));
    assert.notEqual(r.originStopId, r.destinationStopId);
    assert.ok(r.time >= 8 * H && r.time <= SERVICE.lastTime && r.time % 300 === 0, `time ${r.time}`);
    if (r.kind === 'arrive') assert.ok(r.time >= SERVICE.earliestArrive);
    assert.ok(r.passengers === 1 || r.passengers === 2);
    // Booked the evening before, or on the day at least 30 minutes before its time.
    if (r.bookedAt.day === 0) assert.ok(r.bookedAt.seconds <= latestBooking(r) && r.bookedAt.seconds <= r.time - 30 * 60);
    else assert.ok(r.bookedAt.seconds >= 17 * H && r.bookedAt.seconds < 24 * H);
    if (i > 0) {
      const p = requests[i - 1]!;
      assert.ok(p.bookedAt.day < r.bookedAt.day || (p.bookedAt.day === r.bookedAt.day && p.bookedAt.seconds <= r.bookedAt.seconds));
    }
  });
  // Some of everything: wheelchairs, arrive-by, bookings on the day, a morning peak.
  assert.ok(requests.some((r) => r.wheelchair) && requests.filter((r) => r.wheelchair).length < 20);
  assert.ok(requests.some((r) => r.kind === 'arrive') && requests.some((r) => r.bookedAt.day === 0));
  const morning = requests.filter((r) => r.time < 11 * H).length;
  assert.ok(morning > requests.length * (3 / 8.5), `morning ${morning}`);
  // Popular places are destinations in the morning and origins in the afternoon.
  const popular = (id: string) => id in POPULAR_STOPS;
  assert.ok(requests.filter((r) => r.time < 12 * H).filter((r) => popular(r.destinationStopId)).length > requests.filter((r) => r.time < 12 * H).length / 2);
  assert.ok(requests.filter((r) => r.time >= 12 * H).filter((r) => popular(r.originStopId)).length > requests.filter((r) => r.time >= 12 * H).length / 2);
});

test('percentile is nearest-rank', () => {
  assert.equal(percentile([5, 1, 3, 2, 4], 0.5), 3);
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95), 10);
  assert.ok(Number.isNaN(percentile([], 0.5)));
});
