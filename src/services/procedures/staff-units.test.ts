/** Pure parts of the staff side: access sentences, the inbox's filter and search, the register check, the messages. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StaffActor } from '../../platform/access/actor.ts';
import { parseDefinition, type ProcedureDefinition } from '../../engines/forms/index.ts';
import type { ResidentFacts } from '../registry/resident-facts.ts';
import { daysOverdue, parseInboxFilter, parseSearch } from './inbox-filter.ts';
import { compareWithRegistry } from './review-compare.ts';
import { canUseInbox, canWorkApplication, canWorkTask, handledDepartments, inboxScope, isAssignable } from './staff-access.ts';
import { staffProceduresMessages } from './staff-messages.ts';
import { staffTestDefinition } from './staff-test-kit.ts';

const staff = (roles: StaffActor['roles']): StaffActor => ({ kind: 'staff', id: 's', loginId: 's', displayName: 's', roles });

test('access: a department works its own applications and tasks; the DX administrator none (personal data stays with the handling department); a DX clerk only DX office procedures; a driver none', () => {
  const childcare = staff([{ department: 'childcare', role: 'clerk' }]);
  assert.equal(canWorkApplication(childcare, { department_code: 'childcare' }), true);
  assert.equal(canWorkApplication(childcare, { department_code: 'citizens' }), false);
  assert.equal(canWorkTask(childcare, { department_code: 'citizens' }), false);
  assert.deepEqual(inboxScope(childcare), ['childcare']);
  const admin = staff([{ department: 'dx', role: 'admin' }]);
  assert.deepEqual(inboxScope(admin), []);
  assert.equal(canUseInbox(admin), false);
  assert.equal(canWorkApplication(admin, { department_code: 'citizens' }), false);
  assert.equal(canWorkTask(admin, { department_code: 'citizens' }), false);
  assert.equal(canUseInbox(staff([{ department: 'dx', role: 'clerk' }])), true, 'a DX clerk handles the DX office’s own procedures');
  assert.equal(canWorkApplication(staff([{ department: 'dx', role: 'clerk' }]), { department_code: 'citizens' }), false);
  assert.equal(canUseInbox(staff([])), false);
  assert.deepEqual(handledDepartments(staff([{ department: 'tax', role: 'manager' }, { department: 'citizens', role: 'clerk' }, { department: 'tax', role: 'clerk' }])), ['citizens', 'tax']);
  assert.equal(isAssignable({ active: true, roles: [{ department: 'tax', role: 'clerk' }] }, 'tax'), true);
  assert.equal(isAssignable({ active: false, roles: [{ department: 'tax', role: 'clerk' }] }, 'tax'), false);
  assert.equal(isAssignable({ active: true, roles: [{ department: 'dx', role: 'admin' }] }, 'tax'), false);
});

const labels = { from: '申請日（から）', to: '申請日（まで）', status: '状態', procedure: '手続き', department: '担当課', assigned: '担当者', sort: '並び順' };

test('search: whole reference, its last digits, kana in any script, or a name', () => {
  assert.deepEqual(parseSearch('osu-2026-123'), { kind: 'reference', exact: 'OSU-2026-000123' });
  assert.deepEqual(parseSearch('ＯＳＵ－２０２６－０００１２３'), { kind: 'reference', exact: 'OSU-2026-000123' });
  assert.deepEqual(parseSearch('１２３'), { kind: 'reference-number', suffix: '000123' });
  assert.deepEqual(parseSearch('さとう　きょうこ'), { kind: 'kana', key: 'サトウキヨウコ' });
  assert.deepEqual(parseSearch('ｻﾄｳ'), { kind: 'kana', key: 'サトウ' });
  assert.deepEqual(parseSearch('佐藤 花子'), { kind: 'name', key: '佐藤花子' });
  assert.equal(parseSearch('   '), null);
});

test('filter: defaults, 和暦 dates, wrong values named', () => {
  const { filter, errors } = parseInboxFilter({}, labels);
  assert.deepEqual(errors, []);
  assert.deepEqual(filter.statuses, ['submitted', 'in_review', 'returned', 'resubmitted']);
  assert.equal(filter.sort, 'due');
  const dated = parseInboxFilter({ from: '令和8年4月1日', to: 'R8.4.30', status: 'all', overdue: '1', assigned: 'me' }, labels);
  assert.deepEqual([dated.filter.submittedFrom, dated.filter.submittedTo, dated.filter.statuses, dated.filter.overdue, dated.filter.assigned], ['2026-04-01', '2026-04-30', null, true, 'me']);
  const wrong = parseInboxFilter({ from: '2026-05-01', to: '2026-04-01', status: 'lost', sort: 'random' }, labels);
  assert.deepEqual(wrong.errors.map((e) => [e.field, e.messageKey]).sort(), [['sort', 'validation.enum'], ['status', 'validation.enum'], ['to', 'procedures.staff.error.dateOrder']]);
});

test('overdue: calendar days past the due date, only while waiting for staff', () => {
  assert.equal(daysOverdue({ status: 'submitted', due_date: '2026-11-20' }, '2026-11-24'), 4);
  assert.equal(daysOverdue({ status: 'in_review', due_date: '2026-11-24' }, '2026-11-24'), 0);
  assert.equal(daysOverdue({ status: 'returned', due_date: '2026-11-01' }, '2026-11-24'), 0, 'the clock stops while the resident corrects');
  assert.equal(daysOverdue({ status: 'approved', due_date: '2026-11-01' }, '2026-11-24'), 0);
});

const facts: ResidentFacts = {
  resident: { name: '髙橋 一郎', nameKana: 'タカハシ イチロウ', birthDate: '1970-01-02', gender: 'male', postalCode: '023-0053', address: '岩手県奥州市水沢大手町1丁目1番地' },
  household: {
    head: '髙橋 一郎',
    members: [
      { name: '髙橋 一郎', nameKana: 'タカハシ イチロウ', birthDate: '1970-01-02', relationship: '世帯主' },
      { name: '髙橋 花子', nameKana: 'タカハシ ハナコ', birthDate: '1972-03-04', relationship: '妻' },
    ],
  },
};

function fixture(): ProcedureDefinition {
  const parsed = parseDefinition(staffTestDefinition());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.definition;
}

test('register check: the same person written differently is not a difference; real differences are counted', () => {
  const def = fixture();
  const same = compareWithRegistry(def, { name: '高橋　一郎', kana: 'たかはし いちろう', birthDate: '1970-01-02', address: '奥州市水沢区大手町一丁目1番地', members: [{ name: '高橋 一郎', birthDate: '1970-01-02' }] }, facts);
  assert.deepEqual(same.facts.map((f) => [f.key, f.verdict]), [['name', 'same'], ['nameKana', 'same'], ['birthDate', 'same'], ['address', 'same']]);
  assert.deepEqual(same.members!.map((m) => m.verdict), ['same', 'not-in-application']);
  assert.equal(same.differences, 0);
  const differs = compareWithRegistry(def, { name: '高橋 一朗', kana: 'タカハシ イチロウ', birthDate: '1970-01-03', address: '奥州市江刺大通り1-1', members: [{ name: '髙橋 花子', birthDate: '1972-03-05' }, { name: '髙橋 次郎', birthDate: '2001-01-01' }] }, facts);
  assert.deepEqual(differs.facts.filter((f) => f.verdict === 'different').map((f) => f.key), ['name', 'birthDate', 'address']);
  assert.deepEqual(differs.members!.map((m) => m.verdict), ['birth-date-differs', 'not-in-register', 'not-in-application']);
  assert.equal(differs.differences, 5);
  const none = compareWithRegistry(def, { name: '山田 花子' }, null);
  assert.equal(none.hasRecord, false);
  assert.ok(none.facts.every((f) => f.verdict === 'no-record'));
  assert.equal(none.differences, 0);
});

test('messages: every key in Japanese and English', () => {
  const ja = Object.keys(staffProceduresMessages.ja).sort();
  const en = Object.keys(staffProceduresMessages.en).sort();
  assert.deepEqual(en, ja);
  for (const key of ja) assert.ok(staffProceduresMessages.ja[key] && staffProceduresMessages.en[key], key);
});
