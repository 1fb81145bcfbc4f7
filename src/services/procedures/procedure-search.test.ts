import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { addMessages, translator } from '../../platform/i18n/i18n.ts';
import { readCatalogue } from './catalogue/index.ts';
import { proceduresMessages } from './messages.ts';
import { queryTerms, searchProcedures, type Searchable } from './procedure-search.ts';

const entry = (id: string, title: string, keywords: string[] = [], summary = ''): Searchable => ({ id, title: { ja: title, en: '' }, summary: { ja: summary, en: '' }, keywords, category: 'certificates' });
const plain = (e: Searchable) => ({ text: e });
const entries = [
  entry('juminhyo-copy', '住民票の写しの交付申請', ['じゅうみんひょう', '住民票']),
  entry('inkan-certificate', '印鑑登録証明書の交付申請', ['いんかん', 'しょうめいしょ']),
  entry('tenshutsu', '転出届', ['てんしゅつ', '引越し'], '奥州市から市外へ引越すとき'),
];

test('hiragana, kanji, katakana and half-width kana find the same procedure', () => {
  for (const q of ['じゅうみんひょう', '住民票', 'ジュウミンヒョウ', 'ｼﾞｭｳﾐﾝﾋｮｳ', ' 住民票 ']) {
    assert.deepEqual(searchProcedures(entries, q, plain).map((e) => e.id), ['juminhyo-copy'], q);
  }
});

test('every word must match; the title weighs most', () => {
  assert.deepEqual(searchProcedures(entries, '住民票 転出', plain).map((e) => e.id), []);
  assert.deepEqual(searchProcedures(entries, '引越し', plain).map((e) => e.id), ['tenshutsu']);
  assert.deepEqual(searchProcedures(entries, '交付申請', plain).map((e) => e.id), ['inkan-certificate', 'juminhyo-copy']);
  assert.deepEqual(searchProcedures(entries, '', plain), []);
});

test('labels (category, life event names) are searched too', () => {
  assert.deepEqual(searchProcedures(entries, '証明書', (e) => ({ text: e, labels: ['証明書'] })).length, 3);
});

test('queries are folded and split on Japanese punctuation', () => {
  assert.deepEqual(queryTerms('住民票、印鑑'), ['住民票', '印鑑']);
  assert.deepEqual(queryTerms('　'), []);
});

test('spellings of one word are one: 引っ越し・引越し・ひっこし, 子ども・子供・こども', () => {
  assert.deepEqual(queryTerms('引っ越し'), queryTerms('引越し'));
  assert.deepEqual(queryTerms('ひっこし'), queryTerms('引越'));
  assert.deepEqual(queryTerms('子供'), queryTerms('こども'));
  // the catalogue's text is folded the same way: 「引越す」 in a summary is found by 「引っ越し」
  assert.deepEqual(searchProcedures(entries, '引っ越し', plain).map((e) => e.id), ['tenshutsu']);
});

test('a word residents use finds the words the catalogue uses for it, ranked below the word itself', () => {
  const more = [...entries, entry('tenkyo', '転居届', ['てんきょ']), entry('hikkoshi', '引越しの手続き案内'), entry('jido-teate', '児童手当 認定請求', ['出生']), entry('ninshin', '妊娠届出', ['母子手帳'])];
  const moving = searchProcedures(more, '引っ越し', plain).map((e) => e.id);
  assert.deepEqual([...moving].sort(), ['hikkoshi', 'tenkyo', 'tenshutsu']);
  assert.equal(moving[0], 'hikkoshi', 'the word itself in a title beats a related word in a title');
  assert.deepEqual(searchProcedures(more, '赤ちゃん', plain).map((e) => e.id).sort(), ['jido-teate', 'ninshin']);
  // one way only: 転居 does not bring in every moving procedure
  assert.deepEqual(searchProcedures(more, '転居', plain).map((e) => e.id), ['tenkyo']);
});

describe('on the real catalogue, with the category and life-event names as the portal shows them', () => {
  addMessages(proceduresMessages);
  const t = translator('ja');
  const catalogue = readCatalogue();
  const find = (q: string) => searchProcedures(catalogue, q, (d) => ({ text: d, labels: [t(`procedures.category.${d.category}`), ...d.lifeEvents.map((e) => t(`procedures.lifeEvent.${e}`))] })).map((d) => d.id);

  it('「引っ越し」 finds everything 「引越し」, 「転居」 and 「転出」 find', () => {
    const found = new Set(find('引っ越し'));
    for (const q of ['引越し', '転居', '転出', 'ひっこし']) {
      const other = find(q);
      assert.ok(other.length > 0, q);
      for (const id of other) assert.ok(found.has(id), `${q} finds ${id}, 引っ越し does not`);
    }
    assert.ok(found.has('tenkyo') && found.has('tenshutsu') && found.has('tennyu-reservation'));
  });

  it('「赤ちゃん」 finds the procedures around a birth', () => {
    const found = find('赤ちゃん');
    for (const id of ['jido-teate', 'kodomo-iryohi', 'ninshin-todoke', 'hoiku-admission']) assert.ok(found.includes(id), id);
    assert.ok(!found.includes('doro-tsuho'));
    assert.deepEqual(find('あかちゃん'), found);
  });
});
