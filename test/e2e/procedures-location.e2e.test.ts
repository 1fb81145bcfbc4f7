/**
 * The place question of 道路損傷の通報 in a real browser: clicking the map fills the
 * latitude and longitude, typing moves the marker, 「現在地を使う」 fills the boxes (and
 * says so when the browser refuses), without a tile server the page says the map cannot
 * be shown and the boxes still work; the page passes axe-core with the map on it.
 *
 * Tiles point at a path on this server that has none (every tile a 404): nothing leaves
 * the machine, and Leaflet still draws the map and fires its clicks on a blank background.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { proceduresDb } from '../../src/services/procedures/tables.ts';
import { assertAccessible, serveAndLaunch, type Served } from './browser-harness.ts';

let s: Served;
let cookies: { name: string; value: string }[] = [];
let reportUrl = '';

before(async () => {
  s = await serveAndLaunch({ env: { MAP_TILE_URL: '/test-tiles/{z}/{x}/{y}.png' } });
  // Log in and start the report in-process; the browser takes over the cookies.
  const session = s.app.browser();
  await session.loginResident('demo-01', 'password');
  const started = await session.post('/procedures/doro-tsuho/start');
  reportUrl = `${s.baseUrl}${String(started.headers.location)}`;
  cookies = [...session.cookies].map(([name, value]) => ({ name, value }));
});
after(() => s?.close());

async function residentPage(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await s.newContext(options);
  await context.addCookies(cookies.map((c) => ({ ...c, url: s.baseUrl })));
  return { context, page: await context.newPage() };
}

const lat = (page: Page) => page.locator('#location\\.lat');
const lng = (page: Page) => page.locator('#location\\.lng');
const status = (page: Page) => page.locator('[data-location-status]');

test('clicking the map fills latitude and longitude; typing moves the marker; the answer is saved', async () => {
  const { context, page } = await residentPage();
  await page.goto(reportUrl);
  const map = page.locator('[data-location-map].leaflet-container');
  await map.waitFor({ state: 'visible' });
  await assertAccessible(page);
  assert.equal(await page.locator('.leaflet-marker-icon').count(), 0, 'no marker before a choice');
  // The map opens on 水沢: a click in its middle is about 39.1445, 141.1391.
  await map.click();
  await page.locator('.leaflet-marker-icon').waitFor();
  assert.ok(Math.abs(Number(await lat(page).inputValue()) - 39.1445) < 0.01, await lat(page).inputValue());
  assert.ok(Math.abs(Number(await lng(page).inputValue()) - 141.1391) < 0.01, await lng(page).inputValue());
  assert.match((await status(page).textContent()) ?? '', /地図で選んだ場所を入力しました/);
  // Typing (full-width, as a Japanese keyboard gives) moves the marker.
  const before = await page.locator('.leaflet-marker-icon').boundingBox();
  await lat(page).fill('３９．１４６');
  await lng(page).fill('１４１．１４２');
  const after = await page.locator('.leaflet-marker-icon').boundingBox();
  assert.ok(before && after && (before.x !== after.x || before.y !== after.y), 'the marker moved to the typed place');
  // The rest of the page, then continue: the typed place is what the server keeps.
  await page.getByLabel('道路の穴・段差・陥没').check();
  await page.getByLabel('状況').fill('直径30cmほどの穴があります');
  await page.getByLabel('早めに直してほしい').check();
  await page.getByRole('button', { name: '次へ進む', exact: true }).last().click();
  await page.waitForURL(/\/pages\/contact$/);
  const id = /applications\/([0-9a-f-]{36})/.exec(reportUrl)![1]!;
  const row = await proceduresDb(s.app.db.kysely).selectFrom('applications').select('answers').where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(row.answers.location, { lat: 39.146, lng: 141.142 });
  await context.close();
});

test('「現在地を使う」 fills the boxes from the browser’s position', async () => {
  const { context, page } = await residentPage({ geolocation: { latitude: 39.1002, longitude: 141.1203 }, permissions: ['geolocation'] });
  await page.goto(reportUrl);
  await page.locator('[data-location-map].leaflet-container').waitFor({ state: 'visible' });
  await page.getByRole('button', { name: '現在地を使う' }).click();
  await page.waitForFunction(() => (document.getElementById('location.lat') as HTMLInputElement).value === '39.1002');
  assert.equal(await lng(page).inputValue(), '141.1203');
  assert.match((await status(page).textContent()) ?? '', /現在地を入力しました/);
  assert.equal(await page.locator('.leaflet-marker-icon').count(), 1);
  await context.close();
});

test('when the browser refuses the position, the page says what to do instead', async () => {
  const { context, page } = await residentPage();
  await page.goto(reportUrl);
  await page.locator('[data-location-map].leaflet-container').waitFor({ state: 'visible' });
  const typed = await lat(page).inputValue();
  await page.getByRole('button', { name: '現在地を使う' }).click();
  await page.waitForFunction(() => /許可されませんでした|取得できませんでした/.test(document.querySelector('[data-location-status]')?.textContent ?? ''));
  assert.equal(await lat(page).inputValue(), typed, 'what was in the box stays');
  await context.close();
});

test('without a tile server: no map, a message, and the boxes still take the place', async () => {
  const { context, page } = await residentPage();
  // The same page as an app with MAP_TILE_URL=none renders it: no tile server named.
  await page.route(reportUrl, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace(/ data-tile-url="[^"]*"/, '') });
  });
  await page.goto(reportUrl);
  await page.waitForFunction(() => /地図を表示できません/.test(document.querySelector('[data-location-status]')?.textContent ?? ''));
  assert.equal(await page.locator('.leaflet-container').count(), 0);
  assert.equal(await page.locator('[data-location-map]').isHidden(), true);
  await lat(page).fill('39.15');
  assert.equal(await lat(page).inputValue(), '39.15');
  await assertAccessible(page);
  await context.close();
});

test('without JavaScript: no map and no dead 「現在地を使う」 button, only the two boxes', async () => {
  const { context, page } = await residentPage({ javaScriptEnabled: false });
  await page.goto(reportUrl);
  assert.equal(await page.getByRole('button', { name: '現在地を使う' }).isVisible(), false, 'a button that needs JavaScript stays hidden');
  assert.equal(await page.locator('[data-location-map]').isVisible(), false);
  await lat(page).fill('３９．１４４５');
  assert.equal(await lat(page).getAttribute('inputmode'), 'decimal');
  await context.close();
});
