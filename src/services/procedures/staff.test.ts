/**
 * The staff side through HTTP (inject), on a fresh database per file (PGlite, or
 * PostgreSQL with DATABASE_URL): department inbox filters and paging, department
 * isolation, review with the register check, assign, correction → resident notified →
 * resubmitted → approved, refusal needs a reason, internal notes, CSV, the staff API,
 * and the audit trail of every view and action.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { ResidentActor } from '../../platform/access/actor.ts';
import { verifyAuditChain } from '../../platform/audit/verify.ts';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import type { TestApp } from '../../platform/testing/test-app.ts';
import { kanaSearchKey } from '../../platform/text/search-key.ts';
import { applicationView } from './application-detail.ts';
import { insertSyntheticApplications } from './inbox-synthetic.ts';
import { publishedProcedure } from './procedure-store.ts';
import { publishStaffTestProcedure, registryResidents, residentActor, startStaffApp, staffActor, submitAs, testAnswers } from './staff-test-kit.ts';
import { proceduresDb } from './tables.ts';

let app: TestApp;
let residents: ResidentActor[];
/** References of the fixture applications, by role in the tests. */
const made: Record<string, { id: string; reference: string }> = {};

async function staffSession(loginId: string): Promise<BrowserSession> {
  const b = app.browser();
  await b.loginStaff(loginId);
  return b;
}

const row = (id: string) => proceduresDb(app.db.kysely).selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const audits = (action: string, targetId?: string) => {
  let q = app.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (targetId) q = q.where('target_id', '=', targetId);
  return q.execute();
};
/** The reference numbers in the inbox table of a page (not in hints or links elsewhere). */
const refsIn = (html: string) => {
  const table = /<table class="table" id="inbox">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  return new Set([...table.matchAll(/OSU-\d{4}-\d{6,}/g)].map((m) => m[0]));
};

before(async () => {
  app = await startStaffApp();
  await publishStaffTestProcedure(app);
  await publishStaffTestProcedure(app, { id: 'staff-test-childcare', title: { ja: '職員テスト子育て申請', en: 'Staff test childcare' }, department: 'childcare' });
  const ids = await registryResidents(app.db.kysely, 6);
  residents = await Promise.all(ids.map((id) => residentActor(app.db.kysely, id)));
  made.plain = await submitAs(app, residents[0]!, 'staff-test-permit', await testAnswers(app, residents[0]!.residentId!));
  // A name that differs from the register and that a spreadsheet would run as a formula.
  made.formula = await submitAs(app, residents[1]!, 'staff-test-permit', await testAnswers(app, residents[1]!.residentId!, { name: '=HYPERLINK("http://evil.example","x")' }));
  made.childcare = await submitAs(app, residents[2]!, 'staff-test-childcare', await testAnswers(app, residents[2]!.residentId!));
  made.old = await submitAs(app, residents[3]!, 'staff-test-permit', await testAnswers(app, residents[3]!.residentId!));
  // Submitted earlier, and past its due date (due 4 days before "today", 2026-11-24).
  await proceduresDb(app.db.kysely).updateTable('applications').set({ submitted_at: new Date('2026-10-01T01:00:00Z'), due_date: '2026-11-20' }).where('id', '=', made.old.id).execute();
});

after(async () => {
  await app?.close();
});

describe('demo applications', () => {
  test('sensible on the first day: none submitted in the future, some new today, some due within two business days, at most one overdue', async () => {
    const rows = await proceduresDb(app.db.kysely).selectFrom('applications').select(['status', 'submitted_at', 'due_date']).where('idempotency_key', 'like', 'demo:%').execute();
    assert.ok(rows.length >= 8, `demo applications: ${rows.length}`);
    const today = '2026-11-24';
    const day = (d: Date) => new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
    assert.ok(rows.every((r) => day(r.submitted_at!) <= today && day(r.submitted_at!) <= r.due_date!));
    assert.ok(rows.some((r) => day(r.submitted_at!) === today), 'some came in today');
    const waiting = rows.filter((r) => ['submitted', 'in_review', 'resubmitted'].includes(r.status));
    assert.ok(waiting.some((r) => r.due_date! >= today && r.due_date! <= '2026-11-26'), 'some are due soon');
    assert.equal(waiting.filter((r) => r.due_date! < today).length, 1, 'one overdue example');
  });

  test('demoSchedule: dates follow the business days; a second overdue story is due soon instead', async () => {
    const { demoSchedule } = await import('./demo-applications.ts');
    // Tuesday 24 November 2026; the 23rd is 勤労感謝の日 (a holiday), the 21st/22nd a weekend.
    assert.deepEqual(demoSchedule('today', '2026-11-24', 3, true), { submittedOn: '2026-11-24', dueDate: '2026-11-27' });
    assert.deepEqual(demoSchedule('yesterday', '2026-11-24', 3, true), { submittedOn: '2026-11-20', dueDate: '2026-11-26' });
    assert.deepEqual(demoSchedule('nearDue', '2026-11-24', 5, true), { submittedOn: '2026-11-17', dueDate: '2026-11-25' });
    assert.equal(demoSchedule('overdue', '2026-11-24', 5, true).dueDate < '2026-11-24', true);
    assert.equal(demoSchedule('overdue', '2026-11-24', 5, false).dueDate, '2026-11-25');
  });
});

describe('department inbox', () => {
  test('lists its own department only; the DX administrator and others without a handling role get 403 (no personal data)', async () => {
    const citizens = await staffSession('shimin.tanto');
    const page = await citizens.get('/staff/procedures?status=all');
    assert.equal(page.statusCode, 200);
    const refs = refsIn(page.body);
    for (const key of ['plain', 'formula', 'old']) assert.ok(refs.has(made[key]!.reference), key);
    assert.ok(!refs.has(made.childcare!.reference), 'no childcare application in the citizens inbox');

    const childcare = await staffSession('kosodate.tanto');
    const theirs = refsIn((await childcare.get('/staff/procedures?status=all')).body);
    assert.ok(theirs.has(made.childcare!.reference));
    assert.ok(!theirs.has(made.plain!.reference), 'a childcare clerk never lists citizens applications');
    // Even asking for the other department by name is refused, naming the field.
    const asked = await childcare.get('/staff/procedures?department=citizens');
    assert.equal(asked.statusCode, 400);
    assert.match(asked.body, /担当課/);
    assert.ok(!refsIn(asked.body).has(made.plain!.reference));

    // The DX office runs the system but handles none of these departments: no list, no CSV, no tasks.
    const admin = await staffSession('admin');
    const adminInbox = await admin.get('/staff/procedures?status=all');
    assert.equal(adminInbox.statusCode, 403);
    assert.ok(!refsIn(adminInbox.body).has(made.plain!.reference) && !refsIn(adminInbox.body).has(made.childcare!.reference));
    const adminCsv = await admin.get('/staff/procedures/export.csv?status=all');
    assert.equal(adminCsv.statusCode, 403);
    assert.ok(!adminCsv.body.includes(made.plain!.reference));
    assert.equal((await admin.get('/staff/procedures/tasks?status=all')).statusCode, 403);

    const driver = await staffSession('driver.sasaki');
    assert.equal((await driver.get('/staff/procedures')).statusCode, 403);
  });

  test('a page past the end shows the last page; a wrong page number names the field in Japanese', async () => {
    const childcare = await staffSession('kosodate.tanto');
    const past = await childcare.get('/staff/procedures?status=all&page=99');
    assert.equal(past.statusCode, 200);
    const count = /(\d+)件中 (\d+)〜(\d+)件目を表示/.exec(past.body);
    assert.ok(count, 'the count line is shown');
    assert.ok(Number(count[2]) <= Number(count[1]), `the first row shown exists (${count[0]})`);
    const wrong = await childcare.get('/staff/procedures?page=-1');
    assert.doesNotMatch(wrong.body, /「page」/);
    assert.match(wrong.body, /「ページ」/);
  });

  test('a clerk of another department gets 404 for the review page, its files and its actions (existence does not leak)', async () => {
    const childcare = await staffSession('kosodate.tanto');
    assert.equal((await childcare.get(`/staff/procedures/applications/${made.plain!.id}`)).statusCode, 404);
    assert.equal((await childcare.get('/staff/procedures/applications/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    await childcare.get(`/staff/procedures/applications/${made.childcare!.id}`);
    const post = await childcare.post(`/staff/procedures/applications/${made.plain!.id}/notes`, { note: 'のぞき見' });
    assert.equal(post.statusCode, 404);
    assert.equal((await row(made.plain!.id)).status, 'submitted');
    // Nor does the DX administrator see a department's application (name, register record).
    const admin = await staffSession('admin');
    const opened = await admin.get(`/staff/procedures/applications/${made.plain!.id}`);
    assert.equal(opened.statusCode, 404);
    assert.ok(!opened.body.includes(made.plain!.reference));
  });

  test('filters: status, procedure, submitted dates (和暦 too), overdue with its words and icon, assigned, kana and reference search', async () => {
    const b = await staffSession('shimin.tanto');
    const refs = async (query: string) => refsIn((await b.get(`/staff/procedures?${query}`)).body);

    const byProcedure = await refs('status=all&procedure=staff-test-childcare');
    assert.equal(byProcedure.size, 0, 'the childcare procedure is not in the citizens inbox');
    const permits = await refs('status=all&procedure=staff-test-permit');
    assert.deepEqual([...permits].sort(), [made.plain!.reference, made.formula!.reference, made.old!.reference].sort());

    const early = await refs(`procedure=staff-test-permit&from=${encodeURIComponent('令和8年9月1日')}&to=2026-10-31`);
    assert.deepEqual([...early], [made.old!.reference]);
    const late = await refs('procedure=staff-test-permit&from=2026-11-24');
    assert.ok(!late.has(made.old!.reference) && late.has(made.plain!.reference));

    const overdue = await b.get('/staff/procedures?procedure=staff-test-permit&overdue=1');
    assert.deepEqual([...refsIn(overdue.body)], [made.old!.reference]);
    assert.match(overdue.body, /期限超過 4日/);
    assert.match(overdue.body, /<strong class="tag tag-error"><svg aria-hidden="true"/);

    // Search: kana in hiragana finds the applicant; a whole reference and its last digits find the application.
    const plain = await row(made.plain!.id);
    const kanaQuery = plain.applicant_kana.split(/\s/)[0]!.replace(/[ァ-ヶ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
    assert.ok((await refs(`status=all&q=${encodeURIComponent(kanaQuery)}`)).has(made.plain!.reference));
    assert.deepEqual([...(await refs(`status=all&q=${made.formula!.reference}`))], [made.formula!.reference]);
    const digits = String(Number(made.formula!.reference.slice(-6)));
    assert.ok((await refs(`status=all&q=${digits}`)).has(made.formula!.reference));

    // Status and assignment: start the review of one (it becomes theirs).
    await b.get(`/staff/procedures/applications/${made.plain!.id}`);
    assert.equal((await b.post(`/staff/procedures/applications/${made.plain!.id}/start`)).statusCode, 303);
    assert.deepEqual([...(await refs('status=in_review&procedure=staff-test-permit'))], [made.plain!.reference]);
    assert.ok(!(await refs('status=submitted&procedure=staff-test-permit')).has(made.plain!.reference));
    assert.deepEqual([...(await refs('assigned=me&procedure=staff-test-permit'))], [made.plain!.reference]);
    assert.ok(!(await refs('assigned=unassigned&procedure=staff-test-permit')).has(made.plain!.reference));

    // A wrong date names the field and keeps what was typed.
    const wrong = await b.get(`/staff/procedures?from=${encodeURIComponent('令和8年2月30日')}&to=2026-01-01`);
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /error-summary/);
    assert.match(wrong.body, /存在しない日付です/);
    assert.match(wrong.body, /value="令和8年2月30日"/);
  });

  test('pages of 50 with the total, in due-date order, without overlap', async () => {
    const procedure = (await publishedProcedure(app.db.kysely, 'staff-test-permit'))!;
    await insertSyntheticApplications(app.db.kysely, { count: 120, now: app.platform.now(), days: 60, procedures: [{ id: procedure.id, version: procedure.version, department: 'citizens' }] });
    const pdb = proceduresDb(app.db.kysely);
    const { n } = await pdb
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('procedure_id', '=', 'staff-test-permit')
      .where('status', 'in', ['submitted', 'in_review', 'returned', 'resubmitted'])
      .executeTakeFirstOrThrow();
    const total = Number(n);
    assert.ok(total > 50, `enough open applications for two pages (${total})`);
    const b = await staffSession('shimin.tanto');
    const first = await b.get('/staff/procedures?procedure=staff-test-permit');
    assert.match(first.body, new RegExp(`${total}件中 1〜50件目を表示`));
    const second = await b.get('/staff/procedures?procedure=staff-test-permit&page=2');
    const one = [...refsIn(first.body)];
    const two = [...refsIn(second.body)];
    assert.equal(one.length, 50);
    assert.equal(two.length, Math.min(50, total - 50));
    assert.equal(one.filter((r) => two.includes(r)).length, 0, 'no application on two pages');
    // Due-date order across the page boundary.
    const dueOf = async (ref: string) => (await pdb.selectFrom('applications').select('due_date').where('reference', '=', ref).executeTakeFirstOrThrow()).due_date!;
    assert.ok((await dueOf(one.at(-1)!)) <= (await dueOf(two[0]!)));
    assert.match(first.body, /href="\/staff\/procedures\?procedure=staff-test-permit&amp;page=2"/);
  });

  test('the task list never fails on a page number: a malformed one is the first page, one past the end the last', async () => {
    const b = await staffSession('shimin.tanto');
    for (const page of ['1e20', '99999999999999999999', '-3', 'abc']) {
      const shown = await b.get(`/staff/procedures/tasks?status=all&page=${encodeURIComponent(page)}`);
      assert.equal(shown.statusCode, 200, `page=${page}: ${shown.body.slice(0, 300)}`);
    }
    const first = await b.get('/staff/procedures/tasks?status=all');
    const past = await b.get('/staff/procedures/tasks?status=all&page=999999');
    assert.equal(past.statusCode, 200);
    const tasksIn = (html: string) => [...html.matchAll(/href="\/staff\/procedures\/tasks\/([0-9a-f-]{36})"/g)].map((m) => m[1]).sort();
    if (tasksIn(first.body).length < 50) assert.deepEqual(tasksIn(past.body), tasksIn(first.body), 'one page only: page 999999 is that page');
    else assert.ok(tasksIn(past.body).length > 0, 'the last page, not an empty one');
  });

  test('the search key the database keeps is the platform kana key', async () => {
    const pdb = proceduresDb(app.db.kysely);
    for (const kana of ['キョウコ サトウ', 'シュッセ・タロウ', 'ヴァイオリン　ハナコ', 'ゔぁ ぁぃぅぇぉっゃゅょゎゕゖ']) {
      await pdb.updateTable('applications').set({ applicant_kana: kana }).where('id', '=', made.childcare!.id).execute();
      const { rows } = await sql<{ k: string }>`SELECT applicant_kana_key AS k FROM applications WHERE id = ${made.childcare!.id}`.execute(app.db.kysely);
      assert.equal(rows[0]!.k, kanaSearchKey(kana), kana);
    }
  });
});

describe('review', () => {
  test('answers beside the register record, differences marked in words; the view and the register read are audited', async () => {
    const b = await staffSession('shimin.tanto');
    const page = await b.get(`/staff/procedures/applications/${made.formula!.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /住民記録との照合/);
    assert.match(page.body, /<mark>=HYPERLINK/);
    assert.match(page.body, /相違あり/);
    assert.match(page.body, /相違 1件/);
    const same = await b.get(`/staff/procedures/applications/${made.childcare!.id}`);
    assert.equal(same.statusCode, 404, 'childcare is not theirs');
    const viewed = await audits('procedures.application.viewed', made.formula!.id);
    assert.ok(viewed.some((a) => a.actor_type === 'staff'));
    const registry = await audits('registry.resident.viewed', residents[1]!.residentId!);
    assert.ok(registry.some((a) => String(a.reason).includes(made.formula!.reference)));
  });

  test('assign to me and to a colleague of the department; not to someone outside it', async () => {
    const b = await staffSession('shimin.tanto');
    const url = `/staff/procedures/applications/${made.old!.id}`;
    await b.get(url);
    const me = await b.post(`${url}/assign`, { assignee: 'me' });
    assert.equal(me.statusCode, 303);
    const tanto = await staffActor(app.db.kysely, 'shimin.tanto');
    assert.equal((await row(made.old!.id)).assigned_staff_id, tanto.id);
    const kacho = await staffActor(app.db.kysely, 'shimin.kacho');
    assert.equal((await b.post(`${url}/assign`, { assignee: kacho.id })).statusCode, 303);
    assert.equal((await row(made.old!.id)).assigned_staff_id, kacho.id);
    const outsider = await staffActor(app.db.kysely, 'kosodate.tanto');
    const refused = await b.post(`${url}/assign`, { assignee: outsider.id });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /担当課の職員から選んでください/);
    assert.equal((await row(made.old!.id)).assigned_staff_id, kacho.id);
    const assigned = await audits('procedures.application.assigned', made.old!.id);
    assert.deepEqual(
      assigned.map((a) => a.details.assignee),
      [tanto.id, kacho.id],
    );
  });

  test('refusing needs a reason (the form comes back with it named); with one, the resident is told', async () => {
    const b = await staffSession('shimin.tanto');
    const url = `/staff/procedures/applications/${made.old!.id}`;
    await b.get(url);
    const empty = await b.post(`${url}/reject`, { reason: '   ' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /error-summary/);
    assert.match(empty.body, /href="#reason"/);
    assert.match(empty.body, /「却下の理由」を入力してください/);
    assert.equal((await row(made.old!.id)).status, 'submitted');
    const done = await b.post(`${url}/reject`, { reason: '対象の要件を満たしていません。' });
    assert.equal(done.statusCode, 303);
    assert.equal((await row(made.old!.id)).status, 'rejected');
    assert.equal((await audits('procedures.application.reject', made.old!.id)).length, 1);
    await app.platform.jobs.drain();
    const mail = app.notifier.sent.find((m) => m.reference === made.old!.id && m.body.includes('対象の要件を満たしていません'));
    assert.ok(mail, 'the refusal with its reason is e-mailed');
    const final = await b.get(url);
    assert.match(final.body, /これ以上の対応はできません/);
    // A second decision (another tab, a colleague) is refused with a notice, not an error page.
    const twice = await b.post(`${url}/approve`, { approveMessage: '' });
    assert.equal(twice.statusCode, 303);
    assert.equal((await row(made.old!.id)).status, 'rejected');
    assert.match((await b.get(url)).body, /banner-warning/);
  });

  test('an internal note stays on the staff timeline and never reaches the resident', async () => {
    const b = await staffSession('shimin.kacho');
    const url = `/staff/procedures/applications/${made.formula!.id}`;
    await b.get(url);
    const missing = await b.post(`${url}/notes`, { note: '' });
    assert.equal(missing.statusCode, 400);
    assert.equal((await b.post(`${url}/notes`, { note: '電話で本人確認済み・内部' })).statusCode, 303);
    const page = await b.get(url);
    assert.match(page.body, /電話で本人確認済み・内部/);
    assert.match(page.body, /内部メモ（申請者には表示されません）/);
    const { view } = await applicationView(app.platform, residents[1]!, made.formula!.id, { locale: 'ja', justSubmitted: false });
    assert.ok(!view.timeline.some((e) => e.message.includes('電話で本人確認済み')));
    assert.equal((await audits('procedures.application.note', made.formula!.id)).length, 1);
  });

  test('files: the department downloads (audited); another department gets 404', async () => {
    const pdb = proceduresDb(app.db.kysely);
    const withFile = await pdb.selectFrom('application_files as f').innerJoin('applications as a', 'a.id', 'f.application_id').select(['a.id', 'a.department_code', 'f.file_id']).limit(1).executeTakeFirst();
    assert.ok(withFile, 'the demo applications include one with a file');
    const own = (await app.db.kysely.selectFrom('staff as s').innerJoin('staff_roles as r', 'r.staff_id', 's.id').select('s.login_id').where('r.department_code', '=', withFile.department_code).where('r.role', '=', 'clerk').executeTakeFirstOrThrow()).login_id;
    const b = await staffSession(own);
    const url = `/staff/procedures/applications/${withFile.id}/files/${withFile.file_id}`;
    const download = await b.get(url);
    assert.equal(download.statusCode, 200);
    assert.match(String(download.headers['content-disposition']), /attachment/);
    assert.equal((await audits('procedures.application.file.downloaded', withFile.id)).length, 1);
    const other = await staffSession(withFile.department_code === 'tax' ? 'kosodate.tanto' : 'zeimu.tanto');
    assert.equal((await other.get(url)).statusCode, 404);
  });
});

describe('correction round trip', () => {
  test('request a correction → the resident is e-mailed and sees the message → resubmits → approved', async () => {
    const resident = app.browser();
    await resident.loginResident('demo-01', 'card');
    const submitted = await resident.json('POST', '/api/procedure-applications', {
      procedureId: 'staff-test-permit',
      answers: { name: '奥州 花子', kana: 'おうしゅう はなこ', birthDate: '1980-01-01', address: '奥州市水沢大手町1-1', email: 'hanako@example.jp' },
    });
    assert.equal(submitted.statusCode, 400, 'without the idempotency key the API refuses');
    const sent = await app.app.inject({
      method: 'POST',
      url: '/api/procedure-applications',
      headers: { host: 'localhost:3000', cookie: [...resident.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': resident.csrf, 'content-type': 'application/json', 'idempotency-key': 'round-trip-1' },
      payload: JSON.stringify({ procedureId: 'staff-test-permit', answers: { name: '奥州 花子', kana: 'おうしゅう はなこ', birthDate: '1980-01-01', address: '奥州市水沢大手町1-1', email: 'hanako@example.jp' } }),
    });
    assert.equal(sent.statusCode, 201, sent.body);
    const { id, reference } = sent.json() as { id: string; reference: string };

    const staff = await staffSession('shimin.tanto');
    const url = `/staff/procedures/applications/${id}`;
    const review = await staff.get(url);
    assert.match(review.body, new RegExp(reference));
    const noMessage = await staff.post(`${url}/return`, { returnMessage: '', fields: ['address'] });
    assert.equal(noMessage.statusCode, 400);
    assert.match(noMessage.body, /href="#returnMessage"/);
    assert.match(noMessage.body, /value="address" checked/, "the flagged field stays ticked");
    const returned = await staff.post(`${url}/return`, { returnMessage: '住所を番地まで入力してください。', fields: ['address'] });
    assert.equal(returned.statusCode, 303);
    assert.equal((await row(id)).status, 'returned');
    // The flagged field is named by its label on the staff timeline, never by its id.
    const afterReturn = await staff.get(url);
    assert.match(afterReturn.body, /修正を依頼した項目：住所</);
    assert.doesNotMatch(afterReturn.body, /修正を依頼した項目：address/);

    await app.platform.jobs.drain();
    const mail = app.notifier.sent.find((m) => m.to === 'hanako@example.jp' && m.body.includes('住所を番地まで入力してください。'));
    assert.ok(mail, 'the resident is e-mailed the message');
    const mine = await resident.get(`/procedures/applications/${id}`);
    assert.equal(mine.statusCode, 200);
    assert.match(mine.body, /住所を番地まで入力してください。/);

    // The resident corrects and sends it again (the check page's submit, as the browser would post it).
    await proceduresDb(app.db.kysely)
      .updateTable('applications')
      .set({ answers: JSON.stringify({ ...(await row(id)).answers, address: '奥州市水沢大手町1丁目1番地' }) })
      .where('id', '=', id)
      .execute();
    await resident.get(`/procedures/applications/${id}/check`);
    const resent = await resident.post(`/procedures/applications/${id}/submit`, {});
    assert.equal(resent.statusCode, 303);
    assert.equal((await row(id)).status, 'resubmitted');

    const inbox = await staff.get(`/staff/procedures?q=${reference}`);
    assert.match(inbox.body, /再提出あり/);
    await staff.get(url);
    assert.equal((await staff.post(`${url}/approve`, { approveMessage: '窓口でお受け取りください。' })).statusCode, 303);
    assert.equal((await row(id)).status, 'approved');
    const actions = (await app.db.kysely.selectFrom('audit_log').select('action').where('target_id', '=', id).orderBy('seq').execute()).map((a) => a.action);
    for (const action of ['procedures.application.submit', 'procedures.application.viewed', 'procedures.application.return', 'procedures.application.resubmit', 'procedures.application.approve']) {
      assert.ok(actions.includes(action), action);
    }
  });
});

describe('CSV and API', () => {
  test('the CSV has the filtered rows (UTF-8 with BOM, formulas neutralised) and is audited', async () => {
    const b = await staffSession('shimin.tanto');
    const csv = await b.get(`/staff/procedures/export.csv?status=all&q=${made.formula!.reference}`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.ok(csv.body.startsWith('\uFEFF受付番号,'));
    const lines = csv.body.trim().split(/\r?\n/);
    assert.equal(lines.length, 2, 'header and the one matching row');
    assert.match(lines[1]!, new RegExp(`^${made.formula!.reference},職員テスト申請,"'=HYPERLINK`));
    const wider = await b.get('/staff/procedures/export.csv?status=all&procedure=staff-test-permit');
    assert.ok(!wider.body.includes(made.childcare!.reference));
    const exported = await audits('procedures.inbox.exported');
    assert.ok(exported.some((a) => a.details.rows === 1));
  });

  test('GET /api/staff/procedure-inbox and /api/staff/procedure-tasks: the same filters and paging as JSON, in OpenAPI', async () => {
    const b = await staffSession('shimin.tanto');
    const list = await b.json('GET', '/api/staff/procedure-inbox?status=all&procedure=staff-test-permit&overdue=false&sort=submitted&page=1');
    assert.equal(list.statusCode, 200, list.body);
    const body = list.json() as { total: number; page: number; pageSize: number; items: { reference: string; department: string; procedureTitle: string }[] };
    assert.equal(body.pageSize, 50);
    assert.ok(body.total > 100);
    assert.ok(body.items.every((i) => i.department === 'citizens'));
    const found = await b.json('GET', `/api/staff/procedure-inbox?status=all&q=${made.formula!.reference}`);
    assert.deepEqual((found.json() as typeof body).items.map((i) => i.reference), [made.formula!.reference]);
    // The page's own JSON link (its filter form's query) is accepted as it is.
    const page = await b.get('/staff/procedures?overdue=true&procedure=staff-test-permit');
    const link = /href="(\/api\/staff\/procedure-inbox\?[^"]+)"/.exec(page.body)![1]!.replaceAll('&amp;', '&');
    const linked = await b.json('GET', link);
    assert.equal(linked.statusCode, 200, linked.body);
    const overdue = (linked.json() as { items: { overdueDays: number }[] }).items;
    assert.ok(overdue.length > 0 && overdue.every((i) => i.overdueDays > 0));
    const bad = await b.json('GET', '/api/staff/procedure-inbox?from=tomorrow');
    assert.equal(bad.statusCode, 400);
    const tasks = await b.json('GET', '/api/staff/procedure-tasks');
    assert.equal(tasks.statusCode, 200);
    const anonymous = await app.app.inject({ method: 'GET', url: '/api/staff/procedure-inbox' });
    assert.equal(anonymous.statusCode, 401);
    const spec = (await app.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    assert.ok(spec.paths['/api/staff/procedure-inbox']);
    assert.ok(spec.paths['/api/staff/procedure-tasks']);
  });

  test('every list shown is audited with the references it revealed; the chain holds', async () => {
    const views = await audits('procedures.inbox.viewed');
    assert.ok(views.length > 0);
    assert.ok(views.some((v) => (v.details.references as string[]).includes(made.plain!.reference)));
    const result = await verifyAuditChain(app.db.kysely);
    assert.equal(result.ok, true);
  });
});
