import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DomainError } from '../../platform/http/errors.ts';
import { bookSeat } from './classes-seats.ts';
import { confirmBlock, previewBlock, removeBlock, type BlockInput } from './staff-blocks-service.ts';
import { recordCheckin } from './staff-day-service.ts';
import { blocksOutsideHours, brokenByClosure, brokenByHours, describeConflicts, widestHours, type FutureOccupation } from './staff-settings-rules.ts';
import { startPayment } from './booking-payments.ts';
import { PAYMENT_SOURCE } from './facility-context.ts';
import { book, createStaffTestApp, makeClass, makeResident, payOnline, request, staffActor, type StaffTestApp } from './staff-test-kit.ts';

let t: StaffTestApp;
before(async () => {
  t = await createStaffTestApp();
});
after(() => t.close());

const bookingRow = (id: string) => t.fdb.selectFrom('facility_bookings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const audits = (targetId: string, action: string) => t.db.kysely.selectFrom('audit_log').select('action').where('target_id', '=', targetId).where('action', '=', action).execute();

describe('department isolation', () => {
  test('a citizens clerk gets 403 (or 404 for a record) on every back office page and action', async () => {
    const resident = await makeResident(t.fdb);
    const booking = await book(t, resident, request({ date: '2027-06-12', blockCodes: ['evening'] }));
    const session = t.browser();
    await session.loginStaff('shimin.tanto');
    const pages = [
      '/staff/facilities',
      '/staff/facilities/day',
      '/staff/facilities/day?date=2027-06-12&facility=mizusawa-kominkan',
      `/staff/facilities/bookings/${booking.id}`,
      '/staff/facilities/approvals',
      `/staff/facilities/approvals/bookings/${booking.id}`,
      '/staff/facilities/approvals/groups/00000000-0000-4000-8000-000000000000',
      '/staff/facilities/blocks',
      '/staff/facilities/blocks/new',
      '/staff/facilities/blocks/00000000-0000-4000-8000-000000000000',
      '/staff/facilities/occupancy',
      '/staff/facilities/occupancy.csv?facility=mizusawa-kominkan&month=2027-06',
      '/staff/facilities/settings',
      '/staff/facilities/settings/mizusawa-kominkan',
      '/staff/facilities/settings/rooms/kominkan-meeting-1',
      '/staff/facilities/settings/reductions',
      '/staff/facilities/classes',
    ];
    for (const url of pages) {
      const status = (await session.get(url)).statusCode;
      assert.ok(status === 403 || status === 404, `${url} answered ${status}`);
    }
    assert.equal((await session.get('/staff/facilities/day')).statusCode, 403);
    const actions = [
      [`/staff/facilities/bookings/${booking.id}/checkin`, { state: 'checked_in', presentCount: '', back: '/staff' }],
      [`/staff/facilities/bookings/${booking.id}/counter-payment`, {}],
      [`/staff/facilities/bookings/${booking.id}/reduction`, { reduction: 'city_hosted', reason: '' }],
      [`/staff/facilities/approvals/bookings/${booking.id}/approve`, { note: '' }],
      ['/staff/facilities/blocks/preview', { target: 'facility:mizusawa-kominkan', fromDate: '2027-06-12', toDate: '', startsAt: '', endsAt: '', reason: '点検' }],
      ['/staff/facilities/settings/rooms/kominkan-meeting-1/fees', {}],
    ] as const;
    for (const [url, form] of actions) {
      const status = (await session.post(url, { ...form })).statusCode;
      assert.ok(status === 403 || status === 404, `POST ${url} answered ${status}`);
    }
    assert.equal((await session.json('GET', '/api/staff/facilities/occupancy?facility=mizusawa-kominkan&month=2027-06')).statusCode, 403);
    const after = await bookingRow(booking.id);
    assert.equal(after.status, 'awaiting_payment', 'nothing changed');

    // A clerk of the facilities department works the counter but does not change settings.
    const clerk = t.browser();
    await clerk.loginStaff('shogai.tanto');
    assert.equal((await clerk.get('/staff/facilities/day')).statusCode, 200);
    assert.equal((await clerk.get('/staff/facilities/settings')).statusCode, 403);
    // …so the back office home does not offer the settings to the clerk; a manager sees them.
    const clerkHome = await clerk.get('/staff/facilities');
    assert.equal(clerkHome.statusCode, 200);
    assert.match(clerkHome.body, /href="\/staff\/facilities\/day"/);
    assert.doesNotMatch(clerkHome.body, /href="\/staff\/facilities\/settings"/);
    assert.doesNotMatch(clerkHome.body, /施設・料金の設定/);
    const manager = t.browser();
    await manager.loginStaff('shogai.kacho');
    assert.match((await manager.get('/staff/facilities')).body, /<a href="\/staff\/facilities\/settings">施設・料金の設定<\/a>/);
  });
});

describe('settings', () => {
  test('a fee change applies to new bookings only: existing bookings keep the fee they were quoted', async () => {
    const before = await book(t, await makeResident(t.fdb), request({ roomId: 'kominkan-meeting-2', date: '2027-06-13', blockCodes: ['morning'], headcount: 8 }));
    assert.equal((await bookingRow(before.id)).fee_yen, 400);
    const manager = t.browser();
    await manager.loginStaff('shogai.kacho');
    const page = await manager.get('/staff/facilities/settings/rooms/kominkan-meeting-2');
    assert.equal(page.statusCode, 200);
    const fees: Record<string, string> = {};
    for (const code of ['morning', 'afternoon', 'evening']) Object.assign(fees, { [`fee_${code}_resident`]: '800', [`fee_${code}_nonResident`]: '1200', [`fee_${code}_commercial`]: '2400', [`fee_${code}_heating`]: '150' });
    const bad = await manager.post('/staff/facilities/settings/rooms/kominkan-meeting-2/fees', { ...fees, fee_morning_resident: '八百' });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.body.includes('href="#fee_morning_resident"'));
    assert.ok(bad.body.includes('value="八百"'), 'what was typed is kept');
    assert.equal((await manager.post('/staff/facilities/settings/rooms/kominkan-meeting-2/fees', fees)).statusCode, 303);
    assert.equal((await bookingRow(before.id)).fee_yen, 400, 'the existing booking keeps its fee');
    const after = await book(t, await makeResident(t.fdb), request({ roomId: 'kominkan-meeting-2', date: '2027-06-13', blockCodes: ['afternoon'], headcount: 8 }));
    assert.equal((await bookingRow(after.id)).fee_yen, 800, 'a new booking is quoted the new fee');
    assert.equal((await audits('kominkan-meeting-2', 'facilities.settings.fees-updated')).length, 1);
  });

  test('shortening hours under a booking, closing a booked day or cutting capacity below a booked headcount is refused naming the booking', async () => {
    const booked = await book(t, await makeResident(t.fdb), request({ roomId: 'kominkan-meeting-1', date: '2027-06-15', blockCodes: ['evening'], headcount: 30 }));
    const reference = (await bookingRow(booked.id)).reference;
    const manager = t.browser();
    await manager.loginStaff('shogai.kacho');
    await manager.get('/staff/facilities/settings/mizusawa-kominkan');
    const hours: Record<string, string> = {};
    for (const d of [2, 3, 4, 5, 6]) Object.assign(hours, { [`opens_${d}`]: '9:00', [`closes_${d}`]: '21:00' });
    Object.assign(hours, { opens_7: '9:00', closes_7: '17:00', opens_1: '', closes_1: '' });
    const shorter = await manager.post('/staff/facilities/settings/mizusawa-kominkan/hours', { ...hours, closes_2: '17:00' });
    assert.equal(shorter.statusCode, 400);
    assert.ok(shorter.body.includes(reference), 'the refusal names the booking');
    assert.ok(shorter.body.includes('value="17:00"'));
    const hoursNow = await t.fdb.selectFrom('facility_hours').select('closes_at').where('facility_id', '=', 'mizusawa-kominkan').where('weekday', '=', 2).executeTakeFirstOrThrow();
    assert.equal(hoursNow.closes_at, 21 * 60, 'unchanged');
    // Longer hours are fine (and audited).
    assert.equal((await manager.post('/staff/facilities/settings/mizusawa-kominkan/hours', { ...hours, opens_1: '10:00', closes_1: '16:00' })).statusCode, 303);
    assert.equal((await audits('mizusawa-kominkan', 'facilities.settings.hours-updated')).length, 1);
    // Closing at 17:00 every day would leave the rooms' evening blocks offered on no day at all: refused, naming them.
    await manager.get('/staff/facilities/settings/maesawa-fureai');
    const early: Record<string, string> = { ...hours };
    for (const d of [2, 3, 4, 5, 6]) early[`closes_${d}`] = '17:00';
    const orphaning = await manager.post('/staff/facilities/settings/maesawa-fureai/hours', early);
    assert.equal(orphaning.statusCode, 400);
    assert.ok(orphaning.body.includes('多目的ホール「夜間」（18:00〜21:00）'), orphaning.body.slice(0, 200));
    assert.equal((await t.fdb.selectFrom('facility_hours').select('closes_at').where('facility_id', '=', 'maesawa-fureai').where('weekday', '=', 2).executeTakeFirstOrThrow()).closes_at, 21 * 60);

    const closure = await manager.post('/staff/facilities/settings/mizusawa-kominkan/closures', { closureRule: 'date', closureDate: '令和9年6月15日', closureFrom: '', closureTo: '', closureNth: '', closureWeekday: '', closureDay: '', closureReason: '臨時休館' });
    assert.equal(closure.statusCode, 400);
    assert.ok(closure.body.includes(reference));

    const roomForm = { name: '会議室1', nameKana: 'カイギシツイチ', capacity: '20', floorArea: '70', equipment: ['whiteboard'], purposes: ['meeting', 'study', 'culture', 'music'], needsApproval: [], lotteryEnabled: [], description: '', active: ['yes'] };
    const smaller = await manager.post('/staff/facilities/settings/rooms/kominkan-meeting-1', roomForm);
    assert.equal(smaller.statusCode, 400);
    assert.ok(smaller.body.includes(reference));
    assert.ok(smaller.body.includes('href="#capacity"'));
    assert.equal((await manager.post('/staff/facilities/settings/rooms/kominkan-meeting-1', { ...roomForm, capacity: '30' })).statusCode, 303);
  });

  test('booking blocks cannot move under a booking; reductions and facility rules are kept by managers and audited', async () => {
    const booked = await book(t, await makeResident(t.fdb), request({ roomId: 'kominkan-kitchen', date: '2027-06-18', blockCodes: ['evening'], purpose: 'cooking' }));
    const reference = (await bookingRow(booked.id)).reference;
    const manager = t.browser();
    await manager.loginStaff('shogai.kacho');
    await manager.get('/staff/facilities/settings/rooms/kominkan-kitchen');
    const blocks = { block_morning_name: '午前', block_morning_nameEn: 'Morning', block_morning_starts: '9:00', block_morning_ends: '12:00', block_afternoon_name: '午後', block_afternoon_nameEn: 'Afternoon', block_afternoon_starts: '13:00', block_afternoon_ends: '17:00', block_evening_name: '夜間', block_evening_nameEn: 'Evening', block_evening_starts: '18:00', block_evening_ends: '21:00', new_code: '', new_name: '', new_nameEn: '', new_starts: '', new_ends: '' };
    const moved = await manager.post('/staff/facilities/settings/rooms/kominkan-kitchen/blocks', { ...blocks, block_evening_starts: '18:30' });
    assert.equal(moved.statusCode, 400);
    assert.ok(moved.body.includes(reference));
    const overlap = await manager.post('/staff/facilities/settings/rooms/kominkan-kitchen/blocks', { ...blocks, block_afternoon_ends: '18:30' });
    assert.equal(overlap.statusCode, 400);
    assert.ok(overlap.body.includes('重なっています'));
    // A block after closing time (the centre closes at 21:00) would never be offered: refused on its field, the typing kept.
    const late = await manager.post('/staff/facilities/settings/rooms/kominkan-kitchen/blocks', { ...blocks, new_code: 'late', new_name: '深夜', new_nameEn: 'Late', new_starts: '21:00', new_ends: '22:00' });
    assert.equal(late.statusCode, 400);
    assert.ok(late.body.includes('区分「深夜」（21:00〜22:00）は、どの曜日の開館時間にも収まらない'), 'names the block and its times');
    assert.ok(late.body.includes('最も早い開館 9:00、最も遅い閉館 21:00'), "names the building's hours");
    assert.ok(late.body.includes('href="#new_ends"'), 'the error links to the field to fix');
    assert.match(late.body, /name="new_starts"[^>]*value="21:00"|value="21:00"[^>]*name="new_starts"/);
    const early = await manager.post('/staff/facilities/settings/rooms/kominkan-kitchen/blocks', { ...blocks, block_morning_starts: '7:00' });
    assert.equal(early.statusCode, 400);
    assert.ok(early.body.includes('href="#block_morning_starts"'));
    assert.equal((await t.fdb.selectFrom('facility_room_blocks').select('code').where('room_id', '=', 'kominkan-kitchen').execute()).length, 3, 'nothing saved');
    // Renaming and adding a block within the hours is fine.
    assert.equal((await manager.post('/staff/facilities/settings/rooms/kominkan-kitchen/blocks', { ...blocks, block_morning_name: '午前の部', new_code: 'noon', new_name: '昼', new_nameEn: 'Noon', new_starts: '12:00', new_ends: '13:00' })).statusCode, 303);
    const codes = await t.fdb.selectFrom('facility_room_blocks').select(['code', 'name_ja']).where('room_id', '=', 'kominkan-kitchen').orderBy('sort_order').execute();
    assert.deepEqual(codes.map((c) => c.code), ['morning', 'noon', 'afternoon', 'evening']);
    assert.equal(codes[0]!.name_ja, '午前の部');

    await manager.get('/staff/facilities/settings/reductions');
    assert.equal((await manager.post('/staff/facilities/settings/reductions', { code: 'sports_club', nameJa: 'スポーツ少年団の活動', nameEn: 'Youth sports clubs', percent: '１５０', active: ['yes'] })).statusCode, 400);
    assert.equal((await manager.post('/staff/facilities/settings/reductions', { code: 'sports_club', nameJa: 'スポーツ少年団の活動', nameEn: 'Youth sports clubs', percent: '50', active: ['yes'] })).statusCode, 303);
    assert.equal((await manager.post('/staff/facilities/settings/reductions', { code: 'sports_club', nameJa: 'スポーツ少年団の活動', nameEn: 'Youth sports clubs', percent: '30', active: ['yes'] })).statusCode, 303);
    const reduction = await t.fdb.selectFrom('facility_reductions').selectAll().where('code', '=', 'sports_club').executeTakeFirstOrThrow();
    assert.equal(reduction.percent, 30);
    assert.equal((await audits('sports_club', 'facilities.settings.reduction-updated')).length, 1);

    const details = await manager.get('/staff/facilities/settings/maesawa-fureai');
    assert.equal(details.statusCode, 200);
    const form = { name: '前沢ふれあいセンター', nameKana: 'マエサワフレアイセンター', address: '奥州市前沢字七日町裏71', phone: '0197-56-2211', description: '', accessibility: ['wheelchair'], bookingHorizonMonths: '6', payDaysBeforeUse: '3', payDaysAfterBooking: '7', counterPayment: ['yes'], cancelFreeDaysBefore: '10', cancelFeePercent: '30', heatingMonths: ['11', '12', '1', '2', '3'], active: ['yes'] };
    assert.equal((await manager.post('/staff/facilities/settings/maesawa-fureai/details', { ...form, cancelFeePercent: '120' })).statusCode, 400);
    assert.equal((await manager.post('/staff/facilities/settings/maesawa-fureai/details', form)).statusCode, 303);
    const facility = await t.fdb.selectFrom('facilities').selectAll().where('id', '=', 'maesawa-fureai').executeTakeFirstOrThrow();
    assert.deepEqual([facility.booking_horizon_months, facility.cancel_free_days_before, facility.cancel_fee_percent, facility.counter_payment], [6, 10, 30, true]);
    assert.equal((await audits('maesawa-fureai', 'facilities.settings.facility-updated')).length, 1);
  });

  test('the pure check of blocks against the week: a block must fit in some day', () => {
    const week = new Map([
      [2, { opensAt: 540, closesAt: 1260 }],
      [7, { opensAt: 540, closesAt: 1020 }],
    ]);
    const blocks = [
      { code: 'evening', startsAt: 1080, endsAt: 1260 },
      { code: 'late', startsAt: 1260, endsAt: 1320 },
      { code: 'dawn', startsAt: 420, endsAt: 540 },
    ];
    assert.deepEqual(blocksOutsideHours(blocks, week).map((b) => b.code), ['late', 'dawn'], 'the evening block fits Tuesday though not Sunday');
    assert.deepEqual(widestHours(week), { opensAt: 540, closesAt: 1260 });
    assert.equal(widestHours(new Map()), null);
    assert.equal(blocksOutsideHours(blocks, new Map()).length, 3, 'no open day: nothing is ever offered');
  });

  test('the pure checks: hours, closures and the list of bookings named', () => {
    const o = (date: string, startsAt: number, endsAt: number): FutureOccupation => ({ id: date, reference: `F-${date}`, kind: 'booking', roomId: 'r', date, startsAt, endsAt, headcount: 5, purpose: 'meeting', blockCodes: [] });
    const list = [o('2027-06-08', 1080, 1260), o('2027-06-09', 540, 720), o('2027-06-14', 540, 720)];
    const hours = new Map([[2, { opensAt: 540, closesAt: 1020 }], [3, { opensAt: 540, closesAt: 1260 }]]);
    assert.deepEqual(brokenByHours(list, hours).map((x) => x.date), ['2027-06-08', '2027-06-14'], 'Tuesday evening cut, Monday closed');
    assert.deepEqual(brokenByClosure(list, { rule: 'monthly_nth_weekday', onDate: null, fromMd: null, toMd: null, nth: 2, weekday: 3, dayOfMonth: null, reason: '' }).map((x) => x.date), ['2027-06-09']);
    assert.equal(describeConflicts(list, 2).list, 'F-2027-06-08（6/8 18:00〜21:00）、F-2027-06-09（6/9 9:00〜12:00）、…');
  });
});

describe('maintenance blocks', () => {
  test('a block lists first, then cancels the bookings it overlaps with a full refund, tells the holders, cancels classes and holds the room', async () => {
    const staff = await staffActor(t, 'shogai.tanto');
    const paidHolder = await makeResident(t.fdb, { name: '返金 花子' });
    const paid = await book(t, paidHolder, request({ roomId: 'kominkan-washitsu', date: '2027-06-19', blockCodes: ['morning'], headcount: 10, purpose: 'culture' }));
    const paymentId = await payOnline(t, paid.id);
    assert.equal((await bookingRow(paid.id)).status, 'confirmed');
    const unpaid = await book(t, await makeResident(t.fdb, { name: '未払 次郎' }), request({ roomId: 'kominkan-kitchen', date: '2027-06-20', blockCodes: ['afternoon'], headcount: 10, purpose: 'cooking' }));
    const outside = await book(t, await makeResident(t.fdb), request({ roomId: 'kominkan-washitsu', date: '2027-06-22', blockCodes: ['morning'], headcount: 10, purpose: 'culture' }));
    const cls = await makeClass(t, { roomId: 'kominkan-meeting-2', date: '2027-06-19', seats: 10, applyUntilDate: '2027-06-18' });
    await bookSeat(t.ctx, await makeResident(t.fdb, { name: '教室 三郎' }), cls.id);

    const input: BlockInput = { facilityId: 'mizusawa-kominkan', roomId: null, fromDate: '2027-06-19', toDate: '2027-06-20', startsAt: 0, endsAt: 1440, reason: '空調設備の更新工事' };
    const preview = await previewBlock(t.ctx, staff, input);
    assert.deepEqual(preview.bookings.map((b) => b.id).sort(), [paid.id, unpaid.id].sort());
    assert.equal(preview.bookings.find((b) => b.id === paid.id)!.paidYen, 500);
    assert.deepEqual(preview.classes.map((c) => c.classId), [cls.id]);
    assert.equal((await bookingRow(paid.id)).status, 'confirmed', 'the preview changes nothing');

    // A booking made after the preview makes the confirm show the list again.
    const late = await book(t, await makeResident(t.fdb), request({ roomId: 'kominkan-meeting-1', date: '2027-06-20', blockCodes: ['morning'] }));
    await assert.rejects(confirmBlock(t.ctx, staff, input, preview.fingerprint), (e: DomainError) => e.code === 'block_changed');
    assert.equal((await bookingRow(paid.id)).status, 'confirmed', 'nothing was cancelled');
    const again = await previewBlock(t.ctx, staff, input);
    assert.ok(again.bookings.some((b) => b.id === late.id));

    const result = await confirmBlock(t.ctx, staff, input, again.fingerprint);
    assert.equal(result.cancelled, 3);
    assert.equal(result.classesCancelled, 1);
    for (const id of [paid.id, unpaid.id, late.id]) assert.equal((await bookingRow(id)).status, 'cancelled');
    assert.equal((await bookingRow(outside.id)).status, 'awaiting_payment', 'a booking outside the period is untouched');
    const refunded = await bookingRow(paid.id);
    assert.equal(refunded.refund_yen, 500);
    assert.equal(refunded.cancel_fee_yen, 0, 'full refund whatever the cancellation rules');
    assert.ok(refunded.refund_id, 'the refund was asked of the provider');
    const refunds = await t.platform.payments.refundsFor(paymentId);
    assert.deepEqual(refunds.map((r) => [r.amountYen, r.status]), [[500, 'succeeded']]);
    const classRow = await t.sdb.selectFrom('facility_classes').select('status').where('id', '=', cls.id).executeTakeFirstOrThrow();
    assert.equal(classRow.status, 'cancelled');

    const rows = await t.fdb.selectFrom('facility_bookings').select(['room_id', 'use_date', 'status']).where('kind', '=', 'block').where('title', '=', input.reason).execute();
    assert.equal(rows.length, 2 * 4, 'a held row per room and day');
    assert.ok(rows.every((r) => r.status === 'held'));
    await assert.rejects(book(t, await makeResident(t.fdb), request({ roomId: 'kominkan-washitsu', date: '2027-06-19', blockCodes: ['evening'], purpose: 'culture' })), (e: DomainError) => e.code === 'invalid_input' || e.code === 'slot_taken');

    await t.platform.jobs.drain();
    const toPaid = t.notifier.sent.filter((m) => m.body.includes('返金 花子様') && m.body.includes('利用休止'));
    assert.equal(toPaid.length, 1, 'one email (the SMS is shorter and has no name)');
    assert.ok(toPaid[0]!.body.includes('理由：空調設備の更新工事'));
    assert.ok(toPaid[0]!.body.includes('500円'));
    assert.ok(toPaid[0]!.body.includes('/facilities?date=2027-06-19&area='), 'the alternatives link');
    assert.ok(t.notifier.sent.some((m) => m.channel === 'sms' && m.body.includes('空調設備の更新工事')));
    assert.ok(t.notifier.sent.some((m) => m.body.includes('教室 三郎様') && m.body.includes('中止')));
    assert.ok(t.notifier.sent.some((m) => m.body.includes('未払 次郎様') && m.body.includes('お支払いの必要はありません')));
    assert.equal((await audits(result.blockId, 'facilities.block.created')).length, 1);

    // Lifting the block frees the rooms again.
    await removeBlock(t.ctx, staff, result.blockId);
    await book(t, await makeResident(t.fdb), request({ roomId: 'kominkan-washitsu', date: '2027-06-19', blockCodes: ['evening'], purpose: 'culture' }));
  });

  test('a block over a booking whose checkout is open: the payment is cancelled and its page takes no money', async () => {
    const staff = await staffActor(t, 'shogai.tanto');
    const holder = await makeResident(t.fdb, { name: '支払中 五郎' });
    const booked = await book(t, holder, request({ roomId: 'kominkan-meeting-1', date: '2027-06-29', blockCodes: ['morning'] }));
    const { redirect } = await startPayment(t.ctx, holder, booked.id);
    const checkoutPath = new URL(redirect).pathname;
    assert.match(checkoutPath, /^\/dev\/pay\/sim_/);
    const payer = t.browser();
    assert.match((await payer.get(checkoutPath)).body, /name="cardNumber"/, 'payable before the block');

    const input: BlockInput = { facilityId: 'mizusawa-kominkan', roomId: 'kominkan-meeting-1', fromDate: '2027-06-29', toDate: '2027-06-29', startsAt: 540, endsAt: 720, reason: '照明の修理' };
    await confirmBlock(t.ctx, staff, input, (await previewBlock(t.ctx, staff, input)).fingerprint);
    assert.equal((await bookingRow(booked.id)).status, 'cancelled');
    const payments = (await t.platform.payments.byReferences(PAYMENT_SOURCE, [booked.id])).get(booked.id)!;
    assert.deepEqual(payments.map((p) => p.status), ['cancelled']);
    assert.equal(await t.platform.payments.openFor(PAYMENT_SOURCE, booked.id), null);
    assert.equal((await audits(payments[0]!.id, 'payments.cancelled')).length, 1, 'withdrawn in the block\'s transaction, audited');

    // The payer still on the checkout page: it says cancelled and offers no way to pay.
    const page = await payer.get(checkoutPath);
    assert.match(page.body, /この支払いは「キャンセル済み」です/);
    assert.doesNotMatch(page.body, /name="cardNumber"|name="action" value="qr"/);
    const tried = await payer.post(checkoutPath, { action: 'pay' });
    assert.equal(tried.statusCode, 303);
    const card = await payer.post(checkoutPath, { action: 'card', cardNumber: '4242 4242 4242 4242', expiry: '12/30', cvc: '123', cardName: 'TARO OSHU' });
    assert.equal(card.statusCode, 303);
    await t.platform.payments.reconcile(payments[0]!.id);
    assert.equal((await t.platform.payments.get(payments[0]!.id))!.status, 'cancelled', 'no money was taken');
    const after = await bookingRow(booked.id);
    assert.deepEqual([after.status, after.paid_at, after.payment_id], ['cancelled', null, null]);
    // 支払う again only leads back to the booking; no new payment is opened.
    assert.equal((await startPayment(t.ctx, holder, booked.id)).redirect, `/facilities/bookings/${booked.id}`);
    assert.equal((await t.platform.payments.byReferences(PAYMENT_SOURCE, [booked.id])).get(booked.id)!.length, 1);
  });

  test('through the pages: the form, the confirm page listing the bookings, then the block', async () => {
    const holder = await makeResident(t.fdb, { name: '画面 確認' });
    const booked = await book(t, holder, request({ roomId: 'kominkan-meeting-1', date: '2027-06-26', blockCodes: ['afternoon'] }));
    const reference = (await bookingRow(booked.id)).reference;
    const page = t.browser();
    await page.loginStaff('shogai.tanto');
    assert.equal((await page.get('/staff/facilities/blocks/new')).statusCode, 200);
    const missing = await page.post('/staff/facilities/blocks/preview', { target: 'room:kominkan-meeting-1', fromDate: '2027-06-26', toDate: '', startsAt: '13:00', endsAt: '15:00', reason: '' });
    assert.equal(missing.statusCode, 400);
    assert.ok(missing.body.includes('href="#reason"'));
    const form = { target: 'room:kominkan-meeting-1', fromDate: '令和9年6月26日', toDate: '', startsAt: '13:00', endsAt: '15:00', reason: '床のワックスがけ' };
    const confirm = await page.post('/staff/facilities/blocks/preview', form);
    assert.equal(confirm.statusCode, 200);
    assert.ok(confirm.body.includes(reference), 'the booking is listed before anything changes');
    assert.equal((await bookingRow(booked.id)).status, 'awaiting_payment');
    const fingerprint = /name="fingerprint" value="([0-9a-f]+)"/.exec(confirm.body)![1]!;
    const done = await page.follow(await page.post('/staff/facilities/blocks/confirm', { ...form, fingerprint, action: 'confirm' }));
    assert.equal(done.statusCode, 200);
    assert.ok(done.body.includes('床のワックスがけ'));
    assert.ok(done.body.includes(reference));
    assert.equal((await bookingRow(booked.id)).status, 'cancelled');
  });
});

describe('the counter', () => {
  test('no-show: not offered before the start (the sheet says from when); posted anyway, the day sheet shows why', async () => {
    const original = t.clock.now;
    t.clock.now = new Date('2027-06-03T10:00:00+09:00');
    try {
      const booking = await book(t, await makeResident(t.fdb, { name: '開始前 五郎' }), request({ roomId: 'kominkan-meeting-2', date: '2027-06-03', blockCodes: ['afternoon'], headcount: 4 }));
      const b = await bookingRow(booking.id);
      const start = `${Math.floor(b.starts_at / 60)}:${String(b.starts_at % 60).padStart(2, '0')}`;
      const page = t.browser();
      await page.loginStaff('shogai.tanto');
      const back = '/staff/facilities/day?date=2027-06-03&facility=mizusawa-kominkan';
      const sheet = await page.get(back);
      assert.equal(sheet.statusCode, 200);
      assert.ok(sheet.body.includes(`aria-label="${b.reference} の来館を記録"`), 'check-in is offered on the day');
      assert.ok(!sheet.body.includes(`aria-label="${b.reference} を無断キャンセルとして記録"`), 'no no-show button before the start');
      assert.ok(sheet.body.includes(`無断キャンセルは開始時刻の ${start} から記録できます。`), sheet.body.slice(0, 200));
      const detail = await page.get(`/staff/facilities/bookings/${booking.id}`);
      assert.ok(!detail.body.includes('を無断キャンセルとして記録'));
      assert.ok(detail.body.includes(`無断キャンセルは開始時刻の ${start} から記録できます。`));
      // Posted anyway (an old page): back to the day sheet with the reason, not a bare 409.
      const posted = await page.post(`/staff/facilities/bookings/${booking.id}/checkin`, { state: 'no_show', presentCount: '', back });
      assert.equal(posted.statusCode, 303);
      assert.equal(posted.headers.location, back);
      const shown = await page.follow(posted);
      assert.equal(shown.statusCode, 200);
      assert.ok(shown.body.includes('無断キャンセルは利用の開始時刻を過ぎてから記録できます。'));
      assert.equal(await t.sdb.selectFrom('facility_booking_checkins').select('state').where('booking_id', '=', booking.id).executeTakeFirst(), undefined);
      // Once started, the button is there.
      t.clock.now = new Date(Date.parse('2027-06-03T00:00:00+09:00') + b.starts_at * 60_000);
      const later = await page.get(back);
      assert.ok(later.body.includes(`aria-label="${b.reference} を無断キャンセルとして記録"`));
      assert.ok(!later.body.includes(`無断キャンセルは開始時刻の ${start} から記録できます。`));
    } finally {
      t.clock.now = original;
    }
  });

  test('check-in and no-show are idempotent; a no-show waits for the start; a correction is recorded', async () => {
    t.clock.now = new Date('2027-06-01T10:00:00+09:00');
    const staff = await staffActor(t, 'shogai.tanto');
    const booking = await book(t, await makeResident(t.fdb), request({ date: '2027-06-01', blockCodes: ['afternoon'], headcount: 12 }));
    await assert.rejects(recordCheckin(t.ctx, staff, booking.id, { state: 'no_show', presentCount: null }), (e: DomainError) => e.code === 'too_early');
    assert.equal(await recordCheckin(t.ctx, staff, booking.id, { state: 'checked_in', presentCount: 11 }), 'changed');
    assert.equal(await recordCheckin(t.ctx, staff, booking.id, { state: 'checked_in', presentCount: 11 }), 'unchanged');
    assert.equal(await recordCheckin(t.ctx, staff, booking.id, { state: 'checked_in', presentCount: null }), 'unchanged', 'pressing again without a count keeps the count');
    assert.equal((await audits(booking.id, 'facilities.booking.checked-in')).length, 1);
    t.clock.advance(4 * 60);
    assert.equal(await recordCheckin(t.ctx, staff, booking.id, { state: 'no_show', presentCount: null }), 'changed');
    assert.equal(await recordCheckin(t.ctx, staff, booking.id, { state: 'no_show', presentCount: null }), 'unchanged');
    assert.equal((await audits(booking.id, 'facilities.booking.no-show')).length, 1);
    const tomorrow = await book(t, await makeResident(t.fdb), request({ date: '2027-06-02', blockCodes: ['morning'] }));
    await assert.rejects(recordCheckin(t.ctx, staff, tomorrow.id, { state: 'checked_in', presentCount: null }), (e: DomainError) => e.code === 'too_early');
    t.clock.now = new Date('2027-06-01T10:00:00+09:00');

    // Through the day sheet: two presses, one record.
    const other = await book(t, await makeResident(t.fdb, { name: '来館 四郎' }), request({ date: '2027-06-01', blockCodes: ['evening'], headcount: 5 }));
    const page = t.browser();
    await page.loginStaff('shogai.tanto');
    const sheet = await page.get('/staff/facilities/day?date=2027-06-01&facility=mizusawa-kominkan');
    assert.equal(sheet.statusCode, 200);
    assert.ok(sheet.body.includes('来館 四郎'));
    const back = '/staff/facilities/day?date=2027-06-01';
    for (let i = 0; i < 2; i++) assert.equal((await page.post(`/staff/facilities/bookings/${other.id}/checkin`, { state: 'checked_in', presentCount: '4', back })).statusCode, 303);
    const row = await t.sdb.selectFrom('facility_booking_checkins').selectAll().where('booking_id', '=', other.id).executeTakeFirstOrThrow();
    assert.deepEqual([row.state, row.present_count], ['checked_in', 4]);
    assert.equal((await audits(other.id, 'facilities.booking.checked-in')).length, 1);

    // More people than the room holds (会議室1: 30 since the settings test) is refused, naming the count and the capacity; the record stays.
    const capacity = (await t.fdb.selectFrom('facility_rooms').select('capacity').where('id', '=', 'kominkan-meeting-1').executeTakeFirstOrThrow()).capacity;
    await assert.rejects(recordCheckin(t.ctx, staff, other.id, { state: 'checked_in', presentCount: capacity + 1 }), (e: DomainError) => e.code === 'invalid_input' && e.fields[0]!.field === 'presentCount');
    assert.equal(await recordCheckin(t.ctx, staff, other.id, { state: 'checked_in', presentCount: capacity }), 'changed', 'a full room is fine');
    const over = await page.post(`/staff/facilities/bookings/${other.id}/checkin`, { state: 'checked_in', presentCount: '40', back });
    assert.equal(over.statusCode, 303);
    const shown = await page.follow(over);
    assert.ok(shown.body.includes(`来館人数（40人）が会議室1の定員（${capacity}人）を超えています。定員以内の人数を入力してください。`));
    const kept = await t.sdb.selectFrom('facility_booking_checkins').select('present_count').where('booking_id', '=', other.id).executeTakeFirstOrThrow();
    assert.equal(kept.present_count, capacity);
  });

  test('a fee reduction before payment, then the rest paid at the counter', async () => {
    const booking = await book(t, await makeResident(t.fdb), request({ roomId: 'z-hall-meeting', date: '2027-06-05', blockCodes: ['afternoon'], headcount: 20 }));
    assert.equal((await bookingRow(booking.id)).fee_yen, 1600);
    const page = t.browser();
    await page.loginStaff('shogai.tanto');
    await page.get(`/staff/facilities/bookings/${booking.id}`);
    assert.equal((await page.post(`/staff/facilities/bookings/${booking.id}/reduction`, { reduction: 'elderly_club', reason: '老人クラブ 申請第12号' })).statusCode, 303);
    const reduced = await bookingRow(booking.id);
    assert.deepEqual([reduced.reduction_code, reduced.reduction_yen, reduced.fee_yen], ['elderly_club', 800, 800]);
    assert.equal((await page.post(`/staff/facilities/bookings/${booking.id}/counter-payment`)).statusCode, 303);
    const paid = await bookingRow(booking.id);
    assert.equal(paid.status, 'confirmed');
    assert.equal(paid.payment_method, 'counter');
    assert.ok(paid.paid_at);
    // Once paid, no more reductions.
    assert.equal((await page.post(`/staff/facilities/bookings/${booking.id}/reduction`, { reduction: 'city_hosted', reason: '' })).statusCode, 409);
  });
});

describe('approvals', () => {
  test('a 仮予約 is approved or rejected (with a reason) through the booking service; the applicant is told', async () => {
    const applicant = await makeResident(t.fdb, { name: '承認 待子' });
    const first = await book(t, applicant, request({ roomId: 'z-hall-medium', date: '2027-06-24', blockCodes: ['afternoon'], headcount: 100, purpose: 'music' }));
    const second = await book(t, applicant, request({ roomId: 'z-hall-medium', date: '2027-06-25', blockCodes: ['afternoon'], headcount: 100, purpose: 'music' }));
    assert.equal((await bookingRow(first.id)).status, 'pending_approval');
    const page = t.browser();
    await page.loginStaff('shogai.tanto');
    const list = await page.get('/staff/facilities/approvals');
    assert.ok(list.body.includes(first.reference) && list.body.includes(second.reference));
    assert.equal((await page.post(`/staff/facilities/approvals/bookings/${first.id}/approve`, { note: '舞台の鍵は受付で' })).statusCode, 303);
    assert.equal((await bookingRow(first.id)).status, 'awaiting_payment');
    const noReason = await page.post(`/staff/facilities/approvals/bookings/${second.id}/reject`, { reason: '' });
    assert.equal(noReason.statusCode, 400);
    assert.ok(noReason.body.includes('href="#reason"'));
    assert.equal((await page.post(`/staff/facilities/approvals/bookings/${second.id}/reject`, { reason: '市の行事と重なるため' })).statusCode, 303);
    assert.equal((await bookingRow(second.id)).status, 'rejected');
    await t.platform.jobs.drain();
    assert.ok(t.notifier.sent.some((m) => m.body.includes('承認 待子様') && m.body.includes('市の行事と重なるため')));
  });

  test('a group registration is approved from its page', async () => {
    const rep = await makeResident(t.fdb);
    const group = await t.fdb
      .insertInto('facility_groups')
      .values({ name: '江刺太極拳の会', name_kana: 'エサシタイキョクケンノカイ', kana_key: 'えさしたいきょくけんのかい', representative_account_id: rep.accountId, representative_name: rep.displayName, contact_phone: '0197000000', contact_email: 'taikyoku@example.jp', purpose: '太極拳', in_city: true, join_code: 'TAIKYOK1', updated_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const page = t.browser();
    await page.loginStaff('shogai.tanto');
    const detail = await page.get(`/staff/facilities/approvals/groups/${group.id}`);
    assert.ok(detail.body.includes('江刺太極拳の会'));
    assert.equal((await page.post(`/staff/facilities/approvals/groups/${group.id}/approve`, { note: '' })).statusCode, 303);
    const row = await t.fdb.selectFrom('facility_groups').select('status').where('id', '=', group.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'approved');
  });
});
