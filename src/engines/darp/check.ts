/**
 * Independent solution checker. It shares nothing with the optimiser's bookkeeping:
 * it re-derives the schedule of every route with Bellman-Ford on the difference
 * constraints (longest paths = earliest feasible start times) and verifies time
 * windows, capacity, max ride time, route duration, pairing/precedence, that every
 * request is served exactly once, and recomputes the cost from the travel matrix.
 */
import type { Problem } from './model.ts';

export const CHECK_EPS = 1e-6;

export interface RouteOut {
  nodes: number[];
  start?: number[];
}

export interface SolutionOut {
  instance?: string;
  cost?: number;
  routes: RouteOut[];
}

export type ViolationKind =
  | 'structure'
  | 'coverage'
  | 'precedence'
  | 'capacity'
  | 'window'
  | 'ride'
  | 'duration'
  | 'schedule'
  | 'cost';

export interface Violation {
  kind: ViolationKind;
  message: string;
}

export interface CheckResult {
  feasible: boolean;
  cost: number;
  violations: Violation[];
  /** Earliest feasible start times per route, as recomputed (empty when infeasible). */
  starts: number[][];
}

interface Edge {
  from: number;
  to: number;
  w: number;
}

/** Earliest start times via longest paths; null when the constraints contain a positive cycle. */
function earliestTimes(lower: number[], edges: Edge[]): number[] | null {
  const B = lower.slice();
  const m = B.length;
  for (let round = 0; round <= m; round++) {
    let changed = false;
    for (const e of edges) {
      const cand = B[e.from]! + e.w;
      if (cand > B[e.to]! + 1e-12) {
        B[e.to] = cand;
        changed = true;
      }
    }
    if (!changed) return B;
  }
  return null;
}

export function checkSolution(p: Problem, sol: SolutionOut): CheckResult {
  const v: Violation[] = [];
  const add = (kind: ViolationKind, message: string) => v.push({ kind, message });
  const N = p.nodeCount;
  const t = (a: number, b: number) => p.travel[a * N + b]!;
  const seen = new Map<number, { route: number; pos: number }>();
  const starts: number[][] = [];
  let cost = 0;

  if (sol.routes.length > p.vehicles.length) {
    add('structure', `${sol.routes.length} routes but only ${p.vehicles.length} vehicles`);
  }

  sol.routes.forEach((route, k) => {
    const veh = p.vehicles[Math.min(k, p.vehicles.length - 1)]!;
    const nodes = route.nodes;
    const m = nodes.length;
    if (m < 2 || nodes[0] !== veh.start || nodes[m - 1] !== veh.end) {
      add('structure', `route ${k} must start at ${veh.start} and end at ${veh.end}`);
      return;
    }
    for (let i = 0; i < m; i++) {
      const x = nodes[i]!;
      if (!Number.isInteger(x) || x < 0 || x >= N) {
        add('structure', `route ${k}: unknown node ${x}`);
        return;
      }
      if (i > 0 && i < m - 1) {
        if (p.requestOf[x]! < 0) {
          add('structure', `route ${k}: node ${x} is not a request stop`);
          return;
        }
        if (seen.has(x)) add('coverage', `node ${x} visited more than once`);
        seen.set(x, { route: k, pos: i });
      }
    }
    for (let i = 0; i + 1 < m; i++) cost += t(nodes[i]!, nodes[i + 1]!);

    // Capacity along the route.
    let load = 0;
    for (let i = 0; i < m; i++) {
      load += p.load[nodes[i]!]!;
      if (load > veh.capacity + CHECK_EPS) add('capacity', `route ${k}: load ${load} > ${veh.capacity} at node ${nodes[i]}`);
      if (load < -CHECK_EPS) add('capacity', `route ${k}: negative load at node ${nodes[i]}`);
    }
    if (p.load2) {
      let load2 = 0;
      const cap2 = veh.capacity2 ?? Infinity;
      for (let i = 0; i < m; i++) {
        load2 += p.load2[nodes[i]!]!;
        if (load2 > cap2 + CHECK_EPS) add('capacity', `route ${k}: second load ${load2} > ${cap2} at node ${nodes[i]}`);
      }
    }

    // Difference constraints on positions, added in stages so that the first stage
    // that fails names the cause: travel + windows, then ride times, then duration.
    const lower = nodes.map((x) => p.early[x]!);
    const travelEdges: Edge[] = [];
    for (let i = 0; i + 1 < m; i++) {
      travelEdges.push({ from: i, to: i + 1, w: p.service[nodes[i]!]! + t(nodes[i]!, nodes[i + 1]!) });
    }
    const ridePairs: { r: number; i: number; j: number }[] = [];
    const rideEdges: Edge[] = [];
    for (let j = 1; j < m - 1; j++) {
      const r = p.requestOf[nodes[j]!]!;
      const req = p.requests[r]!;
      if (nodes[j] !== req.delivery) continue;
      const i = nodes.indexOf(req.pickup);
      if (i < 0 || i > j) continue; // reported by the pairing check
      ridePairs.push({ r, i, j });
      rideEdges.push({ from: j, to: i, w: -p.service[req.pickup]! - req.maxRide });
    }
    const durationEdge: Edge = { from: m - 1, to: 0, w: -veh.maxDuration };
    const stages: { edges: Edge[]; label: string }[] = [
      { edges: travelEdges, label: 'travel and time windows' },
      { edges: [...travelEdges, ...rideEdges], label: 'ride times' },
      { edges: [...travelEdges, ...rideEdges, durationEdge], label: 'route duration' },
    ];
    let B: number[] | null = null;
    for (const stage of stages) {
      const before = v.length;
      B = earliestTimes(lower, stage.edges);
      if (!B) add(stage === stages[1] ? 'ride' : 'duration', `route ${k}: ${stage.label} cannot be met (positive cycle)`);
      else {
        const si = stages.indexOf(stage);
        // Stage s only enforces its own constraints, so it only verifies those.
        verifySchedule(p, k, nodes, B, si >= 1 ? ridePairs : [], si >= 2 ? veh.maxDuration : Infinity, `with ${stage.label}`, add, (['window', 'ride', 'duration'] as const)[si]);
      }
      if (v.length > before) {
        B = null;
        break;
      }
    }
    starts.push(B ?? []);
    if (route.start !== undefined) {
      if (route.start.length !== m) add('schedule', `route ${k}: start has ${route.start.length} times for ${m} nodes`);
      else {
        for (let i = 0; i + 1 < m; i++) {
          const need = route.start[i]! + p.service[nodes[i]!]! + t(nodes[i]!, nodes[i + 1]!);
          if (route.start[i + 1]! < need - CHECK_EPS) {
            add('schedule', `route ${k}: given start at node ${nodes[i + 1]} is before arrival (${route.start[i + 1]} < ${need})`);
          }
        }
        verifySchedule(p, k, nodes, route.start, ridePairs, veh.maxDuration, 'given times', add);
      }
    }
  });

  // Pairing, precedence and coverage over the whole solution.
  p.requests.forEach((req, r) => {
    const a = seen.get(req.pickup);
    const b = seen.get(req.delivery);
    if (!a || !b) {
      add('coverage', `request ${r + 1} (${req.pickup}->${req.delivery}) not served`);
      return;
    }
    if (a.route !== b.route) add('precedence', `request ${r + 1}: pickup and delivery on different routes`);
    else if (a.pos > b.pos) add('precedence', `request ${r + 1}: delivery ${req.delivery} before pickup ${req.pickup}`);
  });

  if (sol.cost !== undefined && Math.abs(Math.round(sol.cost * 100) - Math.round(cost * 100)) > 1) {
    add('cost', `reported cost ${sol.cost} but routes cost ${cost}`);
  }
  return { feasible: v.length === 0, cost, violations: v, starts };
}

/**
 * Verifies windows, ride times and duration of a schedule. `blame`, when set, is the
 * kind reported for any window breach (a window only breaks in a later stage because
 * the added ride or duration constraints forced it).
 */
function verifySchedule(
  p: Problem,
  k: number,
  nodes: number[],
  B: number[],
  ridePairs: { r: number; i: number; j: number }[],
  maxDuration: number,
  label: string,
  add: (kind: ViolationKind, message: string) => void,
  blame?: ViolationKind,
): void {
  for (let i = 0; i < nodes.length; i++) {
    const x = nodes[i]!;
    if (B[i]! < p.early[x]! - CHECK_EPS || B[i]! > p.late[x]! + CHECK_EPS) {
      add(blame ?? 'window', `route ${k} (${label}): node ${x} served at ${B[i]!.toFixed(3)} outside [${p.early[x]}, ${p.late[x]}]`);
    }
  }
  for (const { r, i, j } of ridePairs) {
    const req = p.requests[r]!;
    const ride = B[j]! - B[i]! - p.service[req.pickup]!;
    if (ride > req.maxRide + CHECK_EPS) {
      add('ride', `route ${k} (${label}): request ${r + 1} rides ${ride.toFixed(3)} > ${req.maxRide}`);
    }
  }
  const duration = B[nodes.length - 1]! - B[0]!;
  if (duration > maxDuration + CHECK_EPS) {
    add('duration', `route ${k} (${label}): duration ${duration.toFixed(3)} > ${maxDuration}`);
  }
}
