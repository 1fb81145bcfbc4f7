/**
 * Builds the real app in memory for HTTP tests (fastify.inject), on a fresh
 * database, with the demo staff and (optionally) the demo registry loaded.
 * Any outside network call fails the test: the app has no business making one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { loadConfig, type Config } from '../config/config.ts';
import type { Platform } from '../platform.ts';
import { LoggingNotifier } from '../notify/notifier.ts';
import { seedDemoStaff } from '../staff/demo-staff.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import pino from 'pino';
import { BrowserSession } from './browser-session.ts';
import type { CityService } from '../catalogue/city-service.ts';

const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return realFetch(input, init);
  throw new Error(`Unexpected outside call in a test: ${url.href} (use a local fake)`);
}) as typeof fetch;

export interface TestApp {
  app: FastifyInstance;
  platform: Platform;
  db: TestDatabase;
  /** What services sent through platform.notifier (empty with realNotify: use platform.notify then). */
  notifier: LoggingNotifier;
  dataDir: string;
  /** A cookie-keeping client for this app (see BrowserSession). */
  browser(): BrowserSession;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** false: no demo data at all (only the demo staff). */
  registry?: boolean;
  env?: Record<string, string>;
  now?: () => Date;
  /** platform.notifier is the real queued pipeline (providers are the app's own simulators unless `env` points elsewhere) instead of a LoggingNotifier; drain `platform.jobs` to deliver. */
  realNotify?: boolean;
  /** A subset of the city services (a service's tests need not seed every other's demo data). Default: all of src/services/index.ts. */
  services?: CityService[];
  /** Instead of every service's demo data: the test's own seeding (after the demo staff). */
  seed?: (platform: Platform) => Promise<void>;
  /** Runs on the fresh database before the app is built (data a service's start-up needs). */
  beforeBuild?: (db: TestDatabase) => Promise<void>;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oshu-test-'));
  const config: Config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://localhost:3000',
    RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    MAP_TILE_URL: 'none',
    TRANSIT_REOPTIMISE_SECONDS: '2',
    ...options.env,
  });
  const db = await createTestDatabase();
  await options.beforeBuild?.(db);
  const notifier = new LoggingNotifier(pino({ level: 'silent' }));
  const { app, platform } = await buildApp({ config, db, ...(options.realNotify ? {} : { notifier }), ...(options.now ? { now: options.now } : {}), ...(options.services ? { services: options.services } : {}) });
  await app.ready();
  await seedDemoStaff(db.kysely);
  if (options.seed) await options.seed(platform);
  else if (options.registry !== false) {
    for (const service of platform.services) await service.seedDemo?.(platform);
  }
  return {
    app,
    platform,
    db,
    notifier,
    dataDir,
    browser: () =>
      new BrowserSession(app, {
        beforeStaffLogin: async (loginId) => {
          await db.kysely.updateTable('staff').set({ last_totp_step: 0 }).where('login_id', '=', loginId).execute();
        },
      }),
    async close() {
      await app.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
