/**
 * Time-window tightening (a standard DARP preprocessing step). Each request has one
 * tight window in the benchmark and a loose [0, 1440] one on the other end; the max
 * ride time and the direct travel time imply a much tighter window there. The derived
 * windows are implied by the original constraints, so the feasible set is unchanged,
 * but the insertion filters reject far more impossible positions without the exact
 * schedule check.
 */
import type { Problem } from './model.ts';

export function tightenWindows(p: Problem): Problem {
  const early = p.early.slice();
  const late = p.late.slice();
  const N = p.nodeCount;
  const t = (a: number, b: number) => p.travel[a * N + b]!;
  for (const req of p.requests) {
    const pu = req.pickup;
    const de = req.delivery;
    const sP = p.service[pu]!;
    const direct = t(pu, de);
    // Depot reachability, over the most favourable vehicle.
    let fromDepot = Infinity;
    let toDepot = -Infinity;
    for (const v of p.vehicles) {
      fromDepot = Math.min(fromDepot, p.early[v.start]! + p.service[v.start]! + t(v.start, pu));
      toDepot = Math.max(toDepot, p.late[v.end]! - p.service[de]! - t(de, v.end));
    }
    // Two rounds are enough: pickup and delivery windows feed each other once.
    for (let round = 0; round < 2; round++) {
      early[pu] = Math.max(early[pu]!, fromDepot, early[de]! - sP - req.maxRide);
      late[pu] = Math.min(late[pu]!, late[de]! - sP - direct);
      early[de] = Math.max(early[de]!, early[pu]! + sP + direct);
      late[de] = Math.min(late[de]!, toDepot, late[pu]! + sP + req.maxRide);
    }
  }
  return { ...p, early, late };
}
