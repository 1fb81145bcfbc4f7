import { test } from 'node:test';
import assert from 'node:assert/strict';
import { charNgrams, memoizedWordTokenizer, wordTokens } from './tokenize.ts';

test('wordTokens keeps content words and drops particles and question phrasing', () => {
  const tokens = wordTokens('粗大ゴミの出し方を教えてください');
  assert.ok(tokens.includes('粗大'));
  assert.ok(tokens.includes('ごみ'), 'katakana folded to hiragana');
  for (const stop of ['の', 'を', '教え', 'ください']) assert.ok(!tokens.includes(stop), `${stop} removed`);
});

test('wordTokens without folding keeps katakana', () => {
  assert.ok(wordTokens('粗大ゴミ', false).includes('ゴミ'));
});

test('charNgrams makes overlapping bigrams that never cross punctuation', () => {
  assert.deepEqual(charNgrams('住民票、写し'), ['住民', '民票', '写し']);
  assert.deepEqual(charNgrams('税'), ['税'], 'a one-character run is kept whole');
  assert.deepEqual(charNgrams('ゴミ'), ['ごみ'], 'kana folded');
});

test('charNgrams contentOnly splits on hiragana but keeps katakana runs', () => {
  assert.deepEqual(charNgrams('住民票を取りたい', 2, true, true), ['住民', '民票', '取']);
  assert.deepEqual(charNgrams('マイナンバーを', 2, false, true), ['マイ', 'イナ', 'ナン', 'ンバ', 'バー']);
});

test('memoizedWordTokenizer gives the same tokens as wordTokens', () => {
  const tokenize = memoizedWordTokenizer();
  const text = '【お問い合わせ】。市民課。電話06-1234-5678。受付時間は、平日9:00から17:30まで。（土日祝を除く）';
  assert.deepEqual(tokenize(text), wordTokens(text));
  assert.deepEqual(tokenize(text), wordTokens(text), 'second call served from the memo');
});
