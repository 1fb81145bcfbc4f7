/**
 * `npm run bench:procedures [-- --pg postgres://postgres@127.0.0.1:5432/postgres --count 100000 --clients 8 --submissions 2000 --repeat 30]`
 *
 * Online procedures under load, on a throw-away database (a new `oshu_bench_<random>` on
 * the PostgreSQL server named by --pg or DATABASE_URL, dropped at the end; in-memory
 * PGlite without either, with smaller defaults):
 *
 * 1. fills `applications` with --count synthetic rows (INSERT … SELECT generate_series,
 *    spread over every catalogue procedure and so every department, a year of dates,
 *    every status after draft; inbox-synthetic.ts) and ANALYZEs;
 * 2. (a) submissions per second through the real submit path — submitComplete: the forms
 *    engine's validation, the reference number, the application row, its timeline event,
 *    the audit entry and the notice job, one transaction each — from --clients concurrent
 *    clients, --submissions in all (a 犬の登録申請, every answer checked);
 * 3. (b) the staff inbox's filtered, paged query (the page's rows and its total, as the
 *    page runs them) for several filter combinations, page 1 and deep pages, --repeat
 *    times each: p50 / p95 / max per combination and the p95 over all;
 * 4. EXPLAIN of each combination, to show which index serves it.
 * Prints numbers only.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { ResidentActor } from '../src/platform/access/actor.ts';
import { seedDemoStaff } from '../src/platform/staff/demo-staff.ts';
import { addDays, todayInJapan } from '../src/platform/time/today.ts';
import { submitComplete, finalAnswers, type ProceduresCtx } from '../src/services/procedures/application-service.ts';
import { loadCatalogue } from '../src/services/procedures/catalogue/index.ts';
import { parseInboxFilter, type FilterInput } from '../src/services/procedures/inbox-filter.ts';
import { inboxCountQuery, inboxPage, inboxPageQuery, type InboxQueryInput } from '../src/services/procedures/inbox-queries.ts';
import { insertSyntheticApplications } from '../src/services/procedures/inbox-synthetic.ts';
import { listPublished, loadCatalogueIntoDb } from '../src/services/procedures/procedure-store.ts';
import { staffProceduresDb } from '../src/services/procedures/staff-tables.ts';
import { pgliteBenchDatabase, postgresBenchDatabase, type BenchDatabase } from './bench-database.ts';
import { percentile } from './transit-demand.ts';

const args = process.argv.slice(2);
const value = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const serverUrl = value('pg') ?? process.env.DATABASE_URL ?? null;
const number = (name: string, fallback: number) => {
  const raw = value(name);
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} needs a number`);
  return n;
};
const COUNT = number('count', serverUrl ? 100_000 : 10_000);
// The embedded database has one connection: more clients would only queue.
const CLIENTS = number('clients', serverUrl ? 8 : 1);
const SUBMISSIONS = number('submissions', serverUrl ? 2000 : 200);
const REPEAT = number('repeat', 30);
const PAGE_SIZE = 50;

const LABELS = { from: 'from', to: 'to', status: 'status', procedure: 'procedure', department: 'department', assigned: 'assigned', sort: 'sort' };

/** A complete 犬の登録申請 (no attachment: the rabies shot is still to come). */
function dogAnswers(today: string, n: number) {
  return {
    applicantName: '奥州 太郎',
    applicantKana: 'オウシュウ タロウ',
    applicantBirthDate: '1980-04-01',
    applicantPostal: '023-8501',
    applicantAddress: '岩手県奥州市水沢大手町一丁目1番地',
    applicantPhone: '0197242111',
    applicantEmail: `bench${n}@example.jp`,
    dogName: `ポチ${n}`,
    breed: '柴犬',
    coat: '赤',
    sex: 'male',
    dogBirthDate: addDays(today, -200),
    acquiredDate: addDays(today, -30),
    keptAt: 'home',
    vaccinated: 'no',
    vaccinationPlan: addDays(today, 10),
    receiveMethod: 'mail',
  };
}

async function benchDatabase(): Promise<BenchDatabase> {
  return serverUrl ? postgresBenchDatabase(serverUrl) : pgliteBenchDatabase();
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1) ?? 0 };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  const bench = await benchDatabase();
  const db = bench.db.kysely;
  try {
    console.log(`database: ${bench.label}`);
    console.log(`machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), node ${process.version}`);
    await seedDemoStaff(db);
    await loadCatalogueIntoDb(db, loadCatalogue());
    const procedures = await listPublished(db);
    const now = new Date();
    const today = todayInJapan(now);
    const staff = await db.selectFrom('staff as s').innerJoin('staff_roles as r', 'r.staff_id', 's.id').select(['s.id', 's.login_id', 'r.department_code']).execute();

    // 1. Data.
    let t = performance.now();
    await insertSyntheticApplications(db, {
      count: COUNT,
      now,
      procedures: procedures.map((p) => ({ id: p.id, version: p.version, department: p.definition.department })),
      staffByDepartment: Object.fromEntries([...new Set(staff.map((s) => s.department_code))].map((d) => [d, staff.filter((s) => s.department_code === d).map((s) => s.id)])),
    });
    // What autovacuum does in steady state: statistics, and the visibility map that lets counts read only the index.
    await sql`VACUUM ANALYZE applications`.execute(db);
    await sql`VACUUM ANALYZE application_events`.execute(db);
    const perDepartment = await staffProceduresDb(db).selectFrom('applications').select(['department_code', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('department_code').orderBy('department_code').execute();
    console.log(`\n1. data: ${COUNT.toLocaleString('en')} applications over ${procedures.length} procedures in ${perDepartment.length} departments, written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    console.log(`   per department: ${perDepartment.map((d) => `${d.department_code} ${Number(d.n).toLocaleString('en')}`).join(', ')}`);

    // 2. Submissions through the real submit path.
    const ctx: ProceduresCtx = { db, jobs: null, now: () => new Date() };
    const def = procedures.find((p) => p.id === 'inu-toroku')!.definition;
    const check = finalAnswers(def, dogAnswers(today, 0), today);
    if (check.errors.length) throw new Error(`bench answers refused by the engine: ${JSON.stringify(check.errors)}`);
    const residents: ResidentActor[] = [];
    for (let c = 0; c < CLIENTS; c++) {
      const account = await db
        .insertInto('resident_accounts')
        .values({ issuer: 'bench', subject: `client-${c}`, display_name: `ベンチ ${c}`, resident_id: null, assurance: 'password', claims: '{}', last_login_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      residents.push({ kind: 'resident', accountId: account.id, residentId: null, displayName: `ベンチ ${c}`, assurance: 'password' });
    }
    let next = 0;
    const latencies: number[] = [];
    t = performance.now();
    await Promise.all(
      residents.map(async (resident) => {
        for (let n = next++; n < SUBMISSIONS; n = next++) {
          const started = performance.now();
          await submitComplete(ctx, {
            actor: resident,
            residentAccountId: resident.accountId,
            residentId: null,
            fallbackName: resident.displayName,
            procedureId: 'inu-toroku',
            answers: dogAnswers(today, n),
            scopedKey: `resident:${resident.accountId}:bench:${crypto.randomUUID()}`,
            // The tag is sent by post, which is paid online (the payment itself starts later, from my page).
            paymentMethod: 'online',
            onlinePaymentAvailable: true,
            channel: 'online',
          });
          latencies.push(performance.now() - started);
        }
      }),
    );
    const seconds = (performance.now() - t) / 1000;
    const sub = summary(latencies);
    console.log(`\n2. (a) submissions: ${SUBMISSIONS} by ${CLIENTS} concurrent clients in ${seconds.toFixed(2)} s = ${(SUBMISSIONS / seconds).toFixed(1)} submissions/s`);
    console.log(`   latency per submission: p50 ${ms(sub.p50)}, p95 ${ms(sub.p95)}, max ${ms(sub.max)}`);
    await sql`VACUUM ANALYZE applications`.execute(db);

    // 3. The inbox query.
    const staffOf = (department: string) => staff.find((s) => s.department_code === department)!.id;
    const biggest = perDepartment.reduce((a, b) => (Number(b.n) > Number(a.n) ? b : a)).department_code;
    const procedureOf = (department: string) => procedures.find((p) => p.definition.department === department)!.id;
    const open = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM applications WHERE department_code = ${biggest} AND status IN ('submitted','in_review','returned','resubmitted')`.execute(db)).rows[0]!.n);
    const all = Number(perDepartment.find((d) => d.department_code === biggest)!.n);
    const deepOpen = Math.max(1, Math.floor(open / PAGE_SIZE));
    const deepAll = Math.max(1, Math.floor(all / PAGE_SIZE));
    const someReference = (await staffProceduresDb(db).selectFrom('applications').select('reference').where('department_code', '=', biggest).where('resident_id', 'like', 'synthetic-%').orderBy('id').limit(1).executeTakeFirstOrThrow()).reference!;
    const combos: { name: string; department: string | 'all'; input: FilterInput; page: number }[] = [
      { name: `${biggest}: open, due first, page 1`, department: biggest, input: {}, page: 1 },
      { name: `${biggest}: open, due first, last page (${deepOpen})`, department: biggest, input: {}, page: deepOpen },
      { name: `${biggest}: received + overdue, page 1`, department: biggest, input: { status: 'submitted', overdue: '1' }, page: 1 },
      { name: `${biggest}: waiting for staff + overdue, page 1`, department: biggest, input: { status: 'awaiting', overdue: '1' }, page: 1 },
      { name: 'tax: in review, page 1', department: 'tax', input: { status: 'in_review' }, page: 1 },
      { name: `${biggest}: one procedure, last 30 days, page 1`, department: biggest, input: { procedure: procedureOf(biggest), from: addDays(today, -30), to: today, status: 'all' }, page: 1 },
      { name: `${biggest}: assigned to me, page 1`, department: biggest, input: { assigned: 'me' }, page: 1 },
      { name: `${biggest}: unassigned, page 1`, department: biggest, input: { assigned: 'unassigned' }, page: 1 },
      { name: `${biggest}: kana search さとう, page 1`, department: biggest, input: { q: 'さとう', status: 'all' }, page: 1 },
      { name: `${biggest}: reference search (whole number)`, department: biggest, input: { q: someReference, status: 'all' }, page: 1 },
      { name: `${biggest}: reference search (last digits)`, department: biggest, input: { q: String(Number(someReference.slice(-6))), status: 'all' }, page: 1 },
      { name: `${biggest}: everything, newest first, last page (${deepAll})`, department: biggest, input: { status: 'all', sort: 'submitted' }, page: deepAll },
      { name: 'all departments (DX admin): open, page 1', department: 'all', input: {}, page: 1 },
    ];
    const sdb = staffProceduresDb(db);
    const allTimes: number[] = [];
    console.log(`\n3. (b) inbox query (rows of a page of ${PAGE_SIZE} + the total), ${REPEAT} runs each after 3 warm-up runs:`);
    const inputs: { name: string; q: InboxQueryInput; page: number }[] = [];
    for (const combo of combos) {
      const { filter, errors } = parseInboxFilter(combo.input, LABELS);
      if (errors.length) throw new Error(`bench filter ${combo.name}: ${JSON.stringify(errors)}`);
      const q: InboxQueryInput = { filter, departments: combo.department === 'all' ? 'all' : [combo.department], staffId: staffOf(combo.department === 'all' ? biggest : combo.department), today };
      inputs.push({ name: combo.name, q, page: combo.page });
      for (let i = 0; i < 3; i++) await inboxPage(sdb, q, combo.page, PAGE_SIZE);
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < REPEAT; i++) {
        const started = performance.now();
        total = (await inboxPage(sdb, q, combo.page, PAGE_SIZE)).total;
        times.push(performance.now() - started);
      }
      allTimes.push(...times);
      const s = summary(times);
      console.log(`   ${combo.name.padEnd(58)} total ${String(total).padStart(6)}  p50 ${ms(s.p50).padStart(9)}  p95 ${ms(s.p95).padStart(9)}  max ${ms(s.max).padStart(9)}`);
    }
    const overall = summary(allTimes);
    console.log(`   over all ${allTimes.length} queries: p50 ${ms(overall.p50)}, p95 ${ms(overall.p95)}, max ${ms(overall.max)}`);

    // 4. Plans.
    console.log('\n4. plans (EXPLAIN ANALYZE; the scan nodes):');
    for (const { name, q, page } of inputs) {
      for (const [kind, compiled] of [
        ['rows ', inboxPageQuery(sdb, q, page, PAGE_SIZE)],
        ['total', inboxCountQuery(sdb, q)],
      ] as const) {
        const plan = await db.executeQuery<{ 'QUERY PLAN': string }>({ ...compiled, sql: `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${compiled.sql}` } as never);
        const lines = plan.rows.map((r) => r['QUERY PLAN']);
        const scans = lines.filter((l) => /Scan|Sort Method/.test(l)).map((l) => l.trim().replace(/^->\s*/, '').replace(/\s*\(actual.*$/, ''));
        console.log(`   ${name} [${kind}]: ${scans.join('; ')}`);
      }
    }
  } finally {
    await bench.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
