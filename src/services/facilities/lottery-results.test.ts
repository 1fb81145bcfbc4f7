/**
 * After the draw, as residents see it: the seed committed before the window closed
 * and revealed after; one standing per entry on every page (a winner reads 当選 and
 * what to do next, never 申込済み or 補欠); one result notice per entry, naming its
 * slots in words rather than internal keys.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, test } from 'node:test';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import { drawRound } from './lottery-draw.ts';
import { applyForRound, entryForView } from './lottery-entries.ts';
import { announceResults } from './lottery-jobs.ts';
import { createLotteryTestApp, later, makeResident, openRound, type LotteryTestApp } from './lottery-test-kit.ts';

let now = new Date();
let t: LotteryTestApp;
before(async () => {
  t = await createLotteryTestApp(() => now);
});
after(() => t.close());

let keys = 0;
const entry = (prefs: string[]) => ({ groupId: null, preferences: prefs, purpose: 'sports', purposeDetail: '', headcount: 10, idempotencyKey: `results-test-${++keys}-${Date.now()}` });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

async function loginAndRegister(b: BrowserSession, account: string): Promise<{ accountId: string }> {
  await b.loginResident(account, 'password');
  const row = await t.db.kysely.selectFrom('resident_accounts').select('id').orderBy('last_login_at', 'desc').limit(1).executeTakeFirstOrThrow();
  await t.ldb.insertInto('facility_users').values({ resident_account_id: row.id, name: '奥州 花子', name_kana: 'オウシュウ ハナコ', phone: '09011112222', email: `${account}@example.jp`, updated_at: new Date() }).onConflict((oc) => oc.column('resident_account_id').doNothing()).execute();
  return { accountId: row.id };
}

test('the seed is committed while the window is open and revealed after the draw; the hash shown before matches it', async () => {
  now = new Date();
  const { roundId, staff, slots } = await openRound(t, now, { monthsAhead: 5 });
  await applyForRound(t.ctx, await makeResident(t.ldb), roundId, entry([slots[0]!.id]));
  const page = await t.browser().get(`/facilities/lottery/${roundId}`);
  const shown = /id="seed-commitment">([0-9a-f]{64})</.exec(page.body)?.[1];
  assert.ok(shown, 'the round page shows the SHA-256 of the seed while open');
  const stored = await t.ldb.selectFrom('facility_lottery_rounds').select('seed').where('id', '=', roundId).executeTakeFirstOrThrow();
  assert.ok(stored.seed && !page.body.includes(stored.seed), 'the seed itself stays secret until the draw');
  assert.ok(!(await t.browser().get(`/facilities/lottery/${roundId}/results`)).body.includes(stored.seed));

  now = later(now, 2.1);
  await drawRound(t.ctx, staff, roundId);
  const results = await t.browser().get(`/facilities/lottery/${roundId}/results`);
  const drawn = await t.ldb.selectFrom('facility_lottery_rounds').select(['seed', 'result']).where('id', '=', roundId).executeTakeFirstOrThrow();
  assert.equal(drawn.seed, stored.seed, 'the draw used the seed committed at publication');
  assert.equal(drawn.result!.seed, stored.seed);
  const revealed = new RegExp(`<code>([0-9a-f]{64})</code>`).exec(results.body.slice(results.body.indexOf('乱数（シード）')))?.[1];
  assert.equal(revealed, drawn.seed, 'the results page reveals the seed');
  assert.equal(crypto.createHash('sha256').update(revealed!).digest('hex'), shown, 'SHA-256 of the revealed seed is the hash shown before');
  assert.ok(results.body.includes(shown!), 'the results page repeats the commitment');
  // Each slot reads as a date and time for people, beside the key used to recompute the draw.
  const slot = await t.ldb.selectFrom('facility_lottery_slots').select(['code', 'use_date']).where('round_id', '=', roundId).orderBy('use_date').executeTakeFirstOrThrow();
  assert.ok(results.body.includes(`<code>${slot.code}</code>`));
  assert.match(results.body, new RegExp(`${Number(slot.use_date.slice(5, 7))}月${Number(slot.use_date.slice(8, 10))}日（令和`));
  assert.doesNotMatch(results.body, /<td[^>]*>当選 [a-z]/, 'an outcome names the slot in words, not by its key');
});

test('a winner reads 当選 and what to do next on every page; a loser on the waiting list reads 落選（補欠） with the slot in words', async () => {
  now = new Date();
  const { roundId, staff, slots } = await openRound(t, now, { monthsAhead: 6 });
  const [s1, s2] = slots as [(typeof slots)[number], (typeof slots)[number]];
  const b = t.browser();
  await loginAndRegister(b, 'demo-03');
  const roundUrl = `/facilities/lottery/${roundId}`;
  const form = await b.get(roundUrl);
  const idempotencyKey = /name="idempotencyKey" value="([^"]+)"/.exec(form.body)![1]!;
  // Nobody else wants s1: this entry wins it.
  const applied = await b.post(`${roundUrl}/apply`, { groupId: '', preference1: s1.id, preference2: '', preference3: '', purpose: 'sports', purposeDetail: '', headcount: '8', idempotencyKey });
  const entryUrl = String(applied.headers.location);
  assert.match(text((await b.get(roundUrl)).body), /申込済み/, 'before the draw: entered');
  // Two others compete for s2: one wins, the other waits.
  const rivals = [await makeResident(t.ldb), await makeResident(t.ldb)];
  const rivalEntries = [await applyForRound(t.ctx, rivals[0]!, roundId, entry([s2.id])), await applyForRound(t.ctx, rivals[1]!, roundId, entry([s2.id]))];

  now = later(now, 2.1);
  await drawRound(t.ctx, staff, roundId);
  const offer = await t.ldb.selectFrom('facility_lottery_offers').select(['booking_id', 'deadline']).where('entry_id', '=', entryUrl.split('/').pop()!).executeTakeFirstOrThrow();
  for (const url of [roundUrl, '/facilities/lottery', entryUrl, '/mypage']) {
    const body = text((await b.get(url)).body);
    assert.match(body, /当選・支払待ち/, `${url} says the entry won`);
    assert.doesNotMatch(body, /申込済み|補欠に登録|落選/, `${url} does not call the winner entered or waiting`);
    if (url !== '/mypage') assert.ok((await b.get(url)).body.includes(`/facilities/bookings/${offer.booking_id}`), `${url} links to paying`);
  }
  assert.match(text((await b.get('/facilities/lottery')).body), /までに使用料をお支払いください/, 'the next step and its deadline');

  const loser = (await t.ldb.selectFrom('facility_lottery_waiting').select('entry_id').executeTakeFirstOrThrow()).entry_id;
  const view = await entryForView(t.ctx, rivals[rivalEntries.indexOf(loser)]!, loser);
  assert.equal(view.standing, 'waiting');
  assert.equal(view.waiting[0]!.block_ja, '夜間');
});

test('each entry gets one result notice: a resident with two losing entries gets two distinct notices, and announcing again sends none', async () => {
  now = new Date();
  const { roundId, staff, slots } = await openRound(t, now, { monthsAhead: 7 });
  const [s1, s2] = slots as [(typeof slots)[number], (typeof slots)[number]];
  // The same person enters twice; a rival too. The rival's tickets and this person's decide who wins; count notices only.
  const twice = await makeResident(t.ldb);
  const rival = await makeResident(t.ldb);
  const mine = [await applyForRound(t.ctx, twice, roundId, entry([s1.id])), await applyForRound(t.ctx, twice, roundId, entry([s2.id]))];
  await applyForRound(t.ctx, rival, roundId, entry([s1.id, s2.id]));
  now = later(now, 2.1);
  await drawRound(t.ctx, staff, roundId);
  await t.platform.jobs.drain();
  await announceResults(t.ctx, roundId);
  await announceResults(t.ctx, roundId);

  const entries = await t.ldb.selectFrom('facility_lottery_entries').select('id').where('round_id', '=', roundId).execute();
  const results = t.notifier.sent.filter((m) => entries.some((e) => m.reference === e.id) && /当選しました|落選しました/.test(m.subject ?? ''));
  assert.equal(results.length, entries.length, 'one result notice per entry, however often the round is announced');
  for (const e of entries) assert.equal(results.filter((m) => m.reference === e.id).length, 1);
  const toTwice = results.filter((m) => mine.includes(m.reference!));
  assert.equal(toTwice.length, 2);
  assert.notEqual(toTwice[0]!.body, toTwice[1]!.body, 'each notice names its own entry and choices');
  for (const m of toTwice) {
    assert.match(m.body, /申込番号 [0-9a-f-]{36}/);
    assert.match(m.body, /第1希望 \d{4}年\d{1,2}月\d{1,2}日（令和\d+年）（[土日]） 夜間 18:00〜21:00 アリーナ/);
    assert.ok(!slots.some((s) => m.body.includes(s.code)), 'no internal slot key');
  }
});
