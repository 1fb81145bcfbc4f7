/**
 * A resident's whole journey through the pages, as a browser without JavaScript would
 * make it: start → pages with a condition → error summary (kanji in a kana field, 和暦
 * dates, an impossible date) → uploads refused with the limit → draft saved and resumed →
 * an expired login keeps the page → check answers → a double submit makes one application
 * → acknowledgement e-mail queued → timeline on my page → withdraw. Another resident
 * gets 404 for the application and its file.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, test } from 'node:test';
import type { TestApp } from '../../platform/testing/test-app.ts';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import type { LoggingNotifier } from '../../platform/notify/notifier.ts';
import { applicationIdOf, applicationRow, loginResidentTo, PNG_1PX, postMultipart, publishAsAdmin, startProceduresApp, testDefinition } from './procedures-test-kit.ts';
import { proceduresDb } from './tables.ts';

let app: TestApp;
let b: BrowserSession;
let id = '';
let fileId = '';
let reference = '';

before(async () => {
  app = await startProceduresApp();
  await publishAsAdmin(app, testDefinition());
  b = app.browser();
  await b.loginResident('demo-01', 'password');
});
after(async () => app.close());

const page = (name: string) => `/procedures/applications/${id}/pages/${name}`;
const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';

test('the procedure page says what is needed and starts a prefilled draft', async () => {
  const about = await b.get('/procedures/test-permit');
  assert.equal(about.statusCode, 200);
  assert.match(about.body, /標準処理期間/);
  assert.match(about.body, /5日（土日祝日・年末年始を除く）/);
  assert.match(about.body, /200円/);
  const started = await b.post('/procedures/test-permit/start');
  assert.equal(started.statusCode, 303);
  id = applicationIdOf(started.headers.location);
  assert.match(String(started.headers.location), /\/pages\/who$/);
  const first = await b.get(page('who'));
  // the name comes from the register (demo-01 is a registered resident)
  const name = /id="name" name="name" type="text" value="([^"]+)"/.exec(first.body)?.[1];
  assert.ok(name && name.length > 1, 'name prefilled');
  assert.equal((await applicationRow(app, id)).status, 'draft');
});

test('errors: summary links to each field, the field says why, what was typed stays', async () => {
  const response = await b.post(page('who'), { name: '奥州 花子', kana: '奥州', since: '令和8年2月30日', email: 'hanako@example.jp', hasPet: 'no', action: 'continue' });
  assert.equal(response.statusCode, 400);
  const html = main(response.body);
  assert.match(html, /class="error-summary"/);
  assert.match(html, /<a href="#kana">/);
  assert.match(html, /<a href="#since">/);
  assert.match(html, /id="kana-error"/);
  assert.match(html, /id="since-error"/);
  assert.match(html, /name="kana" type="text" value="奥州"/);
  assert.match(html, /name="since" type="text" value="令和8年2月30日"/);
  assert.match(html, /aria-invalid="true"/);
  // the valid answers of the page were saved with the draft
  assert.equal((await applicationRow(app, id)).answers.email, 'hanako@example.jp');
});

test('the postal code fills in the address without JavaScript', async () => {
  const response = await b.post(page('who'), { name: '奥州 花子', kana: '奥州', postal: '０２９－４２０４', address: '', email: 'hanako@example.jp', hasPet: 'no', action: 'postal:postal' });
  assert.equal(response.statusCode, 200);
  const html = main(response.body);
  assert.match(html, /name="address" type="text" value="奥州市前沢"/);
  assert.match(html, /name="kana" type="text" value="奥州"/, 'the rest of what was typed stays');
  assert.doesNotMatch(html, /error-summary/, 'no errors for a lookup');
  const unknown = await b.post(page('who'), { name: '奥州 花子', postal: '100-0001', action: 'postal:postal' });
  assert.match(unknown.body, /この郵便番号の住所は見つかりませんでした/);
});

test('和暦 and kana are accepted and normalised; a condition skips the pet page', async () => {
  const response = await b.post(page('who'), { name: '奥州 花子', kana: 'おうしゅう はなこ', since: '令和8年4月1日', email: 'hanako@example.jp', hasPet: 'no', action: 'continue' });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, page('family'));
  const row = await applicationRow(app, id);
  assert.equal(row.answers.since, '2026-04-01');
  assert.match(String(row.answers.kana), /^オウシュウ.?ハナコ$/);
  assert.equal(row.current_page_id, 'family');
});

test('group items are added and removed with plain buttons', async () => {
  let response = await b.post(page('family'), { copies: '2', action: 'add:members' });
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /name="members\.0\.memberName"/);
  response = await b.post(page('family'), { copies: '2', 'members.0.memberName': '奥州 一郎', action: 'add:members' });
  assert.match(response.body, /name="members\.1\.memberName"/);
  assert.match(response.body, /value="奥州 一郎"/);
  response = await b.post(page('family'), { copies: '2', 'members.0.memberName': '奥州 一郎', 'members.1.memberName': '奥州 二郎', action: 'remove:members:0' });
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /name="members\.0\.memberName"[^>]*value="奥州 二郎"|value="奥州 二郎"[^>]*name="members\.0\.memberName"/);
  assert.doesNotMatch(response.body, /奥州 一郎/);
  response = await b.post(page('family'), { copies: '2', 'members.0.memberName': '奥州 二郎', action: 'continue' });
  assert.equal(response.headers.location, page('docs'));
  assert.deepEqual((await applicationRow(app, id)).answers.members, [{ memberName: '奥州 二郎' }]);
});

test('uploads: too large and wrong type are refused with the limit; a good one is kept', async () => {
  const big = Buffer.concat([PNG_1PX, Buffer.alloc(3000)]);
  let response = await postMultipart(app, b, page('docs'), { action: 'continue' }, [{ name: 'photo', filename: 'big.png', type: 'image/png', bytes: big }]);
  assert.equal(response.statusCode, 400);
  assert.match(main(response.body), /<a href="#photo">/);
  assert.match(main(response.body), /2KB|2 KB|2,048|2048/);
  response = await postMultipart(app, b, page('docs'), { action: 'continue' }, [{ name: 'photo', filename: 'virus.png', type: 'image/png', bytes: Buffer.from('MZ\x90\x00 not an image at all \x00\x01') }]);
  assert.equal(response.statusCode, 400);
  assert.match(main(response.body), /PNG|JPEG|PDF/);
  // over the app's own upload limit (10 MB): cut off there, and refused like any file too large, naming the field's limit
  response = await postMultipart(app, b, page('docs'), { action: 'continue' }, [{ name: 'photo', filename: 'huge.png', type: 'image/png', bytes: Buffer.concat([PNG_1PX, Buffer.alloc(10 * 1024 * 1024)]) }]);
  assert.equal(response.statusCode, 400);
  assert.match(main(response.body), /<a href="#photo">「写真」のファイルが大きすぎます。2KB以下のファイルを選んでください。<\/a>/);
  assert.equal((await applicationRow(app, id)).answers.photo, undefined, 'nothing of the cut-off file is kept');
  response = await postMultipart(app, b, page('docs'), { action: 'continue' }, [{ name: 'photo', filename: '写真.png', type: 'image/png', bytes: PNG_1PX }]);
  assert.equal(response.statusCode, 303, response.body.slice(0, 500));
  assert.equal(response.headers.location, page('confirm'));
  const photo = (await applicationRow(app, id)).answers.photo as { fileId: string; name: string };
  assert.equal(photo.name, '写真.png');
  fileId = photo.fileId;
  // posting the page again without choosing a file keeps the one saved
  response = await postMultipart(app, b, page('docs'), { action: 'continue' }, [{ name: 'photo', filename: '', type: 'application/octet-stream', bytes: Buffer.alloc(0) }]);
  assert.equal(response.statusCode, 303);
  assert.equal(((await applicationRow(app, id)).answers.photo as { fileId: string }).fileId, fileId);
});

test('save and continue later; the draft is offered again on the procedure page and my page', async () => {
  const response = await b.post(page('confirm'), { action: 'save' });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, `/procedures/applications/${id}`);
  const about = await b.get('/procedures/test-permit');
  assert.match(about.body, new RegExp(`href="/procedures/applications/${id}/pages/confirm"`));
  const mypage = await b.get('/mypage');
  assert.match(mypage.body, /テスト許可申請/);
  assert.match(mypage.body, /入力中/);
});

test('an expired login keeps the posted page; it is applied after logging in again', async () => {
  await app.db.kysely.deleteFrom('sessions').where('kind', '=', 'resident').execute();
  const response = await b.post(page('confirm'), { agree: 'yes', action: 'continue' });
  assert.equal(response.statusCode, 303);
  assert.match(String(response.headers.location), /^\/auth\/login\?next=%2Fprocedures%2Fpending&expired=1$/);
  assert.ok(b.cookies.get('oshu_proc_pending'), 'the kept page is named by a cookie');
  const pending = await proceduresDb(app.db.kysely).selectFrom('procedure_pending_posts').selectAll().execute();
  assert.equal(pending.length, 1);
  const landed = await loginResidentTo(b, 'demo-01', 'password', '/procedures/pending');
  assert.match(String(landed.headers.location), /\/procedures\/pending$/);
  const applied = await b.get('/procedures/pending');
  // The same page again, as it was posted, saved, with a note that it was restored; the resident goes on from there.
  assert.equal(applied.statusCode, 200);
  assert.match(main(applied.body), /ログインの前に入力した内容を復元しました/);
  assert.match(main(applied.body), new RegExp(`action="/procedures/applications/${id}/pages/confirm"`));
  assert.match(main(applied.body), /name="agree"[^>]*value="yes"[^>]*checked|checked[^>]*name="agree"/);
  assert.doesNotMatch(main(applied.body), /error-summary/);
  assert.equal((await applicationRow(app, id)).answers.agree, true);
  assert.equal((await applicationRow(app, id)).current_page_id, 'confirm');
  assert.equal((await proceduresDb(app.db.kysely).selectFrom('procedure_pending_posts').selectAll().execute()).length, 0);
});

test('check your answers: every answer with a change link, the fee by quantity, how to pay', async () => {
  const check = await b.get(`/procedures/applications/${id}/check`);
  assert.equal(check.statusCode, 200);
  const html = main(check.body);
  assert.match(html, /奥州 二郎/);
  assert.match(html, /2026年4月1日/);
  assert.match(html, /400円/);
  assert.match(html, new RegExp(`href="/procedures/applications/${id}/pages/who\\?from=check#kana"`));
  assert.match(html, /name="paymentMethod"/);
  // no pet: the skipped page is not summarised
  assert.doesNotMatch(html, /ペットの名前/);
});

test('a double submit with the same key makes one application with one reference', async () => {
  const check = await b.get(`/procedures/applications/${id}/check`);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(check.body)![1]!;
  // two presses at once (a double click)
  const [first, second] = await Promise.all([b.post(`/procedures/applications/${id}/submit`, { idempotencyKey: key, paymentMethod: 'counter' }), b.post(`/procedures/applications/${id}/submit`, { idempotencyKey: key, paymentMethod: 'counter' })]);
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, `/procedures/applications/${id}?submitted=1`);
  assert.equal(second.headers.location, first.headers.location);
  const row = await applicationRow(app, id);
  assert.equal(row.status, 'submitted');
  assert.match(row.reference!, /^OSU-2026-\d{6}$/);
  reference = row.reference!;
  assert.equal(row.fee_yen, 400);
  assert.equal(row.due_date, '2026-12-01'); // Tuesday + 5 business days
  const mine = await proceduresDb(app.db.kysely).selectFrom('applications').select('id').where('procedure_id', '=', 'test-permit').where('reference', 'is not', null).execute();
  assert.equal(mine.length, 1);
  const done = await b.get(`/procedures/applications/${id}?submitted=1`);
  assert.match(done.body, /申請を受け付けました/);
  assert.match(done.body, new RegExp(reference));
  assert.match(done.body, /hanako@example\.jp/);
});

test('an old check page sent again after staff took the case up says so, not 「受け付けました」', async () => {
  const db = proceduresDb(app.db.kysely);
  await db.updateTable('applications').set({ status: 'in_review' }).where('id', '=', id).execute();
  try {
    const again = await b.post(`/procedures/applications/${id}/submit`, { idempotencyKey: crypto.randomUUID(), paymentMethod: 'counter' });
    assert.equal(again.headers.location, `/procedures/applications/${id}`);
    const page = await b.follow(again);
    assert.match(page.body, /すでに受け付け、担当課が対応しています/);
    assert.doesNotMatch(page.body, /申請を受け付けました/);
  } finally {
    await db.updateTable('applications').set({ status: 'submitted' }).where('id', '=', id).execute();
  }
});

test('the acknowledgement e-mail is queued and sent once', async () => {
  await app.platform.jobs.drain();
  const sent = (app.notifier as LoggingNotifier).sent.filter((m) => m.channel === 'email' && m.to === 'hanako@example.jp');
  assert.equal(sent.length, 1);
  assert.match(sent[0]!.subject ?? '', new RegExp(reference));
  assert.match(sent[0]!.body, /テスト許可申請/);
});

test('my page and the application page show the status and the timeline', async () => {
  const mypage = await b.get('/mypage');
  assert.match(mypage.body, new RegExp(reference));
  assert.match(mypage.body, /受付済み/);
  assert.match(mypage.body, /2026年11月24日（令和8年） 10:00 申請しました/, 'the latest step of the timeline');
  const view = await b.get(`/procedures/applications/${id}`);
  assert.match(view.body, /これまでの経過/);
  assert.match(view.body, /申請しました/);
  assert.match(view.body, /2026年12月1日（令和8年）/);
  const file = await b.get(`/procedures/applications/${id}/files/${fileId}`);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'image/png');
  assert.match(String(file.headers['content-disposition']), /attachment/);
});

test('another resident gets 404 for the application, its file and its API record', async () => {
  const other = app.browser();
  await other.loginResident('demo-02', 'card');
  for (const url of [`/procedures/applications/${id}`, `/procedures/applications/${id}/files/${fileId}`, `/procedures/applications/${id}/check`, `/procedures/applications/${id}/withdraw`, `/api/procedure-applications/${id}`]) {
    assert.equal((await other.get(url)).statusCode, 404, url);
  }
  assert.equal((await other.post(`/procedures/applications/${id}/withdraw`, { reason: 'x' })).statusCode, 404);
  assert.equal((await other.get('/procedures/applications/not-a-uuid')).statusCode, 404);
  assert.equal((await applicationRow(app, id)).status, 'submitted');
});

test('the resident withdraws before a decision, with a reason; it is audited', async () => {
  const form = await b.get(`/procedures/applications/${id}/withdraw`);
  assert.equal(form.statusCode, 200);
  const response = await b.post(`/procedures/applications/${id}/withdraw`, { reason: '別の方法で取得しました' });
  assert.equal(response.statusCode, 303);
  assert.equal((await applicationRow(app, id)).status, 'withdrawn');
  const view = await b.get(`/procedures/applications/${id}`);
  assert.match(view.body, /申請を取り下げました/);
  assert.match(view.body, /別の方法で取得しました/);
  assert.doesNotMatch(view.body, /申請を取り下げる<\/a>/);
  const audit = await app.db.kysely.selectFrom('audit_log').select(['action', 'actor_type']).where('target_id', '=', id).orderBy('seq').execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['procedures.application.started', 'procedures.application.submit', 'procedures.application.withdraw'],
  );
  // withdrawing again is refused (final state)
  assert.equal((await b.post(`/procedures/applications/${id}/withdraw`, { reason: '' })).statusCode, 409);
});
