import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate, pruneHidden, visibleFields, visiblePages } from './conditions.ts';
import { firstPageId, nextPageId, previousPageId } from './navigation.ts';
import { fixtureAnswers, fixtureDefinition } from './test-fixture.ts';
import type { Field } from './types.ts';

describe('evaluate', () => {
  const answers = { kind: 'a', n: 3, ticks: ['x', 'y'], agree: true, blank: '', none: [] as string[] };
  it('equals compares with the same type', () => {
    assert.equal(evaluate({ field: 'kind', equals: 'a' }, answers), true);
    assert.equal(evaluate({ field: 'kind', equals: 'b' }, answers), false);
    assert.equal(evaluate({ field: 'n', equals: 3 }, answers), true);
    assert.equal(evaluate({ field: 'n', equals: '3' }, answers), false);
    assert.equal(evaluate({ field: 'agree', equals: true }, answers), true);
    assert.equal(evaluate({ field: 'missing', equals: 'a' }, answers), false);
  });
  it('in, includes, notEmpty', () => {
    assert.equal(evaluate({ field: 'kind', in: ['b', 'a'] }, answers), true);
    assert.equal(evaluate({ field: 'kind', in: ['b', 'c'] }, answers), false);
    assert.equal(evaluate({ field: 'ticks', in: ['x'] }, answers), false, 'in does not look into lists');
    assert.equal(evaluate({ field: 'ticks', includes: 'y' }, answers), true);
    assert.equal(evaluate({ field: 'ticks', includes: 'z' }, answers), false);
    assert.equal(evaluate({ field: 'kind', includes: 'a' }, answers), false, 'includes needs a list');
    assert.equal(evaluate({ field: 'kind', notEmpty: true }, answers), true);
    assert.equal(evaluate({ field: 'blank', notEmpty: true }, answers), false);
    assert.equal(evaluate({ field: 'none', notEmpty: true }, answers), false);
    assert.equal(evaluate({ field: 'missing', notEmpty: true }, answers), false);
  });
  it('all, any, not, nested', () => {
    const yes = { field: 'kind', equals: 'a' } as const;
    const no = { field: 'kind', equals: 'b' } as const;
    assert.equal(evaluate({ all: [yes, yes] }, answers), true);
    assert.equal(evaluate({ all: [yes, no] }, answers), false);
    assert.equal(evaluate({ any: [no, yes] }, answers), true);
    assert.equal(evaluate({ any: [no, no] }, answers), false);
    assert.equal(evaluate({ not: no }, answers), true);
    assert.equal(evaluate({ not: { any: [no, { all: [yes, { not: no }] }] } }, answers), false);
    assert.equal(evaluate(undefined, answers), true);
  });
});

describe('visibleFields', () => {
  const fields: Field[] = [
    { id: 'a', type: 'radios', label: { ja: 'A', en: 'A' }, options: [{ value: 'yes', label: { ja: 'はい', en: 'Yes' } }] },
    { id: 'b', type: 'text', label: { ja: 'B', en: 'B' }, when: { field: 'a', equals: 'yes' } },
    { id: 'c', type: 'text', label: { ja: 'C', en: 'C' }, when: { field: 'b', notEmpty: true } },
  ];
  it('shows a field when its condition holds', () => {
    assert.deepEqual(visibleFields(fields, { a: 'yes', b: 'x' }).map((f) => f.id), ['a', 'b', 'c']);
  });
  it('treats the answer of a hidden field as absent for the fields after it', () => {
    // b is hidden (a not answered), so its stale answer must not reveal c.
    assert.deepEqual(visibleFields(fields, { b: 'stale' }).map((f) => f.id), ['a']);
  });
});

describe('hidden pages', () => {
  const def = fixtureDefinition();
  it('skips the family page when its condition fails, both ways', () => {
    const shown = { ...fixtureAnswers(), items: ['mynumber'] };
    assert.deepEqual(visiblePages(def, shown).map((p) => p.id), ['who', 'what', 'finish']);
    assert.equal(nextPageId(def, shown, 'what'), 'finish');
    assert.equal(previousPageId(def, shown, 'finish'), 'what');
    assert.equal(nextPageId(def, shown, 'finish'), null, 'after the last page comes check-your-answers');
    assert.equal(previousPageId(def, shown, 'who'), null);
    assert.equal(firstPageId(def, shown), 'who');
  });
  it('visits the family page when it shows', () => {
    const answers = fixtureAnswers();
    assert.equal(nextPageId(def, answers, 'what'), 'family');
    assert.equal(previousPageId(def, answers, 'finish'), 'family');
  });
  it('continues from a page that has just become hidden', () => {
    assert.equal(nextPageId(def, { purpose: 'official' }, 'family'), 'finish');
  });
  it('prunes the answers of hidden pages and fields, and unknown keys', () => {
    const answers = { ...fixtureAnswers(), purpose: 'official', stray: 'x' };
    const pruned = pruneHidden(def, answers);
    assert.equal(pruned.items, undefined, 'items shows only for personal use');
    assert.equal(pruned.members, undefined, 'the family page is hidden for official use');
    assert.equal(pruned.stray, undefined);
    assert.equal(pruned.copies, 2);
    assert.equal(pruned.purpose, 'official');
  });
  it('a hidden field cannot keep a later page open', () => {
    // items is hidden for official use; its stale 'head' must not reveal the location field.
    const pruned = pruneHidden(def, { purpose: 'official', items: ['head'], site: { lat: 39.1, lng: 141.1 } });
    assert.equal(pruned.site, undefined);
  });
  it('unknown page ids are errors, not silent nulls', () => {
    assert.throws(() => nextPageId(def, {}, 'nope'), RangeError);
  });
});
