/**
 * Test helpers for facility booking: the app with the registry (resident logins) and
 * this service on a fresh database with the demo facilities (no demo bookings, so
 * every test starts from free rooms), a clock tests can move, residents in one line,
 * and a booking request with sensible defaults.
 */




import type { FastifyInstance } from 'fastify';

import type { ResidentActor, StaffActor } from '../../platform/access/actor.ts';
import { upsertResidentAccount } from '../../platform/identity/resident-accounts.ts';
import { LoggingNotifier } from '../../platform/notify/notifier.ts';
import type { Platform } from '../../platform/platform.ts';
import { loadStaffActor } from '../../platform/staff/staff-accounts.ts';
import { BrowserSession } from '../../platform/testing/browser-session.ts';
import { type TestDatabase } from '../../platform/testing/test-database.ts';
import { registryService } from '../registry/index.ts';
import type { BookingInput } from './booking-rules.ts';
import { facilityContext, type FacilityContext } from './facility-context.ts';
import { seedFacilities } from './facility-seed.ts';
import { facilitiesService } from './index.tsx';
import { facilitiesDb, type FacilitiesDb } from './tables.ts';
import { createTestApp } from '../../platform/testing/test-app.ts';

/** Tuesday 1 June 2027, 10:00 in Japan: a weekday outside the heating months, far from year-end closures. */
export const TEST_NOW = new Date('2027-06-01T10:00:00+09:00');

export interface Clock {
  now: Date;
  /** Moves the clock by minutes (negative goes back). */
  advance(minutes: number): void;
}

export function testClock(start: Date = TEST_NOW): Clock {
  const clock: Clock = {
    now: new Date(start),
    advance(minutes) {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
    },
  };
  return clock;
}

export interface FacilitiesTestApp {
  app: FastifyInstance;
  platform: Platform;
  db: TestDatabase;
  fdb: FacilitiesDb;
  ctx: FacilityContext;
  notifier: LoggingNotifier;
  clock: Clock;
  browser(): BrowserSession;
  close(): Promise<void>;
}

export async function createFacilitiesTestApp(options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<FacilitiesTestApp> {
  const clock = options.clock ?? testClock();
  // The register's demo people and the facilities themselves; no demo bookings, so each test sets its own scene.
  const t = await createTestApp({
    services: [registryService, facilitiesService],
    now: () => clock.now,
    ...(options.env ? { env: options.env } : {}),
    seed: async (platform) => {
      await registryService.seedDemo?.(platform);
      await seedFacilities(facilitiesDb(platform.db.kysely));
    },
  });
  return { ...t, fdb: facilitiesDb(t.db.kysely), ctx: facilityContext(t.platform), clock };
}

let residentCounter = 0;

/** A resident account (registered in Oshu unless `visitor`) with a facility user registration. */
export async function makeResident(fdb: FacilitiesDb, options: { visitor?: boolean; name?: string; email?: string | null } = {}): Promise<ResidentActor> {
  const n = ++residentCounter;
  const name = options.name ?? `試験 利用者${n}`;
  const residentId = options.visitor ? null : `test-resident-${n}-${Math.random().toString(36).slice(2, 8)}`;
  const accountId = await upsertResidentAccount(fdb as never, { issuer: 'urn:test', subject: `facility-test-${n}-${Math.random().toString(36).slice(2)}`, displayName: name, assurance: 'card', claims: {}, residentId });
  await fdb.insertInto('facility_users').values({ resident_account_id: accountId, name, name_kana: 'シケン リヨウシャ', phone: '09012345678', email: options.email === undefined ? `user${n}@example.jp` : options.email, updated_at: new Date() }).execute();
  return { kind: 'resident', accountId, residentId, displayName: name, assurance: 'card' };
}

/** A booking request for the Mizusawa community centre's meeting room 1 (blocks, 36 people, resident fee 700/900/900). */
export function request(overrides: Partial<BookingInput> = {}): BookingInput {
  return { roomId: 'kominkan-meeting-1', date: '2027-06-08', blockCodes: ['morning'], purpose: 'meeting', purposeDetail: '', headcount: 10, groupId: null, commercial: false, paymentChoice: 'online', ...overrides };
}

/** Logs a demo registry person in through the demo identity provider and registers them as a facility user. */
export async function residentSession(t: FacilitiesTestApp, account = 'demo-01', contact: { email?: string } = {}): Promise<BrowserSession> {
  const session = t.browser();
  await session.loginResident(account, 'card');
  await session.get('/facilities/register');
  const saved = await session.post('/facilities/register', { name: '奥州 試験', nameKana: 'オウシュウ シケン', phone: '090-1111-2222', email: contact.email ?? `${account}@example.jp`, address: '', next: '/facilities/mine' });
  if (saved.statusCode !== 303) throw new Error(`facility user registration failed (${saved.statusCode})`);
  return session;
}

/** A demo staff member as an actor (shogai.tanto: 生涯学習スポーツ課, the facilities department). */
export async function staffActor(t: FacilitiesTestApp, loginId = 'shogai.tanto'): Promise<StaffActor> {
  const row = await t.db.kysely.selectFrom('staff').select('id').where('login_id', '=', loginId).executeTakeFirstOrThrow();
  return (await loadStaffActor(t.db.kysely, row.id))!;
}

/** The resident actor behind a demo login registered by `residentSession` (for calling service functions directly). */
export async function residentActorFor(t: FacilitiesTestApp, account: string): Promise<ResidentActor> {
  const row = await t.fdb
    .selectFrom('facility_users as u')
    .innerJoin('resident_accounts as a', 'a.id', 'u.resident_account_id')
    .select(['a.id', 'a.resident_id', 'a.display_name'])
    .where('u.email', '=', `${account}@example.jp`)
    .executeTakeFirstOrThrow();
  return { kind: 'resident', accountId: row.id, residentId: row.resident_id, displayName: row.display_name, assurance: 'card' };
}
