/**
 * Finding the person at the counter in the register: by フリガナ (hiragana,
 * katakana or half-width, from the start of the family or the given name, or the
 * whole name) and birth date (和暦 or Western). The search is the registry's own
 * (`searchResidents`, which applies its access rule); this file narrows its
 * substring matches to names that start with what was typed, and records who
 * looked up whom.
 */
import type { Kysely } from 'kysely';
import { auditActorOf, type StaffActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { isKana } from '../../platform/text/kana.ts';
import { kanaSearchKey } from '../../platform/text/search-key.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { searchResidents } from '../registry/registry-service.ts';
import { canUseCounter } from './policy.ts';

/** More than this many people with one birth date and the same start of a name: ask for more of the name. */
const MAX_PAGES = 5;

export interface LookupQuery {
  kana: string;
  birthDate: string;
}

export type Candidate = Awaited<ReturnType<typeof searchResidents>>['rows'][number];

/** The search form (NFKC-normalised, trimmed) → a query, or errors naming the field and the fix. */
export function readLookup(form: { kana: string; birthDate: string }): { query: LookupQuery | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!form.kana) errors.push({ field: 'kana', messageKey: 'counter.search.error.kanaRequired' });
  else if (!isKana(form.kana)) errors.push({ field: 'kana', messageKey: 'counter.search.error.kana' });
  let birthDate = '';
  if (!form.birthDate) errors.push({ field: 'birthDate', messageKey: 'counter.search.error.birthRequired' });
  else {
    const parsed = parseJapaneseDate(form.birthDate);
    if (parsed.ok) birthDate = parsed.iso;
    else errors.push({ field: 'birthDate', messageKey: parsed.reason === 'era-range' ? 'counter.search.error.birthEra' : parsed.reason === 'invalid-date' ? 'counter.search.error.birthInvalid' : 'counter.search.error.birth' });
  }
  return errors.length ? { query: null, errors } : { query: { kana: form.kana, birthDate }, errors: [] };
}

/** Whether a registry row's family name, given name or whole name starts with the typed kana. */
export function startsWithKana(row: { family_name_kana: string; given_name_kana: string }, kana: string): boolean {
  const key = kanaSearchKey(kana);
  if (!key) return false;
  return [row.family_name_kana, row.given_name_kana, `${row.family_name_kana}${row.given_name_kana}`].some((name) => kanaSearchKey(name).startsWith(key));
}

/**
 * The people matching the query. The registry's own rule decides who may search the
 * register: a counter user it refuses (the DX administrator) gets its 403 error.
 */
export async function findAtCounter(db: Kysely<PlatformTables>, staff: StaffActor, query: LookupQuery, requestId: string): Promise<{ candidates: Candidate[]; truncated: boolean }> {
  requireAccess(canUseCounter(staff), 'forbidden');
  const candidates: Candidate[] = [];
  let truncated = false;
  for (let page = 1; ; page++) {
    const { rows, pageCount } = await searchResidents(db, staff, { kana: query.kana, birthDate: query.birthDate }, page);
    candidates.push(...rows.filter((r) => startsWithKana(r, query.kana)));
    if (page >= pageCount) break;
    if (page >= MAX_PAGES) {
      truncated = true;
      break;
    }
  }
  // The list shows register data (names, addresses): who looked up whom is recorded.
  await recordAudit(db, {
    actor: auditActorOf(staff),
    action: 'counter.resident.searched',
    targetType: 'resident',
    targetId: candidates.length === 1 ? candidates[0]!.id : null,
    details: { found: candidates.map((c) => c.id), truncated },
    requestId,
  });
  return { candidates, truncated };
}
