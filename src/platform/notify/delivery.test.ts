/**
 * The pipeline end to end on the real app: queued messages, the app's own provider
 * simulators (real HTTP routes, answered in-process), the durable job queue and the
 * signed receipt callbacks.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import pino from 'pino';
import { JobQueue } from '../jobs/job-queue.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { passSeconds, settle } from './notify-test-kit.ts';
import { NotifyService } from './notify-service.ts';
import { addOptOut } from './opt-outs.ts';
import { routedFetch } from './routed-fetch.ts';
import { hexSignature } from './signatures.ts';

const SECRET = 'notify-test-secret-notify-test-secret-0123';
const LINE_USER = (n: number) => `U${n.toString(16).padStart(32, '0')}`;
const phone = (n: number) => `090-${String(1000 + Math.floor(n / 10000)).padStart(4, '0')}-${String(n % 10000).padStart(4, '1')}`;

let t: TestApp;
let clock = new Date('2026-04-01T10:00:00+09:00');
before(async () => {
  t = await createTestApp({ registry: false, realNotify: true, now: () => clock, env: { SESSION_SECRET: SECRET } });
});
after(() => t.close());

const db = () => t.platform.notify.db;
const clearAll = async () => {
  await db().deleteFrom('notify_messages').execute();
  await db().deleteFrom('notify_simulator_inbox').execute();
  await db().deleteFrom('notify_opt_outs').execute();
  await t.platform.db.kysely.deleteFrom('jobs').where('queue', 'like', 'notify.%').execute();
};

describe('delivery', () => {
  test('with 30% of provider calls failing (half after accepting), every message is delivered exactly once', async () => {
    await clearAll();
    t.platform.notify.simulator!.failPercent = 30;
    try {
      const ids: string[] = [];
      for (let i = 0; i < 40; i++) ids.push((await t.platform.notifier.send({ channel: 'sms', to: phone(i), body: `奥州市からのお知らせ ${i}`, source: 'test', reference: `r${i}` })).id);
      for (let i = 0; i < 20; i++) ids.push((await t.platform.notifier.send({ channel: 'line', to: LINE_USER(i + 1), body: `LINE ${i}`, source: 'test' })).id);
      await settle(db(), t.platform.jobs);
      const messages = await db().selectFrom('notify_messages').select(['id', 'status', 'attempts']).execute();
      assert.equal(messages.length, 60);
      assert.deepEqual(messages.filter((m) => m.status !== 'delivered'), []);
      assert.ok(messages.some((m) => m.attempts > 1), 'some needed retries');
      const inbox = await db().selectFrom('notify_simulator_inbox').select(['client_ref', 'calls', 'receipt_state']).execute();
      assert.equal(inbox.length, 60, 'each message reached the provider once');
      assert.deepEqual([...new Set(inbox.map((r) => r.client_ref))].sort(), [...ids].sort());
      // A lost answer is settled by the retry (recognised by the provider: calls > 1) or by the receipt overtaking it.
      const lost = await db().selectFrom('notify_message_events').select('message_id').where('event', '=', 'temporary-failure').where('detail', 'like', 'HTTP 502%').execute();
      assert.ok(lost.length > 0, 'some answers were lost after the provider had the message');
      assert.ok(inbox.every((r) => r.receipt_state === 'sent'));
      const timeline = await db().selectFrom('notify_message_events').select('event').distinct().execute();
      assert.ok(timeline.some((e) => e.event === 'temporary-failure'));
    } finally {
      t.platform.notify.simulator!.failPercent = 0;
    }
  });

  test('a restart in the middle of a batch loses nothing and sends nothing twice', async () => {
    await clearAll();
    for (let i = 0; i < 12; i++) await t.platform.notifier.send({ channel: 'sms', to: phone(100 + i), body: `batch ${i}`, idempotencyKey: `batch:${i}` });
    // Instance A sends a few, then dies in the middle of one: the provider has the
    // message, but A never hears back (its request never returns).
    const jobsA = new JobQueue(t.platform.db.kysely, pino({ level: 'silent' }));
    const realFetch = routedFetch(t.app, t.platform.config.publicUrl);
    let calls = 0;
    const dying: typeof realFetch = async (url, init) => {
      const response = await realFetch(url, init);
      if (url.includes('/dev/notify/sms') && ++calls === 4) return new Promise<Response>(() => {});
      return response;
    };
    const a = new NotifyService({ config: t.platform.config, db: t.platform.db.kysely, jobs: jobsA, log: pino({ level: 'silent' }), now: () => clock, secret: SECRET, fetch: dying });
    for (let i = 0; i < 3; i++) assert.equal(await jobsA.runOne(), true);
    void jobsA.runOne(); // hangs for ever: the crash
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stuck = await db().selectFrom('notify_messages').select(['id', 'status', 'sent_at']).where('status', '=', 'sending').where('sent_at', 'is', null).execute();
    assert.equal(stuck.length, 1, 'one message was in the provider’s hands when A died');
    // Instance B starts on the same database after the leases ran out.
    await t.platform.db.kysely.updateTable('jobs').set({ locked_until: new Date(Date.now() - 1000) }).where('state', '=', 'running').execute();
    await db().updateTable('notify_messages').set({ lease_until: new Date(Date.now() - 1000) }).where('status', '=', 'sending').execute();
    const jobsB = new JobQueue(t.platform.db.kysely, pino({ level: 'silent' }));
    new NotifyService({ config: t.platform.config, db: t.platform.db.kysely, jobs: jobsB, log: pino({ level: 'silent' }), now: () => clock, secret: SECRET, fetch: realFetch });
    await settle(db(), jobsB);
    void a;
    const messages = await db().selectFrom('notify_messages').select(['id', 'status']).execute();
    assert.equal(messages.length, 12);
    assert.ok(messages.every((m) => m.status === 'delivered'));
    const inbox = await db().selectFrom('notify_simulator_inbox').select(['client_ref', 'calls']).execute();
    assert.equal(inbox.length, 12, 'nothing sent twice');
    assert.equal(inbox.find((r) => r.client_ref === stuck[0]!.id)?.calls, 2, 'B retried the interrupted one and the provider recognised it');
  });

  test('the same idempotency key is one message, however often it is sent', async () => {
    await clearAll();
    const first = await t.platform.notifier.send({ channel: 'sms', to: '090-5555-0001', body: 'once', idempotencyKey: 'same-key' });
    const again = await t.platform.notifier.send({ channel: 'sms', to: '09055550001', body: 'once', idempotencyKey: 'same-key' });
    const parallel = await Promise.all([1, 2, 3].map(() => t.platform.notifier.send({ channel: 'sms', to: '09055550001', body: 'once', idempotencyKey: 'same-key' })));
    assert.equal(first.id, again.id);
    assert.ok(parallel.every((p) => p.id === first.id));
    await settle(db(), t.platform.jobs);
    assert.equal((await db().selectFrom('notify_simulator_inbox').selectAll().execute()).length, 1);
  });

  test('opted-out recipients are never sent anything, even when they opt out after the message was queued', async () => {
    await clearAll();
    await addOptOut(db(), { channel: 'sms', recipient: '+819011112222', source: 'staff' });
    const before = await t.platform.notifier.send({ channel: 'sms', to: '090-1111-2222', body: 'x' });
    const queued = await t.platform.notifier.send({ channel: 'sms', to: '090-3333-4444', body: 'y' });
    const email = await t.platform.notifier.send({ channel: 'email', to: 'x@example.jp', subject: 's', body: 'z' });
    await addOptOut(db(), { channel: 'sms', recipient: '+819033334444', source: 'staff' });
    await addOptOut(db(), { channel: 'sms', recipient: 'x@example.jp', source: 'staff' }); // another channel: no effect on email
    await settle(db(), t.platform.jobs);
    const status = async (id: string) => (await db().selectFrom('notify_messages').select(['status', 'failure_reason']).where('id', '=', id).executeTakeFirstOrThrow());
    assert.deepEqual(await status(before.id), { status: 'suppressed', failure_reason: 'opted-out' });
    assert.deepEqual(await status(queued.id), { status: 'suppressed', failure_reason: 'opted-out' });
    assert.equal((await status(email.id)).status, 'delivered');
    const inbox = await db().selectFrom('notify_simulator_inbox').select('channel').execute();
    assert.deepEqual(inbox.map((r) => r.channel), ['email']);
  });

  test('SMS waits for the end of quiet hours (Japan time) and is then sent; email does not wait; send-after is kept', async () => {
    await clearAll();
    clock = new Date('2026-04-01T22:30:00+09:00');
    try {
      const sms = await t.platform.notifier.send({ channel: 'sms', to: '090-7777-8888', body: '夜の通知' });
      const mail = await t.platform.notifier.send({ channel: 'email', to: 'night@example.jp', subject: '夜', body: '本文' });
      const later = await t.platform.notifier.send({ channel: 'line', to: LINE_USER(77), body: '予約', sendAfter: new Date('2026-04-02T12:00:00+09:00') });
      await passSeconds(db(), t.platform.jobs, 5);
      const row = (id: string) => db().selectFrom('notify_messages').select(['status', 'next_attempt_at']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual(await row(sms.id), { status: 'created', next_attempt_at: new Date('2026-04-02T08:00:00+09:00') });
      assert.equal((await row(mail.id)).status, 'delivered', JSON.stringify(await db().selectFrom('notify_message_events').selectAll().where('message_id', '=', mail.id).execute()) + JSON.stringify(await t.platform.db.kysely.selectFrom('jobs').selectAll().where('queue', 'like', 'notify%').execute()));
      assert.equal((await row(later.id)).status, 'created');
      const wake = await t.platform.db.kysely.selectFrom('jobs').select('run_at').where('queue', '=', 'notify.deliver').where('state', '=', 'queued').where(sql<boolean>`payload->>'messageId' = ${sms.id}`).orderBy('run_at').executeTakeFirstOrThrow();
      assert.ok(wake.run_at.getTime() > Date.now() + 9 * 3600_000 - 60_000, 'the wake-up is at 8:00, not before');
      // Morning: 8:00 in Oshu.
      clock = new Date('2026-04-02T08:00:00+09:00');
      await t.platform.db.kysely.updateTable('jobs').set({ run_at: new Date(Date.now() - 1000) }).where('queue', '=', 'notify.deliver').where('state', '=', 'queued').execute();
      await passSeconds(db(), t.platform.jobs, 5);
      assert.equal((await row(sms.id)).status, 'delivered');
      assert.equal((await row(later.id)).status, 'created', 'send-after 12:00 still waits');
      clock = new Date('2026-04-02T12:00:00+09:00');
      await settle(db(), t.platform.jobs);
      assert.equal((await row(later.id)).status, 'delivered');
      const events = await db().selectFrom('notify_message_events').select(['event', 'detail']).where('message_id', '=', sms.id).orderBy('id').execute();
      assert.deepEqual(events.map((e) => e.event), ['created', 'postponed', 'sending', 'accepted', 'receipt']);
    } finally {
      clock = new Date('2026-04-01T10:00:00+09:00');
    }
  });

  test('receipts update the status: delivered, failed (simulated unreachable handset), and forged ones are refused', async () => {
    await clearAll();
    const bad = await t.platform.notifier.send({ channel: 'sms', to: '090-1234-0000', body: 'to an unreachable handset' });
    await settle(db(), t.platform.jobs);
    const failed = await db().selectFrom('notify_messages').select(['status', 'failure_reason']).where('id', '=', bad.id).executeTakeFirstOrThrow();
    assert.equal(failed.status, 'failed');
    assert.match(failed.failure_reason ?? '', /receipt: unreachable/);

    const { provider_ref } = await db().selectFrom('notify_messages').select('provider_ref').where('id', '=', bad.id).executeTakeFirstOrThrow();
    const body = JSON.stringify({ id: provider_ref, clientRef: bad.id, status: 'delivered' });
    const forged = await t.app.inject({ method: 'POST', url: '/api/notify/v1/receipts/sms', headers: { 'content-type': 'application/json', 'x-notify-signature': hexSignature('not-the-token', body) }, payload: body });
    assert.equal(forged.statusCode, 401);
    assert.equal(forged.json().error.code, 'bad_signature');
    const unsigned = await t.app.inject({ method: 'POST', url: '/api/notify/v1/receipts/line', headers: { 'content-type': 'application/json' }, payload: '{"events":[]}' });
    assert.equal(unsigned.statusCode, 401);

    // A genuine (signed) "delivered" receipt for a message we had marked failed: delivery is what happened.
    const signed = await t.app.inject({ method: 'POST', url: '/api/notify/v1/receipts/sms', headers: { 'content-type': 'application/json', 'x-notify-signature': hexSignature(t.platform.notify.secrets.smsToken, body) }, payload: body });
    assert.equal(signed.statusCode, 200);
    assert.equal((await db().selectFrom('notify_messages').select('status').where('id', '=', bad.id).executeTakeFirstOrThrow()).status, 'delivered');
    const mismatch = JSON.stringify({ id: 'another-ref', clientRef: bad.id, status: 'failed' });
    const refused = await t.app.inject({ method: 'POST', url: '/api/notify/v1/receipts/sms', headers: { 'content-type': 'application/json', 'x-notify-signature': hexSignature(t.platform.notify.secrets.smsToken, mismatch) }, payload: mismatch });
    assert.deepEqual(refused.json(), { applied: 0, ignored: 0, unknown: 1 }, 'a receipt whose provider id does not match is not applied');
    const unknown = JSON.stringify({ id: 'nobody', status: 'delivered' });
    const answer = await t.app.inject({ method: 'POST', url: '/api/notify/v1/receipts/sms', headers: { 'content-type': 'application/json', 'x-notify-signature': hexSignature(t.platform.notify.secrets.smsToken, unknown) }, payload: unknown });
    assert.deepEqual(answer.json(), { applied: 0, ignored: 0, unknown: 1 });
  });

  test('email goes through the embedded SMTP sink; push is encrypted, delivered and decrypted; a gone subscription fails and is opted out', async () => {
    await clearAll();
    const mail = await t.platform.notifier.send({ channel: 'email', to: 'hanako@example.jp', subject: '【奥州市】納税のお知らせ', body: '奥州 花子 様\n市県民税の納期限は4月30日です。' });
    const subscription = await t.platform.notify.simulatedPushSubscription();
    const push = await t.platform.notifier.send({ channel: 'push', to: JSON.stringify(subscription), subject: '防災情報', body: '大雨警報が発表されました' });
    await settle(db(), t.platform.jobs);
    const inbox = await db().selectFrom('notify_simulator_inbox').selectAll().orderBy('id').execute();
    const email = inbox.find((r) => r.channel === 'email')!;
    assert.equal(email.subject, '【奥州市】納税のお知らせ');
    assert.equal(email.body, '奥州 花子 様\n市県民税の納期限は4月30日です。');
    assert.equal(email.recipient, 'hanako@example.jp');
    assert.equal(email.client_ref, mail.id);
    const pushed = inbox.find((r) => r.channel === 'push')!;
    assert.deepEqual([pushed.subject, pushed.body], ['防災情報', '大雨警報が発表されました']);
    const statuses = await db().selectFrom('notify_messages').select(['id', 'status']).execute();
    assert.ok(statuses.every((s) => s.status === 'delivered'), JSON.stringify(statuses));
    assert.equal(statuses.find((s) => s.id === push.id)?.status, 'delivered');

    const token = subscription.endpoint.split('/').at(-1)!;
    await t.app.inject({ method: 'POST', url: `/dev/notify/push/${token}/unsubscribe` });
    const gone = await t.platform.notifier.send({ channel: 'push', to: JSON.stringify(subscription), body: 'また' });
    await settle(db(), t.platform.jobs);
    const row = await db().selectFrom('notify_messages').select(['status', 'failure_reason']).where('id', '=', gone.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'failed');
    assert.match(row.failure_reason ?? '', /410/);
    const third = await t.platform.notifier.send({ channel: 'push', to: JSON.stringify(subscription), body: 'もう一度' });
    assert.equal((await db().selectFrom('notify_messages').select('status').where('id', '=', third.id).executeTakeFirstOrThrow()).status, 'suppressed');
  });

  test('invalid recipients are refused at send time with the field named', async () => {
    await assert.rejects(t.platform.notifier.send({ channel: 'sms', to: '0120-12', body: 'x' }), (error: Error & { fields?: { field: string; messageKey: string }[] }) => {
      assert.deepEqual(error.fields, [{ field: 'to', messageKey: 'notify.error.phone' }]);
      return true;
    });
  });

  test('the simulator page shows what arrived, marked as the development simulator', async () => {
    assert.equal((await t.app.inject('/dev/notify')).statusCode, 303, 'bodies hold personal data: staff only');
    const admin = t.browser();
    await admin.loginStaff('admin');
    const page = await admin.get('/dev/notify');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /開発用/);
    assert.match(page.body, /大雨警報が発表されました|受信したメッセージ/);
    const doc = (await t.app.inject('/api/openapi.json')).json();
    assert.equal(Object.keys(doc.paths).some((p) => p.startsWith('/dev/')), false, 'simulators are not in the API document');
  });
});

describe('the sweep', () => {
  test('re-queues a message whose delivery job is gone, and fails one whose receipt never came', async () => {
    await clearAll();
    const { sweep } = await import('./sweep.ts');
    const stranded = await t.platform.notifier.send({ channel: 'sms', to: '090-6666-1234', body: 'lost job' });
    const waiting = await t.platform.notifier.send({ channel: 'sms', to: '090-6666-5678', body: 'no receipt' });
    // The first one's job is lost; the second one was accepted four days ago and nothing came back.
    await t.platform.db.kysely.deleteFrom('jobs').where('queue', '=', 'notify.deliver').where(sql<boolean>`payload->>'messageId' = ${stranded.id}`).execute();
    await db().updateTable('notify_messages').set({ updated_at: new Date(Date.now() - 3600_000) }).where('id', '=', stranded.id).execute();
    await t.platform.db.kysely.deleteFrom('jobs').where('queue', '=', 'notify.deliver').where(sql<boolean>`payload->>'messageId' = ${waiting.id}`).execute();
    await db().updateTable('notify_messages').set({ status: 'sending', sent_at: new Date(Date.now() - 96 * 3600_000), provider_ref: 'x' }).where('id', '=', waiting.id).execute();
    assert.deepEqual(await sweep(db(), t.platform.jobs), { woken: 1, expired: 1 });
    assert.deepEqual(await sweep(db(), t.platform.jobs), { woken: 0, expired: 0 }, 'nothing twice');
    await settle(db(), t.platform.jobs);
    const status = async (id: string) => (await db().selectFrom('notify_messages').select(['status', 'failure_reason']).where('id', '=', id).executeTakeFirstOrThrow());
    assert.equal((await status(stranded.id)).status, 'delivered');
    assert.deepEqual(await status(waiting.id), { status: 'failed', failure_reason: 'no delivery receipt within 72 hours' });
    const next = await t.platform.db.kysely.selectFrom('jobs').select('run_at').where('queue', '=', 'notify-sweep').where('state', '=', 'queued').execute();
    assert.equal(next.length, 1, 'the next sweep is queued');
  });
});
