import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDatabase } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { facilityContext } from './facility-context.ts';
import { readClassForm, parseClockText } from './classes-form.ts';
import { seedDemoClasses } from './classes-demo.ts';
import { queueReminders } from './classes-jobs.ts';
import { classMessages } from './classes-messages.ts';
import { facilityStaffMessages } from './staff-messages.ts';
import { bookSeat, cancelSeat } from './classes-seats.ts';
import { cancelClass, markAttendance, updateClass } from './classes-service.ts';
import { facilitiesDb } from './tables.ts';
import { book, classInput, createStaffTestApp, makeClass, makeResident, request, residentSession, staffActor, type StaffTestApp } from './staff-test-kit.ts';

let t: StaffTestApp;
before(async () => {
  t = await createStaffTestApp();
});
after(() => t.close());

const seatsTaken = async (id: string) => (await t.sdb.selectFrom('facility_classes').select(['seats_taken', 'status']).where('id', '=', id).executeTakeFirstOrThrow()).seats_taken;
const statusOf = async (seatId: string) => (await t.sdb.selectFrom('facility_class_seats').select('status').where('id', '=', seatId).executeTakeFirstOrThrow()).status;
const sentTo = (fragment: string) => t.notifier.sent.filter((m) => m.body.includes(fragment));

describe('demo data, messages and the API document', () => {
  test('a dozen demo classes over the coming weeks across the five areas', async () => {
    assert.equal(await seedDemoClasses(t.ctx), 12);
    assert.equal(await seedDemoClasses(t.ctx), 0, 'seeding again adds nothing');
    const rows = await t.sdb.selectFrom('facility_classes as c').innerJoin('facility_rooms as r', 'r.id', 'c.room_id').innerJoin('facilities as f', 'f.id', 'r.facility_id').select(['c.title', 'c.use_date', 'f.area']).execute();
    assert.deepEqual([...new Set(rows.map((r) => r.area))].sort(), ['前沢', '水沢', '江刺', '胆沢', '衣川'].sort());
    assert.ok(rows.some((r) => r.title === 'マイナンバーカードの申請を体験しよう'));
    assert.ok(rows.every((r) => r.use_date > '2027-06-01' && r.use_date < '2027-07-20'));
    const held = await t.fdb.selectFrom('facility_bookings').select((eb) => eb.fn.countAll<string>().as('n')).where('kind', '=', 'class').where('status', '=', 'held').executeTakeFirstOrThrow();
    assert.equal(Number(held.n), 12, 'each demo class holds its room');
  });

  test('messages exist in Japanese and English alike, and the API documents the class and occupancy operations', async () => {
    for (const m of [classMessages, facilityStaffMessages]) assert.deepEqual(Object.keys(m.en).sort(), Object.keys(m.ja).sort());
    const doc = JSON.parse((await t.browser().get('/api/openapi.json')).body) as { paths: Record<string, unknown> };
    for (const path of ['/api/facilities/classes', '/api/facilities/classes/{id}', '/api/facilities/classes/{id}/seats', '/api/facilities/class-seats', '/api/facilities/class-seats/{id}', '/api/facilities/class-seats/{id}/cancel', '/api/staff/facilities/occupancy']) {
      assert.ok(doc.paths[path], `${path} is in the OpenAPI document`);
    }
  });
});

describe('the class form', () => {
  test('reads 和暦 dates, times in several forms, and names each wrong field', () => {
    assert.equal(parseClockText('10:00'), 600);
    assert.equal(parseClockText('１０時３０分'), 630);
    assert.equal(parseClockText('1330'), 810);
    assert.equal(parseClockText('25:00'), null);
    const ok = readClassForm({ title: ' スマホ教室 ', description: '', level: 'basic', instructor: '佐藤', roomId: 'kominkan-meeting-1', date: '令和9年6月8日', startsAt: '10時', endsAt: '11:30', seats: '１０', feeYen: '', applyUntil: 'R9.6.7', waitingList: 'yes' });
    assert.deepEqual(ok.errors, []);
    assert.equal(ok.input!.date, '2027-06-08');
    assert.equal(ok.input!.seats, 10);
    assert.equal(ok.input!.feeYen, 0);
    const bad = readClassForm({ title: '', description: '', level: 'expert', instructor: '', roomId: '', date: '6月', startsAt: '11:00', endsAt: '10:00', seats: '0', feeYen: '-1', applyUntil: '2027-06-09', waitingList: '' });
    assert.deepEqual(bad.errors.map((e) => e.field).sort(), ['date', 'endsAt', 'feeYen', 'instructor', 'level', 'roomId', 'seats', 'title']);
  });
});

describe('a class holds its room', () => {
  test('creating a class takes the room (a booking over it is refused); a class over a booking names the booking', async () => {
    const cls = await makeClass(t, { date: '2027-06-15', startsAt: 600, endsAt: 690 });
    const row = await t.fdb.selectFrom('facility_bookings').selectAll().where('class_id', '=', cls.id).executeTakeFirstOrThrow();
    assert.equal(row.kind, 'class');
    assert.equal(row.status, 'held');
    const resident = await makeResident(t.fdb);
    await assert.rejects(book(t, resident, request({ date: '2027-06-15', blockCodes: ['morning'] })), (e: DomainError) => e.code === 'slot_taken' || e.code === 'invalid_input');

    const booked = await book(t, resident, request({ date: '2027-06-16', blockCodes: ['afternoon'] }));
    await assert.rejects(makeClass(t, { date: '2027-06-16', startsAt: 840, endsAt: 930, applyUntilDate: '2027-06-15' }), (e: DomainError) => e.code === 'invalid_input' && e.fields[0]!.field === 'startsAt' && e.fields[0]!.params!.reference === booked.reference);
  });

  test('refuses a class outside the opening hours, on a closed day, or with more seats than the room holds', async () => {
    await assert.rejects(makeClass(t, { date: '2027-06-22', startsAt: 7 * 60, endsAt: 8 * 60 }), (e: DomainError) => e.fields.some((f) => f.field === 'startsAt' && f.messageKey === 'facilities.classes.error.outsideHours'));
    await assert.rejects(makeClass(t, { date: '2027-06-22', seats: 37 }), (e: DomainError) => e.fields.some((f) => f.field === 'seats' && f.params!.capacity === 36));
  });

  test('staff of other departments cannot create classes; DX staff can', async () => {
    await assert.rejects(makeClass(t, { date: '2027-06-23' }, 'shimin.tanto'), (e: DomainError) => e.status === 403);
    const byDx = await makeClass(t, { date: '2027-06-23' }, 'admin');
    const row = await t.sdb.selectFrom('facility_classes').select('department_code').where('id', '=', byDx.id).executeTakeFirstOrThrow();
    assert.equal(row.department_code, 'dx');
  });
});

describe('seats', () => {
  test('a full class says so, takes names for the waiting list only when asked, and a cancelled seat goes to the first person waiting', async () => {
    const cls = await makeClass(t, { date: '2027-06-09', seats: 2 });
    const [a, b, c, d] = [await makeResident(t.fdb), await makeResident(t.fdb), await makeResident(t.fdb), await makeResident(t.fdb)];
    const sa = await bookSeat(t.ctx, a, cls.id);
    const again = await bookSeat(t.ctx, a, cls.id);
    assert.equal(again.id, sa.id, 'booking twice gives the same seat');
    assert.equal(again.created, false);
    await bookSeat(t.ctx, b, cls.id);
    assert.equal(await seatsTaken(cls.id), 2);
    await assert.rejects(bookSeat(t.ctx, c, cls.id), (e: DomainError) => e.code === 'class_full' && e.messageKey === 'facilities.classes.error.fullWaitingList');
    const wc = await bookSeat(t.ctx, c, cls.id, { joinWaitingList: true });
    const wd = await bookSeat(t.ctx, d, cls.id, { joinWaitingList: true });
    assert.equal(wc.status, 'waiting');
    assert.equal(await seatsTaken(cls.id), 2, 'the waiting list takes no seat');

    assert.equal(await cancelSeat(t.ctx, a, sa.id), 'cancelled');
    assert.equal(await cancelSeat(t.ctx, a, sa.id), 'unchanged', 'cancelling again changes nothing');
    assert.equal(await statusOf(wc.id), 'booked', 'the first person waiting gets the seat');
    assert.equal(await statusOf(wd.id), 'waiting');
    assert.equal(await seatsTaken(cls.id), 2);
    await t.platform.jobs.drain();
    assert.ok(sentTo('キャンセル待ちの教室に席が空き').length >= 1, 'the promoted resident is told');

    // With nobody waiting, a cancellation frees the seat.
    await cancelSeat(t.ctx, d, wd.id);
    await cancelSeat(t.ctx, b, (await t.sdb.selectFrom('facility_class_seats').select('id').where('class_id', '=', cls.id).where('resident_account_id', '=', b.accountId).executeTakeFirstOrThrow()).id);
    assert.equal(await seatsTaken(cls.id), 1);
    const e = await makeResident(t.fdb);
    assert.equal((await bookSeat(t.ctx, e, cls.id)).status, 'booked');
  });

  test('a class without a waiting list is simply full', async () => {
    const cls = await makeClass(t, { date: '2027-06-10', seats: 1, waitingList: false });
    await bookSeat(t.ctx, await makeResident(t.fdb), cls.id);
    await assert.rejects(bookSeat(t.ctx, await makeResident(t.fdb), cls.id, { joinWaitingList: true }), (e: DomainError) => e.code === 'class_full' && e.messageKey === 'facilities.classes.error.full');
  });

  test('the database itself refuses more seats taken than there are', async () => {
    const cls = await makeClass(t, { date: '2027-06-11', seats: 3 });
    await assert.rejects(t.sdb.updateTable('facility_classes').set({ seats_taken: 4 }).where('id', '=', cls.id).execute(), (e: { code?: string }) => e.code === '23514');
  });

  test('30 concurrent bookings for a 10-seat class: exactly 10 seats', async () => {
    const cls = await makeClass(t, { date: '2027-06-17', seats: 10, waitingList: false });
    const residents = await Promise.all(Array.from({ length: 30 }, () => makeResident(t.fdb)));
    const results = await Promise.allSettled(residents.map((r) => bookSeat(t.ctx, r, cls.id)));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 10);
    assert.ok(results.filter((r) => r.status === 'rejected').every((r) => ((r as PromiseRejectedResult).reason as DomainError).code === 'class_full'));
    assert.equal(await seatsTaken(cls.id), 10);
    const seats = await t.sdb.selectFrom('facility_class_seats').select((eb) => eb.fn.countAll<string>().as('n')).where('class_id', '=', cls.id).where('status', '=', 'booked').executeTakeFirstOrThrow();
    assert.equal(Number(seats.n), 10);
  });

  test('30 concurrent bookings over several PostgreSQL connections: exactly 10 seats', async (ctx) => {
    if (!t.db.url) {
      ctx.skip('needs DATABASE_URL (PostgreSQL): PGlite has a single connection');
      return;
    }
    const cls = await makeClass(t, { date: '2027-06-18', seats: 10, waitingList: true });
    const residents = await Promise.all(Array.from({ length: 30 }, () => makeResident(t.fdb)));
    // Three independent pools (as three app instances would have), ten requests each.
    const extra = await Promise.all([openDatabase({ databaseUrl: t.db.url, dataDir: null }), openDatabase({ databaseUrl: t.db.url, dataDir: null })]);
    try {
      const contexts = [t.ctx, ...extra.map((db) => ({ ...facilityContext(t.platform), db: facilitiesDb(db.kysely) }))];
      const results = await Promise.allSettled(residents.map((r, i) => bookSeat(contexts[i % contexts.length]!, r, cls.id)));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 10);
      assert.equal(await seatsTaken(cls.id), 10);
    } finally {
      await Promise.all(extra.map((db) => db.close()));
    }
  });
});

describe('pages and API', () => {
  test('anyone browses classes by area and level; a resident books without JavaScript, sees a full class clearly, and cannot see another’s seat', async () => {
    const cls = await makeClass(t, { title: 'LINEで市の情報を受け取ろう', level: 'basic', date: '2027-06-24', seats: 1, roomId: 'maesawa-meeting', startsAt: 600, endsAt: 690, applyUntilDate: '2027-06-23' });
    const anonymous = t.browser();
    const list = await anonymous.get('/facilities/classes?area=前沢&level=basic');
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes('LINEで市の情報を受け取ろう'));
    assert.ok(!(await anonymous.get('/facilities/classes?area=江刺&level=basic')).body.includes('LINEで市の情報を受け取ろう'));
    const detail = await anonymous.get(`/facilities/classes/${cls.id}`);
    assert.ok(detail.body.includes('ログインして申し込む'));

    const first = await residentSession(t, 'demo-01');
    await first.get(`/facilities/classes/${cls.id}`);
    const booked = await first.follow(await first.post(`/facilities/classes/${cls.id}/book`));
    assert.equal(booked.statusCode, 200);
    assert.ok(booked.body.includes('参加確定'), 'the seat page shows the seat');
    const seatUrl = first.lastHtml.match(/\/facilities\/classes\/seats\/([0-9a-f-]{36})/)![0];

    const second = await residentSession(t, 'demo-02');
    await second.get(`/facilities/classes/${cls.id}`);
    assert.ok(second.lastHtml.includes('キャンセル待ちに登録する'), 'a full class offers its waiting list');
    // Pressing the plain "apply" button of a page shown before the class filled up:
    const full = await second.post(`/facilities/classes/${cls.id}/book`);
    assert.equal(full.statusCode, 409);
    assert.ok(full.body.includes('この教室は満席です。キャンセル待ちに登録できます。'));
    assert.equal((await second.get(seatUrl)).statusCode, 404, 'another resident’s seat is not found');
    const seatId = seatUrl.split('/').pop()!;
    assert.equal((await second.json('GET', `/api/facilities/class-seats/${seatId}`)).statusCode, 404);
    assert.equal((await second.json('POST', `/api/facilities/class-seats/${seatId}/cancel`)).statusCode, 404);

    // The API says the same: full (409), then a waiting place when asked.
    const viaApi = await second.json('POST', `/api/facilities/classes/${cls.id}/seats`, {});
    assert.equal(viaApi.statusCode, 409);
    assert.equal(JSON.parse(viaApi.body).error.code, 'class_full');
    const waiting = await second.json('POST', `/api/facilities/classes/${cls.id}/seats`, { waitingList: true });
    assert.equal(waiting.statusCode, 201);
    assert.equal(JSON.parse(waiting.body).status, 'waiting');
    assert.equal(JSON.parse(waiting.body).waitingPosition, 1);

    // The first resident cancels from their seat page; the second moves up.
    const cancelled = await first.follow(await first.post(`${seatUrl}/cancel`));
    assert.ok(cancelled.body.includes('取消済み'));
    const mine = JSON.parse((await second.json('GET', '/api/facilities/class-seats')).body) as { seats: { status: string; classId: string }[] };
    assert.equal(mine.seats.find((s) => s.classId === cls.id)!.status, 'booked');
    const myPage = await second.get('/mypage');
    assert.ok(myPage.body.includes('申し込んだ教室') && myPage.body.includes(`/facilities/classes/seats/`), 'my page lists the seat');
    const apiList = JSON.parse((await anonymous.json('GET', '/api/facilities/classes?area=%E5%89%8D%E6%B2%A2')).body) as { classes: { id: string; seatsLeft: number }[] };
    assert.equal(apiList.classes.find((c) => c.id === cls.id)!.seatsLeft, 0);
  });

  test('staff of other departments get 403 on the class pages; facilities staff see attendees and take attendance once', async () => {
    const other = t.browser();
    await other.loginStaff('shimin.tanto');
    assert.equal((await other.get('/staff/facilities/classes')).statusCode, 403);
    assert.equal((await other.get('/staff/facilities/classes/new')).statusCode, 403);

    // Attendance opens on the day of the class.
    const today = '2027-06-01';
    const cls = await makeClass(t, { date: today, startsAt: 13 * 60 + 30, endsAt: 15 * 60, applyUntilDate: today });
    const r = await makeResident(t.fdb);
    const seat = await bookSeat(t.ctx, r, cls.id);
    const staff = await staffActor(t, 'shogai.tanto');
    assert.equal(await markAttendance(t.ctx, staff, seat.id, 'present'), 'changed');
    assert.equal(await markAttendance(t.ctx, staff, seat.id, 'present'), 'unchanged');
    const audits = await t.db.kysely.selectFrom('audit_log').select('action').where('target_id', '=', seat.id).where('action', '=', 'facilities.class.attendance').execute();
    assert.equal(audits.length, 1, 'pressing twice is recorded once');
    const page = t.browser();
    await page.loginStaff('shogai.tanto');
    const detail = await page.get(`/staff/facilities/classes/${cls.id}`);
    assert.equal(detail.statusCode, 200);
    assert.ok(detail.body.includes('試験 利用者'));
    assert.ok(detail.body.includes('出席'));
    assert.equal((await other.get(`/staff/facilities/classes/${cls.id}`)).statusCode, 403);
    // A class of the DX office is not the facilities department's to edit.
    const dxClass = await makeClass(t, { date: '2027-06-25' }, 'admin');
    assert.equal((await page.get(`/staff/facilities/classes/${dxClass.id}`)).statusCode, 404);
  });

  test('staff create a class through the form, with errors naming the field and keeping what was typed', async () => {
    const page = t.browser();
    await page.loginStaff('shogai.kacho');
    await page.get('/staff/facilities/classes/new');
    const form = { title: 'マイナンバーカードの申請を体験しよう', description: '顔写真の撮り方から', level: 'basic', instructor: '千田 健一', roomId: 'esashi-meeting', date: '令和9年6月29日', startsAt: '13:30', endsAt: '12:00', seats: '10', feeYen: '0', applyUntil: '令和9年6月28日', waitingList: 'yes' };
    const wrong = await page.post('/staff/facilities/classes/new', form);
    assert.equal(wrong.statusCode, 400);
    assert.ok(wrong.body.includes('終了時刻は開始時刻より後にしてください。'));
    assert.ok(wrong.body.includes('href="#endsAt"'));
    assert.ok(wrong.body.includes('value="マイナンバーカードの申請を体験しよう"'), 'what was typed is kept');
    const created = await page.post('/staff/facilities/classes/new', { ...form, endsAt: '15:00' });
    assert.equal(created.statusCode, 303);
    const cls = await t.sdb.selectFrom('facility_classes').selectAll().where('title', '=', form.title).where('room_id', '=', 'esashi-meeting').where('use_date', '=', '2027-06-29').executeTakeFirstOrThrow();
    assert.equal(cls.use_date, '2027-06-29');
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('target_id', '=', cls.id).execute();
    assert.deepEqual(audit.map((a) => a.action), ['facilities.class.created']);
  });
});

describe('changes, cancellation and reminders', () => {
  test('fewer seats than booked is refused; more seats move the waiting list up; a new time is announced', async () => {
    const cls = await makeClass(t, { date: '2027-06-30', seats: 1 });
    const a = await makeResident(t.fdb);
    const b = await makeResident(t.fdb);
    await bookSeat(t.ctx, a, cls.id);
    const wb = await bookSeat(t.ctx, b, cls.id, { joinWaitingList: true });
    const staff = await staffActor(t, 'shogai.tanto');
    await assert.rejects(updateClass(t.ctx, staff, cls.id, classInput({ date: '2027-06-30', seats: 0 })), (e: DomainError) => e.code === 'invalid_input');
    await updateClass(t.ctx, staff, cls.id, classInput({ date: '2027-06-30', seats: 2, startsAt: 14 * 60, endsAt: 15 * 60 + 30 }));
    assert.equal(await statusOf(wb.id), 'booked');
    assert.equal(await seatsTaken(cls.id), 2);
    const room = await t.fdb.selectFrom('facility_bookings').select(['starts_at', 'ends_at', 'status']).where('class_id', '=', cls.id).executeTakeFirstOrThrow();
    assert.deepEqual([room.starts_at, room.ends_at, room.status], [840, 930, 'held']);
    await t.platform.jobs.drain();
    assert.ok(sentTo('日時または会場が変わりました').length >= 2);
  });

  test('cancelling a class frees the room and tells every attendee why', async () => {
    const cls = await makeClass(t, { date: '2027-07-01', seats: 5 });
    const attendees = [await makeResident(t.fdb), await makeResident(t.fdb)];
    for (const r of attendees) await bookSeat(t.ctx, r, cls.id);
    const staff = await staffActor(t, 'shogai.tanto');
    assert.equal(await cancelClass(t.ctx, staff, cls.id, '講師の急病のため'), 2);
    const room = await t.fdb.selectFrom('facility_bookings').select('status').where('class_id', '=', cls.id).executeTakeFirstOrThrow();
    assert.equal(room.status, 'cancelled');
    await t.platform.jobs.drain();
    assert.equal(sentTo('理由：講師の急病のため').length, 2 * 2, 'each attendee by email and SMS');
    await assert.rejects(bookSeat(t.ctx, await makeResident(t.fdb), cls.id), (e: DomainError) => e.code === 'class_cancelled');
    // The freed room can be booked again.
    await book(t, await makeResident(t.fdb), request({ date: '2027-07-01', blockCodes: ['morning'] }));
  });

  test('reminders the day before go to booked seats only, once', async () => {
    const cls = await makeClass(t, { date: '2027-07-02', seats: 1, title: 'はじめてのスマートフォン教室（前日連絡）' });
    await bookSeat(t.ctx, await makeResident(t.fdb), cls.id);
    await bookSeat(t.ctx, await makeResident(t.fdb), cls.id, { joinWaitingList: true });
    assert.equal(await queueReminders(t.ctx, '2027-07-02'), 1);
    await queueReminders(t.ctx, '2027-07-02');
    await t.platform.jobs.drain();
    const reminders = t.notifier.sent.filter((m) => m.body.includes('明日は申し込まれた教室の開催日です') && m.body.includes('前日連絡'));
    assert.equal(reminders.length, 2, 'one email and one SMS');
  });
});
