import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StaffActor } from '../../platform/access/actor.ts';
import type { ProcedureDefinition } from '../../engines/forms/index.ts';
import { availableBundles, bundleDescription, BUNDLES, presetAnswers } from './bundles.ts';
import { postalText } from './view-common.tsx';
import { readVisitor } from './visitor-facts.ts';
import { counterMessages } from './messages.ts';
import { canUseCounter } from './policy.ts';
import { readLookup, startsWithKana } from './resident-lookup.ts';
import { outcomeOf } from './visit-service.ts';

const staff = (roles: StaffActor['roles']): StaffActor => ({ kind: 'staff', id: 's', loginId: 's', displayName: 's', roles });

test('the counter is the Citizens Division’s (clerks and managers) and the DX administrators’', () => {
  assert.ok(canUseCounter(staff([{ department: 'citizens', role: 'clerk' }])));
  assert.ok(canUseCounter(staff([{ department: 'citizens', role: 'manager' }])));
  assert.ok(canUseCounter(staff([{ department: 'dx', role: 'admin' }])));
  assert.ok(!canUseCounter(staff([{ department: 'dx', role: 'clerk' }])));
  assert.ok(!canUseCounter(staff([{ department: 'tax', role: 'clerk' }])));
  assert.ok(!canUseCounter(staff([])));
});

test('kana matches from the start of the family name, the given name or the whole name, in any script', () => {
  const r = { family_name_kana: 'オウシュウ', given_name_kana: 'ハナコ' };
  for (const q of ['おう', 'オウシュウ', 'ｵｳｼｭｳ', 'はな', 'ﾊﾅｺ', 'おうしゅう　はなこ', 'オウシユウ']) assert.ok(startsWithKana(r, q), q);
  for (const q of ['しゅう', 'ナコ', 'カ', '']) assert.ok(!startsWithKana(r, q), q);
});

test('the search needs kana and a birth date, 和暦 or Western', () => {
  assert.deepEqual(readLookup({ kana: 'おう', birthDate: 'S50.4.1' }).query, { kana: 'おう', birthDate: '1975-04-01' });
  assert.deepEqual(readLookup({ kana: 'おう', birthDate: '昭和50年4月1日' }).query?.birthDate, '1975-04-01');
  assert.deepEqual(readLookup({ kana: '', birthDate: '' }).errors.map((e) => e.messageKey), ['counter.search.error.kanaRequired', 'counter.search.error.birthRequired']);
  assert.deepEqual(readLookup({ kana: 'Oshu', birthDate: '1975-02-30' }).errors.map((e) => e.messageKey), ['counter.search.error.kana', 'counter.search.error.birthInvalid']);
});

const definition = (fields: unknown[]): ProcedureDefinition => ({ id: 'x', pages: [{ id: 'p', title: { ja: '', en: '' }, fields }] }) as unknown as ProcedureDefinition;

test('bundles: only published procedures, at least two; presets only where the definition offers the choice', () => {
  const ids = BUNDLES.map((b) => b.id);
  assert.deepEqual(ids, ['move-in', 'move-out', 'bereavement']);
  const moveIn = availableBundles(new Set(['kokuho-kanyu-dattai', 'suido-kaiheisen']));
  // Moving out has no water form (the 転出届 tells the water department), so with only these two it is not offered.
  assert.deepEqual(moveIn.map((b) => [b.id, b.items.map((i) => i.procedureId)]), [['move-in', ['kokuho-kanyu-dattai', 'suido-kaiheisen']]]);
  assert.deepEqual(availableBundles(new Set(['tenshutsu', 'kokuho-kanyu-dattai', 'suido-kaiheisen'])).find((b) => b.id === 'move-out')?.items.map((i) => i.procedureId), ['tenshutsu', 'kokuho-kanyu-dattai']);
  assert.deepEqual(availableBundles(new Set(['juminhyo-copy'])), []);
  const def = definition([{ id: 'kind', type: 'radios', options: [{ value: 'join', label: { ja: '', en: '' } }] }, { id: 'note', type: 'text' }]);
  assert.deepEqual(presetAnswers(def, { kind: 'join', note: 'x', missing: 'y' }), { kind: 'join' });
  assert.deepEqual(presetAnswers(def, { kind: 'leave' }), {});
});

test('a visit’s outcome', () => {
  assert.equal(outcomeOf([], false), 'cancelled');
  assert.equal(outcomeOf([{ finish: 'submit' }, { finish: 'print' }], false), 'completed');
  assert.equal(outcomeOf([{ finish: 'submit' }, { finish: null }], false), 'partial');
  assert.equal(outcomeOf([{ finish: null }], false), 'cancelled');
  assert.equal(outcomeOf([{ finish: 'submit' }], true), 'partial', 'stopped after a submission: it still counts');
  assert.equal(outcomeOf([{ finish: null }], true), 'cancelled');
});

test('every message exists in Japanese and English, with the same placeholders', () => {
  assert.deepEqual(Object.keys(counterMessages.en).sort(), Object.keys(counterMessages.ja).sort());
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [key, ja] of Object.entries(counterMessages.ja)) assert.deepEqual(placeholders(counterMessages.en[key]!), placeholders(ja), key);
});

test('a bundle says exactly what it holds: the 転入セット lists its four procedures and that the 転入届 itself is taken elsewhere', () => {
  const moveIn = BUNDLES.find((b) => b.id === 'move-in')!;
  assert.ok(!moveIn.items.some((i) => i.procedureId === 'tennyu'), 'no item for a procedure the catalogue does not carry');
  assert.equal(bundleDescription(moveIn).ja, '国民健康保険の加入・児童手当の認定請求・子ども医療費助成の申請・水道の使用開始（転入届は住民記録システムで受け付けます）');
  // Offered with only some of its procedures published, it describes only those.
  const offered = availableBundles(new Set(['kokuho-kanyu-dattai', 'suido-kaiheisen']))[0]!;
  assert.equal(bundleDescription(offered).ja, '国民健康保険の加入・水道の使用開始（転入届は住民記録システムで受け付けます）');
  for (const bundle of BUNDLES) for (const item of bundle.items) assert.ok(bundleDescription(bundle).ja.includes(item.label.ja), `${bundle.id}: ${item.procedureId}`);
});

test('postal codes are printed with one hyphen, whether stored with it or not', () => {
  assert.equal(postalText('023-0034'), '〒023-0034');
  assert.equal(postalText('0230034'), '〒023-0034');
  assert.equal(postalText('〒０２３ー００３４'), '〒023-0034');
  assert.equal(postalText('unknown'), '〒unknown');
});

test('a visitor not on the register: typed facts read, each wrong one named', () => {
  const ok = readVisitor({ name: ' 転入  花子 ', nameKana: 'てんにゅう はなこ', birthDate: 'H2.5.6', postalCode: '023 0813', address: '奥州市水沢中町1番地' }, '2026-11-24');
  assert.deepEqual(ok.visitor, { name: '転入 花子', nameKana: 'テンニュウ ハナコ', birthDate: '1990-05-06', postalCode: '023-0813', address: '奥州市水沢中町1番地' });
  const wrong = readVisitor({ name: '', nameKana: '花子', birthDate: '2030-01-01', postalCode: '023', address: '' }, '2026-11-24');
  assert.deepEqual(wrong.errors.map((e) => e.field), ['name', 'nameKana', 'birthDate', 'postalCode', 'address']);
  assert.equal(wrong.errors.find((e) => e.field === 'birthDate')!.messageKey, 'counter.visitor.error.birthFuture');
});
