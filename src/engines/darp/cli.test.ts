import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const cli = path.join(here, 'cli.ts');
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: repoRoot, encoding: 'utf8' });

test('cli solve writes a checked solution and cli check verifies it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'darp-cli-'));
  try {
    const out = path.join(dir, 'sol.json');
    const fixture = path.join(here, 'fixtures/pr-tiny.txt');
    const solved = run('solve', fixture, '--time-limit', '5', '--iterations', '300', '--seed', '3', '--out', out);
    assert.equal(solved.status, 0, solved.stderr + solved.stdout);
    const sol = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(sol.instance, 'pr-tiny');
    assert.equal(typeof sol.cost, 'number');
    for (const r of sol.routes) {
      assert.equal(r.nodes[0], 0);
      assert.equal(r.nodes.at(-1), 7); // end depot = 2n+1 for the pr format too
      assert.equal(r.start.length, r.nodes.length);
    }
    const checked = run('check', fixture, out);
    assert.equal(checked.status, 0, checked.stdout);
    assert.match(checked.stdout, /feasible/);
    // A broken file is reported with a non-zero status.
    sol.routes[0].nodes.splice(1, 1);
    writeFileSync(out, JSON.stringify(sol));
    const broken = run('check', fixture, out);
    assert.equal(broken.status, 1);
    assert.match(broken.stdout, /INFEASIBLE/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
