/**
 * Counter statistics as pure functions over ended visits: visits per day, time at
 * the counter (median and 90th percentile, in minutes), procedures per visit and
 * the share confirmed on the second screen, overall, by clerk and by bundle.
 *
 * Definitions (so a hand count gives the same numbers):
 * - minutes = (ended_at − started_at) / 60 s, unrounded until shown;
 * - median: the middle value, or the mean of the two middle values for an even count;
 * - p90: nearest rank, the value at position ⌈0.9 × n⌉ of the sorted minutes;
 * - procedures per visit: the mean number of procedures opened in a visit;
 * - second-screen share: visits confirmed on the second screen ÷ visits.
 */
import { addDays, todayInJapan } from '../../platform/time/today.ts';
import type { ConfirmedVia, VisitOutcome } from './tables.ts';

export interface VisitStatRow {
  id: string;
  /** Japan's date the visit started. */
  date: string;
  startedAt: Date;
  endedAt: Date;
  minutes: number;
  staffId: string;
  staffName: string;
  bundleId: string | null;
  procedures: number;
  confirmedVia: ConfirmedVia | null;
  outcome: VisitOutcome;
}

export interface GroupStats {
  visits: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  proceduresPerVisit: number | null;
  secondScreenShare: number | null;
}

export interface CounterStats {
  from: string;
  to: string;
  totals: GroupStats;
  days: ({ date: string } & GroupStats)[];
  clerks: ({ staffId: string; name: string } & GroupStats)[];
  bundles: ({ bundleId: string | null } & GroupStats)[];
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0–100): always one of the values. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function groupStats(rows: VisitStatRow[]): GroupStats {
  const minutes = rows.map((r) => r.minutes);
  return {
    visits: rows.length,
    medianMinutes: median(minutes),
    p90Minutes: percentile(minutes, 90),
    proceduresPerVisit: rows.length ? rows.reduce((sum, r) => sum + r.procedures, 0) / rows.length : null,
    secondScreenShare: rows.length ? rows.filter((r) => r.confirmedVia === 'second_screen').length / rows.length : null,
  };
}

function groupBy<K>(rows: VisitStatRow[], key: (r: VisitStatRow) => K): Map<K, VisitStatRow[]> {
  const groups = new Map<K, VisitStatRow[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Every day of the period appears (a day without visits is a zero, not a gap). */
export function counterStats(rows: VisitStatRow[], from: string, to: string): CounterStats {
  const byDay = groupBy(rows, (r) => r.date);
  const days: CounterStats['days'] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push({ date: d, ...groupStats(byDay.get(d) ?? []) });
  const clerks = [...groupBy(rows, (r) => r.staffId)].map(([staffId, list]) => ({ staffId, name: list[0]!.staffName, ...groupStats(list) })).sort((a, b) => b.visits - a.visits || a.name.localeCompare(b.name, 'ja'));
  const bundles = [...groupBy(rows, (r) => r.bundleId)].map(([bundleId, list]) => ({ bundleId, ...groupStats(list) })).sort((a, b) => b.visits - a.visits || String(a.bundleId).localeCompare(String(b.bundleId)));
  return { from, to, totals: groupStats(rows), days, clerks, bundles };
}

/** A database row of an ended visit → a statistics row. */
export function statRow(row: { id: string; staff_id: string; staff_name: string; bundle_id: string | null; started_at: Date; ended_at: Date | null; outcome: VisitOutcome | null; confirmed_via: ConfirmedVia | null; procedures: string | number | null }): VisitStatRow {
  const ended = row.ended_at ?? row.started_at;
  return {
    id: row.id,
    date: todayInJapan(row.started_at),
    startedAt: row.started_at,
    endedAt: ended,
    minutes: (ended.getTime() - row.started_at.getTime()) / 60_000,
    staffId: row.staff_id,
    staffName: row.staff_name,
    bundleId: row.bundle_id,
    procedures: Number(row.procedures ?? 0),
    confirmedVia: row.confirmed_via,
    outcome: row.outcome ?? 'cancelled',
  };
}
