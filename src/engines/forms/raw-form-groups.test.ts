import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addGroupItem, removeGroupItem } from './groups.ts';
import { toRawForm } from './raw-form.ts';
import { readPage } from './read-page.ts';
import { fixtureAnswers, fixtureDefinition, TODAY } from './test-fixture.ts';

const def = fixtureDefinition();

describe('toRawForm', () => {
  it('gives the inputs their saved values: ISO dates, hyphenated phones, checkbox lists', () => {
    const answers = { ...fixtureAnswers(), email: 'taro@example.jp' };
    const raw = toRawForm(def, 'who', answers);
    assert.equal(raw.birthDate, '1980-05-05');
    assert.equal(raw.phone, '0197-24-2111');
    assert.equal(raw.email, 'taro@example.jp');
    assert.equal(raw.postal, '', 'blank inputs stay blank');
    assert.deepEqual(toRawForm(def, 'what', answers).items, ['domicile']);
    assert.equal(toRawForm(def, 'what', answers).copies, '2');
  });
  it('names group items id.N.sub, with an empty slot when the group needs one', () => {
    const raw = toRawForm(def, 'family', fixtureAnswers());
    assert.equal(raw['members.0.name'], '奥州 太郎');
    assert.equal(raw['members.0.birthDate'], '1980-05-05');
    const empty = toRawForm(def, 'family', {});
    assert.equal(empty['members.0.name'], '');
    assert.equal(empty['members.1.name'], undefined);
  });
  it('round-trips through readPage on every page', () => {
    const answers = { ...fixtureAnswers(), site: { lat: 39.1, lng: 141.1 }, note: 'x' };
    for (const page of def.pages) {
      const { answers: read, errors } = readPage(def, page.id, toRawForm(def, page.id, answers), { today: TODAY, answers });
      assert.deepEqual(errors, [], page.id);
      for (const field of page.fields) assert.deepEqual(read[field.id], answers[field.id as keyof typeof answers], `${page.id}.${field.id}`);
    }
  });
});

describe('addGroupItem / removeGroupItem', () => {
  const answers = fixtureAnswers();
  it('adds an empty item at the end without changing the input', () => {
    const added = addGroupItem(answers, 'members');
    assert.equal((added.members as unknown[]).length, 2);
    assert.deepEqual((added.members as unknown[])[1], {});
    assert.equal((answers.members as unknown[]).length, 1);
    assert.deepEqual(addGroupItem({}, 'members').members, [{}]);
  });
  it('an added item shows as a blank slot and is dropped if left blank', () => {
    const added = addGroupItem(answers, 'members');
    const raw = toRawForm(def, 'family', added);
    assert.equal(raw['members.1.name'], '');
    assert.equal((readPage(def, 'family', raw, { today: TODAY, answers: added }).answers.members as unknown[]).length, 1);
  });
  it('removes by index; later items move up', () => {
    const three = { members: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] };
    assert.deepEqual(removeGroupItem(three, 'members', 1).members, [{ name: 'a' }, { name: 'c' }]);
    assert.equal(removeGroupItem(three, 'members', 7), three, 'out of range: unchanged');
    assert.equal(removeGroupItem({ members: [{ name: 'a' }] }, 'members', 0).members, undefined);
  });
});
