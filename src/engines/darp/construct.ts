/**
 * Initial solution: regret-2 parallel insertion of all requests into empty routes,
 * most time-constrained requests first on ties. Requests that fit nowhere stay in the
 * request bank; the ALNS then works them in (the objective penalises unserved ones).
 */
import type { Problem } from './model.ts';
import { repair } from './repair.ts';
import type { Rng } from './rng.ts';
import type { Scheduler } from './schedule.ts';
import { emptyState } from './state.ts';
import type { State } from './state.ts';

export function construct(p: Problem, sched: Scheduler, rng: Rng): State {
  const s = emptyState(p, sched);
  const width = (r: number) => {
    const q = p.requests[r]!;
    return Math.min(p.late[q.pickup]! - p.early[q.pickup]!, p.late[q.delivery]! - p.early[q.delivery]!);
  };
  s.unserved.sort((a, b) => width(a) - width(b) || a - b);
  repair(p, sched, s, rng, { regret: 2, noise: 0 });
  return s;
}
