/**
 * After submission: the department returns an application for correction, the resident
 * fixes the flagged answer and resubmits (on the same version); the fee is paid online
 * through the platform's payments; an application entered at a counter for a registered
 * resident (public-api.ts) appears on that resident's pages.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { StaffActor } from '../../platform/access/actor.ts';
import type { LoggingNotifier } from '../../platform/notify/notifier.ts';
import { paymentsDb } from '../../platform/payments/payment-tables.ts';
import { loadStaffActor } from '../../platform/staff/staff-accounts.ts';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import type { TestApp } from '../../platform/testing/test-app.ts';
import { applicationById } from './application-queries.ts';
import { applyTransition } from './application-transitions.ts';
import { applicationRow, publishAsAdmin, startProceduresApp, testDefinition } from './procedures-test-kit.ts';
import { applicationSummary, prefillFactsFor, submitOnBehalf } from './public-api.ts';
import { proceduresDb } from './tables.ts';
import { addBusinessDays, businessDaysBetween } from '../../platform/time/business-days.ts';
import { todayInJapan } from '../../platform/time/today.ts';

let app: TestApp;
let b: BrowserSession;
let id = '';

before(async () => {
  app = await startProceduresApp();
  await publishAsAdmin(app, testDefinition());
  b = app.browser();
  await b.loginResident('demo-07', 'password');
});
after(async () => app.close());

const staff = async (loginId: string): Promise<StaffActor> => {
  const row = await app.db.kysely.selectFrom('staff').select('id').where('login_id', '=', loginId).executeTakeFirstOrThrow();
  return (await loadStaffActor(app.db.kysely, row.id))!;
};

async function staffMoves(applicationId: string, transition: 'start_review' | 'return', options: { message?: string; fields?: string[] } = {}) {
  const actor = await staff('shimin.tanto');
  await proceduresDb(app.db.kysely)
    .transaction()
    .execute(async (trx) => {
      const row = (await applicationById(trx, applicationId, { forUpdate: true }))!;
      await applyTransition(trx, app.platform.jobs, row, transition, actor, app.platform.now(), options);
    });
}

test('a returned application is corrected on the flagged answer and resubmitted on its version', async () => {
  const sent = await b.json('POST', '/api/procedure-applications', undefined);
  assert.equal(sent.statusCode, 400, 'no body, no key');
  const response = await app.app.inject({
    method: 'POST',
    url: '/api/procedure-applications',
    headers: { host: 'localhost:3000', cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': b.csrf, 'content-type': 'application/json', 'idempotency-key': 'correction-0001' },
    payload: JSON.stringify({ procedureId: 'test-permit', answers: { name: '奥州 七子', kana: 'オウシュウ ナナコ', since: '2018-04-01', email: 'nanako@example.jp', hasPet: 'no', copies: 1, agree: true }, paymentMethod: 'online' }),
  });
  assert.equal(response.statusCode, 201, response.body);
  id = response.json().id;
  await publishAsAdmin(app, testDefinition({ processingDays: 9 }), 'test-permit');
  await staffMoves(id, 'start_review');
  await staffMoves(id, 'return', { message: '通数をご確認ください。提出先は3通必要としています。', fields: ['copies'] });
  const view = await b.get(`/procedures/applications/${id}`);
  assert.match(view.body, /修正をお願いします/);
  assert.match(view.body, /通数をご確認ください/);
  const fix = `/procedures/applications/${id}/pages/family?from=check#copies`;
  assert.ok(view.body.includes(`href="${fix}"`), 'a link to the flagged answer');
  const form = await b.get(fix);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /name="returnTo" value="check"/);
  const saved = await b.post(`/procedures/applications/${id}/pages/family`, { copies: '3', returnTo: 'check', action: 'continue' });
  assert.equal(saved.headers.location, `/procedures/applications/${id}/check`);
  const check = await b.get(`/procedures/applications/${id}/check`);
  assert.match(check.body, /修正した内容で再提出する/);
  assert.match(check.body, /600円/);
  // The resident took a week to answer: that week is not the department's (the due date moves on by its business days).
  const dueBefore = (await applicationRow(app, id)).due_date!;
  const weekAgo = new Date(app.platform.now().getTime() - 7 * 86_400_000);
  await proceduresDb(app.db.kysely).updateTable('application_events').set({ at: weekAgo }).where('application_id', '=', id).where('to_status', '=', 'returned').execute();
  const resubmitted = await b.post(`/procedures/applications/${id}/submit`, {});
  assert.equal(resubmitted.statusCode, 303);
  const row = await applicationRow(app, id);
  const waited = businessDaysBetween(todayInJapan(weekAgo), todayInJapan(app.platform.now()));
  assert.ok(waited >= 4, `a week holds at least four business days (${waited})`);
  assert.equal(row.due_date, addBusinessDays(dueBefore, waited));
  assert.equal(row.status, 'resubmitted');
  assert.equal(row.procedure_version, 1);
  assert.equal(row.fee_yen, 600);
  assert.equal(row.answers.copies, 3);
  await app.platform.jobs.drain();
  const subjects = (app.notifier as LoggingNotifier).sent.filter((m) => m.to === 'nanako@example.jp').map((m) => m.subject ?? '');
  assert.equal(subjects.length, 3);
  assert.ok(subjects.some((s) => s.includes('修正をお願いします')));
  assert.ok(subjects.some((s) => s.includes('再提出')));
  // the resident cannot edit once it is back with the department
  const late = await b.post(`/procedures/applications/${id}/pages/family`, { copies: '5', action: 'continue' });
  assert.equal(late.headers.location, `/procedures/applications/${id}`);
  assert.equal((await applicationRow(app, id)).answers.copies, 3);
});

test('the fee is paid online: one checkout per application, recorded once when paid', async () => {
  const view = await b.get(`/procedures/applications/${id}`);
  assert.match(view.body, /手数料 600円 を支払う/);
  const first = await b.post(`/procedures/applications/${id}/pay`);
  assert.equal(first.statusCode, 303);
  const checkout = String(first.headers.location);
  assert.match(checkout, /^http:\/\/localhost:3000\/dev\/pay\//);
  assert.equal((await b.post(`/procedures/applications/${id}/pay`)).headers.location, checkout, 'a second press reuses the checkout');
  const payment = await paymentsDb(app.db.kysely).selectFrom('payments').selectAll().where('reference', 'like', `${id}%`).executeTakeFirstOrThrow();
  assert.equal(payment.amount_yen, 600);
  assert.equal(payment.source, 'procedures');
  // back before paying: nothing recorded
  const unpaid = await b.follow(await b.get(`/procedures/applications/${id}/payment-return?payment=${payment.id}`));
  assert.match(unpaid.body, /支払いは完了していません/);
  assert.equal((await applicationRow(app, id)).paid_at, null);
  // the provider's webhook settled it (as the payments platform does), then the payer comes back twice
  await paymentsDb(app.db.kysely).updateTable('payments').set({ status: 'paid', paid_at: new Date() }).where('id', '=', payment.id).execute();
  for (let i = 0; i < 2; i++) {
    const back = await b.follow(await b.get(`/procedures/applications/${id}/payment-return?payment=${payment.id}`));
    assert.match(back.body, /手数料の支払いを確認しました/);
  }
  const row = await applicationRow(app, id);
  assert.ok(row.paid_at);
  assert.equal(row.payment_id, payment.id);
  const events = await proceduresDb(app.db.kysely).selectFrom('application_events').select('kind').where('application_id', '=', id).where('kind', '=', 'payment').execute();
  assert.equal(events.length, 1);
  // another person's payment id is not accepted for this application
  const other = app.browser();
  await other.loginResident('demo-08', 'password');
  assert.equal((await other.get(`/procedures/applications/${id}/payment-return?payment=${payment.id}`)).statusCode, 404);
});

test('counter entry (public API): validated, audited, idempotent, and on the resident’s own pages', async () => {
  const clerk = await staff('shimin.tanto');
  const card = app.browser();
  await card.loginResident('demo-09', 'card');
  const account = await app.db.kysely.selectFrom('resident_accounts').select(['resident_id']).where('subject', '=', 'demo-09').executeTakeFirstOrThrow();
  const residentId = account.resident_id!;
  const facts = await prefillFactsFor(app.db.kysely, residentId);
  assert.ok(facts.resident?.name);
  const answers = { name: facts.resident!.name!, kana: facts.resident!.nameKana!, since: '2015-04-01', hasPet: 'no', copies: 1, agree: true };
  await assert.rejects(submitOnBehalf(app.platform, clerk, { residentId, procedureId: 'test-permit', answers: { ...answers, since: 'いつか' }, idempotencyKey: 'counter-bad', identityCheck: 'マイナンバーカード', counterVisitId: null }), { code: 'incomplete' });
  const first = await submitOnBehalf(app.platform, clerk, { residentId, procedureId: 'test-permit', answers, idempotencyKey: 'counter-0001', identityCheck: 'マイナンバーカード', counterVisitId: 'visit-42' });
  const again = await submitOnBehalf(app.platform, clerk, { residentId, procedureId: 'test-permit', answers, idempotencyKey: 'counter-0001', identityCheck: 'マイナンバーカード', counterVisitId: 'visit-42' });
  assert.deepEqual(again, first);
  await assert.rejects(submitOnBehalf(app.platform, await staff('zeimu.tanto'), { residentId, procedureId: 'test-permit', answers, idempotencyKey: 'counter-0002', identityCheck: '運転免許証', counterVisitId: null }), { code: 'forbidden' });
  const row = await applicationRow(app, first.applicationId);
  assert.equal(row.channel, 'counter');
  assert.equal(row.payment_method, 'counter');
  assert.equal(row.submitted_by_staff_id, clerk.id);
  const audit = await app.db.kysely.selectFrom('audit_log').select(['action', 'actor_type', 'details']).where('target_id', '=', first.applicationId).execute();
  assert.deepEqual(audit.map((a) => [a.action, a.actor_type]), [['procedures.application.submit', 'staff']]);
  assert.equal((audit[0]!.details as { identityCheck: string }).identityCheck, 'マイナンバーカード');
  const summary = await applicationSummary(app.db.kysely, first.applicationId, 'ja');
  assert.equal(summary.reference, first.reference);
  assert.ok(summary.sections.some((s) => s.rows.some((r) => r.display.includes('2015年4月1日'))));
  // the resident, logged in with the card (linked to the register), sees it as theirs
  const mine = await card.get('/procedures/applications');
  assert.match(mine.body, new RegExp(first.reference));
  const page = await card.get(`/procedures/applications/${first.applicationId}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /窓口で申請しました/);
});

test('住民票の写し by post (郵送) cannot be paid at the counter: only online is offered, and a counter payment is refused saying why', async () => {
  const { readCatalogue } = await import('./catalogue/index.ts');
  const { checkPaymentMethod, paymentOptionsFor } = await import('./application-service.ts');
  const { DomainError } = await import('../../platform/http/errors.ts');
  for (const def of readCatalogue().filter((d) => (d.delivery ?? []).includes('mail') && d.fee)) {
    assert.deepEqual(paymentOptionsFor(def, { receiveMethod: 'mail' }, true), ['online'], def.id);
    assert.deepEqual(paymentOptionsFor(def, { receiveMethod: 'counter' }, true), ['online', 'counter'], def.id);
  }
  const juminhyo = readCatalogue().find((d) => d.id === 'juminhyo-copy')!;
  const refused = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      assert.ok(error instanceof DomainError);
      return error.fields.map((f) => `${f.field}:${f.messageKey}`);
    }
    assert.fail('accepted');
  };
  assert.deepEqual(refused(() => checkPaymentMethod(juminhyo, 300, 'counter', true, { receiveMethod: 'mail' })), ['paymentMethod:procedures.check.payment.byPostNotCounter']);
  assert.deepEqual(refused(() => checkPaymentMethod(juminhyo, 300, null, false, { receiveMethod: 'mail' })), ['paymentMethod:procedures.check.payment.byPostNeedsOnline']);
  assert.equal(checkPaymentMethod(juminhyo, 300, null, true, { receiveMethod: 'mail' }), 'online', 'the only method left is chosen');
  assert.equal(checkPaymentMethod(juminhyo, 300, 'counter', true, { receiveMethod: 'counter' }), 'counter', 'collected at a counter, paid there');
});
