import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('a resident logs in with the card through OpenID Connect and sees their own record on my page', async () => {
  const b = t.browser();
  const page = await b.loginResident('demo-01', 'card');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>マイページ<\/h1>/);
  assert.match(page.body, /マイナンバーカードで本人確認済み/);
  assert.match(page.body, /住民票に記録されている内容/);
  const account = await t.db.kysely.selectFrom('resident_accounts').selectAll().where('subject', '=', 'demo-01').executeTakeFirstOrThrow();
  assert.equal(account.resident_id, 'r0001', 'the login was matched to the registry by name, birth date and address');
  assert.equal(account.assurance, 'card');
  const me = await b.get('/api/me/resident', { accept: 'application/json' });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().id, 'r0001');
  const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('action', '=', 'resident.login').execute();
  assert.ok(audit.length >= 1);
});

test('the assurance level is carried into the session: password login is not card login', async () => {
  const b = t.browser();
  const page = await b.loginResident('demo-02', 'password');
  assert.match(page.body, /パスワードによるログインです/);
  assert.match(page.body, /マイナンバーカードでログインしたときだけ表示します/, 'a password login does not unlock the registry record');
  assert.equal((await b.get('/api/me/resident')).statusCode, 404);
});

test('a resident cannot read another resident’s record: 404, the same as a record that does not exist', async () => {
  const b = t.browser();
  await b.loginResident('demo-03', 'card');
  const own = await b.get('/api/registry/residents/r0003');
  assert.equal(own.statusCode, 200);
  const other = await b.get('/api/registry/residents/r0004');
  assert.equal(other.statusCode, 404);
  const missing = await b.get('/api/registry/residents/r9999');
  assert.equal(missing.statusCode, 404);
  assert.deepEqual(Object.keys(other.json().error).sort(), ['code', 'fields', 'message', 'requestId']);
  assert.equal(other.json().error.message, missing.json().error.message);
  const staffPage = await b.get('/staff/registry/residents/r0004');
  assert.equal(staffPage.statusCode, 303, 'a resident session is not a staff session');
});

test('a visitor from outside Oshu logs in but matches no registry record', async () => {
  const b = t.browser();
  const page = await b.loginResident('demo-visitor', 'card');
  assert.match(page.body, /一致する記録が見つかりませんでした/);
  assert.equal((await b.get('/api/me/resident')).statusCode, 404);
});

test('my page needs a login; logout ends it', async () => {
  const anonymous = t.browser();
  const redirect = await anonymous.get('/mypage');
  assert.equal(redirect.statusCode, 303);
  assert.equal(redirect.headers.location, '/auth/login?next=%2Fmypage');
  const b = t.browser();
  await b.loginResident('demo-05');
  const out = await b.follow(await b.post('/auth/logout'));
  assert.match(out.body, /ログアウトしました/);
  assert.equal((await b.get('/mypage')).statusCode, 303);
});

test('cancelling at the identity provider, or a callback without our state, returns to login with a message', async () => {
  const b = t.browser();
  await b.get('/auth/login');
  await b.follow(await b.post('/auth/start', { next: '/mypage' }));
  const action = /action="(\/demo-idp\/interaction\/[^"]+)"/.exec(b.lastHtml)![1]!;
  const invalid = await b.post(action, { account: '', method: 'card', pin: '12' });
  assert.equal(invalid.statusCode, 400);
  assert.match(invalid.body, /利用者を選んでください/);
  assert.match(invalid.body, /暗証番号は数字4桁/);
  const cancelled = await b.follow(await b.post(action, { cancel: '1', account: '', method: 'card', pin: '' }));
  assert.match(cancelled.body, /ログインできませんでした/);
  const forged = await t.browser().follow(await t.browser().get('/auth/callback?code=abc&state=xyz'));
  assert.match(forged.body, /ログインできませんでした/);
});

test('after login the resident returns only to a page of this site', async () => {
  const b = t.browser();
  await b.get('/auth/login');
  const start = await b.post('/auth/start', { next: 'https://evil.example/' });
  assert.equal(start.statusCode, 303);
  const page = await b.loginResident('demo-06');
  assert.match(page.body, /マイページ/);
  for (const next of ['/%5Cevil.example/x', '//evil.example', 'https://evil.example']) {
    const response = await b.get(`/auth/login?next=${next}`);
    assert.equal(response.headers.location, '/mypage', next);
  }
});

test('stepping up from a password login to the card asks the provider again, card only, and does not loop', async () => {
  const b = t.browser();
  await b.loginResident('demo-02', 'password');
  // What a procedure's 「マイナンバーカードでログインし直す」 button posts.
  await b.follow(await b.post('/auth/start', { next: '/mypage', assurance: 'card' }));
  const action = /action="(\/demo-idp\/interaction\/[^"]+)"/.exec(b.lastHtml)?.[1];
  assert.ok(action, 'the provider shows its login screen again instead of reusing the password session');
  assert.doesNotMatch(b.lastHtml, /value="password"/, 'the password method is not offered for a card-only request');
  const refused = await b.post(action, { account: 'demo-02', method: 'password', pin: '' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /マイナンバーカードでの認証が必要です/);
  const page = await b.follow(await b.post(action, { account: 'demo-02', method: 'card', pin: '1234' }));
  assert.doesNotMatch(page.body, /パスワードによるログインです/);
  assert.equal((await b.get('/api/me/resident')).statusCode, 200, 'the card login links the registry record');
});
