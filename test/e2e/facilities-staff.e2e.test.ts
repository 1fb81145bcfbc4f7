/**
 * The facilities back office and classes in the browser: every staff page (day sheet,
 * a booking, approvals, a maintenance block from form to confirm page to the block,
 * occupancy, settings, classes) with 0 axe-core violations, errors included; the class
 * pages residents see; and a resident who books a class with JavaScript turned off.
 * The app is served with the facilities service and its back office (their test kit),
 * on a fixed clock (Tuesday 1 June 2027, 10:00 in Japan).
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { DEMO_STAFF_PASSWORD, demoTotpSecret } from '../../src/platform/staff/demo-staff.ts';
import { currentStep, totpAt } from '../../src/platform/staff/totp.ts';
import { bookSeat } from '../../src/services/facilities/classes-seats.ts';
import { book, createStaffTestApp, makeClass, makeResident, request, type StaffTestApp } from '../../src/services/facilities/staff-test-kit.ts';
import { assertAccessible, CHROMIUM } from './browser-harness.ts';

let t: StaffTestApp;
let browser: Browser;
let baseUrl: string;
let classId = '';
let fullClassId = '';
let bookingId = '';
let pendingId = '';
let groupId = '';

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
  t = await createStaffTestApp({ env: { PUBLIC_URL: baseUrl } });
  await t.app.listen({ port, host: '127.0.0.1' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  // Something on every page: a booking today, a 仮予約, a group waiting, a class with a seat, a full class.
  const holder = await makeResident(t.fdb, { name: '画面 確認子' });
  bookingId = (await book(t, holder, request({ date: '2027-06-01', blockCodes: ['afternoon'], headcount: 12 }))).id;
  pendingId = (await book(t, holder, request({ roomId: 'z-hall-medium', date: '2027-06-09', blockCodes: ['afternoon'], headcount: 120, purpose: 'music' }))).id;
  await book(t, holder, request({ roomId: 'kominkan-washitsu', date: '2027-06-12', blockCodes: ['morning'], purpose: 'culture' }));
  groupId = (
    await t.fdb
      .insertInto('facility_groups')
      .values({ name: '水沢ヨガの会', name_kana: 'ミズサワヨガノカイ', kana_key: 'みずさわよがのかい', representative_account_id: holder.accountId, representative_name: holder.displayName, contact_phone: '0197000000', contact_email: 'yoga@example.jp', purpose: 'ヨガ', in_city: true, join_code: 'YOGAJOIN', updated_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  classId = (await makeClass(t, { title: 'はじめてのスマートフォン教室', roomId: 'maesawa-meeting', date: '2027-06-10', seats: 12, applyUntilDate: '2027-06-09' })).id;
  fullClassId = (await makeClass(t, { title: 'LINEで市の情報を受け取ろう', level: 'basic', roomId: 'esashi-meeting', date: '2027-06-11', seats: 1, applyUntilDate: '2027-06-10' })).id;
  await bookSeat(t.ctx, holder, classId);
  await bookSeat(t.ctx, holder, fullClassId);
});
after(async () => {
  await browser?.close();
  await t?.close();
});

const newPage = async (options: BrowserContextOptions = {}) => {
  const page = await (await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', ...options })).newPage();
  page.setDefaultTimeout(30_000);
  return page;
};

async function staffLogin(loginId: string): Promise<Page> {
  const page = await newPage();
  await page.goto(`${baseUrl}/staff/login`);
  await page.getByLabel('職員ID').fill(loginId);
  await page.getByLabel('パスワード').fill(DEMO_STAFF_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL(/\/staff\/login\/mfa$/);
  await t.db.kysely.updateTable('staff').set({ last_totp_step: 0 }).where('login_id', '=', loginId).execute();
  await page.getByLabel('確認コード（6桁）').fill(totpAt(demoTotpSecret(loginId), currentStep()));
  await page.getByRole('button', { name: '確認する' }).click();
  await page.waitForURL(/\/staff$/);
  return page;
}

async function visit(page: Page, path: string, expect?: RegExp) {
  const response = await page.goto(`${baseUrl}${path}`);
  assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
  if (expect) assert.match((await page.textContent('main'))!, expect);
  await assertAccessible(page);
}

test('every back office page passes axe-core: counter, approvals, a block from form to confirm, occupancy, settings', async () => {
  const page = await staffLogin('shogai.kacho');
  await visit(page, '/staff/facilities', /利用日ごとの受付/);
  await visit(page, '/staff/facilities/day?date=2027-06-01&facility=mizusawa-kominkan', /画面 確認子/);
  await page.getByLabel(/来館人数/).first().fill('11');
  await page.getByRole('button', { name: /の来館を記録/ }).first().click();
  await page.waitForURL(/\/staff\/facilities\/day/);
  assert.match((await page.textContent('main'))!, /来館済み/);
  await assertAccessible(page);
  await visit(page, `/staff/facilities/bookings/${bookingId}`, /減免/);
  await visit(page, '/staff/facilities/approvals', /水沢ヨガの会/);
  await visit(page, `/staff/facilities/approvals/bookings/${pendingId}`, /却下の理由/);
  await page.getByRole('button', { name: '却下して申請者に知らせる' }).click();
  await page.waitForSelector('.error-summary');
  await assertAccessible(page);
  await visit(page, `/staff/facilities/approvals/groups/${groupId}`, /会員名簿/);

  // A block: the form, its errors, the confirm page listing the booking, then the block.
  await visit(page, '/staff/facilities/blocks', /利用休止/);
  await visit(page, '/staff/facilities/blocks/new');
  await page.getByLabel('対象').selectOption('room:kominkan-washitsu');
  await page.getByLabel('開始日').fill('令和9年6月12日');
  await page.getByRole('button', { name: '取り消される予約を確認する' }).click();
  await page.waitForSelector('.error-summary');
  await assertAccessible(page);
  await page.getByLabel('理由').fill('畳の張り替え');
  await page.getByRole('button', { name: '取り消される予約を確認する' }).click();
  await page.waitForSelector('text=取り消される予約（1件）');
  await assertAccessible(page);
  await page.getByRole('button', { name: '1件を取り消して利用休止を設定する' }).click();
  await page.waitForURL(/\/staff\/facilities\/blocks\/[0-9a-f-]{36}$/);
  assert.match((await page.textContent('main'))!, /畳の張り替え/);
  await assertAccessible(page);

  await visit(page, '/staff/facilities/occupancy?facility=mizusawa-kominkan&month=2027-06', /部屋別の稼働率/);
  await visit(page, '/staff/facilities/settings', /担当の施設/);
  await visit(page, '/staff/facilities/settings/mizusawa-kominkan', /開館時間/);
  await page.locator('#closes_2').fill('8:00');
  await page.getByRole('button', { name: '開館時間を保存する' }).click();
  await page.waitForSelector('.error-summary');
  await assertAccessible(page);
  await visit(page, '/staff/facilities/settings/rooms/kominkan-meeting-1', /料金表/);
  await visit(page, '/staff/facilities/settings/reductions', /減免の理由/);
  await page.context().close();
});

test('the class pages staff use pass axe-core', async () => {
  const page = await staffLogin('shogai.tanto');
  await visit(page, '/staff/facilities/classes', /はじめてのスマートフォン教室/);
  await visit(page, '/staff/facilities/classes/new', /教室名/);
  await page.getByLabel('教室名').fill('写真を撮って送ってみよう');
  await page.getByRole('button', { name: '登録する' }).click();
  await page.waitForSelector('.error-summary');
  await assertAccessible(page);
  await visit(page, `/staff/facilities/classes/${classId}`, /申込者と出欠/);
  await visit(page, `/staff/facilities/classes/${classId}/edit`, /変更を保存する/);
  await visit(page, `/staff/facilities/classes/${classId}/cancel`, /中止の理由/);
  await page.context().close();

  // DX staff run classes too.
  const dx = await staffLogin('admin');
  await visit(dx, '/staff/facilities/classes', /教室を登録する/);
  await dx.context().close();
});

test('the class pages residents see pass axe-core', async () => {
  const page = await newPage();
  await visit(page, '/facilities/classes', /はじめてのスマートフォン教室/);
  await page.getByLabel('地区').selectOption('江刺');
  await page.getByRole('button', { name: 'この条件で探す' }).click();
  await page.waitForURL(/area=/);
  assert.match((await page.textContent('main'))!, /LINEで市の情報を受け取ろう/);
  assert.match((await page.textContent('main'))!, /満席（キャンセル待ちを受け付けています）/);
  await assertAccessible(page);
  await visit(page, `/facilities/classes/${fullClassId}`, /満席/);
  await page.context().close();
});

test('a resident books a seat in a class without JavaScript', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto(`${baseUrl}/facilities/classes?level=first`);
  await page.getByRole('link', { name: 'はじめてのスマートフォン教室' }).click();
  await page.waitForURL(/\/facilities\/classes\/[0-9a-f-]{36}$/);
  assert.match((await page.textContent('main'))!, /残り11席/);
  await page.getByRole('link', { name: 'ログインして申し込む' }).click();
  await page.waitForURL(/\/auth\/login/);
  await page.getByRole('button', { name: 'マイナンバーカードでログイン' }).click();
  await page.waitForURL(/\/demo-idp\/interaction\//);
  await page.locator('input[name="account"]').nth(3).check();
  await page.getByLabel('マイナンバーカード（利用者証明用電子証明書）').check();
  await page.getByLabel('利用者証明用暗証番号（数字4桁）').fill('1234');
  await page.getByRole('button', { name: '認証する' }).click();
  await page.waitForURL(/\/facilities\/classes\/[0-9a-f-]{36}$/);
  await page.getByRole('button', { name: 'この教室に申し込む' }).click();
  // Not registered for facility booking yet: registration once, then back to the class.
  await page.waitForURL(/\/facilities\/register/);
  await page.getByLabel('フリガナ').fill('オウシュウ ハナコ');
  await page.getByLabel('電話番号').fill('090-2222-3333');
  await page.getByLabel('メールアドレス').fill('hanako@example.jp');
  await page.getByRole('button', { name: '登録する' }).click();
  await page.waitForURL(/\/facilities\/classes\/[0-9a-f-]{36}$/);
  await page.getByRole('button', { name: 'この教室に申し込む' }).click();
  await page.waitForURL(/\/facilities\/classes\/seats\/[0-9a-f-]{36}$/);
  const main = (await page.textContent('main'))!;
  assert.match(main, /参加確定/);
  assert.match(main, /はじめてのスマートフォン教室/);
  const seats = await t.sdb.selectFrom('facility_classes').select('seats_taken').where('id', '=', classId).executeTakeFirstOrThrow();
  assert.equal(seats.seats_taken, 2);
  // My classes lists it; cancelling works without JavaScript too.
  await page.goto(`${baseUrl}/facilities/classes/mine`);
  assert.match((await page.textContent('main'))!, /はじめてのスマートフォン教室/);
  await page.getByRole('link', { name: 'はじめてのスマートフォン教室' }).click();
  await page.getByRole('button', { name: '申込みを取り消す' }).click();
  await page.waitForURL(/\/facilities\/classes\/seats\//);
  assert.match((await page.textContent('main'))!, /取消済み/);
  await page.context().close();
});
