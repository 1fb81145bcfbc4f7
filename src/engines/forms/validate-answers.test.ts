import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureAnswers, fixtureDefinition, TODAY } from './test-fixture.ts';
import type { Answers, FieldError } from './types.ts';
import { normaliseAnswers, validateAnswers } from './validate-answers.ts';

const def = fixtureDefinition();
const ids = (errors: FieldError[]) => errors.map((e) => `${e.fieldId}:${e.code}`);
const check = (answers: Answers, today = TODAY) => ids(validateAnswers(def, answers, { today }));

describe('validateAnswers', () => {
  it('accepts a complete application', () => {
    assert.deepEqual(check(fixtureAnswers()), []);
  });
  it('reports every missing required answer on visible pages, in order', () => {
    assert.deepEqual(check({ purpose: 'personal' }), ['name:required', 'nameKana:required', 'birthDate:required', 'phone:required', 'copies:required', 'members:group-min', 'idDocument:required', 'agree:required']);
  });
  it('skips hidden pages: no family members needed for official use', () => {
    const answers = { ...fixtureAnswers(), purpose: 'official', members: [] };
    assert.deepEqual(check(answers), []);
  });
  it('re-checks formats and ranges of stored answers', () => {
    const answers = { ...fixtureAnswers(), phone: '123', copies: 11, birthDate: '2026-02-30', email: 'not-an-email', items: ['domicile', 'head', 'mynumber'] };
    assert.deepEqual(check(answers), ['birthDate:date-invalid', 'phone:phone-format', 'email:email-format', 'copies:number-range', 'items:checked-max']);
  });
  it('checks group items and names them by index', () => {
    const answers = { ...fixtureAnswers(), members: [{ name: '奥州 太郎', birthDate: '1980-05-05' }, { name: '奥州 花子', birthDate: '2030-01-01' }] };
    const errors = validateAnswers(def, answers, { today: TODAY });
    assert.deepEqual(ids(errors), ['members.1.birthDate:date-range']);
    assert.equal(errors[0]?.message.ja, '「記載する方 2の生年月日」は2026年4月1日（令和8年4月1日）以前の日付を入力してください。');
    const tooMany = { ...fixtureAnswers(), members: Array.from({ length: 4 }, () => ({ name: 'x', birthDate: '2000-01-01' })) };
    assert.deepEqual(check(tooMany), ['members:group-max']);
  });
  it('requires consent to be true, not just present', () => {
    assert.deepEqual(check({ ...fixtureAnswers(), agree: false }), ['agree:required']);
    assert.deepEqual(check({ ...fixtureAnswers(), agree: 'maybe' }), ['agree:invalid-value']);
  });
  it('resolves relative dates on the day of submission', () => {
    // Valid when started; a birth date of "today" is still fine a day later, but a date after today is not.
    const answers = { ...fixtureAnswers(), birthDate: '2026-04-02' };
    assert.deepEqual(check(answers, '2026-04-01'), ['birthDate:date-range']);
    assert.deepEqual(check(answers, '2026-04-02'), []);
  });
  it('refuses values of the wrong shape instead of throwing', () => {
    const answers = { ...fixtureAnswers(), name: 42, items: 'domicile', members: [{ name: ['x'], birthDate: '2000-01-01' }], idDocument: { fileId: 'x' } } as unknown as Answers;
    assert.deepEqual(check(answers), ['name:invalid-value', 'members.0.name:invalid-value', 'idDocument:invalid-value']);
  });
});

describe('normaliseAnswers', () => {
  it('returns canonical values and drops hidden and unknown keys (answers sent as JSON)', () => {
    const sent = { ...fixtureAnswers(), nameKana: 'おうしゅう たろう', birthDate: '昭和55年5月5日', phone: '0197-24-2111', copies: '２', purpose: 'official', items: ['head'], extra: 1 } as unknown as Answers;
    const { answers, errors } = normaliseAnswers(def, sent, { today: TODAY });
    assert.deepEqual(errors, []);
    assert.equal(answers.nameKana, 'オウシュウ　タロウ');
    assert.equal(answers.birthDate, '1980-05-05');
    assert.equal(answers.phone, '0197242111');
    assert.equal(answers.copies, 2);
    assert.equal(answers.items, undefined);
    assert.equal(answers.members, undefined);
    assert.equal(answers.extra, undefined);
  });
});
