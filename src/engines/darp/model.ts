/**
 * Core data model of the dial-a-ride problem (DARP).
 *
 * The core never assumes coordinates: travel times come from a dense matrix so the
 * service can later plug in a road-network travel-time matrix. Coordinates, when an
 * instance has them, are kept only for reporting.
 *
 * Nodes are numbered 0..nodeCount-1. Every request owns one pickup node and one
 * delivery node; vehicles own a start node and an end node (which may be shared
 * between vehicles, as in the benchmark where every vehicle uses depots 0 and 2n+1).
 */

export interface Vehicle {
  start: number;
  end: number;
  capacity: number;
  /** Upper bound on B(end) - B(start). Infinity when the shift end is a window instead. */
  maxDuration: number;
  /** Capacity in the second load dimension (e.g. wheelchair places); unlimited when absent. */
  capacity2?: number;
}

export interface Request {
  pickup: number;
  delivery: number;
  /** Upper bound on B(delivery) - (B(pickup) + service(pickup)). */
  maxRide: number;
}

export interface Problem {
  name: string;
  nodeCount: number;
  /** Earliest / latest start of service per node. */
  early: Float64Array;
  late: Float64Array;
  service: Float64Array;
  /** Load change at the node: +q at a pickup, -q at a delivery, initial load at a vehicle start. */
  load: Float64Array;
  /**
   * Optional second load dimension (e.g. wheelchair places), with the same sign
   * convention as `load`; checked against Vehicle.capacity2. Absent in the benchmarks.
   */
  load2?: Float64Array;
  /** Row-major nodeCount x nodeCount travel times (= cost). */
  travel: Float64Array;
  requests: Request[];
  vehicles: Vehicle[];
  /** requestOf[node] = request index for pickups/deliveries, -1 otherwise. */
  requestOf: Int32Array;
  /** isPickup[node] = 1 for pickups. */
  isPickup: Uint8Array;
  /** Optional coordinates (benchmark files), not used by the optimiser. */
  coords?: Float64Array;
}

/** A route is the ordered list of stops strictly between the vehicle's start and end nodes. */
export type Route = number[];

export interface Solution {
  routes: Route[];
  /** Requests not served (only transient inside the search; final answers have none). */
  unserved: number[];
  cost: number;
}

export function dist(p: Problem, a: number, b: number): number {
  return p.travel[a * p.nodeCount + b]!;
}

/** Travel cost of one route including the legs from/to the vehicle depots. */
export function routeCost(p: Problem, vehicle: Vehicle, route: Route): number {
  const n = p.nodeCount;
  const t = p.travel;
  let prev = vehicle.start;
  let c = 0;
  for (const v of route) {
    c += t[prev * n + v]!;
    prev = v;
  }
  return c + t[prev * n + vehicle.end]!;
}

export function solutionCost(p: Problem, routes: Route[]): number {
  let c = 0;
  routes.forEach((r, k) => {
    c += routeCost(p, p.vehicles[k]!, r);
  });
  return c;
}

/** Euclidean matrix in double precision, the benchmark convention (never rounded). */
export function euclideanMatrix(xy: Float64Array): Float64Array {
  const n = xy.length / 2;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      m[i * n + j] = Math.hypot(xy[2 * i]! - xy[2 * j]!, xy[2 * i + 1]! - xy[2 * j + 1]!);
    }
  }
  return m;
}

export interface NodeSpec {
  early: number;
  late: number;
  service: number;
  load: number;
  load2?: number;
}

/**
 * Builds a Problem from plain node data plus a travel matrix. Request i uses
 * nodes requests[i].pickup / delivery; node arrays are indexed by node id.
 */
export function buildProblem(args: {
  name: string;
  nodes: NodeSpec[];
  travel: Float64Array;
  requests: Request[];
  vehicles: Vehicle[];
  coords?: Float64Array;
}): Problem {
  const N = args.nodes.length;
  if (args.travel.length !== N * N) throw new Error(`travel matrix must be ${N}x${N}`);
  const early = new Float64Array(N);
  const late = new Float64Array(N);
  const service = new Float64Array(N);
  const load = new Float64Array(N);
  args.nodes.forEach((s, i) => {
    early[i] = s.early;
    late[i] = s.late;
    service[i] = s.service;
    load[i] = s.load;
  });
  const load2 = args.nodes.some((s) => s.load2) ? Float64Array.from(args.nodes, (s) => s.load2 ?? 0) : undefined;
  const requestOf = new Int32Array(N).fill(-1);
  const isPickup = new Uint8Array(N);
  args.requests.forEach((r, i) => {
    requestOf[r.pickup] = i;
    requestOf[r.delivery] = i;
    isPickup[r.pickup] = 1;
  });
  const p: Problem = {
    name: args.name,
    nodeCount: N,
    early,
    late,
    service,
    load,
    travel: args.travel,
    requests: args.requests,
    vehicles: args.vehicles,
    requestOf,
    isPickup,
  };
  if (args.coords) p.coords = args.coords;
  if (load2) p.load2 = load2;
  return p;
}
