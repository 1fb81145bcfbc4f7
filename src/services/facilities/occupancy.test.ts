import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { duringRange } from './booking-time.ts';
import { datesOfMonth, parseMonth, roomMonth, type OccupancyRow } from './occupancy-service.ts';
import { createStaffTestApp, makeResident, testClock, type StaffTestApp } from './staff-test-kit.ts';
import type { BookingStatus, OccupancyKind } from './tables.ts';

/**
 * The hand-worked month: July 2027 at a test centre open Monday–Friday 9:00–17:00,
 * closed on the 15th (a Thursday). July 2027 starts on a Thursday: weekdays are the
 * 1st–2nd, 5th–9th, 12th–16th, 19th–23rd and 26th–30th = 22, less the 15th = 21 open days.
 *
 *   Room A (blocks 9–12 and 13–17: 7 h a day): 21 × 7 h = 147 h, less a whole-day
 *     block on the 8th (7 h) = 140 h available.
 *     Booked: 7/1 morning 3 h + 7/2 afternoon 4 h + 7/5 both blocks 7 h + a class
 *     7/7 10:00–11:30 1.5 h = 15.5 h (the cancelled 7/6 does not count).
 *     Rate 15.5 / 140 = 11.07 %.
 *   Room B (hourly 9–17: 8 h a day): 21 × 8 h = 168 h. Booked: 7/9 10–13 3 h + a
 *     仮予約 7/12 9–10 1 h = 4 h (a lottery hold on 7/13 counts as available). 2.38 %.
 *   Total: 19.5 h of 308 h = 6.33 %.
 *   Today is 7/10: bookings of past days = 7/1, 7/2, 7/5 (A) and 7/9 (B) = 4, of which
 *     7/2 was a no-show: 25.0 %.
 *   Revenue: A 1,000 + 1,200 + (1,000 paid − 500 refunded on 7/6) = 2,700; B 900; 3,600.
 */
const FACILITY = 'occ-centre';
const ROOM_A = 'occ-room-a';
const ROOM_B = 'occ-room-b';

let t: StaffTestApp;
let n = 0;
let holder = '';

async function occupy(room: string, date: string, from: number, to: number, kind: OccupancyKind, status: BookingStatus, money: { fee?: number; paid?: boolean; refund?: number } = {}) {
  const resident = kind === 'booking' ? holder : null;
  const row = await t.fdb
    .insertInto('facility_bookings')
    .values({
      reference: `OCC-${++n}`,
      room_id: room,
      kind,
      status,
      use_date: date,
      starts_at: from,
      ends_at: to,
      during: duringRange(date, from, to),
      block_codes: [],
      resident_account_id: resident,
      group_id: null,
      created_by_staff_id: null,
      title: kind === 'booking' ? '' : `${kind} ${date}`,
      purpose: kind === 'booking' ? 'meeting' : null,
      headcount: kind === 'booking' ? 5 : null,
      rate: kind === 'booking' ? 'resident' : null,
      base_yen: money.fee ?? 0,
      reduction_code: null,
      fee_yen: money.fee ?? 0,
      payment_method: money.paid ? 'counter' : 'none',
      payment_due_at: null,
      paid_at: money.paid ? new Date('2027-06-20T10:00:00+09:00') : null,
      payment_id: null,
      refund_yen: money.refund ?? null,
      idempotency_key: null,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

before(async () => {
  t = await createStaffTestApp({ clock: testClock(new Date('2027-07-10T12:00:00+09:00')) });
  await t.fdb.insertInto('facilities').values({ id: FACILITY, name: '稼働率テストセンター', name_kana: 'カドウリツテストセンター', area: '水沢', kind: 'community', address: '奥州市水沢大手町1-1', lat: 39.14, lng: 141.14, accessibility: [] }).execute();
  await t.fdb.insertInto('facility_hours').values([1, 2, 3, 4, 5].map((weekday) => ({ facility_id: FACILITY, weekday, opens_at: 540, closes_at: 1020 }))).execute();
  await t.fdb.insertInto('facility_closures').values({ facility_id: FACILITY, rule: 'monthly_day', on_date: null, from_md: null, to_md: null, nth: null, weekday: null, day_of_month: 15, reason: '点検日' }).execute();
  await t.fdb
    .insertInto('facility_rooms')
    .values([
      { id: ROOM_A, facility_id: FACILITY, name: '会議室A', name_kana: 'カイギシツエー', kind: 'meeting', capacity: 20, equipment: [], purposes: ['meeting'], slot_mode: 'blocks', sort_order: 1 },
      { id: ROOM_B, facility_id: FACILITY, name: '多目的室B', name_kana: 'タモクテキシツビー', kind: 'studio', capacity: 20, equipment: [], purposes: ['meeting'], slot_mode: 'hourly', sort_order: 2 },
    ])
    .execute();
  await t.fdb
    .insertInto('facility_room_blocks')
    .values([
      { room_id: ROOM_A, code: 'morning', name_ja: '午前', name_en: 'Morning', starts_at: 540, ends_at: 720, sort_order: 0 },
      { room_id: ROOM_A, code: 'afternoon', name_ja: '午後', name_en: 'Afternoon', starts_at: 780, ends_at: 1020, sort_order: 1 },
    ])
    .execute();
  const checkin = async (bookingId: string, state: 'checked_in' | 'no_show') => {
    const staff = await t.db.kysely.selectFrom('staff').select('id').where('login_id', '=', 'shogai.tanto').executeTakeFirstOrThrow();
    await t.sdb.insertInto('facility_booking_checkins').values({ booking_id: bookingId, state, present_count: null, recorded_by_staff_id: staff.id, recorded_at: new Date() }).execute();
  };
  holder = (await makeResident(t.fdb)).accountId;
  await checkin(await occupy(ROOM_A, '2027-07-01', 540, 720, 'booking', 'confirmed', { fee: 1000, paid: true }), 'checked_in');
  await checkin(await occupy(ROOM_A, '2027-07-02', 780, 1020, 'booking', 'confirmed', { fee: 1200, paid: true }), 'no_show');
  await occupy(ROOM_A, '2027-07-05', 540, 1020, 'booking', 'awaiting_payment', { fee: 2200 });
  await occupy(ROOM_A, '2027-07-06', 540, 720, 'booking', 'cancelled', { fee: 1000, paid: true, refund: 500 });
  await occupy(ROOM_A, '2027-07-07', 600, 690, 'class', 'held');
  await occupy(ROOM_A, '2027-07-08', 0, 1440, 'block', 'held');
  await occupy(ROOM_B, '2027-07-09', 600, 780, 'booking', 'confirmed', { fee: 900, paid: true });
  await occupy(ROOM_B, '2027-07-12', 540, 600, 'booking', 'pending_approval', { fee: 300 });
  await occupy(ROOM_B, '2027-07-13', 540, 720, 'lottery', 'held');
  // Outside the month: not counted in July.
  await occupy(ROOM_B, '2027-08-02', 540, 1020, 'booking', 'confirmed', { fee: 2400, paid: true });
});
after(() => t.close());

type Json = { rooms: { roomId: string; roomName: string; availableMinutes: number; bookedMinutes: number; blockedMinutes: number; rate: number; bookings: number }[]; totals: { availableMinutes: number; bookedMinutes: number; rate: number; pastBookings: number; noShows: number; noShowRate: number; revenueYen: number; checkedIn: number }; trend: { month: string; bookedMinutes: number }[] };

describe('occupancy of a hand-worked month', () => {
  test('the JSON API gives the hand-worked figures', async () => {
    const staff = t.browser();
    await staff.loginStaff('shogai.tanto');
    const response = await staff.json('GET', `/api/staff/facilities/occupancy?facility=${FACILITY}&month=${encodeURIComponent('令和9年7月')}`);
    assert.equal(response.statusCode, 200, response.body);
    const o = JSON.parse(response.body) as Json;
    const a = o.rooms.find((r) => r.roomId === ROOM_A)!;
    const b = o.rooms.find((r) => r.roomId === ROOM_B)!;
    assert.deepEqual([a.availableMinutes, a.bookedMinutes, a.blockedMinutes, a.bookings], [140 * 60, 15.5 * 60, 7 * 60, 3]);
    assert.equal(a.rate.toFixed(4), (15.5 / 140).toFixed(4));
    assert.deepEqual([b.availableMinutes, b.bookedMinutes, b.blockedMinutes, b.bookings], [168 * 60, 4 * 60, 0, 2]);
    assert.deepEqual([o.totals.availableMinutes, o.totals.bookedMinutes], [308 * 60, 19.5 * 60]);
    assert.equal(o.totals.rate.toFixed(4), (19.5 / 308).toFixed(4));
    assert.deepEqual([o.totals.pastBookings, o.totals.noShows, o.totals.checkedIn, o.totals.noShowRate], [4, 1, 1, 0.25]);
    assert.equal(o.totals.revenueYen, 3600);
    assert.equal(o.trend.length, 12);
    assert.equal(o.trend.at(-1)!.month, '2027-07');
    assert.equal(o.trend.at(-1)!.bookedMinutes, 19.5 * 60);
  });

  test('the page shows each bar’s value in text and the same numbers in a table', async () => {
    const staff = t.browser();
    await staff.loginStaff('shogai.tanto');
    const page = await staff.get(`/staff/facilities/occupancy?facility=${FACILITY}&month=2027-07`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('11.1%（15.5時間 / 140.0時間）'), 'room A’s bar carries its value');
    assert.ok(page.body.includes('2.4%（4.0時間 / 168.0時間）'));
    assert.ok(page.body.includes('role="img"'));
    assert.ok(page.body.includes('25.0%（4件中 1件）'));
    assert.ok(page.body.includes('3,600円'));
    const wrong = await staff.get(`/staff/facilities/occupancy?facility=${FACILITY}&month=7月ごろ`);
    assert.equal(wrong.statusCode, 400);
    assert.ok(wrong.body.includes('href="#month"'));
    assert.ok(wrong.body.includes('value="7月ごろ"'));
  });

  test('the CSV has a BOM, one row per room and a total, and formulas typed into names neutralised', async () => {
    await t.fdb.updateTable('facility_rooms').set({ name: '=HYPERLINK("http://example.invalid","x")' }).where('id', '=', ROOM_B).execute();
    await t.fdb.updateTable('facilities').set({ name: '+稼働率テストセンター' }).where('id', '=', FACILITY).execute();
    try {
      const staff = t.browser();
      await staff.loginStaff('shogai.kacho');
      const response = await staff.get(`/staff/facilities/occupancy.csv?facility=${FACILITY}&month=2027-07`);
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /text\/csv/);
      assert.ok(response.body.startsWith('\uFEFF'), 'a BOM for Excel');
      const rows = parse(response.body.slice(1)) as string[][];
      assert.equal(rows.length, 4, 'header, two rooms, total');
      assert.equal(rows[0]![0], '施設');
      const roomB = rows.find((r) => r[2]!.includes('HYPERLINK'))!;
      assert.equal(roomB[2], `'=HYPERLINK("http://example.invalid","x")`, 'the formula is neutralised');
      assert.equal(roomB[0], `'+稼働率テストセンター`);
      assert.deepEqual(roomB.slice(3, 7), ['168.0', '4.0', '0.0', '2.4']);
      const total = rows.at(-1)!;
      assert.deepEqual([total[2], total[3], total[4], total[6], total[10], total[11]], ['合計', '308.0', '19.5', '6.3', '25.0', '3600']);
    } finally {
      await t.fdb.updateTable('facility_rooms').set({ name: '多目的室B' }).where('id', '=', ROOM_B).execute();
      await t.fdb.updateTable('facilities').set({ name: '稼働率テストセンター' }).where('id', '=', FACILITY).execute();
    }
  });

  test('another department’s facility is not found, and staff of other departments are refused', async () => {
    await t.fdb.insertInto('facilities').values({ id: 'occ-other', name: '他課の施設', name_kana: 'タカノシセツ', area: '江刺', kind: 'community', address: '奥州市江刺', lat: 39.2, lng: 141.2, accessibility: [], department_code: 'transport' }).execute();
    const staff = t.browser();
    await staff.loginStaff('shogai.tanto');
    assert.equal((await staff.json('GET', '/api/staff/facilities/occupancy?facility=occ-other&month=2027-07')).statusCode, 404);
    assert.equal((await staff.json('GET', '/api/staff/facilities/occupancy?facility=occ-other&month=junk')).statusCode, 404, 'access is checked before the month');
    const other = t.browser();
    await other.loginStaff('kotsu.tanto');
    assert.equal((await other.json('GET', `/api/staff/facilities/occupancy?facility=${FACILITY}&month=2027-07`)).statusCode, 403);
    assert.equal((await other.get(`/staff/facilities/occupancy?facility=${FACILITY}&month=2027-07`)).statusCode, 403);
  });
});

describe('the rules, pure', () => {
  const facility = { hours: new Map([[1, { opensAt: 540, closesAt: 1020 }]]), closures: [] };
  const room = { id: 'r', slotMode: 'blocks' as const, blocks: [{ code: 'morning', nameJa: '午前', nameEn: 'Morning', startsAt: 540, endsAt: 720 }] };
  const row = (kind: OccupancyKind, from: number, to: number, status: BookingStatus = kind === 'booking' ? 'confirmed' : 'held'): OccupancyRow => ({ roomId: 'r', kind, status, date: '2027-07-05', startsAt: from, endsAt: to, feeYen: 0, paid: false, refundYen: 0, checkin: null });

  test('time counts only inside slots; under a block it is not available, but a booking under a block stays booked', () => {
    // One Monday in July 2027 has the room open: 7/5, 7/12, 7/19, 7/26 → 4 × 180 min.
    const f = roomMonth(facility, room, '2027-07', [row('class', 600, 690), row('block', 540, 630), row('booking', 480, 560)], '2027-07-01');
    // On 7/5: 540–560 booked (the booking's part inside the slot), 560–600 blocked, 600–630 booked (class under the block), 630–690 class, 690–720 free.
    assert.equal(f.bookedMinutes, 20 + 90);
    assert.equal(f.blockedMinutes, 40);
    assert.equal(f.availableMinutes, 4 * 180 - 40);
  });

  test('months and dates', () => {
    assert.equal(datesOfMonth('2027-02').length, 28);
    assert.equal(datesOfMonth('2028-02').length, 29);
    assert.equal(parseMonth('令和9年7月'), '2027-07');
    assert.equal(parseMonth('2027/7'), '2027-07');
    assert.equal(parseMonth('２０２７年７月'), '2027-07');
    assert.equal(parseMonth('2027-13'), null);
  });
});
