// Search keys: the folded forms stored next to a name so that lookups are
// tolerant of full-/half-width, spacing, old-form kanji and small kana.
// Both the stored key and the query must go through the same function.

import { foldItaiji } from './itaiji.ts';
import { foldKanaForSearch, normalizeKana } from './kana.ts';

/**
 * Key for a kanji (or Latin) name: NFKC, no whitespace (U+3000 included) or
 * ・, old/variant kanji folded (髙橋 → 高橋). Latin letters are lower-cased
 * so that foreign residents' names match regardless of case.
 */
export function nameSearchKey(s: string): string {
  return foldItaiji(s.normalize('NFKC').replace(/[\s・]/gu, '')).toLowerCase();
}

/** Key for a kana name: normalised katakana with small kana folded to large. */
export function kanaSearchKey(s: string): string {
  return foldKanaForSearch(normalizeKana(s));
}
