/**
 * Loads the demo facilities (demo-facilities.ts) into an empty database, and a few
 * bookings in the coming weeks made by three invented users (accounts nobody can log
 * in to: their issuer is not an identity provider) and one approved demo group.
 */
import crypto from 'node:crypto';
import { addDays, japanClock } from '../../platform/time/today.ts';
import { upsertResidentAccount } from '../../platform/identity/resident-accounts.ts';
import { duringRange } from './booking-time.ts';
import { loadFacilities } from './catalogue.ts';
import { slotsOn } from './calendar.ts';
import { asPlatformDb } from './facility-context.ts';
import { paymentDeadline, quoteFee } from './fees.ts';
import { DEMO_FACILITIES, STANDARD_BLOCKS } from './demo-facilities.ts';
import { HOURLY_FEE_KEY, type BookingStatus, type FacilitiesDb, type OccupancyKind } from './tables.ts';

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

/** A few demo bookings from today: the next free matching day for each. */
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
  const today = japanClock(now).date;
  const plan: { room: string; inDays: number; blocks: number; kind: OccupancyKind; status?: BookingStatus; user?: number; group?: boolean; purpose?: string; headcount?: number; title?: string }[] = [
    { room: 'kominkan-meeting-1', inDays: 2, blocks: 1, kind: 'booking', user: 0, group: true, purpose: 'music', headcount: 18 },
    { room: 'kominkan-meeting-1', inDays: 9, blocks: 1, kind: 'booking', user: 0, group: true, purpose: 'music', headcount: 18 },
    { room: 'kominkan-washitsu', inDays: 3, blocks: 2, kind: 'booking', user: 2, purpose: 'culture', headcount: 12 },
    { room: 'isawa-arena', inDays: 4, blocks: 2, kind: 'booking', user: 1, purpose: 'sports', headcount: 20 },
    { room: 'mizusawa-arena', inDays: 5, blocks: 3, kind: 'booking', user: 1, purpose: 'sports', headcount: 16 },
    { room: 'sasara-hall', inDays: 21, blocks: 2, kind: 'booking', status: 'pending_approval', user: 0, group: true, purpose: 'music', headcount: 120 },
  ];
  for (const item of plan) {
    const facility = facilities.find((f) => f.rooms.some((r) => r.id === item.room));
    const room = facility?.rooms.find((r) => r.id === item.room);
    if (!facility || !room) continue;
    for (let d = item.inDays; d < item.inDays + 14; d++) {
      const date = addDays(today, d);
      const slots = slotsOn(facility, room, date).slice(0, item.blocks);
      if (slots.length < item.blocks) continue;
      const startsAt = slots[0]!.startsAt;
      const endsAt = slots.at(-1)!.endsAt;
      const clash = await db.selectFrom('facility_bookings').select('id').where('room_id', '=', room.id).where('use_date', '=', date).where('status', 'in', ['pending_approval', 'awaiting_payment', 'confirmed', 'held']).where('starts_at', '<', endsAt).where('ends_at', '>', startsAt).executeTakeFirst();
      if (clash) continue;
      const fee = item.kind === 'booking' ? quoteFee(facility, room, slots, 'resident', date) : null;
      const status: BookingStatus = item.kind !== 'booking' ? 'held' : (item.status ?? (item.user === 1 ? 'awaiting_payment' : 'confirmed'));
      await db
        .insertInto('facility_bookings')
        .values({
          reference: `F${date.slice(2).replaceAll('-', '')}-D${crypto.randomBytes(2).toString('hex').toUpperCase()}`,
          room_id: room.id,
          kind: item.kind,
          status,
          use_date: date,
          starts_at: startsAt,
          ends_at: endsAt,
          during: duringRange(date, startsAt, endsAt),
          block_codes: slots.map((s) => s.code),
          resident_account_id: item.user !== undefined ? accounts[item.user]! : null,
          group_id: item.group ? group.id : null,
          created_by_staff_id: null,
          title: item.title ?? '',
          purpose: item.purpose ?? null,
          headcount: item.headcount ?? null,
          rate: fee ? 'resident' : null,
          base_yen: fee?.baseYen ?? 0,
          heating_yen: fee?.heatingYen ?? 0,
          reduction_code: null,
          reduction_yen: 0,
          fee_yen: fee?.feeYen ?? 0,
          // Demo "confirmed" bookings were paid at the counter; the awaiting one can be paid online.
          payment_method: !fee || fee.feeYen === 0 ? 'none' : status === 'confirmed' ? 'counter' : 'online',
          payment_due_at: status === 'awaiting_payment' ? paymentDeadline(facility, now, today, date, startsAt) : null,
          paid_at: status === 'confirmed' && fee && fee.feeYen > 0 ? now : null,
          payment_id: null,
          idempotency_key: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      break;
    }
  }
}
