// Public API of the FAQ retrieval engine. Pure: no I/O, no network.
//
// Default pipeline (every stage is an option, measured in bench.ts --ablation):
//   text → NFKC + lower-case → spelling variants unified (表記ゆれ)
//        → word tokens (Intl.Segmenter), kana-folded, stopwords removed
//   query → same, plus synonym expansion at weight 0.5
//   score = BM25(query, question) + BM25(query, answer)
//   confidence = logistic(coverage, margin), see confidence.ts
// Off by default because they did not help on the sample (README.md): a
// character-bigram view fused with the words (sum / RRF / merged), and
// pseudo-relevance feedback (RM3-style) on the word view.

import { Bm25Index, Bm25fIndex, DEFAULT_BM25, countTerms } from './bm25.ts';
import type { Bm25Params, Bm25Scorer } from './bm25.ts';
import { DEFAULT_CONFIDENCE_MODEL, confidenceOf } from './confidence.ts';
import type { ConfidenceSignals, LogisticModel } from './confidence.ts';
import { normalizeText } from './normalize.ts';
import { canonicalizeVariants, synonymExpansions } from './synonyms.ts';
import { charNgrams, icuWords, memoizedWordTokenizer, wordTokens } from './tokenize.ts';
import type { WordSegmenter } from './tokenize.ts';
import { expandQuery } from './prf.ts';
import type { FeedbackParams } from './prf.ts';

export interface FaqEntry {
  id: string;
  question: string;
  answer: string;
}

export interface FaqSearchOptions {
  /** Fold katakana into hiragana before matching. */
  kanaFolding: boolean;
  /** Rewrite 表記ゆれ spellings to one canonical form (synonyms.ts). */
  variants: boolean;
  /** Weight of synonym-expansion terms relative to the query's own terms; 0 turns expansion off. */
  synonymWeight: number;
  /** Which token views to score with. At least one must be on. */
  words: boolean;
  bigrams: boolean;
  /** Bigrams only over kanji/katakana/Latin runs, hiragana acting as a separator. */
  contentBigrams: boolean;
  /**
   * How the views are combined: sum of max-normalised scores, reciprocal-rank
   * fusion, or 'merged' — bigrams added to the word bag of one BM25 index.
   */
  fusion: 'sum' | 'rrf' | 'merged';
  /**
   * Field weights. null = one field (question and answer concatenated), the
   * plain-BM25 baseline. Otherwise question and answer are indexed separately
   * and their BM25 scores added with these weights.
   */
  fieldWeights: { question: number; answer: number } | null;
  /**
   * How the two fields combine: 'sum' adds two BM25 scores; 'bm25f' sums
   * field frequencies before saturation (one BM25F score). Ignored with one field.
   */
  fieldModel: 'sum' | 'bm25f';
  /**
   * Only the first this-many characters of an answer go through the word
   * segmenter (the bigram view always sees all of it). Intl.Segmenter costs
   * about 1.5 µs per word, the dominant cost of building the index.
   */
  answerWordChars: number;
  /** Pseudo-relevance feedback on the word view; null = off. */
  feedback: FeedbackParams | null;
  bm25: Bm25Params;
  confidenceModel: LogisticModel;
  /**
   * Word segmenter; defaults to Intl.Segmenter. A morphological analyser
   * (e.g. kuromoji returning base forms) can be plugged in here.
   */
  segmentWords: WordSegmenter;
}

/** The configuration chosen by the ablation in README.md. */
export const DEFAULT_OPTIONS: FaqSearchOptions = {
  kanaFolding: true,
  variants: true,
  synonymWeight: 0.5,
  words: true,
  bigrams: false,
  contentBigrams: true,
  fusion: 'sum',
  fieldWeights: { question: 1, answer: 1 },
  fieldModel: 'sum',
  answerWordChars: Number.POSITIVE_INFINITY,
  feedback: null,
  bm25: DEFAULT_BM25,
  confidenceModel: DEFAULT_CONFIDENCE_MODEL,
  segmentWords: icuWords,
};

/** Plain BM25 over word tokens of question+answer, NFKC only: the baseline of the ablation. */
export const BASELINE_OPTIONS: FaqSearchOptions = {
  kanaFolding: false,
  variants: false,
  synonymWeight: 0,
  words: true,
  bigrams: false,
  contentBigrams: false,
  fusion: 'sum',
  fieldWeights: null,
  fieldModel: 'sum',
  answerWordChars: Number.POSITIVE_INFINITY,
  feedback: null,
  bm25: DEFAULT_BM25,
  confidenceModel: DEFAULT_CONFIDENCE_MODEL,
  segmentWords: icuWords,
};

export interface SearchHit {
  id: string;
  /** Ranking score; comparable within one query only. */
  score: number;
}

export interface SearchResult {
  results: SearchHit[];
  /** Probability in [0,1] that results[0] answers the query. */
  confidence: number;
  /** The inputs to `confidence`, for logging and re-calibration. */
  signals: ConfidenceSignals;
}

export interface FaqIndex {
  search(query: string, k?: number): SearchResult;
  readonly size: number;
}

type Tokenizer = (text: string) => string[];

interface QueryTerms {
  /** term → weight, own terms and synonym expansions. */
  terms: Map<string, number>;
  /** The user's own terms that appear in no document of the view. */
  unseen: Set<string>;
}

/** One token view (words or bigrams) of the whole collection, one BM25 index per field. */
interface View {
  /** Tokenizer for queries (the documents may have used a memoised equivalent). */
  tokenize: Tokenizer;
  fields: { index: Bm25Scorer; weight: number }[];
}

// RRF's k = 60 is the value from Cormack, Clarke & Büttcher (2009).
const RRF_K = 60;

/**
 * Build the index. Entries may carry extra fields (category, url, …); only
 * id, question and answer are read. Build once and reuse: building costs about
 * 0.3 ms per entry of a few hundred characters, while a search costs well
 * under a millisecond.
 */
export function createFaqIndex<E extends FaqEntry>(entries: readonly E[], options: Partial<FaqSearchOptions> = {}): FaqIndex {
  const opts: FaqSearchOptions = { ...DEFAULT_OPTIONS, ...options };
  if (!opts.words && !opts.bigrams) throw new Error('faq-search: enable at least one of words / bigrams');

  const prepare = (text: string): string => {
    const normalized = normalizeText(text);
    return opts.variants ? canonicalizeVariants(normalized) : normalized;
  };
  const questions = entries.map((e) => prepare(e.question));
  const answers = entries.map((e) => prepare(e.answer));

  const buildView = (tokenize: Tokenizer, docTokenize: Tokenizer, answerChars = Number.POSITIVE_INFINITY): View => {
    const answerTexts = Number.isFinite(answerChars) ? answers.map((a) => a.slice(0, answerChars)) : answers;
    if (opts.fieldWeights === null) {
      const both = questions.map((q, i) => `${q}\n${answerTexts[i] ?? ''}`);
      return { tokenize, fields: [{ index: new Bm25Index(both.map(docTokenize), opts.bm25), weight: 1 }] };
    }
    if (opts.fieldModel === 'bm25f') {
      const fields = [
        { docs: questions.map(docTokenize), weight: opts.fieldWeights.question },
        { docs: answerTexts.map(docTokenize), weight: opts.fieldWeights.answer },
      ];
      return { tokenize, fields: [{ index: new Bm25fIndex(fields, opts.bm25), weight: 1 }] };
    }
    return {
      tokenize,
      fields: [
        { index: new Bm25Index(questions.map(docTokenize), opts.bm25), weight: opts.fieldWeights.question },
        { index: new Bm25Index(answerTexts.map(docTokenize), opts.bm25), weight: opts.fieldWeights.answer },
      ],
    };
  };

  const bigramsOf = (t: string): string[] => charNgrams(t, 2, opts.kanaFolding, opts.contentBigrams);
  const merged = opts.fusion === 'merged' && opts.words && opts.bigrams;
  // Bigrams get a marker so that a two-character word and the same bigram stay distinct terms.
  const withBigrams =
    (words: Tokenizer): Tokenizer =>
    (t) => [...words(t), ...bigramsOf(t).map((g) => `#${g}`)];
  const queryWords: Tokenizer = (t) => wordTokens(t, opts.kanaFolding, opts.segmentWords);
  const docWords = memoizedWordTokenizer(opts.kanaFolding, opts.segmentWords);
  const wordView = opts.words
    ? merged
      ? buildView(withBigrams(queryWords), withBigrams(docWords), opts.answerWordChars)
      : buildView(queryWords, docWords, opts.answerWordChars)
    : null;
  const bigramView = opts.bigrams && !merged ? buildView(bigramsOf, bigramsOf) : null;
  const views = [wordView, bigramView].filter((v): v is View => v !== null);
  const docCount = entries.length;

  /** Query terms of one view: the query's own terms, plus synonyms at reduced weight. */
  const queryTerms = (view: View, query: string, expansions: readonly string[]): QueryTerms => {
    const terms = countTerms(view.tokenize(query));
    // The user's own words that no document contains (see confidenceSignals).
    const unseen = new Set([...terms.keys()].filter((term) => view.fields.every((f) => f.index.idf(term) === 0)));
    const extra = new Map<string, number>();
    for (const phrase of expansions) countTerms(view.tokenize(phrase), extra, opts.synonymWeight);
    // A synonym never adds weight to a term the user already typed.
    for (const [term, weight] of extra) if (!terms.has(term)) terms.set(term, weight);
    return { terms, unseen };
  };

  const scoreView = (view: View, terms: ReadonlyMap<string, number>): Float64Array => {
    const scores = new Float64Array(docCount);
    for (const field of view.fields) field.index.accumulate(terms, scores, field.weight);
    return scores;
  };

  const search = (query: string, k = 10): SearchResult => {
    const text = prepare(query);
    const expansions = opts.synonymWeight > 0 ? synonymExpansions(text) : [];
    const viewTerms = views.map((view) => queryTerms(view, text, expansions));
    const viewScores = views.map((view, i) => scoreView(view, (viewTerms[i] as QueryTerms).terms));
    const firstPassScores = viewScores.slice();
    let fused = fuse(viewScores, opts.fusion);

    if (opts.feedback && wordView) {
      const wordSlot = views.indexOf(wordView);
      const expanded = expandQuery(
        (viewTerms[wordSlot] as QueryTerms).terms,
        topIndices(fused, opts.feedback.docs),
        fused,
        (doc) => mergedTermCounts(wordView, doc),
        opts.feedback,
      );
      viewScores[wordSlot] = scoreView(wordView, expanded);
      fused = fuse(viewScores, opts.fusion);
    }

    const ranked = topIndices(fused, Math.max(k, 2));
    const signals = confidenceSignals(views, viewTerms, firstPassScores, ranked[0], ranked[1]);
    return {
      results: ranked.slice(0, k).map((doc) => ({ id: (entries[doc] as E).id, score: fused[doc] as number })),
      confidence: ranked.length === 0 ? 0 : confidenceOf(signals, opts.confidenceModel),
      signals,
    };
  };

  return { search, size: docCount };
}

function upperBound(view: View, query: QueryTerms): number {
  return view.fields.reduce((sum, f) => sum + f.weight * f.index.upperBound(query.terms, query.unseen), 0);
}

/**
 * Both signals are on one absolute scale, BM25 score / the query's upper
 * bound, averaged over views: coverage of the best document, and how far the
 * second one trails it. A relative gap (s1 − s2)/s1 would call a lone weak
 * match on one stray word a "clear winner"; the absolute gap stays small.
 * The bound counts the user's words that no FAQ contains at full rarity (so
 * "プロ野球の試合結果" matching only 結果 is poorly covered) but ignores
 * synonym expansions no FAQ contains. Measured before feedback.
 */
function confidenceSignals(
  views: readonly View[],
  viewTerms: readonly QueryTerms[],
  scores: readonly Float64Array[],
  first: number | undefined,
  second: number | undefined,
): ConfidenceSignals {
  if (first === undefined) return { coverage: 0, margin: 0 };
  let coverage = 0;
  let gap = 0;
  let counted = 0;
  views.forEach((view, i) => {
    const viewScores = scores[i] as Float64Array;
    const bound = upperBound(view, viewTerms[i] as QueryTerms);
    if (bound <= 0) return;
    const top = viewScores[first] as number;
    const next = second === undefined ? 0 : (viewScores[second] as number);
    coverage += top / bound;
    gap += (top - next) / bound;
    counted++;
  });
  if (counted === 0) return { coverage: 0, margin: 0 };
  return { coverage: coverage / counted, margin: Math.max(0, gap / counted) };
}

/** Term counts of a document over all fields of a view (for feedback). */
function mergedTermCounts(view: View, doc: number): Map<string, number> {
  const merged = new Map<string, number>();
  for (const field of view.fields) {
    for (const [term, tf] of field.index.docTermCounts[doc] ?? []) merged.set(term, (merged.get(term) ?? 0) + tf);
  }
  return merged;
}

/** Combine per-view score arrays into one. */
function fuse(viewScores: readonly Float64Array[], method: FaqSearchOptions['fusion']): Float64Array {
  const first = viewScores[0];
  if (!first) return new Float64Array(0);
  const fused = new Float64Array(first.length);
  for (const scores of viewScores) {
    if (method !== 'rrf') {
      // Max-normalise so word and bigram BM25, whose scales differ several-fold, count equally.
      let max = 0;
      for (const s of scores) if (s > max) max = s;
      if (max === 0) continue;
      for (let d = 0; d < scores.length; d++) fused[d] = (fused[d] as number) + (scores[d] as number) / max / viewScores.length;
    } else {
      topIndices(scores, scores.length).forEach((doc, rank) => {
        fused[doc] = (fused[doc] as number) + 1 / (RRF_K + rank + 1);
      });
    }
  }
  return fused;
}

/** Indices of the k highest positive scores, best first; ties broken by index for stable output. */
export function topIndices(scores: Float64Array, k: number): number[] {
  const candidates: number[] = [];
  for (let d = 0; d < scores.length; d++) if ((scores[d] as number) > 0) candidates.push(d);
  candidates.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  return candidates.slice(0, k);
}
