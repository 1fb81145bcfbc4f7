/** Notify's staff pages and the developer's simulator inbox in a real browser, checked with axe-core. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { settle } from '../../src/platform/notify/notify-test-kit.ts';
import { createTemplate } from '../../src/platform/notify/templates.ts';
import { assertAccessible, serveAndLaunch, type Served } from './browser-harness.ts';

let s: Served;
before(async () => {
  // A weekday morning in Japan: SMS wait outside quiet hours (21:00–08:00), so at night the test's SMS would never settle.
  const morning = Date.parse('2026-11-24T01:00:00Z');
  const started = Date.now();
  s = await serveAndLaunch({ now: () => new Date(morning + (Date.now() - started)) });
});
after(() => s.close());



test('the notification pages and the simulator inbox have no accessibility violations', async () => {
  const notify = s.app.platform.notify;
  await notify.notifier.send({ channel: 'sms', to: '090-1234-5678', body: '奥州市からのお知らせです。', source: 'e2e', reference: 'e2e-1' });
  await notify.notifier.send({ channel: 'email', to: 'hanako@example.jp', subject: '【奥州市】お知らせ', body: '本文です。\n二行目です。', source: 'e2e' });
  await settle(notify.db, s.app.platform.jobs);
  const templateId = await createTemplate(notify.db, { name: '納税のお知らせ', smsBody: '((氏名))様 納期限は((期限))です。', emailSubject: '', emailBody: '', lineBody: '', pushTitle: '', pushBody: '' }, null);

  const page = await s.staffLogin(await s.newContext(), 'admin');
  await page.getByRole('link', { name: '通知（SMS・メール・LINE・プッシュ）' }).click();
  await page.waitForURL(/\/staff\/notify$/);
  await assertAccessible(page);
  await page.locator('a[href^="/staff/notify/messages/"]').first().click();
  await page.waitForURL(/\/staff\/notify\/messages\//);
  assert.match(await page.content(), /経過/);
  await assertAccessible(page);
  await page.goto(`${s.baseUrl}/staff/notify/templates/${templateId}`);
  await page.getByLabel('「氏名」の見本の値').fill('奥州 花子');
  await page.getByLabel('「期限」の見本の値').fill('4月30日');
  await page.getByRole('button', { name: '見本の値でプレビューする' }).click();
  await page.waitForURL(/\/preview$/);
  assert.match(await page.content(), /奥州 花子様 納期限は4月30日です。/);
  await assertAccessible(page);
  for (const url of ['/staff/notify/templates', '/staff/notify/templates/new', '/staff/notify/api-keys', '/staff/notify/opt-outs', '/dev/notify']) {
    await page.goto(`${s.baseUrl}${url}`);
    await assertAccessible(page);
  }
  await page.goto(`${s.baseUrl}/staff/notify/api-keys`);
  await page.getByLabel('キーの名前').fill('e2e');
  await page.getByLabel('送信元サービス').fill('e2e');
  await page.getByRole('button', { name: '作成する' }).click();
  assert.match(await page.locator('#api-key-secret').innerText(), /^oshu-test-/);
  await assertAccessible(page);
});
