import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ITAIJI_PAIRS, foldItaiji } from './itaiji.ts';

describe('foldItaiji', () => {
  it('folds common name variants', () => {
    const cases: Array<[string, string]> = [
      ['髙橋', '高橋'],
      ['山\u{FA11}', '山崎'],
      ['宮嵜', '宮崎'],
      ['川碕', '川崎'],
      ['渡邊', '渡辺'],
      ['渡邉', '渡辺'],
      ['濱田', '浜田'],
      ['澤口', '沢口'],
      ['櫻井', '桜井'],
      ['廣瀬', '広瀬'],
      ['國分', '国分'],
      ['眞理子', '真理子'],
      ['德永', '徳永'],
      ['冨田', '富田'],
      ['嶋田', '島田'],
      ['龍太', '竜太'],
      ['𠮷田', '吉田'],
      ['奧州', '奥州'],
      ['膽澤', '胆沢'],
      ['照井舘', '照井館'],
    ];
    for (const [input, expected] of cases) assert.equal(foldItaiji(input), expected, input);
  });

  it('folds 齋/齊/斉/斎 together (tolerant, not a 字体 conversion)', () => {
    const keys = new Set(['齋藤', '齊藤', '斉藤', '斎藤'].map(foldItaiji));
    assert.deepEqual([...keys], ['斎藤']);
  });

  it('leaves standard forms and 藤 alone', () => {
    assert.equal(foldItaiji('佐藤高橋斎藤'), '佐藤高橋斎藤');
  });

  it('maps compatibility ideographs with or without NFKC first', () => {
    for (const [compat, expected] of [
      ['\u{FA10}', '塚'],
      ['\u{FA12}', '晴'],
      ['\u{FA4F}', '祐'],
      ['\u{FA1B}', '福'],
      ['\u{FA19}', '神'],
      ['\u{FA1A}', '祥'],
      ['\u{FA2E}', '郎'],
      ['\u{FA6D}', '館'],
    ] as const) {
      assert.equal(foldItaiji(compat), expected, compat.codePointAt(0)!.toString(16));
      assert.equal(foldItaiji(compat.normalize('NFKC')), expected);
    }
    // A compatibility ideograph not in the explicit list still folds via its
    // canonical decomposition.
    assert.equal(foldItaiji('\u{F91F}'), '蘭');
  });

  it('records which compatibility forms NFKC already handles', () => {
    // 﨑 U+FA11 is a unified ideograph: NFKC keeps it, so only our table folds it.
    assert.equal('\u{FA11}'.normalize('NFKC'), '\u{FA11}');
    assert.equal('\u{FA10}'.normalize('NFKC'), '塚');
  });

  it('drops ideographic variation selectors', () => {
    assert.equal(foldItaiji('葛\u{E0100}西'), '葛西');
  });

  it('has no chains and no identity pairs, and is idempotent', () => {
    const variants = new Set(ITAIJI_PAIRS.map(([v]) => v));
    assert.ok(ITAIJI_PAIRS.length >= 150, `only ${ITAIJI_PAIRS.length} pairs`);
    for (const [v, r] of ITAIJI_PAIRS) {
      assert.notEqual(v, r);
      assert.ok(!variants.has(r), `${v}→${r} chains`);
      assert.equal(foldItaiji(foldItaiji(v)), foldItaiji(v));
    }
  });
});
