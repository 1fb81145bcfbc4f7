import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { verifyDraw } from '../../engines/lottery/index.ts';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import { addDays, japanClock } from '../../platform/time/today.ts';
import { seedDemoLottery } from './lottery-demo.ts';
import { drawRound } from './lottery-draw.ts';
import { applyForRound } from './lottery-entries.ts';
import { createLotteryTestApp, later, makeResident, monthAhead, openRound, type LotteryTestApp } from './lottery-test-kit.ts';

let now = new Date();
let t: LotteryTestApp;
before(async () => {
  t = await createLotteryTestApp(() => now);
});
after(() => t.close());

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

/** Logs a demo resident in and returns their account id. */
async function residentLogin(b: BrowserSession, account: string): Promise<string> {
  await b.loginResident(account, 'password');
  const row = await t.db.kysely.selectFrom('resident_accounts').select('id').orderBy('last_login_at', 'desc').limit(1).executeTakeFirstOrThrow();
  return row.id;
}

async function registerUser(accountId: string) {
  await t.ldb.insertInto('facility_users').values({ resident_account_id: accountId, name: '奥州 花子', name_kana: 'オウシュウ ハナコ', phone: '09011112222', email: 'hanako@example.jp', updated_at: new Date() }).execute();
}

test('demo data: next month drawn with results, the month after open now, nothing for this month; seeding twice adds nothing', async () => {
  now = new Date();
  await seedDemoLottery(t.platform);
  await seedDemoLottery(t.platform);
  const rounds = await t.ldb.selectFrom('facility_lottery_rounds').selectAll().orderBy('month').execute();
  assert.deepEqual(
    rounds.map((r) => [r.month, r.status]),
    [
      [monthAhead(now, 1), 'drawn'],
      [monthAhead(now, 2), 'published'],
    ],
    'seeding twice makes the two rounds once',
  );
  const [drawn, open] = rounds as [(typeof rounds)[number], (typeof rounds)[number]];
  assert.ok(open.opens_at < now && now < open.closes_at, 'the open round takes entries now');
  assert.ok(drawn.drawn_at! < now && drawn.result_digest);
  for (const r of rounds) {
    const slots = await t.ldb.selectFrom('facility_lottery_slots').select(['room_id', 'code']).where('round_id', '=', r.id).execute();
    assert.ok(slots.length >= 8, `${r.month}: ${slots.length} slots`);
    assert.ok(slots.every((s) => s.room_id === 'lot-arena' && s.code.endsWith('/evening')), `codes: ${slots.map((s) => `${s.room_id} ${s.code}`).join(' ')}`);
  }
  // The drawn round has winners (one paid) and a waiting list; demo login residents took part.
  const offers = await t.ldb.selectFrom('facility_lottery_offers').select('status').where('round_id', '=', drawn.id).execute();
  assert.ok(offers.length >= 2, `winners (got ${offers.length})`);
  assert.ok(offers.some((o) => o.status === 'confirmed') && offers.some((o) => o.status === 'offered'));
  assert.ok((await t.ldb.selectFrom('facility_lottery_waiting').select('entry_id').execute()).length >= 1);
  const demoEntrants = await t.ldb
    .selectFrom('facility_lottery_entries as e')
    .innerJoin('resident_accounts as a', 'a.id', 'e.resident_account_id')
    .select(['a.subject', 'e.round_id'])
    .where('a.subject', 'like', 'demo-%')
    .execute();
  assert.ok(demoEntrants.some((e) => e.round_id === drawn.id) && demoEntrants.some((e) => e.round_id === open.id));
  // This month stays first-come: no round for it.
  assert.ok(!rounds.some((r) => r.month === monthAhead(now, 0)));

  const home = await t.browser().get('/facilities/lottery');
  assert.match(home.body, /申込受付中の抽選/);
  assert.ok(home.body.includes(open.title) && home.body.includes(drawn.title));
  assert.equal((await t.browser().get(`/facilities/lottery/${drawn.id}/results`)).statusCode, 200);
  // The demo resident who won sees it on logging in.
  const b = t.browser();
  await b.loginResident('demo-01', 'card');
  assert.match((await b.get('/facilities/lottery')).body, /当選・支払待ち/);
});

test('a resident applies without JavaScript, sees and withdraws their entry; another resident gets 404', async () => {
  now = new Date();
  const { roundId, slots, staff } = await openRound(t, now, { monthsAhead: 3 });
  const [s1, s2] = slots as [(typeof slots)[number], (typeof slots)[number]];
  const roundUrl = `/facilities/lottery/${roundId}`;

  const anonymous = t.browser();
  const publicPage = await anonymous.get(roundUrl);
  assert.equal(publicPage.statusCode, 200);
  assert.match(publicPage.body, /ログインして申し込む/);
  assert.match(publicPage.body, /アリーナ/);
  assert.equal((await anonymous.post(`${roundUrl}/apply`, {})).statusCode, 303, 'applying needs a login');

  const b = t.browser();
  const accountId = await residentLogin(b, 'demo-05');
  assert.match((await b.get(roundUrl)).body, /利用者登録へ進む/);
  await registerUser(accountId);
  const form = await b.get(roundUrl);
  assert.match(form.body, /第1希望/);
  const idempotencyKey = hidden(form.body, 'idempotencyKey');
  assert.ok(idempotencyKey.length >= 16);
  assert.match(form.body, /<option value="sports"/);
  assert.doesNotMatch(form.body, /<option value="cooking"/, 'only purposes the round\'s rooms allow are offered');
  const base = { groupId: '', preference1: s1.id, preference2: '', preference3: '', purpose: 'sports', purposeDetail: 'ﾊﾞﾄﾞﾐﾝﾄﾝ', headcount: '１２', idempotencyKey };

  // Mistakes name the field and the fix, and keep what was typed.
  const twice = await b.post(`${roundUrl}/apply`, { ...base, preference2: s1.id, headcount: '500' });
  assert.equal(twice.statusCode, 400);
  assert.match(twice.body, /第2希望は第1希望と同じ枠です/);
  assert.match(twice.body, /定員（200人）を超えています/);
  assert.match(twice.body, /href="#preference2"/, 'the error summary links to the field');
  assert.match(twice.body, /value="500"/);
  assert.match(twice.body, new RegExp(`value="${s1.id}" selected`));
  const gap = await b.post(`${roundUrl}/apply`, { ...base, preference1: '', preference2: s2.id });
  assert.match(gap.body, /第1希望が空いています/);
  const purpose = await b.post(`${roundUrl}/apply`, { ...base, purpose: 'cooking' });
  assert.match(purpose.body, /「アリーナ」では利用できません/);

  const done = await b.post(`${roundUrl}/apply`, { ...base, preference2: s2.id });
  assert.equal(done.statusCode, 303);
  const entryUrl = String(done.headers.location);
  assert.match(entryUrl, /^\/facilities\/lottery\/entries\/[0-9a-f-]{36}$/);
  const again = await b.post(`${roundUrl}/apply`, { ...base, preference2: s2.id });
  assert.equal(again.headers.location, entryUrl, 'a double submission finds the same entry');
  const entryId = entryUrl.split('/').pop()!;
  const stored = await t.ldb.selectFrom('facility_lottery_entries').selectAll().where('id', '=', entryId).executeTakeFirstOrThrow();
  assert.equal(stored.headcount, 12, 'full-width digits read as a number');
  assert.equal(stored.purpose_detail, 'バドミントン', 'NFKC: half-width kana normalised');

  const page = await b.follow(done);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /抽選に申し込みました/);
  assert.match(page.body, /この申込を取り下げる/);
  assert.match((await b.get('/facilities/lottery')).body, new RegExp(entryId));
  assert.match((await b.get('/mypage')).body, /あなたの抽選申込/);

  // Someone else cannot see it, withdraw it, or learn that it exists.
  const other = t.browser();
  await residentLogin(other, 'demo-06');
  assert.equal((await other.get(entryUrl)).statusCode, 404);
  assert.equal((await other.post(`${entryUrl}/withdraw`)).statusCode, 404);
  assert.equal((await other.get('/facilities/lottery/entries/not-a-uuid')).statusCode, 404);

  assert.equal((await b.post(`${entryUrl}/withdraw`)).statusCode, 303);
  assert.equal((await t.ldb.selectFrom('facility_lottery_entries').select('status').where('id', '=', entryId).executeTakeFirstOrThrow()).status, 'withdrawn');

  // Another resident's entry stays in, and the results are published after the draw.
  const rival = await makeResident(t.ldb);
  const rivalEntry = await applyForRound(t.ctx, rival, roundId, { groupId: null, preferences: [s1.id], purpose: 'sports', purposeDetail: '', headcount: 5, idempotencyKey: 'rival-entry-0001' });
  assert.equal((await anonymous.get(`${roundUrl}/input.json`)).statusCode, 404, 'nothing to publish before the draw');
  now = later(now, 2.1);
  assert.match((await b.get(roundUrl)).body, /申込の受付は終了しました/);
  await drawRound(t.ctx, staff, roundId);
  const results = await anonymous.get(`${roundUrl}/results`);
  assert.equal(results.statusCode, 200);
  const round = await t.ldb.selectFrom('facility_lottery_rounds').selectAll().where('id', '=', roundId).executeTakeFirstOrThrow();
  assert.ok(results.body.includes(round.seed!) && results.body.includes(round.result_digest!));
  assert.ok(results.body.includes(rivalEntry));
  assert.ok(!results.body.includes(rival.displayName), 'no names in the public result');
  const input = await anonymous.get(`${roundUrl}/input.json`);
  const result = await anonymous.get(`${roundUrl}/result.json`);
  assert.equal(input.statusCode, 200);
  assert.match(String(input.headers['content-disposition']), /attachment/);
  assert.ok(!input.body.includes(rival.accountId));
  assert.equal(verifyDraw(JSON.parse(input.body), round.seed!, JSON.parse(result.body)).ok, true, 'the downloads verify');
  assert.equal((await anonymous.get('/facilities/lottery/algorithm')).statusCode, 200);
  const readme = await anonymous.get('/facilities/lottery/algorithm.md');
  assert.match(readme.body, /oshu-lottery\/1/);
  assert.match(readme.body, /Worked example/);
});

test('staff of the facility department set up a round through the pages; other staff are refused', async () => {
  now = new Date();
  const s = t.browser();
  await s.loginStaff('shogai.kacho');
  const list = await s.get('/staff/facilities/lottery');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /新しい抽選を作成/);

  const today = japanClock(now).date;
  const month = monthAhead(now, 6);
  const good = { facilityId: 'lot-gym', title: 'アリーナ 夜間', month: month.replace('-', '年') + '月', opensDate: today, opensTime: '0:00', closesDate: addDays(today, 10), closesTime: '17:00', drawDate: addDays(today, 11), drawTime: '10:00', payDays: '7', maxPreferences: '3', maxEntries: '2', maxWinsPerTypeMonth: '1', maxWinsPerMonth: '' };
  const bad = await s.post('/staff/facilities/lottery', { ...good, month: '2026-13', closesDate: '令和八年二月三十日', drawTime: '25:00' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /対象月は「2026-12」/);
  assert.match(bad.body, /日付は「2026年11月1日」/);
  assert.match(bad.body, /時刻は「9:00」/);
  assert.match(bad.body, /value="アリーナ 夜間"/);
  const late = await s.post('/staff/facilities/lottery', { ...good, drawDate: `${month}-02` });
  assert.match(late.body, /抽選日時は対象月の前にしてください/);

  const created = await s.post('/staff/facilities/lottery', good);
  assert.equal(created.statusCode, 303);
  const roundUrl = String(created.headers.location);
  const roundId = roundUrl.split('/').pop()!;
  const noSlots = await s.follow(await s.post(`${roundUrl}/publish`));
  assert.match(noSlots.body, /対象の枠がない抽選は公開できません/);
  const missing = await s.post(`${roundUrl}/slots`, { roomId: 'lot-arena', weekdays: [], dates: '', hoursFrom: '', hoursTo: '', slotType: '' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /対象の時間帯を1つ以上選んでください/);
  const added = await s.post(`${roundUrl}/slots`, { roomId: 'lot-arena', blockCodes: ['evening'], weekdays: ['6', '7'], dates: '', hoursFrom: '', hoursTo: '', slotType: '' });
  assert.equal(added.statusCode, 200);
  assert.match(added.body, /枠を追加し、確保しました/);
  const studio = await s.post(`${roundUrl}/slots`, { roomId: 'lot-studio', weekdays: [], dates: `${month}-05 ${month}-15`, hoursFrom: '18:00', hoursTo: '20:00', slotType: 'studio-evening' });
  assert.match(studio.body, /1枠を追加し/);
  assert.match(studio.body, /休館日/);
  const held = await t.ldb.selectFrom('facility_bookings').select(['kind', 'status', 'block_codes']).where('lottery_round_id', '=', roundId).execute();
  assert.ok(held.length > 8 && held.every((h) => h.kind === 'lottery' && h.status === 'held'));
  assert.ok(held.some((h) => h.block_codes.join() === 'h1800,h1900'));

  const published = await s.follow(await s.post(`${roundUrl}/publish`));
  assert.match(published.body, /抽選を公開しました/);
  const early = await s.follow(await s.post(`${roundUrl}/draw`));
  assert.match(early.body, /申込期間が終わるまで抽選はできません/);
  assert.doesNotMatch(early.body, /今すぐ抽選する/, 'no draw button while the window is open');
  const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('target_id', '=', roundId).orderBy('seq').execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['facilities.lottery.round_created', 'facilities.lottery.slots_added', 'facilities.lottery.slots_added', 'facilities.lottery.round_published'],
  );

  const clerk = t.browser();
  await clerk.loginStaff('shimin.tanto');
  assert.equal((await clerk.get('/staff/facilities/lottery')).statusCode, 403);
  assert.equal((await clerk.get(roundUrl)).statusCode, 404);
  assert.equal((await clerk.post(`${roundUrl}/cancel`, { reason: 'x' })).statusCode, 404);
  const resident = t.browser();
  await resident.loginResident('demo-03', 'password');
  assert.equal((await resident.get(roundUrl)).statusCode, 303, 'residents are sent to the staff login');
});
