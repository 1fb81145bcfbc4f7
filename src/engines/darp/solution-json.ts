/**
 * Conversion between solver results and the CLI/benchmark JSON format:
 * { instance, cost, routes: [{ nodes: [start, ..., end], start: [B per node] }] }.
 */
import type { SolutionOut } from './check.ts';
import type { Problem } from './model.ts';
import type { SolveResult } from './alns.ts';

export function toSolutionJson(p: Problem, res: SolveResult): SolutionOut {
  return {
    instance: p.name,
    cost: res.cost,
    routes: res.routes.map((nodes, k) => {
      const veh = p.vehicles[k]!;
      return { nodes: [veh.start, ...nodes, veh.end], start: res.starts[k]! };
    }),
  };
}
