import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { addDays, japanClock, japanInstant } from '../time/today.ts';
import { paymentsDb } from './payment-tables.ts';
import { paymentsKit, type PaymentsKit } from './payments-test-kit.ts';
import { compareDay } from './reconciliation-compare.ts';
import { RECONCILE_QUEUE } from './reconciliation-jobs.ts';

const DAY = '2026-05-12';
const SYSTEM = { type: 'system' as const, id: 'test' };

describe('compareDay (no I/O)', () => {
  const at = new Date('2026-05-12T01:00:00Z');
  const city = (paymentId: string, amountYen: number, kind: 'capture' | 'refund' = 'capture', refundId: string | null = null) => ({ kind, paymentId, refundId, providerRef: null, amountYen, method: null, occurredAt: at, source: 's', description: 'd' });
  const provider = (paymentId: string, amountYen: number, kind: 'capture' | 'refund' = 'capture', refundId: string | null = null) => ({ kind, paymentId, refundId, providerRef: 'p', providerRefundRef: null, amountYen, method: null, occurredAt: at });

  test('matches by the city’s ids and sorts out each kind of difference', () => {
    const result = compareDay(
      [city('a', 100), city('b', 200), city('c', 300), city('a', 50, 'refund', 'ra')],
      [provider('a', 100), provider('b', 250), provider('d', 400), provider('a', 50, 'refund', 'ra'), provider('a', 20, 'refund', 'rb')],
    );
    assert.deepEqual(result.matched.map((i) => `${i.kind}:${i.refundId ?? i.paymentId}`), ['capture:a', 'refund:ra']);
    assert.deepEqual(result.amountMismatches.map((i) => [i.paymentId, i.cityYen, i.providerYen]), [['b', 200, 250]]);
    assert.deepEqual(result.missingAtProvider.map((i) => i.paymentId), ['c']);
    assert.deepEqual(result.missingAtCity.map((i) => `${i.kind}:${i.refundId ?? i.paymentId}`), ['capture:d', 'refund:rb']);
    assert.deepEqual(result.totals, { city: { captures: 3, capturesYen: 600, refunds: 1, refundsYen: 50 }, provider: { captures: 3, capturesYen: 750, refunds: 2, refundsYen: 70 } });
  });
});

describe('the daily reconciliation against the simulator', () => {
  let db: TestDatabase;
  let kit: PaymentsKit;
  before(async () => {
    db = await createTestDatabase();
    kit = paymentsKit(db, japanInstant(DAY, 10 * 3600));
  });
  after(() => db.close());

  test('a lost webhook is found and fixed by a status query; an amount difference and a payment missing at the provider are reported for people', async () => {
    const ok = await kit.paid(3000);
    await kit.payments.refund({ paymentId: ok.id, amountYen: 1000, reason: '一部取消', idempotencyKey: 'recon-r1', actor: { kind: 'system', id: 'test' } });
    // Paid at the gateway, but its webhook never reached the city.
    const { payment: lost, ref: lostRef } = await kit.open(4400);
    await kit.pay(lostRef, { method: 'qr', webhook: false });
    assert.equal((await kit.payments.get(lost.id))!.status, 'created');
    // A wallet refund the gateway completed, whose webhook never came.
    const walletPaid = await kit.paid(1500, { method: 'qr' });
    const walletRefund = await kit.payments.refund({ paymentId: walletPaid.id, amountYen: 500, reason: '一部取消', idempotencyKey: 'recon-r2', actor: { kind: 'system', id: 'test' } });
    assert.equal(walletRefund.status, 'pending');
    await kit.simulator.ledger.completeRefund(walletRefund.providerRefundRef!, 'succeeded');
    // The gateway reports another amount than the city captured (a gateway-side error).
    const differs = await kit.paid(2000);
    await paymentsDb(db.kysely).updateTable('payment_simulator_checkouts').set({ amount_yen: 2200 }).where('ref', '=', differs.providerRef!).execute();
    // The gateway files one capture on the day before (it is missing from this day's report).
    const elsewhere = await kit.paid(700);
    await paymentsDb(db.kysely).updateTable('payment_simulator_checkouts').set({ completed_at: japanInstant(addDays(DAY, -1), 23 * 3600) }).where('ref', '=', elsewhere.providerRef!).execute();

    kit.clock.now = japanInstant(addDays(DAY, 1), 3600);
    const run = await kit.payments.reconcileDay(DAY, SYSTEM);
    const r = run.report;
    assert.equal(run.status, 'discrepancies');
    assert.deepEqual(r.resolved.map((i) => [i.kind, i.paymentId, i.refundId, i.cityYen, i.providerYen]).sort(), [['capture', lost.id, null, 4400, 4400], ['refund', walletPaid.id, walletRefund.id, 500, 500]].sort(), 'found missing at the city, then fixed');
    assert.equal((await kit.payments.get(walletPaid.id))!.refundedYen, 500);
    assert.equal(r.missingAtCity.length, 0, 'nothing left missing at the city');
    const fixed = (await kit.payments.get(lost.id))!;
    assert.equal(fixed.status, 'paid');
    assert.equal(fixed.method, 'qr');
    assert.equal(fixed.paidAt!.getTime(), japanInstant(DAY, 10 * 3600).getTime(), 'paid when the gateway captured it, not when found');
    assert.deepEqual(r.amountMismatches.map((i) => [i.paymentId, i.cityYen, i.providerYen]), [[differs.id, 2000, 2200]]);
    assert.deepEqual(r.missingAtProvider.map((i) => [i.paymentId, i.cityYen]), [[elsewhere.id, 700]]);
    assert.deepEqual(r.matched.map((i) => `${i.kind}:${i.paymentId}`).sort(), [`capture:${lost.id}`, `capture:${ok.id}`, `refund:${ok.id}`, `capture:${walletPaid.id}`, `refund:${walletPaid.id}`].sort());
    assert.equal(run.discrepancyCount, 2);
    assert.deepEqual(r.totals.city, { captures: 5, capturesYen: 3000 + 4400 + 2000 + 700 + 1500, refunds: 2, refundsYen: 1500 });
    assert.deepEqual(r.totals.provider, { captures: 4, capturesYen: 3000 + 4400 + 2200 + 1500, refunds: 2, refundsYen: 1500 });
    assert.equal(r.clearingBalanceYen, 3000 + 4400 + 2000 + 700 + 1500 - 1500, 'the ledger’s clearing balance at the end of the day (before the payout)');
    assert.ok(r.payout?.posted);

    // Stored, and audited as the system's run.
    const stored = await paymentsDb(db.kysely).selectFrom('payment_reconciliations').selectAll().where('id', '=', run.id).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'discrepancies');
    assert.equal(stored.business_date, DAY);
    const audit = await db.kysely.selectFrom('audit_log').select(['action', 'actor_type']).where('target_id', '=', String(run.id)).execute();
    assert.deepEqual(audit, [{ action: 'payments.reconciliation.run', actor_type: 'system' }]);
  });

  test('a day where only a lost webhook differed is "resolved"; run again it is "balanced"', async () => {
    const next = addDays(DAY, 1);
    kit.clock.now = japanInstant(next, 15 * 3600);
    const { payment, ref } = await kit.open(900);
    await kit.pay(ref, { webhook: false });
    kit.clock.now = japanInstant(addDays(next, 1), 3600);
    const first = await kit.payments.reconcileDay(next, SYSTEM);
    assert.equal(first.status, 'resolved');
    assert.equal(first.report.resolved[0]!.paymentId, payment.id);
    const second = await kit.payments.reconcileDay(next, SYSTEM);
    assert.equal(second.status, 'balanced');
    assert.equal(second.matchedCount, 1);
    assert.equal(second.report.payout!.posted, false, 'the payout was posted by the first run');
  });
});

describe('the nightly job', () => {
  const TODAY = japanClock().date;
  let t: TestApp;
  const clock = { now: japanInstant(TODAY, 10 * 3600) };
  before(async () => {
    t = await createTestApp({ registry: false, now: () => clock.now });
  });
  after(() => t.close());

  const jobs = () => t.db.kysely.selectFrom('jobs').select(['payload', 'run_at', 'state', 'attempts']).where('queue', '=', RECONCILE_QUEUE).orderBy('id').execute();

  test('today’s run is queued for 01:00 tomorrow; it reconciles today, stores the report and queues the next night', async () => {
    const queued = await jobs();
    assert.equal(queued.length, 1);
    assert.deepEqual(queued[0]!.payload, { date: TODAY });
    assert.equal(queued[0]!.run_at.toISOString(), japanInstant(addDays(TODAY, 1), 3600).toISOString());

    // Not yet over by the app's clock (the database thinks it is due): refused and retried later, nothing stored.
    await sql`UPDATE jobs SET run_at = now() WHERE queue = ${RECONCILE_QUEUE}`.execute(t.db.kysely);
    await t.platform.jobs.drain();
    assert.deepEqual((await jobs()).map((j) => [j.state, j.attempts]), [['queued', 1]]);
    assert.equal((await paymentsDb(t.db.kysely).selectFrom('payment_reconciliations').select('id').execute()).length, 0);

    clock.now = japanInstant(addDays(TODAY, 1), 3600);
    await sql`UPDATE jobs SET run_at = now() WHERE queue = ${RECONCILE_QUEUE}`.execute(t.db.kysely);
    await t.platform.jobs.drain();
    const after = await jobs();
    assert.deepEqual(after.map((j) => j.state), ['done', 'queued']);
    assert.deepEqual(after[1]!.payload, { date: addDays(TODAY, 1) });
    assert.equal(after[1]!.run_at.toISOString(), japanInstant(addDays(TODAY, 2), 3600).toISOString());
    const report = await paymentsDb(t.db.kysely).selectFrom('payment_reconciliations').selectAll().executeTakeFirstOrThrow();
    assert.equal(report.business_date, TODAY);
    assert.equal(report.run_by_type, 'system');
    assert.equal(report.status, 'balanced');
    assert.ok(t.platform.jobs.registeredQueues().includes(RECONCILE_QUEUE));
  });
});
