// Okapi BM25 over one field, with an inverted index so a query only touches
// documents that share a term with it (a few thousand FAQs score in well
// under a millisecond).

export interface Bm25Params {
  /** Term-frequency saturation. 1.2 is the textbook value (Robertson & Zaragoza 2009). */
  k1: number;
  /** Length normalisation strength. 0.75 is the textbook value. */
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

interface Postings {
  docs: number[];
  tfs: number[];
}

export class Bm25Index {
  readonly docCount: number;
  private readonly postings = new Map<string, Postings>();
  private readonly docLengths: Float64Array;
  private readonly avgDocLength: number;
  /** Per-document term counts, kept for pseudo-relevance feedback. */
  readonly docTermCounts: readonly ReadonlyMap<string, number>[];

  constructor(
    docs: readonly (readonly string[])[],
    private readonly params: Bm25Params = DEFAULT_BM25,
  ) {
    this.docCount = docs.length;
    this.docLengths = new Float64Array(docs.length);
    const termCounts: Map<string, number>[] = [];
    let totalLength = 0;
    docs.forEach((tokens, docIndex) => {
      const counts = new Map<string, number>();
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      for (const [term, tf] of counts) {
        let list = this.postings.get(term);
        if (!list) {
          list = { docs: [], tfs: [] };
          this.postings.set(term, list);
        }
        list.docs.push(docIndex);
        list.tfs.push(tf);
      }
      termCounts.push(counts);
      this.docLengths[docIndex] = tokens.length;
      totalLength += tokens.length;
    });
    this.docTermCounts = termCounts;
    // Guard against an all-empty field: any positive value keeps the formula finite.
    this.avgDocLength = totalLength > 0 ? totalLength / docs.length : 1;
  }

  /**
   * Lucene's non-negative IDF, log(1 + (N - df + 0.5)/(df + 0.5)). The
   * classic Robertson form goes negative for terms in over half the documents,
   * which would let a common word push a document *down*.
   */
  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    if (df === 0) return 0;
    return Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5));
  }

  /**
   * Add weight × BM25(query, doc) into `scores[doc]` for every document.
   * `query` maps term → weight (query term frequency, possibly fractional
   * after synonym expansion or feedback).
   */
  accumulate(query: ReadonlyMap<string, number>, scores: Float64Array, weight = 1): void {
    const { k1, b } = this.params;
    for (const [term, queryWeight] of query) {
      const list = this.postings.get(term);
      if (!list) continue;
      const termWeight = weight * queryWeight * this.idf(term);
      for (let i = 0; i < list.docs.length; i++) {
        const doc = list.docs[i] as number;
        const tf = list.tfs[i] as number;
        const lengthNorm = 1 - b + (b * (this.docLengths[doc] as number)) / this.avgDocLength;
        scores[doc] = (scores[doc] as number) + (termWeight * tf * (k1 + 1)) / (tf + k1 * lengthNorm);
      }
    }
  }

  /** IDF of a term no document contains: the highest IDF this collection can give. */
  unseenIdf(): number {
    return Math.log(1 + (this.docCount + 0.5) / 0.5);
  }

  /**
   * The most a document could score for this query: every term at saturating
   * frequency, tf·(k1+1)/(tf+k1·norm) → k1+1. Dividing a real score by this
   * gives a corpus-size-independent "how much of the query is covered" in [0,1].
   */
  upperBound(query: ReadonlyMap<string, number>, unseen: ReadonlySet<string> = new Set()): number {
    let bound = 0;
    for (const [term, queryWeight] of query) {
      // A term in `unseen` counts at full rarity: a query word no document
      // contains is the strongest sign that the query is not covered.
      const idf = unseen.has(term) ? this.unseenIdf() : this.idf(term);
      bound += queryWeight * idf * (this.params.k1 + 1);
    }
    return bound;
  }
}

/** Bag of terms → term → count. */
export function countTerms(tokens: readonly string[], into = new Map<string, number>(), weight = 1): Map<string, number> {
  for (const token of tokens) into.set(token, (into.get(token) ?? 0) + weight);
  return into;
}

/** What the engine needs from a BM25 variant. */
export interface Bm25Scorer {
  readonly docTermCounts: readonly ReadonlyMap<string, number>[];
  idf(term: string): number;
  unseenIdf(): number;
  accumulate(query: ReadonlyMap<string, number>, scores: Float64Array, weight?: number): void;
  upperBound(query: ReadonlyMap<string, number>, unseen?: ReadonlySet<string>): number;
}

/**
 * BM25F (Robertson, Zaragoza & Taylor 2004): field term frequencies are
 * length-normalised per field, weighted, and summed into one pseudo-frequency
 * *before* saturation, so a term found in both question and answer is not
 * counted as two independent pieces of evidence. IDF is over whole documents.
 */
export class Bm25fIndex implements Bm25Scorer {
  readonly docCount: number;
  readonly docTermCounts: readonly ReadonlyMap<string, number>[];
  private readonly postings = new Map<string, { docs: number[]; tfs: number[][] }>();
  private readonly lengthNorms: Float64Array[];
  private readonly weights: number[];

  constructor(
    fields: readonly { docs: readonly (readonly string[])[]; weight: number }[],
    private readonly params: Bm25Params = DEFAULT_BM25,
  ) {
    this.docCount = fields[0]?.docs.length ?? 0;
    this.weights = fields.map((f) => f.weight);
    this.lengthNorms = fields.map((field) => {
      const total = field.docs.reduce((sum, tokens) => sum + tokens.length, 0);
      const avg = total > 0 ? total / field.docs.length : 1;
      return Float64Array.from(field.docs, (tokens) => 1 - params.b + (params.b * tokens.length) / avg);
    });
    const merged: Map<string, number>[] = [];
    for (let doc = 0; doc < this.docCount; doc++) {
      const perField = fields.map((field) => countTerms(field.docs[doc] ?? []));
      const all = new Map<string, number>();
      perField.forEach((counts, f) => {
        for (const [term, tf] of counts) {
          all.set(term, (all.get(term) ?? 0) + tf);
          let list = this.postings.get(term);
          if (!list) {
            list = { docs: [], tfs: fields.map(() => []) };
            this.postings.set(term, list);
          }
          if (list.docs[list.docs.length - 1] !== doc) {
            list.docs.push(doc);
            for (const fieldTfs of list.tfs) fieldTfs.push(0);
          }
          const fieldTfs = list.tfs[f] as number[];
          fieldTfs[fieldTfs.length - 1] = tf;
        }
      });
      merged.push(all);
    }
    this.docTermCounts = merged;
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    if (df === 0) return 0;
    return Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5));
  }

  unseenIdf(): number {
    return Math.log(1 + (this.docCount + 0.5) / 0.5);
  }

  accumulate(query: ReadonlyMap<string, number>, scores: Float64Array, weight = 1): void {
    const { k1 } = this.params;
    for (const [term, queryWeight] of query) {
      const list = this.postings.get(term);
      if (!list) continue;
      const termWeight = weight * queryWeight * this.idf(term);
      for (let i = 0; i < list.docs.length; i++) {
        const doc = list.docs[i] as number;
        let pseudoTf = 0;
        for (let f = 0; f < this.weights.length; f++) {
          const tf = (list.tfs[f] as number[])[i] as number;
          if (tf > 0) pseudoTf += ((this.weights[f] as number) * tf) / ((this.lengthNorms[f] as Float64Array)[doc] as number);
        }
        scores[doc] = (scores[doc] as number) + (termWeight * pseudoTf * (k1 + 1)) / (pseudoTf + k1);
      }
    }
  }

  upperBound(query: ReadonlyMap<string, number>, unseen: ReadonlySet<string> = new Set()): number {
    let bound = 0;
    for (const [term, queryWeight] of query) {
      const idf = unseen.has(term) ? this.unseenIdf() : this.idf(term);
      bound += queryWeight * idf * (this.params.k1 + 1);
    }
    return bound;
  }
}
