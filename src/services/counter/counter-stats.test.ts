import { test } from 'node:test';
import assert from 'node:assert/strict';
import { counterStats, groupStats, median, percentile, type VisitStatRow } from './counter-stats.ts';

test('median: the middle value, or the mean of the two middle values', () => {
  assert.equal(median([]), null);
  assert.equal(median([7]), 7);
  assert.equal(median([30, 10, 20]), 20);
  assert.equal(median([40, 10, 30, 20]), 25);
});

test('p90 by nearest rank is always one of the values', () => {
  assert.equal(percentile([], 90), null);
  assert.equal(percentile([5], 90), 5);
  // ⌈0.9 × 10⌉ = 9th smallest
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9);
  // ⌈0.9 × 6⌉ = 6th smallest
  assert.equal(percentile([5, 10, 20, 30, 40, 65], 90), 65);
  assert.equal(percentile([3, 1, 2], 50), 2);
});

const row = (date: string, minutes: number, staffId: string, procedures: number, via: VisitStatRow['confirmedVia'], bundleId: string | null = null): VisitStatRow => ({
  id: `${date}-${minutes}`,
  date,
  startedAt: new Date(`${date}T09:00:00+09:00`),
  endedAt: new Date(Date.parse(`${date}T09:00:00+09:00`) + minutes * 60_000),
  minutes,
  staffId,
  staffName: staffId,
  bundleId,
  procedures,
  confirmedVia: via,
  outcome: 'completed',
});

test('groups: procedures per visit and the second-screen share', () => {
  const g = groupStats([row('2026-06-01', 10, 'a', 1, 'second_screen'), row('2026-06-01', 20, 'a', 3, 'clerk_screen'), row('2026-06-01', 30, 'b', 2, null), row('2026-06-01', 40, 'b', 2, 'second_screen')]);
  assert.deepEqual(g, { visits: 4, medianMinutes: 25, p90Minutes: 40, proceduresPerVisit: 2, secondScreenShare: 0.5 });
  assert.deepEqual(groupStats([]), { visits: 0, medianMinutes: null, p90Minutes: null, proceduresPerVisit: null, secondScreenShare: null });
});

test('every day of the period is listed, days without visits as zeros; clerks and bundles grouped', () => {
  const stats = counterStats([row('2026-06-01', 10, 'a', 1, null), row('2026-06-03', 20, 'b', 2, null, 'move-in'), row('2026-06-03', 30, 'b', 2, null, 'move-in')], '2026-06-01', '2026-06-04');
  assert.deepEqual(stats.days.map((d) => [d.date, d.visits]), [['2026-06-01', 1], ['2026-06-02', 0], ['2026-06-03', 2], ['2026-06-04', 0]]);
  assert.deepEqual(stats.clerks.map((c) => [c.staffId, c.visits, c.medianMinutes]), [['b', 2, 25], ['a', 1, 10]]);
  assert.deepEqual(stats.bundles.map((b) => [b.bundleId, b.visits]), [['move-in', 2], [null, 1]]);
});
