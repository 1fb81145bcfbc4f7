// Guards retrieval quality on the shared sample: fails if Hit@3 (or MRR)
// drops below what the engine reached when it was built (Hit@3 0.898, MRR
// 0.803), with a small margin for harmless reordering of ties.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE, loadCorpus, loadQrels, loadQueries } from './eval-data.ts';
import { createFaqIndex } from './index.ts';
import { evaluate } from './metrics.ts';
import type { Run } from './metrics.ts';

test('Hit@3 and MRR on the shared sample stay at the level reached', () => {
  const index = createFaqIndex(loadCorpus(SAMPLE.corpus));
  const run: Run = {};
  for (const [id, query] of Object.entries(loadQueries(SAMPLE.queries))) run[id] = index.search(query, 10).results.map((r) => r.id);
  const result = evaluate(run, loadQrels(SAMPLE.qrels));
  assert.ok(result.hit3 >= 0.88, `Hit@3 ${result.hit3.toFixed(3)} < 0.88`);
  assert.ok(result.mrr >= 0.78, `MRR ${result.mrr.toFixed(3)} < 0.78`);
});
