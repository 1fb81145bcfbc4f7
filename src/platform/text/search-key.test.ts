import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kanaSearchKey, nameSearchKey } from './search-key.ts';

describe('nameSearchKey', () => {
  it('matches variant kanji, spacing and width', () => {
    assert.equal(nameSearchKey('髙橋　花子'), nameSearchKey('高橋花子'));
    assert.equal(nameSearchKey('齋藤 一郎'), nameSearchKey('斉藤一郎'));
    assert.equal(nameSearchKey('渡邊'), '渡辺');
    assert.equal(nameSearchKey('Ｊｏｈｎ　Ｓｍｉｔｈ'), 'johnsmith');
  });
  it('folds compatibility ideographs', () => {
    assert.equal(nameSearchKey('\u{FA10}本'), '塚本');
  });
});

describe('kanaSearchKey', () => {
  it('matches hiragana, half-width and small kana variants', () => {
    assert.equal(kanaSearchKey('しょうじ　きょうこ'), kanaSearchKey('ｼﾖｳｼﾞ ｷﾖｳｺ'));
    assert.equal(kanaSearchKey('サトウ・ハナコ'), 'サトウハナコ');
  });
  it('keeps voicing', () => {
    assert.notEqual(kanaSearchKey('かとう'), kanaSearchKey('がとう'));
  });
});
