/**
 * The night before: re-plan the next day's rides with the static solver (ALNS) to cut
 * the kilometres driven. Every promised window and ride limit is a hard constraint of
 * the problem handed to the solver, so the new plan keeps every promise; it is checked
 * by the independent checker (seats and wheelchair places included) and applied only
 * when it is feasible and cheaper, and
 * only if no booking changed the day while the solver ran.
 */
import { buildProblem, checkSolution, toSolutionJson, type NodeSpec, type PlannedStop, type Request, type Vehicle } from '../../engines/darp/index.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { loadDayPlan, lockDay, writeVehiclePlan, type DayPlan } from './day-plan.ts';
import { loadNetwork, serviceDay, type Network } from './network.ts';
import { solveOffThread } from './solve-off-thread.ts';
import { asPlatformDb, type TransitContext } from './transit-context.ts';

export interface ReoptimiseResult {
  trips: number;
  costBefore: number;
  costAfter: number;
  applied: boolean;
  note: 'applied' | 'no_trips' | 'closed' | 'not_better' | 'started' | 'changed_meanwhile' | 'infeasible';
}

function signature(plan: DayPlan): string {
  return [...plan.trips.values()].map((t) => `${t.id}:${t.updated_at.getTime()}:${t.status}`).sort().join('|');
}

/** The day's plan as one static DARP instance: two depot nodes per vehicle, two nodes per trip. */
function dayProblem(plan: DayPlan, network: Network, hours: { opens: number; closes: number }) {
  const locations: number[] = [];
  const nodes: NodeSpec[] = [];
  const vehicles: Vehicle[] = [];
  for (const v of plan.vehicles) {
    const depot = network.matrix.indexOf(v.vehicle.depotStopId);
    vehicles.push({ start: nodes.length, end: nodes.length + 1, capacity: v.vehicle.seats, capacity2: v.vehicle.wheelchairSpaces, maxDuration: Infinity });
    for (let i = 0; i < 2; i++) {
      locations.push(depot);
      nodes.push({ early: hours.opens, late: hours.closes, service: 0, load: 0 });
    }
  }
  const stops: PlannedStop[] = [];
  const nodeOf = new Map<PlannedStop, number>();
  const requests: Request[] = [];
  for (const v of plan.vehicles) {
    const pickups = v.plan.stops.filter((s) => s.kind === 'pickup');
    for (const pu of pickups) {
      const drop = v.plan.stops.find((s) => s.kind === 'dropoff' && s.requestId === pu.requestId)!;
      const p = nodes.length;
      for (const s of [pu, drop]) {
        stops[nodes.length] = s;
        nodeOf.set(s, nodes.length);
        locations.push(s.location);
        const sign = s.kind === 'pickup' ? 1 : -1;
        nodes.push({ early: s.early, late: s.late, service: s.service, load: sign * s.load, load2: sign * (s.load2 ?? 0) });
      }
      requests.push({ pickup: p, delivery: p + 1, maxRide: pu.maxRide });
    }
  }
  const N = nodes.length;
  const travel = new Float64Array(N * N);
  for (let a = 0; a < N; a++) for (let b = 0; b < N; b++) travel[a * N + b] = a === b ? 0 : network.matrix.seconds(locations[a]!, locations[b]!);
  const problem = buildProblem({ name: plan.date, nodes, travel, requests, vehicles });
  // Cost of today's plan in the same matrix, for the comparison.
  let costBefore = 0;
  plan.vehicles.forEach((v, k) => {
    let prev = vehicles[k]!.start;
    for (const s of v.plan.stops) {
      const node = nodeOf.get(s)!;
      costBefore += travel[prev * N + node]!;
      prev = node;
    }
    costBefore += travel[prev * N + vehicles[k]!.end]!;
  });
  return { problem, stops, costBefore };
}

export async function reoptimiseDay(ctx: TransitContext, date: string, options: { seed?: number; timeLimit?: number; iterations?: number } = {}): Promise<ReoptimiseResult> {
  const started = performance.now();
  const finish = async (r: ReoptimiseResult) => {
    await ctx.db.insertInto('transit_optimisations').values({ service_date: date, trips: r.trips, cost_before: r.costBefore, cost_after: r.costAfter, applied: r.applied, note: r.note, seconds: (performance.now() - started) / 1000 }).execute();
    return r;
  };
  const hours = await serviceDay(ctx.db, date);
  if (!hours.open) return finish({ trips: 0, costBefore: 0, costAfter: 0, applied: false, note: 'closed' });
  const network = await loadNetwork(ctx.db, ctx.travel);
  const plan = await loadDayPlan(ctx.db, network, date, hours, { now: ctx.now() });
  const trips = plan.trips.size;
  if (trips === 0) return finish({ trips, costBefore: 0, costAfter: 0, applied: false, note: 'no_trips' });
  // Once a ride has begun the day belongs to the live insertion, not to the night plan.
  if ([...plan.trips.values()].some((t) => t.status !== 'booked') || plan.vehicles.some((v) => v.done.length > 0)) {
    return finish({ trips, costBefore: 0, costAfter: 0, applied: false, note: 'started' });
  }
  const { problem, stops, costBefore } = dayProblem(plan, network, hours);
  const result = await solveOffThread(problem, { seed: options.seed ?? 1, ...(options.iterations ? { iterations: options.iterations } : { timeLimit: options.timeLimit ?? ctx.reoptimiseSeconds }) });
  const check = checkSolution(problem, toSolutionJson(problem, result));
  if (result.unserved.length > 0 || !check.feasible) {
    ctx.log.warn({ date, unserved: result.unserved.length, violations: check.violations.slice(0, 3) }, 'night re-optimisation produced no usable plan; keeping the current one');
    return finish({ trips, costBefore, costAfter: check.cost, applied: false, note: 'infeasible' });
  }
  if (check.cost >= costBefore - 1e-6) return finish({ trips, costBefore, costAfter: check.cost, applied: false, note: 'not_better' });
  const applied = await ctx.db.transaction().execute(async (trx) => {
    await lockDay(trx, date);
    const now = await loadDayPlan(trx, network, date, hours, { now: ctx.now() });
    if (signature(now) !== signature(plan)) return false;
    for (const [k, route] of result.routes.entries()) {
      await writeVehiclePlan(trx, now, now.vehicles[k]!, route.map((n) => stops[n]!), check.starts[k]!.slice(1, -1));
    }
    await trx.insertInto('transit_events').values({ service_date: date, kind: 'reoptimised', trip_id: null, vehicle_id: null }).execute();
    await recordAudit(asPlatformDb(trx), { actor: { type: 'system', id: null }, action: 'transit.plan.reoptimised', targetType: 'transit_day', targetId: date, details: { costBefore, costAfter: check.cost, trips } });
    return true;
  });
  return finish({ trips, costBefore, costAfter: check.cost, applied, note: applied ? 'applied' : 'changed_meanwhile' });
}
