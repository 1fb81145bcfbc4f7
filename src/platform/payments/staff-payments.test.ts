import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import type { BrowserSession } from '../testing/browser-session.ts';
import { addDays, japanInstant } from '../time/today.ts';
import { paymentsDb } from './payment-tables.ts';
import type { SimulatorProvider } from './simulator-provider.ts';

const DAY = '2026-07-15';
const clock = { now: japanInstant(DAY, 10 * 3600) };
let t: TestApp;
let kaikei: BrowserSession;
let paidId: string;
let lostId: string;
before(async () => {
  t = await createTestApp({ registry: false, now: () => clock.now });
  kaikei = t.browser();
  await kaikei.loginStaff('kaikei.tanto');
  const simulator = t.platform.payments.provider as SimulatorProvider;
  const open = async (amountYen: number, description: string, source = 'facilities', displayReference?: string) => {
    const { payment, redirectUrl } = await t.platform.payments.create({ source, reference: `ref-${Math.random()}`, ...(displayReference ? { displayReference } : {}), amountYen, description, returnUrl: '/back' });
    return { id: payment.id, ref: redirectUrl.split('/').pop()! };
  };
  const paid = await open(12300, '奥州市 江刺体育文化会館 アリーナ 使用料', 'facilities', 'F260715-LGARM');
  await simulator.settle(paid.ref, 'pay', { method: 'card', brand: 'Visa', last4: '4242' });
  const hook = (await simulator.webhookFor(paid.ref))!;
  await t.platform.payments.receiveWebhook('simulator', hook.headers, hook.body);
  await t.platform.payments.refund({ paymentId: paid.id, amountYen: 2300, reason: '一部キャンセル', idempotencyKey: 'staff-test-r1', actor: { kind: 'system', id: 'test' } });
  paidId = paid.id;
  // A description a spreadsheet would run as a formula, from a careless service.
  await open(500, '=HYPERLINK("http://evil.example","開く")', 'procedures');
  // Paid at the gateway, webhook lost.
  const lost = await open(3300, '奥州市 住民票の写し 手数料', 'procedures');
  await simulator.settle(lost.ref, 'pay', { method: 'qr' });
  lostId = lost.id;
});
after(() => t.close());

describe('who may see the payments pages', () => {
  test('a citizens clerk gets 403 on every payments page; an administrator may look', async () => {
    const clerk = t.browser();
    await clerk.loginStaff('shimin.tanto');
    for (const url of ['/staff/payments', `/staff/payments/${paidId}`, '/staff/payments/export.csv', '/staff/payments/reconciliation', '/staff/payments/ledger', '/staff/payments/ledger/journal.csv', `/staff/payments/${paidId}/receipt.pdf`]) {
      assert.equal((await clerk.get(url)).statusCode, 403, url);
    }
    assert.equal((await clerk.post('/staff/payments/reconciliation', { date: DAY })).statusCode, 403);
    assert.equal((await clerk.post(`/staff/payments/${paidId}/reconcile`)).statusCode, 403);
    const anonymous = await t.browser().get('/staff/payments');
    assert.equal(anonymous.statusCode, 303, 'not logged in: to the login page');
    assert.match(String(anonymous.headers.location), /^\/staff\/login/);
    const admin = t.browser();
    await admin.loginStaff('admin');
    assert.equal((await admin.get('/staff/payments')).statusCode, 200);
  });
});

describe('会計課 (kaikei.tanto)', () => {
  test('the list with filters and paging; a payment’s timeline, refunds and ledger lines', async () => {
    const list = await kaikei.get('/staff/payments');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /江刺体育文化会館/);
    assert.match(list.body, /一部返金/);
    assert.match(list.body, /3件（支払い済みの純額 10,000円）/);
    // The service each payment came from, in words: never the internal source code.
    assert.match(list.body, /<td[^>]*>施設予約<\/td>/);
    assert.match(list.body, /<td[^>]*>オンライン申請の手数料<\/td>/);
    assert.doesNotMatch(list.body, /<td[^>]*>(facilities|procedures)<\/td>/);
    assert.match(list.body, /<option value="facilities"[^>]*>施設予約<\/option>/);
    const filtered = await kaikei.get('/staff/payments?status=refunded&method=card');
    assert.match(filtered.body, /1件/);
    assert.doesNotMatch(filtered.body, /住民票の写し/);
    const byWareki = await kaikei.get(`/staff/payments?from=${encodeURIComponent('令和8年7月15日')}&to=${encodeURIComponent('R8.7.15')}&source=procedures`);
    assert.match(byWareki.body, /2件/);
    const badDate = await kaikei.get('/staff/payments?from=2026-13-40');
    assert.equal(badDate.statusCode, 400);
    assert.match(badDate.body, /期間（から）の「2026-13-40」は日付として読めません/);
    assert.match(badDate.body, /value="2026-13-40"/);

    const detail = await kaikei.get(`/staff/payments/${paidId}`);
    assert.equal(detail.statusCode, 200);
    assert.match(detail.body, /支払い完了（通知）/);
    assert.match(detail.body, /返金を依頼/);
    assert.match(detail.body, /返金完了（依頼への応答）/);
    assert.match(detail.body, /決済代行未収金（simulator）/);
    assert.match(detail.body, /返金（施設予約・収入の控除）/);
    assert.match(detail.body, /<dd[^>]*>施設予約<\/dd>/);
    assert.doesNotMatch(detail.body, /facilities \//);
    assert.match(detail.body, /領収書（PDF）をダウンロード/);
    assert.equal((await kaikei.get('/staff/payments/00000000-0000-4000-8000-000000000000')).statusCode, 404);
  });

  test('CSV export: UTF-8 with a BOM, formulas neutralised, audited', async () => {
    const csv = await kaikei.get('/staff/payments/export.csv');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.ok(csv.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'BOM');
    assert.match(csv.body, /決済番号,受付日時,業務/);
    assert.match(csv.body, /"'=HYPERLINK\(""http:\/\/evil.example"",""開く""\)"/, 'the formula is neutralised');
    assert.doesNotMatch(csv.body, /,=HYPERLINK|,"=HYPERLINK/);
    const audit = await t.db.kysely.selectFrom('audit_log').select('details').where('action', '=', 'payments.exported').execute();
    assert.equal(audit.length, 1);
  });

  test('the business reference (not the internal id) on the page, in the CSV and on the receipt; the CSV status agrees with the list', async () => {
    const row = await paymentsDb(t.db.kysely).selectFrom('payments').select(['reference', 'display_reference']).where('id', '=', paidId).executeTakeFirstOrThrow();
    assert.equal(row.display_reference, 'F260715-LGARM');
    const detail = await kaikei.get(`/staff/payments/${paidId}`);
    assert.match(detail.body, /業務側の参照番号<\/dt><dd[^>]*>F260715-LGARM<\/dd>/);
    assert.ok(!detail.body.includes(row.reference), 'the internal reference is not shown');
    const list = await kaikei.get('/staff/payments');
    assert.match(list.body, /一部返金/);
    assert.equal((await kaikei.get('/staff/payments?q=F260715-LGARM')).body.includes(`/staff/payments/${paidId}`), true, 'found by its business reference');
    const csv = await kaikei.get('/staff/payments/export.csv');
    const line = csv.body.split(/\r?\n/).find((l) => l.startsWith(paidId))!;
    assert.ok(line, 'the paid payment is in the CSV');
    assert.ok(line.includes(',F260715-LGARM,'), line);
    assert.ok(!line.includes(row.reference), line);
    assert.ok(line.includes(',一部返金,'), line);
    assert.ok(!line.includes('支払い済み'), line);
    const pdf = await kaikei.get(`/staff/payments/${paidId}/receipt.pdf`);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf.rawPayload, encoding: 'utf8' });
    assert.match(text, /参照番号\s+F260715-LGARM/);
    assert.ok(!text.includes(paidId), 'no internal id on the receipt');
    assert.doesNotMatch(text, /決済番号/);
  });

  test('the receipt download', async () => {
    const pdf = await kaikei.get(`/staff/payments/${paidId}/receipt.pdf?name=${encodeURIComponent('奥州 花子')}`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(String(pdf.headers['content-disposition']), /receipt-R-2026-\d{6}\.pdf/);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf.rawPayload, encoding: 'utf8' });
    assert.match(text, /領\s*収\s*書/);
    assert.match(text, /12,300/);
    const unpaid = await kaikei.get(`/staff/payments/${lostId}/receipt.pdf`);
    assert.equal(unpaid.statusCode, 409);
    assert.match(unpaid.body, /まだ完了していないため、領収書は発行できません/);
  });

  test('reconciliation: a date typed in 和暦, the lost payment fixed, differences marked in words; the ledger in balance', async () => {
    clock.now = japanInstant(addDays(DAY, 1), 9 * 3600);
    const page = await kaikei.get('/staff/payments/reconciliation');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`value="${DAY}"`), 'yesterday is suggested');
    const future = await kaikei.post('/staff/payments/reconciliation', { date: '令和9年1月1日' });
    assert.equal(future.statusCode, 400);
    assert.match(future.body, /<a href="#date">対象日は今日以前の日付にしてください。<\/a>/);
    assert.match(future.body, /value="令和9年1月1日"/);
    const wrong = await kaikei.post('/staff/payments/reconciliation', { date: '７月３２日' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /日付として読めません/);

    // The gateway reports another amount for the paid one: a difference people must look at.
    await paymentsDb(t.db.kysely).updateTable('payment_simulator_checkouts').set({ amount_yen: 12000 }).where('merchant_payment_id', '=', paidId).execute();
    const run = await kaikei.post('/staff/payments/reconciliation', { date: '令和8年7月15日' });
    assert.equal(run.statusCode, 303);
    assert.equal(run.headers.location, `/staff/payments/reconciliation/${DAY}`);
    const day = await kaikei.follow(run);
    assert.equal(day.statusCode, 200);
    assert.match(day.body, /差異が1件あります/);
    assert.match(day.body, /金額が違う取引（1件）/);
    assert.match(day.body, /差異 支払い/, 'the row is marked in words');
    assert.match(day.body, /照会して反映した取引（1件）/);
    assert.match(day.body, /住民票の写し/);
    assert.equal((await t.platform.payments.get(lostId))!.status, 'paid', 'the lost webhook was fixed by a status query');
    const list = await kaikei.get('/staff/payments/reconciliation');
    assert.match(list.body, /差異あり/);
    assert.match(list.body, /差異 1件/);
    const csv = await kaikei.get(`/staff/payments/reconciliation/${DAY}/report.csv`);
    assert.ok(csv.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
    assert.match(csv.body, /金額が違う取引,支払い/);

    const ledger = await kaikei.get('/staff/payments/ledger');
    assert.equal(ledger.statusCode, 200);
    assert.match(ledger.body, /（貸借一致）/);
    assert.match(ledger.body, /指定金融機関口座/, 'the payout was posted');
    const journal = await kaikei.get(`/staff/payments/ledger/journal.csv?from=${DAY}&to=${addDays(DAY, 1)}`);
    assert.equal(journal.statusCode, 200);
    assert.match(journal.body, /revenue:facilities/);
    assert.equal((await kaikei.get('/staff/payments/ledger/journal.csv?from=2026-07-20&to=2026-07-01')).statusCode, 400);
  });

  test('a status query from the payment page is applied and audited', async () => {
    const simulator = t.platform.payments.provider as SimulatorProvider;
    const { payment, redirectUrl } = await t.platform.payments.create({ source: 'facilities', reference: 'query-me', amountYen: 1500, description: '奥州市 前沢ふれあいセンター 和室 使用料', returnUrl: '/back' });
    await simulator.settle(redirectUrl.split('/').pop()!, 'pay');
    const page = await kaikei.get(`/staff/payments/${payment.id}`);
    assert.match(page.body, /決済事業者に状態を照会して反映/);
    const answer = await kaikei.post(`/staff/payments/${payment.id}/reconcile`, { back: '//evil.example/' });
    assert.equal(answer.statusCode, 303);
    assert.equal(answer.headers.location, `/staff/payments/${payment.id}`, 'only our own pages as "back"');
    const after = await kaikei.follow(answer);
    assert.match(after.body, /決済事業者に照会しました（現在の状態：支払い済み）/);
    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'actor_type']).where('target_id', '=', payment.id).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => `${a.actor_type}:${a.action}`), ['system:payments.paid', 'staff:payments.status.queried']);
  });
});
