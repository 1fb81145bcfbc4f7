// Kana helpers. Residents type their names in hiragana, full-width katakana or
// half-width ｶﾅ depending on the device and habit; the registry stores
// full-width katakana (the national standard's フリガナ form), so every
// comparison goes through normalizeKana first.

const HIRAGANA_FIRST = 0x3041; // ぁ
const HIRAGANA_LAST = 0x3096; // ゖ
const KATAKANA_FIRST = 0x30a1; // ァ
const KATAKANA_LAST = 0x30f6; // ヶ
const KANA_OFFSET = 0x60; // distance between a hiragana and its katakana
const HIRAGANA_ITERATION = 0x309d; // ゝ ゞ
const KATAKANA_ITERATION = 0x30fd; // ヽ ヾ

/** Hiragana → katakana; everything else (ー, ・, kanji, Latin) is left alone. */
export function toKatakana(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= HIRAGANA_FIRST && cp <= HIRAGANA_LAST) out += String.fromCodePoint(cp + KANA_OFFSET);
    else if (cp === HIRAGANA_ITERATION || cp === HIRAGANA_ITERATION + 1) out += String.fromCodePoint(cp - HIRAGANA_ITERATION + KATAKANA_ITERATION);
    else out += ch;
  }
  return out;
}

/**
 * Katakana → hiragana. ヷヸヹヺ have no hiragana counterpart and stay katakana;
 * ー and ・ are shared by both scripts and stay as they are.
 */
export function toHiragana(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= KATAKANA_FIRST && cp <= KATAKANA_LAST) out += String.fromCodePoint(cp - KANA_OFFSET);
    else if (cp === KATAKANA_ITERATION || cp === KATAKANA_ITERATION + 1) out += String.fromCodePoint(cp - KATAKANA_ITERATION + HIRAGANA_ITERATION);
    else out += ch;
  }
  return out;
}

/*
 * What a フリガナ field may contain: hiragana (incl. ゝゞ and the voicing marks
 * ゛゜), katakana (incl. ヷ–ヺ, ヽヾ, the Ainu small kana ㇰ–ㇿ), ー, ・, and
 * half-width ｶﾅ (U+FF65–FF9F) because normalizeKana will fold it; plus ASCII
 * and ideographic spaces between family and given name.
 */
const KANA_ONLY = /^[\u3041-\u3096\u309b-\u309f\u30a1-\u30fa\u30fb\u30fc\u30fd-\u30ff\u31f0-\u31ff\uff65-\uff9f \u3000]+$/u;

/** True when s is non-empty and made only of kana, ー, ・ and spaces. */
export function isKana(s: string): boolean {
  return KANA_ONLY.test(s) && /[^\s・･]/u.test(s);
}

/**
 * Canonical kana for storage and exact comparison: NFKC (half-width ｶﾅ →
 * full-width, ｶﾞ → ガ), hiragana → katakana, and no whitespace (U+3000
 * included) or ・, so 'さとう　はなこ', 'ｻﾄｳ ﾊﾅｺ' and 'サトウハナコ' all
 * become 'サトウハナコ'.
 */
export function normalizeKana(s: string): string {
  return toKatakana(s.normalize('NFKC')).replace(/[\s・]/gu, '');
}

// Small kana → full size. People often cannot tell (or do not type) the small
// forms reliably: 'キヨシ' vs 'キョシ', old records write 'シヨウジ' for 'ショウジ'.
const SMALL_TO_LARGE: Record<string, string> = {
  ァ: 'ア', ィ: 'イ', ゥ: 'ウ', ェ: 'エ', ォ: 'オ',
  ッ: 'ツ', ャ: 'ヤ', ュ: 'ユ', ョ: 'ヨ', ヮ: 'ワ', ヵ: 'カ', ヶ: 'ケ',
  ㇰ: 'ク', ㇱ: 'シ', ㇲ: 'ス', ㇳ: 'ト', ㇴ: 'ヌ', ㇵ: 'ハ', ㇶ: 'ヒ', ㇷ: 'フ',
  ㇸ: 'ヘ', ㇹ: 'ホ', ㇺ: 'ム', ㇻ: 'ラ', ㇼ: 'リ', ㇽ: 'ル', ㇾ: 'レ', ㇿ: 'ロ',
};

/**
 * Tolerant kana key for search: normalizeKana plus small kana folded to
 * large ones (ァ→ア, ッ→ツ, ャ→ヤ …). Voicing is kept on purpose: ガ and カ
 * are different names (カトウ ≠ ガトウ), and folding them floods results.
 */
export function foldKanaForSearch(s: string): string {
  let out = '';
  for (const ch of normalizeKana(s)) out += SMALL_TO_LARGE[ch] ?? ch;
  return out;
}
