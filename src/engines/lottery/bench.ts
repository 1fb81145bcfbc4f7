/**
 * Benchmark: one month's draw of 10,000 applications over 400 slots (generated
 * with a fixed seed), timed five times; prints the median and the spread.
 *   npm run bench:lottery [-- --applications N --slots N --runs N]
 */
import { performance } from 'node:perf_hooks';
import { draw } from './draw.ts';
import { generateInput } from './generate.ts';
import { verifyDraw } from './verify.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive whole number`);
  return v;
}

const applications = arg('--applications', 10_000);
const slots = arg('--slots', 400);
const runs = arg('--runs', 5);
const input = generateInput({ applications, slots, seed: 20261201 });
const seed = 'a5'.repeat(32);

const times: number[] = [];
let digest = '';
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const result = draw(input, seed);
  times.push(performance.now() - t0);
  // Every run must give the same result, or the draw is not reproducible.
  if (digest && digest !== result.digest) throw new Error('two runs gave different results');
  digest = result.digest;
}
const result = draw(input, seed);
const t0 = performance.now();
const verified = verifyDraw(input, seed, result).ok;
const verifyMs = performance.now() - t0;
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
const won = result.applications.filter((a) => a.status === 'won').length;
const skipped = result.applications.filter((a) => a.status === 'skipped').length;
const filled = result.slots.filter((s) => s.winner !== null).length;
console.log(`lottery draw: ${applications} applications, ${slots} slots, ${runs} runs`);
console.log(`draw ms: median ${median.toFixed(1)} (min ${sorted[0]!.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)})`);
console.log(`verify ms: ${verifyMs.toFixed(1)} (${verified ? 'verified' : 'NOT VERIFIED'})`);
console.log(`slots filled ${filled}/${slots}; applications won ${won}, skipped by a rule ${skipped}, lost ${result.applications.length - won - skipped}`);
console.log(`result digest ${digest}`);
if (!verified) process.exitCode = 1;
