// Ranking metrics for the evaluation CLI. Pure functions over plain objects.
//
// Grading (localgovFAQ qrels): 2 = the FAQ answers the query, 1 = related
// information. Hit@k and MRR count only grade ≥ 2 as relevant, and are
// averaged over queries that have at least one grade-2 document (a query
// with only related entries cannot be "answered"). nDCG@10 uses the grades as
// linear gains (trec_eval's convention) and is averaged over all queries that
// have any judged document.

/** queryId → docId → grade. */
export type Qrels = Record<string, Record<string, number>>;
/** queryId → docIds, best first. */
export type Run = Record<string, readonly string[]>;

export const ANSWER_GRADE = 2;

export function hitAtK(ranked: readonly string[], grades: Record<string, number>, k: number, minGrade = ANSWER_GRADE): number {
  return ranked.slice(0, k).some((doc) => (grades[doc] ?? 0) >= minGrade) ? 1 : 0;
}

/** 1 / rank of the first relevant document, 0 if none is in the list. */
export function reciprocalRank(ranked: readonly string[], grades: Record<string, number>, minGrade = ANSWER_GRADE): number {
  const rank = ranked.findIndex((doc) => (grades[doc] ?? 0) >= minGrade);
  return rank === -1 ? 0 : 1 / (rank + 1);
}

function dcg(gains: readonly number[]): number {
  return gains.reduce((sum, gain, i) => sum + gain / Math.log2(i + 2), 0);
}

export function ndcgAtK(ranked: readonly string[], grades: Record<string, number>, k: number): number {
  const ideal = Object.values(grades)
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k);
  const idealDcg = dcg(ideal);
  if (idealDcg === 0) return 0;
  // A document listed twice earns its gain once.
  const seen = new Set<string>();
  const gains = ranked.slice(0, k).map((doc) => {
    if (seen.has(doc)) return 0;
    seen.add(doc);
    return grades[doc] ?? 0;
  });
  return dcg(gains) / idealDcg;
}

export interface Evaluation {
  hit1: number;
  hit3: number;
  hit10: number;
  mrr: number;
  ndcg10: number;
  /** Queries with a grade-2 document (denominator of Hit@k and MRR). */
  answerableQueries: number;
  /** Queries with any judged document (denominator of nDCG@10). */
  judgedQueries: number;
}

/** Mean metrics of a run against qrels. Queries missing from the run score 0. */
export function evaluate(run: Run, qrels: Qrels): Evaluation {
  let hit1 = 0;
  let hit3 = 0;
  let hit10 = 0;
  let mrr = 0;
  let ndcg = 0;
  let answerable = 0;
  let judged = 0;
  for (const [queryId, grades] of Object.entries(qrels)) {
    const values = Object.values(grades);
    if (!values.some((g) => g > 0)) continue;
    const ranked = run[queryId] ?? [];
    judged++;
    ndcg += ndcgAtK(ranked, grades, 10);
    if (!values.some((g) => g >= ANSWER_GRADE)) continue;
    answerable++;
    hit1 += hitAtK(ranked, grades, 1);
    hit3 += hitAtK(ranked, grades, 3);
    hit10 += hitAtK(ranked, grades, 10);
    mrr += reciprocalRank(ranked.slice(0, 10), grades);
  }
  const mean = (total: number, n: number): number => (n === 0 ? 0 : total / n);
  return {
    hit1: mean(hit1, answerable),
    hit3: mean(hit3, answerable),
    hit10: mean(hit10, answerable),
    mrr: mean(mrr, answerable),
    ndcg10: mean(ndcg, judged),
    answerableQueries: answerable,
    judgedQueries: judged,
  };
}
