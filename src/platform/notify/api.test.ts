/** The Notify API with its three kinds of key, as an outside system would call it. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { createApiKey } from './api-keys.ts';
import { settle } from './notify-test-kit.ts';
import { createTemplate } from './templates.ts';

let t: TestApp;
const keys: Record<'test' | 'team' | 'live' | 'other', string> = { test: '', team: '', live: '', other: '' };
let templateId = '';

before(async () => {
  t = await createTestApp({ registry: false, realNotify: true, now: () => new Date('2026-04-01T10:00:00+09:00') });
  const db = t.platform.notify.db;
  for (const kind of ['test', 'team', 'live'] as const) keys[kind] = (await createApiKey(db, { name: `${kind} key`, kind, source: 'tax-reminders', createdBy: null })).secret;
  keys.other = (await createApiKey(db, { name: 'other', kind: 'live', source: 'transit', createdBy: null })).secret;
  await db.insertInto('notify_team_recipients').values({ api_key_id: null, channel: 'sms', recipient: '+819011112345', created_by: null }).execute();
  templateId = await createTemplate(db, { name: '督促', smsBody: '((氏名))様 ((税目))の納付をお願いします。((金額))円', emailSubject: '', emailBody: '', lineBody: '', pushTitle: '', pushBody: '' }, null);
});
after(() => t.close());

const send = (key: string, body: unknown, lang = 'ja') =>
  t.app.inject({ method: 'POST', url: '/api/notify/v1/messages', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'accept-language': lang }, payload: JSON.stringify(body) });

describe('API keys', () => {
  test('a test key is accepted and shown as delivered, but nothing reaches a provider', async () => {
    const answer = await send(keys.test, { channel: 'sms', to: '090-2222-3333', body: 'テスト' });
    assert.equal(answer.statusCode, 201);
    assert.equal(answer.json().status, 'delivered');
    assert.equal(answer.json().to, '+819022223333');
    await settle(t.platform.notify.db, t.platform.jobs);
    assert.equal((await t.platform.notify.db.selectFrom('notify_simulator_inbox').select('id').where('recipient', '=', '+819022223333').execute()).length, 0);
  });

  test('a team key sends only to allow-listed recipients; others are refused naming the rule', async () => {
    const refused = await send(keys.team, { channel: 'sms', to: '090-2222-4444', body: 'x' });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().error.code, 'team_key_recipient');
    assert.match(refused.json().error.message, /許可リスト/);
    assert.deepEqual(refused.json().error.fields.map((f: { field: string }) => f.field), ['to']);
    const english = await send(keys.team, { channel: 'sms', to: '090-2222-4444', body: 'x' }, 'en');
    assert.match(english.json().error.fields[0].message, /allow-list/);
    const allowed = await send(keys.team, { channel: 'sms', to: '09011112345', body: 'チーム' });
    assert.equal(allowed.statusCode, 201);
    await settle(t.platform.notify.db, t.platform.jobs);
    const status = await t.app.inject({ url: `/api/notify/v1/messages/${allowed.json().id}`, headers: { authorization: `Bearer ${keys.team}` } });
    assert.equal(status.json().status, 'delivered');
  });

  test('a live key sends with a template; the same idempotency key returns the same message', async () => {
    const body = { channel: 'sms', to: '090-5555-6666', templateId, personalisation: { 氏名: '奥州 花子', 税目: '市県民税', 金額: 12300 }, reference: 'row-1', idempotencyKey: 'campaign-1:row-1' };
    const first = await send(keys.live, body);
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.json().body, '奥州 花子様 市県民税の納付をお願いします。12300円');
    assert.deepEqual(first.json().template, { id: templateId, version: 1 });
    const again = await send(keys.live, body);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().id, first.json().id);
    const asTest = await send(keys.test, body);
    assert.notEqual(asTest.json().id, first.json().id, 'a test key’s idempotency keys are its own');
    await settle(t.platform.notify.db, t.platform.jobs);
    const inbox = await t.platform.notify.db.selectFrom('notify_simulator_inbox').select(['body']).where('recipient', '=', '+819055556666').execute();
    assert.deepEqual(inbox.map((r) => r.body), ['奥州 花子様 市県民税の納付をお願いします。12300円']);
    const status = await t.app.inject({ url: `/api/notify/v1/messages/${first.json().id}`, headers: { authorization: `Bearer ${keys.live}` } });
    assert.equal(status.json().status, 'delivered');
    assert.equal(status.json().reference, 'row-1');
    const otherService = await t.app.inject({ url: `/api/notify/v1/messages/${first.json().id}`, headers: { authorization: `Bearer ${keys.other}` } });
    assert.equal(otherService.statusCode, 404, 'another service’s key cannot read it');
  });

  test('missing, wrong and revoked keys get 401', async () => {
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/notify/v1/messages', headers: { 'content-type': 'application/json' }, payload: '{}' })).statusCode, 401);
    assert.equal((await send(`oshu-live-${'A'.repeat(43)}`, { channel: 'sms', to: '09012345678', body: 'x' })).statusCode, 401);
    const { id, secret } = await createApiKey(t.platform.notify.db, { name: 'soon revoked', kind: 'live', source: 'x', createdBy: null });
    assert.equal((await send(secret, { channel: 'sms', to: '09012345678', body: 'x' })).statusCode, 201);
    await t.platform.notify.db.updateTable('notify_api_keys').set({ revoked_at: new Date() }).where('id', '=', id).execute();
    const revoked = await send(secret, { channel: 'sms', to: '09012345678', body: 'x' });
    assert.equal(revoked.statusCode, 401);
    assert.equal(revoked.json().error.code, 'invalid_api_key');
  });
});

describe('bad input names the field', () => {
  test('invalid numbers and addresses, oversize SMS, unknown placeholders, unknown fields', async () => {
    const phone = await send(keys.live, { channel: 'sms', to: '03-1234', body: 'x' });
    assert.equal(phone.statusCode, 400);
    assert.deepEqual(phone.json().error.fields.map((f: { field: string }) => f.field), ['to']);
    assert.match(phone.json().error.fields[0].message, /日本の電話番号/);
    const email = await send(keys.live, { channel: 'email', to: 'not-an-address', subject: 's', body: 'b' }, 'en');
    assert.match(email.json().error.fields[0].message, /"to" must be an email address/);
    const long = await send(keys.live, { channel: 'sms', to: '09012345678', body: 'あ'.repeat(700) });
    assert.match(long.json().error.fields[0].message, /11通分/);
    const missing = await send(keys.live, { channel: 'sms', to: '09012345678', templateId, personalisation: { 氏名: '奥州' } });
    assert.equal(missing.json().error.fields[0].field, 'personalisation');
    assert.match(missing.json().error.fields[0].message, /税目、金額/);
    const noLine = await send(keys.live, { channel: 'line', to: `U${'a'.repeat(32)}`, templateId });
    assert.equal(noLine.json().error.fields[0].field, 'channel');
    const unknownTemplate = await send(keys.live, { channel: 'sms', to: '09012345678', templateId: '00000000-0000-4000-8000-000000000000' });
    assert.equal(unknownTemplate.json().error.fields[0].field, 'templateId');
    const extra = await send(keys.live, { channel: 'sms', to: '09012345678', body: 'x', colour: 'red' });
    assert.equal(extra.statusCode, 400);
    const channel = await send(keys.live, { channel: 'fax', to: '09012345678', body: 'x' });
    assert.equal(channel.statusCode, 400);
    assert.match(channel.json().error.fields[0].field, /channel/);
  });

  test('the API is in the OpenAPI document with its bearer key; receipts too', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    assert.ok(doc.paths['/api/notify/v1/messages'].post);
    assert.ok(doc.paths['/api/notify/v1/messages/{id}'].get);
    assert.ok(doc.paths['/api/notify/v1/receipts/sms'].post);
    assert.equal(doc.components.securitySchemes.notifyApiKey.scheme, 'bearer');
    assert.deepEqual(doc.paths['/api/notify/v1/messages'].post.security, [{ notifyApiKey: [] }]);
  });
});
