import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { japanInstant } from '../time/today.ts';
import { accounts, payoutPosting, postEntry } from './ledger.ts';
import { paymentsDb } from './payment-tables.ts';
import { paymentsKit, type PaymentsKit } from './payments-test-kit.ts';
import { SIGNATURE_HEADER } from './simulator-provider.ts';

let db: TestDatabase;
let kit: PaymentsKit;
const DAY = '2026-02-10';
before(async () => {
  db = await createTestDatabase();
  kit = paymentsKit(db, japanInstant(DAY, 10 * 3600));
});
after(() => db.close());

const entriesOf = (paymentId: string) => paymentsDb(db.kysely).selectFrom('ledger_entries').selectAll().where('payment_id', '=', paymentId).execute();
const linesOf = async (paymentId: string) =>
  paymentsDb(db.kysely)
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_entries as e', 'e.id', 'l.entry_id')
    .select(['e.kind', 'l.account', 'l.side', 'l.amount_yen'])
    .where('e.payment_id', '=', paymentId)
    .orderBy('l.id')
    .execute();

describe('captures post to the ledger once', () => {
  test('a capture posts Dr clearing / Cr revenue in the same transaction; a replayed webhook posts nothing more', async () => {
    const { payment, ref } = await kit.open(12300);
    assert.deepEqual(await entriesOf(payment.id), [], 'nothing before the money moves');
    await kit.simulator.settle(ref, 'pay', { method: 'qr' });
    const hook = (await kit.simulator.webhookFor(ref))!;
    assert.equal(await kit.payments.receiveWebhook('simulator', hook.headers, hook.body), 'applied');
    assert.equal(await kit.payments.receiveWebhook('simulator', hook.headers, hook.body), 'unchanged', 'replayed');
    assert.equal((await kit.payments.reconcile(payment.id))!.status, 'paid', 'a status query afterwards changes nothing either');
    assert.deepEqual(await linesOf(payment.id), [
      { kind: 'capture', account: 'clearing:simulator', side: 'debit', amount_yen: 12300 },
      { kind: 'capture', account: 'revenue:test', side: 'credit', amount_yen: 12300 },
    ]);
    const paid = (await kit.payments.get(payment.id))!;
    assert.equal(paid.method, 'qr', 'the method comes from the webhook');
    assert.equal(paid.refundedYen, 0);
  });

  test('forged, tampered and wrong-amount webhooks are refused and post nothing', async () => {
    const { payment, ref } = await kit.open(5000);
    await kit.simulator.settle(ref, 'pay');
    const hook = (await kit.simulator.webhookFor(ref))!;
    const tampered = hook.body.replace('"amount":5000', '"amount":50');
    assert.equal(await kit.payments.receiveWebhook('simulator', hook.headers, tampered), 'rejected', 'body changed after signing');
    assert.equal(await kit.payments.receiveWebhook('simulator', { [SIGNATURE_HEADER]: `t=${Math.floor(kit.clock.now.getTime() / 1000)},v1=${'0'.repeat(64)}` }, hook.body), 'rejected', 'forged signature');
    assert.equal(await kit.payments.receiveWebhook('simulator', { [SIGNATURE_HEADER]: kit.simulator.sign(tampered) }, tampered), 'rejected', 'signed, but not the amount the city asked');
    assert.deepEqual(await entriesOf(payment.id), []);
    assert.equal((await kit.payments.get(payment.id))!.status, 'created');
  });
});

describe('the ledger guards itself', () => {
  test('posted lines and entries cannot be changed or deleted', async () => {
    const payment = await kit.paid(800);
    const [entry] = await entriesOf(payment.id);
    await assert.rejects(sql`UPDATE ledger_lines SET amount_yen = 1 WHERE entry_id = ${entry!.id}`.execute(db.kysely), /append-only/);
    await assert.rejects(sql`DELETE FROM ledger_lines WHERE entry_id = ${entry!.id}`.execute(db.kysely), /append-only/);
    await assert.rejects(sql`UPDATE ledger_entries SET memo = 'x' WHERE id = ${entry!.id}`.execute(db.kysely), /append-only/);
    await assert.rejects(sql`DELETE FROM ledger_entries WHERE id = ${entry!.id}`.execute(db.kysely), /append-only/);
    assert.equal((await linesOf(payment.id)).length, 2);
  });

  test('the database refuses an entry that does not balance, even when written by hand', async () => {
    const pdb = paymentsDb(db.kysely);
    await assert.rejects(
      pdb.transaction().execute(async (trx) => {
        const entry = await trx.insertInto('ledger_entries').values({ kind: 'payout', idempotency_key: 'hand-made-1', provider: 'simulator', payment_id: null, refund_id: null, payout_ref: null, memo: 'by hand', occurred_at: kit.clock.now }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('ledger_lines').values([{ entry_id: entry.id, account: 'bank', side: 'debit', amount_yen: 100 }, { entry_id: entry.id, account: 'clearing:simulator', side: 'credit', amount_yen: 99 }]).execute();
      }),
      /does not balance/,
    );
    await assert.rejects(
      pdb.transaction().execute(async (trx) => {
        await trx.insertInto('ledger_entries').values({ kind: 'payout', idempotency_key: 'hand-made-2', provider: 'simulator', payment_id: null, refund_id: null, payout_ref: null, memo: 'no lines', occurred_at: kit.clock.now }).execute();
      }),
      /does not balance/,
      'an entry without lines',
    );
    // Adding a line to an entry that was balanced breaks it: refused too.
    const payment = await kit.paid(300);
    const [entry] = await entriesOf(payment.id);
    await assert.rejects(pdb.insertInto('ledger_lines').values({ entry_id: entry!.id, account: 'bank', side: 'debit', amount_yen: 5 }).execute(), /does not balance/);
    await assert.rejects(sql`INSERT INTO ledger_lines (entry_id, account, side, amount_yen) VALUES (${entry!.id}, 'bank', 'debit', -5)`.execute(db.kysely), /check constraint|violates/, 'amounts are positive');
    assert.equal((await pdb.selectFrom('ledger_entries').select('id').where('idempotency_key', 'like', 'hand-made%').execute()).length, 0);
  });

  test('postEntry checks balance and posts an idempotency key once', async () => {
    const pdb = paymentsDb(db.kysely);
    await assert.rejects(pdb.transaction().execute((trx) => postEntry(trx, { kind: 'payout', idempotencyKey: 'k-unbalanced', provider: 'simulator', memo: '', occurredAt: kit.clock.now, lines: [{ account: 'bank', side: 'debit', amountYen: 2 }, { account: 'fees:simulator', side: 'credit', amountYen: 1 }] })), /does not balance/);
    await assert.rejects(postEntry(pdb, { kind: 'payout', idempotencyKey: 'k-outside', provider: 'simulator', memo: '', occurredAt: kit.clock.now, lines: [] }), /transaction/);
    const posting = payoutPosting({ provider: 'simulator', payoutRef: 'po_test', businessDate: DAY, grossYen: 1000, refundedYen: 1200, feeYen: 30, netYen: -230, occurredAt: kit.clock.now })!;
    assert.deepEqual(posting.lines, [
      { account: 'bank', side: 'credit', amountYen: 230 },
      { account: 'fees:simulator', side: 'debit', amountYen: 30 },
      { account: 'clearing:simulator', side: 'debit', amountYen: 200 },
    ], 'more refunded than sold: the provider debits the bank');
    assert.throws(() => payoutPosting({ provider: 'simulator', payoutRef: 'po_bad', businessDate: DAY, grossYen: 1000, refundedYen: 0, feeYen: 30, netYen: 1000, occurredAt: kit.clock.now }), /not gross/);
  });
});

describe('a mixed day balances', () => {
  test('captures by card and QR, partial and full refunds, then the payout: debits equal credits, clearing ends at what is not paid out', async () => {
    const fresh = await createTestDatabase();
    try {
      const day = paymentsKit(fresh, japanInstant(DAY, 9 * 3600));
      const a = await day.paid(10000, { method: 'card', source: 'facilities' });
      const b = await day.paid(3000, { method: 'qr', source: 'facilities' });
      const c = await day.paid(4500, { method: 'card', source: 'procedures' });
      await day.payments.refund({ paymentId: a.id, amountYen: 2500, reason: '一部取消', idempotencyKey: 'mix-1', actor: { kind: 'system', id: 'test' } });
      await day.payments.refund({ paymentId: c.id, amountYen: 4500, reason: '全額取消', idempotencyKey: 'mix-2', actor: { kind: 'system', id: 'test' } });
      const before = await day.payments.trialBalance();
      assert.equal(before.totalDebitYen, before.totalCreditYen);
      const balance = (tb: typeof before, account: string) => tb.rows.find((r) => r.account === account)?.balanceYen ?? 0;
      assert.equal(balance(before, accounts.clearing('simulator')), 10000 + 3000 + 4500 - 2500 - 4500);
      assert.equal(balance(before, accounts.revenue('facilities')), -13000, 'a credit balance');
      assert.equal(balance(before, accounts.refunds('facilities')), 2500);
      assert.equal(balance(before, accounts.refunds('procedures')), 4500);
      assert.equal(b.refundedYen, 0);

      // After midnight the simulator reports the day's payout and the reconciliation posts it.
      day.clock.now = japanInstant('2026-02-11', 3600);
      const run = await day.payments.reconcileDay(DAY, { type: 'system', id: 'test' });
      const fee = Math.floor(10000 * 0.03) + Math.floor(3000 * 0.02) + Math.floor(4500 * 0.03);
      assert.deepEqual(run.report.payout, { payoutRef: 'po_20260210', businessDate: DAY, grossYen: 17500, refundedYen: 7000, feeYen: fee, netYen: 17500 - 7000 - fee, posted: true });
      const afterPayout = await day.payments.trialBalance();
      assert.equal(afterPayout.totalDebitYen, afterPayout.totalCreditYen);
      assert.equal(balance(afterPayout, accounts.clearing('simulator')), 0, 'everything the provider held was paid out');
      assert.equal(balance(afterPayout, accounts.bank), 17500 - 7000 - fee);
      assert.equal(balance(afterPayout, accounts.fees('simulator')), fee);
      // Net revenue per source = revenue − refunds; with fees and bank the books close.
      const sum = afterPayout.rows.reduce((s, r) => s + r.balanceYen, 0);
      assert.equal(sum, 0);
      // Asking again posts nothing twice.
      const again = await day.payments.reconcileDay(DAY, { type: 'system', id: 'test' });
      assert.equal(again.report.payout!.posted, false);
      assert.equal((await paymentsDb(fresh.kysely).selectFrom('ledger_entries').select('id').where('kind', '=', 'payout').execute()).length, 1);
      // The trial balance as of the end of the day leaves the payout out.
      const asOf = await day.payments.trialBalance(japanInstant('2026-02-11', 0));
      assert.equal(balance(asOf, accounts.clearing('simulator')), 10500);
      assert.equal(asOf.totalDebitYen, asOf.totalCreditYen);
    } finally {
      await fresh.close();
    }
  });
});
