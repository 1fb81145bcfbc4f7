// Text normalisation shared by documents and queries. Both sides must go
// through exactly the same steps, otherwise identical words stop matching.

/**
 * NFKC folds full-width ASCII/digits (ＦＡＱ → FAQ, １４ → 14) and half-width
 * katakana (ｺﾞﾐ → ゴミ) into their canonical forms; lower-casing then makes
 * Latin words case-insensitive. Runs of whitespace collapse to one space.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

const KATAKANA_START = 0x30a1; // ァ
const KATAKANA_END = 0x30f6; // ヶ
const KANA_OFFSET = 0x60; // distance between a katakana and its hiragana

/**
 * Katakana → hiragana. Japanese writes the same word in either script
 * (ゴミ/ごみ, カゴ/かご), so retrieval folds them together. The long-vowel mark
 * ー and the middle dot ・ are left as they are.
 */
export function foldKana(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out += code >= KATAKANA_START && code <= KATAKANA_END ? String.fromCodePoint(code - KANA_OFFSET) : ch;
  }
  return out;
}
