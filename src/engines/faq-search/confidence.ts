// Confidence that the top-1 result answers the query, as a probability in
// [0,1]. Two signals, both chosen because they do not depend on corpus size or
// on the absolute scale of BM25 scores:
//
// - coverage: the top document's BM25 score divided by the most any document
//   could score for this query (every query term at saturating frequency).
//   Low coverage = most of the query matched nothing (nonsense, off-topic).
// - margin: (s1 - s2) / upper bound, the gap to the second document on the
//   same absolute scale. A clear winner is more likely right than one of
//   several near-ties; measured against the upper bound (not s1) so that a
//   lone weak match on one stray word does not count as a clear win.
//
// p = sigmoid(bias + wc·coverage + wm·margin), fitted by logistic regression
// (see calibrate.ts). Both weights are constrained to be ≥ 0, so confidence
// never falls when coverage or margin rises.

export interface ConfidenceSignals {
  /** Top-1 BM25 score / query upper bound, in [0,1). */
  coverage: number;
  /** (top-1 − top-2 BM25 score) / query upper bound, in [0,1). */
  margin: number;
}

export interface LogisticModel {
  bias: number;
  coverage: number;
  margin: number;
}

/**
 * Fitted by `npx tsx src/engines/faq-search/calibrate.ts`: the 75 queries of
 * the shared localgovFAQ sample (label: top-1 is a grade-2 answer) plus 25
 * hand-written off-topic queries (label 0), L2 = 0.1. The sample has 179
 * FAQs; a real FAQ base is larger, top-1 is right less often, and these
 * numbers will then be optimistic. Re-fit with fitLogistic on the product's
 * own labelled logs once they exist.
 */
export const DEFAULT_CONFIDENCE_MODEL: LogisticModel = { bias: -1.53, coverage: 6.32, margin: 2.32 };

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function confidenceOf(signals: ConfidenceSignals, model: LogisticModel = DEFAULT_CONFIDENCE_MODEL): number {
  return sigmoid(model.bias + model.coverage * signals.coverage + model.margin * signals.margin);
}

export interface LabelledSignals {
  signals: ConfidenceSignals;
  /** Was the top-1 result a correct answer? */
  correct: boolean;
}

/**
 * Logistic regression by projected gradient descent: plain gradient steps on
 * the L2-penalised log-loss, then feature weights clipped at 0 (monotonicity).
 * Features are already in [0,1], so no scaling is needed and a fixed step
 * size converges. The bias is not penalised.
 */
export function fitLogistic(samples: readonly LabelledSignals[], l2 = 1, iterations = 5000, step = 0.5): LogisticModel {
  const model: LogisticModel = { bias: 0, coverage: 0, margin: 0 };
  const n = samples.length;
  if (n === 0) return model;
  for (let it = 0; it < iterations; it++) {
    let gBias = 0;
    let gCoverage = 0;
    let gMargin = 0;
    for (const { signals, correct } of samples) {
      const error = confidenceOf(signals, model) - (correct ? 1 : 0);
      gBias += error;
      gCoverage += error * signals.coverage;
      gMargin += error * signals.margin;
    }
    model.bias -= (step * gBias) / n;
    model.coverage = Math.max(0, model.coverage - (step * (gCoverage + l2 * model.coverage)) / n);
    model.margin = Math.max(0, model.margin - (step * (gMargin + l2 * model.margin)) / n);
  }
  return model;
}
