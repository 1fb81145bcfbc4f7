/**
 * The moving one-stop end to end: a resident files a 転出届 with a school-age child and
 * a light vehicle → tasks for education, tax and water appear in those departments'
 * "tasks" tabs and on the resident's timeline, the move itself stays with the Citizens
 * Division, and a department closes its task with a note.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import type { TestApp } from '../../platform/testing/test-app.ts';
import { prefill } from '../../engines/forms/index.ts';
import { createMovingTasks } from './moving-one-stop.ts';
import { publishedProcedure } from './procedure-store.ts';
import { prefillFactsFor } from './public-api.ts';
import { staffProceduresDb } from './staff-tables.ts';
import { publishMoveOptions, publishStaffTestProcedure, residentActor, registryResidents, startStaffApp, submitAs, testAnswers } from './staff-test-kit.ts';
import { proceduresDb } from './tables.ts';

let app: TestApp;
let resident: BrowserSession;
let move: { id: string; reference: string };

async function staffSession(loginId: string): Promise<BrowserSession> {
  const b = app.browser();
  await b.loginStaff(loginId);
  return b;
}

const tasks = () => staffProceduresDb(app.db.kysely).selectFrom('procedure_tasks').selectAll().where('application_id', '=', move.id).orderBy('kind').execute();

before(async () => {
  app = await startStaffApp();
  await publishMoveOptions(app);
  resident = app.browser();
  await resident.loginResident('demo-01', 'card');
  const account = await app.db.kysely.selectFrom('resident_accounts').select('resident_id').where('subject', '=', 'demo-01').executeTakeFirstOrThrow();
  const def = (await publishedProcedure(app.db.kysely, 'tenshutsu'))!.definition;
  const facts = await prefillFactsFor(app.db.kysely, account.resident_id!);
  const answers = {
    ...prefill(def, facts),
    applicantPhone: '0197241111',
    applicantEmail: 'mover@example.jp',
    moveDate: '2026-12-01',
    newPostal: '980-0811',
    newAddress: '宮城県仙台市青葉区一番町1丁目1-1',
    newHeadType: 'same',
    scope: 'all',
    // The applicant and a child who is 10 on the moving date.
    movers: [
      { name: facts.resident!.name, nameKana: facts.resident!.nameKana, birthDate: facts.resident!.birthDate, relationship: '世帯主' },
      { name: '奥州 次郎', nameKana: 'オウシュウ ジロウ', birthDate: '2016-05-01', relationship: '子' },
    ],
    related: ['lightVehicle'],
    cardContinue: true,
    sealNotice: true,
  };
  const sent = await app.app.inject({
    method: 'POST',
    url: '/api/procedure-applications',
    headers: { host: 'localhost:3000', cookie: [...resident.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': resident.csrf, 'content-type': 'application/json', 'idempotency-key': 'move-notice-0001' },
    payload: JSON.stringify({ procedureId: 'tenshutsu', answers }),
  });
  assert.equal(sent.statusCode, 201, sent.body);
  move = sent.json() as { id: string; reference: string };
});

after(async () => {
  await app?.close();
});

test('a 転出届 with a school-age child and a light vehicle creates education, tax and water tasks, once', async () => {
  const rows = await tasks();
  const departments = new Set(rows.map((r) => r.department_code));
  for (const d of ['education', 'tax', 'water']) assert.ok(departments.has(d), d);
  assert.ok(!departments.has('childcare') && !departments.has('environment'), 'no child under six, no dog');
  const school = rows.find((r) => r.kind === 'school')!;
  assert.deepEqual(
    (school.details.people as { name: string; age: number }[]).map((p) => [p.name, p.age]),
    [['奥州 次郎', 10]],
  );
  assert.equal(rows.find((r) => r.kind === 'water-stop')!.details.moveDate, '2026-12-01');
  assert.ok(rows.every((r) => r.status === 'open'));
  // The submit path made them; running the hook again (a retry) doubles nothing.
  const again = await proceduresDb(app.db.kysely).selectFrom('applications').select(['id', 'procedure_id', 'answers', 'resident_id', 'applicant_name']).where('id', '=', move.id).executeTakeFirstOrThrow();
  assert.deepEqual(await createMovingTasks(app.db.kysely, again, { now: app.platform.now() }), []);
  assert.equal((await tasks()).length, rows.length);
  const audit = await app.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'procedures.tasks.created').where('target_id', '=', move.id).execute();
  assert.equal(audit.length, 1);
});

test('the move stays with the Citizens Division; each department sees its own task, not the application', async () => {
  const citizens = await staffSession('shimin.tanto');
  const inbox = await citizens.get(`/staff/procedures?q=${move.reference}`);
  assert.match(inbox.body, new RegExp(move.reference));
  const review = await citizens.get(`/staff/procedures/applications/${move.id}`);
  assert.match(review.body, /関連手続き（引越しワンストップ）/);
  assert.match(review.body, /転校・就学の手続き/);
  // The Citizens Division follows each task from the move (read only: the water department closes its own).
  const waterTask = (await tasks()).find((r) => r.kind === 'water-stop')!;
  const readOnly = await citizens.get(`/staff/procedures/tasks/${waterTask.id}`);
  assert.equal(readOnly.statusCode, 200);
  assert.doesNotMatch(readOnly.body, /記録する/);
  assert.equal((await citizens.post(`/staff/procedures/tasks/${waterTask.id}`, { outcome: 'done', note: '市民課が閉じる' })).statusCode, 404);

  const expectations: [string, RegExp][] = [
    ['gakko.tanto', /転校・就学の手続き/],
    ['zeimu.tanto', /軽自動車税（軽自動車・原付）の手続き/],
    ['suido.tanto', /水道の閉栓（使用中止）/],
  ];
  for (const [login, kind] of expectations) {
    const b = await staffSession(login);
    const tab = await b.get('/staff/procedures/tasks');
    assert.equal(tab.statusCode, 200, login);
    assert.match(tab.body, kind, login);
    assert.match(tab.body, new RegExp(move.reference), login);
    assert.equal((await b.get(`/staff/procedures/applications/${move.id}`)).statusCode, 404, `${login} cannot open the move itself`);
  }
  const childcare = await staffSession('kosodate.tanto');
  assert.doesNotMatch((await childcare.get('/staff/procedures/tasks?status=all')).body, new RegExp(move.reference));
  const api = await (await staffSession('gakko.tanto')).json('GET', '/api/staff/procedure-tasks?kind=school');
  const items = (api.json() as { items: { reference: string; people: { age: number }[]; moveDate: string }[] }).items.filter((i) => i.reference === move.reference);
  assert.equal(items.length, 1);
  assert.deepEqual(items[0]!.people.map((p) => p.age), [10]);
});

test('the resident reads on their timeline who is doing what', async () => {
  const page = await resident.get(`/procedures/applications/${move.id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /転校・就学の手続きは学校教育課が進めています/);
  assert.match(page.body, /水道の閉栓（使用中止）の手続きは上下水道部が進めています/);
  assert.match(page.body, /軽自動車税（軽自動車・原付）の手続きは税務課が進めています/);
});

test('a department closes its task with a note; the resident is told; other departments cannot touch it', async () => {
  const water = (await tasks()).find((r) => r.kind === 'water-stop')!;
  const tax = await staffSession('zeimu.tanto');
  await tax.get('/staff/procedures/tasks');
  assert.equal((await tax.post(`/staff/procedures/tasks/${water.id}`, { outcome: 'done', note: '税務課が閉じる' })).statusCode, 404);
  assert.equal((await tax.get(`/staff/procedures/tasks/${water.id}`)).statusCode, 404);

  const b = await staffSession('suido.tanto');
  const page = await b.get(`/staff/procedures/tasks/${water.id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /宮城県仙台市青葉区一番町1丁目1-1/);
  assert.match(page.body, /世帯全員が引越しする/);
  assert.match(page.body, /0197241111/);
  const missing = await b.post(`/staff/procedures/tasks/${water.id}`, { outcome: 'done', note: '' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /href="#note"/);
  assert.match(missing.body, /「メモ」を入力してください/);
  const closed = await b.post(`/staff/procedures/tasks/${water.id}`, { outcome: 'done', note: '12月1日に閉栓。最終検針済み。' });
  assert.equal(closed.statusCode, 303);
  const after = (await tasks()).find((r) => r.id === water.id)!;
  assert.equal(after.status, 'done');
  assert.equal(after.note, '12月1日に閉栓。最終検針済み。');
  assert.ok(after.done_by_staff_id && after.done_at);
  // Twice is refused (a notice, not a second record).
  const again = await b.post(`/staff/procedures/tasks/${water.id}`, { outcome: 'not_needed', note: 'もう一度' });
  assert.equal(again.statusCode, 303);
  assert.equal((await tasks()).find((r) => r.id === water.id)!.status, 'done');
  const audit = await app.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'procedures.task.closed').where('target_id', '=', water.id).execute();
  assert.equal(audit.length, 1);
  const timeline = await resident.get(`/procedures/applications/${move.id}`);
  assert.match(timeline.body, /「水道の閉栓（使用中止）」の手続きが済みました/);
  assert.doesNotMatch(timeline.body, /最終検針済み/, 'the closing note is for staff');
});

test('other procedures create no tasks', async () => {
  await publishStaffTestProcedure(app);
  const [residentId] = await registryResidents(app.db.kysely, 1);
  const actor = await residentActor(app.db.kysely, residentId!);
  const made = await submitAs(app, actor, 'staff-test-permit', await testAnswers(app, residentId!));
  const row = await proceduresDb(app.db.kysely).selectFrom('applications').select(['id', 'procedure_id', 'answers', 'resident_id', 'applicant_name']).where('id', '=', made.id).executeTakeFirstOrThrow();
  assert.deepEqual(await createMovingTasks(app.db.kysely, row), []);
});

test('a corrected move cancels the tasks it no longer calls for and reopens a finished one whose date changed', async () => {
  const row = await proceduresDb(app.db.kysely).selectFrom('applications').select(['id', 'procedure_id', 'answers', 'resident_id', 'applicant_name']).where('id', '=', move.id).executeTakeFirstOrThrow();
  const before = await tasks();
  const water = before.find((r) => r.kind === 'water-stop')!;
  assert.equal(water.status, 'done', 'an earlier test closed the water task');
  // The resident unticks the light vehicle and moves a week later (as resubmitApplication passes the corrected answers).
  const corrected = { ...row, answers: { ...row.answers, related: [], moveDate: '2026-12-08' } };
  await createMovingTasks(app.db.kysely, corrected, { now: app.platform.now() });
  const after = await tasks();
  assert.equal(after.find((r) => r.kind === 'light-vehicle')!.status, 'cancelled');
  const reopened = after.find((r) => r.id === water.id)!;
  assert.equal(reopened.status, 'open', 'the water department looks again');
  assert.equal(reopened.details.moveDate, '2026-12-08');
  assert.equal(after.find((r) => r.kind === 'school')!.status, 'open', 'still needed');
  const timeline = await resident.get(`/procedures/applications/${move.id}`);
  assert.match(timeline.body, /届出の修正で不要になった関係課への連絡（1件）を取り消しました/);
  // Back to the state the next test starts from: the water task done.
  await staffProceduresDb(app.db.kysely).updateTable('procedure_tasks').set({ status: 'done', done_at: water.done_at, done_by_staff_id: water.done_by_staff_id, note: water.note }).where('id', '=', water.id).execute();
});

test('a withdrawn move cancels the tasks still open; a task already done stays done', async () => {
  const before = await tasks();
  const done = before.filter((r) => r.status === 'done').map((r) => r.id);
  assert.ok(done.length >= 1, 'an earlier test closed the water task');
  const withdrawn = await resident.post(`/procedures/applications/${move.id}/withdraw`, { reason: '転居を取りやめました' });
  assert.equal(withdrawn.statusCode, 303, withdrawn.body.slice(0, 500));
  const after = await tasks();
  for (const r of after) assert.equal(r.status, done.includes(r.id) ? 'done' : 'cancelled', r.kind);
  const timeline = await resident.get(`/procedures/applications/${move.id}`);
  assert.match(timeline.body, /関係課への連絡（\d+件）を取り消しました/);
  const audit = await app.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'procedures.tasks.cancelled').where('target_id', '=', move.id).execute();
  assert.equal(audit.filter((a) => (a.details as { why?: string }).why === 'withdrawn').length, 1);
});
