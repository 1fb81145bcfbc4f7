/**
 * Money after submission: a fee raised on resubmission asks only for the difference
 * (never reusing a checkout of the old amount), a fee lowered refunds the difference,
 * a payment already captured is never charged twice, and a withdrawn or refused
 * application gets its fee back in full with a note on the resident's timeline.
 * Paid end to end through the payments simulator.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { StaffActor } from '../../platform/access/actor.ts';
import { paymentsDb } from '../../platform/payments/payment-tables.ts';
import { loadStaffActor } from '../../platform/staff/staff-accounts.ts';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import type { TestApp } from '../../platform/testing/test-app.ts';
import { applicationById } from './application-queries.ts';
import { applyTransition } from './application-transitions.ts';
import { applicationRow, publishAsAdmin, startProceduresApp, testDefinition } from './procedures-test-kit.ts';
import { decideApplication } from './review-service.ts';
import { proceduresDb } from './tables.ts';

let app: TestApp;
let b: BrowserSession;
let seq = 0;

before(async () => {
  app = await startProceduresApp();
  await publishAsAdmin(app, testDefinition());
  b = app.browser();
  await b.loginResident('demo-07', 'password');
});
after(async () => app.close());

const staff = async (): Promise<StaffActor> => {
  const row = await app.db.kysely.selectFrom('staff').select('id').where('login_id', '=', 'shimin.tanto').executeTakeFirstOrThrow();
  return (await loadStaffActor(app.db.kysely, row.id))!;
};

async function staffMoves(applicationId: string, transition: 'start_review' | 'return', options: { message?: string; fields?: string[] } = {}) {
  const actor = await staff();
  await proceduresDb(app.db.kysely)
    .transaction()
    .execute(async (trx) => {
      const row = (await applicationById(trx, applicationId, { forUpdate: true }))!;
      await applyTransition(trx, app.platform.jobs, row, transition, actor, app.platform.now(), options);
    });
}

async function submit(copies: number): Promise<string> {
  const response = await app.app.inject({
    method: 'POST',
    url: '/api/procedure-applications',
    headers: { host: 'localhost:3000', cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': b.csrf, 'content-type': 'application/json', 'idempotency-key': `refunds-${++seq}-0000` },
    payload: JSON.stringify({ procedureId: 'test-permit', answers: { name: '奥州 七子', kana: 'オウシュウ ナナコ', since: '2018-04-01', email: 'nanako@example.jp', hasPet: 'no', copies, agree: true }, paymentMethod: 'online' }),
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json().id;
}

/** Pays through the simulator as the payer would; returns the checkout's amount. */
async function pay(id: string): Promise<number> {
  const toCheckout = await b.post(`/procedures/applications/${id}/pay`);
  assert.equal(toCheckout.statusCode, 303);
  const checkoutUrl = String(toCheckout.headers.location);
  assert.match(checkoutUrl, /\/dev\/pay\/sim_/);
  const back = await b.post(new URL(checkoutUrl).pathname, { action: 'pay' });
  assert.equal(back.statusCode, 303);
  const page = await b.follow(back);
  assert.match(page.body, /手数料の支払いを確認しました/);
  const payment = (await app.platform.payments.get(String((await applicationRow(app, id)).payment_id)))!;
  return payment.amountYen;
}

async function correctCopies(id: string, copies: number) {
  await staffMoves(id, 'start_review');
  await staffMoves(id, 'return', { message: '通数をご確認ください。', fields: ['copies'] });
  const saved = await b.post(`/procedures/applications/${id}/pages/family`, { copies: String(copies), returnTo: 'check', action: 'continue' });
  assert.equal(saved.statusCode, 303);
  assert.equal((await b.post(`/procedures/applications/${id}/submit`, {})).statusCode, 303);
}

const paymentsOf = (id: string) => paymentsDb(app.db.kysely).selectFrom('payments').selectAll().where('source', '=', 'procedures').where('reference', 'like', `${id}%`).orderBy('created_at').execute();
const timeline = async (id: string) => (await b.get(`/procedures/applications/${id}`)).body;

test('a paid fee raised on resubmission asks for the difference only, on a new checkout', async () => {
  const id = await submit(1);
  // An open 200円 checkout left behind before the first payment must not be reused later.
  assert.equal(await pay(id), 200);
  assert.ok((await applicationRow(app, id)).paid_at);
  await correctCopies(id, 3);
  const row = await applicationRow(app, id);
  assert.equal(row.fee_yen, 600);
  assert.equal(row.paid_at, null, 'no longer paid in full');
  const page = await timeline(id);
  assert.match(page, /200円 支払い済み。追加のお支払い 400円/);
  assert.match(page, /追加のお支払い 400円 を支払う/);
  assert.doesNotMatch(page, /支払い済み（/);
  assert.equal(await pay(id), 400, 'the checkout is for the difference');
  const after = await applicationRow(app, id);
  assert.ok(after.paid_at, 'paid in full now');
  assert.deepEqual((await paymentsOf(id)).map((p) => [p.amount_yen, p.status]), [[200, 'paid'], [400, 'paid']]);
  assert.doesNotMatch(await timeline(id), /を支払う/, 'nothing left to pay');
  // …and withdrawing gives back both payments, once.
  assert.equal((await b.post(`/procedures/applications/${id}/withdraw`, { reason: '不要になりました' })).statusCode, 303);
  const refunds = await paymentsDb(app.db.kysely).selectFrom('payment_refunds as r').innerJoin('payments as p', 'p.id', 'r.payment_id').select(['r.amount_yen', 'r.status', 'r.idempotency_key']).where('p.reference', 'like', `${id}%`).orderBy('r.amount_yen').execute();
  assert.deepEqual(refunds.map((r) => [r.amount_yen, r.status]), [[200, 'succeeded'], [400, 'succeeded']]);
  assert.ok(refunds.some((r) => r.idempotency_key === `procedures:${id}:refund`));
  const page2 = await timeline(id);
  assert.match(page2, /手数料 200円を返金しました/);
  assert.match(page2, /手数料 400円を返金しました/);
});

test('an open checkout of the old amount is never reused after the fee changes', async () => {
  const id = await submit(1);
  const first = await b.post(`/procedures/applications/${id}/pay`);
  const oldCheckout = String(first.headers.location);
  await correctCopies(id, 2);
  const second = await b.post(`/procedures/applications/${id}/pay`);
  assert.notEqual(String(second.headers.location), oldCheckout);
  const open = (await paymentsOf(id)).filter((p) => p.status === 'created');
  assert.deepEqual(open.map((p) => p.amount_yen).sort(), [200, 400]);
  // Paying the stale 200円 checkout counts as 200円, not as the 400円 fee.
  const stale = open.find((p) => p.amount_yen === 200)!;
  await paymentsDb(app.db.kysely).updateTable('payments').set({ status: 'paid', paid_at: new Date() }).where('id', '=', stale.id).execute();
  const back = await b.follow(await b.get(`/procedures/applications/${id}/payment-return?payment=${stale.id}`));
  assert.match(back.body, /支払いは完了していません/);
  assert.equal((await applicationRow(app, id)).paid_at, null);
  assert.match(back.body, /追加のお支払い 200円 を支払う/);
});

test('a payment the webhook captured first is not charged again', async () => {
  const id = await submit(1);
  await b.post(`/procedures/applications/${id}/pay`);
  const [payment] = await paymentsOf(id);
  await paymentsDb(app.db.kysely).updateTable('payments').set({ status: 'paid', paid_at: new Date() }).where('id', '=', payment!.id).execute();
  const again = await b.post(`/procedures/applications/${id}/pay`);
  assert.equal(again.headers.location, `/procedures/applications/${id}`, 'back to the application, not to a new checkout');
  assert.equal((await paymentsOf(id)).length, 1);
  const row = await applicationRow(app, id);
  assert.ok(row.paid_at, 'recorded from the payments');
  assert.equal(row.payment_id, payment!.id);
});

test('a fee lowered on resubmission refunds the difference', async () => {
  const id = await submit(3);
  assert.equal(await pay(id), 600);
  await correctCopies(id, 1);
  const row = await applicationRow(app, id);
  assert.equal(row.fee_yen, 200);
  assert.ok(row.paid_at, 'still paid in full');
  const [payment] = await paymentsOf(id);
  const refunds = await app.platform.payments.refundsFor(payment!.id);
  assert.deepEqual(refunds.map((r) => [r.amountYen, r.status]), [[400, 'succeeded']]);
  assert.match(await timeline(id), /手数料 400円を返金しました/);
});

test('a refused application gets its fee back in full, after the refusal commits', async () => {
  const id = await submit(1);
  assert.equal(await pay(id), 200);
  await staffMoves(id, 'start_review');
  const ctx = { db: app.db.kysely, jobs: app.platform.jobs, now: app.platform.now, payments: app.platform.payments };
  await decideApplication(ctx, await staff(), id, 'reject', { message: '要件を満たしていないため' });
  assert.equal((await applicationRow(app, id)).status, 'rejected');
  const [payment] = await paymentsOf(id);
  const refunds = await app.platform.payments.refundsFor(payment!.id);
  assert.deepEqual(refunds.map((r) => [r.amountYen, r.status]), [[200, 'succeeded']]);
  assert.match(await timeline(id), /手数料 200円を返金しました/);
  const audit = await app.db.kysely.selectFrom('audit_log').select('action').where('target_id', '=', id).where('action', '=', 'procedures.application.refunded').execute();
  assert.equal(audit.length, 1);
});
