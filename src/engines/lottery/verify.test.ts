import assert from 'node:assert/strict';
import { test } from 'node:test';
import { draw, resultDigest } from './draw.ts';
import { generateInput } from './generate.ts';
import type { LotteryResult } from './types.ts';
import { verifyDraw } from './verify.ts';

const SEED = '5e'.repeat(32);
const input = generateInput({ applications: 300, slots: 20, seed: 5 });

test('an untouched published result verifies', () => {
  const published = JSON.parse(JSON.stringify(draw(input, SEED))) as LotteryResult;
  const report = verifyDraw(input, SEED, published);
  assert.deepEqual(report.problems, []);
  assert.equal(report.ok, true);
  assert.equal(report.digestMatchesContent, true);
});

test('a winner swapped after publication is caught, with or without a recomputed digest', () => {
  const published = structuredClone(draw(input, SEED));
  const slot = published.slots.find((s) => s.winner && s.waitingList.length > 0)!;
  const cheat = slot.waitingList[0]!;
  slot.winner = cheat;

  const naive = verifyDraw(input, SEED, published);
  assert.equal(naive.ok, false);
  assert.equal(naive.digestMatchesContent, false);
  assert.ok(naive.problems.some((p) => p.includes(`slot ${slot.slotId}: published winner ${cheat}`)), naive.problems.join('\n'));

  // A careful forger recomputes the digest: the content is then self-consistent but not the draw's.
  published.digest = resultDigest(published);
  const careful = verifyDraw(input, SEED, published);
  assert.equal(careful.ok, false);
  assert.equal(careful.digestMatchesContent, true);
  assert.ok(careful.problems.some((p) => p.startsWith('digest:')));
});

test('a different seed, a changed input or a reordered waiting list does not verify', () => {
  const published = draw(input, SEED);
  assert.equal(verifyDraw(input, '00'.repeat(32), published).ok, false);

  const changed = structuredClone(input);
  changed.applications[0]!.preferences.reverse();
  changed.applications[0]!.preferences.push(changed.slots[19]!.id);
  assert.ok(verifyDraw(changed, SEED, published).problems.some((p) => p.startsWith('inputDigest')));

  const reordered = structuredClone(published);
  const slot = reordered.slots.find((s) => s.waitingList.length > 1)!;
  slot.waitingList.reverse();
  reordered.digest = resultDigest(reordered);
  const report = verifyDraw(input, SEED, reordered);
  assert.equal(report.ok, false);
  assert.ok(report.problems.some((p) => p.includes(`slot ${slot.slotId}: waiting list`)));
});

test('garbage published as a result is reported, not thrown', () => {
  const report = verifyDraw(input, SEED, { nonsense: true } as unknown as LotteryResult);
  assert.equal(report.ok, false);
  assert.equal(report.publishedDigest, null);
  assert.ok(report.problems.length > 0);
});
