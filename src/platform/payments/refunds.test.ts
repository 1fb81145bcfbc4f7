import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { DomainError } from '../http/errors.ts';
import { japanInstant } from '../time/today.ts';
import { paymentsDb } from './payment-tables.ts';
import { paymentsKit, type PaymentsKit } from './payments-test-kit.ts';
import { SIGNATURE_HEADER } from './simulator-provider.ts';

let db: TestDatabase;
let kit: PaymentsKit;
before(async () => {
  db = await createTestDatabase();
  kit = paymentsKit(db, japanInstant('2026-03-02', 11 * 3600));
});
after(() => db.close());

const SYSTEM = { kind: 'system' as const, id: 'facilities:cancellation' };
const STAFF = { kind: 'staff' as const, id: '00000000-0000-4000-8000-000000000001', loginId: 'shogai.tanto', displayName: '施設 翔', roles: [{ department: 'lifelong', role: 'clerk' as const }] };
const refundLines = (paymentId: string) =>
  paymentsDb(db.kysely)
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_entries as e', 'e.id', 'l.entry_id')
    .select(['e.refund_id', 'l.account', 'l.side', 'l.amount_yen'])
    .where('e.payment_id', '=', paymentId)
    .where('e.kind', '=', 'refund')
    .orderBy('l.id')
    .execute();
const refundRows = (paymentId: string) => paymentsDb(db.kysely).selectFrom('payment_refunds').selectAll().where('payment_id', '=', paymentId).execute();
const domainCode = (code: string) => (error: unknown) => error instanceof DomainError && error.code === code;

describe('refunds', () => {
  test('a partial refund, then the rest: the payment’s refunded amount and the ledger follow, each audited', async () => {
    const payment = await kit.paid(12300);
    const first = await kit.payments.refund({ paymentId: payment.id, amountYen: 3300, reason: '利用時間の短縮', idempotencyKey: 'r1', actor: STAFF });
    assert.equal(first.status, 'succeeded', 'card refunds complete at once at the simulator');
    assert.match(first.providerRefundRef!, /^sre_/);
    assert.deepEqual(first.requestedBy, { type: 'staff', id: STAFF.id });
    assert.equal((await kit.payments.get(payment.id))!.refundedYen, 3300);
    const second = await kit.payments.refund({ paymentId: payment.id, amountYen: 9000, reason: '利用取消', idempotencyKey: 'r2', actor: SYSTEM });
    assert.equal(second.status, 'succeeded');
    const after = (await kit.payments.get(payment.id))!;
    assert.equal(after.refundedYen, 12300);
    assert.equal(after.status, 'paid', 'a refunded payment stays paid; refundedYen says how much went back');
    assert.deepEqual(await refundLines(payment.id), [
      { refund_id: first.id, account: 'refunds:test', side: 'debit', amount_yen: 3300 },
      { refund_id: first.id, account: 'clearing:simulator', side: 'credit', amount_yen: 3300 },
      { refund_id: second.id, account: 'refunds:test', side: 'debit', amount_yen: 9000 },
      { refund_id: second.id, account: 'clearing:simulator', side: 'credit', amount_yen: 9000 },
    ]);
    assert.deepEqual((await kit.payments.refundsFor(payment.id)).map((r) => [r.amountYen, r.status]), [[3300, 'succeeded'], [9000, 'succeeded']]);
    const audit = await db.kysely.selectFrom('audit_log').select(['action', 'actor_type']).where('target_id', '=', payment.id).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => `${a.actor_type}:${a.action}`), ['system:payments.paid', 'staff:payments.refund.requested', 'system:payments.refund.succeeded', 'system:payments.refund.requested', 'system:payments.refund.succeeded']);
  });

  test('a refund beyond what is left is refused with the amounts, and changes nothing', async () => {
    const payment = await kit.paid(5000);
    await kit.payments.refund({ paymentId: payment.id, amountYen: 4000, reason: '一部返金', idempotencyKey: 'over-1', actor: SYSTEM });
    await assert.rejects(kit.payments.refund({ paymentId: payment.id, amountYen: 1001, reason: '追加返金', idempotencyKey: 'over-2', actor: SYSTEM }), (error: unknown) => {
      assert.ok(error instanceof DomainError);
      assert.equal(error.code, 'refund_exceeds_payment');
      assert.deepEqual(error.params, { requested: '1,001', remaining: '1,000', paid: '5,000' });
      return true;
    });
    assert.equal((await refundRows(payment.id)).length, 1);
    assert.equal((await kit.payments.get(payment.id))!.refundedYen, 4000);
    // Exactly what is left is fine.
    assert.equal((await kit.payments.refund({ paymentId: payment.id, amountYen: 1000, reason: '残額返金', idempotencyKey: 'over-3', actor: SYSTEM })).status, 'succeeded');
    await assert.rejects(kit.payments.refund({ paymentId: payment.id, amountYen: 1, reason: 'もう一度', idempotencyKey: 'over-4', actor: SYSTEM }), domainCode('refund_exceeds_payment'));
  });

  test('refusals: not paid, bad amount, no reason, a key reused for another refund', async () => {
    const { payment } = await kit.open(2000);
    await assert.rejects(kit.payments.refund({ paymentId: payment.id, amountYen: 100, reason: 'x', idempotencyKey: 'np-1', actor: SYSTEM }), domainCode('payment_not_paid'));
    const paid = await kit.paid(2000);
    await assert.rejects(kit.payments.refund({ paymentId: paid.id, amountYen: 0, reason: 'x', idempotencyKey: 'bad-1', actor: SYSTEM }), domainCode('invalid_refund'));
    await assert.rejects(kit.payments.refund({ paymentId: paid.id, amountYen: 10.5, reason: 'x', idempotencyKey: 'bad-2', actor: SYSTEM }), domainCode('invalid_refund'));
    await assert.rejects(kit.payments.refund({ paymentId: paid.id, amountYen: 10, reason: '　', idempotencyKey: 'bad-3', actor: SYSTEM }), domainCode('invalid_refund'), 'a full-width space is no reason (NFKC)');
    await kit.payments.refund({ paymentId: paid.id, amountYen: 500, reason: '一部', idempotencyKey: 'reused', actor: SYSTEM });
    await assert.rejects(kit.payments.refund({ paymentId: paid.id, amountYen: 600, reason: '一部', idempotencyKey: 'reused', actor: SYSTEM }), domainCode('refund_key_reused'));
    await assert.rejects(kit.payments.refund({ paymentId: payment.id, amountYen: 500, reason: '一部', idempotencyKey: 'reused', actor: SYSTEM }), domainCode('refund_key_reused'));
    await assert.rejects(kit.payments.refund({ paymentId: '00000000-0000-4000-8000-000000000000', amountYen: 5, reason: 'x', idempotencyKey: 'nf', actor: SYSTEM }), domainCode('not_found'));
  });

  test('concurrent identical requests make one refund; concurrent different ones never exceed the payment', async () => {
    const payment = await kit.paid(9000);
    const same = await Promise.all(Array.from({ length: 6 }, () => kit.payments.refund({ paymentId: payment.id, amountYen: 4000, reason: '二重押し', idempotencyKey: 'double-press', actor: SYSTEM })));
    assert.equal(new Set(same.map((r) => r.id)).size, 1, 'every caller gets the same refund');
    assert.equal((await refundRows(payment.id)).length, 1);
    assert.equal((await refundLines(payment.id)).length, 2, 'one ledger entry');
    assert.equal((await kit.payments.get(payment.id))!.refundedYen, 4000);
    // Five different 2,000 yen refunds at once against the 5,000 left: two fit, three are refused.
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => kit.payments.refund({ paymentId: payment.id, amountYen: 2000, reason: `別々の返金 ${i}`, idempotencyKey: `parallel-${i}`, actor: SYSTEM })));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 2);
    assert.ok(results.filter((r) => r.status === 'rejected').every((r) => domainCode('refund_exceeds_payment')((r as PromiseRejectedResult).reason)));
    assert.equal((await kit.payments.get(payment.id))!.refundedYen, 8000);
    const simulatorRefunds = await paymentsDb(db.kysely).selectFrom('payment_simulator_refunds').select('amount_yen').where('checkout_ref', '=', payment.providerRef!).execute();
    assert.equal(simulatorRefunds.reduce((s, r) => s + r.amount_yen, 0), 8000, 'the provider refunded exactly the same');
  });

  test('the provider unreachable: the refund stays pending and holds its amount; a retry with the same key completes it once', async () => {
    const payment = await kit.paid(7000);
    kit.simulator.refundFailures = 1;
    const pending = await kit.payments.refund({ paymentId: payment.id, amountYen: 7000, reason: '取消', idempotencyKey: 'flaky', actor: SYSTEM });
    assert.equal(pending.status, 'pending');
    assert.equal((await kit.payments.get(payment.id))!.refundedYen, 0);
    await assert.rejects(kit.payments.refund({ paymentId: payment.id, amountYen: 1, reason: '別件', idempotencyKey: 'flaky-other', actor: SYSTEM }), domainCode('refund_exceeds_payment'), 'a pending refund holds its amount');
    const retried = await kit.payments.refund({ paymentId: payment.id, amountYen: 7000, reason: '取消', idempotencyKey: 'flaky', actor: SYSTEM });
    assert.equal(retried.id, pending.id);
    assert.equal(retried.status, 'succeeded');
    assert.equal((await kit.payments.get(payment.id))!.refundedYen, 7000);
    assert.equal((await refundLines(payment.id)).length, 2);
  });

  test('a QR (wallet) refund completes later by signed webhook, applied once; a failed one frees the amount', async () => {
    const payment = await kit.paid(6000, { method: 'qr' });
    const pending = await kit.payments.refund({ paymentId: payment.id, amountYen: 6000, reason: '取消', idempotencyKey: 'qr-1', actor: SYSTEM });
    assert.equal(pending.status, 'pending');
    const refundRef = pending.providerRefundRef!;
    assert.equal(await kit.simulator.refundWebhookFor(refundRef), null, 'nothing to report while pending');

    // The wallet refuses it: reported as failed; the amount can be refunded again.
    await kit.simulator.ledger.completeRefund(refundRef, 'failed');
    const failedHook = (await kit.simulator.refundWebhookFor(refundRef))!;
    assert.equal(await kit.payments.receiveWebhook('simulator', failedHook.headers, failedHook.body), 'applied');
    assert.equal(await kit.payments.receiveWebhook('simulator', failedHook.headers, failedHook.body), 'unchanged', 'replayed');
    const failed = (await kit.payments.refundsFor(payment.id))[0]!;
    assert.equal(failed.status, 'failed');
    assert.match(failed.failureReason!, /ウォレット/);
    assert.equal((await refundLines(payment.id)).length, 0, 'a failed refund posts nothing');

    const again = await kit.payments.refund({ paymentId: payment.id, amountYen: 6000, reason: '取消（再）', idempotencyKey: 'qr-2', actor: SYSTEM });
    assert.equal(again.status, 'pending');
    await kit.simulator.ledger.completeRefund(again.providerRefundRef!, 'succeeded');
    const hook = (await kit.simulator.refundWebhookFor(again.providerRefundRef!))!;
    // Tampered or forged refund notices are refused.
    const tampered = hook.body.replace('"amount":6000', '"amount":60');
    assert.equal(await kit.payments.receiveWebhook('simulator', hook.headers, tampered), 'rejected');
    assert.equal(await kit.payments.receiveWebhook('simulator', { [SIGNATURE_HEADER]: kit.simulator.sign(tampered) }, tampered), 'rejected', 'signed but for another amount');
    assert.equal(await kit.payments.receiveWebhook('simulator', hook.headers, hook.body), 'applied');
    assert.equal(await kit.payments.receiveWebhook('simulator', hook.headers, hook.body), 'unchanged');
    assert.equal((await kit.payments.get(payment.id))!.refundedYen, 6000);
    assert.equal((await refundLines(payment.id)).length, 2);
    const events = await paymentsDb(db.kysely).selectFrom('payment_refund_events').select(['via', 'outcome', 'applied']).where('refund_id', 'in', [pending.id, again.id]).orderBy('id').execute();
    assert.deepEqual(events, [
      { via: 'webhook', outcome: 'failed', applied: true },
      { via: 'webhook', outcome: 'succeeded', applied: true },
    ]);
  });

  test('a pending refund whose webhook was lost is settled by a status query (Payments.reconcile)', async () => {
    const payment = await kit.paid(2500, { method: 'qr' });
    const pending = await kit.payments.refund({ paymentId: payment.id, amountYen: 2500, reason: '取消', idempotencyKey: 'lost-refund-hook', actor: SYSTEM });
    await kit.simulator.ledger.completeRefund(pending.providerRefundRef!, 'succeeded');
    assert.equal((await kit.payments.reconcile(payment.id))!.refundedYen, 0, 'a refund younger than a minute is left to its webhook');
    kit.clock.now = new Date(kit.clock.now.getTime() + 2 * 60_000);
    assert.equal((await kit.payments.reconcile(payment.id))!.refundedYen, 2500);
    assert.equal((await kit.payments.refundsFor(payment.id))[0]!.status, 'succeeded');
  });
});
