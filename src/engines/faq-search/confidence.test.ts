import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIDENCE_MODEL, confidenceOf, fitLogistic } from './confidence.ts';
import type { LabelledSignals } from './confidence.ts';

test('default confidence is in [0,1] and monotone in both signals', () => {
  assert.ok(DEFAULT_CONFIDENCE_MODEL.coverage >= 0 && DEFAULT_CONFIDENCE_MODEL.margin >= 0);
  let previous = -1;
  for (let x = 0; x <= 1; x += 0.1) {
    const p = confidenceOf({ coverage: x, margin: 0.1 });
    assert.ok(p >= 0 && p <= 1);
    assert.ok(p > previous);
    previous = p;
    assert.ok(confidenceOf({ coverage: 0.3, margin: x }) <= confidenceOf({ coverage: 0.3, margin: Math.min(1, x + 0.1) }));
  }
});

test('fitLogistic learns positive weights where signals predict correctness', () => {
  const samples: LabelledSignals[] = [];
  for (let i = 0; i < 40; i++) {
    const x = i / 40;
    samples.push({ signals: { coverage: x, margin: x / 2 }, correct: x > 0.5 || i % 7 === 0 });
  }
  const model = fitLogistic(samples, 0.1);
  assert.ok(model.coverage > 0);
  assert.ok(confidenceOf({ coverage: 0.9, margin: 0.45 }, model) > 0.7);
  assert.ok(confidenceOf({ coverage: 0.1, margin: 0.05 }, model) < 0.3);
});

test('fitLogistic never returns a negative weight, even for an anti-correlated signal', () => {
  const samples: LabelledSignals[] = [0, 0.25, 0.5, 0.75, 1].map((x) => ({ signals: { coverage: x, margin: 0 }, correct: x < 0.5 }));
  assert.ok(fitLogistic(samples, 0).coverage >= 0);
});
