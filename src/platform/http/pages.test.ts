import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { allMessages } from '../i18n/i18n.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ registry: false });
});
after(() => t.close());

describe('pages and errors', () => {
  test('home lists the registered services and links to login', async () => {
    const home = await t.app.inject('/');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<html lang="ja">/);
    assert.match(home.body, /href="#main"/, 'skip link');
    assert.match(home.body, /デモ環境です/, 'the demo identity provider is marked as demo');
    assert.match(home.body, /住民票の記録の確認/, 'services register their entry on the home page');
  });

  test('unknown routes get a 404 page in the user’s language, or JSON under /api', async () => {
    const ja = await t.app.inject('/no/such/page');
    assert.equal(ja.statusCode, 404);
    assert.match(ja.body, /ページが見つかりません/);
    const en = await t.app.inject({ url: '/no/such/page', headers: { cookie: 'lang=en' } });
    assert.match(en.body, /Page not found/);
    assert.match(en.body, /<html lang="en">/);
    const api = await t.app.inject('/api/nothing');
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'not_found');
    assert.ok(!api.body.includes('at '), 'no stack trace');
  });

  test('the language switch works as a plain link and goes back where you were', async () => {
    const b = t.browser();
    const switched = await b.get('/lang?to=en&back=%2Fstaff%2Flogin');
    assert.equal(switched.statusCode, 303);
    assert.equal(switched.headers.location, '/staff/login');
    const page = await b.get('/staff/login');
    assert.match(page.body, /Staff login/);
    assert.match(page.body, /href="\/lang\?to=ja/);
    const offsite = await b.get('/lang?to=ja&back=https%3A%2F%2Fevil.example');
    assert.equal(offsite.headers.location, '/');
  });

  test('a malformed JSON body is a clear 400 answer, not a stack trace', async () => {
    const b = t.browser();
    await b.get('/staff/login');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/registry/residents',
      headers: { 'content-type': 'application/json' },
      payload: '{"broken": ',
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'FST_ERR_CTP_INVALID_JSON_BODY');
    assert.ok(!response.body.includes('node_modules'));
  });

  test('security headers are set on every page', async () => {
    const response = await t.app.inject('/');
    assert.match(String(response.headers['content-security-policy']), /default-src 'self'/);
    assert.match(String(response.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.ok(response.headers['referrer-policy']);
    assert.match(String(response.headers['set-cookie']), /oshu_csrf=.*HttpOnly; SameSite=Lax/);
  });
});

describe('operations', () => {
  test('/healthz, /readyz and /metrics', async () => {
    assert.deepEqual((await t.app.inject('/healthz')).json(), { status: 'ok' });
    const ready = await t.app.inject('/readyz');
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json().status, 'ready');
    const metrics = await t.app.inject('/metrics');
    assert.match(String(metrics.headers['content-type']), /text\/plain/);
    assert.match(metrics.body, /oshu_http_request_duration_seconds_bucket\{[^}]*route="\/readyz"/);
    assert.match(metrics.body, /oshu_process_cpu_user_seconds_total/);
  });

  test('with METRICS_TOKEN set, /metrics needs it', async () => {
    const token = 'metrics-token-for-the-scraper-2026';
    const guarded = await createTestApp({ registry: false, env: { METRICS_TOKEN: token } });
    try {
      assert.equal((await guarded.app.inject('/metrics')).statusCode, 401);
      assert.equal((await guarded.app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong-token-wrong-token-xx' } })).statusCode, 401);
      const ok = await guarded.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}` } });
      assert.equal(ok.statusCode, 200);
      assert.match(ok.body, /oshu_http_request_duration_seconds/);
    } finally {
      await guarded.close();
    }
  });

  test('the OpenAPI document describes the JSON API and the viewer is served', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    assert.equal(doc.openapi.slice(0, 2), '3.');
    assert.ok(doc.paths['/api/registry/residents'].get);
    assert.ok(doc.paths['/api/registry/residents/{id}'].get);
    assert.ok(doc.paths['/api/me/resident'].get);
    assert.equal(doc.paths['/staff/login'], undefined, 'pages are not part of the API document');
    const viewer = await t.app.inject('/api/docs/');
    assert.equal(viewer.statusCode, 200);
    assert.match(viewer.body, /swagger/i);
  });

  test('styles come from the Digital Agency design tokens', async () => {
    const tokens = await t.app.inject('/assets/tokens.css');
    assert.equal(tokens.statusCode, 200);
    assert.match(tokens.body, /--color-primitive-blue-900/);
    const css = await t.app.inject('/assets/app.css');
    assert.match(css.body, /var\(--color-primitive-blue-900\)/);
  });
});

test('every message has a Japanese and an English text', () => {
  const { ja, en } = allMessages();
  assert.deepEqual(Object.keys(ja).filter((k) => !(k in en)), []);
  assert.deepEqual(Object.keys(en).filter((k) => !(k in ja)), []);
  assert.ok(Object.keys(ja).length > 200);
});
