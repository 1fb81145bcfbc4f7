/**
 * What a new application is prefilled with: the resident register's facts (name,
 * address, household), else — for logins not matched to the register — what the
 * identity provider said about the person; plus the phone and e-mail given in the
 * resident's latest application, since the register holds neither. And who the
 * applicant is, for staff lists.
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { prefill, type Answers, type Page, type PrefillFacts, type ProcedureDefinition } from '../../engines/forms/index.ts';
import { residentFactsFor } from '../registry/resident-facts.ts';
import { procedureVersion } from './procedure-store.ts';
import { proceduresDb } from './tables.ts';

/**
 * Facts to prefill from: the register (name, address, household) and, because the
 * register holds no phone or e-mail, the contact details the resident gave in their
 * latest application.
 */
export async function prefillFactsFor(db: Kysely<PlatformTables>, residentId: string | null, accountId: string | null = null): Promise<PrefillFacts> {
  const facts = residentId ? await residentFactsFor(db, residentId) : null;
  const contact = accountId ? await lastContact(db, accountId) : {};
  if (facts) return { ...facts, resident: { ...facts.resident, ...contact } };
  // Not matched to the register (a password login, or someone moving in): the identity
  // provider's own facts about the person are still better than empty boxes.
  const claimed = accountId ? await claimedFacts(db, accountId) : {};
  return { resident: { ...claimed, ...contact } };
}

/** Whether a page has a field the register could fill that has no answer yet. */
export function needsPrefill(page: Page, answers: Answers): boolean {
  return page.fields.some((f) => f.prefill && answers[f.id] === undefined);
}

/**
 * The register's suggestions for the fields of one page that have no answer, whenever
 * the page is shown: a draft started before the login was matched to the register, or
 * a household list dropped while an answer hid it, gets them again. A field the
 * resident saved, even emptied (mergePageAnswers keeps that as '' or []), is never
 * touched, and nothing is written: the page's own post saves what the resident keeps.
 */
export function prefillUnanswered(def: ProcedureDefinition, page: Page, answers: Answers, facts: PrefillFacts): Answers {
  const suggested = prefill(def, facts);
  const out: Answers = { ...answers };
  for (const field of page.fields) {
    if (field.prefill && out[field.id] === undefined && suggested[field.id] !== undefined) out[field.id] = suggested[field.id]!;
  }
  return out;
}

async function claimedFacts(db: Kysely<PlatformTables>, accountId: string): Promise<NonNullable<PrefillFacts['resident']>> {
  const account = await db.selectFrom('resident_accounts').select('claims').where('id', '=', accountId).executeTakeFirst();
  const c = (account?.claims ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
  const address = c.address && typeof c.address === 'object' ? text((c.address as { formatted?: unknown }).formatted) : text(c.address);
  const facts = { name: text(c.name), nameKana: text(c.name_kana), birthDate: text(c.birthdate), gender: text(c.gender), address, email: text(c.email), phone: text(c.phone_number) };
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined));
}

async function lastContact(db: Kysely<PlatformTables>, accountId: string): Promise<{ phone?: string; email?: string }> {
  const last = await proceduresDb(db)
    .selectFrom('applications')
    .select(['procedure_id', 'procedure_version', 'answers'])
    .where('resident_account_id', '=', accountId)
    .where('reference', 'is not', null)
    .orderBy('submitted_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return {};
  const def = await procedureVersion(db, last.procedure_id, last.procedure_version);
  const found: { phone?: string; email?: string } = {};
  for (const field of def.pages.flatMap((p) => p.fields)) {
    const value = last.answers[field.id];
    if (typeof value !== 'string' || !value) continue;
    if (field.prefill === 'resident.phone') found.phone ??= value;
    if (field.prefill === 'resident.email') found.email ??= value;
  }
  return found;
}

/** Who is applying, for staff lists: the name and kana answered (prefilled from the register), else the login's name. */
export function applicantOf(def: ProcedureDefinition, answers: Answers, fallback: string): { name: string; kana: string } {
  let name = '';
  let kana = '';
  for (const field of def.pages.flatMap((p) => p.fields)) {
    const value = answers[field.id];
    if (typeof value !== 'string') continue;
    if (field.prefill === 'resident.name' && !name) name = value;
    if (field.prefill === 'resident.nameKana' && !kana) kana = value;
  }
  return { name: name || fallback, kana };
}
