import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import { addDays, todayInJapan } from '../../platform/time/today.ts';
import { appContext } from './app-context.ts';
import { confirmEmail, createSubscription, linkLineUser } from './subscription-service.ts';
import { appDb } from './tables.ts';
import { addMonths } from './vaccination-schedule.ts';

let now = new Date();
let t: TestApp;
let admin: BrowserSession;
let parent: BrowserSession;
before(async () => {
  t = await createTestApp({ now: () => now });
  admin = t.browser();
  await admin.loginStaff('admin');
  parent = t.browser();
  await parent.loginResident('demo-03', 'password');
});
after(() => t.close());

const db = () => appDb(t.db.kysely);
const ctx = () => appContext(t.platform);
const BANNER = /災害モード：奥州市からの緊急のお知らせ/;

test('disaster mode: a banner on every resident page and an alert to every 防災 subscriber on every channel; off removes it; audited', async () => {
  const email = await createSubscription(ctx(), null, { channel: 'email', email: 'bousai@example.jp', categories: ['disaster'], areas: ['koromogawa'] }, null);
  await confirmEmail(ctx(), email.token, null);
  const line = await createSubscription(ctx(), null, { channel: 'line', categories: ['health', 'disaster'], areas: ['esashi'] }, null);
  await linkLineUser(ctx(), line.link_code!, `U${'d'.repeat(32)}`);
  await parent.get('/app/subscribe');
  assert.equal((await parent.json('POST', '/app/push/subscriptions', { subscription: { endpoint: 'https://push.example.net/x/disaster-subscriber', keys: { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) } }, categories: ['disaster'], areas: ['mizusawa'] })).statusCode, 201);
  const events = await createSubscription(ctx(), null, { channel: 'email', email: 'events@example.jp', categories: ['events'], areas: ['mizusawa'] }, null);
  await confirmEmail(ctx(), events.token, null);
  await t.platform.jobs.drain();
  const mark = t.notifier.sent.length;

  const residentPages = ['/', '/app/', '/app/news', '/app/subscribe', '/app/line', '/transit', '/ask?q=%E3%81%94%E3%81%BF', '/no/such/page'];
  for (const path of residentPages) assert.doesNotMatch((await t.app.inject(path)).body, BANNER, path);

  const empty = await admin.post('/staff/app/disaster/on', { message: '' });
  assert.equal(empty.statusCode, 400);
  const on = await admin.post('/staff/app/disaster/on', { message: '衣川・胆沢地域に避難指示を発令しました。\n指定避難所へ避難してください。' });
  assert.equal(on.statusCode, 303);
  for (const path of residentPages) {
    const page = await t.app.inject(path);
    assert.match(page.body, BANNER, `banner on ${path}`);
    assert.match(page.body, /衣川・胆沢地域に避難指示を発令しました。<br\/?>指定避難所へ避難してください。/, path);
  }
  for (const path of ['/mypage', '/app/childcare', '/app/subscriptions']) assert.match((await parent.get(path)).body, BANNER, `banner on ${path} (logged in)`);
  assert.match((await t.app.inject({ url: '/app/', headers: { cookie: 'lang=en' } })).body, /Disaster mode: urgent notice from Oshu City/);
  assert.doesNotMatch((await admin.get('/staff')).body, BANNER, 'staff pages have their own notice');
  assert.match((await admin.get('/staff/app/disaster')).body, /災害モード中です/);
  assert.equal((await admin.post('/staff/app/disaster/on', { message: '二度目' })).statusCode, 409);

  assert.equal(t.notifier.sent.length, mark, 'the alert goes out from a job');
  await t.platform.jobs.drain();
  const alerts = t.notifier.sent.slice(mark);
  assert.deepEqual(alerts.map((m) => m.channel).sort(), ['email', 'line', 'push'], 'every 防災 subscriber, whatever the area, on their channel');
  assert.ok(!alerts.some((m) => m.to === 'events@example.jp'));
  assert.ok(alerts.every((m) => m.body.includes('衣川・胆沢地域に避難指示を発令しました')));
  assert.match(alerts.find((m) => m.channel === 'email')!.body, /配信の停止: /);
  await t.platform.jobs.drain();
  assert.equal(t.notifier.sent.length, mark + 3, 'sent once');

  assert.equal((await admin.post('/staff/app/disaster/off')).statusCode, 303);
  for (const path of residentPages) assert.doesNotMatch((await t.app.inject(path)).body, BANNER, `no banner on ${path} after switching off`);
  const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'actor_type', 'details']).where('action', 'like', 'app.disaster.%').orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => [a.action, a.actor_type]), [['app.disaster.on', 'staff'], ['app.disaster.off', 'staff']]);
  assert.match(String((audit[0]!.details as { message: string }).message), /避難指示/);
});

test('disaster mode switched on at another instance shows here within seconds', async () => {
  const staff = await t.db.kysely.selectFrom('staff').select('id').where('login_id', '=', 'admin').executeTakeFirstOrThrow();
  await db().insertInto('app_disaster_alerts').values({ message: '別のサーバーから開始した訓練です', started_by: staff.id }).execute();
  await new Promise((resolve) => setTimeout(resolve, 3200));
  assert.match((await t.app.inject('/app/news')).body, /別のサーバーから開始した訓練です/);
  await sql`UPDATE app_disaster_alerts SET ended_at = now() WHERE ended_at IS NULL`.execute(t.db.kysely);
  await new Promise((resolve) => setTimeout(resolve, 3200));
  assert.doesNotMatch((await t.app.inject('/app/news')).body, BANNER);
});

test('子育て応援: a child registered with a 和暦 birth date gets the schedule in a table, only its parent sees it', async () => {
  const bad = await parent.post('/app/childcare', { nickname: '', birthDate: '令和7年2月30日' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /ニックネームを入力してください/);
  assert.match(bad.body, /存在しない日付です/);
  const future = await parent.post('/app/childcare', { nickname: 'みらい', birthDate: addDays(todayInJapan(now), 3) });
  assert.match(future.body, /未来の日付は入力できません/);

  const created = await parent.post('/app/childcare', { nickname: 'はるちゃん', birthDate: '令和7年4月10日' });
  assert.equal(created.statusCode, 303);
  const page = await parent.follow(created);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /はるちゃんさんの予防接種スケジュール/);
  assert.match(page.body, /令和7年4月10日/);
  const row = (name: string) => new RegExp(`<th scope="row">${name}</th><td><time datetime="([\\d-]+)">[^<]+</time>〜<time datetime="([\\d-]+)">`).exec(page.body)?.slice(1, 3);
  assert.deepEqual(row('B型肝炎　1回目'), ['2025-06-10', '2026-01-09']);
  assert.deepEqual(row('MR（麻しん風しん混合）　1期'), ['2026-04-10', '2027-04-09']);
  assert.deepEqual(row('MR（麻しん風しん混合）　2期'), ['2031-04-01', '2032-03-31']);
  assert.deepEqual(row('日本脳炎　1期初回1回目'), ['2028-04-10', '2029-04-09']);
  assert.match(page.body, /2025年6月10日（令和7年）/, 'dates are shown with 和暦');
  assert.match(page.body, /定期接種実施要領/, 'the source is named');

  const url = String(created.headers.location);
  const stranger = t.browser();
  await stranger.loginResident('demo-04', 'password');
  assert.equal((await stranger.get(url)).statusCode, 404);
  assert.equal((await stranger.post(`${url}/delete`)).statusCode, 404);
  assert.equal((await t.app.inject('/app/childcare')).statusCode, 303, 'anonymous visitors are asked to log in');
  const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('target_id', '=', url.split('/').pop()!).execute();
  assert.deepEqual(audit.map((a) => a.action), ['app.child.registered']);
});

test('vaccination reminders go to the parent’s subscriptions a week before each due date, once', async () => {
  const today = todayInJapan(now);
  // Two months old in five days: B型肝炎, ロタ, 肺炎球菌 and 五種混合 all fall due then.
  const birth = addMonths(addDays(today, 5), -2);
  const created = await parent.post('/app/childcare', { nickname: 'なつくん', birthDate: birth });
  assert.equal(created.statusCode, 303);
  const childId = String(created.headers.location).split('/').pop()!;
  const mark = t.notifier.sent.length;
  await sql`UPDATE jobs SET run_at = now() WHERE queue = 'app.daily' AND state = 'queued'`.execute(t.db.kysely);
  await t.platform.jobs.drain();
  const reminders = t.notifier.sent.slice(mark).filter((m) => m.reference?.startsWith('vaccine:'));
  assert.equal(reminders.length, 4, reminders.map((m) => m.reference).join(', '));
  assert.ok(reminders.every((m) => m.channel === 'push' && m.reference!.startsWith(`vaccine:${childId}:`)));
  const texts = reminders.map((m) => JSON.parse(m.body).body as string).join('\n');
  for (const vaccine of ['B型肝炎（1回目）', 'ロタウイルス（1回目）', '小児用肺炎球菌（初回1回目）', '五種混合']) assert.ok(texts.includes(vaccine), vaccine);
  assert.ok(reminders.every((m) => JSON.parse(m.body).url.endsWith(`/app/childcare/${childId}`)));

  // The next daily run (queued for tomorrow) sends nothing new for the same doses.
  const next = await t.db.kysely.selectFrom('jobs').select(['payload']).where('queue', '=', 'app.daily').where('state', '=', 'queued').execute();
  assert.equal(next.length, 1, 'the daily chain queued its successor');
  await sql`UPDATE jobs SET run_at = now() WHERE queue = 'app.daily' AND state = 'queued'`.execute(t.db.kysely);
  await t.platform.jobs.drain();
  assert.equal(t.notifier.sent.slice(mark).filter((m) => m.reference?.startsWith('vaccine:')).length, 4);
});
