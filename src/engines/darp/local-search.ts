/**
 * Local search used by the ALNS on new best solutions and promising candidates:
 * request relocation, 2-opt* tail exchange and block relocation (see improve()).
 */
import { analyseRoute, applyInsertion, bestInsertion } from './insertion.ts';
import type { Problem } from './model.ts';
import type { Scheduler } from './schedule.ts';
import type { State } from './state.ts';

const MAX_PASSES = 5;

/**
 * Request relocation: take each request out and put it back at its cheapest feasible
 * place in any route; keep the move when it saves travel. Repeats until no request
 * moves (at most MAX_PASSES sweeps).
 */
export function relocateSearch(p: Problem, sched: Scheduler, s: State): void {
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let improved = false;
    for (let k = 0; k < s.routes.length; k++) {
      for (let idx = 0; idx < s.routes[k]!.nodes.length; idx++) {
        const info = s.routes[k]!;
        const v = info.nodes[idx]!;
        if (p.isPickup[v] !== 1) continue;
        const req = p.requests[p.requestOf[v]!]!;
        const without = analyseRoute(p, sched, info.vehicle, info.nodes.filter((x) => x !== req.pickup && x !== req.delivery));
        if (!without) continue;
        const gain = info.cost - without.cost;
        let bestDelta = gain - 1e-7;
        let bestK = -1;
        let bestIJ: [number, number] = [0, 0];
        for (let h = 0; h < s.routes.length; h++) {
          const target = h === k ? without : s.routes[h]!;
          const ins = bestInsertion(p, sched, target, req, bestDelta);
          if (ins && ins.delta < bestDelta) {
            bestDelta = ins.delta;
            bestK = h;
            bestIJ = [ins.i, ins.j];
          }
        }
        if (bestK < 0) continue;
        const target = bestK === k ? without : s.routes[bestK]!;
        const moved = analyseRoute(p, sched, target.vehicle, applyInsertion(target.nodes, req, bestIJ[0], bestIJ[1]));
        if (!moved) continue;
        if (bestK !== k) s.routes[k] = without;
        s.routes[bestK] = moved;
        improved = true;
      }
    }
    if (!improved) break;
  }
}

/**
 * 2-opt* for dial-a-ride: swap the tails of two routes at points where both vehicles
 * are empty, so no rider is split between vehicles. Moving whole tails is something a
 * destroy/repair step with a handful of requests rarely finds. First improvement,
 * repeated until no swap helps.
 */
export function tailExchange(p: Problem, sched: Scheduler, s: State): boolean {
  const N = p.nodeCount;
  const T = p.travel;
  let any = false;
  for (let round = 0; round < 20; round++) {
    let improved = false;
    for (let a = 0; a < s.routes.length && !improved; a++) {
      for (let b = a + 1; b < s.routes.length && !improved; b++) {
        const A = s.routes[a]!;
        const Bq = s.routes[b]!;
        const fa = [A.vehicle.start, ...A.nodes, A.vehicle.end];
        const fb = [Bq.vehicle.start, ...Bq.nodes, Bq.vehicle.end];
        const emptyA = emptyPoints(A.loadAfter);
        const emptyB = emptyPoints(Bq.loadAfter);
        for (const i of emptyA) {
          for (const j of emptyB) {
            const x1 = fa[i]!;
            const x2 = fa[i + 1]!;
            const y1 = fb[j]!;
            const y2 = fb[j + 1]!;
            const delta = T[x1 * N + y2]! + T[y1 * N + x2]! - T[x1 * N + x2]! - T[y1 * N + y2]!;
            if (delta > -1e-7) continue;
            const newA = [...A.nodes.slice(0, i), ...Bq.nodes.slice(j)];
            const newB = [...Bq.nodes.slice(0, j), ...A.nodes.slice(i)];
            const ia = analyseRoute(p, sched, A.vehicle, newA);
            if (!ia) continue;
            const ib = analyseRoute(p, sched, Bq.vehicle, newB);
            if (!ib) continue;
            s.routes[a] = ia;
            s.routes[b] = ib;
            improved = true;
            any = true;
            break;
          }
          if (improved) break;
        }
      }
    }
    if (!improved) break;
  }
  return any;
}

/** Positions (depot-inclusive, excluding the end depot) after which the vehicle is empty. */
function emptyPoints(loadAfter: Float64Array): number[] {
  const out: number[] = [];
  for (let k = 0; k + 1 < loadAfter.length; k++) if (Math.abs(loadAfter[k]!) < 1e-9) out.push(k);
  return out;
}

/**
 * Block relocation: a "natural sequence" is a run of stops that starts and ends with
 * an empty vehicle, so it holds whole requests. Moving one or two consecutive blocks to
 * an empty-vehicle point of another route keeps every rider on one vehicle; the
 * destroy/repair steps would have to rebuild such a block request by request.
 */
export function blockRelocate(p: Problem, sched: Scheduler, s: State): boolean {
  const N = p.nodeCount;
  const T = p.travel;
  let any = false;
  for (let round = 0; round < 20; round++) {
    let improved = false;
    for (let a = 0; a < s.routes.length && !improved; a++) {
      const A = s.routes[a]!;
      const fa = A.full;
      const zerosA = emptyPoints(A.loadAfter);
      // Blocks = stops between consecutive empty points; try spans of 1 and 2 blocks.
      for (let z = 0; z + 1 < zerosA.length && !improved; z++) {
        for (let span = 1; span <= 2 && z + span < zerosA.length && !improved; span++) {
          const from = zerosA[z]!; // block = full positions from+1 .. to
          const to = zerosA[z + span]!;
          const first = fa[from + 1]!;
          const last = fa[to]!;
          const gain = T[fa[from]! * N + first]! + T[last * N + fa[to + 1]!]! - T[fa[from]! * N + fa[to + 1]!]!;
          for (let b = 0; b < s.routes.length && !improved; b++) {
            if (b === a) continue;
            const Bq = s.routes[b]!;
            const fb = Bq.full;
            for (const j of emptyPoints(Bq.loadAfter)) {
              const delta = T[fb[j]! * N + first]! + T[last * N + fb[j + 1]!]! - T[fb[j]! * N + fb[j + 1]!]! - gain;
              if (delta > -1e-7) continue;
              const block = A.nodes.slice(from, to);
              const newA = [...A.nodes.slice(0, from), ...A.nodes.slice(to)];
              const newB = [...Bq.nodes.slice(0, j), ...block, ...Bq.nodes.slice(j)];
              const ib = analyseRoute(p, sched, Bq.vehicle, newB);
              if (!ib) continue;
              const ia = analyseRoute(p, sched, A.vehicle, newA);
              if (!ia) continue;
              s.routes[a] = ia;
              s.routes[b] = ib;
              improved = true;
              any = true;
              break;
            }
          }
        }
      }
    }
    if (!improved) break;
  }
  return any;
}

/** Local search applied to new best solutions and promising candidates. */
export function improve(p: Problem, sched: Scheduler, s: State): void {
  for (let round = 0; round < 5; round++) {
    relocateSearch(p, sched, s);
    const a = tailExchange(p, sched, s);
    const b = blockRelocate(p, sched, s);
    if (!a && !b) break;
  }
}
