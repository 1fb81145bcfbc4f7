/** A message a service sends on its own business (a tax reminder) is not open to every DX office member: masked recipient, no content, every look audited. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { settle } from '../notify-test-kit.ts';

const TAX_BODY = '奥州 花子様 奥州市税務課です。市県民税 12,300円が未納です。http://localhost:3000/p/ABCDEFGHJK';
let t: TestApp;
before(async () => {
  t = await createTestApp({ registry: false, realNotify: true, now: () => new Date('2026-04-01T10:00:00+09:00') });
  await t.platform.notifier.send({ channel: 'sms', to: '090-1234-5678', body: TAX_BODY, source: 'tax-reminders', reference: 'R-1' });
  await t.platform.notifier.send({ channel: 'sms', to: '090-4444-5555', body: '奥州市です。ご予約を承りました。', source: 'transit', reference: 'T-1' });
  await settle(t.platform.notify.db, t.platform.jobs);
});
after(() => t.close());

async function messageId(source: string): Promise<string> {
  return (await t.platform.notify.db.selectFrom('notify_messages').select('id').where('source', '=', source).executeTakeFirstOrThrow()).id;
}

async function views(id: string) {
  return t.db.kysely.selectFrom('audit_log').select(['actor_id', 'details']).where('action', '=', 'notify.message.viewed').where('target_id', '=', id).orderBy('seq').execute();
}

test('DX staff outside the tax department see a tax reminder masked, without its text, and the look is audited', async () => {
  const b = t.browser();
  await b.loginStaff('admin');
  const taxId = await messageId('tax-reminders');
  const detail = await b.get(`/staff/notify/messages/${taxId}`);
  assert.equal(detail.statusCode, 200);
  assert.doesNotMatch(detail.body, /奥州 花子|12,300|\/p\/ABCDEFGHJK/, 'no name, amount or pay link');
  assert.doesNotMatch(detail.body, /09012345678|\+819012345678/, 'no full number');
  assert.match(detail.body, /090\*\*\*\*78/, 'the number masked');
  assert.match(detail.body, /所管：tax/, 'the page says why');
  const audited = await views(taxId);
  assert.equal(audited.length, 1);
  assert.deepEqual(audited[0]!.details, { source: 'tax-reminders', contentShown: false });

  const transitId = await messageId('transit');
  const transit = await b.get(`/staff/notify/messages/${transitId}`);
  assert.match(transit.body, /ご予約を承りました/, 'messages of no owning department stay readable');
  assert.match(transit.body, /\+819044445555/);
  assert.equal((await views(transitId)).length, 1);
});

test('staff who also belong to the owning department see the content', async () => {
  const admin = await t.db.kysely.selectFrom('staff').select('id').where('login_id', '=', 'admin').executeTakeFirstOrThrow();
  await t.db.kysely.insertInto('staff_roles').values({ staff_id: admin.id, department_code: 'tax', role: 'clerk' }).execute();
  const b = t.browser();
  await b.loginStaff('admin');
  const taxId = await messageId('tax-reminders');
  const detail = await b.get(`/staff/notify/messages/${taxId}`);
  assert.match(detail.body, /奥州 花子様/);
  assert.match(detail.body, /\+819012345678/);
  const audited = await views(taxId);
  assert.equal(audited.length, 2);
  assert.deepEqual(audited[1]!.details, { source: 'tax-reminders', contentShown: true });
});
