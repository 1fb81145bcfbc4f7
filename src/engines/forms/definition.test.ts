import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, definitionHash } from './definition-hash.ts';
import { parseDefinition } from './parse-definition.ts';
import { fixtureDefinition } from './test-fixture.ts';

/** Reverses key order at every level: same definition, different JSON text. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reordered(v)]));
}

/** parseDefinition's errors for the fixture after `change` (typed `any`: the tests break the shape on purpose). */
function errorsAfter(change: (def: any) => void): string[] {
  const def = structuredClone(fixtureDefinition()) as any;
  change(def);
  const result = parseDefinition(def);
  assert.equal(result.ok, false, 'expected the definition to be refused');
  return result.ok ? [] : result.errors;
}

describe('versioning: definitionHash', () => {
  it('is stable under key reordering', () => {
    const def = fixtureDefinition();
    const again = reordered(def) as typeof def;
    assert.notEqual(JSON.stringify(again), JSON.stringify(def));
    assert.equal(definitionHash(again), definitionHash(def));
    assert.match(definitionHash(def), /^[0-9a-f]{64}$/);
  });
  it('differs on any change', () => {
    const def = fixtureDefinition();
    const changed = fixtureDefinition();
    changed.pages[1]!.fields[1] = { ...changed.pages[1]!.fields[1]!, required: false };
    assert.notEqual(definitionHash(changed), definitionHash(def));
    const relabelled = fixtureDefinition();
    relabelled.title.en = 'Test copy request.';
    assert.notEqual(definitionHash(relabelled), definitionHash(def));
  });
  it('writes integer-like keys in sorted order too', () => {
    assert.equal(canonicalJson({ b: 1, 10: 'x', 2: 'y', a: [1, { d: null, c: undefined }] }), '{"10":"x","2":"y","a":[1,{"d":null}],"b":1}');
  });
});

describe('parseDefinition', () => {
  it('accepts a good definition and returns an equal copy', () => {
    const def = fixtureDefinition();
    const result = parseDefinition(def);
    assert.ok(result.ok, result.ok ? '' : result.errors.join('\n'));
    assert.deepEqual(result.definition, def);
    assert.notEqual(result.definition, def);
    assert.equal(definitionHash(result.definition), definitionHash(def));
  });
  it('refuses what is not an object', () => {
    assert.deepEqual(parseDefinition('x'), { ok: false, errors: ['(definition): must be a JSON object'] });
  });
  it('names the path of shape errors', () => {
    assert.deepEqual(errorsAfter((d) => (d.pages[0].fields[0].requried = true)), ['pages[0].fields[0].requried: unknown key (misspelt? see README "Definition format")']);
    assert.deepEqual(errorsAfter((d) => (d.pages[1].fields[1].type = 'integer')), [
      'pages[1].fields[1].type: must be one of: text, textarea, kana, number, date, postal, address, phone, email, select, radios, checkboxes, consent, file, location, group',
    ]);
    assert.deepEqual(errorsAfter((d) => (d.category = 'fun')), ['category: must be one of: certificates, moving, childcare, welfare, health, pets, waste, roads, water, tax, housing, business, subsidy, education, community']);
    assert.deepEqual(errorsAfter((d) => delete d.pages[0].fields[2].label.en), ['pages[0].fields[2].label.en: expected required property']);
    assert.deepEqual(errorsAfter((d) => (d.pages[0].fields[0].id = '1name')), [`pages[0].fields[0].id: expected string to match '^[a-zA-Z][a-zA-Z0-9_]*$'`]);
  });
  it('refuses duplicate ids', () => {
    assert.deepEqual(errorsAfter((d) => (d.pages[0].fields[3].id = 'name')), ['pages[0].fields[3].id: "name" is already used by another field']);
    assert.deepEqual(errorsAfter((d) => (d.pages[3].id = 'who')), ['pages[3].id: "who" appears twice']);
    assert.deepEqual(errorsAfter((d) => (d.pages[2].fields[0].fields[1].id = 'name')), ['pages[2].fields[0].fields[1].id: "name" appears twice in this group']);
  });
  it('conditions may only look back at fields outside groups, with values those fields hold', () => {
    assert.deepEqual(errorsAfter((d) => (d.pages[0].fields[0].when = { field: 'purpose', equals: 'personal' })), [
      'pages[0].fields[0].when.field: "purpose" comes later; a condition may only refer to an earlier page or an earlier field on the same page',
    ]);
    assert.deepEqual(errorsAfter((d) => (d.pages[3].when = { field: 'finish', notEmpty: true })), ['pages[3].when.field: no field "finish" outside a group (conditions cannot look inside groups)']);
    assert.deepEqual(errorsAfter((d) => (d.pages[3].fields[0].when = { field: 'members', notEmpty: true })), ['pages[3].fields[0].when.field: "members" is a group; conditions cannot refer to groups']);
    assert.deepEqual(errorsAfter((d) => (d.pages[3].fields[0].when = { any: [{ field: 'purpose', equals: 'persnal' }] })), [
      'pages[3].fields[0].when.any[0].equals: "persnal" is not an option of "purpose" (personal, official)',
    ]);
    assert.deepEqual(errorsAfter((d) => (d.pages[3].fields[0].when = { not: { field: 'items', equals: 'head' } })), ['pages[3].fields[0].when.not.equals: "items" holds a list; use "includes"']);
    assert.deepEqual(errorsAfter((d) => (d.pages[3].fields[0].when = { field: 'copies', in: [1, '2'] })), ['pages[3].fields[0].when.in[1]: "copies" is a number field; compare with a number']);
    assert.deepEqual(errorsAfter((d) => (d.pages[3].fields[0].when = { field: 'purpose', includes: 'personal' })), ['pages[3].fields[0].when.includes: "purpose" is not a checkboxes field; use "equals" or "in"']);
    assert.deepEqual(errorsAfter((d) => (d.pages[3].fields[0].when = { all: [] })), ['pages[3].fields[0].when.all: must be a non-empty list of conditions']);
    assert.deepEqual(errorsAfter((d) => (d.pages[3].fields[0].when = { field: 'purpose', is: 'x' })), ['pages[3].fields[0].when: must have one of all, any, not, or "field" with equals, in, notEmpty or includes']);
  });
  it('options must be there and unique; limits must agree', () => {
    assert.deepEqual(errorsAfter((d) => (d.pages[1].fields[0].options = [])), ['pages[1].fields[0].options: expected array length to be greater or equal to 1']);
    assert.deepEqual(errorsAfter((d) => (d.pages[0].fields[3].options[1].value = 'male')), ['pages[0].fields[3].options[1].value: "male" appears twice']);
    assert.deepEqual(errorsAfter((d) => (d.pages[1].fields[2].maxChecked = 5)), ['pages[1].fields[2].maxChecked: 5 is more than the 3 options']);
    assert.deepEqual(errorsAfter((d) => (d.pages[1].fields[1].min = 20)), ['pages[1].fields[1].min: greater than max']);
    assert.deepEqual(errorsAfter((d) => (d.pages[2].fields[0].minItems = 4)), ['pages[2].fields[0].minItems: greater than maxItems']);
    assert.deepEqual(errorsAfter((d) => (d.pages[0].fields[7].pattern.regex = '^(奥州市')), [
      'pages[0].fields[7].pattern.regex: not a valid regular expression (Invalid regular expression: /^(奥州市/u: Unterminated group)',
    ]);
  });
  it('relative dates must be well formed and in order', () => {
    assert.deepEqual(errorsAfter((d) => (d.pages[0].fields[2].max = 'tomorrow')), [`pages[0].fields[2].max: expected string to match '^(today([+-][0-9]{1,5}[dmy])?|[0-9]{4}-[0-9]{2}-[0-9]{2})$'`]);
    assert.deepEqual(errorsAfter((d) => (d.pages[0].fields[2].max = 'today-18w')).length, 1);
    assert.deepEqual(errorsAfter((d) => (d.pages[0].fields[2].max = '2026-02-30')), ['pages[0].fields[2].max: "2026-02-30" is not a date (YYYY-MM-DD, "today", "today-30d", "today+3m", "today-18y")']);
    assert.deepEqual(errorsAfter((d) => (d.pages[0].fields[2].min = 'today+1d')), ['pages[0].fields[2].min: later than max']);
  });
  it('files need accept and maxBytes', () => {
    assert.deepEqual(errorsAfter((d) => delete d.pages[3].fields[0].maxBytes), ['pages[3].fields[0].maxBytes: expected required property']);
    assert.deepEqual(errorsAfter((d) => (d.pages[3].fields[0].accept = [])), ['pages[3].fields[0].accept: expected array length to be greater or equal to 1']);
    assert.deepEqual(errorsAfter((d) => (d.pages[3].fields[0].accept = ['pdf'])), [`pages[3].fields[0].accept[0]: expected string to match '^[a-z]+/[a-z0-9.+-]+$'`]);
  });
  it('prefill keys must fit the field', () => {
    assert.deepEqual(errorsAfter((d) => (d.pages[0].fields[4].prefill = 'resident.birthDate')), ['pages[0].fields[4].prefill: "resident.birthDate" fills date fields, not phone']);
    assert.deepEqual(errorsAfter((d) => (d.pages[2].fields[0].fields[0].prefill = 'resident.name')), [
      'pages[2].fields[0].fields[0].prefill: not used inside a group; a group with "household.members" fills its sub-fields named name, nameKana, birthDate, relationship',
    ]);
    assert.deepEqual(errorsAfter((d) => (d.pages[2].fields[0].fields[0].type = 'kana')), ['pages[2].fields[0].fields[0].type: "name" is filled from the household and must be text']);
  });
  it('the fee: quantity from a whole-number field, payment ways', () => {
    assert.deepEqual(errorsAfter((d) => (d.fee.quantityField = 'purpose')), ['fee.quantityField: "purpose" is a radios field; it must be a number field']);
    assert.deepEqual(errorsAfter((d) => (d.fee.quantityField = 'nope')), ['fee.quantityField: no field "nope" outside a group']);
    assert.deepEqual(errorsAfter((d) => (d.fee.quantityField = 'name')), ['fee.quantityField: "name" is a text field; it must be a number field']);
    assert.deepEqual(errorsAfter((d) => (d.pages[2].fields[0].fields.push({ id: 'count', type: 'number', label: { ja: '数', en: 'N' }, min: 0 }), (d.fee.quantityField = 'count'))), [
      'fee.quantityField: no field "count" outside a group; to charge the sum over the items of "members", write "members.count"',
    ]);
    assert.deepEqual(errorsAfter((d) => delete d.pages[1].fields[1].min), ['fee.quantityField: "copies" needs "min" of 0 or more so the fee can never be negative']);
    assert.deepEqual(errorsAfter((d) => ((d.fee.quantity = 'copies'), delete d.fee.unitYen)), ['fee.unitYen: expected required property', 'fee.quantity: unknown key (misspelt? see README "Definition format")']);
    assert.deepEqual(errorsAfter((d) => (d.payment = [])), ['payment: list at least one way to pay the fee ("online", "counter")']);
    assert.deepEqual(errorsAfter((d) => (d.fee = null)), ['payment: must be [] when fee is null']);
    assert.deepEqual(errorsAfter((d) => (d.fee.exemptWhen = { field: 'purpose', equals: 'free' })), ['fee.exemptWhen.equals: "free" is not an option of "purpose" (personal, official)']);
  });
  it('reports several mistakes at once', () => {
    const errors = errorsAfter((d) => {
      d.id = 'Bad Id';
      d.pages[0].fields[0].maxLength = 0;
      d.pages[3].fields[2].type = 'group';
    });
    assert.equal(errors.length, 4, errors.join('\n'));
    assert.match(errors[0] ?? '', /^id: /);
    assert.ok(errors.some((e) => e.startsWith('pages[0].fields[0].maxLength: ')));
    assert.ok(errors.some((e) => e === 'pages[3].fields[2].fields: expected required property'));
    assert.ok(errors.some((e) => e === 'pages[3].fields[2].itemLabel: expected required property'));
  });
});
