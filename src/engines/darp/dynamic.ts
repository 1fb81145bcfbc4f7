/**
 * Dynamic insertion for the live service: given the current plan of every vehicle and
 * a new ride request, list the feasible ways to serve it, cheapest first, without
 * breaking any promise already made (committed stops keep their time windows, riders
 * keep their max ride times, including riders already on board).
 *
 * Locations are opaque numbers understood by the caller's travel-time function, so the
 * service can use a road-network matrix. Each vehicle is turned into a small Problem
 * (start = where/when the vehicle becomes free, end = its end location and shift end)
 * and the same exact insertion machinery as the static solver is reused.
 */
import { analyseRoute, forEachFeasibleInsertion } from './insertion.ts';
import { buildProblem } from './model.ts';
import type { NodeSpec, Request, Vehicle } from './model.ts';
import { Scheduler } from './schedule.ts';

export type TravelTime = (from: number, to: number) => number;

export interface PlannedStop {
  requestId: string;
  kind: 'pickup' | 'dropoff';
  location: number;
  /** Promised window for the start of service at this stop. */
  early: number;
  late: number;
  service: number;
  /** Seats taken by the request (positive). */
  load: number;
  /** Places taken in the second load dimension (e.g. wheelchair places), if any. */
  load2?: number;
  /** The request's maximum ride time. */
  maxRide: number;
}

export interface OnBoardRider {
  requestId: string;
  /** Time service started at the pickup (already happened). */
  pickedUpAt: number;
  pickupService: number;
}

export interface VehiclePlan {
  id: string;
  capacity: number;
  /** Capacity in the second load dimension (e.g. wheelchair places); unlimited when absent. */
  capacity2?: number;
  /** Where the vehicle will next be free to change plans, and from when. */
  location: number;
  availableAt: number;
  endLocation: number;
  /** Latest arrival at endLocation. */
  shiftEnd: number;
  /** Riders in the vehicle now; their drop-offs must be among `stops`. */
  onBoard: OnBoardRider[];
  /** Committed future stops, in order. */
  stops: PlannedStop[];
}

export interface RideRequest {
  id: string;
  pickup: { location: number; early: number; late: number; service: number };
  dropoff: { location: number; early: number; late: number; service: number };
  load: number;
  load2?: number;
  maxRide: number;
}

export interface InsertionOption {
  vehicleId: string;
  pickupTime: number;
  dropoffTime: number;
  /** Added travel time (the objective). */
  addedCost: number;
  /** The vehicle's new stop list and the earliest feasible start time at each stop. */
  stops: PlannedStop[];
  schedule: number[];
}

export interface InsertionQuery {
  /** Keep only the best `limit` options overall (default: all). */
  limit?: number;
}

/**
 * Feasible options for serving `request`, cheapest first. An empty list means no
 * vehicle can take the request without breaking a promise.
 */
export function insertionOptions(plans: VehiclePlan[], request: RideRequest, travel: TravelTime, query: InsertionQuery = {}): InsertionOption[] {
  const out: InsertionOption[] = [];
  for (const plan of plans) out.push(...vehicleOptions(plan, request, travel));
  out.sort((a, b) => a.addedCost - b.addedCost || a.pickupTime - b.pickupTime);
  return query.limit !== undefined ? out.slice(0, query.limit) : out;
}

/** The vehicle's committed stops (plus any extra ones) as a one-vehicle Problem. */
function vehicleProblem(plan: VehiclePlan, extra: PlannedStop[], travel: TravelTime) {
  // Node layout: 0 = start, 1 = end, 2.. = committed stops, then the extra stops.
  const stops = [...plan.stops, ...extra];
  const locations = [plan.location, plan.endLocation, ...stops.map((s) => s.location)];
  const onBoard = new Map(plan.onBoard.map((r) => [r.requestId, r]));
  for (const id of onBoard.keys()) {
    if (!plan.stops.some((s) => s.kind === 'dropoff' && s.requestId === id)) {
      throw new Error(`vehicle ${plan.id}: rider ${id} is on board but has no drop-off stop`);
    }
  }
  const onBoardDrops = plan.stops.filter((s) => s.kind === 'dropoff' && onBoard.has(s.requestId));
  const onBoardLoad = onBoardDrops.reduce((a, s) => a + s.load, 0);
  const onBoardLoad2 = onBoardDrops.reduce((a, s) => a + (s.load2 ?? 0), 0);
  const nodes: NodeSpec[] = [
    { early: plan.availableAt, late: plan.shiftEnd, service: 0, load: onBoardLoad, load2: onBoardLoad2 },
    { early: plan.availableAt, late: plan.shiftEnd, service: 0, load: 0 },
  ];
  const requests: Request[] = [];
  const pickupNode = new Map<string, number>();
  stops.forEach((s, k) => {
    const node = k + 2;
    let late = s.late;
    const rider = s.kind === 'dropoff' ? onBoard.get(s.requestId) : undefined;
    // A rider already on board: the ride limit becomes a plain deadline.
    if (rider) late = Math.min(late, rider.pickedUpAt + rider.pickupService + s.maxRide);
    const sign = s.kind === 'pickup' ? 1 : -1;
    nodes.push({ early: s.early, late, service: s.service, load: sign * s.load, load2: sign * (s.load2 ?? 0) });
    if (s.kind === 'pickup') pickupNode.set(s.requestId, node);
    else if (!rider) {
      const pu = pickupNode.get(s.requestId);
      if (pu === undefined) throw new Error(`vehicle ${plan.id}: drop-off of ${s.requestId} has no pickup and the rider is not on board`);
      requests.push({ pickup: pu, delivery: node, maxRide: s.maxRide });
    }
  });
  const L = locations.length;
  const matrix = new Float64Array(L * L);
  for (let a = 0; a < L; a++) for (let b = 0; b < L; b++) matrix[a * L + b] = a === b ? 0 : travel(locations[a]!, locations[b]!);
  const vehicle: Vehicle = { start: 0, end: 1, capacity: plan.capacity, maxDuration: Infinity, ...(plan.capacity2 !== undefined ? { capacity2: plan.capacity2 } : {}) };
  const p = buildProblem({ name: plan.id, nodes, travel: matrix, requests, vehicles: [vehicle] });
  return { p, vehicle, stops, requests, sched: new Scheduler(p), current: plan.stops.map((_, k) => k + 2) };
}

/**
 * Earliest start of service at each committed stop of a vehicle, in order, or null when
 * the stops cannot all be kept (used after a cancellation or a manual change).
 */
export function scheduleStops(plan: VehiclePlan, travel: TravelTime): number[] | null {
  const { vehicle, sched, current } = vehicleProblem(plan, [], travel);
  if (!sched.feasible(vehicle, current)) return null;
  return Array.from(sched.B.subarray(1, current.length + 1));
}

function vehicleOptions(plan: VehiclePlan, request: RideRequest, travel: TravelTime): InsertionOption[] {
  const loads = { load: request.load, ...(request.load2 ? { load2: request.load2 } : {}), maxRide: request.maxRide };
  const newPickup: PlannedStop = { requestId: request.id, kind: 'pickup', ...loads, ...request.pickup };
  const newDropoff: PlannedStop = { requestId: request.id, kind: 'dropoff', ...loads, ...request.dropoff };
  const { p, vehicle, stops, requests, sched, current } = vehicleProblem(plan, [newPickup, newDropoff], travel);
  const info = analyseRoute(p, sched, vehicle, current);
  // A plan that is already infeasible cannot promise anything more.
  if (!info) return [];
  const newReq = requests[requests.length - 1]!;
  const options: InsertionOption[] = [];
  forEachFeasibleInsertion(p, sched, info, newReq, (delta, i, j) => {
    const seq: number[] = [];
    for (let k = 0; k <= current.length; k++) {
      if (k === i) seq.push(newReq.pickup);
      if (k === j) seq.push(newReq.delivery);
      if (k < current.length) seq.push(current[k]!);
    }
    // The incremental check may not fill in the whole schedule; recompute it in full.
    if (!sched.feasible(vehicle, seq)) return;
    const times = Array.from(sched.B.subarray(1, seq.length + 1));
    options.push({
      vehicleId: plan.id,
      pickupTime: times[i]!,
      dropoffTime: times[j + 1]!,
      addedCost: delta,
      stops: seq.map((node) => stops[node - 2]!),
      schedule: times,
    });
  });
  return options;
}
