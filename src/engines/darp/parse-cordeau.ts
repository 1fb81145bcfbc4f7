/**
 * Parsers for the two classic DARP benchmark text formats. Pure: they take the file
 * text, callers do the I/O.
 *
 * - Cordeau (2006) "a"/"b" series: header `K n T Q L`, then 2n+2 node lines
 *   `id x y service load early late` with node 0 = start depot, 2n+1 = end depot.
 * - Cordeau & Laporte (2003) "pr" series: header `K 2n T Q L` (the second field counts
 *   nodes, not requests), then 2n+1 node lines; there is no end-depot line, the end
 *   depot is the start depot. We append it as node 2n+1 so that node ids match the
 *   Cordeau (2006) convention in both cases.
 *
 * The two are told apart by the number of node lines, which is unambiguous.
 */
import { buildProblem, euclideanMatrix } from './model.ts';
import type { NodeSpec, Problem, Request, Vehicle } from './model.ts';

export type DarpFormat = 'cordeau2006' | 'pr';

export interface ParsedInstance {
  problem: Problem;
  format: DarpFormat;
  /** Number of requests. */
  n: number;
}

interface RawNode {
  x: number;
  y: number;
  spec: NodeSpec;
}

function numbers(line: string): number[] {
  return line.trim().split(/\s+/).map(Number);
}

function parseNodeLine(line: string, lineNo: number): RawNode {
  const f = numbers(line);
  if (f.length < 7 || f.slice(0, 7).some((v) => !Number.isFinite(v))) {
    throw new Error(`line ${lineNo}: expected 'id x y service load early late', got '${line.trim()}'`);
  }
  const [, x, y, service, load, early, late] = f as [number, number, number, number, number, number, number];
  return { x, y, spec: { service, load, early, late } };
}

export function parseDarp(text: string, name: string): ParsedInstance {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = numbers(lines[0] ?? '');
  if (header.length < 5 || header.some((v) => !Number.isFinite(v))) {
    throw new Error(`${name}: header must be 'K n T Q L'`);
  }
  const [K, second, T, Q, L] = header as [number, number, number, number, number];
  const nodeLines = lines.length - 1;
  let format: DarpFormat;
  let n: number;
  if (nodeLines === 2 * second + 2) {
    format = 'cordeau2006';
    n = second;
  } else if (nodeLines === second + 1 && second % 2 === 0) {
    format = 'pr';
    n = second / 2;
  } else {
    throw new Error(`${name}: ${nodeLines} node lines do not fit header field ${second} (cordeau2006 or pr)`);
  }
  const raw = lines.slice(1).map((l, i) => parseNodeLine(l, i + 2));
  if (format === 'pr') {
    // The end depot is the start depot: same place, same window, no service.
    const depot = raw[0]!;
    raw.push({ x: depot.x, y: depot.y, spec: { ...depot.spec, service: 0, load: 0 } });
  }
  const coords = new Float64Array(raw.length * 2);
  raw.forEach((r, i) => {
    coords[2 * i] = r.x;
    coords[2 * i + 1] = r.y;
  });
  const requests: Request[] = [];
  for (let i = 1; i <= n; i++) requests.push({ pickup: i, delivery: n + i, maxRide: L });
  const vehicles: Vehicle[] = [];
  for (let k = 0; k < K; k++) vehicles.push({ start: 0, end: 2 * n + 1, capacity: Q, maxDuration: T });
  const problem = buildProblem({
    name,
    nodes: raw.map((r) => r.spec),
    travel: euclideanMatrix(coords),
    requests,
    vehicles,
    coords,
  });
  return { problem, format, n };
}
