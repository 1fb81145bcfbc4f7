import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Bm25Index, Bm25fIndex, countTerms } from './bm25.ts';

const docs = [
  ['住民票', '写し', '取得', '窓口'],
  ['粗大', 'ごみ', '収集', '申込', '電話'],
  ['犬', '登録', '狂犬病', '予防', '注射'],
  ['市民', '税', '納付', 'コンビニ', '窓口'],
];

function rank(index: Bm25Index, query: string[]): number[] {
  const scores = new Float64Array(index.docCount);
  index.accumulate(countTerms(query), scores);
  return [...scores.keys()].filter((d) => (scores[d] ?? 0) > 0).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
}

test('BM25 ranks the obviously matching document first', () => {
  const index = new Bm25Index(docs);
  assert.equal(rank(index, ['粗大', 'ごみ'])[0], 1);
  assert.equal(rank(index, ['犬', '登録'])[0], 2);
  assert.deepEqual(rank(index, ['宇宙']), [], 'unknown terms match nothing');
});

test('a rarer term outweighs a common one (IDF)', () => {
  const index = new Bm25Index(docs);
  assert.ok(index.idf('税') > index.idf('窓口'));
  assert.equal(index.idf('存在しない'), 0);
  assert.equal(rank(index, ['窓口', '税'])[0], 3);
});

test('IDF stays non-negative for a term in every document', () => {
  const index = new Bm25Index([['a'], ['a'], ['a', 'b']]);
  assert.ok(index.idf('a') >= 0);
});

test('no score reaches the query upper bound', () => {
  const index = new Bm25Index(docs);
  const query = countTerms(['粗大', 'ごみ', '犬']);
  const scores = new Float64Array(index.docCount);
  index.accumulate(query, scores);
  for (const s of scores) assert.ok(s < index.upperBound(query));
});

test('BM25F ranks the matching document first and saturates across fields', () => {
  const questions = [['粗大', 'ごみ'], ['住民票'], ['犬']];
  const answers = [['電話', '申込'], ['窓口', '取得'], ['登録', 'ごみ']];
  const index = new Bm25fIndex([
    { docs: questions, weight: 1 },
    { docs: answers, weight: 1 },
  ]);
  const scores = new Float64Array(3);
  const query = countTerms(['粗大', 'ごみ']);
  index.accumulate(query, scores);
  assert.ok((scores[0] ?? 0) > (scores[2] ?? 0));
  assert.equal(scores[1], 0);
  for (const s of scores) assert.ok(s < index.upperBound(query));
  assert.deepEqual([...(index.docTermCounts[2] ?? [])], [['犬', 1], ['登録', 1], ['ごみ', 1]]);
});
