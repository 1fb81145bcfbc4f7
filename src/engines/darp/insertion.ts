/**
 * Insertion of one request (pickup + delivery) into one route.
 *
 * Candidate positions are pruned with cheap necessary conditions before the exact
 * schedule check runs:
 *  - capacity: the load between pickup and delivery must stay within the capacity;
 *  - forward time slack: earliest times (EB) are pushed forward through the route and
 *    compared to latest times (LB) computed backwards from the time windows;
 *  - ride time: once the earliest possible drop time minus the latest possible pickup
 *    time exceeds the max ride time, no later delivery position can work.
 * bestInsertion then checks the surviving candidates exactly in increasing cost order
 * and stops at the first feasible one, which keeps the number of exact checks small.
 * The filters rely on the triangle inequality (adding a stop never makes later stops
 * earlier), which holds for Euclidean and shortest-path travel times.
 */
import type { Problem, Request, Route, Vehicle } from './model.ts';
import { EPS } from './schedule.ts';
import type { Scheduler } from './schedule.ts';

/** Per-route data reused by every insertion evaluated against the route. */
export interface RouteInfo {
  vehicle: Vehicle;
  nodes: Route;
  cost: number;
  /** Earliest feasible start times by position (0 = start depot, len+1 = end depot). */
  EB: Float64Array;
  /** Latest start times by position from windows and travel only (a necessary bound). */
  LB: Float64Array;
  /** Load on board after serving position k. */
  loadAfter: Float64Array;
  /** The same for the second load dimension, when the problem has one. */
  loadAfter2: Float64Array | null;
  /** Depot-inclusive position of each request node on this route, -1 if absent. */
  pos: Int32Array;
  /** The route with its depots: full[0] = start, full[len+1] = end. */
  full: Int32Array;
}

/** Builds the per-route data, or null when the route itself is infeasible. */
export function analyseRoute(p: Problem, sched: Scheduler, vehicle: Vehicle, nodes: Route): RouteInfo | null {
  if (!sched.feasible(vehicle, nodes)) return null;
  const m = nodes.length + 2;
  const N = p.nodeCount;
  const T = p.travel;
  const full = new Int32Array(m);
  const pos = new Int32Array(N).fill(-1);
  full[0] = vehicle.start;
  full[m - 1] = vehicle.end;
  for (let k = 0; k < nodes.length; k++) {
    full[k + 1] = nodes[k]!;
    pos[nodes[k]!] = k + 1;
  }
  const loadAfter = new Float64Array(m);
  let q = 0;
  let cost = 0;
  for (let k = 0; k < m; k++) {
    const v = full[k]!;
    q += p.load[v]!;
    loadAfter[k] = q;
    if (k > 0) cost += T[full[k - 1]! * N + v]!;
  }
  let loadAfter2: Float64Array | null = null;
  if (p.load2) {
    loadAfter2 = new Float64Array(m);
    let q2 = 0;
    for (let k = 0; k < m; k++) loadAfter2[k] = q2 += p.load2[full[k]!]!;
  }
  const LB = new Float64Array(m);
  LB[m - 1] = p.late[vehicle.end]!;
  for (let k = m - 2; k >= 0; k--) {
    const v = full[k]!;
    const viaNext = LB[k + 1]! - p.service[v]! - T[v * N + full[k + 1]!]!;
    LB[k] = Math.min(p.late[v]!, viaNext);
  }
  return { vehicle, nodes, cost, EB: sched.B.slice(0, m), LB, loadAfter, loadAfter2, pos, full };
}

/**
 * Calls onCandidate(delta, i, j) for every insertion (pickup after position i,
 * delivery after position j of the depot-inclusive route, i <= j) that passes the
 * cheap necessary conditions and whose added cost is below the bound. Candidates still
 * need the exact schedule check.
 */
export function scanCandidates(
  p: Problem,
  info: RouteInfo,
  req: Request,
  bound: number,
  onCandidate: (delta: number, i: number, j: number) => void,
): void {
  const N = p.nodeCount;
  const T = p.travel;
  const { EB, LB, loadAfter, vehicle, nodes, full } = info;
  // Second load dimension (wheelchair places): only when this request uses it.
  const q2 = p.load2 ? p.load2[req.pickup]! : 0;
  const after2 = q2 > 0 ? info.loadAfter2 : null;
  const cap2 = (vehicle.capacity2 ?? Infinity) + EPS;
  const len = nodes.length;
  const pu = req.pickup;
  const de = req.delivery;
  const qp = p.load[pu]!;
  const cap = vehicle.capacity + EPS;
  const eP = p.early[pu]!;
  const lP = p.late[pu]!;
  const sP = p.service[pu]!;
  const eD = p.early[de]!;
  const lD = p.late[de]!;
  const sD = p.service[de]!;
  const L = req.maxRide;
  const tPD = T[pu * N + de]!;

  // LB is increasing along the route and a pickup placed before position k+1 needs
  // LB[k+1] >= eP, so skip the prefix that ends too early (binary search).
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (LB[mid + 1]! < eP - EPS) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i <= len; i++) {
    const prev = full[i]!;
    if (EB[i]! > lP + EPS) break; // every later pickup position is later still
    if (loadAfter[i]! + qp > cap) continue;
    if (after2 && after2[i]! + q2 > cap2) continue;
    const next = full[i + 1]!;
    const tPrevP = T[prev * N + pu]!;
    const arrP = Math.max(eP, EB[i]! + p.service[prev]! + tPrevP);
    if (arrP > lP + EPS) continue;

    // Delivery immediately after the pickup.
    {
      const arrD = Math.max(eD, arrP + sP + tPD);
      if (arrD <= lD + EPS && tPD <= L + EPS && arrD + sD + T[de * N + next]! <= LB[i + 1]! + EPS) {
        const delta = tPrevP + tPD + T[de * N + next]! - T[prev * N + next]!;
        if (delta < bound) onCandidate(delta, i, i);
      }
    }
    if (i === len) continue;
    const tPNext = T[pu * N + next]!;
    const latestP = Math.min(lP, LB[i + 1]! - sP - tPNext);
    if (arrP > latestP + EPS) continue;
    const deltaP = tPrevP + tPNext - T[prev * N + next]!;
    // With the triangle inequality the delivery leg adds >= 0, so this prune only drops
    // insertions that cannot beat the bound (never used with bound = Infinity).
    if (deltaP >= bound) continue;
    // Earliest time at position k once the pickup is in.
    let tk = Math.max(EB[i + 1]!, arrP + sP + tPNext);
    for (let j = i + 1; j <= len; j++) {
      if (j > i + 1) {
        const u = full[j - 1]!;
        tk = Math.max(EB[j]!, tk + p.service[u]! + T[u * N + full[j]!]!);
      }
      if (tk > LB[j]! + EPS) break;
      if (loadAfter[j]! + qp > cap) break; // the passenger would still be on board here
      if (after2 && after2[j]! + q2 > cap2) break;
      const vj = full[j]!;
      const sj = p.service[vj]!;
      if (tk + sj - latestP - sP > L + EPS) break;
      const arrD = Math.max(eD, tk + sj + T[vj * N + de]!);
      if (arrD > lD + EPS) {
        if (tk > lD) break;
        continue;
      }
      const w = full[j + 1]!;
      if (arrD + sD + T[de * N + w]! > LB[j + 1]! + EPS) continue;
      const delta = deltaP + T[vj * N + de]! + T[de * N + w]! - T[vj * N + w]!;
      if (delta < bound) onCandidate(delta, i, j);
    }
  }
}

export interface BestInsertion {
  delta: number;
  /** delta plus the noise used to rank it (= delta without noise). */
  score: number;
  i: number;
  j: number;
}

/** Random perturbation of insertion costs (diversification in the ALNS repair). */
export interface Noise {
  amplitude: number;
  next: () => number;
}

// Scratch buffers for bestInsertion (single-threaded, not re-entrant).
let candDelta = new Float64Array(256);
let candI = new Int32Array(256);
let candJ = new Int32Array(256);
let candKey = new Float64Array(256);
let candCount = 0;

function pushCandidate(delta: number, i: number, j: number): void {
  if (candCount === candDelta.length) {
    const grow = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(a.length * 2);
      b.set(a);
      return b;
    };
    candDelta = grow(candDelta, (n) => new Float64Array(n));
    candI = grow(candI, (n) => new Int32Array(n));
    candJ = grow(candJ, (n) => new Int32Array(n));
    candKey = new Float64Array(candDelta.length);
  }
  candDelta[candCount] = delta;
  candI[candCount] = i;
  candJ[candCount] = j;
  candCount++;
}

/**
 * Cheapest feasible insertion of the request into the route, or null. Candidates are
 * checked exactly in increasing cost order, so the first feasible one is the answer and
 * usually few exact checks run.
 */
export function bestInsertion(
  p: Problem,
  sched: Scheduler,
  info: RouteInfo,
  req: Request,
  bound = Infinity,
  noise?: Noise,
): BestInsertion | null {
  candCount = 0;
  scanCandidates(p, info, req, noise ? Infinity : bound, pushCandidate);
  if (candCount === 0) return null;
  for (let k = 0; k < candCount; k++) {
    candKey[k] = noise ? candDelta[k]! + noise.amplitude * (2 * noise.next() - 1) : candDelta[k]!;
  }
  const len = info.nodes.length;
  // Repeated minimum extraction: usually the first or second candidate is feasible,
  // so this beats sorting.
  for (let tries = 0; tries < candCount; tries++) {
    let c = -1;
    let key = Infinity;
    for (let k = 0; k < candCount; k++) {
      if (candKey[k]! < key) {
        key = candKey[k]!;
        c = k;
      }
    }
    if (c < 0) break;
    const i = candI[c]!;
    const j = candJ[c]!;
    if (sched.feasibleInsert(info.vehicle, info.full, len + 2, req.pickup, i, req.delivery, j, info.EB, info.pos)) {
      return { delta: candDelta[c]!, score: key, i, j };
    }
    candKey[c] = Infinity;
  }
  return null;
}

/**
 * Every feasible insertion of the request into the route (for the dynamic service);
 * onFeasible runs right after the exact check, while sched.B holds the new schedule.
 */
export function forEachFeasibleInsertion(
  p: Problem,
  sched: Scheduler,
  info: RouteInfo,
  req: Request,
  onFeasible: (delta: number, i: number, j: number) => void,
): void {
  const found: [number, number, number][] = [];
  scanCandidates(p, info, req, Infinity, (delta, i, j) => found.push([delta, i, j]));
  for (const [delta, i, j] of found) {
    if (sched.feasibleWith(info.vehicle, info.nodes, info.nodes.length, req.pickup, i, req.delivery, j)) onFeasible(delta, i, j);
  }
}

/** Returns a new route array with the request inserted after positions i and j (depot-inclusive numbering). */
export function applyInsertion(route: Route, req: Request, i: number, j: number): Route {
  const out: Route = [];
  for (let k = 0; k <= route.length; k++) {
    if (k === i) out.push(req.pickup);
    if (k === j) out.push(req.delivery);
    if (k < route.length) out.push(route[k]!);
  }
  return out;
}
