/**
 * The on-demand bus in a real browser: a resident registers and books a ride (with and
 * without JavaScript), an operator watches the day board while a driver records the
 * ride on a phone, and the board updates by itself. Every page passes axe-core.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { japanClock, japanInstant } from '../../src/platform/time/today.ts';
import { nextWeekday } from '../../src/services/transit/transit-test-kit.ts';
import { assertAccessible, serveAndLaunch, type Served } from './browser-harness.ts';

// The app's clock: a weekday at 8:00 in Japan, so today's service is bookable and drivable.
const DAY = nextWeekday(japanClock().date, 1);
let now = japanInstant(DAY, 8 * 3600);
let s: Served;
before(async () => {
  s = await serveAndLaunch({ now: () => now });
});
after(() => s.close());


async function residentLogin(page: Page, accountIndex: number) {
  await page.goto(`${s.baseUrl}/auth/login?next=%2Ftransit`);
  await page.getByRole('button', { name: 'マイナンバーカードでログイン' }).click();
  await page.waitForURL(/\/demo-idp\/interaction\//);
  await page.locator('input[name="account"]').nth(accountIndex).check();
  await page.getByLabel('マイナンバーカード（利用者証明用電子証明書）').check();
  await page.getByLabel('利用者証明用暗証番号（数字4桁）').fill('1234');
  await page.getByRole('button', { name: '認証する' }).click();
  await page.waitForLoadState('load');
}


async function bookRide(page: Page, check: boolean, time: string) {
  await page.goto(`${s.baseUrl}/transit`);
  if (check) await assertAccessible(page);
  await page.getByRole('link', { name: '利用登録' }).first().click();
  await page.getByLabel('フリガナ').fill('まえさわ たろう');
  await page.getByLabel('電話番号').fill('090-1234');
  await page.getByRole('button', { name: '登録する' }).click();
  await page.waitForSelector('.error-summary');
  if (check) await assertAccessible(page);
  assert.equal(await page.getByLabel('フリガナ').inputValue(), 'まえさわ たろう', 'typed values are kept');
  await page.getByLabel('電話番号').fill('090-1234-5678');
  await page.getByRole('button', { name: '登録する' }).click();
  await page.waitForURL(/\/transit\/book$/);
  if (check) await assertAccessible(page);
  await page.getByLabel('乗車日').selectOption(DAY);
  await page.getByLabel('乗る場所').selectOption({ label: '前沢西団地' });
  await page.getByLabel('降りる場所').selectOption({ label: 'まごころ病院' });
  await page.locator('#time').selectOption(time);
  await page.getByRole('button', { name: '乗れる時刻を調べる' }).click();
  await page.waitForSelector('text=乗車時刻を選んでください');
  if (check) await assertAccessible(page);
  await page.getByRole('button', { name: 'この時刻で予約する' }).click();
  await page.waitForURL(/\/transit\/trips\//);
  assert.match((await page.textContent('main'))!, /予約しました。予約番号は/);
  if (check) await assertAccessible(page);
}

test('a resident registers and books a ride; the pages pass axe-core', async () => {
  const context = await s.newContext();
  const page = await context.newPage();
  await residentLogin(page, 2);
  await bookRide(page, true, '10:00');
  await page.getByRole('link', { name: '予約を取り消す' }).click();
  await assertAccessible(page);
  await page.getByRole('link', { name: '取り消さずに戻る' }).click();
  await context.close();
});

test('booking works without JavaScript', async () => {
  const context = await s.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await residentLogin(page, 3);
  await bookRide(page, false, '11:00');
  await context.close();
});

test('a driver records the ride and the operator board updates by itself', async () => {
  // The vehicle carrying the resident's first ride (or any ride today); the driver's first tap is that vehicle's first pickup.
  const db = s.app.db.kysely.withTables<{
    transit_trips: { id: string; vehicle_id: string | null; reference: string; pickup_early: number; channel: string };
    transit_plan_stops: { trip_id: string; vehicle_id: string; seq: number; kind: string; service_date: string };
  }>();
  const mine = await db.selectFrom('transit_trips').select(['vehicle_id']).where('service_date' as never, '=', DAY as never).where('vehicle_id', 'is not', null).orderBy('channel', 'desc').orderBy('pickup_early').executeTakeFirstOrThrow();
  const first = await db
    .selectFrom('transit_plan_stops as p')
    .innerJoin('transit_trips as t', 't.id', 'p.trip_id')
    .select(['t.reference', 't.pickup_early', 't.vehicle_id'])
    .where('p.vehicle_id', '=', mine.vehicle_id!)
    .where('p.service_date', '=', DAY)
    .where('p.kind', '=', 'pickup')
    .orderBy('p.seq')
    .executeTakeFirstOrThrow();
  const trip = first;
  const opContext = await s.newContext();
  const op = await s.staffLogin(opContext, 'kotsu.tanto');
  await op.goto(`${s.baseUrl}/staff/transit?date=${DAY}`);
  await assertAccessible(op);
  const row = op.locator('tr', { hasText: trip.reference });
  assert.match((await row.textContent())!, /予約済み/);

  const driverContext = await s.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const driver = await s.staffLogin(driverContext, 'driver.sasaki');
  await driver.goto(`${s.baseUrl}/staff/transit/driver`);
  await assertAccessible(driver);
  await driver.getByRole('radio').first().waitFor();
  await driver.locator(`input[name="vehicle"][value="${trip.vehicle_id}"]`).check();
  await driver.getByRole('button', { name: '乗務を始める' }).click();
  await driver.waitForSelector('text=次の停車');
  await assertAccessible(driver);
  now = japanInstant(DAY, trip.pickup_early + 60);
  await driver.getByRole('button', { name: '乗車した' }).first().click();
  await driver.waitForSelector('text=降車した');

  // No reload on the operator's side: the live feed brings the change.
  await op.locator('tr', { hasText: trip.reference }).filter({ hasText: '乗車中' }).waitFor({ timeout: 15000 });
  await assertAccessible(op);

  // The map (Leaflet over no tiles: offline) and the statistics pass too.
  await op.goto(`${s.baseUrl}/staff/transit/map?date=${DAY}`);
  await op.locator('.leaflet-container').waitFor();
  await assertAccessible(op);
  await op.goto(`${s.baseUrl}/staff/transit/stats`);
  await assertAccessible(op);
  await opContext.close();
  await driverContext.close();
});

test('the managers network page passes axe-core, with errors shown', async () => {
  const context = await s.newContext();
  const page = await s.staffLogin(context, 'kotsu.kacho');
  await page.goto(`${s.baseUrl}/staff/transit/network`);
  await assertAccessible(page);
  await page.locator('#lat').fill('1');
  await page.getByRole('button', { name: '保存する', exact: true }).first().click();
  await page.waitForSelector('.error-summary');
  await assertAccessible(page);
  await context.close();
});
