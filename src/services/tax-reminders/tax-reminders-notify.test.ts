/**
 * A campaign through the real Notify pipeline (its SMS simulator, receipts and
 * statuses): one message per taxpayer, idempotent, and the dashboard's delivered /
 * failed counts coming from statusesByReference.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { settle } from '../../platform/notify/notify-test-kit.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { japanInstant, todayInJapan } from '../../platform/time/today.ts';
import { approveAndSchedule, createCampaign, dashboardOf, runSendJob } from './campaign-service.ts';
import { startPayment } from './pay-service.ts';
import { paymentsDb } from '../../platform/payments/payment-tables.ts';
import { DEMO_TEMPLATE } from './template-service.ts';
import { taxRemindersDb } from './tables.ts';
import type { StaffActor } from '../../platform/access/actor.ts';

const clock = japanInstant(todayInJapan(), 10 * 3600);
let t: TestApp;
before(async () => {
  t = await createTestApp({ realNotify: true, now: () => clock });
});
after(() => t.close());

async function actor(loginId: string, role: 'clerk' | 'manager'): Promise<StaffActor> {
  const row = await t.db.kysely.selectFrom('staff').select(['id', 'display_name']).where('login_id', '=', loginId).executeTakeFirstOrThrow();
  return { kind: 'staff', id: row.id, loginId, displayName: row.display_name, roles: [{ department: 'tax', role }] };
}

test('one SMS per row through Notify, sent once; delivered and failed counted from message statuses', async () => {
  const clerk = await actor('zeimu.tanto', 'clerk');
  const manager = await actor('zeimu.kacho', 'manager');
  const csv = [
    '納税義務者番号,氏名,電話番号,税目,年度,期別,金額,納期限',
    '300001,奥州 花子,090-1234-5678,市県民税,令和7年度,第3期,12300,令和7年12月25日',
    '300002,水沢 一郎,080-1111-2222,固定資産税,令和7年度,第3期,45000,令和7年12月25日',
    '300003,江刺 三郎,090-5555-0000,軽自動車税,令和7年度,全期,7200,令和7年5月31日', // the simulator reports this handset unreachable
  ].join('\n');
  const created = await createCampaign(t.platform, clerk, { title: 'Notify', body: DEMO_TEMPLATE.body, fileName: 'x.csv', bytes: Buffer.from(csv) }, 'req-1');
  assert.ok(created.ok);
  const scheduled = await approveAndSchedule(t.platform, manager, created.id, { sendAt: '', confirmed: true }, 'req-2');
  assert.ok(scheduled.ok && !scheduled.already);
  await sql`UPDATE jobs SET run_at = now() WHERE queue = 'tax-reminders.send'`.execute(t.db.kysely);
  await t.platform.jobs.drain();
  await runSendJob(t.platform, created.id); // a second run (e.g. after a crash) sends nothing more
  await settle(t.platform.notify.db, t.platform.jobs);

  const messages = await t.platform.notify.db.selectFrom('notify_messages').select(['reference', 'recipient', 'status', 'body']).where('source', '=', 'tax-reminders').execute();
  assert.equal(messages.length, 3);
  const recipients = await taxRemindersDb(t.db.kysely).selectFrom('tax_reminder_recipients').select(['id', 'message_body']).where('campaign_id', '=', created.id).execute();
  assert.deepEqual(messages.map((m) => m.reference).sort(), recipients.map((r) => r.id).sort());
  assert.ok(messages.every((m) => recipients.some((r) => r.message_body === m.body)));
  assert.deepEqual(messages.map((m) => m.recipient).sort(), ['+818011112222', '+819012345678', '+819055550000']);

  const { state, dashboard } = await dashboardOf(t.platform, clerk, created.id);
  assert.equal(state, 'sent');
  assert.deepEqual({ handed: dashboard.handed, delivered: dashboard.delivered, failed: dashboard.failed, inProgress: dashboard.inProgress, unknown: dashboard.unknown }, { handed: 3, delivered: 2, failed: 1, inProgress: 0, unknown: 0 });
  sentBodies = recipients.map((r) => r.message_body!);
});

let sentBodies: string[] = [];

test('two presses of 納付 at once (two tabs) open one checkout, never two payable ones', async () => {
  assert.ok(sentBodies.length > 0, 'needs the campaign sent above');
  const token = /\/p\/([A-Za-z0-9]{10})/.exec(sentBodies[0]!)![1]!;
  const [a, b, c] = await Promise.all([startPayment(t.platform, token), startPayment(t.platform, token), startPayment(t.platform, token)]);
  assert.match(a.redirect, /\/dev\/pay\/sim_/);
  assert.equal(b.redirect, a.redirect);
  assert.equal(c.redirect, a.redirect);
  const open = await paymentsDb(t.db.kysely).selectFrom('payments').select('id').where('source', '=', 'tax-reminders').where('status', '=', 'created').execute();
  assert.equal(open.length, 1);
  assert.equal((await startPayment(t.platform, token)).redirect, a.redirect, 'a later press reuses it too');
});
