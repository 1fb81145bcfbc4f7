/**
 * Facility booking in the browser: a resident finds a free room with the filters,
 * logs in, registers once, books, pays on the simulated gateway and downloads the
 * receipt — every page of the flow with 0 axe-core violations; then the same journey
 * with JavaScript turned off. The app is served with the facilities service (its
 * test kit), on a fixed clock.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { createFacilitiesTestApp, type FacilitiesTestApp } from '../../src/services/facilities/facilities-test-kit.ts';
import { assertAccessible, CHROMIUM } from './browser-harness.ts';

let t: FacilitiesTestApp;
let browser: Browser;
let baseUrl: string;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

before(async () => {
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  t = await createFacilitiesTestApp({ env: { PUBLIC_URL: baseUrl } });
  await t.app.listen({ port, host: '127.0.0.1' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
});
after(async () => {
  await browser?.close();
  await t?.close();
});

const newPage = async (options: BrowserContextOptions = {}) => (await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', acceptDownloads: true, ...options })).newPage();

async function journey(page: Page, account: number, block: 'morning' | 'afternoon', expectFee: string, axe: boolean) {
  // axe-core runs as a script in the page: with JavaScript off the same pages (checked with it on) are walked through only.
  const check = async (p: Page) => {
    if (axe) await assertAccessible(p);
  };
  page.setDefaultTimeout(30_000);
  // 1. Find a free room: filters by area, purpose, capacity and date (no login needed).
  await page.goto(`${baseUrl}/facilities`);
  await check(page);
  await page.getByLabel('地域').selectOption('水沢');
  await page.getByLabel('利用目的').selectOption('meeting');
  await page.getByLabel('利用人数（以上）').fill('20');
  await page.getByLabel('利用日', { exact: true }).fill('令和9年6月8日');
  await page.getByRole('button', { name: 'この条件で表示' }).click();
  await page.waitForURL(/date=/);
  await check(page);
  assert.match((await page.textContent('main'))!, /2027年6月8日（令和9年）（火）の空き状況/);
  assert.doesNotMatch((await page.textContent('main'))!, /会議室2/, 'too small for 20 people');
  await page.locator(`a[href="/facilities/book?room=kominkan-meeting-1&date=2027-06-08&blocks=${block}"]`).click();

  // 2. Log in (demo My Number card), then the one-time contact registration.
  await page.waitForURL(/\/auth\/login/);
  await check(page);
  await page.getByRole('button', { name: 'マイナンバーカードでログイン' }).click();
  await page.waitForURL(/\/demo-idp\/interaction\//);
  await check(page);
  await page.locator('input[name="account"]').nth(account).check();
  await page.getByLabel('マイナンバーカード（利用者証明用電子証明書）').check();
  await page.getByLabel('利用者証明用暗証番号（数字4桁）').fill('1234');
  await page.getByRole('button', { name: '認証する' }).click();
  await page.waitForURL(/\/facilities\/register/);
  await check(page);
  await page.getByLabel('フリガナ').fill('オウシュウ タロウ');
  await page.getByLabel('電話番号').fill('090-1234-5678');
  await page.getByLabel('メールアドレス').fill(`resident${account}@example.jp`);
  await page.getByRole('button', { name: '登録する' }).click();

  // 3. The form, a refusal that keeps what was typed, then the review with the fee.
  await page.waitForURL(/\/facilities\/book\?/);
  await check(page);
  await page.getByLabel('利用目的').selectOption('meeting');
  await page.getByLabel('利用内容').fill('町内会の役員会');
  await page.getByLabel('利用人数').fill('99');
  await page.getByRole('button', { name: '料金を確認する' }).click();
  await page.waitForSelector('.error-summary');
  await check(page);
  assert.match((await page.textContent('.error-summary'))!, /「利用人数」が会議室1の定員（36人）を超えています/);
  assert.equal(await page.getByLabel('利用内容').inputValue(), '町内会の役員会');
  await page.getByLabel('利用人数').fill('12');
  await page.getByRole('button', { name: '料金を確認する' }).click();
  await page.waitForSelector('text=予約内容と使用料の確認');
  await check(page);
  assert.match((await page.textContent('main'))!, new RegExp(`お支払い額\\s*${expectFee}`));
  await page.getByLabel('利用規則と取消規定に同意します').check();
  await page.getByRole('button', { name: 'この内容で予約する' }).click();

  // 4. The booking, paid on the simulated gateway.
  await page.waitForURL(/\/facilities\/bookings\/[0-9a-f-]{36}$/);
  await check(page);
  assert.match((await page.textContent('main'))!, /予約を受け付けました/);
  await page.getByRole('button', { name: `${expectFee}を支払う` }).click();
  await page.waitForURL(/\/dev\/pay\/sim_/);
  await check(page);
  assert.match((await page.textContent('main'))!, /奥州市 施設使用料 水沢公民館 会議室1/);
  await page.getByRole('button', { name: `${expectFee}を支払う` }).click();
  await page.waitForURL(/\/facilities\/bookings\/[0-9a-f-]{36}$/);
  await check(page);
  const main = (await page.textContent('main'))!;
  assert.match(main, /お支払いを確認しました。予約が確定しました/);
  assert.match(main, /オンラインで支払い済み/);

  // 5. The receipt.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: '領収書（PDF）をダウンロード' }).click();
  const download = await downloading;
  assert.match(download.suggestedFilename(), /^receipt-F270608-.+\.pdf$/);
  const file = await download.path();
  assert.equal(fs.readFileSync(file!).subarray(0, 5).toString(), '%PDF-');

  // 6. My bookings and my page show it, with the receipt.
  await page.goto(`${baseUrl}/facilities/mine`);
  await check(page);
  assert.match((await page.textContent('main'))!, /確定/);
  await page.goto(`${baseUrl}/mypage`);
  await check(page);
  assert.match((await page.textContent('main'))!, /領収書（PDF）/);
  await page.context().close();
}

test('find a free room, book, pay on the simulated gateway, download the receipt', async () => {
  await journey(await newPage(), 0, 'morning', '700円', true);
});

test('the same journey with JavaScript turned off', async () => {
  await journey(await newPage({ javaScriptEnabled: false }), 1, 'afternoon', '900円', false);
});
