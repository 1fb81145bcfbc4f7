/**
 * Command line entry point (the only part besides bench.ts that touches files).
 *   npm run lottery -- draw input.json [--seed HEX]     prints the result JSON
 *   npm run lottery -- verify input.json result.json    recomputes with the result's seed
 * Without --seed a fresh seed is drawn with crypto.randomBytes(32).
 * Exit status: 0 done / verified, 1 verification failed, 2 bad usage or input.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { draw } from './draw.ts';
import type { LotteryInput, LotteryResult } from './types.ts';
import { verifyDraw } from './verify.ts';

const USAGE = `usage:
  lottery draw INPUT.json [--seed HEX64]
  lottery verify INPUT.json RESULT.json`;

class UsageError extends Error {}

function readJson<T>(file: string | undefined): T {
  if (!file) throw new UsageError(USAGE);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (e) {
    throw new UsageError(`${file}: ${(e as Error).message}`);
  }
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return v;
}

export function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): number {
  const [cmd, ...args] = argv;
  try {
    if (cmd === 'draw') {
      const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--seed');
      const input = readJson<LotteryInput>(files[0]);
      const seed = flag(args, '--seed') ?? randomBytes(32).toString('hex');
      out(JSON.stringify(draw(input, seed), null, 2) + '\n');
      return 0;
    }
    if (cmd === 'verify') {
      const input = readJson<LotteryInput>(args[0]);
      const published = readJson<LotteryResult>(args[1]);
      if (typeof published?.seed !== 'string') throw new UsageError(`${args[1]}: the result has no seed`);
      const report = verifyDraw(input, published.seed, published);
      if (report.ok) {
        out(`verified: digest ${report.expectedDigest}\n`);
        return 0;
      }
      out(`NOT VERIFIED (recomputed digest ${report.expectedDigest})\n`);
      for (const p of report.problems) out(`  ${p}\n`);
      return 1;
    }
    err(USAGE + '\n');
    return 2;
  } catch (e) {
    // Input errors name the field; a stack trace would help no one reading a published draw.
    err(`${(e as Error).message}\n`);
    return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
