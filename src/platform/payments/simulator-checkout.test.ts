import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { paymentsDb } from './payment-tables.ts';
import type { PaymentMethod } from './payment-provider.ts';
import { cardBrand, checkCard, passesLuhn } from './simulator-card.ts';
import { qrCodeDataUrl } from './simulator-qr.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ registry: false, now: () => new Date('2026-06-01T03:00:00Z') });
});
after(() => t.close());

async function open(methods?: PaymentMethod[]) {
  const { payment, redirectUrl } = await t.platform.payments.create({ source: 'facilities', reference: `b-${Math.random()}`, amountYen: 4800, description: '奥州市 水沢公民館 会議室 使用料', returnUrl: '/back?payment={paymentId}', ...(methods ? { methods } : {}) });
  return { payment, path: new URL(redirectUrl).pathname, ref: redirectUrl.split('/').pop()! };
}

describe('card rules (no I/O)', () => {
  test('Luhn, brands, expiry and the test numbers', () => {
    assert.ok(passesLuhn('4242424242424242'));
    assert.ok(passesLuhn('4000000000000002'));
    assert.ok(!passesLuhn('4242424242424241'));
    assert.equal(cardBrand('3530111333300000'), 'JCB');
    assert.equal(cardBrand('5555555555554444'), 'Mastercard');
    const now = new Date('2026-06-01T03:00:00Z');
    assert.deepEqual(checkCard({ cardNumber: '４２４２ ４２４２ ４２４２ ４２４２', expiry: '06/26', cvc: '123', cardName: 'TARO OSHU' }, now), { ok: true, brand: 'Visa', last4: '4242', approved: true }, 'full-width digits and spaces, expiring this month');
    assert.deepEqual(checkCard({ cardNumber: '4000-0000-0000-0002', expiry: '12/2030', cvc: '1234', cardName: 'Hanako Oshu' }, now), { ok: true, brand: 'Visa', last4: '0002', approved: false });
    const bad = checkCard({ cardNumber: '4242 4242 4242 4241', expiry: '05/26', cvc: '12', cardName: '奥州花子' }, now);
    assert.ok(!bad.ok);
    assert.deepEqual(bad.errors.map((e) => e.messageKey), ['payments.card.number.luhn', 'payments.card.expiry.past', 'payments.card.cvc.format', 'payments.card.name.format']);
  });
});

describe('the simulator’s checkout page', () => {
  test('card: declined, then a typo refused naming the field (what was typed kept), then approved; the city records the method and never the number', async () => {
    const { payment, path, ref } = await open();
    const payer = t.browser();
    const page = await payer.get(path);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /これは開発・デモ用の決済シミュレーターです/);
    assert.match(page.body, /4242 4242 4242 4242：承認されます/);
    assert.match(page.body, /4000 0000 0000 0002：カード会社に拒否されます/);
    assert.match(page.body, /autocomplete="cc-number"/);
    assert.match(page.body, /承認されるテスト用カードを入力済みです/, 'a sandbox convenience, said on the page');
    assert.match(page.body, /name="cardNumber"[^>]*value="4242 4242 4242 4242"|value="4242 4242 4242 4242"[^>]*name="cardNumber"/);

    const declined = await payer.post(path, { action: 'card', cardNumber: '4000 0000 0000 0002', expiry: '12/29', cvc: '123', cardName: 'TARO OSHU' });
    assert.equal(declined.statusCode, 402);
    assert.match(declined.body, /カードが承認されませんでした/);
    assert.match(declined.body, /別のカードでもう一度お試しいただくか/);
    assert.match(declined.body, /value="4000 0000 0000 0002"/, 'the payer can correct and retry');
    assert.equal((await t.platform.payments.get(payment.id))!.status, 'created');

    const typo = await payer.post(path, { action: 'card', cardNumber: '4242 4242 4242 4241', expiry: '12/29', cvc: '123', cardName: 'TARO OSHU' });
    assert.equal(typo.statusCode, 400);
    assert.match(typo.body, /<a href="#cardNumber">カード番号が正しくありません。/, 'the error summary links to the field');
    assert.match(typo.body, /id="cardNumber-error"[^>]*>カード番号が正しくありません/);
    assert.match(typo.body, /value="TARO OSHU"/);
    assert.doesNotMatch(typo.body, /value="123"/, 'the security code is never echoed back');

    const paid = await payer.post(path, { action: 'card', cardNumber: '4242 4242 4242 4242', expiry: '12/29', cvc: '123', cardName: 'TARO OSHU' });
    assert.equal(paid.statusCode, 303);
    assert.equal(paid.headers.location, `http://localhost:3000/back?payment=${payment.id}`);
    const city = (await t.platform.payments.get(payment.id))!;
    assert.equal(city.status, 'paid', 'settled by the signed webhook');
    assert.equal(city.method, 'card');
    const checkout = await paymentsDb(t.db.kysely).selectFrom('payment_simulator_checkouts').selectAll().where('ref', '=', ref).executeTakeFirstOrThrow();
    assert.deepEqual([checkout.card_brand, checkout.card_last4, checkout.declined_attempts], ['Visa', '4242', 1]);
    // The card number is nowhere in the city's tables (nor whole in the simulator's).
    const cityRows = JSON.stringify([
      await paymentsDb(t.db.kysely).selectFrom('payments').selectAll().where('id', '=', payment.id).execute(),
      await paymentsDb(t.db.kysely).selectFrom('payment_events').selectAll().where('payment_id', '=', payment.id).execute(),
      await t.db.kysely.selectFrom('audit_log').selectAll().where('target_id', '=', payment.id).execute(),
    ]);
    assert.doesNotMatch(cityRows, /4242 ?4242|424242|4241/);
    assert.doesNotMatch(JSON.stringify(checkout), /4242424242424242/);
    // Settled: the page says so and links back.
    const settled = await payer.get(path);
    assert.match(settled.body, /この支払いは「支払い済み」です/);
  });

  test('QR: a real QR code of the wallet address; the wallet pays, the polled state moves on, the city records QR', async () => {
    const { payment, path, ref } = await open();
    const payer = t.browser();
    const page = await payer.get(path);
    const walletUrl = `http://localhost:3000/dev/pay/${ref}/wallet`;
    const src = /<img id="qr-code" src="([^"]+)"/.exec(page.body)![1]!;
    assert.equal(src, await qrCodeDataUrl(walletUrl), 'the image encodes the wallet address');
    assert.match(src, /^data:image\/png;base64,/);
    assert.match(page.body, /アプリで支払ったことにする（シミュレーション）/);
    assert.match(page.body, /<script src="\/dev\/pay\/assets\/checkout-poll.js"/);
    assert.equal((await payer.get('/dev/pay/assets/checkout-poll.js')).statusCode, 200);
    assert.deepEqual((await payer.json('GET', `${path}/state`)).json(), { state: 'open' });

    const phone = t.browser();
    const wallet = await phone.get(new URL(walletUrl).pathname);
    assert.match(wallet.body, /ウォレットアプリ（シミュレーション）/);
    assert.match(wallet.body, /4,800円/);
    const done = await phone.post(`${path}/wallet`);
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /支払いが完了しました/);
    assert.deepEqual((await payer.json('GET', `${path}/state`)).json(), { state: 'paid', returnUrl: `http://localhost:3000/back?payment=${payment.id}` });
    const city = (await t.platform.payments.get(payment.id))!;
    assert.deepEqual([city.status, city.method], ['paid', 'qr']);
    assert.equal((await phone.post(`${path}/wallet`)).statusCode, 409, 'paying twice is refused');
  });

  test('QR without JavaScript: the simulation button on the checkout page pays and returns', async () => {
    const { payment, path } = await open();
    const payer = t.browser();
    await payer.get(path);
    const back = await payer.post(path, { action: 'qr' });
    assert.equal(back.statusCode, 303);
    assert.equal(back.headers.location, `http://localhost:3000/back?payment=${payment.id}`);
    assert.equal((await t.platform.payments.get(payment.id))!.method, 'qr');
  });

  test('only the methods the service asked for are offered and accepted', async () => {
    const qrOnly = await open(['qr']);
    const payer = t.browser();
    const page = await payer.get(qrOnly.path);
    assert.doesNotMatch(page.body, /name="cardNumber"/);
    assert.match(page.body, /id="qr-code"/);
    const refused = await payer.post(qrOnly.path, { action: 'card', cardNumber: '4242424242424242', expiry: '12/29', cvc: '123', cardName: 'TARO OSHU' });
    assert.equal(refused.statusCode, 400);
    assert.equal((await t.platform.payments.get(qrOnly.payment.id))!.status, 'created');
    const cardOnly = await open(['card']);
    const cardPage = await payer.get(cardOnly.path);
    assert.doesNotMatch(cardPage.body, /id="qr-code"/);
    assert.equal((await payer.post(cardOnly.path, { action: 'qr' })).statusCode, 400);
    assert.deepEqual((await t.platform.payments.get(cardOnly.payment.id))!.methods, ['card']);
    await assert.rejects(t.platform.payments.create({ source: 'facilities', reference: 'x', amountYen: 100, description: 'x', returnUrl: '/', methods: [] }), /asked for nothing/);
  });

  test('cancel returns the payer and the city records it', async () => {
    const { payment, path } = await open();
    const payer = t.browser();
    await payer.get(path);
    const back = await payer.post(path, { action: 'cancel' });
    assert.equal(back.statusCode, 303);
    assert.equal((await t.platform.payments.get(payment.id))!.status, 'cancelled');
  });
});
