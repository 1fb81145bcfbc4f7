/**
 * The city app 「ぽちっと奥州」 in a real browser: reading and filtering news, subscribing
 * by email (confirming from the email) and by LINE, the service worker registering and
 * keeping the latest news for offline reading, the staff news desk and disaster mode.
 * Every page passes axe-core; subscribing also works with JavaScript turned off.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { assertAccessible, serveAndLaunch, type Served } from './browser-harness.ts';

let s: Served;
before(async () => {
  s = await serveAndLaunch();
});
after(() => s.close());



test('a resident reads and filters the news, and the service worker keeps it for offline reading', async () => {
  const context = await s.newContext();
  const page = await context.newPage();
  await page.goto(`${s.baseUrl}/`);
  await page.getByRole('link', { name: 'ぽちっと奥州' }).first().click();
  await page.waitForURL(/\/app\/$/);
  await assertAccessible(page);

  // The service worker registers with scope /app/ and takes control.
  await page.waitForFunction(() => document.documentElement.dataset.sw === 'ready', null, { timeout: 20_000 });
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/app/'))?.scope ?? null);
  assert.equal(scope, `${s.baseUrl}/app/`);
  assert.equal(await page.locator('#app-offline-ready').isVisible(), true);
  const manifestHref = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.getAttribute('href'));
  assert.equal(manifestHref, '/app/manifest.webmanifest');

  await page.getByRole('link', { name: 'すべてのお知らせを見る' }).click();
  await page.waitForURL(/\/app\/news$/);
  await assertAccessible(page);
  await page.getByLabel('分類').selectOption({ label: '観光' });
  await page.getByLabel('地域', { exact: true }).selectOption({ label: '江刺' });
  await page.getByRole('button', { name: '絞り込む' }).click();
  await page.waitForURL(/category=tourism/);
  await assertAccessible(page);
  const titles = await page.locator('main .news-list h2').allTextContents();
  assert.deepEqual(titles, ['えさし藤原の郷 秋の特別公開']);
  await page.getByRole('link', { name: 'えさし藤原の郷 秋の特別公開' }).click();
  await page.waitForURL(/\/app\/news\/[0-9a-f-]{36}$/);
  assert.match((await page.textContent('main'))!, /夜間ライトアップ/);
  await assertAccessible(page);

  // The latest articles were saved ahead of time: one never opened reads offline.
  const unseen = (await s.app.app.inject('/api/app/news?category=disaster&limit=1')).json().items[0] as { id: string; title: string };
  await page.waitForFunction(
    async (id) => {
      const cache = await caches.open('oshu-app-pages-v1');
      return Boolean(await cache.match(`/app/news/${id}`));
    },
    unseen.id,
    { timeout: 20_000, polling: 250 },
  );
  await context.setOffline(true);
  await page.goto(`${s.baseUrl}/app/news/${unseen.id}`);
  assert.equal(await page.locator('h1').textContent(), unseen.title);
  await page.goto(`${s.baseUrl}/app/childcare`);
  assert.match((await page.locator('h1').textContent())!, /オフラインです/, 'a page never saved shows the offline page');
  await assertAccessible(page);
  await context.setOffline(false);

  // Feeds are XML a browser can parse.
  for (const feed of ['/app/feed.rss', '/app/feed.atom']) {
    const problem = await page.evaluate(async (url) => {
      const text = await (await fetch(url)).text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return doc.querySelector('parsererror')?.textContent ?? null;
    }, feed);
    assert.equal(problem, null, feed);
  }
  await context.close();
});

test('a resident subscribes by email, confirms from the email, and can subscribe on LINE', async () => {
  const context = await s.newContext();
  const page = await context.newPage();
  await page.goto(`${s.baseUrl}/app/subscribe`);
  await assertAccessible(page);
  await page.getByRole('button', { name: '登録する' }).click();
  await page.waitForSelector('.error-summary');
  await assertAccessible(page);
  await page.getByLabel('メール', { exact: true }).check();
  await page.getByLabel('メールアドレス').fill('e2e-resident@example.jp');
  await page.getByLabel('防災').check();
  await page.getByLabel('子育て').check();
  await page.getByLabel('胆沢').check();
  await page.getByRole('button', { name: '登録する' }).click();
  await page.waitForSelector('text=確認のメールを送りました');
  await assertAccessible(page);

  await s.app.platform.jobs.drain();
  const mail = s.app.notifier.sent.find((m) => m.to === 'e2e-resident@example.jp')!;
  const link = /(http:\/\/\S+\/app\/subscribe\/confirm\/\S+)/.exec(mail.body)![1]!;
  await page.goto(link);
  await assertAccessible(page);
  await page.getByRole('button', { name: '受け取りを始める' }).click();
  await page.waitForSelector('text=登録が完了しました');
  await assertAccessible(page);

  await page.goto(`${s.baseUrl}/app/subscribe`);
  await page.getByLabel('LINE', { exact: true }).check();
  await page.getByLabel('イベント').check();
  await page.getByLabel('前沢').check();
  await page.getByRole('button', { name: '登録する' }).click();
  await page.waitForURL(/\/app\/line\/link\//);
  assert.match((await page.textContent('main'))!, /\d{4} \d{4}/);
  await assertAccessible(page);
  await page.goto(`${s.baseUrl}/app/line`);
  await assertAccessible(page);
  await context.close();
});

test('subscribing and reading work with JavaScript turned off', async () => {
  const context = await s.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${s.baseUrl}/app/subscribe`);
  await page.getByLabel('メール', { exact: true }).check();
  await page.getByLabel('メールアドレス').fill('nojs@example.jp');
  await page.getByLabel('健康').check();
  await page.getByLabel('水沢').check();
  await page.getByRole('button', { name: '登録する' }).click();
  await page.waitForSelector('text=確認のメールを送りました');
  await page.goto(`${s.baseUrl}/app/news?category=health`);
  assert.ok((await page.locator('main .news-list h2').count()) >= 2);
  await context.close();
});

test('staff write and publish a notice, and disaster mode shows a banner on resident pages; every page passes axe', async () => {
  const staffContext = await s.newContext();
  const staff = await s.staffLogin(staffContext, 'admin');
  await staff.goto(`${s.baseUrl}/staff/app`);
  await assertAccessible(staff);
  await staff.getByRole('link', { name: '新しいお知らせを書く' }).click();
  await assertAccessible(staff);
  await staff.getByLabel('見出し').fill('奥州市ブラウザテストのお知らせ');
  await staff.getByLabel('要約').fill('ブラウザからの公開の確認です。');
  await staff.getByLabel('本文').fill('一段落目です。\n\n二段落目です。');
  await staff.getByLabel('分類').selectOption({ label: '健康' });
  await staff.getByLabel('地域').selectOption({ label: '水沢' });
  await staff.getByRole('button', { name: '下書きとして保存する' }).click();
  await staff.waitForURL(/\/staff\/app\/news\/[0-9a-f-]{36}$/);
  await assertAccessible(staff);
  await staff.getByRole('link', { name: 'プレビュー' }).click();
  await assertAccessible(staff);
  await staff.getByRole('link', { name: 'お知らせの管理に戻る' }).click();
  await staff.getByRole('button', { name: '今すぐ公開する' }).click();
  await staff.waitForSelector('text=公開しました');
  await assertAccessible(staff);

  await staff.goto(`${s.baseUrl}/staff/app/disaster`);
  await assertAccessible(staff);
  await staff.getByLabel('住民へのメッセージ').fill('【訓練】胆沢地域に避難指示が出たものとして行動してください。');
  await staff.getByRole('button', { name: '災害モードを開始する' }).click();
  await staff.waitForSelector('text=災害モード中です');
  await assertAccessible(staff);

  const context = await s.newContext();
  const page = await context.newPage();
  for (const path of ['/', '/app/', '/app/news', '/transit']) {
    await page.goto(`${s.baseUrl}${path}`);
    assert.match((await page.locator('.disaster-banner').textContent())!, /【訓練】胆沢地域に避難指示/, path);
    await assertAccessible(page);
  }
  await staff.getByRole('button', { name: '災害モードを終了する' }).click();
  await staff.waitForSelector('text=災害モードを終了しました');
  await page.goto(`${s.baseUrl}/app/`);
  assert.equal(await page.locator('.disaster-banner').count(), 0);
  await context.close();
  await staffContext.close();
});
