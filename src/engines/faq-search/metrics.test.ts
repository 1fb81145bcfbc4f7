import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, hitAtK, ndcgAtK, reciprocalRank } from './metrics.ts';

const close = (actual: number, expected: number, message = ''): void =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${message} ${actual} ≠ ${expected}`);

test('hit@k and reciprocal rank count only grade-2 documents', () => {
  const grades = { a: 1, b: 2 };
  assert.equal(hitAtK(['a', 'x', 'b'], grades, 1), 0, 'grade 1 at rank 1 is not a hit');
  assert.equal(hitAtK(['a', 'x', 'b'], grades, 3), 1);
  close(reciprocalRank(['a', 'x', 'b'], grades), 1 / 3);
  assert.equal(reciprocalRank(['x', 'y'], grades), 0);
});

test('nDCG@k with linear graded gains, computed by hand', () => {
  // ranking: b (2) at 1, x (0) at 2, a (1) at 3
  // DCG = 2/log2(2) + 0 + 1/log2(4) = 2 + 0.5 = 2.5; ideal = 2 + 1/log2(3)
  const grades = { a: 1, b: 2 };
  close(ndcgAtK(['b', 'x', 'a'], grades, 10), 2.5 / (2 + 1 / Math.log2(3)));
  close(ndcgAtK(['b', 'a'], grades, 10), 1);
  close(ndcgAtK(['x', 'y'], grades, 10), 0);
  close(ndcgAtK(['x', 'b'], grades, 1), 0, 'cut-off respected');
  close(ndcgAtK(['b', 'b', 'a'], grades, 10), (2 + 1 / 2) / (2 + 1 / Math.log2(3)), 'duplicates earn once');
});

test('evaluate averages over the right queries', () => {
  const qrels = {
    q1: { d1: 2 }, // answered at rank 1
    q2: { d2: 2, d3: 1 }, // answer at rank 2
    q3: { d4: 1 }, // only related info: excluded from Hit/MRR, counted in nDCG
  };
  const run = { q1: ['d1', 'd9'], q2: ['d3', 'd2'], q3: ['d4'] };
  const e = evaluate(run, qrels);
  assert.equal(e.answerableQueries, 2);
  assert.equal(e.judgedQueries, 3);
  close(e.hit1, 0.5);
  close(e.hit3, 1);
  close(e.hit10, 1);
  close(e.mrr, (1 + 0.5) / 2);
  // q2: DCG = 1 + 2/log2(3); ideal = 2 + 1/log2(3)
  close(e.ndcg10, (1 + (1 + 2 / Math.log2(3)) / (2 + 1 / Math.log2(3)) + 1) / 3);
});

test('a query missing from the run scores zero', () => {
  const e = evaluate({}, { q1: { d1: 2 } });
  assert.equal(e.hit10, 0);
  assert.equal(e.mrr, 0);
  assert.equal(e.ndcg10, 0);
});
