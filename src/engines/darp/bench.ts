/**
 * Benchmark: solves every instance under ../shared/data/darp (relative to the repo
 * root), checks each answer with the independent checker and compares with bks.csv.
 *   tsx src/engines/darp/bench.ts [--time-limit S] [--seed N] [--iterations N] [--only SUBSTR] [--out DIR]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { solve } from './alns.ts';
import { checkSolution } from './check.ts';
import { loadInstance } from './cli.ts';
import { toSolutionJson } from './solution-json.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DATA_DIR = path.resolve(repoRoot, '../shared/data/darp');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function instanceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const f = path.join(dir, e);
    if (statSync(f).isDirectory()) out.push(...instanceFiles(f));
    else if (/\.(txt|dat)$/.test(e)) out.push(f);
  }
  return out;
}

function readBks(): Map<string, number> {
  const f = path.join(DATA_DIR, 'bks.csv');
  const m = new Map<string, number>();
  if (!existsSync(f)) return m;
  const [head, ...rows] = readFileSync(f, 'utf8').trim().split(/\r?\n/);
  const cols = (head ?? '').split(',');
  const iName = cols.indexOf('instance');
  const iCost = cols.indexOf('bks_cost');
  for (const r of rows) {
    const c = r.split(',');
    m.set(c[iName]!, Number(c[iCost]));
  }
  return m;
}

function pad(s: string, w: number, right = false): string {
  return right ? s.padStart(w) : s.padEnd(w);
}

function main(): void {
  const timeLimit = Number(arg('--time-limit') ?? 30);
  const seed = Number(arg('--seed') ?? 1);
  const iterations = arg('--iterations') !== undefined ? Number(arg('--iterations')) : undefined;
  const only = arg('--only');
  const outDir = arg('--out');
  if (outDir) mkdirSync(outDir, { recursive: true });
  const bks = readBks();
  const files = instanceFiles(DATA_DIR).filter((f) => !only || path.basename(f).includes(only));
  console.log(`DARP benchmark: ${files.length} instances, time limit ${timeLimit} s, seed ${seed}${iterations ? `, ${iterations} iterations` : ''}`);
  console.log(`${pad('instance', 10)} ${pad('cost', 10, true)} ${pad('best known', 11, true)} ${pad('gap %', 7, true)} ${pad('seconds', 8, true)}  feasible`);
  const gaps: number[] = [];
  let allFeasible = true;
  for (const f of files) {
    const inst = loadInstance(f);
    const res = solve(inst.problem, { seed, timeLimit, ...(iterations !== undefined ? { iterations } : {}) });
    const sol = toSolutionJson(inst.problem, res);
    if (outDir) writeFileSync(path.join(outDir, `${inst.problem.name}.json`), JSON.stringify(sol) + '\n');
    const chk = checkSolution(inst.problem, sol);
    allFeasible &&= chk.feasible;
    const best = bks.get(inst.problem.name);
    // Benchmark convention: costs compared at two decimals.
    const gap = best !== undefined ? (100 * (Math.round(chk.cost * 100) - Math.round(best * 100))) / Math.round(best * 100) : undefined;
    if (gap !== undefined && chk.feasible) gaps.push(gap);
    console.log(
      `${pad(inst.problem.name, 10)} ${pad(chk.cost.toFixed(2), 10, true)} ${pad(best !== undefined ? best.toFixed(2) : '-', 11, true)} ` +
        `${pad(gap !== undefined ? gap.toFixed(2) : '-', 7, true)} ${pad(res.seconds.toFixed(1), 8, true)}  ${chk.feasible ? 'yes' : 'NO: ' + chk.violations[0]?.message}`,
    );
  }
  const mean = gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : NaN;
  console.log(`mean gap ${mean.toFixed(3)} % over ${gaps.length} instances; all feasible: ${allFeasible ? 'yes' : 'NO'}`);
  if (!allFeasible) process.exitCode = 1;
}

main();
