/**
 * What other services may use of online procedures (the no-writing counter, A9, first).
 * Everything else in this folder is internal. Kept small on purpose:
 *
 * - `listPublishedProcedures(db)`: every published procedure at its current version.
 * - `getPublishedDefinition(db, procedureId)`: that procedure's definition and version, or null.
 * - `prefillFactsFor(db, residentId)`: the register's facts in the forms engine's PrefillFacts shape
 *   (feed them to the engine's `prefill(def, facts)`); the caller audits showing them to staff.
 * - `submitOnBehalf(platform, staff, {...})`: a complete application entered at a counter for a
 *   resident on the register; validated by the forms engine (the same rules as online), channel
 *   `counter`, fee paid at the counter, audited with the identity check and the visit; the
 *   idempotency key makes a repeated press return the first application.
 * - `atCounter(def)` / `counterPresets(def)`: a definition as it applies at the counter (collected
 *   there and then; no delivery by post) and the answers the counter knows without asking.
 * - `applicationSummary(db, applicationId, lang)`: reference, procedure, applicant and the answers
 *   as labelled rows (for the counter's PDF). No access check: call it only for an application
 *   your caller may see (e.g. the one `submitOnBehalf` just returned).
 */
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { summarise, type Answers, type PrefillFacts, type ProcedureDefinition } from '../../engines/forms/index.ts';
import { residentFactsFor } from '../registry/resident-facts.ts';
import { applicationById } from './application-queries.ts';
import { submitComplete, type SubmitResult } from './application-service.ts';
import { canSubmitAtCounter } from './policy.ts';
import { listPublished, procedureVersion, publishedProcedure } from './procedure-store.ts';

export type { SubmitResult };
export { atCounter, counterPresets } from './counter-variant.ts';

export async function listPublishedProcedures(db: Kysely<PlatformTables>): Promise<{ id: string; version: number; definition: ProcedureDefinition }[]> {
  return listPublished(db);
}

export async function getPublishedDefinition(db: Kysely<PlatformTables>, procedureId: string): Promise<{ id: string; version: number; definition: ProcedureDefinition } | null> {
  return publishedProcedure(db, procedureId);
}

export async function prefillFactsFor(db: Kysely<PlatformTables>, residentId: string): Promise<PrefillFacts> {
  return (await residentFactsFor(db, residentId)) ?? {};
}

export interface CounterSubmission {
  /** The registry resident (registry_residents.id) the application is for. */
  residentId: string;
  procedureId: string;
  /** Complete answers in the engine's stored form (e.g. from its readPage over the counter's form). */
  answers: Answers;
  /** Unique per submission attempt (a uuid made when the counter's form is shown). */
  idempotencyKey: string;
  /** How the person was identified, e.g. 'マイナンバーカード' or '運転免許証'. */
  identityCheck: string;
  counterVisitId: string | null;
  /** The counter request's id, carried into the audit entry. */
  requestId?: string | null;
}

export async function submitOnBehalf(platform: Platform, staff: StaffActor, input: CounterSubmission): Promise<{ applicationId: string; reference: string }> {
  const db = platform.db.kysely;
  const procedure = await publishedProcedure(db, input.procedureId);
  if (!procedure) throw notFound();
  requireAccess(canSubmitAtCounter(staff, procedure.definition.department), 'forbidden');
  const facts = await residentFactsFor(db, input.residentId);
  requireAccess(facts !== null);
  const account = await db.selectFrom('resident_accounts').select('id').where('resident_id', '=', input.residentId).orderBy('last_login_at', 'desc').limit(1).executeTakeFirst();
  const result = await submitComplete(
    { db, jobs: platform.jobs, now: platform.now },
    {
      actor: staff,
      // Linked to the resident's login when they have one, so it shows on their my page too.
      residentAccountId: account?.id ?? null,
      residentId: input.residentId,
      fallbackName: facts!.resident.name,
      procedureId: input.procedureId,
      answers: input.answers,
      // Scoped by the visit, not the clerk: a colleague who takes over the visit and presses
      // submit again must get the same application (the key is the visit's form's own).
      scopedKey: `counter:${input.counterVisitId ?? staff.id}:${input.idempotencyKey}`,
      paymentMethod: 'counter',
      onlinePaymentAvailable: false,
      channel: 'counter',
      counter: { identityCheck: input.identityCheck.slice(0, 200), counterVisitId: input.counterVisitId },
      requestId: input.requestId ?? null,
    },
  );
  return { applicationId: result.id, reference: result.reference };
}

export interface ApplicationSummary {
  id: string;
  reference: string | null;
  procedureId: string;
  version: number;
  title: string;
  applicantName: string;
  status: string;
  submittedAt: Date | null;
  dueDate: string | null;
  feeYen: number;
  sections: { pageId: string; title: string; rows: { fieldId: string; label: string; display: string }[] }[];
}

export async function applicationSummary(db: Kysely<PlatformTables>, applicationId: string, lang: 'ja' | 'en'): Promise<ApplicationSummary> {
  const row = await applicationById(db, applicationId);
  if (!row) throw notFound();
  const def = await procedureVersion(db, row.procedure_id, row.procedure_version);
  return {
    id: row.id,
    reference: row.reference,
    procedureId: row.procedure_id,
    version: row.procedure_version,
    title: def.title[lang],
    applicantName: row.applicant_name,
    status: row.status,
    submittedAt: row.submitted_at,
    dueDate: row.due_date,
    feeYen: row.fee_yen,
    sections: summarise(def, row.answers, lang),
  };
}
