import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { solve } from './alns.ts';
import { insertionOptions } from './dynamic.ts';
import type { InsertionOption, PlannedStop, RideRequest, TravelTime, VehiclePlan } from './dynamic.ts';
import type { Problem } from './model.ts';
import { parseDarp } from './parse-cordeau.ts';
import { Rng } from './rng.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = path.resolve(here, '../../..', '../shared/data/darp');
const TOL = 1e-6;

/** Cuts a solved static instance at time t into live vehicle plans (what the service would hold). */
function plansAt(p: Problem, t: number, seed: number): VehiclePlan[] {
  const res = solve(p, { seed, iterations: 400 });
  const n = p.requests.length;
  return res.routes.map((route, k) => {
    const B = res.starts[k]!;
    const full = [0, ...route, 2 * n + 1];
    let last = 0;
    for (let pos = 1; pos <= route.length; pos++) if (B[pos]! < t) last = pos;
    const done = new Set(full.slice(1, last + 1));
    const onBoard = route
      .filter((v) => p.isPickup[v] === 1 && done.has(v) && !done.has(v + n))
      .map((v) => ({ requestId: `r${v}`, pickedUpAt: B[full.indexOf(v)]!, pickupService: p.service[v]! }));
    const stops: PlannedStop[] = full.slice(last + 1, -1).map((v) => ({
      requestId: `r${p.isPickup[v] === 1 ? v : v - n}`,
      kind: p.isPickup[v] === 1 ? 'pickup' : 'dropoff',
      location: v,
      early: p.early[v]!,
      late: p.late[v]!,
      service: p.service[v]!,
      load: Math.abs(p.load[v]!),
      maxRide: 30,
    }));
    const lastNode = full[last]!;
    return {
      id: `v${k}`,
      capacity: 3,
      location: lastNode,
      availableAt: B[last]! + p.service[lastNode]!,
      endLocation: 2 * n + 1,
      shiftEnd: p.late[2 * n + 1]!,
      onBoard,
      stops,
    };
  });
}

/**
 * Independent verifier: the least schedule of a stop sequence by repeated relaxation of
 * every constraint (travel, windows as lower bounds, ride times), or null if some upper
 * bound (window, ride deadline of riders on board, shift end) cannot be met.
 */
function leastSchedule(plan: VehiclePlan, seq: PlannedStop[], travel: TravelTime): number[] | null {
  const B = seq.map((s) => s.early);
  for (let round = 0; round < 200; round++) {
    let changed = false;
    let prevLoc = plan.location;
    let prevEnd = plan.availableAt;
    for (let k = 0; k < seq.length; k++) {
      const need = prevEnd + travel(prevLoc, seq[k]!.location);
      if (need > B[k]! + 1e-12) {
        B[k] = need;
        changed = true;
      }
      prevLoc = seq[k]!.location;
      prevEnd = B[k]! + seq[k]!.service;
    }
    for (let j = 0; j < seq.length; j++) {
      if (seq[j]!.kind !== 'dropoff') continue;
      const i = seq.findIndex((s) => s.kind === 'pickup' && s.requestId === seq[j]!.requestId);
      if (i < 0) continue;
      const need = B[j]! - seq[i]!.service - seq[i]!.maxRide;
      if (need > B[i]! + 1e-12) {
        B[i] = need;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return violations(plan, seq, B, travel).length === 0 ? B : null;
}

/** Every broken promise of a timed stop sequence (empty = all promises kept). */
function violations(plan: VehiclePlan, seq: PlannedStop[], B: number[], travel: TravelTime): string[] {
  const out: string[] = [];
  let prevLoc = plan.location;
  let prevEnd = plan.availableAt;
  let load = plan.stops.filter((s) => s.kind === 'dropoff' && plan.onBoard.some((r) => r.requestId === s.requestId)).reduce((a, s) => a + s.load, 0);
  seq.forEach((s, k) => {
    if (B[k]! < prevEnd + travel(prevLoc, s.location) - TOL) out.push(`${s.requestId} ${s.kind}: before arrival`);
    if (B[k]! < s.early - TOL || B[k]! > s.late + TOL) out.push(`${s.requestId} ${s.kind}: window`);
    load += s.kind === 'pickup' ? s.load : -s.load;
    if (load > plan.capacity) out.push(`${s.requestId}: capacity`);
    if (s.kind === 'dropoff') {
      const i = seq.findIndex((x) => x.kind === 'pickup' && x.requestId === s.requestId);
      const rider = plan.onBoard.find((r) => r.requestId === s.requestId);
      const start = i >= 0 ? B[i]! + seq[i]!.service : rider ? rider.pickedUpAt + rider.pickupService : NaN;
      if (!(B[k]! - start <= s.maxRide + TOL)) out.push(`${s.requestId}: ride ${B[k]! - start}`);
    }
    prevLoc = s.location;
    prevEnd = B[k]! + s.service;
  });
  if (prevEnd + travel(prevLoc, plan.endLocation) > plan.shiftEnd + TOL) out.push('shift end');
  return out;
}

function randomRequest(rng: Rng, p: Problem, t: number, id: string): RideRequest {
  const n = p.requests.length;
  const a = rng.int(1, 2 * n);
  let b = rng.int(1, 2 * n);
  if (b === a) b = (b % (2 * n)) + 1;
  const e = t + rng.int(0, 150);
  const tight = { early: e, late: e + 15 };
  const loose = { early: 0, late: 1440 };
  const onPickup = rng.next() < 0.5;
  return {
    id,
    pickup: { location: a, service: 3, ...(onPickup ? tight : loose) },
    dropoff: { location: b, service: 3, ...(onPickup ? loose : tight) },
    load: rng.int(1, 2),
    maxRide: 30,
  };
}

/** Every (vehicle, pickup index, drop-off index) that keeps all promises, by brute force. */
function bruteForce(plans: VehiclePlan[], req: RideRequest, travel: TravelTime): Set<string> {
  const out = new Set<string>();
  const pu: PlannedStop = { requestId: req.id, kind: 'pickup', load: req.load, maxRide: req.maxRide, ...req.pickup };
  const de: PlannedStop = { requestId: req.id, kind: 'dropoff', load: req.load, maxRide: req.maxRide, ...req.dropoff };
  for (const plan of plans) {
    const m = plan.stops.length;
    for (let i = 0; i <= m; i++) {
      for (let j = i; j <= m; j++) {
        const seq = [...plan.stops.slice(0, i), pu, ...plan.stops.slice(i, j), de, ...plan.stops.slice(j)];
        if (leastSchedule(plan, seq, travel)) out.add(`${plan.id}:${i}:${j + 1}`);
      }
    }
  }
  return out;
}

function optionKey(o: InsertionOption, id: string): string {
  const i = o.stops.findIndex((s) => s.requestId === id && s.kind === 'pickup');
  const j = o.stops.findIndex((s) => s.requestId === id && s.kind === 'dropoff');
  return `${o.vehicleId}:${i}:${j}`;
}

function travelCost(plan: VehiclePlan, seq: PlannedStop[], travel: TravelTime): number {
  let c = 0;
  let prev = plan.location;
  for (const s of seq) {
    c += travel(prev, s.location);
    prev = s.location;
  }
  return c + travel(prev, plan.endLocation);
}

test('dynamic insertion keeps every promise and finds exactly the feasible options', () => {
  const { problem: p } = parseDarp(readFileSync(path.join(dataDir, 'cordeau2006/a3-24.txt'), 'utf8'), 'a3-24');
  const N = p.nodeCount;
  const travel: TravelTime = (a, b) => p.travel[a * N + b]!;
  const rng = new Rng(2024);
  let withOptions = 0;
  let total = 0;
  for (let scenario = 0; scenario < 6; scenario++) {
    const t = rng.int(60, 360);
    const plans = plansAt(p, t, scenario + 1);
    for (const plan of plans) assert.ok(leastSchedule(plan, plan.stops, travel), 'the cut plan itself must be feasible');
    for (let q = 0; q < 25; q++) {
      const req = randomRequest(rng, p, t, `new${q}`);
      const opts = insertionOptions(plans, req, travel);
      total++;
      if (opts.length > 0) withOptions++;
      for (const o of opts) {
        const plan = plans.find((v) => v.id === o.vehicleId)!;
        assert.deepEqual(violations(plan, o.stops, o.schedule, travel), [], `option ${optionKey(o, req.id)} breaks a promise`);
        // Committed stops keep their order; the new rider is picked up before drop-off.
        assert.deepEqual(o.stops.filter((s) => s.requestId !== req.id), plan.stops);
        const added = travelCost(plan, o.stops, travel) - travelCost(plan, plan.stops, travel);
        assert.ok(Math.abs(added - o.addedCost) < 1e-6);
        assert.ok(Math.abs(o.pickupTime - o.schedule[o.stops.findIndex((s) => s.requestId === req.id)]!) < 1e-9);
      }
      for (let k = 1; k < opts.length; k++) assert.ok(opts[k - 1]!.addedCost <= opts[k]!.addedCost);
      // Nothing feasible is missed and nothing infeasible is offered.
      const expected = bruteForce(plans, req, travel);
      assert.deepEqual(new Set(opts.map((o) => optionKey(o, req.id))), expected);
    }
  }
  assert.ok(withOptions > 10 && withOptions < total, `${withOptions}/${total} requests had options`);
});

test('dynamic insertion returns no option when none is feasible', () => {
  const { problem: p } = parseDarp(readFileSync(path.join(dataDir, 'cordeau2006/a2-16.txt'), 'utf8'), 'a2-16');
  const N = p.nodeCount;
  const travel: TravelTime = (a, b) => p.travel[a * N + b]!;
  const plans = plansAt(p, 200, 1);
  const base: RideRequest = {
    id: 'x',
    pickup: { location: 1, early: 250, late: 265, service: 3 },
    dropoff: { location: 5, early: 0, late: 1440, service: 3 },
    load: 1,
    maxRide: 30,
  };
  // Window already over for every vehicle.
  assert.deepEqual(insertionOptions(plans, { ...base, pickup: { ...base.pickup, early: 0, late: 1 } }, travel), []);
  // Max ride shorter than the direct trip.
  assert.deepEqual(insertionOptions(plans, { ...base, maxRide: travel(1, 5) / 2 }, travel), []);
  // More seats than any vehicle has.
  assert.deepEqual(insertionOptions(plans, { ...base, load: 4 }, travel), []);
  // No vehicles at all.
  assert.deepEqual(insertionOptions([], base, travel), []);
  // An inconsistent plan (rider on board without a drop-off) is rejected loudly.
  const broken = { ...plans[0]!, onBoard: [{ requestId: 'ghost', pickedUpAt: 100, pickupService: 3 }] };
  assert.throws(() => insertionOptions([broken], base, travel), /no drop-off/);
});
