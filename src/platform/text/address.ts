// Address normalisation for Oshu City addresses, so that the many ways one
// address is written compare equal.
//
// When Oshu abolished its 区 (地域自治区) the official addresses lost the 区:
// '奥州市水沢区大手町' became '奥州市水沢大手町'. Residents and old
// documents still use both, so the canonical form is the one without 区.

const AREAS = ['水沢', '江刺', '前沢', '胆沢', '衣川'] as const;

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** '一' → 1, '十二' → 12, '二十' → 20; enough for 丁目 numbers. */
function kanjiToInt(s: string): number {
  const ten = s.indexOf('十');
  if (ten < 0) return [...s].reduce((n, ch) => n * 10 + (KANJI_DIGITS[ch] ?? 0), 0);
  const tens = ten === 0 ? 1 : (KANJI_DIGITS[s.slice(0, ten)] ?? 0);
  const ones = ten === s.length - 1 ? 0 : (KANJI_DIGITS[s.slice(ten + 1)] ?? 0);
  return tens * 10 + ones;
}

const AREA_WARD = new RegExp(`^(奥州市)?(${AREAS.join('|')})区`, 'u');
const KANJI_CHOME = /([〇一二三四五六七八九十]+)丁目/gu;
// Dash look-alikes people (and IMEs) type between numbers: full-width
// hyphen-minus is folded by NFKC already; these are not.
const DASH_AFTER_DIGIT = /(\d)[‐‑‒–—―−ー－ｰ]/gu;

/**
 * Canonical Oshu address: NFKC, no spaces, no leading '岩手県', no 区 after
 * the five area names, 丁目 numbers in digits (一丁目 → 1丁目), and dash
 * look-alikes after digits turned into '-' ('1ー2' → '1-2'; a ー after a
 * kana is part of a word and kept).
 */
export function normalizeOshuAddress(s: string): string {
  let a = s.normalize('NFKC').trim().replace(/\s/gu, '');
  a = a.replace(/^岩手県/u, '');
  a = a.replace(AREA_WARD, (_m, city: string | undefined, area: string) => `${city ?? ''}${area}`);
  a = a.replace(KANJI_CHOME, (_m, n: string) => `${kanjiToInt(n)}丁目`);
  a = a.replace(DASH_AFTER_DIGIT, '$1-');
  return a;
}

/** Key for address search: the canonical form without the '奥州市' prefix. */
export function addressSearchKey(s: string): string {
  return normalizeOshuAddress(s).replace(/^奥州市/u, '');
}
