import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { assertAccessible, serveAndLaunch, type Served } from './browser-harness.ts';

let s: Served;
before(async () => {
  s = await serveAndLaunch();
});
after(() => s.close());


test('with JavaScript the question box becomes a chat that answers in place', async () => {
  const context = await s.newContext();
  const page = await context.newPage();
  await page.goto(`${s.baseUrl}/`);
  await page.getByRole('textbox', { name: '市へのご質問' }).fill('粗大ごみはどうやって出せばいいですか');
  await page.getByRole('button', { name: '質問する' }).click();
  await page.waitForSelector('#chat-log li.from-bot p');
  assert.equal(page.url(), `${s.baseUrl}/`, 'the answer appears without leaving the page');
  const reply = await page.locator('#chat-log li.from-bot').first().textContent();
  assert.match(reply!, /出典|候補/);
  await assertAccessible(page);
  const yes = page.locator('#chat-log li.from-bot button', { hasText: '役に立った' });
  if (await yes.count()) {
    await yes.first().click();
    await page.waitForSelector('text=ご意見ありがとうございました');
  }
  await context.close();
});

test('without JavaScript the same box opens the answer page, and a person can be asked', async () => {
  // (axe-core needs JavaScript to run, so these pages are checked in the next test.)
  const context = await s.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${s.baseUrl}/`);
  await page.getByRole('textbox', { name: '市へのご質問' }).fill('住民票の写しはコンビニで取れますか');
  await page.getByRole('button', { name: '質問する' }).click();
  await page.waitForURL(/\/ask\?q=/);
  assert.match((await page.textContent('main'))!, /回答/);
  await page.getByRole('link', { name: '職員に質問する' }).click();
  await page.waitForURL(/\/ask\/inquiry/);
  await page.getByLabel('メールアドレス（任意）').fill('not-an-email');
  await page.getByRole('button', { name: '送信する' }).click();
  await page.waitForSelector('.error-summary');
  await page.getByLabel('メールアドレス（任意）').fill('hanako@example.jp');
  await page.getByRole('button', { name: '送信する' }).click();
  await page.waitForSelector('text=ご質問を受け付けました');
  assert.match((await page.textContent('main'))!, /受付番号：Q-/);
  await context.close();
});

test('the question, FAQ and inquiry pages have no accessibility violations', async () => {
  const context = await s.newContext();
  const page = await context.newPage();
  for (const path of ['/ask', `/ask?q=${encodeURIComponent('住民票の写しはコンビニで取れますか')}`, `/ask?q=${encodeURIComponent('😀')}`, '/ask?q=%20', '/ask/faq/sodai-gomi', '/ask/inquiry?q=x']) {
    await page.goto(`${s.baseUrl}${path}`);
    await assertAccessible(page);
  }
  await page.getByLabel('メールアドレス（任意）').fill('not-an-email');
  await page.getByRole('button', { name: '送信する' }).click();
  await page.waitForSelector('.error-summary');
  await assertAccessible(page);
  await page.getByLabel('メールアドレス（任意）').fill('');
  await page.getByRole('button', { name: '送信する' }).click();
  await page.waitForSelector('text=ご質問を受け付けました');
  await assertAccessible(page);
  await context.close();
});
