/**
 * Command line entry point.
 *   tsx src/engines/darp/cli.ts solve FILE --time-limit S [--seed N] [--iterations N] --out SOL.json
 *   tsx src/engines/darp/cli.ts check FILE SOL.json
 * Node ids in the JSON are those of the file; the end depot is 2n+1 for both formats.
 * With --iterations the run is reproducible and the time limit is ignored.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { solve } from './alns.ts';
import { checkSolution } from './check.ts';
import type { SolutionOut } from './check.ts';
import { parseDarp } from './parse-cordeau.ts';
import type { ParsedInstance } from './parse-cordeau.ts';
import { toSolutionJson } from './solution-json.ts';

const USAGE = `usage:
  cli.ts solve FILE --time-limit SECONDS [--seed N] [--iterations N] --out SOL.json
  cli.ts check FILE SOL.json`;

export function loadInstance(file: string): ParsedInstance {
  const name = path.basename(file).replace(/\.[^.]*$/, '');
  return parseDarp(readFileSync(file, 'utf8'), name);
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

function numberFlag(args: string[], name: string): number | undefined {
  const v = flag(args, name);
  if (v === undefined) return undefined;
  const x = Number(v);
  if (!Number.isFinite(x) || x <= 0) throw new Error(`${name} must be a positive number`);
  return x;
}

function cmdSolve(args: string[]): number {
  const file = args[0];
  const out = flag(args, '--out');
  if (!file || !out) throw new Error(USAGE);
  const inst = loadInstance(file);
  const res = solve(inst.problem, {
    timeLimit: numberFlag(args, '--time-limit') ?? 30,
    seed: numberFlag(args, '--seed') ?? 1,
    ...(numberFlag(args, '--iterations') !== undefined ? { iterations: numberFlag(args, '--iterations')! } : {}),
  });
  const sol = toSolutionJson(inst.problem, res);
  writeFileSync(out, JSON.stringify(sol, null, 1) + '\n');
  const chk = checkSolution(inst.problem, sol);
  console.log(
    `${inst.problem.name}: cost ${res.cost.toFixed(2)}, ${res.iterations} iterations in ${res.seconds.toFixed(1)} s, ` +
      `${res.unserved.length} unserved, checker: ${chk.feasible ? 'feasible' : 'INFEASIBLE'}`,
  );
  for (const v of chk.violations.slice(0, 20)) console.log(`  ${v.kind}: ${v.message}`);
  return chk.feasible ? 0 : 1;
}

function cmdCheck(args: string[]): number {
  const [file, solFile] = args;
  if (!file || !solFile) throw new Error(USAGE);
  const inst = loadInstance(file);
  const sol = JSON.parse(readFileSync(solFile, 'utf8')) as SolutionOut;
  const chk = checkSolution(inst.problem, sol);
  console.log(`${inst.problem.name}: ${chk.feasible ? 'feasible' : 'INFEASIBLE'}, cost ${chk.cost.toFixed(2)}`);
  for (const v of chk.violations) console.log(`  ${v.kind}: ${v.message}`);
  return chk.feasible ? 0 : 1;
}

function main(argv: string[]): number {
  const [cmd, ...rest] = argv;
  if (cmd === 'solve') return cmdSolve(rest);
  if (cmd === 'check') return cmdCheck(rest);
  console.error(USAGE);
  return 2;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 2;
  }
}
