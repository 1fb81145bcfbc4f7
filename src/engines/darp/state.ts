/**
 * Search state: one analysed route per vehicle plus the request bank (unserved
 * requests). RouteInfo objects are treated as immutable, so copying a state is a
 * shallow copy of two arrays.
 */
import { analyseRoute } from './insertion.ts';
import type { RouteInfo } from './insertion.ts';
import type { Problem, Route } from './model.ts';
import type { Scheduler } from './schedule.ts';

export interface State {
  routes: RouteInfo[];
  unserved: number[];
}

export function copyState(s: State): State {
  return { routes: s.routes.slice(), unserved: s.unserved.slice() };
}

export function travelCost(s: State): number {
  let c = 0;
  for (const r of s.routes) c += r.cost;
  return c;
}

/** Objective used by the search: travel cost plus a large penalty per unserved request. */
export function objective(s: State, penalty: number): number {
  return travelCost(s) + penalty * s.unserved.length;
}

/** Penalty large enough that serving a request always beats leaving it out. */
export function unservedPenalty(p: Problem): number {
  let max = 0;
  for (const v of p.travel) if (v > max) max = v;
  return 10 * (2 * max + 1) + 1000;
}

export function emptyState(p: Problem, sched: Scheduler): State {
  const routes = p.vehicles.map((veh) => {
    const info = analyseRoute(p, sched, veh, []);
    if (!info) throw new Error(`vehicle depot windows make even an empty route infeasible`);
    return info;
  });
  return { routes, unserved: p.requests.map((_, i) => i) };
}

/** Removes the given requests from their routes and adds them to the request bank. */
export function removeRequests(p: Problem, sched: Scheduler, s: State, reqs: number[]): void {
  if (reqs.length === 0) return;
  const drop = new Set<number>();
  for (const r of reqs) {
    drop.add(p.requests[r]!.pickup);
    drop.add(p.requests[r]!.delivery);
  }
  s.routes = s.routes.map((info) => {
    if (!info.nodes.some((v) => drop.has(v))) return info;
    const nodes: Route = info.nodes.filter((v) => !drop.has(v));
    const next = analyseRoute(p, sched, info.vehicle, nodes);
    if (next) return next;
    // Only possible with a travel matrix violating the triangle inequality: empty the route.
    for (const v of nodes) if (p.isPickup[v] === 1) s.unserved.push(p.requestOf[v]!);
    return analyseRoute(p, sched, info.vehicle, [])!;
  });
  for (const r of reqs) s.unserved.push(r);
}

/** Request indices served by route k. */
export function requestsOfRoute(p: Problem, info: RouteInfo): number[] {
  const out: number[] = [];
  for (const v of info.nodes) if (p.isPickup[v] === 1) out.push(p.requestOf[v]!);
  return out;
}
