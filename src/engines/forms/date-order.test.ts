import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDefinition } from './parse-definition.ts';
import { readPage } from './read-page.ts';
import type { Field, FieldError, Localized, ProcedureDefinition } from './types.ts';
import { validateAnswers } from './validate-answers.ts';

const L = (ja: string, en: string): Localized => ({ ja, en });
const TODAY = '2026-04-01';

/** 転入: arrival, then the visit within 14 days of it; a project period whose end is not before its start. */
function movingDefinition(extra: Field[] = []): ProcedureDefinition {
  return {
    id: 'test-order',
    title: L('日付の順のテスト', 'Date order test'),
    summary: L('テスト', 'Test'),
    category: 'moving',
    lifeEvents: [],
    keywords: [],
    department: 'citizens',
    assurance: 'password',
    processingDays: 1,
    fee: null,
    payment: [],
    pages: [
      { id: 'arrive', title: L('転入', 'Arrival'), fields: [{ id: 'arrivalDate', type: 'date', label: L('転入した日', 'Date you moved in'), required: true }] },
      {
        id: 'visit',
        title: L('来庁', 'Visit'),
        fields: [
          { id: 'visitDate', type: 'date', label: L('来庁予定日', 'Visit date'), required: true, notBefore: { field: 'arrivalDate' }, notAfter: { field: 'arrivalDate', days: 14 } },
          { id: 'startDate', type: 'date', label: L('開始日', 'Start date') },
          { id: 'endDate', type: 'date', label: L('終了日', 'End date'), notBefore: { field: 'startDate' } },
          ...extra,
        ],
      },
    ],
  };
}

const codes = (errors: FieldError[]) => errors.map((e) => `${e.fieldId}:${e.code}`);

describe('date order: notBefore / notAfter another date field', () => {
  const def = movingDefinition();

  it('accepts dates in order, including the bounds themselves', () => {
    const { errors } = readPage(def, 'visit', { visitDate: '2026-04-15', startDate: '2026-05-01', endDate: '2026-05-01' }, { today: TODAY, answers: { arrivalDate: '2026-04-01' } });
    assert.deepEqual(errors, []);
  });

  it('refuses an end before its start, naming both fields and the start date', () => {
    const { errors, answers } = readPage(def, 'visit', { visitDate: '2026-04-02', startDate: '令和8年5月10日', endDate: 'R8.5.9' }, { today: TODAY, answers: { arrivalDate: '2026-04-01' } });
    assert.deepEqual(codes(errors), ['endDate:date-order']);
    assert.equal(errors[0]?.message.ja, '「終了日」は「開始日」（2026年5月10日（令和8年5月10日））以降の日付を入力してください。');
    assert.equal(answers.endDate, undefined, 'a refused date is not kept as an answer');
  });

  it('states the limit and the reason for a window after another date (転入届 within 14 days)', () => {
    const { errors } = readPage(def, 'visit', { visitDate: '2026-04-16' }, { today: TODAY, answers: { arrivalDate: '2026-04-01' } });
    assert.deepEqual(codes(errors), ['visitDate:date-order']);
    assert.match(errors[0]!.message.ja, /2026年4月15日.*以前の日付を入力してください（「転入した日」から14日以内）/u);
    assert.match(errors[0]!.message.en, /on or before April 15, 2026 \(within 14 days of “Date you moved in”\)/u);
  });

  it('leaves the rule alone when the other date is blank (its own "required" speaks)', () => {
    const { errors } = readPage(def, 'visit', { visitDate: '2026-04-02', endDate: '2026-01-01' }, { today: TODAY, answers: {} });
    assert.deepEqual(errors, []);
  });

  it('is checked again on submit, from stored answers', () => {
    const errors = validateAnswers(def, { arrivalDate: '2026-04-10', visitDate: '2026-04-09', startDate: '2026-06-01', endDate: '2026-05-31' }, { today: TODAY });
    assert.deepEqual(codes(errors), ['visitDate:date-order', 'endDate:date-order']);
  });

  it('inside a group compares with an earlier sub-field of the same item', () => {
    const group: Field = {
      id: 'stays',
      type: 'group',
      label: L('滞在', 'Stays'),
      itemLabel: L('滞在', 'Stay'),
      fields: [
        { id: 'from', type: 'date', label: L('から', 'From') },
        { id: 'until', type: 'date', label: L('まで', 'Until'), notBefore: { field: 'from' } },
      ],
    };
    const withGroup = movingDefinition([group]);
    assert.equal(parseDefinition(withGroup).ok, true);
    const errors = validateAnswers(withGroup, { arrivalDate: '2026-04-01', visitDate: '2026-04-01', stays: [{ from: '2026-01-01', until: '2026-01-05' }, { from: '2026-02-10', until: '2026-02-01' }] }, { today: TODAY });
    assert.deepEqual(codes(errors), ['stays.1.until:date-order']);
    assert.match(errors[0]!.message.ja, /^「滞在 2のまで」は「滞在 2のから」/u);
  });
});

describe('parseDefinition: date order rules', () => {
  const broken = (fields: Field[]) => {
    const def = movingDefinition();
    def.pages[1]!.fields.push(...fields);
    const parsed = parseDefinition(def);
    return parsed.ok ? [] : parsed.errors;
  };

  it('accepts the well-formed rules', () => {
    assert.deepEqual(parseDefinition(movingDefinition()), { ok: true, definition: movingDefinition() });
  });
  it('refuses an unknown, later, self or non-date reference, with its path', () => {
    assert.deepEqual(broken([{ id: 'x', type: 'date', label: L('x', 'x'), notBefore: { field: 'nowhere' } }]), ['pages[1].fields[3].notBefore.field: no field "nowhere"']);
    assert.match(broken([{ id: 'x', type: 'date', label: L('x', 'x'), notAfter: { field: 'x' } }])[0]!, /notAfter\.field: "x" comes later \(or is this field\)/u);
    assert.match(broken([{ id: 'x', type: 'date', label: L('x', 'x'), notBefore: { field: 'y' } }, { id: 'y', type: 'date', label: L('y', 'y') }])[0]!, /"y" comes later/u);
    assert.match(broken([{ id: 'n', type: 'number', label: L('n', 'n') }, { id: 'x', type: 'date', label: L('x', 'x'), notBefore: { field: 'n' } }])[0]!, /"n" is a number field; it must be a date field/u);
  });
  it('refuses a misshapen rule by the schema', () => {
    const errors = broken([{ id: 'x', type: 'date', label: L('x', 'x'), notBefore: { field: 'startDate', days: 1.5 } } as unknown as Field]);
    assert.ok(errors.some((e) => e.startsWith('pages[1].fields[3].notBefore.days')), errors.join('\n'));
  });
});
