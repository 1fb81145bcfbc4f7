/**
 * `npm run bench:notify [-- --messages 500 --concurrency 10 --arrival 0 --channel sms --poll-ms 1000 --per-second 10000]`
 * Messages per second through Notify, from the API call (POST /api/notify/v1/messages
 * with a live key) to the provider simulator's delivery receipt arriving back at the
 * app (status delivered), and the p50/p95 delay of each message. The whole app runs
 * in-process with its job worker polling as in `npm start`; the SMS gateway and LINE
 * simulators answer through their real HTTP routes (in-process), email goes through
 * the embedded SMTP server. On a fresh in-memory PGlite, and also on PostgreSQL when
 * DATABASE_URL is set (a temporary database `oshu_bench_<random>`, dropped at the end).
 * `--per-second` is the provider rate limit (SMS_PER_SECOND / EMAIL_PER_SECOND): high
 * by default to measure the pipeline itself; 20 (the default in production) shows the
 * limiter at work. `--arrival N` paces the API calls at N per second (steady traffic, where
 * the delay shows the pipeline's latency); 0 (default) sends them as fast as the callers
 * can (a burst, where the delay is mostly the queue draining). Prints numbers only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { createApiKey } from '../src/platform/notify/api-keys.ts';
import { pgliteBenchDatabase, postgresBenchDatabase, type BenchDatabase } from './bench-database.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
};
const MESSAGES = option('messages', 500);
const CONCURRENCY = option('concurrency', 10);
const POLL_MS = option('poll-ms', 1000);
const PER_SECOND = option('per-second', 10_000);
const ARRIVAL = args.includes('--arrival') ? Number(args[args.indexOf('--arrival') + 1]) : 0;
if (!Number.isFinite(ARRIVAL) || ARRIVAL < 0) throw new Error('--arrival needs a number (0 = as fast as possible)');
const channelArg = args.includes('--channel') ? args[args.indexOf('--channel') + 1] : 'sms';
if (!['sms', 'email', 'line'].includes(channelArg ?? '')) throw new Error('--channel is sms, email or line');
const CHANNEL = channelArg as 'sms' | 'email' | 'line';

function recipient(i: number): string {
  if (CHANNEL === 'email') return `resident${i}@example.jp`;
  if (CHANNEL === 'line') return `U${i.toString(16).padStart(32, '0')}`;
  // 090-1xxx-xxxx, never ending in 0000 (the simulator's "unreachable" numbers).
  return `090${String(10_000_000 + i * 7 + 1).slice(0, 8)}`;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function run(bench: BenchDatabase) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oshu-bench-notify-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://localhost:3000',
    RATE_LIMIT_PER_MINUTE: '10000000',
    SMS_PER_SECOND: String(PER_SECOND),
    EMAIL_PER_SECOND: String(PER_SECOND),
    // Quiet hours would hold SMS back at night: the bench measures sending, whatever the hour.
    SMS_QUIET_FROM_HOUR: '0',
    SMS_QUIET_UNTIL_HOUR: '0',
    // As npm start would choose: several jobs at once on PostgreSQL, one on the embedded database.
    JOB_CONCURRENCY: process.env.JOB_CONCURRENCY ?? (bench.db.kind === 'pglite' ? '1' : '4'),
  });
  const { app, platform } = await buildApp({ config, db: bench.db });
  await app.ready();
  const { secret } = await createApiKey(platform.notify.db, { name: 'bench', kind: 'live', source: 'bench', createdBy: null });
  platform.jobs.start(POLL_MS, platform.config.jobConcurrency);
  const sentAt = new Map<string, number>();
  const started = performance.now();
  const epoch = Date.now() - started; // performance.now() → wall clock, to compare with delivered_at
  let next = 0;
  let apiTime = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < MESSAGES) {
        const i = next++;
        if (ARRIVAL > 0) {
          const due = started + (i * 1000) / ARRIVAL;
          if (due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
        }
        const t0 = performance.now();
        const response = await app.inject({
          method: 'POST',
          url: '/api/notify/v1/messages',
          headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
          payload: JSON.stringify({ channel: CHANNEL, to: recipient(i), ...(CHANNEL === 'email' ? { subject: '【奥州市】お知らせ' } : {}), body: `奥州市からのお知らせです（${i}）。詳しくは市のホームページをご覧ください。`, reference: `bench-${i}` }),
        });
        apiTime += performance.now() - t0;
        if (response.statusCode !== 201) throw new Error(`API answered ${response.statusCode}: ${response.body}`);
        sentAt.set(response.json().id as string, t0);
      }
    }),
  );
  const accepted = performance.now();
  const deadline = Date.now() + 10 * 60_000;
  let rows: { id: string; status: string; delivered_at: Date | null }[] = [];
  for (;;) {
    rows = await platform.notify.db.selectFrom('notify_messages').select(['id', 'status', 'delivered_at']).where('source', '=', 'bench').execute();
    if (rows.every((r) => r.status === 'delivered' || r.status === 'failed')) break;
    if (Date.now() > deadline) throw new Error('messages not delivered within 10 minutes');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await platform.jobs.stop();
  const delays = rows.filter((r) => r.delivered_at).map((r) => r.delivered_at!.getTime() - (epoch + sentAt.get(r.id)!)).sort((a, b) => a - b);
  const lastDelivered = Math.max(...rows.map((r) => r.delivered_at?.getTime() ?? 0)) - epoch;
  const inbox = await platform.notify.db.selectFrom('notify_simulator_inbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    database: bench.label,
    delivered: rows.filter((r) => r.status === 'delivered').length,
    failed: rows.filter((r) => r.status === 'failed').length,
    inbox: Number(inbox.n),
    apiPerSecond: MESSAGES / ((accepted - started) / 1000),
    apiMeanMs: apiTime / MESSAGES,
    endToEndPerSecond: MESSAGES / ((lastDelivered - started) / 1000),
    p50: percentile(delays, 0.5),
    p95: percentile(delays, 0.95),
    max: delays.at(-1) ?? 0,
  };
}

console.log(`notify bench: ${MESSAGES} ${CHANNEL} messages through POST /api/notify/v1/messages, ${ARRIVAL ? `paced at ${ARRIVAL}/s` : 'as fast as possible'}, ${CONCURRENCY} callers at once, job worker polling every ${POLL_MS} ms (4 jobs at once on PostgreSQL, 1 on PGlite, unless JOB_CONCURRENCY is set), provider limit ${PER_SECOND}/s, one app instance`);
const targets: (() => Promise<BenchDatabase>)[] = [pgliteBenchDatabase];
if (process.env.DATABASE_URL) targets.push(() => postgresBenchDatabase(process.env.DATABASE_URL!));
for (const open of targets) {
  const bench = await open();
  try {
    const r = await run(bench);
    console.log(`\n${r.database}`);
    console.log(`  delivered ${r.delivered}, failed ${r.failed}, provider inbox ${r.inbox} (each message once)`);
    console.log(`  API accepted ${r.apiPerSecond.toFixed(0)} messages/s (mean ${r.apiMeanMs.toFixed(1)} ms per call, ${CONCURRENCY} at once)`);
    console.log(`  API call → provider receipt: ${r.endToEndPerSecond.toFixed(1)} messages/s; delay p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, max ${r.max.toFixed(0)} ms`);
  } finally {
    await bench.dispose();
  }
}
