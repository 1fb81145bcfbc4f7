import assert from 'node:assert/strict';
import { test } from 'node:test';
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
