import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { currentStep, totpAt } from '../../src/platform/staff/totp.ts';
import { DEMO_STAFF_PASSWORD, demoTotpSecret } from '../../src/platform/staff/demo-staff.ts';
import { axeViolations, describeViolations, serveAndLaunch, type Served } from './browser-harness.ts';

let s: Served;
before(async () => {
  s = await serveAndLaunch();
});
after(() => s.close());

/** Pages checked with axe-core along the journeys; each must have zero violations. */
const checked: string[] = [];
async function assertAccessible(page: Page) {
  const violations = await axeViolations(page);
  checked.push(new URL(page.url()).pathname);
  assert.deepEqual(violations, [], describeViolations(page.url(), violations));
}

async function residentLogin(page: Page, accountIndex: number, check = true) {
  await page.goto(`${s.baseUrl}/`);
  if (check) await assertAccessible(page);
  await page.getByRole('link', { name: 'ログイン' }).first().click();
  if (check) await assertAccessible(page);
  await page.getByRole('button', { name: 'マイナンバーカードでログイン' }).click();
  await page.waitForURL(/\/demo-idp\/interaction\//);
  if (check) {
    // The demo screen with every error shown is checked too.
    await page.getByRole('button', { name: '認証する' }).click();
    await page.waitForSelector('.error-summary');
    await assertAccessible(page);
  }
  await page.locator('input[name="account"]').nth(accountIndex).check();
  await page.getByLabel('マイナンバーカード（利用者証明用電子証明書）').check();
  await page.getByLabel('利用者証明用暗証番号（数字4桁）').fill('1234');
  await page.getByRole('button', { name: '認証する' }).click();
  await page.waitForURL(/\/mypage$/);
}

test('a resident logs in through the OpenID Connect flow and reaches my page', async () => {
  const context = await s.newContext();
  const page = await context.newPage();
  await residentLogin(page, 0, true);
  await assertAccessible(page);
  assert.equal(await page.locator('h1').textContent(), 'マイページ');
  assert.match((await page.textContent('main'))!, /マイナンバーカードで本人確認済み/);
  assert.match((await page.textContent('main'))!, /住民票に記録されている内容/);
  await page.goto(`${s.baseUrl}/no-such-page`);
  await assertAccessible(page);
  await page.goto(`${s.baseUrl}/lang?to=en&back=/mypage`);
  assert.equal(await page.locator('h1').textContent(), 'My page');
  await assertAccessible(page);
  await context.close();
});

test('the resident pages work with JavaScript turned off', async () => {
  const context = await s.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await residentLogin(page, 1, false);
  assert.match((await page.textContent('main'))!, /住民票に記録されている内容/);
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await page.waitForURL(`${s.baseUrl}/`);
  assert.match((await page.textContent('main'))!, /ログアウトしました/);
  await context.close();
});

test('staff log in with a TOTP code and search the registry', async () => {
  const context = await s.newContext();
  const page = await context.newPage();
  await page.goto(`${s.baseUrl}/staff/login`);
  await assertAccessible(page);
  await page.getByLabel('職員ID').fill('shimin.kacho');
  await page.getByLabel('パスワード').fill(DEMO_STAFF_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL(/\/staff\/login\/mfa$/);
  await assertAccessible(page);
  await s.app.db.kysely.updateTable('staff').set({ last_totp_step: 0 }).where('login_id', '=', 'shimin.kacho').execute();
  await page.getByLabel('確認コード（6桁）').fill(totpAt(demoTotpSecret('shimin.kacho'), currentStep()));
  await page.getByRole('button', { name: '確認する' }).click();
  await page.waitForURL(/\/staff$/);
  await assertAccessible(page);
  await page.getByRole('link', { name: '住民記録' }).click();
  await assertAccessible(page);
  await page.getByLabel('フリガナ').fill('さとう');
  await page.getByRole('button', { name: '検索する' }).click();
  await page.waitForSelector('#results');
  assert.match((await page.textContent('#results'))!, /検索結果 \d+件/);
  await assertAccessible(page);
  await page.locator('table a[href^="/staff/registry/residents/"]').first().click();
  await page.waitForSelector('text=異動履歴');
  await assertAccessible(page);
  // A bad date shows the error summary, which must be accessible too.
  await page.goto(`${s.baseUrl}/staff/registry?birthDate=R1.4.1`);
  await assertAccessible(page);
  await page.goto(`${s.baseUrl}/staff/registry/import`);
  await assertAccessible(page);
  await context.close();
});

test('the admin pages are accessible', async () => {
  const context = await s.newContext();
  const page = await context.newPage();
  await page.goto(`${s.baseUrl}/staff/login`);
  await page.getByLabel('職員ID').fill('admin');
  await page.getByLabel('パスワード').fill(DEMO_STAFF_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL(/\/staff\/login\/mfa$/);
  await s.app.db.kysely.updateTable('staff').set({ last_totp_step: 0 }).where('login_id', '=', 'admin').execute();
  await page.getByLabel('確認コード（6桁）').fill(totpAt(demoTotpSecret('admin'), currentStep()));
  await page.getByRole('button', { name: '確認する' }).click();
  await page.waitForURL(/\/staff$/);
  await page.getByRole('link', { name: '職員アカウント管理' }).click();
  await assertAccessible(page);
  await page.getByRole('link', { name: '職員を登録する' }).click();
  await assertAccessible(page);
  await page.getByRole('button', { name: '登録する' }).click();
  await page.waitForSelector('.error-summary');
  await assertAccessible(page);
  await page.goto(`${s.baseUrl}/staff/admin/staff`);
  await page.locator('table a').first().click();
  await assertAccessible(page);
  await context.close();
  assert.ok(checked.length >= 15, `checked ${checked.length} pages`);
});
