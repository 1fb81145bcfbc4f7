/**
 * Definitions are versioned data: the shipped catalogue loads once per change, staff
 * publish new versions (only the DX office or the owning department's managers), and
 * an application keeps the version it was started on, in progress or submitted.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestApp } from '../../platform/testing/test-app.ts';
import { loadStaffActor } from '../../platform/staff/staff-accounts.ts';
import { loadCatalogue } from './catalogue/index.ts';
import { loadCatalogueIntoDb, publishedProcedure, publishVersion } from './procedure-store.ts';
import { applicationIdOf, applicationRow, postMultipart, publishAsAdmin, startProceduresApp, testDefinition } from './procedures-test-kit.ts';
import { proceduresDb } from './tables.ts';

let app: TestApp;
before(async () => {
  app = await startProceduresApp();
});
after(async () => app.close());

const staff = async (loginId: string) => {
  const row = await app.db.kysely.selectFrom('staff').select('id').where('login_id', '=', loginId).executeTakeFirstOrThrow();
  return (await loadStaffActor(app.db.kysely, row.id))!;
};
const versionsOf = (id: string) => proceduresDb(app.db.kysely).selectFrom('procedure_versions').select(['version', 'created_by_staff_id']).where('procedure_id', '=', id).orderBy('version').execute();

test('the catalogue is loaded at start: every definition once; loading again adds nothing', async () => {
  const catalogue = loadCatalogue();
  const published = await proceduresDb(app.db.kysely).selectFrom('procedures').select('id').where('status', '=', 'published').execute();
  assert.deepEqual(published.map((p) => p.id).sort(), catalogue.map((d) => d.id).sort());
  assert.deepEqual(await loadCatalogueIntoDb(app.db.kysely, catalogue), { added: [] });
  assert.equal((await versionsOf('juminhyo-copy')).length, 1);
});

test('a changed catalogue file becomes a new version; a staff edit is not reverted by the next start', async () => {
  const original = loadCatalogue().find((d) => d.id === 'juminhyo-copy')!;
  const shipped = { ...original, processingDays: original.processingDays + 1 };
  assert.deepEqual((await loadCatalogueIntoDb(app.db.kysely, [shipped])).added, ['juminhyo-copy@2']);
  const edited = { ...shipped, summary: { ja: `${shipped.summary.ja}（窓口の案内を更新）`, en: shipped.summary.en } };
  const result = await publishVersion(app.db.kysely, await staff('shimin.kacho'), 'juminhyo-copy', edited);
  assert.deepEqual(result, { ok: true, procedureId: 'juminhyo-copy', version: 3, unchanged: false });
  // restart with the same shipped files: both known, the staff edit stays current
  assert.deepEqual((await loadCatalogueIntoDb(app.db.kysely, [original, shipped])).added, []);
  assert.equal((await publishedProcedure(app.db.kysely, 'juminhyo-copy'))!.version, 3);
  const audit = await app.db.kysely.selectFrom('audit_log').select(['action', 'actor_type', 'details']).where('target_id', '=', 'juminhyo-copy').orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => [a.action, a.actor_type]), [['procedures.version.published', 'system'], ['procedures.version.published', 'system'], ['procedures.version.published', 'staff']]);
});

test('who may publish: the DX office and the owning department manager, nobody else', async () => {
  const def = loadCatalogue().find((d) => d.id === 'nozei-certificate')!;
  const changed = { ...def, processingDays: def.processingDays + 2 };
  await assert.rejects(publishVersion(app.db.kysely, await staff('shimin.tanto'), def.id, changed), { code: 'forbidden' });
  await assert.rejects(publishVersion(app.db.kysely, await staff('kotsu.kacho'), def.id, changed), { code: 'forbidden' });
  const same = await publishVersion(app.db.kysely, await staff('admin'), def.id, def);
  assert.equal(same.ok && same.unchanged, true, 'the same definition makes no new version');
  const invalid = await publishVersion(app.db.kysely, await staff('admin'), def.id, { ...def, pages: [] });
  assert.equal(invalid.ok, false);
  assert.ok(!invalid.ok && invalid.errors.some((e) => /pages/.test(e.message)), JSON.stringify(invalid));
  const renamed = await publishVersion(app.db.kysely, await staff('admin'), def.id, { ...def, id: 'another-id' });
  assert.equal(renamed.ok, false);
});

test('an application keeps its version while in progress and after submission', async () => {
  assert.equal(await publishAsAdmin(app, testDefinition()), 1);
  const b = app.browser();
  await b.loginResident('demo-03', 'card');
  const started = await b.post('/procedures/test-permit/start');
  const id = applicationIdOf(started.headers.location);
  // a new version changes a question's label and adds a required page
  const v2 = testDefinition({ title: { ja: 'テスト許可申請（新様式）', en: 'Test permit (new form)' } });
  (v2.pages as { id: string; title: unknown; fields: unknown[] }[]).splice(4, 0, { id: 'extra', title: { ja: '追加の質問', en: 'Extra' }, fields: [{ id: 'extraAnswer', type: 'text', label: { ja: '新しい質問', en: 'New question' }, required: true }] });
  assert.equal(await publishAsAdmin(app, v2, 'test-permit'), 2);
  // the draft continues on version 1: no extra page, old title
  let r = await b.post(`/procedures/applications/${id}/pages/who`, { name: '奥州 三郎', kana: 'オウシュウ サブロウ', since: '2020-04-01', hasPet: 'no', action: 'continue' });
  assert.equal(r.headers.location, `/procedures/applications/${id}/pages/family`);
  r = await b.post(`/procedures/applications/${id}/pages/family`, { copies: '1', action: 'continue' });
  r = await postMultipart(app, b, `/procedures/applications/${id}/pages/docs`, { action: 'continue' }, []);
  assert.equal(r.headers.location, `/procedures/applications/${id}/pages/confirm`, 'the new page of version 2 is not asked');
  r = await b.post(`/procedures/applications/${id}/pages/confirm`, { agree: 'yes', action: 'continue' });
  const check = await b.get(`/procedures/applications/${id}/check`);
  assert.match(check.body, /テスト許可申請/);
  assert.doesNotMatch(check.body, /新様式|新しい質問/);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(check.body)![1]!;
  r = await b.post(`/procedures/applications/${id}/submit`, { idempotencyKey: key, paymentMethod: 'counter' });
  assert.equal(r.statusCode, 303);
  let row = await applicationRow(app, id);
  assert.equal(row.status, 'submitted');
  assert.equal(row.procedure_version, 1);
  // another version after submission: still version 1, and shown with version 1's title
  await publishAsAdmin(app, testDefinition({ title: { ja: 'テスト許可申請（第3版）', en: 'Test permit v3' } }), 'test-permit');
  row = await applicationRow(app, id);
  assert.equal(row.procedure_version, 1);
  const view = await b.get(`/procedures/applications/${id}`);
  assert.match(view.body, /<dt>様式の版<\/dt><dd>第1版<\/dd>/);
  assert.doesNotMatch(view.body, /第3版）/);
  // a new application starts on the current version
  const next = applicationIdOf((await b.post('/procedures/test-permit/start')).headers.location);
  assert.equal((await applicationRow(app, next)).procedure_version, 3);
  // a draft the resident no longer wants is discarded (and leaves their lists)
  assert.match((await b.get(`/procedures/applications/${next}/withdraw`)).body, /この下書きを削除する/);
  const discarded = await b.post(`/procedures/applications/${next}/withdraw`, {});
  assert.equal(discarded.headers.location, '/procedures/applications');
  assert.equal((await applicationRow(app, next)).status, 'withdrawn');
  assert.doesNotMatch((await b.get('/procedures/applications')).body, new RegExp(next));
  assert.doesNotMatch((await b.get('/procedures/test-permit')).body, /続きから入力する/);
});

test('staff page: versions listed; a pasted definition with errors is refused with the errors listed; a good one is published', async () => {
  const kacho = app.browser();
  await kacho.loginStaff('shimin.kacho');
  const list = await kacho.get('/staff/procedure-definitions');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /住民票の写しの交付申請/);
  const page = await kacho.get('/staff/procedure-definitions/test-permit');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /版の履歴/);
  const bad = await postMultipart(app, kacho, '/staff/procedure-definitions/test-permit/versions', { definition: JSON.stringify({ ...testDefinition(), processingDays: 'soon' }) }, []);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /error-summary/);
  assert.match(bad.body, /processingDays/);
  const notJson = await postMultipart(app, kacho, '/staff/procedure-definitions/test-permit/versions', { definition: '{ "id": ' }, []);
  assert.equal(notJson.statusCode, 400);
  assert.match(notJson.body, /JSONとして読めません/);
  const good = await postMultipart(app, kacho, '/staff/procedure-definitions/test-permit/versions', { definition: JSON.stringify(testDefinition({ processingDays: 7 })) }, []);
  assert.equal(good.statusCode, 303);
  assert.equal((await publishedProcedure(app.db.kysely, 'test-permit'))!.definition.processingDays, 7);
  // a clerk sees the versions but cannot publish
  const tanto = app.browser();
  await tanto.loginStaff('shimin.tanto');
  assert.match((await tanto.get('/staff/procedure-definitions/test-permit')).body, /DX推進室または担当課の管理職/);
  assert.equal((await postMultipart(app, tanto, '/staff/procedure-definitions/test-permit/versions', { definition: JSON.stringify(testDefinition()) }, [])).statusCode, 403);
  // residents have no business here
  const resident = app.browser();
  await resident.loginResident('demo-04', 'card');
  assert.equal((await resident.get('/staff/procedure-definitions')).statusCode, 303);
});
