import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldKana, normalizeText } from './normalize.ts';

test('NFKC folds full-width Latin and digits, and lower-cases', () => {
  assert.equal(normalizeText('ＦＡＱ　１４日以内'), 'faq 14日以内');
});

test('NFKC turns half-width katakana into full-width', () => {
  assert.equal(normalizeText('ｺﾞﾐ ﾏｲﾅﾝﾊﾞｰ'), 'ゴミ マイナンバー');
});

test('whitespace runs collapse and ends are trimmed', () => {
  assert.equal(normalizeText('  住民票\n\t の写し  '), '住民票 の写し');
});

test('foldKana maps katakana to hiragana and leaves the rest', () => {
  assert.equal(foldKana('ゴミ'), 'ごみ');
  assert.equal(foldKana('マイナンバーカード'), 'まいなんばーかーど');
  assert.equal(foldKana('粗大ゴミ・家電 ABC'), '粗大ごみ・家電 ABC');
  assert.equal(foldKana(normalizeText('ｺﾞﾐ')), 'ごみ');
});
