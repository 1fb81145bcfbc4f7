/** The period of the counter statistics (和暦 or Western dates) and the statistics of its ended visits. */
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { addDays, japanInstant } from '../../platform/time/today.ts';
import { endedVisitsBetween } from './counter-queries.ts';
import { counterStats, statRow, type CounterStats, type VisitStatRow } from './counter-stats.ts';
import { canUseCounter } from './policy.ts';
import { counterDb } from './tables.ts';

/** Without dates: the last 30 days, today included. */
export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 366;

const DATE_ERRORS = { format: 'counter.stats.error.date', 'invalid-date': 'counter.stats.error.dateInvalid', 'era-range': 'counter.stats.error.dateEra' } as const;

export function readRange(input: { from?: string; to?: string }, today: string): { range: { from: string; to: string } | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const parsed: { from?: string; to?: string } = {};
  for (const field of ['from', 'to'] as const) {
    const raw = (input[field] ?? '').normalize('NFKC').trim();
    if (!raw) continue;
    const result = parseJapaneseDate(raw);
    if (result.ok) parsed[field] = result.iso;
    else errors.push({ field, messageKey: DATE_ERRORS[result.reason] });
  }
  if (errors.length) return { range: null, errors };
  const to = parsed.to ?? today;
  const from = parsed.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) return { range: null, errors: [{ field: 'from', messageKey: 'counter.stats.error.order' }] };
  if (addDays(from, MAX_DAYS - 1) < to) return { range: null, errors: [{ field: 'from', messageKey: 'counter.stats.error.tooLong', params: { days: MAX_DAYS } }] };
  return { range: { from, to }, errors: [] };
}

export async function visitStats(db: Kysely<PlatformTables>, staff: StaffActor, range: { from: string; to: string }): Promise<{ rows: VisitStatRow[]; stats: CounterStats }> {
  requireAccess(canUseCounter(staff), 'forbidden');
  const found = await endedVisitsBetween(counterDb(db), japanInstant(range.from, 0), japanInstant(addDays(range.to, 1), 0));
  const rows = found.map(statRow);
  return { rows, stats: counterStats(rows, range.from, range.to) };
}
