/**
 * The lottery section of `npm run bench:facilities`: one month's draw of 10,000
 * applications, through the service (drawRound, as the scheduled draw job calls it)
 * on the bench database.
 *
 * Set-up (timed on its own, not part of the draw): the demo facilities; one staff
 * member of 生涯学習スポーツ課; a round for 江刺中央運動公園 (a round belongs to one
 * facility: the draw books winners only in that facility's rooms) made with the
 * service's own createRound / addSlots / publishRound — 399 slots over its three tennis
 * courts in August 2027 (10–12, 12–14, 14–16 and 16–18 every day, 8–10 at weekends),
 * each held by a 'lottery' row in facility_bookings; then, by batched inserts,
 * 10,000 applicants (9,000 people registered as facility users and 1,000 approved
 * groups, each applying through its representative), one entry each with 1–3
 * preferences (weekends and late afternoons more popular), made while the window
 * was open; then ANALYZE, as a live database would have statistics.
 *
 * Timed: `drawRound(ctx, null, roundId)` after the draw time — the round's row lock,
 * the input snapshot (slots, entries, preferences, pseudonyms), a fresh seed, the
 * engine's draw, the stored input/result/digests, each entry's outcome and the
 * waiting lists written, every hold released, each winner's booking and offer (with
 * its deadline job enqueued), the announcement job enqueued and the audit entry, in
 * one transaction. Not timed: running the queued jobs (the announcement that tells
 * all 10,000 entrants, one job per round, and the winners' deadlines). For
 * comparison, the engine alone (`draw` from src/engines/lottery) on the stored input
 * and seed, and reading the input snapshot again.
 */
import { performance } from 'node:perf_hooks';
import crypto from 'node:crypto';
import pino from 'pino';
import { sql } from 'kysely';
import { draw, type LotteryResult } from '../src/engines/lottery/index.ts';
import { JobQueue } from '../src/platform/jobs/job-queue.ts';
import { LoggingNotifier } from '../src/platform/notify/notifier.ts';
import { Payments } from '../src/platform/payments/payments.ts';
import { insertStaff, loadStaffActor } from '../src/platform/staff/staff-accounts.ts';
import { isoWeekday } from '../src/platform/time/today.ts';
import { seedFacilities } from '../src/services/facilities/facility-seed.ts';
import { LOTTERY_QUEUES, type LotteryContext } from '../src/services/facilities/lottery-context.ts';
import { drawInputOf, drawRound } from '../src/services/facilities/lottery-draw.ts';
import { addSlots, createRound, publishRound } from '../src/services/facilities/lottery-rounds.ts';
import { asFacilitiesDb, lotteryDb } from '../src/services/facilities/lottery-tables.ts';
import type { BenchDatabase } from './bench-database.ts';

const args = process.argv.slice(2);
const seedIndex = args.indexOf('--seed');
const SEED = seedIndex >= 0 ? Number(args[seedIndex + 1]) : 1;
const APPLICATIONS = 10_000;
const GROUP_SHARE = 0.1;
const FACILITY = 'esashi-chuo-park';
const MONTH = '2027-08';
/** Staff set the round up while its window is open; the draw runs the day after it closed. */
const SETUP_AT = new Date('2027-06-01T10:00:00+09:00');
const OPENS_AT = new Date('2027-05-25T09:00:00+09:00');
const CLOSES_AT = new Date('2027-06-10T17:00:00+09:00');
const DRAW_AT = new Date('2027-06-11T09:00:00+09:00');
const DRAWN_AT = new Date('2027-06-11T09:00:05+09:00');
const H = (h: number) => h * 60;
/** Two-hour spans every day, and the early one at weekends only: 3 courts × (4 × 31 + 9) = 399 slots. */
const SPANS = [
  { from: H(10), to: H(12), weekdays: [1, 2, 3, 4, 5, 6, 7] },
  { from: H(12), to: H(14), weekdays: [1, 2, 3, 4, 5, 6, 7] },
  { from: H(14), to: H(16), weekdays: [1, 2, 3, 4, 5, 6, 7] },
  { from: H(16), to: H(18), weekdays: [1, 2, 3, 4, 5, 6, 7] },
  { from: H(8), to: H(10), weekdays: [6, 7] },
];

const log = pino({ level: 'silent' });

/** mulberry32, so runs are comparable. */
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

async function inBatches<T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

export async function runLotteryDraw(bench: BenchDatabase): Promise<void> {
  const kysely = bench.db.kysely;
  const db = lotteryDb(kysely);
  let now = SETUP_AT;
  const jobs = new JobQueue(kysely, log);
  // The lottery's queues, so the draw enqueues its jobs as in the app; no worker runs them here.
  for (const queue of Object.values(LOTTERY_QUEUES)) jobs.register(queue, async () => {});
  const ctx: LotteryContext = { db, now: () => now, jobs, notifier: new LoggingNotifier(log), payments: new Payments(kysely, null, { publicUrl: 'http://localhost', now: () => now, log }), log, publicUrl: 'http://localhost' };
  const rand = random(SEED);

  // --- set-up: round and held slots through the service
  const setup0 = performance.now();
  await seedFacilities(asFacilitiesDb(db));
  const staffId = await insertStaff(kysely, { loginId: 'bench.lottery', displayName: '抽選 試験（生涯学習スポーツ課）', email: null, password: crypto.randomBytes(12).toString('hex'), roles: [{ department: 'lifelong', role: 'manager' }] });
  const staff = (await loadStaffActor(kysely, staffId))!;
  const roundId = await createRound(ctx, staff, {
    facilityId: FACILITY,
    month: MONTH,
    title: `テニスコート ${Number(MONTH.slice(5))}月 抽選（負荷試験）`,
    opensAt: OPENS_AT,
    closesAt: CLOSES_AT,
    drawAt: DRAW_AT,
    payDays: 7,
    maxPreferences: 3,
    maxEntries: 3,
    maxWinsPerTypeMonth: 1,
    maxWinsPerMonth: null,
  });
  const rooms = await db.selectFrom('facility_rooms').select('id').where('facility_id', '=', FACILITY).orderBy('sort_order').execute();
  for (const room of rooms) {
    for (const span of SPANS) await addSlots(ctx, staff, roundId, room.id, { blockCodes: [], hours: { from: span.from, to: span.to }, weekdays: span.weekdays, dates: [], slotType: '' });
  }
  await publishRound(ctx, staff, roundId);
  const slots = await db.selectFrom('facility_lottery_slots').select(['id', 'use_date', 'starts_at']).where('round_id', '=', roundId).where('state', '=', 'held').orderBy('use_date').orderBy('starts_at').execute();
  const roundMs = performance.now() - setup0;

  // --- set-up: applicants and entries by batched inserts
  const apply0 = performance.now();
  // Weekends and the late-afternoon span are wanted more; a little noise so no two slots are alike.
  const weights = slots.map((s) => (isoWeekday(s.use_date) >= 6 ? 3 : 1) * (s.starts_at === H(16) ? 2 : 1) * (0.5 + rand()));
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = (): string => {
    let x = rand() * total;
    for (let i = 0; i < slots.length; i++) {
      x -= weights[i]!;
      if (x <= 0) return slots[i]!.id;
    }
    return slots.at(-1)!.id;
  };
  const groupCount = Math.round(APPLICATIONS * GROUP_SHARE);
  const accounts = Array.from({ length: APPLICATIONS }, (_, i) => ({
    id: crypto.randomUUID(),
    issuer: 'urn:bench-lottery',
    subject: `bench-lottery-${i}`,
    display_name: `抽選 試験${i}`,
    resident_id: rand() < 0.8 ? `bench-lottery-${i}` : null,
    assurance: 'card' as const,
    claims: '{}',
    last_login_at: now,
  }));
  await inBatches(accounts, 1000, (b) => db.insertInto('resident_accounts').values(b).execute());
  await inBatches(accounts, 1000, (b) =>
    db
      .insertInto('facility_users')
      .values(b.map((a, i) => ({ resident_account_id: a.id, name: a.display_name, name_kana: 'チュウセン シケン', phone: '09000000000', email: i % 3 === 0 ? null : `${a.subject}@example.jp`, updated_at: now })))
      .execute(),
  );
  // The first accounts represent the groups (and apply for them); everyone else applies as themself.
  const groups = accounts.slice(0, groupCount).map((a, i) => ({
    id: crypto.randomUUID(),
    name: `負荷試験テニスクラブ${i}`,
    name_kana: 'フカシケンテニスクラブ',
    kana_key: 'ふかしけんてにすくらぶ',
    representative_account_id: a.id,
    representative_name: a.display_name,
    contact_phone: '0197000000',
    purpose: 'テニス',
    in_city: rand() < 0.8,
    status: 'approved' as const,
    join_code: `BL${String(i).padStart(6, '0')}`,
    decided_at: now,
    updated_at: now,
  }));
  await inBatches(groups, 1000, (b) => db.insertInto('facility_groups').values(b).execute());
  await inBatches(groups, 1000, (b) => db.insertInto('facility_group_members').values(b.map((g) => ({ group_id: g.id, name: g.representative_name, account_id: g.representative_account_id }))).execute());
  const window = CLOSES_AT.getTime() - OPENS_AT.getTime();
  const entries = accounts.map((a, i) => ({
    id: crypto.randomUUID(),
    round_id: roundId,
    resident_account_id: a.id,
    group_id: i < groupCount ? groups[i]!.id : null,
    purpose: 'sports',
    headcount: 2 + Math.floor(rand() * 7),
    idempotency_key: `bench-${i}`,
    created_at: new Date(OPENS_AT.getTime() + Math.floor(rand() * window)),
  }));
  const preferences = entries.flatMap((e) => {
    const want = rand() < 0.6 ? 3 : rand() < 0.6 ? 2 : 1;
    const chosen: string[] = [];
    while (chosen.length < want) {
      const s = pick();
      if (!chosen.includes(s)) chosen.push(s);
    }
    return chosen.map((slot_id, i) => ({ entry_id: e.id, rank: i + 1, slot_id }));
  });
  await inBatches(entries, 1000, (b) => db.insertInto('facility_lottery_entries').values(b).execute());
  await inBatches(preferences, 3000, (b) => db.insertInto('facility_lottery_preferences').values(b).execute());
  await sql`ANALYZE resident_accounts, facility_groups, facility_bookings, facility_lottery_slots, facility_lottery_entries, facility_lottery_preferences`.execute(kysely);
  const applyMs = performance.now() - apply0;
  console.log(`  set-up: round of ${FACILITY} ${MONTH}, ${slots.length} held slots on ${rooms.length} rooms (demo facilities, one staff member, createRound/addSlots/publishRound) ${ms(roundMs)}`);
  console.log(`          ${APPLICATIONS} applicants (${APPLICATIONS - groupCount} people, ${groupCount} groups), ${entries.length} entries, ${preferences.length} preferences (batched inserts + ANALYZE) ${ms(applyMs)}`);

  // --- the draw, as the scheduled job makes it
  now = DRAWN_AT;
  const jobsBefore = await db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const draw0 = performance.now();
  const outcome = await drawRound(ctx, null, roundId);
  const drawMs = performance.now() - draw0;
  if (!outcome.drawn) throw new Error(`the round was not drawn: ${outcome.reason}`);

  // --- the engine alone, on the very input and seed the service stored
  const round = await db.selectFrom('facility_lottery_rounds').selectAll().where('id', '=', roundId).executeTakeFirstOrThrow();
  const times: number[] = [];
  let again: LotteryResult | null = null;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    again = draw(round.input!, round.seed!);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const snap0 = performance.now();
  const snapshot = await drawInputOf(db, round);
  const snapshotMs = performance.now() - snap0;

  // --- what the draw left behind, counted by SQL
  const result = round.result!;
  const won = result.applications.filter((a) => a.status === 'won').length;
  const skipped = result.applications.filter((a) => a.status === 'skipped').length;
  const count = async (query: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) => Number((await query.executeTakeFirstOrThrow()).n);
  const byStatus = await db.selectFrom('facility_bookings').select(['kind', 'status']).select((eb) => eb.fn.countAll<number>().as('n')).where('lottery_round_id', '=', roundId).groupBy(['kind', 'status']).orderBy('kind').orderBy('status').execute();
  const offers = await count(db.selectFrom('facility_lottery_offers').select((eb) => eb.fn.countAll<number>().as('n')).where('round_id', '=', roundId));
  const waiting = await count(db.selectFrom('facility_lottery_waiting as w').innerJoin('facility_lottery_slots as s', 's.id', 'w.slot_id').select((eb) => eb.fn.countAll<number>().as('n')).where('s.round_id', '=', roundId));
  const outcomes = await count(db.selectFrom('facility_lottery_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('round_id', '=', roundId).where('draw_outcome', 'is not', null));
  const jobsAfter = await db.selectFrom('jobs').select('queue').select((eb) => eb.fn.countAll<number>().as('n')).groupBy('queue').orderBy('queue').execute();
  const overlaps = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM facility_bookings a JOIN facility_bookings b
      ON a.room_id = b.room_id AND a.id < b.id AND a.during && b.during
    WHERE a.status IN ('pending_approval', 'awaiting_payment', 'confirmed', 'held') AND b.status IN ('pending_approval', 'awaiting_payment', 'confirmed', 'held')`.execute(kysely);

  console.log(`  draw (drawRound, one transaction: snapshot, seed, engine, stored result, outcomes + waiting lists, holds released, winners' bookings/offers, jobs enqueued, audit)`);
  console.log(`    time ${ms(drawMs)} — ${outcome.entries} entries, ${outcome.winners} winners; applications won ${won}, skipped by a rule ${skipped}, lost ${result.applications.length - won - skipped}`);
  console.log(`  engine alone (draw() on the stored input and seed, 3 runs): median ${ms(times[1]!)} (min ${ms(times[0]!)}, max ${ms(times[2]!)}), same digest as stored: ${again?.digest === round.result_digest ? 'yes' : 'NO'}`);
  console.log(`  input snapshot read again (drawInputOf, outside the transaction): ${ms(snapshotMs)} (${snapshot.slots.length} slots, ${snapshot.applications.length} applications)`);
  console.log(`  stored with the round: input ${(JSON.stringify(round.input).length / 1e6).toFixed(1)} MB, result ${(JSON.stringify(result).length / 1e6).toFixed(1)} MB (JSON)`);
  console.log(`  rows: ${byStatus.map((r) => `${r.kind}/${r.status} ${r.n}`).join(', ')}; offers ${offers}; waiting-list places ${waiting}; entries with an outcome ${outcomes}`);
  console.log(`  jobs queued by the draw ${jobsAfter.reduce((a, r) => a + Number(r.n), 0) - Number(jobsBefore.n)} (${jobsAfter.map((r) => `${r.queue} ${r.n}`).join(', ')} in all; not run); overlapping active bookings ${overlaps.rows[0]!.n}`);
}
