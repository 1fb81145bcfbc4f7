/**
 * `npm run bench:facilities [-- --requests 2000 --clients 50 --hot 0.1 --seed 1 --pg postgres://…]`
 * Facility booking under load, in-process through the booking service (bookRoom: the
 * checks, the fee, one transaction with the exclusion constraint and the audit entry):
 * 50 concurrent clients, each a different resident (a fresh one after every 3 unpaid
 * bookings, the per-resident limit), confirm bookings as fast as they
 * are answered. Most requests are for distinct slots across the demo facilities; a
 * share (--hot) goes to a handful of popular slots, so some lose to another client
 * and get the "just taken" answer with alternatives. Prints bookings/s, requests/s
 * and latency percentiles, on in-memory PGlite and — with --pg (or BENCH_DATABASE_URL)
 * — on a temporary database on that PostgreSQL server (created and dropped). Checks
 * afterwards that no two active bookings overlap. Numbers only; nothing is asserted.
 */
import os from 'node:os';
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { sql } from 'kysely';
import type { ResidentActor } from '../src/platform/access/actor.ts';
import { upsertResidentAccount } from '../src/platform/identity/resident-accounts.ts';
import { LoggingNotifier } from '../src/platform/notify/notifier.ts';
import { Payments } from '../src/platform/payments/payments.ts';
import { addDays } from '../src/platform/time/today.ts';
import { bookRoom } from '../src/services/facilities/booking-service.ts';
import { loadFacilities } from '../src/services/facilities/catalogue.ts';
import { slotsOn } from '../src/services/facilities/calendar.ts';
import type { FacilityContext } from '../src/services/facilities/facility-context.ts';
import { seedFacilities } from '../src/services/facilities/facility-seed.ts';
import { facilitiesDb } from '../src/services/facilities/tables.ts';
import { MAX_UNPAID_BOOKINGS } from '../src/services/facilities/policy.ts';
import { pgliteBenchDatabase, postgresBenchDatabase, type BenchDatabase } from './bench-database.ts';
import { runLotteryDraw } from './facilities-lottery.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
};
const pgIndex = args.indexOf('--pg');
const PG_URL = pgIndex >= 0 ? args[pgIndex + 1] : process.env.BENCH_DATABASE_URL;
const REQUESTS = option('requests', 2000);
const CLIENTS = option('clients', 50);
const HOT_SHARE = option('hot', 0.1);
const SEED = option('seed', 1);
/** A Tuesday outside the heating months; bookings go up to three months ahead. */
const NOW = new Date('2027-06-01T10:00:00+09:00');

const log = pino({ level: 'silent' });

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Wanted {
  roomId: string;
  date: string;
  block: string;
  purpose: string;
  headcount: number;
}

/** Every single-slot request the demo facilities allow in the next three months, shuffled; plus a few popular ones. */
async function workload(ctx: FacilityContext, rand: () => number): Promise<{ distinct: Wanted[]; hot: Wanted[] }> {
  const facilities = await loadFacilities(ctx.db);
  const all: Wanted[] = [];
  for (let d = 1; d <= 88; d++) {
    const date = addDays('2027-06-01', d);
    for (const f of facilities) {
      for (const room of f.rooms) {
        if (room.needsApproval) continue;
        for (const slot of slotsOn(f, room, date)) all.push({ roomId: room.id, date, block: slot.code, purpose: room.purposes[0]!, headcount: Math.min(room.capacity, 5) });
      }
    }
  }
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return { hot: all.slice(0, 8), distinct: all.slice(8) };
}

async function residents(ctx: FacilityContext, count: number): Promise<ResidentActor[]> {
  const out: ResidentActor[] = [];
  for (let i = 0; i < count; i++) {
    const accountId = await upsertResidentAccount(ctx.db as never, { issuer: 'urn:bench', subject: `bench-${i}`, displayName: `負荷 試験${i}`, assurance: 'card', claims: {}, residentId: `bench-${i}` });
    await ctx.db.insertInto('facility_users').values({ resident_account_id: accountId, name: `負荷 試験${i}`, name_kana: 'フカ シケン', phone: '09000000000', email: null, updated_at: NOW }).execute();
    out.push({ kind: 'resident', accountId, residentId: `bench-${i}`, displayName: `負荷 試験${i}`, assurance: 'card' });
  }
  return out;
}

interface Outcome {
  ms: number;
  result: 'booked' | 'taken' | 'error';
}

async function runBookings(bench: BenchDatabase): Promise<void> {
  const db = facilitiesDb(bench.db.kysely);
  await seedFacilities(db);
  const ctx: FacilityContext = { db, now: () => NOW, jobs: null, notifier: new LoggingNotifier(log), payments: new Payments(bench.db.kysely, null, { publicUrl: 'http://localhost', now: () => NOW, log }), log, publicUrl: 'http://localhost' };
  const rand = random(SEED);
  const { distinct, hot } = await workload(ctx, rand);
  const plan: Wanted[] = Array.from({ length: REQUESTS }, (_, i) => (rand() < HOT_SHARE ? hot[Math.floor(rand() * hot.length)]! : distinct[i % distinct.length]!));
  // A resident may hold only MAX_UNPAID_BOOKINGS unpaid bookings, and these stay unpaid:
  // each client moves on to a fresh resident of its own after that many (made before timing).
  const perClient = Math.ceil(REQUESTS / CLIENTS / MAX_UNPAID_BOOKINGS) + 1;
  const pool = await residents(ctx, CLIENTS * perClient);
  const people = Array.from({ length: CLIENTS }, (_, c) => pool.slice(c * perClient, (c + 1) * perClient));
  const outcomes: Outcome[] = [];
  let next = 0;
  const errors = new Map<string, number>();
  const started = performance.now();
  await Promise.all(
    people.map(async (mine) => {
      let booked = 0;
      while (next < plan.length) {
        const w = plan[next++]!;
        const resident = mine[Math.floor(booked / MAX_UNPAID_BOOKINGS)]!;
        const t0 = performance.now();
        try {
          await bookRoom(ctx, resident, { roomId: w.roomId, date: w.date, blockCodes: [w.block], purpose: w.purpose, purposeDetail: '', headcount: w.headcount, groupId: null, commercial: false, paymentChoice: 'online', idempotencyKey: crypto.randomUUID() });
          outcomes.push({ ms: performance.now() - t0, result: 'booked' });
          booked++;
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code === 'slot_taken') outcomes.push({ ms: performance.now() - t0, result: 'taken' });
          else {
            outcomes.push({ ms: performance.now() - t0, result: 'error' });
            const key = code ?? String(error);
            errors.set(key, (errors.get(key) ?? 0) + 1);
          }
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const booked = outcomes.filter((o) => o.result === 'booked');
  const taken = outcomes.filter((o) => o.result === 'taken');
  const all = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const bookedMs = booked.map((o) => o.ms).sort((a, b) => a - b);
  const takenMs = taken.map((o) => o.ms).sort((a, b) => a - b);
  // The invariant, checked by SQL rather than trusted: no two active rows of a room overlap.
  const overlaps = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM facility_bookings a JOIN facility_bookings b
      ON a.room_id = b.room_id AND a.id < b.id AND a.during && b.during
    WHERE a.status IN ('pending_approval', 'awaiting_payment', 'confirmed', 'held') AND b.status IN ('pending_approval', 'awaiting_payment', 'confirmed', 'held')`.execute(bench.db.kysely);
  const rows = await db.selectFrom('facility_bookings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const f = (n: number) => n.toFixed(1).padStart(8);
  console.log(`  requests ${REQUESTS} from ${CLIENTS} concurrent clients (${Math.round(HOT_SHARE * 100)}% aimed at ${hot.length} popular slots) in ${seconds.toFixed(2)} s`);
  console.log(`  booked ${booked.length}, just taken ${taken.length}, other errors ${outcomes.length - booked.length - taken.length}${errors.size ? ` (${[...errors].map(([k, v]) => `${k}×${v}`).join(', ')})` : ''}`);
  console.log(`  bookings/s ${(booked.length / seconds).toFixed(1)}   requests/s ${(outcomes.length / seconds).toFixed(1)}`);
  console.log(`  latency ms            p50      p95      p99      max`);
  console.log(`    all requests   ${f(percentile(all, 50))} ${f(percentile(all, 95))} ${f(percentile(all, 99))} ${f(all.at(-1) ?? 0)}`);
  console.log(`    booked         ${f(percentile(bookedMs, 50))} ${f(percentile(bookedMs, 95))} ${f(percentile(bookedMs, 99))} ${f(bookedMs.at(-1) ?? 0)}`);
  console.log(`    just taken     ${f(percentile(takenMs, 50))} ${f(percentile(takenMs, 95))} ${f(percentile(takenMs, 99))} ${f(takenMs.at(-1) ?? 0)}`);
  console.log(`  rows written ${rows.n} (= booked: ${rows.n === booked.length ? 'yes' : 'NO'}), overlapping active bookings ${overlaps.rows[0]!.n}`);
}

/**
 * One section of the benchmark, run on each database. The lottery adds its own here
 * (e.g. drawing a round of 10,000 applications): append `{ title, run }` to SECTIONS.
 */
interface BenchSection {
  title: string;
  run: (bench: BenchDatabase) => Promise<void>;
}

const SECTIONS: BenchSection[] = [
  { title: 'bookings (bookRoom, concurrent clients)', run: runBookings },
  { title: 'lottery draw (10,000 applications)', run: runLotteryDraw },
];

async function main(): Promise<void> {
  console.log(`bench:facilities — ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}, Node ${process.version}, seed ${SEED}`);
  const targets: (() => Promise<BenchDatabase>)[] = [pgliteBenchDatabase];
  if (PG_URL) targets.push(() => postgresBenchDatabase(PG_URL));
  else console.log('(PostgreSQL skipped: pass --pg postgres://user@host:5432/postgres or set BENCH_DATABASE_URL)');
  for (const open of targets) {
    for (const section of SECTIONS) {
      // A fresh database per section, so one section's rows never slow another.
      const bench = await open();
      try {
        console.log(`\n${section.title} — ${bench.label}`);
        await section.run(bench);
      } finally {
        await bench.dispose();
      }
    }
  }
}

await main();
