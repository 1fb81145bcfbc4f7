// Fits the confidence model (confidence.ts) and checks its reliability.
//   tsx src/engines/faq-search/calibrate.ts
//
// Label per query: is the top-1 result a grade-2 FAQ (it answers the query)?
// Queries whose only judged FAQs are grade 1 are kept with label 0: for them
// "not sure, ask staff" is the right outcome.
// Hand-written off-topic queries (below) are added with label 0.
// Reliability is reported out of sample (leave-one-query-out: each query's
// confidence comes from a model fitted without it), then the model fitted on
// all queries is printed for DEFAULT_CONFIDENCE_MODEL.

import { parseArgs } from 'node:util';
import { SAMPLE, loadCorpus, loadQrels, loadQueries } from './eval-data.ts';
import { fitLogistic, confidenceOf } from './confidence.ts';
import type { LabelledSignals } from './confidence.ts';
import { createFaqIndex } from './index.ts';
import { ANSWER_GRADE } from './metrics.ts';

// A light ridge penalty: the constrained maximum-likelihood fit is well
// determined with 3 parameters and ~75 queries; a strong penalty (sklearn's
// default C = 1, i.e. L2 = 1 here) shrinks weights of [0,1]-range features
// towards a constant rate. Override with --l2 to compare.
const DEFAULT_L2 = 0.1;

// Questions a city FAQ cannot answer, written by hand for calibration (not
// taken from any data set). The sample has only in-scope questions, so
// without these the model never sees what an out-of-scope query looks like
// and cannot learn that low coverage means "not sure". Label 0: there is no
// right FAQ. Several share a word or two with FAQs on purpose (駅, 写真, 予約).
export const OFF_TOPIC_QUERIES: readonly string[] = [
  '明日の天気は晴れますか',
  'プロ野球の試合結果を知りたい',
  'おすすめのラーメン屋を教えて',
  '駅前においしいパン屋はありますか',
  '今週末に見るおすすめの映画は',
  '株価はこれから上がりますか',
  '英語を早く話せるようになる勉強法',
  '簡単にやせられるダイエットの方法',
  'スマホで撮った写真をきれいに加工したい',
  '宝くじの当選番号はいつ発表されますか',
  'カラオケで高得点を取るコツ',
  '夏休みの家族旅行のおすすめ先',
  'パソコンの動作が遅いのを直したい',
  '美容院の予約を変更したい',
  'ギターを独学で始めたい',
  '好きな人に告白する方法',
  '卵焼きを上手に作るには',
  '人気のアニメの最新話はいつ放送ですか',
  '車のタイヤ交換を自分でやりたい',
  '世界で一番高い山はどこですか',
  'サッカー日本代表の次の試合',
  'ペットの犬におすすめのおもちゃ',
  'ゲームのレベル上げの効率的なやり方',
  '肩こりに効くストレッチ',
  '星座占いで今日の運勢を見たい',
];

function labelledSample(): { inScope: LabelledSignals[]; offTopic: LabelledSignals[] } {
  const index = createFaqIndex(loadCorpus(SAMPLE.corpus));
  const qrels = loadQrels(SAMPLE.qrels);
  const samples: LabelledSignals[] = [];
  for (const [queryId, text] of Object.entries(loadQueries(SAMPLE.queries))) {
    const grades = qrels[queryId];
    if (!grades) continue;
    const { results, signals } = index.search(text, 1);
    const top = results[0];
    samples.push({ signals, correct: top !== undefined && (grades[top.id] ?? 0) >= ANSWER_GRADE });
  }
  const offTopic = OFF_TOPIC_QUERIES.map((text) => ({ signals: index.search(text, 1).signals, correct: false }));
  return { inScope: samples, offTopic };
}

interface Prediction {
  p: number;
  correct: boolean;
}

function reliabilityTable(title: string, predictions: readonly Prediction[]): void {
  const bins = [0, 0.2, 0.4, 0.6, 0.8, 1.0001];
  console.log(`\n${title}: ${predictions.length} queries, top-1 correct for ${predictions.filter((o) => o.correct).length}`);
  console.log('| confidence bin | queries | mean confidence | top-1 correct |');
  console.log('| --- | --- | --- | --- |');
  let ece = 0;
  for (let b = 0; b + 1 < bins.length; b++) {
    const lo = bins[b] as number;
    const hi = bins[b + 1] as number;
    const inBin = predictions.filter((o) => o.p >= lo && o.p < hi);
    if (inBin.length === 0) {
      console.log(`| ${lo.toFixed(1)}–${Math.min(hi, 1).toFixed(1)} | 0 | – | – |`);
      continue;
    }
    const meanP = inBin.reduce((s, o) => s + o.p, 0) / inBin.length;
    const accuracy = inBin.filter((o) => o.correct).length / inBin.length;
    ece += (inBin.length / predictions.length) * Math.abs(meanP - accuracy);
    console.log(`| ${lo.toFixed(1)}–${Math.min(hi, 1).toFixed(1)} | ${inBin.length} | ${meanP.toFixed(2)} | ${accuracy.toFixed(2)} |`);
  }
  const brier = predictions.reduce((s, o) => s + (o.p - (o.correct ? 1 : 0)) ** 2, 0) / predictions.length;
  const base = predictions.filter((o) => o.correct).length / predictions.length;
  console.log(`ECE ${ece.toFixed(3)}, Brier ${brier.toFixed(3)} (constant-rate Brier ${(base * (1 - base)).toFixed(3)})`);
}

function main(): void {
  const { values } = parseArgs({ options: { l2: { type: 'string', default: String(DEFAULT_L2) } } });
  const L2 = Number(values.l2);
  const { inScope, offTopic } = labelledSample();
  const samples = [...inScope, ...offTopic];
  // Leave one query out: each query is scored by a model fitted without it.
  const outOfFold: Prediction[] = samples.map((sample, i) => ({
    p: confidenceOf(
      sample.signals,
      fitLogistic(
        samples.filter((_, j) => j !== i),
        L2,
      ),
    ),
    correct: sample.correct,
  }));
  reliabilityTable('leave-one-out, in-scope sample queries', outOfFold.slice(0, inScope.length));
  reliabilityTable('leave-one-out, off-topic queries', outOfFold.slice(inScope.length));
  reliabilityTable('leave-one-out, all', outOfFold);

  console.log('');
  const scoped = outOfFold.slice(0, inScope.length);
  for (const threshold of [0.4, 0.5, 0.6, 0.7]) {
    const answered = scoped.filter((o) => o.p >= threshold);
    const right = answered.filter((o) => o.correct).length;
    const offAnswered = outOfFold.slice(inScope.length).filter((o) => o.p >= threshold).length;
    console.log(
      `threshold ${threshold}: answers ${answered.length}/${scoped.length} in-scope queries, ` +
        `${answered.length ? ((100 * right) / answered.length).toFixed(0) : '–'}% of those correct; ` +
        `answers ${offAnswered}/${offTopic.length} off-topic`,
    );
  }

  const model = fitLogistic(samples, L2);
  const r = (x: number): number => Math.round(x * 100) / 100;
  console.log(`fitted on all: { bias: ${r(model.bias)}, coverage: ${r(model.coverage)}, margin: ${r(model.margin)} }`);
}

main();
