/**
 * Finding a procedure by what a resident types: 「じゅうみんひょう」「住民票」
 * 「ジュウミンヒョウ」 and 「ｼﾞｭｳﾐﾝﾋｮｳ」 all find 住民票の写し. Text is folded with the
 * platform's search keys (NFKC, 旧字→新字, hiragana→katakana, small kana → large,
 * no spaces) on both sides; every word typed must occur in the title, summary,
 * keywords or category/life-event names. Pure: the catalogue is a few dozen
 * entries, so it is searched in memory.
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

export function searchKey(text: string): string {
  return foldKanaForSearch(nameSearchKey(text));
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
    const title = searchKey(`${text.title.ja} ${text.title.en}`);
    const keywords = (text.keywords ?? []).map(searchKey);
    const rest = searchKey(`${text.summary.ja} ${text.summary.en} ${labels.join(' ')}`);
    let score = 0;
    for (const term of terms) {
      if (title.includes(term)) score += 10 + (title.startsWith(term) ? 5 : 0);
      else if (keywords.some((k) => k.includes(term) || (k.length >= 3 && term.includes(k)))) score += 6;
      else if (rest.includes(term)) score += 2;
      else {
        score = -1;
        break;
      }
    }
    if (score > 0) scored.push({ entry, id: text.id, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).map((s) => s.entry);
}

export function isLifeEvent(value: unknown): value is LifeEvent {
  return typeof value === 'string' && (LIFE_EVENTS as readonly string[]).includes(value);
}
