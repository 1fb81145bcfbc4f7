/**
 * Adaptive large neighbourhood search (Ropke & Pisinger 2006 style) for the DARP.
 *
 * Each iteration removes q requests with a destroy operator (random, worst, Shaw,
 * route, time slice) and reinserts them with a repair operator (greedy or regret-k,
 * with or without noise). Operators are chosen by roulette wheel on adaptive weights
 * (segments of 100 iterations, Ropke & Pisinger's scores). Acceptance is simulated
 * annealing run in cycles of about CYCLE_ITERATIONS iterations; each cycle reheats and
 * restarts from the best solution, which keeps long runs on small instances from
 * freezing in one basin. The temperature follows the search progress: iteration count
 * when an iteration budget is given (so the run is reproducible and independent of the
 * wall clock), elapsed time otherwise. New best solutions and promising candidates get
 * a local search (request relocation, 2-opt* and block relocation).
 */
import { construct } from './construct.ts';
import { DESTROY_OPS } from './destroy.ts';
import type { Problem, Route } from './model.ts';
import { repair } from './repair.ts';
import type { RepairOptions } from './repair.ts';
import { Rng } from './rng.ts';
import { Scheduler } from './schedule.ts';
import { copyState, objective, removeRequests, travelCost, unservedPenalty } from './state.ts';
import type { State } from './state.ts';
import { improve } from './local-search.ts';
import { tightenWindows } from './tighten.ts';

export interface SolveOptions {
  seed?: number;
  /** Wall-clock budget in seconds (ignored when iterations is given). */
  timeLimit?: number;
  /** Iteration budget; makes the result independent of machine speed. */
  iterations?: number;
}

export interface SolveResult {
  routes: Route[];
  /** Earliest feasible start times per route, depots included. */
  starts: number[][];
  cost: number;
  unserved: number[];
  iterations: number;
  seconds: number;
}

const SEGMENT = 100;
const SCORE_BEST = 33;
const SCORE_BETTER = 9;
const SCORE_ACCEPTED = 13;
const REACTION = 0.1;
/** Start temperature of each cycle accepts a 2% worse solution with probability 1/2. */
const START_WORSE = 0.02;
/** Final temperature as a fraction of the start temperature. */
const END_RATIO = 0.01;

/** Candidates within 1% of the best that improve on the current one get the local search. */
const POLISH_WITHIN = 0.01;
/** Iterations without a new best before the search continues from the best. */
const RESTART_AFTER = 2000;

/** Iterations per annealing cycle (the budget is split into cycles of about this length). */
const CYCLE_ITERATIONS = 20000;

const REPAIRS: RepairOptions[] = [
  { regret: 1, noise: 0 },
  { regret: 1, noise: 1 },
  { regret: 2, noise: 0 },
  { regret: 2, noise: 1 },
  { regret: 3, noise: 0 },
  { regret: 4, noise: 0 },
];
// Noise entries are multiplied by 2.5% of the longest travel time (Ropke & Pisinger).

function roulette(w: Float64Array, rng: Rng): number {
  let total = 0;
  for (const x of w) total += x;
  let r = rng.next() * total;
  for (let i = 0; i < w.length; i++) {
    r -= w[i]!;
    if (r <= 0) return i;
  }
  return w.length - 1;
}

export function solve(original: Problem, opts: SolveOptions = {}): SolveResult {
  const t0 = performance.now();
  const p = tightenWindows(original);
  const rng = new Rng(opts.seed ?? 1);
  const sched = new Scheduler(p);
  const n = p.requests.length;
  const penalty = unservedPenalty(p);
  const budget = opts.iterations;
  const timeLimitMs = (opts.timeLimit ?? 10) * 1000;
  const progress = (it: number) => (budget !== undefined ? it / budget : (performance.now() - t0) / timeLimitMs);

  let maxTravel = 0;
  for (const v of p.travel) if (v > maxTravel) maxTravel = v;
  const noiseAmp = 0.025 * maxTravel;

  let cur: State = construct(p, sched, rng);
  improve(p, sched, cur);
  let curF = objective(cur, penalty);
  let best = copyState(cur);
  let bestF = curF;
  const T0 = (START_WORSE * Math.max(1, travelCost(cur))) / Math.LN2;

  const qMin = Math.min(n, Math.max(2, Math.round(0.05 * n)));
  const qMax = Math.min(n, Math.max(qMin, Math.min(40, Math.round(0.3 * n))));

  const dW = new Float64Array(DESTROY_OPS.length).fill(1);
  const rW = new Float64Array(REPAIRS.length).fill(1);
  const dScore = new Float64Array(dW.length);
  const rScore = new Float64Array(rW.length);
  const dUse = new Float64Array(dW.length);
  const rUse = new Float64Array(rW.length);

  let lastBest = 0;
  let curCycle = 0;
  let cycles = budget !== undefined ? Math.max(1, Math.round(budget / CYCLE_ITERATIONS)) : 0;
  let it = 0;
  for (;;) {
    const prog = progress(it);
    if (prog >= 1) break;
    it++;
    // Annealing in `cycles` equal cycles of about CYCLE_ITERATIONS each; every new cycle
    // reheats and starts from the best. With a time limit the cycle count is fixed once
    // the iteration speed is known, so cycles still fit the budget.
    if (cycles === 0 && prog >= 0.02) cycles = Math.max(1, Math.round(it / prog / CYCLE_ITERATIONS));
    const c = Math.max(1, cycles);
    const cycle = Math.min(c - 1, Math.floor(prog * c));
    if (cycle !== curCycle) {
      curCycle = cycle;
      cur = copyState(best);
      curF = bestF;
    }
    const temp = T0 * Math.pow(END_RATIO, prog * c - cycle);
    const d = roulette(dW, rng);
    const r = roulette(rW, rng);
    const q = rng.int(qMin, qMax);
    const cand = copyState(cur);
    removeRequests(p, sched, cand, DESTROY_OPS[d]!.op(p, cand, q, rng));
    rng.shuffle(cand.unserved);
    const ro = REPAIRS[r]!;
    repair(p, sched, cand, rng, { regret: ro.regret, noise: ro.noise * noiseAmp });
    let f = objective(cand, penalty);
    // Polish promising candidates so they compete with the (polished) best on equal terms.
    if (cand.unserved.length === 0 && f < bestF * (1 + POLISH_WITHIN) && f < curF - 1e-9) {
      improve(p, sched, cand);
      f = objective(cand, penalty);
    }
    let score = 0;
    if (f < bestF - 1e-9) {
      improve(p, sched, cand);
      f = objective(cand, penalty);
      best = copyState(cand);
      bestF = f;
      score = SCORE_BEST;
      lastBest = it;
    } else if (f < curF - 1e-9) score = SCORE_BETTER;
    const accept = f < curF - 1e-9 || rng.next() < Math.exp(-(f - curF) / temp);
    if (accept) {
      if (score === 0 && f > curF + 1e-9) score = SCORE_ACCEPTED;
      cur = cand;
      curF = f;
    }
    dScore[d] = dScore[d]! + score;
    rScore[r] = rScore[r]! + score;
    dUse[d] = dUse[d]! + 1;
    rUse[r] = rUse[r]! + 1;
    // Intensify: after a long run without a new best, continue from the best.
    if (it - lastBest >= RESTART_AFTER && it % RESTART_AFTER === 0) {
      cur = copyState(best);
      curF = bestF;
    }
    if (it % SEGMENT === 0) {
      for (let k = 0; k < dW.length; k++) {
        if (dUse[k]! > 0) dW[k] = Math.max(0.05, (1 - REACTION) * dW[k]! + (REACTION * dScore[k]!) / dUse[k]!);
        dScore[k] = 0;
        dUse[k] = 0;
      }
      for (let k = 0; k < rW.length; k++) {
        if (rUse[k]! > 0) rW[k] = Math.max(0.05, (1 - REACTION) * rW[k]! + (REACTION * rScore[k]!) / rUse[k]!);
        rScore[k] = 0;
        rUse[k] = 0;
      }
    }
  }

  const routes = best.routes.map((info) => info.nodes.slice());
  const starts = best.routes.map((info) => Array.from(info.EB));
  return {
    routes,
    starts,
    cost: travelCost(best),
    unserved: best.unserved.slice().sort((a, b) => a - b),
    iterations: it,
    seconds: (performance.now() - t0) / 1000,
  };
}
