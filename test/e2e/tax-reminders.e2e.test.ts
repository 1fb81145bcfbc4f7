/**
 * Tax reminders in the browser: a tax clerk uploads a Shift_JIS CSV and checks the
 * preview, a tax manager approves and sends (four eyes); the taxpayer opens the SMS link, pays in the payment
 * simulator and the payment shows on the dashboard. Every page: 0 axe-core violations.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { encodeShiftJis } from '../../src/platform/testing/shift-jis.ts';
import { japanInstant, todayInJapan } from '../../src/platform/time/today.ts';
import { assertAccessible, serveAndLaunch, type Served } from './browser-harness.ts';

let s: Served;
before(async () => {
  const clock = japanInstant(todayInJapan(), 10 * 3600);
  s = await serveAndLaunch({ now: () => clock });
});
after(() => s.close());



test('upload, preview, send; the taxpayer pays through the short link; the dashboard counts it', async () => {
  const staff = await s.staffLogin(await s.newContext(), 'zeimu.tanto');
  await staff.getByRole('link', { name: '納税督促（SMS）' }).first().click();
  await assertAccessible(staff);
  await staff.getByRole('link', { name: '新しい督促キャンペーン' }).click();
  await assertAccessible(staff);
  // Submitting without a file shows every error, accessibly.
  await staff.getByRole('button', { name: '取り込んで確認する' }).click();
  await staff.waitForSelector('.error-summary');
  await assertAccessible(staff);
  const csv = [
    '納税義務者番号,氏名,電話番号,税目,年度,期別,金額,納期限',
    '400001,奥州 花子,090-1234-5678,市県民税,令和7年度,第3期,"12,300",令和7年12月25日',
    '400002,水沢 一郎,0197-24-2111,固定資産税,令和7年度,第3期,45000,令和7年12月25日',
  ].join('\r\n');
  await staff.getByLabel('件名（職員用）').fill('令和7年度 市県民税 第3期 督促');
  await staff.locator('input[name="file"]').setInputFiles({ name: 'taikin.csv', mimeType: 'text/csv', buffer: encodeShiftJis(csv) });
  await staff.getByRole('button', { name: '取り込んで確認する' }).click();
  await staff.waitForURL(/\/staff\/tax-reminders\/campaigns\//);
  await assertAccessible(staff);
  assert.match((await staff.textContent('main'))!, /データ2行：送信対象1件、誤り1件/);
  assert.match((await staff.textContent('main'))!, /奥州 花子様 奥州市税務課です。/);
  // The clerk prepared it; another person, a manager, approves and sends.
  const manager = await s.staffLogin(await s.newContext(), 'zeimu.kacho');
  await manager.goto(staff.url());
  await manager.getByLabel('文面と送信対象（1件）を確認しました').check();
  await manager.getByRole('button', { name: '承認して送信する' }).click();
  await manager.waitForSelector('text=1件を');
  await assertAccessible(manager);

  await sql`UPDATE jobs SET run_at = now() WHERE queue = 'tax-reminders.send'`.execute(s.app.db.kysely);
  await s.app.platform.jobs.drain();
  const sms = s.app.notifier.sent.find((m) => m.source === 'tax-reminders')!;
  const link = /(http:\/\/127\.0\.0\.1:\d+\/p\/[A-Za-z0-9]{10})/.exec(sms.body)![1]!;

  const payer = await (await s.newContext()).newPage();
  await payer.goto(link);
  await assertAccessible(payer);
  await payer.getByRole('button', { name: '納付手続きへ進む' }).click();
  await payer.waitForURL(/\/dev\/pay\/sim_/);
  await assertAccessible(payer);
  assert.match((await payer.textContent('main'))!, /12,300円/);
  await payer.getByRole('button', { name: '支払う' }).click();
  await payer.waitForURL(/\/return\?payment=/);
  await assertAccessible(payer);
  assert.match((await payer.textContent('main'))!, /納付を受け付けました/);

  await manager.reload();
  assert.equal(await manager.locator('[data-stat="paidWithinWindow"]').textContent(), '1');
  await assertAccessible(manager);
  await manager.goto(`${s.baseUrl}/staff/tax-reminders/templates`);
  await assertAccessible(manager);
  await manager.goto(`${s.baseUrl}/dev/pay`);
  await assertAccessible(manager);
});
