// Quality and speed benchmark on the shared localgovFAQ sample.
//   tsx src/engines/faq-search/bench.ts              final vs baseline + latency
//   tsx src/engines/faq-search/bench.ts --ablation   every configuration in README.md
//   tsx src/engines/faq-search/bench.ts --ranks R.json   score a file written by cli.ts rank
//   --corpus/--queries/--qrels override the shared sample; --scale N (default
//   3000, 0 = off) also times the index on N synthetic entries.
//
// The sample is small (75 queries) and a held-out set is used for the real
// evaluation: this confirms that each component helps on average; it is not
// a target to tune parameters against.

import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { SAMPLE, loadCorpus, loadQrels, loadQueries, readJson } from './eval-data.ts';
import { BASELINE_OPTIONS, DEFAULT_OPTIONS, createFaqIndex } from './index.ts';
import type { FaqEntry, FaqSearchOptions } from './index.ts';
import { evaluate, reciprocalRank } from './metrics.ts';
import type { Evaluation, Qrels, Run } from './metrics.ts';
import { DEFAULT_FEEDBACK } from './prf.ts';

interface Config {
  name: string;
  options: FaqSearchOptions;
  /** Keep the 【関連するＦＡＱ】 trailer in answers. */
  keepRelated?: boolean;
}

const B = BASELINE_OPTIONS;
const F = DEFAULT_OPTIONS;

/** Cumulative additions from plain BM25 to the final engine, then alternatives and removals. */
const ABLATION: Config[] = [
  { name: 'BM25 words, one field (baseline)', options: B },
  { name: '+ kana folding', options: { ...B, kanaFolding: true } },
  { name: '+ 表記ゆれ variants', options: { ...B, kanaFolding: true, variants: true } },
  { name: '+ synonym expansion (weight 0.5)', options: { ...B, kanaFolding: true, variants: true, synonymWeight: 0.5 } },
  { name: '+ question/answer fields 1:1 = final', options: F },
  { name: 'final + bigram view, all characters (sum)', options: { ...F, bigrams: true, contentBigrams: false } },
  { name: 'final + bigram view, kanji/katakana runs (sum)', options: { ...F, bigrams: true } },
  { name: 'final + bigram view, kanji/katakana runs (RRF)', options: { ...F, bigrams: true, fusion: 'rrf' } },
  { name: 'final + bigrams merged into the word bag', options: { ...F, bigrams: true, fusion: 'merged' } },
  { name: 'final + PRF (RM3 10 docs/10 terms/0.5)', options: { ...F, feedback: DEFAULT_FEEDBACK } },
  { name: 'final + PRF (3 docs/10 terms/0.5)', options: { ...F, feedback: { ...DEFAULT_FEEDBACK, docs: 3 } } },
  { name: 'final, fields as BM25F (1:1) instead of sum', options: { ...F, fieldModel: 'bm25f' } },
  { name: 'final, fields question 2 : answer 1', options: { ...F, fieldWeights: { question: 2, answer: 1 } } },
  { name: 'final, answer words from first 200 chars', options: { ...F, answerWordChars: 200 } },
  { name: 'final, keep 【関連するFAQ】 trailer', options: F, keepRelated: true },
  { name: 'final − kana folding', options: { ...F, kanaFolding: false } },
  { name: 'final − variants', options: { ...F, variants: false } },
  { name: 'final − synonyms', options: { ...F, synonymWeight: 0 } },
  { name: 'final − fields (one field)', options: { ...F, fieldWeights: null } },
];

function runConfig(entries: FaqEntry[], queries: Record<string, string>, options: FaqSearchOptions): Run {
  const index = createFaqIndex(entries, options);
  const run: Record<string, string[]> = {};
  for (const [id, text] of Object.entries(queries)) run[id] = index.search(text, 10).results.map((r) => r.id);
  return run;
}

const fmt = (x: number): string => x.toFixed(3);

function row(name: string, e: Evaluation, versus: string): string {
  return `| ${name} | ${fmt(e.hit1)} | ${fmt(e.hit3)} | ${fmt(e.hit10)} | ${fmt(e.mrr)} | ${fmt(e.ndcg10)} | ${versus} |`;
}

/** "+a/−b": queries whose reciprocal rank (grade 2, top 10) is higher/lower than in the reference run. */
function winLoss(run: Run, reference: Run, qrels: Qrels): string {
  let wins = 0;
  let losses = 0;
  for (const [queryId, grades] of Object.entries(qrels)) {
    const mine = reciprocalRank((run[queryId] ?? []).slice(0, 10), grades);
    const theirs = reciprocalRank((reference[queryId] ?? []).slice(0, 10), grades);
    if (mine > theirs) wins++;
    if (mine < theirs) losses++;
  }
  return `+${wins}/−${losses}`;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Build time of the final index, and query latency over every query repeated a few times after a warm-up. */
function measureSpeed(entries: FaqEntry[], queries: string[]): { buildMs: number; p50: number; p95: number } {
  const start = performance.now();
  const index = createFaqIndex(entries);
  const buildMs = performance.now() - start;
  for (const q of queries) index.search(q, 10);
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of queries) {
      const t0 = performance.now();
      index.search(q, 10);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  return { buildMs, p50: percentile(times, 50), p95: percentile(times, 95) };
}

/**
 * A synthetic corpus of `size` entries built by copying the sample, for
 * build-time measurement only. Each copy gets a marker before every
 * punctuation mark so the segmentation memo cannot share pieces between
 * copies: only repetition already present within the sample is reused.
 */
function syntheticCorpus(entries: FaqEntry[], size: number): FaqEntry[] {
  const out: FaqEntry[] = [];
  for (let copy = 0; out.length < size; copy++) {
    for (const e of entries) {
      if (out.length >= size) break;
      const mark = (text: string): string => text.replace(/([。、・（）()「」『』【】≪≫■＊*])/gu, `${copy}$1`);
      out.push({ id: `${e.id}#${copy}`, question: `${e.question}${copy}`, answer: mark(e.answer) });
    }
  }
  return out;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      ablation: { type: 'boolean', default: false },
      corpus: { type: 'string', default: SAMPLE.corpus },
      queries: { type: 'string', default: SAMPLE.queries },
      qrels: { type: 'string', default: SAMPLE.qrels },
      scale: { type: 'string', default: '3000' },
      ranks: { type: 'string' },
    },
  });
  if (values.ranks) {
    // Score a ranking file written by `cli.ts rank` instead of running the engine.
    const e = evaluate(readJson<Run>(values.ranks), loadQrels(values.qrels));
    console.log('| run | Hit@1 | Hit@3 | Hit@10 | MRR | nDCG@10 |\n| --- | --- | --- | --- | --- | --- |');
    console.log(`| ${values.ranks} | ${fmt(e.hit1)} | ${fmt(e.hit3)} | ${fmt(e.hit10)} | ${fmt(e.mrr)} | ${fmt(e.ndcg10)} |`);
    return;
  }
  const entries = loadCorpus(values.corpus);
  const entriesWithRelated = loadCorpus(values.corpus, false);
  const queries = loadQueries(values.queries);
  const qrels: Qrels = loadQrels(values.qrels);
  const configs = values.ablation ? ABLATION : ABLATION.filter((c) => c.options === B || (c.options === F && !c.keepRelated));

  console.log(`corpus ${entries.length} entries, ${Object.keys(queries).length} queries`);
  const finalRun = runConfig(entries, queries, F);
  console.log('| configuration | Hit@1 | Hit@3 | Hit@10 | MRR | nDCG@10 | RR vs final |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const config of configs) {
    const run = runConfig(config.keepRelated ? entriesWithRelated : entries, queries, config.options);
    console.log(row(config.name, evaluate(run, qrels), winLoss(run, finalRun, qrels)));
  }
  const e = evaluate({}, qrels);
  console.log(
    `(Hit@k, MRR@10 over ${e.answerableQueries} queries with a grade-2 answer; nDCG@10 over ${e.judgedQueries}, linear gains; ` +
      'RR vs final = queries ranked better/worse than by the final engine)',
  );

  const speed = measureSpeed(entries, Object.values(queries));
  console.log(
    `final engine on the sample: index build ${speed.buildMs.toFixed(1)} ms for ${entries.length} entries; ` +
      `query latency p50 ${speed.p50.toFixed(2)} ms, p95 ${speed.p95.toFixed(2)} ms`,
  );
  const size = Number.parseInt(values.scale, 10);
  if (size > 0) {
    const big = measureSpeed(syntheticCorpus(entries, size), Object.values(queries));
    console.log(
      `final engine on ${size} synthetic entries (sample copied): index build ${big.buildMs.toFixed(0)} ms; ` +
        `query latency p50 ${big.p50.toFixed(2)} ms, p95 ${big.p95.toFixed(2)} ms`,
    );
  }
}

main();
