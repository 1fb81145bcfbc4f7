import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { solve } from './alns.ts';
import { checkSolution } from './check.ts';
import { parseDarp } from './parse-cordeau.ts';
import { toSolutionJson } from './solution-json.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const dataDir = path.resolve(repoRoot, '../shared/data/darp');
const load = (rel: string, name: string) => parseDarp(readFileSync(rel, 'utf8'), name).problem;

test('solves the pr fixture feasibly', () => {
  const p = load(path.join(here, 'fixtures/pr-tiny.txt'), 'pr-tiny');
  const res = solve(p, { seed: 1, iterations: 200 });
  assert.deepEqual(res.unserved, []);
  const chk = checkSolution(p, toSolutionJson(p, res));
  assert.deepEqual(chk.violations, []);
});

test('a2-16: feasible, close to optimal, deterministic for a seed and iteration budget', () => {
  const p = load(path.join(dataDir, 'cordeau2006/a2-16.txt'), 'a2-16');
  const a = solve(p, { seed: 42, iterations: 3000 });
  const b = solve(p, { seed: 42, iterations: 3000, timeLimit: 0.001 }); // budget wins over the clock
  const chk = checkSolution(p, toSolutionJson(p, a));
  assert.deepEqual(chk.violations, []);
  assert.equal(a.unserved.length, 0);
  assert.equal(a.iterations, 3000);
  assert.deepEqual(b.routes, a.routes);
  assert.equal(b.cost, a.cost);
  assert.ok(Math.abs(chk.cost - a.cost) < 1e-6);
  // Proven optimum 294.25 (Cordeau 2006); allow 2% on this short run.
  assert.ok(a.cost < 294.25 * 1.02, `cost ${a.cost}`);
});

test('a larger instance (a4-24) is solved feasibly within a small budget', () => {
  const p = load(path.join(dataDir, 'cordeau2006/a4-24.txt'), 'a4-24');
  const res = solve(p, { seed: 1, iterations: 1500 });
  const chk = checkSolution(p, toSolutionJson(p, res));
  assert.deepEqual(chk.violations, []);
});
