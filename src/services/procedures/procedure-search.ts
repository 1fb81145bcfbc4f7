/**
 * Finding a procedure by what a resident types: 「じゅうみんひょう」「住民票」
 * 「ジュウミンヒョウ」 and 「ｼﾞｭｳﾐﾝﾋｮｳ」 all find 住民票の写し. Text is folded with the
 * platform's search keys (NFKC, 旧字→新字, hiragana→katakana, small kana → large,
 * no spaces) on both sides, and spellings of one word (引っ越し・引越し・ひっこし) are
 * made one (VARIANTS); every word typed must occur in the title, summary, keywords or
 * category/life-event names, itself or as a word the catalogue uses for it (RELATED:
 * 赤ちゃん → 出産・出生・妊娠…). Pure: the catalogue is a few dozen entries, so it is
 * searched in memory.
 */
import { foldKanaForSearch } from '../../platform/text/kana.ts';
import { nameSearchKey } from '../../platform/text/search-key.ts';
import { CATEGORIES, LIFE_EVENTS, type LifeEvent } from '../../engines/forms/types.ts';

export { CATEGORIES, LIFE_EVENTS, type LifeEvent };

export interface Searchable {
  id: string;
  title: { ja: string; en: string };
  summary: { ja: string; en: string };
  keywords?: string[];
  category: string;
  lifeEvents?: string[];
}

/**
 * 表記ゆれ: one word in several spellings (送り仮名, kana or kanji). Each is rewritten
 * to the group's first spelling in the query and in the catalogue's text alike.
 */
export const VARIANTS: readonly (readonly string[])[] = [
  ['引越', '引っ越し', '引っ越す', '引っ越', '引越し', '引越す', '引っこし', 'ひっこし', 'ひっこす'],
  ['子ども', '子供', 'こども'],
  ['赤ちゃん', 'あかちゃん', '赤ん坊', 'あかんぼう'],
  ['申込', '申し込み', '申込み', '申し込む', '申し込'],
  ['手続', '手続き'],
  ['届出', '届け出'],
  ['亡くなった', '亡くなる', '亡くなり'],
];

/**
 * Words residents use for which the catalogue says something else: a query word also
 * finds these (one way: 転出 does not find every 引越 procedure). Keys and words are
 * spelled as in VARIANTS' first column.
 */
export const RELATED: Readonly<Record<string, readonly string[]>> = {
  引越: ['転居', '転出', '転入', '住所変更'],
  赤ちゃん: ['出産', '出生', '妊娠', '乳幼児', '乳児', '新生児'],
  子ども: ['児童', '子育て', '乳幼児'],
  出産: ['出生', '妊娠'],
  結婚: ['婚姻'],
  はんこ: ['印鑑'],
  亡くなった: ['死亡', 'おくやみ'],
};

// Folded spellings, longest first, so 引っ越し is rewritten before 引っ越.
const FOLDED_VARIANTS: [string, string][] = VARIANTS.flatMap(([canonical, ...others]) => others.map((o) => [fold(o), fold(canonical!)] as [string, string])).sort((a, b) => b[0].length - a[0].length);
const FOLDED_RELATED = new Map(Object.entries(RELATED).map(([word, related]) => [searchKey(word), related.map(searchKey)]));

function fold(text: string): string {
  return foldKanaForSearch(nameSearchKey(text));
}

export function searchKey(text: string): string {
  let key = fold(text);
  for (const [variant, canonical] of FOLDED_VARIANTS) if (key.includes(variant)) key = key.split(variant).join(canonical);
  return key;
}

/** Words of a query, folded; an empty query has none. */
export function queryTerms(query: string): string[] {
  return query
    .normalize('NFKC')
    .split(/[\s、，,。]+/u)
    .map(searchKey)
    .filter((t) => t.length > 0)
    .slice(0, 10);
}

/**
 * Entries matching every term, best first: a term found in the title weighs
 * most, then keywords, then the rest. `describe` gives each entry's searchable
 * text and extra labels (its category and life-event names, e.g. 引越し) so that
 * those words find their procedures too.
 */
export function searchProcedures<T>(entries: T[], query: string, describe: (entry: T) => { text: Searchable; labels?: string[] }): T[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const scored: { entry: T; id: string; score: number }[] = [];
  for (const entry of entries) {
    const { text, labels = [] } = describe(entry);
    const where: Folded = {
      title: searchKey(`${text.title.ja} ${text.title.en}`),
      keywords: (text.keywords ?? []).map(searchKey),
      rest: searchKey(`${text.summary.ja} ${text.summary.en} ${labels.join(' ')}`),
    };
    let score = 0;
    for (const term of terms) {
      // A related word counts for half what the word typed would.
      const best = Math.max(termScore(where, term), ...(FOLDED_RELATED.get(term) ?? []).map((r) => termScore(where, r) / 2));
      if (best === 0) {
        score = -1;
        break;
      }
      score += best;
    }
    if (score > 0) scored.push({ entry, id: text.id, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).map((s) => s.entry);
}

interface Folded {
  title: string;
  keywords: string[];
  rest: string;
}

/** How well one folded word matches an entry: the title weighs most, then keywords, then the rest; 0 = not found. */
function termScore(where: Folded, term: string): number {
  if (where.title.includes(term)) return 10 + (where.title.startsWith(term) ? 5 : 0);
  if (where.keywords.some((k) => k.includes(term) || (k.length >= 3 && term.includes(k)))) return 6;
  if (where.rest.includes(term)) return 2;
  return 0;
}

export function isLifeEvent(value: unknown): value is LifeEvent {
  return typeof value === 'string' && (LIFE_EVENTS as readonly string[]).includes(value);
}
