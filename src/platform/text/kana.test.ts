import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldKanaForSearch, isKana, normalizeKana, toHiragana, toKatakana } from './kana.ts';

describe('toKatakana / toHiragana', () => {
  it('converts between scripts and leaves other characters alone', () => {
    assert.equal(toKatakana('さとう はなこ'), 'サトウ ハナコ');
    assert.equal(toKatakana('ゔぁーじょん・ゝ'), 'ヴァージョン・ヽ');
    assert.equal(toKatakana('高橋abc'), '高橋abc');
    assert.equal(toHiragana('サトウ・ハナコー'), 'さとう・はなこー');
    assert.equal(toHiragana('ヷ'), 'ヷ');
  });
});

describe('isKana', () => {
  it('accepts kana with ー, ・ and spaces', () => {
    for (const s of ['サトウ', 'さとう　はなこ', 'ジョン・スミス', 'ﾀｶﾊｼ', 'オーノ', 'ヴ']) assert.ok(isKana(s), s);
  });
  it('rejects kanji, Latin, digits, empty and blank strings', () => {
    for (const s of ['佐藤', 'sato', 'サトウ1', '', '  ', '・']) assert.ok(!isKana(s), s);
  });
});

describe('normalizeKana', () => {
  it('makes hiragana, half-width and spaced forms equal', () => {
    for (const s of ['さとう　はなこ', 'ｻﾄｳ ﾊﾅｺ', 'サトウハナコ', 'サトウ・ハナコ', ' さとう\tハナコ ']) {
      assert.equal(normalizeKana(s), 'サトウハナコ', s);
    }
  });
  it('composes half-width voiced marks', () => {
    assert.equal(normalizeKana('ｶﾞｸ ﾊﾟﾝ'), 'ガクパン');
  });
});

describe('foldKanaForSearch', () => {
  it('folds small kana to large', () => {
    assert.equal(foldKanaForSearch('きょうこ'), 'キヨウコ');
    assert.equal(foldKanaForSearch('ハットリ'), 'ハツトリ');
    assert.equal(foldKanaForSearch('シヨウジ'), foldKanaForSearch('しょうじ'));
    assert.equal(foldKanaForSearch('ヴァ'), 'ヴア');
  });
  it('keeps voiced marks', () => {
    assert.notEqual(foldKanaForSearch('ガトウ'), foldKanaForSearch('カトウ'));
    assert.notEqual(foldKanaForSearch('パン'), foldKanaForSearch('ハン'));
  });
});
