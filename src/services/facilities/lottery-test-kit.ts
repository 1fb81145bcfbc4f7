/**
 * Test helpers for the lottery: an app with the lottery's routes and jobs (and the
 * registry, for resident logins) on a fresh database, a small gym seeded by hand (so
 * the tests do not depend on the demo facilities), residents, groups and staff in
 * one line each, and a round with held slots ready for entries.
 */
import type { FastifyInstance } from 'fastify';





import type { ResidentActor, StaffActor } from '../../platform/access/actor.ts';
import { defineService } from '../../platform/catalogue/city-service.ts';
import { upsertResidentAccount } from '../../platform/identity/resident-accounts.ts';
import { LoggingNotifier } from '../../platform/notify/notifier.ts';
import type { Platform } from '../../platform/platform.ts';
import { loadStaffActor } from '../../platform/staff/staff-accounts.ts';
import { BrowserSession } from '../../platform/testing/browser-session.ts';
import { type TestDatabase } from '../../platform/testing/test-database.ts';
import { japanClock } from '../../platform/time/today.ts';
import { registryService } from '../registry/index.ts';
import { facilityJobs } from './facility-jobs.ts';
import { lotteryContext, type LotteryContext } from './lottery-context.ts';
import { lotteryJobs } from './lottery-jobs.ts';
import { lotteryMessages } from './lottery-messages.ts';
import { lotteryMyPage } from './lottery-my-page.tsx';
import { registerLotteryRoutes } from './lottery-routes.tsx';
import { addSlots, createRound, publishRound } from './lottery-rounds.ts';
import { asPlatformDb, lotteryDb, type LotteryDb } from './lottery-tables.ts';
import { createTestApp } from '../../platform/testing/test-app.ts';

export const GYM = 'lot-gym';
export const ARENA = 'lot-arena';
export const STUDIO = 'lot-studio';

/** The lottery on its own, as the facilities service will carry it. */
const lotteryTestService = defineService({
  id: 'facilities-lottery-test',
  titleKey: 'facilities.lottery.title',
  messages: lotteryMessages,
  // The booking jobs too, as in the facilities service: a winner's payment queues a booking notice.
  jobs: (platform) => ({ ...facilityJobs(platform), ...lotteryJobs(platform) }),
  myPage: lotteryMyPage,
  routes: registerLotteryRoutes,
});

export interface LotteryTestApp {
  app: FastifyInstance;
  platform: Platform;
  db: TestDatabase;
  ldb: LotteryDb;
  ctx: LotteryContext;
  notifier: LoggingNotifier;
  browser(): BrowserSession;
  close(): Promise<void>;
}

export async function createLotteryTestApp(now: () => Date): Promise<LotteryTestApp> {
  const t = await createTestApp({
    services: [registryService, lotteryTestService],
    now,
    // The gym exists before the routes register (they queue the draws of published rounds).
    beforeBuild: (db) => seedGym(lotteryDb(db.kysely)),
    seed: async (platform) => {
      await registryService.seedDemo?.(platform);
    },
  });
  return { ...t, ldb: lotteryDb(t.db.kysely), ctx: lotteryContext(t.platform) };
}

/** 奥州市テスト体育館: an arena in three blocks (evening ¥4,000) and a studio by the hour; closed on the 15th. */
export async function seedGym(db: LotteryDb): Promise<void> {
  await db
    .insertInto('facilities')
    .values({ id: GYM, name: 'テスト総合体育館', name_kana: 'テストソウゴウタイイクカン', area: '水沢', kind: 'gym', address: '奥州市水沢大手町1-1', lat: 39.14, lng: 141.14, accessibility: ['wheelchair'], pay_days_before_use: 3, pay_days_after_booking: 7 })
    .execute();
  await db
    .insertInto('facility_hours')
    .values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ facility_id: GYM, weekday, opens_at: 540, closes_at: 1260 })))
    .execute();
  await db.insertInto('facility_closures').values({ facility_id: GYM, rule: 'monthly_day', on_date: null, from_md: null, to_md: null, nth: null, weekday: null, day_of_month: 15, reason: '施設点検日' }).execute();
  await db
    .insertInto('facility_rooms')
    .values([
      { id: ARENA, facility_id: GYM, name: 'アリーナ', name_kana: 'アリーナ', kind: 'arena', capacity: 200, equipment: ['nets'], purposes: ['sports', 'event'], slot_mode: 'blocks', lottery_enabled: true, sort_order: 10 },
      { id: STUDIO, facility_id: GYM, name: 'スタジオ', name_kana: 'スタジオ', kind: 'studio', capacity: 30, equipment: [], purposes: ['dance', 'sports'], slot_mode: 'hourly', lottery_enabled: true, sort_order: 20 },
    ])
    .execute();
  await db
    .insertInto('facility_room_blocks')
    .values([
      { room_id: ARENA, code: 'morning', name_ja: '午前', name_en: 'Morning', starts_at: 540, ends_at: 720, sort_order: 0 },
      { room_id: ARENA, code: 'afternoon', name_ja: '午後', name_en: 'Afternoon', starts_at: 780, ends_at: 1020, sort_order: 1 },
      { room_id: ARENA, code: 'evening', name_ja: '夜間', name_en: 'Evening', starts_at: 1080, ends_at: 1260, sort_order: 2 },
    ])
    .execute();
  await db
    .insertInto('facility_fees')
    .values([
      { room_id: ARENA, block_code: 'morning', resident_yen: 2000, non_resident_yen: 3000, commercial_yen: 6000, heating_yen: 500 },
      { room_id: ARENA, block_code: 'afternoon', resident_yen: 3000, non_resident_yen: 4500, commercial_yen: 9000, heating_yen: 500 },
      { room_id: ARENA, block_code: 'evening', resident_yen: 4000, non_resident_yen: 6000, commercial_yen: 12000, heating_yen: 500 },
      { room_id: STUDIO, block_code: 'hour', resident_yen: 500, non_resident_yen: 750, commercial_yen: 1500, heating_yen: 100 },
    ])
    .execute();
}

let residents = 0;

/** A resident account registered as a facility user (email known), as a login would leave it. */
export async function makeResident(db: LotteryDb, options: { registered?: boolean; oshu?: boolean } = {}): Promise<ResidentActor> {
  const n = ++residents;
  const displayName = `抽選 太郎${n}`;
  const accountId = await upsertResidentAccount(asPlatformDb(db), { issuer: 'test-issuer', subject: `lottery-${n}-${Math.random()}`, displayName, assurance: 'card', claims: {}, residentId: null });
  if (options.registered !== false) {
    await db.insertInto('facility_users').values({ resident_account_id: accountId, name: displayName, name_kana: 'チュウセン タロウ', phone: '09012345678', email: `resident${n}@example.jp`, updated_at: new Date() }).execute();
  }
  return { kind: 'resident', accountId, residentId: null, displayName, assurance: 'card' };
}

/** An approved group with its representative and members (who joined with their accounts). */
export async function makeGroup(db: LotteryDb, representative: ResidentActor, members: ResidentActor[], inCity = true): Promise<string> {
  const row = await db
    .insertInto('facility_groups')
    .values({ name: `テストバドミントンクラブ${residents}`, name_kana: 'テストバドミントンクラブ', kana_key: 'テストバドミントンクラブ', representative_account_id: representative.accountId, representative_name: representative.displayName, contact_phone: '0197000000', purpose: 'バドミントン', in_city: inCity, status: 'approved', join_code: `J${Math.random().toString(36).slice(2, 10)}`, updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const m of [representative, ...members]) await db.insertInto('facility_group_members').values({ group_id: row.id, name: m.displayName, account_id: m.accountId }).execute();
  return row.id;
}

export async function staffActor(t: LotteryTestApp, loginId: string): Promise<StaffActor> {
  const row = await t.db.kysely.selectFrom('staff').select('id').where('login_id', '=', loginId).executeTakeFirstOrThrow();
  return (await loadStaffActor(t.db.kysely, row.id))!;
}

/** The month `ahead` months after `now`'s (Japan calendar); 2 or more is always after a round's window. */
export function monthAhead(now: Date, ahead = 2): string {
  const d = japanClock(now).date;
  const [y, m] = d.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + ahead;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/**
 * A published round of the gym for a month ahead (each test its own month, so their
 * holds never meet): open since an hour ago, closing in two days, drawn a day later;
 * weekend evenings of the arena held.
 */
export async function openRound(t: LotteryTestApp, now: Date, options: { monthsAhead?: number; maxWinsPerMonth?: number | null; payDays?: number; blocks?: string[] } = {}) {
  const staff = await staffActor(t, 'shogai.tanto');
  const month = monthAhead(now, options.monthsAhead ?? 2);
  const roundId = await createRound(t.ctx, staff, {
    facilityId: GYM,
    month,
    title: `アリーナ ${month} 土日`,
    opensAt: new Date(now.getTime() - 3600_000),
    closesAt: new Date(now.getTime() + 2 * 86_400_000),
    drawAt: new Date(now.getTime() + 3 * 86_400_000),
    payDays: options.payDays ?? 7,
    maxPreferences: 3,
    maxEntries: 3,
    maxWinsPerTypeMonth: 1,
    maxWinsPerMonth: options.maxWinsPerMonth ?? null,
  });
  const added = await addSlots(t.ctx, staff, roundId, ARENA, { blockCodes: options.blocks ?? ['evening'], hours: null, weekdays: [6, 7], dates: [], slotType: '' });
  await publishRound(t.ctx, staff, roundId);
  const slots = await t.ldb.selectFrom('facility_lottery_slots').selectAll().where('round_id', '=', roundId).orderBy('use_date').orderBy('starts_at').execute();
  return { roundId, staff, month, added, slots };
}

/** An instant `days` after `from`. */
export const later = (from: Date, days: number) => new Date(from.getTime() + days * 86_400_000);
