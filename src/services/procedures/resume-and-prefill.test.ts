/**
 * What the resident had is never lost and never invented:
 * - the register's household list comes back whenever its page is shown and it has no
 *   answer (after 前に戻る past an answer that hid it, or on a draft that lost it), but a
 *   suggestion the resident emptied stays empty;
 * - a page posted after the login expired is saved and shown again after logging in,
 *   with errors only for what was typed wrongly, none for questions not yet reached.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import type { TestApp } from '../../platform/testing/test-app.ts';
import { applicationIdOf, applicationRow, loginResidentTo, publishAsAdmin, startProceduresApp } from './procedures-test-kit.ts';
import { proceduresDb } from './tables.ts';

const L = (ja: string, en: string) => ({ ja, en });

/** One page whose household list shows only for "part of the household", with a prefilled kana; then a page of required questions. */
const definition = {
  id: 'prefill-test',
  title: L('世帯の届出テスト', 'Household test'),
  summary: L('世帯の一覧の事前入力を試す届出です。', 'A form to exercise household prefill.'),
  category: 'moving',
  lifeEvents: [],
  keywords: [],
  department: 'citizens',
  assurance: 'password',
  processingDays: 5,
  fee: null,
  payment: [],
  pages: [
    {
      id: 'who',
      title: L('届出の対象', 'Who'),
      fields: [
        { id: 'kana', type: 'kana', label: L('フリガナ', 'Kana'), maxLength: 60, prefill: 'resident.nameKana' },
        { id: 'scope', type: 'radios', label: L('対象', 'Scope'), required: true, options: [{ value: 'all', label: L('世帯全員', 'Everyone') }, { value: 'part', label: L('一部の人', 'Some') }] },
        {
          id: 'members',
          type: 'group',
          label: L('対象の人', 'People'),
          itemLabel: L('対象者', 'Person'),
          prefill: 'household.members',
          minItems: 1,
          maxItems: 10,
          when: { field: 'scope', equals: 'part' },
          fields: [
            { id: 'name', type: 'text', label: L('氏名', 'Name'), required: true, maxLength: 40 },
            { id: 'relationship', type: 'text', label: L('続柄', 'Relationship'), maxLength: 20 },
          ],
        },
      ],
    },
    {
      id: 'details',
      title: L('詳細', 'Details'),
      fields: [
        { id: 'reason', type: 'text', label: L('理由', 'Reason'), required: true, maxLength: 100 },
        { id: 'since', type: 'date', label: L('開始日', 'Since'), required: true, max: 'today' },
        { id: 'email', type: 'email', label: L('メールアドレス', 'Email'), required: true },
      ],
    },
  ],
};

let app: TestApp;
let b: BrowserSession;
let id = '';
let household: string[] = [];

before(async () => {
  app = await startProceduresApp();
  await publishAsAdmin(app, definition);
  b = app.browser();
  await b.loginResident('demo-01', 'card');
  const started = await b.post('/procedures/prefill-test/start');
  id = applicationIdOf(started.headers.location);
});
after(async () => app.close());

const page = (name: string) => `/procedures/applications/${id}/pages/${name}`;
const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
const memberNames = (html: string) => [...html.matchAll(/name="members\.\d+\.name" type="text" value="([^"]*)"/g)].map((m) => m[1]!).filter(Boolean);

test('the household list is prefilled from the register at the start', async () => {
  const who = await b.get(page('who'));
  household = memberNames(who.body);
  assert.ok(household.length >= 1, 'the register has the household of demo-01');
  assert.notEqual(/name="kana" type="text" value="([^"]*)"/.exec(who.body)?.[1], '', 'kana prefilled');
});

test('an answer that hides the list drops it; going back and showing it again brings the register back', async () => {
  // 世帯全員: the list is not needed and not saved; the resident also empties the suggested kana.
  const form: Record<string, string> = { kana: '', scope: 'all', action: 'continue' };
  household.forEach((name, i) => (form[`members.${i}.name`] = name));
  let response = await b.post(page('who'), form);
  assert.equal(response.headers.location, page('details'));
  const saved = (await applicationRow(app, id)).answers;
  assert.equal(saved.members, undefined);
  // 前に戻る from the next page
  response = await b.post(page('details'), { reason: '', action: 'back' });
  assert.equal(response.headers.location, page('who'));
  const who = await b.get(page('who'));
  assert.deepEqual(memberNames(who.body), household, 'the household list is back');
  assert.match(who.body, /name="kana" type="text" value(="")? /, 'the kana the resident emptied stays empty');
  // nothing was written by showing the page
  assert.equal((await applicationRow(app, id)).answers.members, undefined);
});

test('a draft that has lost the list (e.g. saved before the login matched the register) gets it when the page is shown', async () => {
  const row = await applicationRow(app, id);
  const { members: _gone, ...rest } = row.answers;
  await proceduresDb(app.db.kysely).updateTable('applications').set({ answers: JSON.stringify({ ...rest, scope: 'part' }) }).where('id', '=', id).execute();
  const who = await b.get(page('who'));
  assert.deepEqual(memberNames(who.body), household);
});

test('what the resident typed or removed is never overwritten by the register', async () => {
  // Only the first member, renamed: saved as typed.
  let response = await b.post(page('who'), { kana: '', scope: 'part', 'members.0.name': '奥州 太郎', action: 'continue' });
  assert.equal(response.headers.location, page('details'));
  let who = await b.get(page('who'));
  assert.deepEqual(memberNames(who.body), ['奥州 太郎']);
  // Every member removed (the page then asks for one, as the form requires): the register does not fill them back.
  response = await b.post(page('who'), { kana: '', scope: 'part', 'members.0.name': '', action: 'save' });
  assert.equal(response.statusCode, 303);
  assert.deepEqual((await applicationRow(app, id)).answers.members, []);
  who = await b.get(page('who'));
  assert.deepEqual(memberNames(who.body), []);
  response = await b.post(page('who'), { kana: '', scope: 'part', 'members.0.name': '奥州 花子', action: 'continue' });
  assert.equal(response.headers.location, page('details'));
});

test('a page posted after the login expired is saved and shown again, with errors only for what was typed', async () => {
  await app.db.kysely.deleteFrom('sessions').where('kind', '=', 'resident').execute();
  // The resident had typed the reason and a wrong date, and not reached the e-mail question yet.
  const response = await b.post(page('details'), { reason: '転勤のため', since: '令和8年2月30日', email: '', action: 'continue' });
  assert.match(String(response.headers.location), /next=%2Fprocedures%2Fpending/);
  await loginResidentTo(b, 'demo-01', 'card', '/procedures/pending');
  const shown = await b.get('/procedures/pending');
  assert.equal(shown.statusCode, 400);
  const html = main(shown.body);
  assert.match(html, new RegExp(`action="/procedures/applications/${id}/pages/details"`), 'the page the resident was on');
  assert.match(html, /ログインの前に入力した内容を復元しました/);
  assert.match(html, /name="reason" type="text" value="転勤のため"/);
  assert.match(html, /name="since" type="text" value="令和8年2月30日"/);
  assert.match(html, /<a href="#since">/, 'the wrong date is pointed out');
  assert.doesNotMatch(html, /<a href="#email">/, 'the question not reached yet is not an error');
  const row = await applicationRow(app, id);
  assert.equal(row.answers.reason, '転勤のため', 'what was valid is saved');
  assert.equal(row.current_page_id, 'details');
});
