// Browser journeys through the payment pages (Debian's Chromium + axe-core): the
// simulator's checkout (declined card, a typo, QR paid on a "phone" while the
// checkout page polls), the same without JavaScript, and 会計課's pages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, serveAndLaunch, type Served } from './browser-harness.ts';
import { todayInJapan } from '../../src/platform/time/today.ts';

let s: Served;
before(async () => {
  s = await serveAndLaunch();
});
after(() => s.close());

async function openPayment(amountYen: number) {
  const { payment, redirectUrl } = await s.app.platform.payments.create({ source: 'facilities', reference: `e2e-${Math.random()}`, amountYen, description: '奥州市 水沢体育館 アリーナ 使用料', returnUrl: '/?paid={paymentId}' });
  return { id: payment.id, url: redirectUrl };
}

test('card declined, a typo named, then QR paid on a phone while the checkout moves on by itself', async () => {
  const { id, url } = await openPayment(6600);
  const payer = await (await s.newContext()).newPage();
  await payer.goto(url);
  await assertAccessible(payer);
  await payer.getByLabel('カード番号').fill('4000 0000 0000 0002');
  await payer.getByRole('button', { name: '6,600円を支払う' }).click();
  assert.match((await payer.textContent('main'))!, /カードが承認されませんでした/);
  await assertAccessible(payer);
  await payer.getByLabel('カード番号').fill('4242 4242 4242 4241');
  await payer.getByLabel('セキュリティコード').fill('123');
  await payer.getByRole('button', { name: '6,600円を支払う' }).click();
  assert.match((await payer.textContent('.error-summary'))!, /カード番号が正しくありません/);
  await assertAccessible(payer);

  // The wallet app on a phone reads the QR code's address and pays; the checkout page notices by itself.
  await payer.locator('#qr-waiting').waitFor({ state: 'visible' });
  const walletUrl = (await payer.locator('#qr-url').getAttribute('href'))!;
  const phone = await (await s.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto(walletUrl);
  await assertAccessible(phone);
  await phone.getByRole('button', { name: '支払う' }).click();
  assert.match((await phone.textContent('main'))!, /支払いが完了しました/);
  await assertAccessible(phone);
  await payer.waitForURL(new RegExp(`\\?paid=${id}`), { timeout: 15_000 });
  assert.equal((await s.app.platform.payments.get(id))!.method, 'qr');
});

test('without JavaScript: the prefilled test card pays', async () => {
  const { id, url } = await openPayment(1200);
  const payer = await (await s.newContext({ javaScriptEnabled: false })).newPage();
  await payer.goto(url);
  await payer.getByRole('button', { name: '1,200円を支払う' }).click();
  await payer.waitForURL(new RegExp(`\\?paid=${id}`));
  assert.deepEqual([(await s.app.platform.payments.get(id))!.status, (await s.app.platform.payments.get(id))!.method], ['paid', 'card']);
});

test('会計課: payments, a payment, the day’s reconciliation and the ledger, each accessible', async () => {
  const { id } = await openPayment(3000);
  const context = await s.newContext();
  const staff = await s.staffLogin(context, 'kaikei.tanto');
  await staff.goto(`${s.baseUrl}/staff/payments`);
  await assertAccessible(staff);
  await staff.goto(`${s.baseUrl}/staff/payments/${id}`);
  await assertAccessible(staff);
  await staff.goto(`${s.baseUrl}/staff/payments/reconciliation`);
  await assertAccessible(staff);
  await staff.getByLabel('対象日').fill(todayInJapan());
  await staff.getByRole('button', { name: '照合する' }).click();
  await staff.waitForURL(/\/staff\/payments\/reconciliation\/\d{4}-\d{2}-\d{2}$/);
  await assertAccessible(staff);
  await staff.goto(`${s.baseUrl}/staff/payments/ledger`);
  assert.match((await staff.textContent('main'))!, /貸借一致/);
  await assertAccessible(staff);
});
