/**
 * Facility pages on a 390px-wide phone (iPhone 12–15 width), with the demo data a
 * demo user meets: Zホール's calendar, the resident's bookings and the lottery home
 * (a won entry, an open round). Each page has 0 axe-core violations — wide tables
 * scroll inside a focusable, named region (scrollable-region-focusable) — and the
 * page itself never scrolls sideways.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { registryService } from '../../src/services/registry/index.ts';
import { facilitiesService } from '../../src/services/facilities/index.tsx';
import { lotteryDb } from '../../src/services/facilities/lottery-tables.ts';
import { assertAccessible, serveAndLaunch, type Served } from './browser-harness.ts';

let s: Served;
let baseUrl: string;

before(async () => {
  // The two services' demo data (demo login residents' bookings, the lottery rounds) on today's date.
  s = await serveAndLaunch({ services: [registryService, facilitiesService] });
  baseUrl = s.baseUrl;
});
after(() => s?.close());

const WIDTH = 390;

/** How far the page reaches beyond the phone's width: 0 when nothing makes it scroll sideways (measured against 390px, as a mobile browser would zoom out to fit a wider page). */
const overflow = (page: Page) => page.evaluate((width) => Math.max(0, document.documentElement.scrollWidth - width), WIDTH);

async function loginDemoResident(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/auth/login`);
  await page.getByRole('button', { name: 'マイナンバーカードでログイン' }).click();
  await page.waitForURL(/\/demo-idp\/interaction\//);
  await page.locator('input[name="account"]').first().check();
  await page.getByLabel('マイナンバーカード（利用者証明用電子証明書）').check();
  await page.getByLabel('利用者証明用暗証番号（数字4桁）').fill('1234');
  await page.getByRole('button', { name: '認証する' }).click();
  await page.waitForURL(/\/mypage$/);
}

test('Zホール, my bookings and the lottery at 390px: no axe violations, no sideways page scroll', async () => {
  const context = await s.newContext({ viewport: { width: WIDTH, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await loginDemoResident(page);
  const rounds = await lotteryDb(s.app.db.kysely).selectFrom('facility_lottery_rounds').select(['id', 'status']).execute();
  const drawn = rounds.find((r) => r.status === 'drawn')!;
  const open = rounds.find((r) => r.status === 'published')!;
  // The three pages reported, and the pages they lead to: the hall's month (hidden cell labels in a wide table) and the rounds (a SHA-256 in a summary list and a command).
  const paths = ['/facilities/z-hall', '/facilities/mine', '/facilities/lottery', '/facilities/rooms/z-hall-large?view=month', `/facilities/lottery/${open.id}`, `/facilities/lottery/${drawn.id}/results`];
  for (const path of paths) {
    await page.goto(`${baseUrl}${path}`);
    await assertAccessible(page);
    assert.equal(await overflow(page), 0, `${path} scrolls sideways at 390px`);
    // Every table's scrolling box can be reached by keyboard and is named.
    const unnamed = await page.$$eval('.table-wrap', (els) => els.filter((e) => e.getAttribute('tabindex') !== '0' || !(e.getAttribute('aria-label') || e.getAttribute('aria-labelledby'))).length);
    assert.equal(unnamed, 0, `${path}: every table wrapper is focusable and named`);
  }
  // The demo resident's lottery entry that won says so, with the next step.
  await page.goto(`${baseUrl}/facilities/lottery`);
  assert.match(await page.locator('main').innerText(), /当選・支払待ち/);
  await context.close();
});
