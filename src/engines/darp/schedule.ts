/**
 * Exact schedule feasibility for one route.
 *
 * Every DARP timing constraint on a fixed route is a difference constraint:
 *   B(k+1) >= B(k) + s(k) + t(k,k+1)         (travel, waiting allowed)
 *   e(k) <= B(k) <= l(k)                     (time windows)
 *   B(drop) - B(pick) - s(pick) <= L         (max ride  <=> B(pick) >= B(drop) - s - L)
 *   B(end) - B(start) <= T                   (max duration <=> B(start) >= B(end) - T)
 * All of them are monotone lower-bound propagations plus constant upper bounds, so the
 * route is feasible iff the least fixpoint of the lower bounds respects every l(k).
 * We compute that fixpoint with forward passes, raising a pickup (or the depot
 * departure) whenever a ride-time (or duration) constraint is violated. This is exact,
 * unlike a single forward-slack pass, and in practice needs only a few passes. It plays
 * the role of Cordeau & Laporte's eight-step procedure (which delays departures to cut
 * ride times) but decides feasibility exactly.
 */
import type { Problem, Vehicle } from './model.ts';

export const EPS = 1e-7;
/** Guard against slow convergence on (rare) near-zero positive cycles: give up = infeasible. */
const MAX_BUMPS = 2000;

/** Node at position k of the old route `full` with pickup after old position i and delivery after old position j. */
function insertedNodeAt(full: Int32Array, i: number, j: number, pickup: number, delivery: number, k: number): number {
  if (k <= i) return full[k]!;
  if (k === i + 1) return pickup;
  if (k <= j + 1) return full[k - 1]!;
  if (k === j + 2) return delivery;
  return full[k - 2]!;
}

export class Scheduler {
  /** Start time of service per position (0 = start depot, len+1 = end depot). */
  readonly B: Float64Array;
  private readonly lower: Float64Array;
  private readonly nodes: Int32Array;
  private readonly posOf: Int32Array;
  private readonly stampOf: Int32Array;
  /** For a delivery node: its pickup node (-1 otherwise) and the request's max ride. */
  private readonly pickupOf: Int32Array;
  private readonly maxRideAt: Float64Array;
  private stamp = 0;

  constructor(private readonly p: Problem) {
    const cap = p.nodeCount + 2;
    this.pickupOf = new Int32Array(p.nodeCount).fill(-1);
    this.maxRideAt = new Float64Array(p.nodeCount);
    for (const r of p.requests) {
      this.pickupOf[r.delivery] = r.pickup;
      this.maxRideAt[r.delivery] = r.maxRide;
    }
    this.B = new Float64Array(cap);
    this.lower = new Float64Array(cap);
    this.nodes = new Int32Array(cap);
    this.posOf = new Int32Array(p.nodeCount);
    this.stampOf = new Int32Array(p.nodeCount);
  }

  /** Feasibility of `route` for `vehicle`; on success this.B holds the earliest schedule. */
  feasible(vehicle: Vehicle, route: ArrayLike<number>, len = route.length): boolean {
    const nodes = this.nodes;
    nodes[0] = vehicle.start;
    for (let k = 0; k < len; k++) nodes[k + 1] = route[k]!;
    nodes[len + 1] = vehicle.end;
    return this.run(vehicle, len + 2);
  }

  /**
   * Same as feasible() for the route with pickup inserted before index i and delivery
   * before index j (i <= j, indices of the original route). Full check; on success
   * this.B holds the whole new schedule.
   */
  feasibleWith(
    vehicle: Vehicle,
    route: ArrayLike<number>,
    len: number,
    pickup: number,
    i: number,
    delivery: number,
    j: number,
  ): boolean {
    const nodes = this.nodes;
    nodes[0] = vehicle.start;
    let w = 1;
    for (let k = 0; k <= len; k++) {
      if (k === i) nodes[w++] = pickup;
      if (k === j) nodes[w++] = delivery;
      if (k < len) nodes[w++] = route[k]!;
    }
    nodes[w++] = vehicle.end;
    return this.run(vehicle, w);
  }

  /**
   * Fast path of feasibleWith() for the solver: `full` is the depot-inclusive old route
   * (m entries), `known` its earliest schedule and `knownPos` the positions of its
   * nodes. The caller has already checked capacity. Old earliest times are valid lower
   * bounds (adding stops can only delay the least schedule, by the triangle
   * inequality), so the passes start at the insertion point. this.B is only filled up
   * to the point where the delay is absorbed.
   */
  feasibleInsert(
    vehicle: Vehicle,
    full: Int32Array,
    m: number,
    pickup: number,
    i: number,
    delivery: number,
    j: number,
    known: Float64Array,
    knownPos: Int32Array,
  ): boolean {
    return this.runInserted(vehicle, full, m, pickup, i, delivery, j, known, knownPos);
  }

  /** Node at position k of the last scheduled route (0 = start depot). */
  nodeAt(k: number): number {
    return this.nodes[k]!;
  }

  private run(vehicle: Vehicle, m: number): boolean {
    const p = this.p;
    const { early, late, service, load, travel, isPickup } = p;
    const pickupOf = this.pickupOf;
    const maxRideAt = this.maxRideAt;
    const N = p.nodeCount;
    const nodes = this.nodes;
    const B = this.B;
    const lower = this.lower;
    const posOf = this.posOf;
    const stampOf = this.stampOf;
    const stamp = ++this.stamp;

    // Capacity (both dimensions) and pickup positions in one sweep.
    const load2 = p.load2;
    const cap2 = (vehicle.capacity2 ?? Infinity) + EPS;
    let q = 0;
    let q2 = 0;
    for (let k = 0; k < m; k++) {
      const v = nodes[k]!;
      q += load[v]!;
      if (q > vehicle.capacity + EPS) return false;
      if (load2 && (q2 += load2[v]!) > cap2) return false;
      lower[k] = early[v]!;
      if (isPickup[v] === 1) {
        posOf[v] = k;
        stampOf[v] = stamp;
      }
    }

    B[0] = lower[0]!;
    let from = 1;
    if (B[0]! > late[nodes[0]!]! + EPS) return false;
    for (let bumps = 0; bumps < MAX_BUMPS; bumps++) {
      // Forward pass from `from`.
      for (let k = from; k < m; k++) {
        const u = nodes[k - 1]!;
        const v = nodes[k]!;
        const arrive = B[k - 1]! + service[u]! + travel[u * N + v]!;
        const b = arrive > lower[k]! ? arrive : lower[k]!;
        if (b > late[v]! + EPS) return false;
        B[k] = b;
      }
      // First ride-time violation at or after `from`.
      let bumped = -1;
      for (let k = from; k < m; k++) {
        const pk = pickupOf[nodes[k]!]!;
        if (pk < 0 || stampOf[pk] !== stamp) continue; // not a delivery, or its pickup is not on this route
        const i = posOf[pk]!;
        const need = B[k]! - service[pk]! - maxRideAt[nodes[k]!]!;
        if (need > B[i]! + EPS) {
          if (need > late[pk]! + EPS) return false;
          lower[i] = need;
          B[i] = need;
          bumped = i;
          break;
        }
      }
      if (bumped >= 0) {
        from = bumped + 1;
        continue;
      }
      // Route duration: delay the departure from the depot if needed.
      const need0 = B[m - 1]! - vehicle.maxDuration;
      if (need0 > B[0]! + EPS) {
        if (need0 > late[nodes[0]!]! + EPS) return false;
        lower[0] = need0;
        B[0] = need0;
        from = 1;
        continue;
      }
      return true;
    }
    return false;
  }

  /**
   * Incremental variant of run() for a route that is a feasible route (earliest
   * schedule `known`) plus a pickup after old position i and a delivery after old
   * position j. The caller has already checked capacity. Old earliest times are valid
   * lower bounds; passes start at the insertion point and stop once the delay is
   * absorbed (a stop after the delivery keeps its old time): from there on the schedule
   * is the old one, whose ride times can only shrink (pickups may only move later) and
   * whose duration is unchanged.
   */
  private runInserted(
    vehicle: Vehicle,
    full: Int32Array,
    mOld: number,
    pickup: number,
    i: number,
    delivery: number,
    j: number,
    known: Float64Array,
    knownPos: Int32Array,
  ): boolean {
    const p = this.p;
    const { early, late, service, travel } = p;
    const pickupOf = this.pickupOf;
    const maxRideAt = this.maxRideAt;
    const N = p.nodeCount;
    const B = this.B;
    const lower = this.lower;
    const m = mOld + 2;
    const dPos = j + 2; // new position of the inserted delivery

    // Positions 0..i are unchanged: the old times are the starting point.
    for (let k = 0; k <= i; k++) {
      B[k] = known[k]!;
      lower[k] = known[k]!;
    }
    let inited = i + 1; // positions below this have lower[] set
    let from = i + 1;
    for (let bumps = 0; bumps < MAX_BUMPS; bumps++) {
      let bumped = -1;
      let absorbed = false;
      let u = insertedNodeAt(full, i, j, pickup, delivery, from - 1);
      for (let k = from; k < m; k++) {
        const v = insertedNodeAt(full, i, j, pickup, delivery, k);
        if (k >= inited) {
          const old = k <= i + 1 || k === dPos ? -Infinity : k <= j + 1 ? known[k - 1]! : known[k - 2]!;
          lower[k] = old > early[v]! ? old : early[v]!;
          inited = k + 1;
        }
        const arrive = B[k - 1]! + service[u]! + travel[u * N + v]!;
        const b = arrive > lower[k]! ? arrive : lower[k]!;
        if (b > late[v]! + EPS) return false;
        B[k] = b;
        // Ride time of the rider dropped here (pickups before k are final in this pass).
        const pk = pickupOf[v]!;
        if (pk >= 0) {
          let at = -1;
          if (pk === pickup) at = i + 1;
          else {
            const op = knownPos[pk]!;
            if (op >= 0) at = op <= i ? op : op <= j ? op + 1 : op + 2;
          }
          if (at >= 0) {
            const need = b - service[pk]! - maxRideAt[v]!;
            if (need > B[at]! + EPS) {
              if (need > late[pk]! + EPS) return false;
              lower[at] = need;
              B[at] = need;
              bumped = at;
              break;
            }
          }
        }
        if (k > dPos && b <= known[k - 2]! + 1e-12) {
          absorbed = true;
          break;
        }
        u = v;
      }
      if (bumped >= 0) {
        from = bumped + 1;
        continue;
      }
      if (absorbed) return true;
      const need0 = B[m - 1]! - vehicle.maxDuration;
      if (need0 > B[0]! + EPS) {
        if (need0 > late[full[0]!]! + EPS) return false;
        lower[0] = need0;
        B[0] = need0;
        from = 1;
        continue;
      }
      return true;
    }
    return false;
  }
}
