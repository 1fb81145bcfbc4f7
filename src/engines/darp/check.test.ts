import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { solve } from './alns.ts';
import { checkSolution } from './check.ts';
import type { SolutionOut, ViolationKind } from './check.ts';
import { parseDarp } from './parse-cordeau.ts';
import { toSolutionJson } from './solution-json.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const dataDir = path.resolve(repoRoot, '../shared/data/darp');
const tiny = parseDarp(readFileSync(path.join(here, 'fixtures/pr-tiny.txt'), 'utf8'), 'pr-tiny').problem;

// pr-tiny: requests 1->4 (drop window [40,55]), 2->5 (pickup window [60,75], 2 seats),
// 3->6 (drop window [100,115]); Q = 3, L = 30; end depot 7.
const good: SolutionOut = {
  routes: [{ nodes: [0, 1, 4, 3, 6, 7] }, { nodes: [0, 2, 5, 7] }],
};

function kinds(sol: SolutionOut): ViolationKind[] {
  return checkSolution(tiny, sol).violations.map((v) => v.kind);
}

test('a hand-made feasible solution passes and its cost is recomputed', () => {
  const res = checkSolution(tiny, good);
  assert.deepEqual(res.violations, []);
  assert.ok(res.cost > 0);
  assert.ok(kinds({ ...good, cost: res.cost + 1 }).includes('cost'));
});

test('time window violation is caught', () => {
  // Serving request 2 first makes the drop-off 4 (window [40,55]) late.
  const k = kinds({ routes: [{ nodes: [0, 2, 5, 1, 4, 3, 6, 7] }, { nodes: [0, 7] }] });
  assert.ok(k.includes('window'), k.join());
});

test('capacity violation is caught', () => {
  // 1 + 1 + 2 seats on board after node 2.
  const k = kinds({ routes: [{ nodes: [0, 1, 3, 2, 4, 5, 6, 7] }, { nodes: [0, 7] }] });
  assert.ok(k.includes('capacity'), k.join());
});

test('ride time violation is caught', () => {
  // Rider 3 must be picked up before 2's window closes (75) but dropped at >= 100.
  const k = kinds({ routes: [{ nodes: [0, 1, 4, 3, 2, 5, 6, 7] }, { nodes: [0, 7] }] });
  assert.ok(k.includes('ride'), k.join());
  assert.ok(!k.includes('window'), k.join());
});

test('precedence and coverage violations are caught', () => {
  const k = kinds({ routes: [{ nodes: [0, 4, 1, 3, 6, 7] }, { nodes: [0, 2, 5, 7] }] });
  assert.ok(k.includes('precedence'), k.join());
  const split = kinds({ routes: [{ nodes: [0, 1, 3, 6, 7] }, { nodes: [0, 2, 5, 4, 7] }] });
  assert.ok(split.includes('precedence'), split.join());
  const missing = kinds({ routes: [{ nodes: [0, 1, 4, 7] }, { nodes: [0, 2, 5, 7] }] });
  assert.ok(missing.includes('coverage'), missing.join());
});

test('route duration violation is caught', () => {
  const short = { ...tiny, vehicles: tiny.vehicles.map((v) => ({ ...v, maxDuration: 50 })) };
  const k = checkSolution(short, good).violations.map((v) => v.kind);
  assert.ok(k.includes('duration'), k.join());
});

test('tampered start times of a real solver answer are caught', () => {
  const { problem } = parseDarp(readFileSync(path.join(dataDir, 'cordeau2006/a2-16.txt'), 'utf8'), 'a2-16');
  const sol = toSolutionJson(problem, solve(problem, { seed: 1, iterations: 300 }));
  assert.equal(checkSolution(problem, sol).feasible, true);
  const route = sol.routes.find((r) => r.nodes.length > 2)!;
  const original = route.start!.slice();
  route.start![1] = problem.early[route.nodes[1]!]! - 5; // before its window opens
  assert.ok(checkSolution(problem, sol).violations.some((v) => v.kind === 'window'));
  route.start = original;
  // Swap a pickup behind its own delivery.
  const nodes = route.nodes;
  const pu = nodes[1]!;
  const at = nodes.indexOf(pu + 16);
  nodes[1] = pu + 16;
  nodes[at] = pu;
  delete route.start;
  assert.ok(checkSolution(problem, sol).violations.some((v) => v.kind === 'precedence'));
});
