/**
 * The no-writing counter in the browser: a Citizens Division clerk finds a resident
 * by kana and a 和暦 birth date, records the identity check, adds the move-in
 * bundle, completes the water form; the second screen (a second window in the same
 * session) follows the clerk's edit by itself and takes the resident's confirmation;
 * the clerk submits directly and reads the statistics. Every page: 0 axe-core violations.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatWareki } from '../../src/platform/text/wareki.ts';
import { toHiragana } from '../../src/platform/text/kana.ts';
import { TEST_NOW } from '../../src/services/counter/counter-test-kit.ts';
import { assertAccessible, serveAndLaunch, type Served } from './browser-harness.ts';

let s: Served;
before(async () => {
  s = await serveAndLaunch({ now: () => TEST_NOW });
});
after(() => s.close());

test('the clerk’s flow and the second screen, accessible throughout', async () => {
  const r = await s.app.db.kysely
    .withTables<{ registry_residents: { id: string; family_name: string; given_name: string; family_name_kana: string; birth_date: string } }>()
    .selectFrom('registry_residents')
    .selectAll()
    .where('id', '=', 'r0005')
    .executeTakeFirstOrThrow();
  const context = await s.newContext();
  const clerk = await s.staffLogin(context, 'shimin.tanto');
  await clerk.getByRole('link', { name: '書かない窓口' }).first().click();
  await clerk.waitForURL(/\/staff\/counter$/);
  await assertAccessible(clerk);

  // A mistake first: the error summary and the messages are accessible too.
  await clerk.getByLabel('フリガナ').fill('奥州');
  await clerk.getByLabel('生年月日').fill('平成32年1月1日');
  await clerk.getByRole('button', { name: '住民記録を検索' }).click();
  await clerk.waitForSelector('.error-summary');
  await assertAccessible(clerk);

  await clerk.getByLabel('フリガナ').fill(toHiragana(r.family_name_kana).slice(0, 2));
  await clerk.getByLabel('生年月日').fill(formatWareki(r.birth_date));
  await clerk.getByRole('button', { name: '住民記録を検索' }).click();
  await clerk.waitForSelector('#candidates');
  await assertAccessible(clerk);
  await clerk.locator('a[href="/staff/counter/residents/r0005"]').click();
  await clerk.waitForURL(/\/residents\/r0005$/);
  await assertAccessible(clerk);

  await clerk.getByLabel('マイナンバーカード').check();
  await clerk.getByLabel('書類番号の末尾（任意）').fill('4321');
  await clerk.getByRole('button', { name: '本人確認を記録して受付を始める' }).click();
  await clerk.waitForURL(/\/staff\/counter\/visits\/[0-9a-f-]{36}$/);
  const visitUrl = clerk.url();
  await assertAccessible(clerk);

  await clerk.getByRole('button', { name: '転入セットを追加' }).click();
  await clerk.waitForSelector('text=水道の使用開始・中止申込');
  await assertAccessible(clerk);

  // Only the water form is finished today: the others need scanned documents.
  for (const title of ['国民健康保険 加入・脱退の届出', '児童手当 認定請求', '子ども医療費助成 受給者証交付申請']) {
    await clerk.getByRole('button', { name: `「${title}」を外す` }).click();
    await clerk.waitForURL(visitUrl);
  }

  await clerk.getByRole('link', { name: '水道の使用開始・中止申込（開栓・閉栓）' }).click();
  await clerk.waitForURL(/\/forms\/suido-kaiheisen$/);
  assert.equal(await clerk.locator('#applicantName').inputValue(), `${r.family_name} ${r.given_name}`, 'pre-filled from the register');
  await assertAccessible(clerk);
  await clerk.locator('#applicantPhone').fill('090-1234-5678');
  await clerk.getByRole('button', { name: '保存して受付画面に戻る' }).click();
  await clerk.waitForSelector('.error-summary');
  await assertAccessible(clerk);
  await clerk.locator('#date').fill('2026-12-01');
  await clerk.locator('#usePostal').fill('023-0053');
  await clerk.locator('#useAddress').fill('水沢大手町1-1');
  await clerk.locator('#meterLocation').selectOption('frontDoor');
  await clerk.getByLabel('一般家庭').check();
  await clerk.getByLabel('公共下水道・農業集落排水に接続している').check();
  await clerk.locator('#persons').fill('3');
  await clerk.getByLabel('納付書（コンビニ・金融機関）').check();
  await clerk.getByRole('button', { name: '保存して受付画面に戻る' }).click();
  await clerk.waitForURL(visitUrl);

  // The customer-facing monitor: a second window in the same session.
  const display = await context.newPage();
  await display.goto(`${visitUrl}/display`);
  await display.waitForSelector('text=この内容で間違いありません');
  assert.match((await display.textContent('main'))!, /3人/);
  await assertAccessible(display);

  // The clerk corrects the number of people; the second screen follows by itself (its script polls).
  await clerk.goto(`${visitUrl}/forms/suido-kaiheisen`);
  await clerk.locator('#persons').fill('4');
  await clerk.getByRole('button', { name: '保存して受付画面に戻る' }).click();
  await clerk.waitForURL(visitUrl);
  await display.waitForFunction(() => /4人/.test(document.querySelector('main')?.textContent ?? ''), undefined, { timeout: 15000 });

  await display.getByRole('button', { name: 'この内容で間違いありません' }).click();
  await display.waitForSelector('text=ご確認ありがとうございました');
  await assertAccessible(display);

  await clerk.reload();
  await clerk.waitForSelector('text=確認済み');
  await clerk.getByRole('group', { name: '水道の使用開始・中止申込（開栓・閉栓）' }).getByLabel('直接申請する').check();
  await clerk.getByRole('button', { name: '選んだとおりに完了する' }).click();
  await clerk.waitForSelector('text=/OSU-2026-\\d{6}/');
  await assertAccessible(clerk);

  await clerk.getByRole('button', { name: '受付を終了する' }).click();
  await clerk.waitForSelector('text=すべて完了');
  await assertAccessible(clerk);
  await display.waitForSelector('text=お手続きの受付は終わりました', { timeout: 15000 });
  await assertAccessible(display);

  await clerk.goto(`${s.baseUrl}/staff/counter/stats`);
  await clerk.waitForSelector('svg[role="img"]');
  await assertAccessible(clerk);
  await context.close();
});
