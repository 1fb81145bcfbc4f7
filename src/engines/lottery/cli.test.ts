import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generateInput } from './generate.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, 'cli.ts');
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: path.resolve(here, '../../..'), encoding: 'utf8' });

test('cli draw prints a result that cli verify accepts, and verify refuses a tampered one', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lottery-cli-'));
  try {
    const inputFile = path.join(dir, 'input.json');
    const resultFile = path.join(dir, 'result.json');
    writeFileSync(inputFile, JSON.stringify(generateInput({ applications: 60, slots: 6, seed: 1 })));
    const drawn = run('draw', inputFile, '--seed', 'ab'.repeat(32));
    assert.equal(drawn.status, 0, drawn.stderr);
    const result = JSON.parse(drawn.stdout);
    assert.equal(result.seed, 'ab'.repeat(32));
    assert.equal(result.algorithm, 'oshu-lottery/1');
    writeFileSync(resultFile, drawn.stdout);
    const ok = run('verify', inputFile, resultFile);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, new RegExp(`verified: digest ${result.digest}`));

    const slot = result.slots.find((s: { winner: string | null; waitingList: string[] }) => s.waitingList.length > 0);
    slot.winner = slot.waitingList[0];
    writeFileSync(resultFile, JSON.stringify(result));
    const bad = run('verify', inputFile, resultFile);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /NOT VERIFIED/);
    assert.match(bad.stdout, new RegExp(`slot ${slot.slotId}: published winner`));

    // Without --seed a fresh 32-byte seed is drawn.
    const fresh = run('draw', inputFile);
    assert.equal(fresh.status, 0);
    assert.match(JSON.parse(fresh.stdout).seed, /^[0-9a-f]{64}$/);
    assert.notEqual(JSON.parse(fresh.stdout).seed, 'ab'.repeat(32));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cli reports bad input and bad usage with status 2 and no stack trace', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lottery-cli-'));
  try {
    const inputFile = path.join(dir, 'input.json');
    writeFileSync(inputFile, JSON.stringify({ slots: [{ id: 's', slotType: 't', month: '2026-1' }], applications: [] }));
    const bad = run('draw', inputFile, '--seed', 'ab'.repeat(32));
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /slots\[0\]\.month: must be YYYY-MM/);
    assert.doesNotMatch(bad.stderr, /at .*\.ts:\d+/);
    assert.equal(run('draw', inputFile, '--seed', 'xyz').status, 2);
    assert.equal(run('nope').status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
