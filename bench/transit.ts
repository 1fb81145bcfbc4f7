/**
 * `npm run bench:transit [-- --requests 150 --vehicles 8 --seed 1 --iterations 3000]`
 * One service day of the on-demand bus, in-process through the booking service:
 * seeded ride requests (bench/transit-demand.ts) arrive online from the evening
 * before through the day; each is quoted (quoteTrip) and, when there are offers, the
 * first is booked (bookTrip), with the clock moved to the moment it arrives. On the
 * service day the drivers keep up: between two requests every planned stop whose time
 * has come is recorded (boarded / dropped, recordStop at its planned time; untimed;
 * `--no-drivers` leaves them pending, to show what that does). Prints
 * answer times, share served, offers, planned vehicle km; then books the same
 * requests all the evening before and runs the night re-optimisation (reoptimiseDay)
 * with a fixed iteration budget. Runs on a fresh in-memory PGlite, or with
 * DATABASE_URL on a new temporary database `oshu_bench_<random>` on that server,
 * dropped at the end. Prints numbers only.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildProblem } from '../src/engines/darp/index.ts';
import { addDays } from '../src/platform/time/today.ts';
import { bookTrip, quoteTrip, type TripInput } from '../src/services/transit/booking-service.ts';
import { recordStop } from '../src/services/transit/driver-service.ts';
import { loadNetwork, type Network } from '../src/services/transit/network.ts';
import { reoptimiseDay, type ReoptimiseResult } from '../src/services/transit/reoptimise.ts';
import { solveOffThread } from '../src/services/transit/solve-off-thread.ts';
import { DEMO_VEHICLES } from '../src/services/transit/transit-demo-data.ts';
import { nextWeekday, OPERATOR, todayJapan, transitKit, type TransitKit } from '../src/services/transit/transit-test-kit.ts';
import { pgliteBenchDatabase, postgresBenchDatabase, type BenchDatabase } from './bench-database.ts';
import { generateDemand, percentile, type DemandRequest } from './transit-demand.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
};
const REQUESTS = option('requests', 150);
const VEHICLES = option('vehicles', 8);
const SEED = option('seed', 1);
const ITERATIONS = option('iterations', 3000);
/** Without drivers nobody records boarded / dropped, and on the service day every past stop stays pending. */
const DRIVERS = !args.includes('--no-drivers');

/** Vehicles added to the four demo ones (cycled when more are asked for); depots at demo stops. */
const EXTRA_VEHICLES = [
  { name: '前沢5号車（ワゴン・車いす対応）', seats: 9, wheelchairSpaces: 1, depot: 'magokoro-hospital' },
  { name: '前沢6号車（セダン）', seats: 4, wheelchairSpaces: 0, depot: 'shopping-plaza' },
  { name: '前沢7号車（ワゴン・車いす対応）', seats: 6, wheelchairSpaces: 1, depot: 'maesawa-branch' },
  { name: '前沢8号車（ワゴン）', seats: 5, wheelchairSpaces: 0, depot: 'maesawa-station' },
];

// ---------------------------------------------------------------------------------
// Database: in-memory PGlite, or a throw-away database on DATABASE_URL's server.

async function benchDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? postgresBenchDatabase(serverUrl) : pgliteBenchDatabase();
}

async function setFleet(kit: TransitKit, count: number): Promise<void> {
  const demo = DEMO_VEHICLES.map((v) => v.id);
  if (count < demo.length) {
    await kit.db.updateTable('transit_vehicles').set({ active: false }).where('id', 'in', demo.slice(count)).execute();
    return;
  }
  const rows = Array.from({ length: count - demo.length }, (_, i) => {
    const t = EXTRA_VEHICLES[i % EXTRA_VEHICLES.length]!;
    const n = demo.length + i + 1;
    return { id: `maesawa-${n}`, name: t.name.replace(/\d+号車/, `${n}号車`), seats: t.seats, wheelchair_spaces: t.wheelchairSpaces, depot_stop_id: t.depot };
  });
  if (rows.length) await kit.db.insertInto('transit_vehicles').values(rows).execute();
}

// ---------------------------------------------------------------------------------
// One day of bookings.

interface DayRun {
  date: string;
  served: number;
  passengersServed: number;
  offers: number[];
  refusals: Map<string, number>;
  taken: number;
  quoteMs: number[];
  quoteBookMs: number[];
  /** Boarded / dropped records made by the simulated drivers before the last request. */
  stopsRecorded: number;
}

const inputOf = (r: DemandRequest, date: string): TripInput => ({
  date,
  originStopId: r.originStopId,
  destinationStopId: r.destinationStopId,
  kind: r.kind,
  time: r.time,
  passengers: r.passengers,
  wheelchair: r.wheelchair,
});

/**
 * The drivers on `date` up to `until` (seconds): every pending stop planned at or before
 * it is recorded at its planned time, in time order (a pickup boards, a drop-off completes).
 * Returns the number of stops recorded.
 */
async function driveUntil(kit: TransitKit, date: string, until: number): Promise<number> {
  let recorded = 0;
  for (;;) {
    const next = await kit.db
      .selectFrom('transit_plan_stops as s')
      .innerJoin('transit_trips as t', 't.id', 's.trip_id')
      .select(['s.trip_id', 's.kind', 's.planned_time'])
      .where('s.service_date', '=', date)
      .where('s.planned_time', '<=', until)
      .where((eb) => eb.or([eb.and([eb('s.kind', '=', 'pickup'), eb('t.status', '=', 'booked')]), eb.and([eb('s.kind', '=', 'dropoff'), eb('t.status', '=', 'boarded')])]))
      .orderBy('s.planned_time')
      .orderBy('s.vehicle_id')
      .orderBy('s.seq')
      .limit(1)
      .executeTakeFirst();
    if (!next) return recorded;
    kit.setNow(date, next.planned_time);
    await recordStop(kit.ctx, OPERATOR, next.trip_id, next.kind === 'pickup' ? 'board' : 'drop');
    recorded++;
  }
}

async function bookDay(kit: TransitKit, riders: string[], requests: DemandRequest[], date: string, clockAt: (r: DemandRequest) => [string, number]): Promise<DayRun> {
  const run: DayRun = { date, served: 0, passengersServed: 0, offers: [], refusals: new Map(), taken: 0, quoteMs: [], quoteBookMs: [], stopsRecorded: 0 };
  for (const r of requests) {
    const [day, seconds] = clockAt(r);
    if (DRIVERS && day === date) run.stopsRecorded += await driveUntil(kit, date, seconds);
    kit.setNow(day, seconds);
    const input = inputOf(r, date);
    const riderId = riders[r.n]!;
    const t0 = performance.now();
    const quote = await quoteTrip(kit.ctx, OPERATOR, riderId, input, 'web');
    const quoted = performance.now() - t0;
    run.quoteMs.push(quoted);
    if (!quote.ok) {
      run.offers.push(0);
      run.refusals.set(quote.reason, (run.refusals.get(quote.reason) ?? 0) + 1);
      continue;
    }
    run.offers.push(quote.offers.length);
    const offer = quote.offers[0]!;
    const t1 = performance.now();
    try {
      await bookTrip(kit.ctx, OPERATOR, { riderId, input, pickup: offer.pickup, dropoff: offer.dropoff, idempotencyKey: `bench-${date}-${r.n}`, channel: 'web' });
    } catch (error) {
      if ((error as { code?: string }).code !== 'trip_taken') throw error;
      run.taken++;
      continue;
    }
    run.quoteBookMs.push(quoted + performance.now() - t1);
    run.served++;
    run.passengersServed += r.passengers;
  }
  return run;
}

/** Planned driving of the day from transit_plan_stops: depot → stops → depot per vehicle, network matrix metres. */
async function plannedKm(kit: TransitKit, network: Network, date: string): Promise<{ km: number; vehiclesUsed: number; directKm: number }> {
  const rows = await kit.db
    .selectFrom('transit_plan_stops as s')
    .innerJoin('transit_trips as t', 't.id', 's.trip_id')
    .select(['s.vehicle_id', 's.seq', 's.kind', 't.origin_stop_id', 't.destination_stop_id'])
    .where('s.service_date', '=', date)
    .where('t.status', '!=', 'cancelled')
    .orderBy('s.vehicle_id')
    .orderBy('s.seq')
    .execute();
  const m = network.matrix;
  let metres = 0;
  let vehiclesUsed = 0;
  for (const vehicle of network.vehicles) {
    const stops = rows.filter((r) => r.vehicle_id === vehicle.id);
    if (stops.length === 0) continue;
    vehiclesUsed++;
    const depot = m.indexOf(vehicle.depotStopId);
    let at = depot;
    for (const s of stops) {
      const next = m.indexOf(s.kind === 'pickup' ? s.origin_stop_id : s.destination_stop_id);
      metres += m.metres(at, next);
      at = next;
    }
    metres += m.metres(at, depot);
  }
  const trips = await kit.db.selectFrom('transit_trips').select(['origin_stop_id', 'destination_stop_id']).where('service_date', '=', date).where('status', '!=', 'cancelled').execute();
  const direct = trips.reduce((s, t) => s + m.metres(m.indexOf(t.origin_stop_id), m.indexOf(t.destination_stop_id)), 0);
  return { km: metres / 1000, vehiclesUsed, directKm: direct / 1000 };
}

/** Seconds to start the solver worker and solve a one-ride problem: the fixed part of reoptimiseDay's time. */
async function workerStartSeconds(): Promise<number> {
  const nodes = [0, 1, 2, 3].map((i) => ({ early: 0, late: 36000, service: 0, load: i === 2 ? 1 : i === 3 ? -1 : 0 }));
  const travel = Float64Array.from({ length: 16 }, (_, k) => (Math.floor(k / 4) === k % 4 ? 0 : 60));
  const problem = buildProblem({ name: 'tiny', nodes, travel, requests: [{ pickup: 2, delivery: 3, maxRide: 3600 }], vehicles: [{ start: 0, end: 1, capacity: 4, maxDuration: Infinity }] });
  const t0 = performance.now();
  await solveOffThread(problem, { seed: 1, iterations: 1 });
  return (performance.now() - t0) / 1000;
}

// ---------------------------------------------------------------------------------

const demand = generateDemand({ count: REQUESTS, seed: SEED });
const bench = await benchDatabase();
let results: {
  online: DayRun & { plan: Awaited<ReturnType<typeof plannedKm>> };
  evening: DayRun & { plan: Awaited<ReturnType<typeof plannedKm>> };
  after: Awaited<ReturnType<typeof plannedKm>>;
  reopt: ReoptimiseResult;
  reoptSeconds: number;
  workerSeconds: number;
  network: Network;
};
try {
  const kit = await transitKit(bench.db);
  await setFleet(kit, VEHICLES);
  const riders: string[] = [];
  for (const r of demand) riders.push(await kit.rider('ベンチ 利用者', { wheelchair: r.wheelchair }));
  const network = await loadNetwork(kit.db, kit.ctx.travel);

  // Day 1: bookings arrive online in order, the clock at each arrival moment.
  const day1 = nextWeekday(todayJapan(), 2);
  const at = (r: DemandRequest, date: string): [string, number] => [r.bookedAt.day === -1 ? addDays(date, -1) : date, r.bookedAt.seconds];
  // Warm-up: one quote (no booking) so module loading and JIT are not in the first sample.
  kit.setNow(addDays(day1, -1), 12 * 3600);
  await quoteTrip(kit.ctx, OPERATOR, riders[0]!, inputOf(demand[0]!, day1), 'web');
  const online = await bookDay(kit, riders, demand, day1, (r) => at(r, day1));
  const onlinePlan = await plannedKm(kit, network, day1);

  // Day 2: the same requests, all booked the evening before (18:00 on, 30 s apart), then the night re-optimisation.
  const day2 = nextWeekday(day1, 1);
  const prev = addDays(day2, -1);
  const evening = await bookDay(kit, riders, demand, day2, (r) => [prev, 18 * 3600 + r.n * 30]);
  const eveningPlan = await plannedKm(kit, network, day2);
  kit.setNow(prev, 23 * 3600);
  const t0 = performance.now();
  const reopt = await reoptimiseDay(kit.ctx, day2, { iterations: ITERATIONS, seed: SEED });
  const reoptSeconds = (performance.now() - t0) / 1000;
  const workerSeconds = await workerStartSeconds();
  const after = await plannedKm(kit, network, day2);
  results = { online: { ...online, plan: onlinePlan }, evening: { ...evening, plan: eveningPlan }, after, reopt, reoptSeconds, workerSeconds, network };
} finally {
  await bench.dispose();
}

// ---------------------------------------------------------------------------------
// Report.

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
const trio = (xs: number[]) => `${f(percentile(xs, 0.5))} / ${f(percentile(xs, 0.95))} / ${f(Math.max(...xs))}`;
const reasons = (m: Map<string, number>, taken: number) =>
  [...[...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`), ...(taken ? [`taken ${taken}`] : [])].join(', ') || 'none';
const histogram = (offers: number[]) => [0, 1, 2, 3].map((k) => `${k}:${offers.filter((o) => o === k).length}`).join(' ');

const { online, evening, after, reopt } = results;
const wheelchairs = demand.filter((r) => r.wheelchair).length;
const arrive = demand.filter((r) => r.kind === 'arrive').length;
const sameDay = demand.filter((r) => r.bookedAt.day === 0).length;
const seats = results.network.vehicles.reduce((s, v) => s + v.seats, 0);
const wcSpaces = results.network.vehicles.reduce((s, v) => s + v.wheelchairSpaces, 0);

console.log(`\non-demand bus, one service day — ${bench.label}`);
console.log(`machine: ${os.cpus().length} cores (shared), load ${os.loadavg()[0]!.toFixed(2)}, Node ${process.version}`);
console.log(
  `demand: ${REQUESTS} requests (seed ${SEED}): ${demand.reduce((s, r) => s + r.passengers, 0)} passengers, ${wheelchairs} wheelchair, ${arrive} arrive-by; ` +
    `booked ${REQUESTS - sameDay} the evening before / ${sameDay} on the day`,
);
console.log(`fleet: ${results.network.vehicles.length} vehicles, ${seats} seats, ${wcSpaces} wheelchair spaces; service 8:00–17:00; travel model: estimate (×1.35 straight line, 30 km/h)\n`);

const rows: [string, string, string][] = [
  ['service date', online.date, evening.date],
  ['requests served', `${online.served} / ${REQUESTS} (${pct(online.served, REQUESTS)})`, `${evening.served} / ${REQUESTS} (${pct(evening.served, REQUESTS)})`],
  ['passengers served', String(online.passengersServed), String(evening.passengersServed)],
  ['offers per request (mean)', f(online.offers.reduce((s, x) => s + x, 0) / REQUESTS, 2), f(evening.offers.reduce((s, x) => s + x, 0) / REQUESTS, 2)],
  ['requests with 0/1/2/3 offers', histogram(online.offers), histogram(evening.offers)],
  ['not served (reason)', reasons(online.refusals, online.taken), reasons(evening.refusals, evening.taken)],
  ['quote ms p50 / p95 / max', trio(online.quoteMs), trio(evening.quoteMs)],
  ['quote+book ms p50 / p95 / max', trio(online.quoteBookMs), trio(evening.quoteBookMs)],
  ['planned vehicle km', f(online.plan.km), f(evening.plan.km)],
  ['km per served passenger', f(online.plan.km / online.passengersServed, 2), f(evening.plan.km / evening.passengersServed, 2)],
  ['direct km of served rides', f(online.plan.directKm), f(evening.plan.directKm)],
  ['vehicles used', String(online.plan.vehiclesUsed), String(evening.plan.vehiclesUsed)],
  ['stops recorded by drivers meanwhile', DRIVERS ? String(online.stopsRecorded) : 'off (--no-drivers)', String(evening.stopsRecorded)],
];
const w0 = Math.max(...rows.map((r) => r[0].length), 10) + 2;
const w1 = Math.max(...rows.map((r) => r[1].length), 'online, arrival order'.length) + 2;
console.log(`${''.padEnd(w0)}${'online, arrival order'.padEnd(w1)}all booked evening before`);
for (const [label, a, b] of rows) console.log(`${label.padEnd(w0)}${a.padEnd(w1)}${b}`);

console.log(`\nnight re-optimisation of ${evening.date} (reoptimiseDay, ${ITERATIONS} iterations, seed ${SEED}, ${reopt.trips} trips)`);
const reoptRows: [string, string][] = [
  ['planned vehicle km', `${f(evening.plan.km)} → ${f(after.km)} (${after.km <= evening.plan.km ? '−' : '+'}${pct(Math.abs(evening.plan.km - after.km), evening.plan.km)})`],
  ['km per served passenger', `${f(evening.plan.km / evening.passengersServed, 2)} → ${f(after.km / evening.passengersServed, 2)}`],
  ['driving minutes (solver cost)', `${f(reopt.costBefore / 60)} → ${f(reopt.costAfter / 60)}`],
  ['vehicles used', `${evening.plan.vehiclesUsed} → ${after.vehiclesUsed}`],
  ['outcome', `${reopt.note}${reopt.applied ? '' : ' (plan kept)'}`],
  ['seconds, reoptimiseDay (wall)', f(results.reoptSeconds, 2)],
  ['  of which worker start (1-ride solve)', `≈ ${f(results.workerSeconds, 2)}`],
];
for (const [label, value] of reoptRows) console.log(`${label.padEnd(w0 + 14)}${value}`);
