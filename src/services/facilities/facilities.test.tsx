/**
 * HTTP journeys of facility booking: availability for anyone (page and JSON), a
 * resident booking with its fee, every refusal naming its field while the form keeps
 * what was typed, an idempotent confirm, nobody else seeing the booking, the JSON API.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { cancelBooking } from './booking-lifecycle.ts';
import { bookRoom } from './booking-service.ts';
import { createFacilitiesTestApp, request, residentActorFor, residentSession, staffActor, type FacilitiesTestApp } from './facilities-test-kit.ts';
import { lotteryContext } from './lottery-context.ts';
import { drawRound } from './lottery-draw.ts';
import { addSlots, createRound, publishRound } from './lottery-rounds.ts';
import { addMyPagePart } from './my-page.tsx';

let t: FacilitiesTestApp;
let resident: BrowserSession;
before(async () => {
  t = await createFacilitiesTestApp();
  resident = await residentSession(t, 'demo-01');
});
after(() => t.close());

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const FORM = { room: 'kominkan-meeting-1', date: '2027-06-08', blocks: ['morning'], purpose: 'meeting', purposeDetail: '自治会の役員会', headcount: '10', bookFor: 'self', paymentChoice: 'online' };

async function book(session: BrowserSession, form: Record<string, string | string[]>) {
  const review = await session.post('/facilities/book', form);
  assert.equal(review.statusCode, 200, text(review.body).slice(0, 500));
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(review.body)![1]!;
  const fee = /name="expectedFeeYen" value="(\d+)"/.exec(review.body)![1]!;
  return { review, key, confirm: () => session.post('/facilities/book/confirm', { ...form, idempotencyKey: key, expectedFeeYen: fee, agree: 'yes', action: 'confirm' }) };
}

describe('availability without login', () => {
  test('the day grid says each state in words with a symbol, and filters by area, purpose and capacity', async () => {
    const anon = t.browser();
    const page = await anon.get('/facilities?date=2027-06-08');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /2027年6月8日（令和9年）（火）の空き状況/);
    assert.match(page.body, /data-state="free"[^>]*>\s*<span class="fac-symbol" aria-hidden="true">○<\/span>空き/);
    assert.match(page.body, /水沢公民館/);
    assert.match(page.body, /江刺中央運動公園/);
    const filtered = await anon.get(`/facilities?date=2027-06-08&area=${encodeURIComponent('胆沢')}&purpose=martial_arts&capacity=50`);
    assert.match(filtered.body, /柔道場/);
    assert.doesNotMatch(filtered.body, /水沢公民館<\/a>（水沢）/, 'other areas are filtered out');
    assert.doesNotMatch(filtered.body, /<a href="\/facilities\/rooms\/isawa-arena/, 'the arena does not allow martial arts');
    const tooMany = await anon.get(`/facilities?date=2027-06-08&area=${encodeURIComponent('胆沢')}&capacity=1000`);
    assert.match(tooMany.body, /条件に合う部屋がありません/);
    // Monday: closed, said in words.
    const monday = await anon.get('/facilities?date=2027-06-07&area=' + encodeURIComponent('前沢'));
    assert.match(monday.body, /data-state="closed"[^>]*>\s*<span class="fac-symbol" aria-hidden="true">休<\/span>休館/);
    // Winter: the tennis courts are closed with the reason.
    const winter = await anon.get('/facilities?date=2027-12-07&area=' + encodeURIComponent('江刺'));
    assert.match(winter.body, /冬期閉鎖（12月〜3月）/);
  });

  test('bad filters are named and the page still shows today', async () => {
    const page = await t.browser().get('/facilities?date=' + encodeURIComponent('きのう') + '&capacity=abc');
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /error-summary/);
    assert.match(page.body, /「利用日」は 2026年5月10日/);
    assert.match(page.body, /「利用人数（以上）」は 20 のように数字で入力してください/);
    assert.match(page.body, /value="abc"/, 'what was typed stays');
  });

  test('a room by week and by month, paging, 和暦 dates accepted', async () => {
    const week = await t.browser().get('/facilities/rooms/kominkan-meeting-1?view=week&date=' + encodeURIComponent('令和9年6月9日'));
    assert.equal(week.statusCode, 200);
    assert.match(week.body, /会議室1の空き状況（2027年6月7日（令和9年）（月）〜2027年6月13日（令和9年）（日）/);
    assert.equal((week.body.match(/<th scope="row">/g) ?? []).length, 7);
    assert.match(week.body, /view=week&amp;date=2027-06-14/, 'next week');
    const month = await t.browser().get('/facilities/rooms/kominkan-meeting-1?view=month&date=2027-07-15');
    assert.equal((month.body.match(/<th scope="row">/g) ?? []).length, 31);
    assert.equal((await t.browser().get('/facilities/rooms/nope?view=week')).statusCode, 404);
  });

  test('a facility page: address, accessibility, hours, closures, rooms and fees by rate', async () => {
    const page = await t.browser().get('/facilities/maesawa-fureai');
    assert.equal(page.statusCode, 200);
    const body = text(page.body);
    assert.match(body, /奥州市前沢字七日町裏71/);
    assert.match(body, /車椅子対応/);
    assert.match(body, /月曜日 休館日/);
    assert.match(body, /毎月 15日（施設点検日（毎月15日））/);
    assert.match(body, /多目的ホール/);
    assert.match(body, /2,400円 3,600円 7,200円 600円/, 'morning: resident, non-resident ×1.5, commercial ×3, heating');
    assert.equal((await t.browser().get('/facilities/nope')).statusCode, 404);
  });

  test('JSON: facilities with rooms, and availability over a range', async () => {
    const list = await t.browser().json('GET', '/api/facilities');
    assert.equal(list.statusCode, 200);
    const items = list.json().items as { id: string; area: string; rooms: { id: string }[] }[];
    assert.equal(items.length, 10);
    assert.equal(items.flatMap((f) => f.rooms).length, 25);
    assert.deepEqual([...new Set(items.map((f) => f.area))].sort(), ['前沢', '水沢', '江刺', '胆沢', '衣川'].sort());
    const availability = await t.browser().json('GET', '/api/facilities/mizusawa-kominkan/availability?from=2027-06-07&to=2027-06-08');
    assert.equal(availability.statusCode, 200);
    const room = availability.json().rooms.find((r: { id: string }) => r.id === 'kominkan-meeting-1');
    assert.deepEqual(room.days.map((d: { slots: { state: string }[] }) => d.slots.map((s) => s.state).join(',')), ['closed,closed,closed', 'free,free,free']);
    assert.equal((await t.browser().json('GET', '/api/facilities/mizusawa-kominkan/availability?from=2027-06-01&to=2027-08-01')).statusCode, 400);
    const doc = (await t.browser().json('GET', '/api/openapi.json')).json();
    for (const p of ['/api/facilities', '/api/facilities/{id}/availability', '/api/facility-bookings', '/api/facility-bookings/{id}', '/api/facility-groups']) assert.ok(doc.paths[p], p);
  });
});

describe('booking', () => {
  test('booking needs a login, then a one-time contact registration', async () => {
    const anon = await t.browser().get('/facilities/book?room=kominkan-meeting-1&date=2027-06-08&blocks=morning');
    assert.equal(anon.statusCode, 303);
    assert.match(String(anon.headers.location), /^\/auth\/login\?next=/);
    const fresh = t.browser();
    await fresh.loginResident('demo-02', 'card');
    const first = await fresh.get('/facilities/book?room=kominkan-meeting-1&date=2027-06-08&blocks=morning');
    assert.equal(first.statusCode, 303);
    assert.match(String(first.headers.location), /^\/facilities\/register\?next=/);
    const bad = await fresh.post('/facilities/register', { name: '', nameKana: 'abc', phone: '12', email: 'x@', address: '', next: '/facilities/mine' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /「氏名」を入力してください/);
    assert.match(bad.body, /「フリガナ」はカタカナまたはひらがなで入力してください/);
    assert.match(bad.body, /「電話番号」は 090-1234-5678/);
    assert.match(bad.body, /value="abc"/);
  });

  test('happy path: form → review with the fee → confirm → booking page → notices', async () => {
    const form = await resident.get('/facilities/book?room=kominkan-meeting-1&date=2027-06-08&blocks=morning');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /value="morning" checked/);
    const { review, confirm } = await book(resident, { ...FORM, blocks: ['morning', 'afternoon'] });
    const body = text(review.body);
    assert.match(body, /9:00〜17:00（午前・午後）/);
    assert.match(body, /午前（市民料金） 700円 午後（市民料金） 900円/);
    assert.match(body, /お支払い額 1,600円/);
    assert.match(body, /2027年6月5日（令和9年） 23:59 までにオンラインでお支払いください/);
    const done = await confirm();
    assert.equal(done.statusCode, 303);
    const page = await resident.follow(done);
    assert.match(page.body, /予約を受け付けました（予約番号 F270608-/);
    assert.match(text(page.body), /状態 支払待ち/);
    assert.match(page.body, /1,600円を支払う/);
    const row = await t.fdb.selectFrom('facility_bookings').selectAll().where('room_id', '=', 'kominkan-meeting-1').where('use_date', '=', '2027-06-08').executeTakeFirstOrThrow();
    assert.deepEqual([row.status, row.fee_yen, row.rate, row.starts_at, row.ends_at, row.purpose_detail], ['awaiting_payment', 1600, 'resident', 540, 1020, '自治会の役員会']);
    await t.platform.jobs.drain();
    const sent = t.notifier.sent.filter((m) => m.reference === row.id);
    assert.deepEqual(sent.map((m) => m.channel).sort(), ['email', 'sms']);
    assert.match(sent.find((m) => m.channel === 'email')!.body, /使用料 1,600円　お支払い期限 2027年6月5日（令和9年） 23:59/);
    const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'facilities.booking.created').where('target_id', '=', row.id).execute();
    assert.equal(audit.length, 1);
    // Public availability now says 予約済 for those blocks.
    const grid = await t.browser().get('/facilities/rooms/kominkan-meeting-1?view=week&date=2027-06-08');
    assert.match(grid.body, /data-state="booked"/);
  });

  test('each bad input is refused naming its field, and the form keeps what was typed', async () => {
    const cases: [Record<string, string | string[]>, RegExp, string][] = [
      [{ date: '2027-05-20' }, /「利用日」に過ぎた日は選べません/, 'date'],
      [{ date: '2027-06-13', blocks: ['evening'] }, /「利用する区分」がその日の開館時間（9:00〜17:00）の外です/, 'blocks'],
      [{ date: '2027-06-14' }, /「利用日」は休館日（定休日）です/, 'date'],
      [{ room: 'maesawa-meeting', date: '2027-06-15' }, /「利用日」は休館日（施設点検日（毎月15日））です/, 'date'],
      [{ date: '2027-09-15' }, /「利用日」は3か月先（2027-09-01）までです/, 'date'],
      [{ headcount: '40' }, /「利用人数」が会議室1の定員（36人）を超えています/, 'headcount'],
      [{ headcount: '十人' }, /「利用人数」は 15 のように数字で入力してください/, 'headcount'],
      [{ purpose: 'sports' }, /「利用目的」は会議室1では受け付けていません/, 'purpose'],
      [{ blocks: ['morning', 'evening'] }, /「利用する区分」は続けて使う区分を選んでください/, 'blocks'],
      [{ date: '2027-06-08', blocks: ['morning'] }, /「利用する区分」の時間はすでに予約が入っています/, 'blocks'],
      [{ date: 'あした' }, /日付は「2026年4月1日」/, 'date'],
    ];
    for (const [change, message, field] of cases) {
      const response = await resident.post('/facilities/book', { ...FORM, purposeDetail: '入力した内容', ...change });
      assert.equal(response.statusCode, 400, `${JSON.stringify(change)} → ${response.statusCode}`);
      assert.match(response.body, message, JSON.stringify(change));
      assert.match(response.body, new RegExp(`<a href="#${field}">`), `the error summary links to ${field}`);
      assert.match(response.body, /value="入力した内容"/, 'what was typed stays');
    }
  });

  test('a chosen block not offered that day is shown by its name and time, never its code', async () => {
    const sunday = await resident.post('/facilities/book', { ...FORM, date: '2027-06-13', blocks: ['evening'] });
    assert.equal(sunday.statusCode, 400);
    assert.ok(sunday.body.includes('夜間 18:00〜21:00（この日は利用できません）'), 'the label names the block');
    assert.doesNotMatch(sunday.body, />\s*evening\s*</, 'no internal code as a label');
    const tampered = await resident.post('/facilities/book', { ...FORM, blocks: ['zz_unknown'] });
    assert.equal(tampered.statusCode, 400);
    assert.ok(tampered.body.includes('この部屋にない区分（選び直してください）'));
    assert.doesNotMatch(tampered.body, />\s*zz_unknown\s*</);
  });

  test('one person holds at most 3 unpaid bookings: the fourth is refused saying what to do; cancelling one makes room', async () => {
    const holder = await residentSession(t, 'demo-07');
    const actor = await residentActorFor(t, 'demo-07');
    const ids: string[] = [];
    for (const date of ['2027-06-09', '2027-06-10', '2027-06-11']) {
      const booked = await bookRoom(t.ctx, actor, { ...request({ roomId: 'kominkan-meeting-2', date, blockCodes: ['evening'], purpose: 'study' }), idempotencyKey: crypto.randomUUID() });
      assert.equal(booked.status, 'awaiting_payment');
      ids.push(booked.id);
    }
    const form = { ...FORM, room: 'kominkan-meeting-2', date: '2027-06-12', blocks: ['evening'], purpose: 'study', purposeDetail: '入力した内容' };
    const refused = await holder.post('/facilities/book', form);
    assert.equal(refused.statusCode, 400);
    assert.match(text(refused.body), /お支払いが済んでいない予約（仮予約）がすでに3件あります。未払いの予約は1人3件までです。「施設の予約一覧」でお支払いを済ませるか、不要な予約を取り消してから/);
    assert.match(refused.body, /<a href="#unpaidLimit">/);
    assert.match(refused.body, /id="unpaidLimit"/);
    assert.match(refused.body, /value="入力した内容"/, 'what was typed stays');
    // The confirm step checks again (a booking made in another tab since the review).
    const fourth = { ...request({ roomId: 'kominkan-meeting-2', date: '2027-06-12', blockCodes: ['evening'], purpose: 'study' }), idempotencyKey: crypto.randomUUID() };
    await assert.rejects(bookRoom(t.ctx, actor, fourth), (e: DomainError) => e.code === 'invalid_input' && e.fields[0]!.field === 'unpaidLimit');
    await cancelBooking(t.ctx, actor, ids[0]!);
    const { confirm } = await book(holder, form);
    assert.equal((await confirm()).statusCode, 303, 'room again once one is cancelled');
  });

  test('a malformed group id is a field error on 「利用者」, not a server error (form and API)', async () => {
    const page = await resident.post('/facilities/book', { ...FORM, bookFor: 'junk' });
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /<a href="#bookFor">/);
    const api = await resident.json('POST', '/api/facility-bookings', { roomId: 'kominkan-meeting-2', date: '2027-06-17', blocks: ['afternoon'], purpose: 'study', headcount: 6, groupId: 'junk', idempotencyKey: 'api-key-junk-group', agreeToRules: true });
    assert.equal(api.statusCode, 400, api.body);
    assert.deepEqual(api.json().error.fields.map((f: { field: string }) => f.field), ['groupId']);
  });

  test('a lottery-enabled room: a later month is first-come until a round is announced, then again once it is drawn', async () => {
    // TEST_NOW is 2027-06-01: no round for July yet, so July is first-come like June.
    const hall = { ...FORM, room: 'z-hall-large', blocks: ['afternoon'], purpose: 'music', headcount: '300' };
    const july = { ...hall, date: '2027-07-10', purposeDetail: '入力した内容' };
    const open = await resident.post('/facilities/book', july);
    assert.equal(open.statusCode, 200, text(open.body).slice(0, 400));
    assert.match((await t.browser().get('/facilities/rooms/z-hall-large?view=month&date=2027-07-01')).body, /data-state="free"/, 'no round: the month offers first-come booking');

    // A round is announced: the refusal gives its application window.
    const staff = await staffActor(t);
    const lottery = lotteryContext(t.platform);
    const roundId = await createRound(lottery, staff, { facilityId: 'z-hall', month: '2027-07', title: '7月 土日', opensAt: new Date('2027-06-05T09:00:00+09:00'), closesAt: new Date('2027-06-15T17:00:00+09:00'), drawAt: new Date('2027-06-16T10:00:00+09:00'), payDays: 7, maxPreferences: 3, maxEntries: 3, maxWinsPerTypeMonth: 1, maxWinsPerMonth: null });
    await addSlots(lottery, staff, roundId, 'z-hall-large', { blockCodes: ['evening'], hours: null, weekdays: [6, 7], dates: [], slotType: '' });
    await publishRound(lottery, staff, roundId);
    const announced = await resident.post('/facilities/book', july);
    assert.equal(announced.statusCode, 400);
    assert.match(text(announced.body), /この部屋の7月分は抽選で受け付けます。抽選の申込期間は2027\/06\/05 09:00〜2027\/06\/15 17:00です/);

    // Once drawn, what the lottery did not hold is first-come.
    const before = t.clock.now;
    t.clock.now = new Date('2027-06-16T10:01:00+09:00');
    assert.equal((await drawRound(lottery, staff, roundId)).drawn, true);
    t.clock.now = before;
    const { confirm } = await book(resident, { ...hall, date: '2027-07-10' });
    const booked = await confirm();
    assert.equal(booked.statusCode, 303);
    // Given back, so this resident stays under the limit of unpaid bookings in the tests that follow.
    assert.equal((await resident.post(`${booked.headers.location}/cancel`)).statusCode, 303);
  });

  test('a full-width headcount and a 和暦 date are understood', async () => {
    const { review } = await book(resident, { ...FORM, date: '令和9年6月9日', headcount: '１２', blocks: ['evening'] });
    assert.match(text(review.body), /2027年6月9日（令和9年）（水）/);
    assert.match(text(review.body), /12人/);
  });

  test('without agreeing to the rules nothing is booked; the review is shown again', async () => {
    const { key } = await book(resident, { ...FORM, date: '2027-06-10', blocks: ['evening'] });
    const response = await resident.post('/facilities/book/confirm', { ...FORM, date: '2027-06-10', blocks: ['evening'], idempotencyKey: key, action: 'confirm' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /同意します」にチェックを入れてください/);
    assert.equal(await count('2027-06-10'), 0);
  });

  test('confirm twice with the same key (a double click) → one booking, the same page', async () => {
    const { confirm } = await book(resident, { ...FORM, date: '2027-06-11', blocks: ['evening'] });
    const [a, b] = await Promise.all([confirm(), confirm()]);
    assert.equal(a.statusCode, 303);
    assert.equal(b.statusCode, 303);
    assert.equal(a.headers.location, b.headers.location);
    assert.equal(await count('2027-06-11'), 1);
  });

  test('a non-resident pays the non-resident rate; commercial use the commercial rate', async () => {
    const visitor = await residentSession(t, 'demo-visitor');
    const { review } = await book(visitor, { ...FORM, date: '2027-06-12', blocks: ['morning'] });
    assert.match(text(review.body), /午前（市外料金） 1,050円/);
    const { review: commercial } = await book(resident, { ...FORM, date: '2027-06-12', blocks: ['morning'], commercial: 'yes' });
    assert.match(text(commercial.body), /午前（営利目的料金） 2,100円/);
  });

  test('another resident gets 404 for my booking, its receipt, its cancellation and in the API', async () => {
    const mine = await t.fdb.selectFrom('facility_bookings').select('id').where('use_date', '=', '2027-06-08').executeTakeFirstOrThrow();
    const other = await residentSession(t, 'demo-03');
    for (const url of [`/facilities/bookings/${mine.id}`, `/facilities/bookings/${mine.id}/receipt.pdf`, `/facilities/bookings/${mine.id}/cancel`]) {
      assert.equal((await other.get(url)).statusCode, 404, url);
    }
    assert.equal((await other.post(`/facilities/bookings/${mine.id}/cancel`)).statusCode, 404);
    assert.equal((await other.post(`/facilities/bookings/${mine.id}/pay`)).statusCode, 404);
    assert.equal((await other.json('GET', `/api/facility-bookings/${mine.id}`)).statusCode, 404);
    assert.equal((await other.json('DELETE', `/api/facility-bookings/${mine.id}`)).statusCode, 404);
    assert.equal((await other.get('/facilities/bookings/not-a-uuid')).statusCode, 404);
    assert.equal((await resident.get(`/facilities/bookings/${mine.id}`)).statusCode, 200);
  });

  test('my bookings and my page list them with status and payment state; other parts add their blocks', async () => {
    addMyPagePart(async ({ resident: who }) => ({ titleKey: 'facilities.groups.mine', body: <p>part for {who.displayName}</p> }));
    const list = await resident.get('/facilities/mine');
    assert.equal(list.statusCode, 200);
    assert.match(text(list.body), /支払待ち 未払い（期限 2027年6月5日/);
    // On a phone the table scrolls sideways: the reference link (the way to the booking) is the row's first cell, in view.
    assert.match(list.body, /<thead><tr><th scope="col">予約番号<\/th><th scope="col">利用日<\/th>/);
    assert.match(list.body, /<tr><th scope="row"><a href="\/facilities\/bookings\/[0-9a-f-]{36}">[A-Z0-9-]+<\/a><\/th><td>/);
    const mypage = await resident.get('/mypage');
    assert.match(mypage.body, /公共施設予約/);
    assert.match(mypage.body, /水沢公民館 会議室1/);
    assert.match(mypage.body, /<h3>あなたの団体<\/h3><p>part for /);
  });

  test('the smartphone classes are reachable from the facilities home, my bookings, my page and the portal home', async () => {
    const link = /<a href="\/facilities\/classes">スマホ教室・デジタル活用支援の教室を探す・申し込む<\/a>/;
    assert.match((await t.browser().get('/facilities')).body, link, 'facilities home, logged out');
    assert.match((await resident.get('/facilities')).body, link, 'facilities home, logged in');
    assert.match((await resident.get('/facilities/mine')).body, link, 'my bookings');
    const home = await t.browser().get('/');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<a href="\/facilities\/classes">スマホ教室・デジタル活用支援<\/a>/, 'portal home');
    assert.match(home.body, /<a href="\/facilities">公共施設予約<\/a>/);
  });

  test('JSON API: book, list, refuse an overlap with alternatives, cancel', async () => {
    const body = { roomId: 'kominkan-meeting-2', date: '2027-06-16', blocks: ['afternoon'], purpose: 'study', headcount: 6, idempotencyKey: 'api-key-0001', agreeToRules: true };
    const created = await resident.json('POST', '/api/facility-bookings', body);
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().status, 'awaiting_payment');
    assert.equal(created.json().feeYen, 600);
    const again = await resident.json('POST', '/api/facility-bookings', body);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().id, created.json().id);
    const other = await residentSession(t, 'demo-04');
    const taken = await other.json('POST', '/api/facility-bookings', { ...body, idempotencyKey: 'api-key-0002' });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().error.code, 'slot_taken');
    assert.ok(taken.json().alternatives.length > 0);
    const invalid = await other.json('POST', '/api/facility-bookings', { ...body, date: '2027-06-14', idempotencyKey: 'api-key-0003' });
    assert.equal(invalid.statusCode, 400);
    assert.equal(invalid.json().error.fields[0].field, 'date');
    const mine = await resident.json('GET', '/api/facility-bookings');
    assert.ok(mine.json().items.some((b: { id: string }) => b.id === created.json().id));
    const cancelled = await resident.json('DELETE', `/api/facility-bookings/${created.json().id}`);
    assert.equal(cancelled.statusCode, 200);
    assert.deepEqual(cancelled.json(), { cancelFeeYen: 0, refundYen: 0, free: true });
    assert.equal((await t.browser().json('POST', '/api/facility-bookings', body)).statusCode, 401);
  });
});

async function count(date: string): Promise<number> {
  return (await t.fdb.selectFrom('facility_bookings').select('id').where('room_id', '=', 'kominkan-meeting-1').where('use_date', '=', date).execute()).length;
}
