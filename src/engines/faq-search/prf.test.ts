import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandQuery } from './prf.ts';

test('feedback adds terms typical of the top documents and keeps the query weight total', () => {
  const original = new Map([['ごみ', 1]]);
  const docs = [new Map([['ごみ', 2], ['収集', 2]]), new Map([['収集', 1], ['曜日', 1]])];
  const expanded = expandQuery(original, [0, 1], Float64Array.from([2, 1]), (d) => docs[d] ?? new Map(), {
    docs: 2,
    terms: 2,
    originalWeight: 0.5,
  });
  assert.ok(expanded.has('収集'), 'most typical feedback term added');
  assert.ok(!expanded.has('曜日'), 'only the top `terms` terms are kept');
  const total = [...expanded.values()].reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(total - 1) < 1e-9);
  assert.ok((expanded.get('ごみ') ?? 0) > (expanded.get('収集') ?? 0), 'the typed term stays strongest');
});

test('no feedback documents leaves the query unchanged', () => {
  const original = new Map([['税', 1]]);
  assert.deepEqual(expandQuery(original, [], new Float64Array(0), () => new Map(), { docs: 3, terms: 5, originalWeight: 0.5 }), original);
});
