/**
 * Loads the demo facilities (demo-facilities.ts) into an empty database; bookings
 * made by three invented users (accounts nobody can log in to: their issuer is not an
 * identity provider) and one approved demo group; and bookings of the first demo
 * login residents — upcoming, today, past with a check-in — all relative to today,
 * so the demo reads sensibly whatever day it starts.
 */
import crypto from 'node:crypto';
import { addDays, japanClock } from '../../platform/time/today.ts';
import { upsertResidentAccount } from '../../platform/identity/resident-accounts.ts';
import { DEMO_IDP_PATH } from '../../platform/identity/demo-idp/demo-provider.ts';
import type { Platform } from '../../platform/platform.ts';
import { duringRange, instantOf } from './booking-time.ts';
import { loadFacilities, type FacilityInfo } from './catalogue.ts';
import { slotsOn } from './calendar.ts';
import { asPlatformDb } from './facility-context.ts';
import { paymentDeadline, quoteFee } from './fees.ts';
import { DEMO_FACILITIES, STANDARD_BLOCKS } from './demo-facilities.ts';
import { staffDb } from './staff-tables.ts';
import { HOURLY_FEE_KEY, type BookingStatus, type FacilitiesDb } from './tables.ts';

const round10 = (n: number) => Math.round(n / 10) * 10;

export async function seedFacilities(db: FacilitiesDb): Promise<boolean> {
  const any = await db.selectFrom('facilities').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  await db.transaction().execute(async (trx) => {
    let order = 0;
    for (const f of DEMO_FACILITIES) {
      await trx
        .insertInto('facilities')
        .values({ id: f.id, name: f.name, name_kana: f.nameKana, area: f.area, kind: f.kind, address: f.address, lat: f.lat, lng: f.lng, phone: f.phone, description: f.description, accessibility: f.accessibility, counter_payment: f.counterPayment ?? false, sort_order: (order += 10) })
        .execute();
      await trx.insertInto('facility_hours').values(f.hours.map(([weekday, opens_at, closes_at]) => ({ facility_id: f.id, weekday, opens_at, closes_at }))).execute();
      await trx
        .insertInto('facility_closures')
        .values(
          f.closures.map((c) => ({
            facility_id: f.id,
            rule: c.rule,
            on_date: null,
            from_md: c.rule === 'annual' ? c.from : null,
            to_md: c.rule === 'annual' ? c.to : null,
            nth: c.rule === 'monthly_nth_weekday' ? c.nth : null,
            weekday: c.rule === 'monthly_nth_weekday' ? c.weekday : null,
            day_of_month: c.rule === 'monthly_day' ? c.day : null,
            reason: c.reason,
          })),
        )
        .execute();
      let roomOrder = 0;
      for (const r of f.rooms) {
        await trx
          .insertInto('facility_rooms')
          .values({ id: r.id, facility_id: f.id, name: r.name, name_kana: r.nameKana, kind: r.kind, capacity: r.capacity, floor_area_m2: r.floorAreaM2 ?? null, equipment: r.equipment, purposes: r.purposes, needs_approval: r.needsApproval ?? false, slot_mode: r.slotMode, lottery_enabled: r.lotteryEnabled ?? false, description: r.description ?? '', sort_order: (roomOrder += 10) })
          .execute();
        const fees = 'hour' in r.fee ? [[HOURLY_FEE_KEY, r.fee.hour] as const] : STANDARD_BLOCKS.map((b) => [b.code, (r.fee as Record<string, number>)[b.code]!] as const);
        if (r.slotMode === 'blocks') {
          await trx.insertInto('facility_room_blocks').values(STANDARD_BLOCKS.map((b, i) => ({ room_id: r.id, code: b.code, name_ja: b.nameJa, name_en: b.nameEn, starts_at: b.startsAt, ends_at: b.endsAt, sort_order: i }))).execute();
        }
        await trx
          .insertInto('facility_fees')
          .values(fees.map(([code, yen]) => ({ room_id: r.id, block_code: code, resident_yen: yen, non_resident_yen: round10(yen * 1.5), commercial_yen: yen * 3, heating_yen: r.fee.heating })))
          .execute();
      }
    }
  });
  return true;
}

const DEMO_USERS = [
  { subject: 'facility-demo-1', name: '及川 美咲', kana: 'オイカワ ミサキ', phone: '09011112222', email: 'oikawa.misaki@example.jp' },
  { subject: 'facility-demo-2', name: '千葉 健一', kana: 'チバ ケンイチ', phone: '08033334444', email: 'chiba.kenichi@example.jp' },
  { subject: 'facility-demo-3', name: '菊池 由美', kana: 'キクチ ユミ', phone: '07055556666', email: null },
];

interface DemoBooking {
  /** Candidate rooms, in order of preference: the first one open and free on a candidate day is used. */
  rooms: string[];
  /** Days from today of the first candidate day; later candidates step away from it by `step`. */
  inDays: number;
  /** How many candidate days (1: exactly that day). */
  span?: number;
  /** +1 looks further ahead, -1 further back (past bookings). */
  step?: 1 | -1;
  blocks: number;
  /** From the end of the day instead of its start (an evening booking today that has not begun). */
  lastBlocks?: boolean;
  status?: BookingStatus;
  account: string;
  groupId?: string | null;
  purpose: string;
  headcount: number;
  /** The holder came: a check-in recorded at the counter (past bookings). */
  checkedIn?: boolean;
}

/**
 * Writes one demo booking on the first candidate day and room that is open and free,
 * priced as the booking service would; returns its id, or null when none fits (a
 * holiday season, a Monday). Confirmed bookings with a fee were paid at the counter.
 */
async function placeDemoBooking(db: FacilitiesDb, facilities: FacilityInfo[], now: Date, item: DemoBooking): Promise<string | null> {
  const today = japanClock(now).date;
  for (let i = 0; i < (item.span ?? 14); i++) {
    const date = addDays(today, item.inDays + i * (item.step ?? 1));
    for (const roomId of item.rooms) {
      const facility = facilities.find((f) => f.rooms.some((r) => r.id === roomId));
      const room = facility?.rooms.find((r) => r.id === roomId);
      if (!facility || !room) continue;
      const day = slotsOn(facility, room, date);
      const slots = item.lastBlocks ? day.slice(-item.blocks) : day.slice(0, item.blocks);
      if (slots.length < item.blocks) continue;
      const startsAt = slots[0]!.startsAt;
      const endsAt = slots.at(-1)!.endsAt;
      const clash = await db.selectFrom('facility_bookings').select('id').where('room_id', '=', room.id).where('use_date', '=', date).where('status', 'in', ['pending_approval', 'awaiting_payment', 'confirmed', 'held']).where('starts_at', '<', endsAt).where('ends_at', '>', startsAt).executeTakeFirst();
      if (clash) continue;
      const fee = quoteFee(facility, room, slots, 'resident', date);
      const status: BookingStatus = item.status ?? 'confirmed';
      const paid = status === 'confirmed' && fee !== null && fee.feeYen > 0;
      // A past booking was made (and paid) a fortnight before its day.
      const madeAt = date < today ? new Date(now.getTime() - (14 + i) * 86_400_000 + item.inDays * 86_400_000) : now;
      const row = await db
        .insertInto('facility_bookings')
        .values({
          reference: `F${date.slice(2).replaceAll('-', '')}-D${crypto.randomBytes(2).toString('hex').toUpperCase()}`,
          room_id: room.id,
          kind: 'booking',
          status,
          use_date: date,
          starts_at: startsAt,
          ends_at: endsAt,
          during: duringRange(date, startsAt, endsAt),
          block_codes: slots.map((s) => s.code),
          resident_account_id: item.account,
          group_id: item.groupId ?? null,
          created_by_staff_id: null,
          title: '',
          purpose: item.purpose,
          headcount: item.headcount,
          rate: fee ? 'resident' : null,
          base_yen: fee?.baseYen ?? 0,
          heating_yen: fee?.heatingYen ?? 0,
          reduction_code: null,
          reduction_yen: 0,
          fee_yen: fee?.feeYen ?? 0,
          payment_method: !fee || fee.feeYen === 0 ? 'none' : status === 'confirmed' ? 'counter' : 'online',
          payment_due_at: status === 'awaiting_payment' ? paymentDeadline(facility, now, today, date, startsAt) : null,
          paid_at: paid ? madeAt : null,
          payment_id: null,
          idempotency_key: null,
          created_at: madeAt,
          updated_at: madeAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (item.checkedIn) await recordDemoCheckin(db, row.id, item.headcount, instantOf(date, startsAt));
      return row.id;
    }
  }
  return null;
}

/** The counter's check-in of a past demo booking, recorded by the demo facilities clerk. */
async function recordDemoCheckin(db: FacilitiesDb, bookingId: string, headcount: number, at: Date): Promise<void> {
  const clerk = await db.selectFrom('staff').select('id').where('login_id', '=', 'shogai.tanto').executeTakeFirst();
  if (!clerk) return;
  await staffDb(db).insertInto('facility_booking_checkins').values({ booking_id: bookingId, state: 'checked_in', present_count: headcount, recorded_by_staff_id: clerk.id, recorded_at: at }).execute();
}

/** A few demo bookings of the invented users from today: the next free matching day for each. */
export async function seedDemoBookings(db: FacilitiesDb, now: Date): Promise<void> {
  const accounts: string[] = [];
  for (const u of DEMO_USERS) {
    // The issuer is no identity provider: nobody can log in as these invented people.
    const id = await upsertResidentAccount(asPlatformDb(db), { issuer: 'urn:oshu-dx:facility-demo', subject: u.subject, displayName: u.name, assurance: 'card', claims: {}, residentId: null });
    accounts.push(id);
    await db.insertInto('facility_users').values({ resident_account_id: id, name: u.name, name_kana: u.kana, phone: u.phone, email: u.email, updated_at: now }).onConflict((oc) => oc.column('resident_account_id').doNothing()).execute();
  }
  const group = await db
    .insertInto('facility_groups')
    .values({ name: '水沢混声合唱団', name_kana: 'ミズサワコンセイガッショウダン', kana_key: 'みずさわこんせいがっしょうだん', representative_account_id: accounts[0]!, representative_name: DEMO_USERS[0]!.name, contact_phone: DEMO_USERS[0]!.phone, contact_email: DEMO_USERS[0]!.email, purpose: '合唱の練習と年2回の演奏会', in_city: true, status: 'approved', decision_reason: null, decided_by_staff_id: null, decided_at: now, join_code: 'DEMQCHRS', updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('facility_group_members').values(['及川 美咲', '千葉 健一', '佐藤 和子', '高橋 進', '阿部 律子', '小野寺 聡'].map((name, i) => ({ group_id: group.id, name, account_id: i === 0 ? accounts[0]! : i === 1 ? accounts[1]! : null }))).execute();

  const facilities = await loadFacilities(db);
  const plan: DemoBooking[] = [
    { rooms: ['kominkan-meeting-1'], inDays: 2, blocks: 1, account: accounts[0]!, groupId: group.id, purpose: 'music', headcount: 18 },
    { rooms: ['kominkan-meeting-1'], inDays: 9, blocks: 1, account: accounts[0]!, groupId: group.id, purpose: 'music', headcount: 18 },
    { rooms: ['kominkan-washitsu'], inDays: 3, blocks: 2, account: accounts[2]!, purpose: 'culture', headcount: 12 },
    { rooms: ['isawa-arena'], inDays: 4, blocks: 2, status: 'awaiting_payment', account: accounts[1]!, purpose: 'sports', headcount: 20 },
    { rooms: ['mizusawa-arena'], inDays: 5, blocks: 3, status: 'awaiting_payment', account: accounts[1]!, purpose: 'sports', headcount: 16 },
    { rooms: ['sasara-hall'], inDays: 21, blocks: 2, status: 'pending_approval', account: accounts[0]!, groupId: group.id, purpose: 'music', headcount: 120 },
    // Past use, checked in at the counter: the day sheet and occupancy reports have history.
    { rooms: ['kominkan-meeting-1'], inDays: -5, step: -1, blocks: 1, account: accounts[0]!, groupId: group.id, purpose: 'music', headcount: 17, checkedIn: true },
    { rooms: ['mizusawa-budo', 'isawa-judo'], inDays: -3, step: -1, blocks: 2, account: accounts[1]!, purpose: 'martial_arts', headcount: 14, checkedIn: true },
  ];
  for (const item of plan) await placeDemoBooking(db, facilities, now, item);
}

/** The demo identity provider's people a demo logs in as (none when a real provider is configured). */
function demoLoginPeople(platform: Platform) {
  if (platform.config.oidcIssuer) return [];
  return platform.services.flatMap((s) => s.demoIdentities?.() ?? []).filter((i) => /^demo-\d+$/.test(i.sub));
}

/**
 * The first demo login residents (demo-01 …), registered as facility users with
 * bookings relative to today — upcoming, today, in the past with a check-in — so
 * their /facilities/mine is not empty whatever day the demo starts. Their accounts
 * are made as the demo provider's login would make them (its issuer and subject,
 * linked to the registry record), so the login finds them. Returns the account ids.
 */
export async function seedDemoLoginResidents(platform: Platform, db: FacilitiesDb, now: Date): Promise<string[]> {
  const people = demoLoginPeople(platform).slice(0, 3);
  const issuer = `${platform.config.publicUrl}${DEMO_IDP_PATH}`;
  const matcher = platform.services.find((s) => s.matchResident);
  const accounts: string[] = [];
  for (const [i, p] of people.entries()) {
    const claims = { name: p.name, nameKana: p.nameKana, birthdate: p.birthdate, gender: p.gender, address: p.address };
    const residentId = matcher?.matchResident ? await matcher.matchResident(platform.db.kysely, claims) : null;
    const id = await upsertResidentAccount(asPlatformDb(db), { issuer, subject: p.sub, displayName: p.name, assurance: 'card', claims: {}, residentId });
    await db.insertInto('facility_users').values({ resident_account_id: id, name: p.name, name_kana: p.nameKana, phone: `0901234${String(5670 + i).padStart(4, '0')}`, email: `${p.sub}@example.jp`, address: p.address, updated_at: now }).onConflict((oc) => oc.column('resident_account_id').doNothing()).execute();
    accounts.push(id);
  }
  const facilities = await loadFacilities(db);
  const [first, second, third] = accounts;
  const plan: DemoBooking[] = [
    ...(first
      ? [
          { rooms: ['kominkan-meeting-2', 'z-hall-meeting', 'esashi-tennis-1'], inDays: 0, span: 1, blocks: 1, lastBlocks: true, account: first, purpose: 'meeting', headcount: 6 },
          { rooms: ['kominkan-washitsu'], inDays: 6, blocks: 1, account: first, purpose: 'culture', headcount: 10 },
          { rooms: ['mizusawa-budo'], inDays: 10, blocks: 1, status: 'awaiting_payment' as const, account: first, purpose: 'martial_arts', headcount: 12 },
          { rooms: ['kominkan-meeting-2'], inDays: -7, step: -1 as const, blocks: 1, account: first, purpose: 'study', headcount: 8, checkedIn: true },
        ]
      : []),
    ...(second
      ? [
          { rooms: ['esashi-arena'], inDays: 4, blocks: 2, status: 'awaiting_payment' as const, account: second, purpose: 'sports', headcount: 20 },
          { rooms: ['esashi-meeting'], inDays: -10, step: -1 as const, blocks: 1, account: second, purpose: 'meeting', headcount: 9, checkedIn: true },
        ]
      : []),
    ...(third ? [{ rooms: ['maesawa-hall'], inDays: -2, step: -1 as const, blocks: 2, account: third, purpose: 'dance', headcount: 25, checkedIn: true }] : []),
  ];
  for (const item of plan) await placeDemoBooking(db, facilities, now, item);
  return accounts;
}
