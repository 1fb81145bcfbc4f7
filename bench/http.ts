/**
 * `npm run bench:http [-- --duration 10 --connections 10]`
 * Starts the real server (npm start's entry point) on PGlite and, when a
 * PostgreSQL is reachable (BENCH_DATABASE_URL, default the local server),
 * on a fresh PostgreSQL database; measures the time from start to the first
 * 200 on a fresh and on a warm data directory, then load-tests the portal home
 * and an authenticated JSON endpoint with autocannon. Prints numbers only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { demoTotpSecret, DEMO_STAFF_PASSWORD } from '../src/platform/staff/demo-staff.ts';
import { currentStep, totpAt } from '../src/platform/staff/totp.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DURATION = option('duration', 10);
const CONNECTIONS = option('connections', 10);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Server {
  child: ChildProcess;
  url: string;
  msToFirst200: number;
}

async function start(env: Record<string, string>, port: number): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '10000000', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/`);
      if (response.status === 200) return { child, url, msToFirst200: performance.now() - started };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stop(server: Server) {
  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.once('exit', r));
}

function cookiesOf(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const [name, ...value] = pair!.split('=');
    jar.set(name!, value.join('='));
  }
}

async function staffCookie(url: string): Promise<string> {
  const jar = new Map<string, string>();
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  cookiesOf(await fetch(`${url}/staff/login`), jar);
  const form = (fields: Record<string, string>) => new URLSearchParams({ _csrf: jar.get('oshu_csrf')!, ...fields }).toString();
  const post = (p: string, fields: Record<string, string>) =>
    fetch(`${url}${p}`, { method: 'POST', redirect: 'manual', headers: { cookie: header(), 'content-type': 'application/x-www-form-urlencoded' }, body: form(fields) });
  cookiesOf(await post('/staff/login', { loginId: 'shimin.tanto', password: DEMO_STAFF_PASSWORD, next: '/staff' }), jar);
  cookiesOf(await post('/staff/login/mfa', { code: totpAt(demoTotpSecret('shimin.tanto'), currentStep()), next: '/staff' }), jar);
  return header();
}

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

async function benchmark(label: string, env: Record<string, string>, port: number) {
  const fresh = await start(env, port);
  await stop(fresh);
  const warm = await start(env, port);
  const cookie = await staffCookie(warm.url);
  const home = await load(`${warm.url}/`);
  const api = await load(`${warm.url}/api/registry/residents?kana=${encodeURIComponent('サトウ')}`, { cookie });
  await stop(warm);
  return { label, freshMs: fresh.msToFirst200, warmMs: warm.msToFirst200, home, api };
}

async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const results = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oshu-bench-'));
try {
  results.push(await benchmark('PGlite', { DATA_DIR: dataDir, DATABASE_URL: '' }, 3900));
  if (await postgresAvailable()) {
    const name = `oshu_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    try {
      results.push(await benchmark('PostgreSQL', { DATA_DIR: dataDir, DATABASE_URL: url.href }, 3901));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  } else {
    console.log(`PostgreSQL not reachable at ${PG_URL}: skipped`);
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

console.log(`\nnpm start → first 200 (ms), ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(2)}`);
console.log('database    fresh data   warm data');
for (const r of results) console.log(`${r.label.padEnd(12)}${r.freshMs.toFixed(0).padStart(10)}${r.warmMs.toFixed(0).padStart(12)}`);
console.log(`\nautocannon: ${CONNECTIONS} connections, ${DURATION} s each`);
console.log('database    endpoint                              req/s   p50 ms   p99 ms   non-2xx');
for (const r of results) {
  for (const [name, m] of [['GET / (portal home)', r.home], ['GET /api/registry/residents (staff)', r.api]] as const) {
    console.log(`${r.label.padEnd(12)}${name.padEnd(36)}${m.rps.toFixed(0).padStart(8)}${String(m.p50).padStart(9)}${String(m.p99).padStart(9)}${String(m.non2xx).padStart(10)}`);
  }
}
