import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { feeQuantity, feeYen } from './fee.ts';
import { prefill } from './prefill.ts';
import { fixtureAnswers, fixtureDefinition } from './test-fixture.ts';
import type { Answers, PrefillFacts, ProcedureDefinition } from './types.ts';

const facts: PrefillFacts = {
  resident: { name: '奥州　太郎', nameKana: 'ｵｳｼｭｳ ﾀﾛｳ', birthDate: '1980-05-05', gender: '男', postalCode: '0230053', address: '岩手県奥州市水沢区大手町一丁目1番地', phone: '0197-24-2111', email: 'Taro@Example.jp' },
  household: {
    head: '奥州 太郎',
    members: [
      { name: '奥州 太郎', nameKana: 'おうしゅう たろう', birthDate: '1980-05-05', relationship: '世帯主' },
      { name: '奥州 花子', nameKana: 'オウシュウ ハナコ', birthDate: '1982-02-03', relationship: '妻' },
      { name: '奥州 一郎', nameKana: 'オウシュウ イチロウ', birthDate: '2010-06-07', relationship: '子' },
      { name: '奥州 次郎', nameKana: 'オウシュウ ジロウ', birthDate: '2012-08-09', relationship: '子' },
    ],
  },
};

describe('prefill', () => {
  it('fills fields from the register, normalised as if typed', () => {
    const answers = prefill(fixtureDefinition(), facts);
    assert.equal(answers.name, '奥州 太郎');
    assert.equal(answers.nameKana, 'オウシュウ　タロウ');
    assert.equal(answers.birthDate, '1980-05-05');
    assert.equal(answers.gender, 'male', '男 matches the option male');
    assert.equal(answers.postal, '023-0053');
    assert.equal(answers.address, '奥州市水沢大手町1丁目1番地');
    assert.equal(answers.phone, '0197242111');
    assert.equal(answers.email, 'taro@example.jp');
  });
  it('fills a household group by sub-field name, up to maxItems', () => {
    const members = prefill(fixtureDefinition(), facts).members as Record<string, unknown>[];
    assert.equal(members.length, 3);
    assert.deepEqual(members[0], { name: '奥州 太郎', nameKana: 'オウシュウ　タロウ', birthDate: '1980-05-05', relationship: '世帯主' });
    assert.equal(members[1]?.relationship, '妻');
  });
  it('leaves out facts that do not fit', () => {
    const answers = prefill(fixtureDefinition(), { resident: { birthDate: 'unknown', gender: 'X', phone: '12' } });
    assert.deepEqual(answers, {});
  });
});

describe('feeYen', () => {
  const def = fixtureDefinition();
  it('unit price × the quantity answered', () => {
    assert.equal(feeYen(def, fixtureAnswers()), 600);
    assert.equal(feeYen(def, { ...fixtureAnswers(), copies: 5 }), 1500);
  });
  it('nothing when exempt, unanswered, or without a fee', () => {
    assert.equal(feeYen(def, { ...fixtureAnswers(), purpose: 'official' }), 0);
    assert.equal(feeYen(def, { purpose: 'personal' }), 0);
    assert.equal(feeYen({ ...def, fee: null, payment: [] }, fixtureAnswers()), 0);
  });
  it('quantity 1 without a quantity field', () => {
    const flat: ProcedureDefinition = { ...def, fee: { unitYen: 3000, label: { ja: '登録手数料', en: 'Fee' } } };
    assert.equal(feeYen(flat, {}), 3000);
  });
  it('a group sub-field: the sum over the items', () => {
    const def2 = fixtureDefinition();
    const family = def2.pages[2]!.fields[0]!;
    if (family.type !== 'group') throw new Error('fixture changed');
    family.fields.push({ id: 'count', type: 'number', label: { ja: '数', en: 'Count' }, min: 0 });
    def2.fee = { unitYen: 1000, quantityField: 'members.count', label: { ja: '手数料', en: 'Fee' } };
    const answers: Answers = { ...fixtureAnswers(), members: [{ name: 'a', birthDate: '2000-01-01', count: 3 }, { name: 'b', birthDate: '2000-01-01', count: 1 }, { name: 'c', birthDate: '2000-01-01' }] };
    assert.equal(feeQuantity(def2, answers), 4);
    assert.equal(feeYen(def2, answers), 4000);
    assert.equal(feeYen(def2, { ...answers, purpose: 'official' }), 0, 'the group is on a hidden page');
  });
});
