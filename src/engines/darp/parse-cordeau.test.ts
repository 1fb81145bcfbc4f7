import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { dist } from './model.ts';
import { parseDarp } from './parse-cordeau.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const dataDir = path.resolve(repoRoot, '../shared/data/darp');

test('parses the Cordeau (2006) instance a2-16', () => {
  const { problem: p, format, n } = parseDarp(readFileSync(path.join(dataDir, 'cordeau2006/a2-16.txt'), 'utf8'), 'a2-16');
  assert.equal(format, 'cordeau2006');
  assert.equal(n, 16);
  assert.equal(p.nodeCount, 34);
  assert.equal(p.vehicles.length, 2);
  assert.deepEqual(p.vehicles[0], { start: 0, end: 33, capacity: 3, maxDuration: 480 });
  assert.equal(p.requests.length, 16);
  assert.deepEqual(p.requests[0], { pickup: 1, delivery: 17, maxRide: 30 });
  // Node 17: "17 6.687 6.731 3 -1 402 417"
  assert.equal(p.early[17], 402);
  assert.equal(p.late[17], 417);
  assert.equal(p.service[17], 3);
  assert.equal(p.load[17], -1);
  assert.equal(p.load[1], 1);
  assert.equal(p.late[0], 480);
  // Double-precision Euclidean, symmetric, never rounded.
  assert.equal(dist(p, 0, 1), Math.hypot(-1.198, -5.164));
  assert.equal(dist(p, 1, 17), dist(p, 17, 1));
  assert.equal(p.requestOf[17], 0);
  assert.equal(p.isPickup[1], 1);
  assert.equal(p.isPickup[17], 0);
});

test('parses the pr format (header K 2n T Q L, no end-depot line)', () => {
  const { problem: p, format, n } = parseDarp(readFileSync(path.join(here, 'fixtures/pr-tiny.txt'), 'utf8'), 'pr-tiny');
  assert.equal(format, 'pr');
  assert.equal(n, 3);
  assert.equal(p.nodeCount, 8); // depot, 3 pickups, 3 drop-offs, appended end depot 7
  assert.deepEqual(p.vehicles[1], { start: 0, end: 7, capacity: 3, maxDuration: 480 });
  assert.deepEqual(p.requests[1], { pickup: 2, delivery: 5, maxRide: 30 });
  assert.equal(p.load[2], 2);
  assert.equal(p.load[5], -2);
  assert.equal(p.service[2], 2);
  assert.equal(p.early[2], 60);
  assert.equal(p.late[2], 75);
  // The end depot is the start depot.
  assert.equal(dist(p, 7, 0), 0);
  assert.equal(dist(p, 1, 7), dist(p, 1, 0));
  assert.equal(p.late[7], 480);
  assert.equal(p.load[7], 0);
});

test('rejects a file whose node count fits neither format', () => {
  assert.throws(() => parseDarp('2 4 480 3 30\n0 0 0 0 0 0 480\n', 'bad'), /node lines/);
});
