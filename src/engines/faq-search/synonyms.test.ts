import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeText } from './normalize.ts';
import { SYNONYM_GROUPS, canonicalizeVariants, synonymExpansions } from './synonyms.ts';

const canon = (text: string): string => canonicalizeVariants(normalizeText(text));

test('表記ゆれ variants collapse to one spelling', () => {
  assert.equal(canon('ゴミ'), canon('ごみ'));
  assert.equal(canon('塵'), canon('ごみ'));
  assert.equal(canon('子供'), canon('子ども'));
  assert.equal(canon('こども'), canon('子ども'));
  assert.equal(canon('引っ越し'), canon('引越し'));
  assert.equal(canon('申し込み'), canon('申込み'));
  assert.equal(canon('ｺﾞﾐ'), canon('ごみ'), 'half-width katakana too');
});

test('longest variant wins, so a stem does not leave a stray okurigana', () => {
  assert.equal(canon('手続き'), '手続');
  assert.equal(canon('引っ越しの手続きをしたい'), '引越の手続をしたい');
});

test('synonym expansion adds the other words of a group, not ones already typed', () => {
  const expansions = synonymExpansions(canon('引っ越しをしました'));
  assert.ok(expansions.includes('転居'));
  assert.ok(!expansions.includes('引越'));
  assert.deepEqual(synonymExpansions(canon('今日はいい天気')), []);
});

test('every synonym is written in its canonical spelling, or it could never match', () => {
  for (const group of SYNONYM_GROUPS) {
    for (const word of group) assert.equal(canonicalizeVariants(normalizeText(word)), word, word);
  }
});
