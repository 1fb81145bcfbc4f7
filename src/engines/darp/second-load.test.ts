import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solve } from './alns.ts';
import { checkSolution } from './check.ts';
import { insertionOptions, scheduleStops } from './dynamic.ts';
import { buildProblem, euclideanMatrix, type NodeSpec } from './model.ts';
import { toSolutionJson } from './solution-json.ts';

// Two vehicles from one depot; only vehicle 1 has a wheelchair place. Requests 0 and 1
// are wheelchair riders travelling at the same time, request 2 is seated.
function problem() {
  const xy = Float64Array.from([0, 0, 0, 0, 10, 0, 20, 0, 10, 1, 20, 1, 10, 2, 20, 2]);
  const depot: NodeSpec = { early: 0, late: 1000, service: 0, load: 0 };
  const at = (early: number, late: number, load: number, load2: number): NodeSpec => ({ early, late, service: 1, load, load2 });
  return buildProblem({
    name: 'second-load',
    nodes: [depot, depot, at(0, 100, 1, 1), at(0, 200, -1, -1), at(0, 100, 1, 1), at(0, 200, -1, -1), at(0, 100, 1, 0), at(0, 200, -1, 0)],
    travel: euclideanMatrix(xy),
    requests: [
      { pickup: 2, delivery: 3, maxRide: 500 },
      { pickup: 4, delivery: 5, maxRide: 500 },
      { pickup: 6, delivery: 7, maxRide: 500 },
    ],
    vehicles: [
      { start: 0, end: 1, capacity: 4, maxDuration: Infinity, capacity2: 0 },
      { start: 0, end: 1, capacity: 4, maxDuration: Infinity, capacity2: 1 },
    ],
  });
}

test('a second load dimension (wheelchair places) is respected by the solver and the checker', () => {
  const p = problem();
  const res = solve(p, { seed: 3, iterations: 500 });
  assert.deepEqual(res.unserved, []);
  const sol = toSolutionJson(p, res);
  assert.ok(checkSolution(p, sol).feasible);
  // Both wheelchair riders on vehicle 1, one after the other; never on vehicle 0.
  assert.ok(!res.routes[0]!.includes(2) && !res.routes[0]!.includes(4));
  const r1 = res.routes[1]!;
  assert.ok(r1.indexOf(3) < r1.indexOf(4) || r1.indexOf(5) < r1.indexOf(2), 'never two wheelchairs at once');
  // The checker catches a plan that carries both at once.
  const bad = { routes: [{ nodes: [0, 6, 7, 1] }, { nodes: [0, 2, 4, 3, 5, 1] }] };
  assert.ok(checkSolution(p, bad).violations.some((v) => v.kind === 'capacity'));
});

test('dynamic insertion offers a wheelchair rider only to a vehicle with a free place; scheduleStops times a plan', () => {
  const travel = (a: number, b: number) => Math.abs(a - b);
  const plan = (id: string, capacity2: number) => ({ id, capacity: 4, capacity2, location: 0, availableAt: 0, endLocation: 0, shiftEnd: 1000, onBoard: [], stops: [] });
  const request = { id: 'r', pickup: { location: 10, early: 0, late: 100, service: 1 }, dropoff: { location: 20, early: 0, late: 200, service: 1 }, load: 1, load2: 1, maxRide: 100 };
  const options = insertionOptions([plan('seated', 0), plan('lift', 1)], request, travel);
  assert.ok(options.length > 0);
  assert.ok(options.every((o) => o.vehicleId === 'lift'));
  const times = scheduleStops({ ...plan('lift', 1), stops: options[0]!.stops }, travel);
  assert.deepEqual(times, [10, 21]);
});
