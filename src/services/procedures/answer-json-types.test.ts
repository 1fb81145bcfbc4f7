import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProcedureDefinition } from '../../engines/forms/index.ts';
import { answerTypeErrors } from './answer-json-types.ts';

const L = (ja: string) => ({ ja, en: ja });
const def = {
  pages: [
    {
      id: 'p',
      title: L('p'),
      fields: [
        { id: 'copies', type: 'number', label: L('通数') },
        { id: 'agree', type: 'consent', label: L('同意') },
        { id: 'uses', type: 'checkboxes', label: L('用途'), options: [{ value: 'a', label: L('a') }] },
        { id: 'site', type: 'location', label: L('場所') },
        { id: 'members', type: 'group', label: L('世帯員'), itemLabel: L('人'), fields: [{ id: 'name', type: 'text', label: L('氏名') }] },
      ],
    },
  ],
} as unknown as ProcedureDefinition;

test('answers in the stored shape pass; unanswered ones are left to the engine', () => {
  assert.deepEqual(answerTypeErrors(def, { copies: 2, agree: true, uses: ['a'], site: { lat: 39.1, lng: 141.1 }, members: [{ name: '奥州 太郎' }] }), []);
  assert.deepEqual(answerTypeErrors(def, {}), []);
});

test('each wrongly typed answer is named, inside groups too', () => {
  const fields = (answers: Record<string, unknown>) => answerTypeErrors(def, answers).map((e) => [e.field, e.messageKey]);
  assert.deepEqual(fields({ copies: '３', agree: 'yes', uses: 'a', site: { lat: '39' } }), [
    ['copies', 'procedures.api.error.type.number'],
    ['agree', 'procedures.api.error.type.boolean'],
    ['uses', 'procedures.api.error.type.strings'],
    ['site', 'procedures.api.error.type.location'],
  ]);
  assert.deepEqual(fields({ members: 'abc' }), [['members', 'procedures.api.error.type.items']]);
  assert.deepEqual(fields({ members: [1, null] }), [['members', 'procedures.api.error.type.items']]);
  assert.deepEqual(fields({ members: [{ name: 'ok' }, { name: 7 }] }), [['members.1.name', 'procedures.api.error.type.string']]);
});
