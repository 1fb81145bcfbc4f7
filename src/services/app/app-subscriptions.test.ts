import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { lineEvent, lineUser, postLineWebhook } from './app-test-kit.ts';
import { lineChannelSecret, signLineBody } from './notify-bridge.ts';
import { appDb } from './tables.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const db = () => appDb(t.db.kysely);
const pushSubscription = (n: number) => ({ endpoint: `https://fcm.googleapis.com/fcm/send/abc${n}defghijklmnopqrstu`, expirationTime: null, keys: { p256dh: `B${'x'.repeat(86)}`, auth: 'abcdefghijklmnopqrstuv' } });

test('email: subscribe without logging in, confirm from the email, unsubscribe from any email', async () => {
  const b = t.browser();
  const form = await b.get('/app/subscribe');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /data-vapid-key="[A-Za-z0-9_-]{80,}"/, 'the page carries the VAPID key for the push script');

  const empty = await b.post('/app/subscribe', { channel: 'email', email: 'not-an-address', categories: [], areas: [] });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /受け取る分類を1つ以上選んでください/);
  assert.match(empty.body, /受け取る地域を1つ以上選んでください/);
  assert.match(empty.body, /メールアドレスを「name@example.jp」のように入力してください/);
  const noScript = await b.post('/app/subscribe', { channel: 'push', email: '', categories: ['disaster'], areas: ['isawa'] });
  assert.equal(noScript.statusCode, 400);
  assert.match(noScript.body, /JavaScriptが使えるブラウザが必要です/);

  const ok = await b.post('/app/subscribe', { channel: 'email', email: 'ｈａｎａｋｏ@example.jp', categories: ['disaster', 'childcare'], areas: ['isawa', 'esashi'] });
  assert.equal(ok.statusCode, 200);
  assert.match(ok.body, /hanako@example.jp に確認のメールを送りました/);
  const sub = await db().selectFrom('app_subscribers').selectAll().where('address', '=', 'hanako@example.jp').executeTakeFirstOrThrow();
  assert.equal(sub.status, 'pending');
  assert.deepEqual(sub.categories, ['disaster', 'childcare']);
  assert.deepEqual(sub.areas, ['isawa', 'esashi']);
  assert.equal(sub.resident_account_id, null);

  await t.platform.jobs.drain();
  const mail = t.notifier.sent.find((m) => m.to === 'hanako@example.jp')!;
  assert.equal(mail.channel, 'email');
  const confirmUrl = /(http:\/\/localhost:3000\/app\/subscribe\/confirm\/[A-Za-z0-9_-]{43})/.exec(mail.body)![1]!;
  assert.match(mail.body, /\/app\/unsubscribe\//, 'even the confirmation says how to stop');
  const page = await b.get(confirmUrl);
  assert.equal(page.statusCode, 200);
  assert.equal((await db().selectFrom('app_subscribers').select('status').where('id', '=', sub.id).executeTakeFirstOrThrow()).status, 'pending', 'opening the link (a mail scanner) changes nothing');
  const confirmed = await b.post(new URL(confirmUrl).pathname);
  assert.match(confirmed.body, /登録が完了しました/);
  assert.equal((await db().selectFrom('app_subscribers').select('status').where('id', '=', sub.id).executeTakeFirstOrThrow()).status, 'active');

  // Subscribing the same address again replaces the old choice once confirmed (one message per article).
  await b.post('/app/subscribe', { channel: 'email', email: 'hanako@example.jp', categories: ['health'], areas: ['isawa'] });
  const second = await db().selectFrom('app_subscribers').select(['id', 'token']).where('address', '=', 'hanako@example.jp').where('status', '=', 'pending').executeTakeFirstOrThrow();
  await b.post(`/app/subscribe/confirm/${second.token}`);
  const active = await db().selectFrom('app_subscribers').select('id').where('address', '=', 'hanako@example.jp').where('status', '=', 'active').execute();
  assert.deepEqual(active.map((r) => r.id), [second.id]);

  const stop = await b.get(`/app/unsubscribe/${second.token}`);
  assert.match(stop.body, /配信を停止する/);
  await b.post(`/app/unsubscribe/${second.token}`);
  assert.equal((await db().selectFrom('app_subscribers').select('status').where('id', '=', second.id).executeTakeFirstOrThrow()).status, 'unsubscribed');
  assert.equal((await b.get('/app/unsubscribe/not-a-token')).statusCode, 404);
  const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('target_id', '=', second.id).orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => a.action), ['app.subscription.created', 'app.subscription.confirmed', 'app.subscription.ended']);
});

test('LINE webhook: a forged or missing signature is refused; valid events are recorded once', async () => {
  const user = lineUser(1);
  const follow = lineEvent('follow', user);
  const forged = await postLineWebhook(t, [follow], signLineBody('not-the-channel-secret', JSON.stringify({ destination: 'Uoshucity', events: [follow] })));
  assert.equal(forged.statusCode, 401);
  assert.equal((await postLineWebhook(t, [follow], '')).statusCode, 401);
  assert.equal((await postLineWebhook(t, [follow], 'AAAA')).statusCode, 401);
  // A body changed after signing (here: re-serialised with different spacing) fails as well.
  const body = JSON.stringify({ destination: 'Uoshucity', events: [follow] });
  const tampered = await t.app.inject({ method: 'POST', url: '/app/line/webhook', headers: { 'content-type': 'application/json', 'x-line-signature': signLineBody(lineChannelSecret(t.platform), body) }, payload: JSON.stringify({ destination: 'Uoshucity', events: [follow] }, null, 1) });
  assert.equal(tampered.statusCode, 401);
  assert.equal((await db().selectFrom('app_line_events').select('id').execute()).length, 0, 'nothing recorded from refused calls');

  const valid = await postLineWebhook(t, [follow]);
  assert.equal(valid.statusCode, 200);
  const again = await postLineWebhook(t, [follow]); // LINE redelivers with the same webhookEventId
  assert.equal(again.statusCode, 200);
  const events = await db().selectFrom('app_line_events').selectAll().execute();
  assert.deepEqual(events.map((e) => [e.type, e.line_user_id, e.outcome]), [['follow', user, 'followed']]);
  assert.equal((await db().selectFrom('app_line_friends').select('following').where('line_user_id', '=', user).executeTakeFirstOrThrow()).following, true);
  // LINE's "verify" button sends an empty event list.
  assert.equal((await postLineWebhook(t, [])).statusCode, 200);
});

test('LINE: friend link, one-time code sent on LINE links the subscription; 「停止」 and unfollow end it', async () => {
  const b = t.browser();
  const info = await b.get('/app/line');
  assert.match(info.body, /href="https:\/\/line.me\/R\/ti\/p\/@oshu-city"/);
  assert.match(info.body, /src="data:image\/png;base64,/);
  await b.get('/app/subscribe');
  const created = await b.post('/app/subscribe', { channel: 'line', email: '', categories: ['events'], areas: ['maesawa'] });
  assert.equal(created.statusCode, 303);
  const page = await b.get(String(created.headers.location));
  const shown = /<strong class="mono">(\d{4}) (\d{4})<\/strong>/.exec(page.body);
  assert.ok(shown, 'the page shows the code');
  const code = `${shown[1]}${shown[2]}`;
  const user = lineUser(2);

  const wrong = await postLineWebhook(t, [lineEvent('follow', user), lineEvent('message', user, '00000000')]);
  assert.equal(wrong.statusCode, 200);
  // Full-width digits and a space, as phones type them.
  const toFullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  await postLineWebhook(t, [lineEvent('message', user, `${toFullWidth(code.slice(0, 4))} ${code.slice(4)}`)]);
  const sub = await db().selectFrom('app_subscribers').selectAll().where('channel', '=', 'line').where('address', '=', user).executeTakeFirstOrThrow();
  assert.equal(sub.status, 'active');
  assert.equal(sub.link_code, null, 'a code works once');
  assert.match((await b.get(String(created.headers.location))).body, /LINEとの連携が完了しました/);
  await t.platform.jobs.drain();
  assert.match(t.notifier.sent.find((m) => m.channel === 'line' && m.to === user)!.body, /登録ができました/);
  const outcomes = (await db().selectFrom('app_line_events').select('outcome').where('line_user_id', '=', user).orderBy('id').execute()).map((e) => e.outcome);
  assert.deepEqual(outcomes, ['followed', 'unknown_code', 'linked']);

  await postLineWebhook(t, [lineEvent('message', user, '停止')]);
  assert.equal((await db().selectFrom('app_subscribers').select('status').where('id', '=', sub.id).executeTakeFirstOrThrow()).status, 'unsubscribed');

  // Link a second subscription, then block the account: it ends too.
  await b.post('/app/subscribe', { channel: 'line', email: '', categories: ['health'], areas: ['maesawa'] });
  const pending = await db().selectFrom('app_subscribers').select(['id', 'link_code']).where('channel', '=', 'line').where('status', '=', 'pending').executeTakeFirstOrThrow();
  await postLineWebhook(t, [lineEvent('message', user, pending.link_code!)]);
  assert.equal((await db().selectFrom('app_subscribers').select('status').where('id', '=', pending.id).executeTakeFirstOrThrow()).status, 'active');
  await postLineWebhook(t, [lineEvent('unfollow', user)]);
  assert.equal((await db().selectFrom('app_subscribers').select('status').where('id', '=', pending.id).executeTakeFirstOrThrow()).status, 'unsubscribed');
  assert.equal((await db().selectFrom('app_line_friends').select('following').where('line_user_id', '=', user).executeTakeFirstOrThrow()).following, false);
});

test('web push: the page script saves the browser subscription (CSRF checked), and can remove it', async () => {
  const b = t.browser();
  await b.loginResident('demo-07', 'password');
  await b.get('/app/subscribe');
  const noCsrf = await t.app.inject({ method: 'POST', url: '/app/push/subscriptions', headers: { 'content-type': 'application/json', cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }, payload: JSON.stringify({ subscription: pushSubscription(1), categories: ['disaster'], areas: ['mizusawa'] }) });
  assert.equal(noCsrf.statusCode, 403);
  const bad = await b.json('POST', '/app/push/subscriptions', { subscription: { ...pushSubscription(1), endpoint: 'http://insecure.example/x' }, categories: ['disaster'], areas: ['mizusawa'] });
  assert.equal(bad.statusCode, 400);
  const ok = await b.json('POST', '/app/push/subscriptions', { subscription: pushSubscription(1), categories: ['disaster'], areas: ['mizusawa'] });
  assert.equal(ok.statusCode, 201);
  assert.equal(ok.json().status, 'active');
  const row = await db().selectFrom('app_subscribers').selectAll().where('push_endpoint', '=', pushSubscription(1).endpoint).executeTakeFirstOrThrow();
  assert.deepEqual(JSON.parse(row.address!), pushSubscription(1));
  assert.ok(row.resident_account_id, 'a logged-in resident’s subscription is theirs');
  const mine = await b.get('/app/subscriptions');
  assert.match(mine.body, /このブラウザへのプッシュ通知/);
  const mypage = await b.get('/mypage');
  assert.match(mypage.body, /ぽちっと奥州/);

  // Another resident cannot end it.
  const other = t.browser();
  await other.loginResident('demo-08', 'password');
  assert.equal((await other.post(`/app/subscriptions/${row.id}/delete`)).statusCode, 404);
  assert.equal((await b.json('POST', '/app/push/unsubscribe', { endpoint: pushSubscription(1).endpoint })).statusCode, 204);
  assert.equal((await db().selectFrom('app_subscribers').select('status').where('id', '=', row.id).executeTakeFirstOrThrow()).status, 'unsubscribed');
});

test('the PWA: manifest, service worker with scope /app/, icons', async () => {
  const manifest = await t.app.inject('/app/manifest.webmanifest');
  assert.equal(manifest.statusCode, 200);
  assert.match(String(manifest.headers['content-type']), /^application\/manifest\+json/);
  const m = manifest.json();
  assert.equal(m.scope, '/app/');
  assert.equal(m.start_url, '/app/');
  assert.equal(m.display, 'standalone');
  for (const icon of m.icons) {
    const r = await t.app.inject(icon.src);
    assert.equal(r.statusCode, 200, icon.src);
    assert.equal(r.headers['content-type'], icon.type);
    if (icon.type === 'image/png') {
      const size = Number(icon.sizes.split('x')[0]);
      assert.equal(r.rawPayload.readUInt32BE(16), size, `${icon.src} is ${size} wide`);
      assert.equal(r.rawPayload.readUInt32BE(20), size);
    }
  }
  assert.ok(m.icons.some((i: { purpose: string }) => i.purpose === 'maskable'));
  const sw = await t.app.inject('/app/sw.js');
  assert.equal(sw.statusCode, 200);
  assert.match(String(sw.headers['content-type']), /javascript/);
  assert.equal(sw.headers['cache-control'], 'no-cache');
  assert.match(sw.body, /addEventListener\('push'/);
  assert.match(sw.body, /showNotification/);
  assert.match(sw.body, /\/api\/app\/news/);
  const home = await t.app.inject('/app/');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /rel="manifest"/);
  assert.match((await t.app.inject('/app/offline')).body, /オフラインです/);
  const portal = await t.app.inject('/');
  assert.match(portal.body, /href="\/app\/"/, 'the portal lists the app');
});
