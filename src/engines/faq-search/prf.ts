// Pseudo-relevance feedback in the style of RM3 (Lavrenko & Croft 2001;
// Anserini's bm25+rm3): assume the first-pass top documents are relevant, take
// the terms most typical of them, and mix them into the query.

export interface FeedbackParams {
  /** How many top documents to learn from. */
  docs: number;
  /** How many expansion terms to keep. */
  terms: number;
  /** Share of the original query in the mixed query (Anserini default 0.5). */
  originalWeight: number;
}

/** Anserini's RM3 defaults. */
export const DEFAULT_FEEDBACK: FeedbackParams = { docs: 10, terms: 10, originalWeight: 0.5 };

/**
 * RM1 term weights Σ_d P(d|q)·tf(t,d)/|d| over the feedback documents, with
 * P(d|q) ∝ first-pass score; the top terms are mixed with the normalised
 * original query as originalWeight·q + (1 − originalWeight)·feedback.
 * The result is rescaled to the original query's total weight so BM25 scores
 * keep a comparable range.
 */
export function expandQuery(
  original: ReadonlyMap<string, number>,
  feedbackDocs: readonly number[],
  docScores: Float64Array,
  termCountsOf: (doc: number) => ReadonlyMap<string, number>,
  params: FeedbackParams,
): Map<string, number> {
  const originalTotal = sumValues(original);
  if (feedbackDocs.length === 0 || originalTotal === 0) return new Map(original);

  const scoreTotal = feedbackDocs.reduce((sum, d) => sum + (docScores[d] ?? 0), 0);
  const relevance = new Map<string, number>();
  for (const doc of feedbackDocs) {
    const counts = termCountsOf(doc);
    const length = sumValues(counts);
    if (length === 0 || scoreTotal === 0) continue;
    const docWeight = (docScores[doc] ?? 0) / scoreTotal;
    for (const [term, tf] of counts) relevance.set(term, (relevance.get(term) ?? 0) + (docWeight * tf) / length);
  }
  const top = [...relevance].sort((a, b) => b[1] - a[1]).slice(0, params.terms);
  const topTotal = top.reduce((sum, [, w]) => sum + w, 0);

  const mixed = new Map<string, number>();
  for (const [term, w] of original) mixed.set(term, (params.originalWeight * w) / originalTotal);
  if (topTotal > 0) {
    for (const [term, w] of top) {
      mixed.set(term, (mixed.get(term) ?? 0) + ((1 - params.originalWeight) * w) / topTotal);
    }
  }
  for (const [term, w] of mixed) mixed.set(term, w * originalTotal);
  return mixed;
}

function sumValues(map: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const v of map.values()) total += v;
  return total;
}
