/**
 * Repair (insertion) heuristics for the ALNS: greedy and regret-k, optionally with
 * noise on the insertion costs to diversify. The cheapest insertion of every pending
 * request into every route is cached and only recomputed for the route that changed.
 */
import { analyseRoute, applyInsertion, bestInsertion } from './insertion.ts';
import type { BestInsertion } from './insertion.ts';
import type { Problem } from './model.ts';
import type { Rng } from './rng.ts';
import type { Scheduler } from './schedule.ts';
import type { State } from './state.ts';

export interface RepairOptions {
  /** 1 = greedy, k >= 2 = regret-k. */
  regret: number;
  /** Noise amplitude added to insertion costs (0 = none). */
  noise: number;
}

/**
 * Inserts the state's unserved requests; those that fit nowhere stay unserved.
 * The request order for ties is the bank order (which callers may shuffle).
 */
export function repair(p: Problem, sched: Scheduler, s: State, rng: Rng, opt: RepairOptions): void {
  const pending = s.unserved.slice();
  const K = s.routes.length;
  // best[a][k]: cheapest insertion of pending[a] into route k; score adds noise.
  const best: (BestInsertion | null)[][] = [];
  const score: Float64Array[] = [];
  const noise = opt.noise > 0 ? { amplitude: opt.noise, next: () => rng.next() } : undefined;
  const evalOne = (a: number, k: number) => {
    const ins = bestInsertion(p, sched, s.routes[k]!, p.requests[pending[a]!]!, Infinity, noise);
    best[a]![k] = ins;
    score[a]![k] = ins ? ins.score : Infinity;
  };
  for (let a = 0; a < pending.length; a++) {
    best.push(new Array<BestInsertion | null>(K).fill(null));
    score.push(new Float64Array(K));
    for (let k = 0; k < K; k++) evalOne(a, k);
  }
  const alive = pending.map(() => true);
  const unserved: number[] = [];
  for (let left = pending.length; left > 0; left--) {
    let pickA = -1;
    let pickK = -1;
    let pickKey = -Infinity;
    let pickTie = Infinity;
    for (let a = 0; a < pending.length; a++) {
      if (!alive[a]) continue;
      const row = score[a]!;
      // Find the regret-k key: sum over h<k of (c_h - c_1); missing routes count as large.
      let c1 = Infinity;
      let k1 = -1;
      for (let k = 0; k < K; k++) {
        if (row[k]! < c1) {
          c1 = row[k]!;
          k1 = k;
        }
      }
      if (k1 < 0) continue; // fits nowhere now; later insertions only make it harder
      let key: number;
      if (opt.regret <= 1) key = -c1;
      else {
        key = regretKey(row, k1, Math.min(opt.regret, K));
      }
      if (key > pickKey + 1e-9 || (Math.abs(key - pickKey) <= 1e-9 && c1 < pickTie)) {
        pickKey = key;
        pickTie = c1;
        pickA = a;
        pickK = k1;
      }
    }
    if (pickA < 0) break;
    const ins = best[pickA]![pickK]!;
    const req = p.requests[pending[pickA]!]!;
    const info = s.routes[pickK]!;
    const next = analyseRoute(p, sched, info.vehicle, applyInsertion(info.nodes, req, ins.i, ins.j));
    alive[pickA] = false;
    if (!next) {
      unserved.push(pending[pickA]!); // cannot happen: the insertion was checked exactly
      continue;
    }
    s.routes[pickK] = next;
    for (let a = 0; a < pending.length; a++) if (alive[a]) evalOne(a, pickK);
  }
  for (let a = 0; a < pending.length; a++) if (alive[a]) unserved.push(pending[a]!);
  s.unserved = unserved;
}

// Scratch for regretKey: the k smallest values of a row, kept sorted.
const smallest = new Float64Array(16);

/** Sum of (c_h - c_1) over the next k-1 cheapest routes; infeasible routes count 1e7. */
function regretKey(row: Float64Array, k1: number, k: number): number {
  const c1 = row[k1]!;
  let count = 0;
  for (let r = 0; r < row.length; r++) {
    if (r === k1) continue;
    const v = row[r]!;
    if (count < k - 1) {
      let h = count++;
      while (h > 0 && smallest[h - 1]! > v) {
        smallest[h] = smallest[h - 1]!;
        h--;
      }
      smallest[h] = v;
    } else if (k > 1 && v < smallest[k - 2]!) {
      let h = k - 2;
      while (h > 0 && smallest[h - 1]! > v) {
        smallest[h] = smallest[h - 1]!;
        h--;
      }
      smallest[h] = v;
    }
  }
  let key = 0;
  for (let h = 0; h < count; h++) {
    const ch = smallest[h]!;
    key += ch === Infinity ? 1e7 : ch - c1;
  }
  return key;
}
