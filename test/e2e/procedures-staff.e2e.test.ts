/**
 * The staff side of online procedures in the browser: a Citizens Division clerk filters
 * the inbox (overdue shown in words), makes a mistake in the filter, opens an application,
 * tries to refuse without a reason; the water department closes a moving one-stop task.
 * Every page: 0 axe-core violations. The pages have no scripts: this is the no-JavaScript path.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { proceduresDb } from '../../src/services/procedures/tables.ts';
import { registryResidents, residentActor, submitMove, TEST_NOW } from '../../src/services/procedures/staff-test-kit.ts';
import { assertAccessible, serveAndLaunch, type Served } from './browser-harness.ts';

let s: Served;
let move: { id: string; reference: string };

before(async () => {
  s = await serveAndLaunch({ now: () => TEST_NOW });
  const [residentId] = await registryResidents(s.app.db.kysely, 1);
  move = await submitMove(s.app, await residentActor(s.app.db.kysely, residentId!));
  // One overdue application in the citizens inbox.
  await proceduresDb(s.app.db.kysely).updateTable('applications').set({ due_date: '2026-11-20' }).where('id', '=', move.id).execute();
});
after(() => s?.close());

test('inbox, filters, review and a refusal without a reason, accessibly', async () => {
  const page = await s.staffLogin(await s.newContext(), 'shimin.tanto');
  await page.getByRole('link', { name: '申請の受付・審査' }).click();
  await page.waitForURL(/\/staff\/procedures$/);
  await assertAccessible(page);

  await page.getByLabel('期限を過ぎたものだけ表示する').check();
  await page.getByRole('button', { name: '絞り込む' }).click();
  await page.waitForURL(/overdue=true/);
  assert.match((await page.textContent('#inbox'))!, /期限超過 4日/);
  await assertAccessible(page);

  await page.getByLabel('申請日（から）').fill('令和8年2月30日');
  await page.getByRole('button', { name: '絞り込む' }).click();
  await page.waitForSelector('.error-summary');
  assert.equal(await page.getByLabel('申請日（から）').inputValue(), '令和8年2月30日');
  await assertAccessible(page);

  await page.goto(`${s.baseUrl}/staff/procedures?q=${move.reference}`);
  await page.getByRole('link', { name: move.reference }).click();
  await page.waitForURL(/\/staff\/procedures\/applications\//);
  assert.match((await page.textContent('main'))!, /住民記録との照合/);
  await assertAccessible(page);

  await page.getByRole('button', { name: '却下する' }).click();
  await page.waitForSelector('.error-summary');
  assert.match((await page.textContent('.error-summary'))!, /「却下の理由」を入力してください/);
  await assertAccessible(page);
});

test('the water department closes its moving one-stop task, accessibly', async () => {
  const page = await s.staffLogin(await s.newContext(), 'suido.tanto');
  await page.goto(`${s.baseUrl}/staff/procedures/tasks`);
  await assertAccessible(page);
  await page.getByRole('link', { name: '水道の閉栓（使用中止）' }).click();
  await page.waitForURL(/\/staff\/procedures\/tasks\//);
  await assertAccessible(page);
  await page.getByRole('button', { name: '記録する' }).click();
  await page.waitForSelector('.error-summary');
  await assertAccessible(page);
  await page.getByLabel('対応した（完了）').check();
  await page.getByLabel('メモ').fill('12月1日に閉栓しました。');
  await page.getByRole('button', { name: '記録する' }).click();
  await page.waitForSelector('text=を記録しました');
  assert.match((await page.textContent('main'))!, /12月1日に閉栓しました。/);
  await assertAccessible(page);
});
