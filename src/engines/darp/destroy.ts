/**
 * Destroy (removal) operators for the ALNS. Each returns the request indices to take
 * out of the current state; the caller removes them.
 */
import type { Problem } from './model.ts';
import type { Rng } from './rng.ts';
import { requestsOfRoute } from './state.ts';
import type { State } from './state.ts';

export type DestroyOp = (p: Problem, s: State, q: number, rng: Rng) => number[];

/** Biased pick from a sorted list: index floor(y^power * n) favours the front. */
function biasedIndex(rng: Rng, n: number, power: number): number {
  return Math.min(n - 1, Math.floor(Math.pow(rng.next(), power) * n));
}

function servedRequests(p: Problem, s: State): number[] {
  const out: number[] = [];
  for (const info of s.routes) for (const r of requestsOfRoute(p, info)) out.push(r);
  return out;
}

export const randomRemoval: DestroyOp = (p, s, q, rng) => {
  return rng.shuffle(servedRequests(p, s)).slice(0, q);
};

/**
 * Worst removal: requests whose removal saves the most travel, re-evaluated after each
 * pick would be costly, so gains are computed once on the current routes.
 */
export const worstRemoval: DestroyOp = (p, s, q, rng) => {
  const N = p.nodeCount;
  const T = p.travel;
  const gains: { r: number; g: number }[] = [];
  for (const info of s.routes) {
    const full = [info.vehicle.start, ...info.nodes, info.vehicle.end];
    const pos = new Map<number, number>();
    full.forEach((v, k) => pos.set(v, k));
    for (const r of requestsOfRoute(p, info)) {
      const req = p.requests[r]!;
      const i = pos.get(req.pickup)!;
      const j = pos.get(req.delivery)!;
      let g: number;
      if (j === i + 1) {
        const a = full[i - 1]!;
        const b = full[j + 1]!;
        g = T[a * N + req.pickup]! + T[req.pickup * N + req.delivery]! + T[req.delivery * N + b]! - T[a * N + b]!;
      } else {
        const a = full[i - 1]!;
        const b = full[i + 1]!;
        const c = full[j - 1]!;
        const d = full[j + 1]!;
        g =
          T[a * N + req.pickup]! + T[req.pickup * N + b]! - T[a * N + b]! +
          T[c * N + req.delivery]! + T[req.delivery * N + d]! - T[c * N + d]!;
      }
      gains.push({ r, g: g * (0.8 + 0.4 * rng.next()) });
    }
  }
  gains.sort((x, y) => y.g - x.g);
  const out: number[] = [];
  while (out.length < q && gains.length > 0) {
    const k = biasedIndex(rng, gains.length, 3);
    out.push(gains[k]!.r);
    gains.splice(k, 1);
  }
  return out;
};

const scaleCache = new WeakMap<Problem, number>();
/** Largest travel time, used to normalise distances in the relatedness measure. */
function shawScale(p: Problem): number {
  let m = scaleCache.get(p);
  if (m === undefined) {
    m = 1;
    for (const v of p.travel) if (v > m) m = v;
    scaleCache.set(p, m);
  }
  return m;
}

/**
 * Shaw (relatedness) removal: requests close in space and in time to already removed
 * ones, so they can trade places in the repair.
 */
export const shawRemoval: DestroyOp = (p, s, q, rng) => {
  const N = p.nodeCount;
  const T = p.travel;
  const time = new Float64Array(N);
  let maxTime = 1;
  for (const info of s.routes) {
    info.nodes.forEach((v, k) => {
      time[v] = info.EB[k + 1]!;
      if (time[v]! > maxTime) maxTime = time[v]!;
    });
  }
  const served = servedRequests(p, s);
  if (served.length === 0) return [];
  const maxT = shawScale(p);
  const related = (a: number, b: number) => {
    const ra = p.requests[a]!;
    const rb = p.requests[b]!;
    const d = (T[ra.pickup * N + rb.pickup]! + T[ra.delivery * N + rb.delivery]!) / maxT;
    const t = (Math.abs(time[ra.pickup]! - time[rb.pickup]!) + Math.abs(time[ra.delivery]! - time[rb.delivery]!)) / maxTime;
    return 9 * d + 3 * t;
  };
  // Rank everything once by relatedness to a random seed request, then draw with a
  // bias towards the most related (cheaper than re-ranking after every pick).
  const seed = rng.pick(served);
  const keyed = served.map((r) => ({ r, k: r === seed ? -1 : related(seed, r) })).sort((x, y) => x.k - y.k || x.r - y.r);
  const out: number[] = [];
  while (out.length < q && keyed.length > 0) {
    const at = out.length === 0 ? 0 : biasedIndex(rng, keyed.length, 6);
    out.push(keyed[at]!.r);
    keyed.splice(at, 1);
  }
  return out;
};

/** Route removal: empty one whole route, to rebuild a vehicle's day (q is ignored). */
export const routeRemoval: DestroyOp = (p, s, _q, rng) => {
  const nonEmpty = s.routes.filter((r) => r.nodes.length > 0);
  if (nonEmpty.length === 0) return [];
  return requestsOfRoute(p, rng.pick(nonEmpty));
};

/**
 * Time-slice removal: requests whose pickup time falls in a random window, across all
 * vehicles, so the repair can reshuffle who serves that part of the day.
 */
export const timeRemoval: DestroyOp = (p, s, q, rng) => {
  const items: { r: number; t: number }[] = [];
  for (const info of s.routes) {
    info.nodes.forEach((v, k) => {
      if (p.isPickup[v] === 1) items.push({ r: p.requestOf[v]!, t: info.EB[k + 1]! });
    });
  }
  if (items.length === 0) return [];
  items.sort((a, b) => a.t - b.t);
  const start = rng.int(0, Math.max(0, items.length - q));
  return items.slice(start, start + q).map((x) => x.r);
};

/**
 * Block removal: take out whole natural sequences (runs of stops between two moments
 * the vehicle is empty) from random routes until q requests are out, so the repair can
 * rebuild them elsewhere as a group.
 */
export const blockRemoval: DestroyOp = (p, s, q, rng) => {
  const blocks: number[][] = [];
  for (const info of s.routes) {
    let cur: number[] = [];
    info.nodes.forEach((v, k) => {
      if (p.isPickup[v] === 1) cur.push(p.requestOf[v]!);
      if (Math.abs(info.loadAfter[k + 1]!) < 1e-9 && cur.length > 0) {
        blocks.push(cur);
        cur = [];
      }
    });
  }
  rng.shuffle(blocks);
  const out: number[] = [];
  for (const b of blocks) {
    if (out.length >= q) break;
    out.push(...b);
  }
  return out;
};

export const DESTROY_OPS: { name: string; op: DestroyOp }[] = [
  { name: 'random', op: randomRemoval },
  { name: 'worst', op: worstRemoval },
  { name: 'shaw', op: shawRemoval },
  { name: 'route', op: routeRemoval },
  { name: 'time', op: timeRemoval },
];
