import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { Payments, transition } from './payments.ts';
import { SIGNATURE_HEADER, SimulatorProvider } from './simulator-provider.ts';
import { paymentsDb } from './payment-tables.ts';

let db: TestDatabase;
let clock = new Date('2026-02-10T01:00:00Z');
const now = () => clock;
let simulator: SimulatorProvider;
let payments: Payments;
before(async () => {
  db = await createTestDatabase();
  simulator = new SimulatorProvider(db.kysely, { publicUrl: 'http://localhost:3000', secret: 'a-test-secret-of-enough-length-000000', now });
  payments = new Payments(db.kysely, simulator, { publicUrl: 'http://localhost:3000', now, log: pino({ level: 'silent' }) });
});
after(() => db.close());

async function newPayment(amountYen = 12300) {
  return payments.create({ source: 'test', reference: `ref-${Math.random()}`, amountYen, description: '奥州市 令和7年度 市県民税 第3期', returnUrl: '/back?payment={paymentId}' });
}
const refOf = (redirectUrl: string) => redirectUrl.split('/').pop()!;
const events = async (paymentId: string) => paymentsDb(db.kysely).selectFrom('payment_events').selectAll().where('payment_id', '=', paymentId).execute();

describe('the simulated gateway and idempotent capture', () => {
  test('create → checkout → pay → signed webhook → paid, audited once', async () => {
    const { payment, redirectUrl } = await newPayment();
    assert.equal(payment.status, 'created');
    assert.match(redirectUrl, /^http:\/\/localhost:3000\/dev\/pay\/sim_[A-Za-z0-9_-]{22}$/);
    assert.equal(payment.returnUrl, `http://localhost:3000/back?payment=${payment.id}`);
    const ref = refOf(redirectUrl);
    assert.equal((await simulator.checkout(ref))!.amount_yen, 12300);
    const settled = await simulator.settle(ref, 'pay');
    assert.deepEqual(settled, { outcome: 'paid', changed: true, returnUrl: payment.returnUrl });
    assert.deepEqual(await simulator.settle(ref, 'cancel'), { outcome: 'paid', changed: false, returnUrl: payment.returnUrl }, 'a second press changes nothing');
    const hook = (await simulator.webhookFor(ref))!;
    assert.equal(await payments.receiveWebhook('simulator', hook.headers, hook.body), 'applied');
    const paid = (await payments.get(payment.id))!;
    assert.equal(paid.status, 'paid');
    assert.equal(paid.paidAt!.toISOString(), new Date(Math.floor(clock.getTime() / 1000) * 1000).toISOString());
    // The same webhook again (a retry, or a replay by someone who captured it): nothing changes.
    assert.equal(await payments.receiveWebhook('simulator', hook.headers, hook.body), 'unchanged');
    assert.equal((await events(payment.id)).length, 1);
    const audit = await db.kysely.selectFrom('audit_log').selectAll().where('target_id', '=', payment.id).execute();
    assert.deepEqual(audit.map((a) => a.action), ['payments.paid']);
  });

  test('forged, tampered, stale or misdirected webhooks are refused', async () => {
    const { payment, redirectUrl } = await newPayment(5000);
    const ref = refOf(redirectUrl);
    await simulator.settle(ref, 'pay');
    const hook = (await simulator.webhookFor(ref))!;
    const tampered = hook.body.replace('"amount":5000', '"amount":1');
    assert.equal(await payments.receiveWebhook('simulator', hook.headers, tampered), 'rejected', 'body changed after signing');
    assert.equal(await payments.receiveWebhook('simulator', {}, hook.body), 'rejected', 'no signature');
    const other = new SimulatorProvider(db.kysely, { publicUrl: 'http://localhost:3000', secret: 'another-secret-another-secret-0000000', now });
    assert.equal(await payments.receiveWebhook('simulator', { [SIGNATURE_HEADER]: other.sign(hook.body) }, hook.body), 'rejected', 'signed with another key');
    const stale = simulator.sign(hook.body, new Date(clock.getTime() - 10 * 60_000));
    assert.equal(await payments.receiveWebhook('simulator', { [SIGNATURE_HEADER]: stale }, hook.body), 'rejected', 'older than five minutes');
    assert.equal(await payments.receiveWebhook('card', hook.headers, hook.body), 'rejected', 'not the configured provider');
    // Correctly signed but for another amount than the city asked: not applied.
    assert.equal(await payments.receiveWebhook('simulator', { [SIGNATURE_HEADER]: simulator.sign(tampered) }, tampered), 'rejected');
    assert.equal((await payments.get(payment.id))!.status, 'created');
    assert.equal((await events(payment.id)).length, 0);
    assert.equal(await payments.receiveWebhook('simulator', hook.headers, hook.body), 'applied');
  });

  test('cancel, expiry, and a late capture that still counts', async () => {
    const cancelled = await newPayment(100);
    await simulator.settle(refOf(cancelled.redirectUrl), 'cancel');
    const hook = (await simulator.webhookFor(refOf(cancelled.redirectUrl)))!;
    assert.equal(await payments.receiveWebhook('simulator', hook.headers, hook.body), 'applied');
    assert.equal((await payments.get(cancelled.payment.id))!.status, 'cancelled');

    const late = await newPayment(200);
    await simulator.settle(refOf(late.redirectUrl), 'pay');
    clock = new Date(clock.getTime() + 31 * 60_000);
    assert.equal((await payments.get(late.payment.id))!.status, 'expired', 'unpaid after 30 minutes as far as the city knows');
    // The gateway captured in time but its webhook comes late (signed when sent).
    const lateHook = (await simulator.webhookFor(refOf(late.redirectUrl)))!;
    assert.equal(await payments.receiveWebhook('simulator', lateHook.headers, lateHook.body), 'applied');
    const paidLate = (await payments.get(late.payment.id))!;
    assert.equal(paidLate.status, 'paid', 'money taken is never lost');
    assert.ok(paidLate.paidAt! < paidLate.expiresAt, 'paid when the gateway captured it');

    const timedOut = await newPayment(300);
    clock = new Date(clock.getTime() + 31 * 60_000);
    assert.deepEqual(await simulator.settle(refOf(timedOut.redirectUrl), 'pay'), { outcome: 'expired', changed: true, returnUrl: timedOut.payment.returnUrl }, 'an expired checkout cannot be paid');
  });

  test('reconciliation by status when the webhook never came', async () => {
    const { payment, redirectUrl } = await newPayment(700);
    await simulator.settle(refOf(redirectUrl), 'pay');
    const reconciled = await payments.reconcile(payment.id);
    assert.equal(reconciled!.status, 'paid');
    assert.deepEqual((await events(payment.id)).map((e) => [e.via, e.outcome, e.applied]), [['status', 'paid', true]]);
    const hook = (await simulator.webhookFor(refOf(redirectUrl)))!;
    assert.equal(await payments.receiveWebhook('simulator', hook.headers, hook.body), 'unchanged', 'the webhook arriving later changes nothing');
    assert.deepEqual((await payments.byReferences('test', [payment.reference])).get(payment.reference)!.map((p) => p.status), ['paid']);
  });

  test('status transitions', () => {
    assert.equal(transition('created', 'paid'), 'paid');
    assert.equal(transition('created', 'cancelled'), 'cancelled');
    assert.equal(transition('expired', 'paid'), 'paid');
    assert.equal(transition('cancelled', 'expired'), null);
    assert.equal(transition('paid', 'cancelled'), null);
    assert.equal(transition('paid', 'paid'), null);
  });
});

describe('one open payment per reference', () => {
  test('openOrCreate: concurrent calls share one checkout; the unique index refuses a second open payment', async () => {
    const input = { source: 'test', reference: `race-${Math.random()}`, amountYen: 4500, description: '奥州市 令和7年度 軽自動車税 全期', returnUrl: '/back?payment={paymentId}' };
    const results = await Promise.all([payments.openOrCreate(input), payments.openOrCreate(input), payments.openOrCreate(input)]);
    assert.equal(new Set(results.map((r) => r.redirectUrl)).size, 1);
    assert.equal(results.filter((r) => !r.reused).length, 1);
    const rows = await paymentsDb(db.kysely).selectFrom('payments').select('status').where('reference', '=', input.reference).execute();
    assert.deepEqual(rows.map((r) => r.status), ['created']);
    await assert.rejects(payments.create(input), /payments_one_open|duplicate key/);
    // Once it is settled, a new one may be opened.
    await simulator.settle(refOf(results[0]!.redirectUrl), 'cancel');
    await payments.reconcile(results[0]!.payment.id);
    const again = await payments.openOrCreate(input);
    assert.equal(again.reused, false);
    assert.notEqual(again.redirectUrl, results[0]!.redirectUrl);
  });
});

describe('withdrawing an open payment (what it paid for is gone)', () => {
  const system = { kind: 'system', id: 'test' } as const;
  const withdraw = (reference: string) => db.kysely.transaction().execute((trx) => payments.cancelOpen(trx, { source: 'test', reference, reason: '予約の取消', actor: system }));

  test("cancelOpen goes with the caller's transaction; closeCheckouts makes the checkout refuse money", async () => {
    const { payment, redirectUrl } = await newPayment(3000);
    const ref = refOf(redirectUrl);
    await assert.rejects(
      db.kysely.transaction().execute(async (trx) => {
        await payments.cancelOpen(trx, { source: 'test', reference: payment.reference, reason: '予約の取消', actor: system });
        throw new Error('the caller failed');
      }),
      /the caller failed/,
    );
    assert.equal((await payments.get(payment.id))!.status, 'created', 'rolled back with the caller');
    const withdrawn = await withdraw(payment.reference);
    assert.deepEqual(withdrawn.map((p) => [p.id, p.status]), [[payment.id, 'cancelled']]);
    assert.deepEqual(await withdraw(payment.reference), [], 'nothing open any more');
    await payments.closeCheckouts(withdrawn);
    assert.equal((await simulator.checkout(ref))!.state, 'cancelled');
    assert.deepEqual(await simulator.settle(ref, 'pay'), { outcome: 'cancelled', changed: false, returnUrl: payment.returnUrl }, 'the checkout takes no money');
    assert.equal((await payments.get(payment.id))!.status, 'cancelled');
    const audit = await db.kysely.selectFrom('audit_log').select(['action', 'reason']).where('target_id', '=', payment.id).execute();
    assert.deepEqual(audit.map((a) => [a.action, a.reason]), [['payments.cancelled', '予約の取消']]);
  });

  test('a capture made before the checkout closed is learned at once: money taken is never lost', async () => {
    const { payment, redirectUrl } = await newPayment(800);
    await simulator.settle(refOf(redirectUrl), 'pay'); // its webhook has not come yet
    const withdrawn = await withdraw(payment.reference);
    await payments.closeCheckouts(withdrawn);
    const after = (await payments.get(payment.id))!;
    assert.equal(after.status, 'paid', 'the service sees it paid and refunds it');
    assert.equal(after.amountYen, 800);
  });
});
