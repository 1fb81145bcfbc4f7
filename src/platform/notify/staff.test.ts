/** Notify's staff pages: who may see and change what, and the pages working without JavaScript. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { settle } from './notify-test-kit.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ registry: false, realNotify: true, now: () => new Date('2026-04-01T10:00:00+09:00') });
  await t.platform.notifier.send({ channel: 'sms', to: '090-4444-5555', body: '奥州市です。ご予約を承りました。', source: 'transit', reference: 'T-1' });
  await settle(t.platform.notify.db, t.platform.jobs);
});
after(() => t.close());

describe('authorisation', () => {
  test('DX staff see the menu entry and the pages; other departments get 403; no login goes to the login page', async () => {
    const admin = t.browser();
    const home = await admin.loginStaff('admin');
    assert.match(home.body, /href="\/staff\/notify"/);
    for (const url of ['/staff/notify', '/staff/notify/templates', '/staff/notify/api-keys', '/staff/notify/opt-outs', '/staff/notify/templates/new']) {
      assert.equal((await admin.get(url)).statusCode, 200, url);
    }
    const tax = t.browser();
    const taxHome = await tax.loginStaff('zeimu.tanto');
    assert.doesNotMatch(taxHome.body, /href="\/staff\/notify"/);
    for (const url of ['/staff/notify', '/staff/notify/templates', '/staff/notify/api-keys', '/staff/notify/opt-outs']) {
      assert.equal((await tax.get(url)).statusCode, 403, url);
    }
    assert.equal((await tax.post('/staff/notify/api-keys', { name: 'x', source: 'x', kind: 'live' })).statusCode, 403);
    assert.equal((await tax.post('/staff/notify/opt-outs', { channel: 'sms', recipient: '09012345678', reason: '' })).statusCode, 403);
    const anonymous = await t.app.inject('/staff/notify');
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/staff\/login/);
  });
});

describe('pages', () => {
  test('the message list filters and links to a message with its timeline', async () => {
    const b = t.browser();
    await b.loginStaff('admin');
    const list = await b.get('/staff/notify?status=delivered&channel=sms&source=transit&from=2026-01-01');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /090\*\*\*\*55/, 'recipients masked in the list');
    assert.doesNotMatch(list.body, /09044445555/);
    const empty = await b.get('/staff/notify?status=failed');
    assert.match(empty.body, /該当するものはありません/);
    const id = /href="\/staff\/notify\/messages\/([0-9a-f-]{36})"/.exec(list.body)?.[1];
    assert.ok(id);
    const detail = await b.get(`/staff/notify/messages/${id}`);
    assert.match(detail.body, /ご予約を承りました/);
    assert.match(detail.body, /配達通知/, 'the receipt is on the timeline');
    assert.match(detail.body, /\+819044445555/);
    assert.equal((await b.get('/staff/notify?status=nonsense')).statusCode, 400);
    assert.equal((await b.get('/staff/notify/messages/00000000-0000-4000-8000-000000000000')).statusCode, 404);
  });

  test('templates: create, edit as a new version, preview with sample values and SMS length', async () => {
    const b = t.browser();
    await b.loginStaff('admin');
    const invalid = await b.post('/staff/notify/templates/new', { name: '', smsBody: '', emailSubject: '件名', emailBody: '', lineBody: '', pushTitle: '', pushBody: '' });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /テンプレート名/);
    const created = await b.post('/staff/notify/templates/new', { name: '納税のお知らせ', smsBody: '((氏名))様 納期限は((期限))です。', emailSubject: '', emailBody: '', lineBody: '', pushTitle: '', pushBody: '' });
    assert.equal(created.statusCode, 303);
    const url = String(created.headers.location);
    const page = await b.get(url);
    assert.match(page.body, /第1版|版/);
    assert.match(page.body, /通分/, 'SMS length shown');
    const saved = await b.post(url, { name: '納税のお知らせ', smsBody: '((氏名))様 納期限は((期限))です。奥州市', emailSubject: '', emailBody: '', lineBody: '', pushTitle: '', pushBody: '' });
    assert.equal(saved.statusCode, 303);
    const versions = await t.platform.notify.db.selectFrom('notify_template_versions').select('version').where('template_id', '=', url.split('/').at(-1)!).execute();
    assert.deepEqual(versions.map((v) => v.version).sort(), [1, 2]);
    const preview = await b.post(`${url}/preview`, { name0: '氏名', value0: '奥州 花子', name1: '期限', value1: '4月30日' });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /奥州 花子様 納期限は4月30日です。奥州市/);
    assert.match(preview.body, /1通分/);
    const audit = await t.platform.db.kysely.selectFrom('audit_log').select('action').where('action', 'like', 'notify.template.%').execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['notify.template.create', 'notify.template.version']);
  });

  test('API keys: the secret is shown once; it works; revoking stops it', async () => {
    const b = t.browser();
    await b.loginStaff('admin');
    const bad = await b.post('/staff/notify/api-keys', { name: '', source: 'Tax Reminders', kind: 'live' });
    assert.equal(bad.statusCode, 400);
    const created = await b.post('/staff/notify/api-keys', { name: '督促キャンペーン', source: 'tax-reminders', kind: 'live' });
    assert.equal(created.statusCode, 201);
    assert.equal(created.headers['cache-control'], 'no-store');
    const secret = /id="api-key-secret">(oshu-live-[A-Za-z0-9_-]+)</.exec(created.body)?.[1];
    assert.ok(secret);
    const list = await b.get('/staff/notify/api-keys');
    assert.doesNotMatch(list.body, new RegExp(secret), 'never shown again');
    const use = await t.app.inject({ method: 'POST', url: '/api/notify/v1/messages', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, payload: JSON.stringify({ channel: 'sms', to: '09012341234', body: 'x' }) });
    assert.equal(use.statusCode, 201);
    const keyId = /action="\/staff\/notify\/api-keys\/([0-9a-f-]{36})\/revoke"/.exec(list.body)?.[1];
    assert.equal((await b.post(`/staff/notify/api-keys/${keyId}/revoke`)).statusCode, 303);
    const after = await t.app.inject({ method: 'POST', url: '/api/notify/v1/messages', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, payload: JSON.stringify({ channel: 'sms', to: '09012341234', body: 'x' }) });
    assert.equal(after.statusCode, 401);
    const added = await b.post('/staff/notify/team-recipients', { keyId: '', channel: 'sms', recipient: '０９０-１２３４-９９９９' });
    assert.equal(added.statusCode, 303);
    assert.ok(await t.platform.notify.db.selectFrom('notify_team_recipients').select('id').where('recipient', '=', '+819012349999').executeTakeFirst());
    const wrong = await b.post('/staff/notify/team-recipients', { keyId: '', channel: 'sms', recipient: '12' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /日本の電話番号/);
  });

  test('opt-outs: add (normalised) and remove, audited', async () => {
    const b = t.browser();
    await b.loginStaff('admin');
    assert.equal((await b.post('/staff/notify/opt-outs', { channel: 'sms', recipient: '090 8888 7777', reason: '本人から電話で申し出' })).statusCode, 303);
    const page = await b.get('/staff/notify/opt-outs');
    assert.match(page.body, /09088887777/);
    const { id } = await t.platform.notifier.send({ channel: 'sms', to: '09088887777', body: 'x' });
    assert.equal((await t.platform.notify.db.selectFrom('notify_messages').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'suppressed');
    assert.equal((await b.post('/staff/notify/opt-outs/delete', { channel: 'sms', recipient: '+819088887777' })).statusCode, 303);
    assert.doesNotMatch((await b.get('/staff/notify/opt-outs')).body, /09088887777/);
    const invalid = await b.post('/staff/notify/opt-outs', { channel: 'email', recipient: 'nope', reason: '' });
    assert.equal(invalid.statusCode, 400);
    const audit = await t.platform.db.kysely.selectFrom('audit_log').select('action').where('action', 'like', 'notify.optOut.%').execute();
    assert.deepEqual(audit.map((a) => a.action), ['notify.optOut.add', 'notify.optOut.remove']);
  });

  test('pages work in English too', async () => {
    const b = t.browser();
    await b.loginStaff('admin');
    const page = await b.get('/staff/notify', { cookie: `${[...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ')}; lang=en` });
    assert.match(page.body, /Notifications/);
  });
});
