/**
 * What a resident does with an application: start (answers prefilled from the
 * register), save pages of a draft, submit (once, whatever the clicks), correct
 * and resubmit when returned, withdraw before a decision, pay the fee. Every
 * function takes the actor first and asks "is this theirs?" before anything else;
 * another resident's application is a 404.
 */
import type { Kysely } from 'kysely';
import { auditActorOf, type ResidentActor, type StaffActor } from '../../platform/access/actor.ts';
import type { AuditActor } from '../../platform/audit/audit-log.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { DomainError, notFound, type FieldError } from '../../platform/http/errors.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { todayInJapan } from '../../platform/time/today.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { canonicalJson, feeYen, firstPageId, normaliseAnswers, prefill, type Answers, type FieldError as FormFieldError, type ProcedureDefinition } from '../../engines/forms/index.ts';
import { applicationById, applicationByIdempotencyKey, insertEvent, nextReference, type ApplicationRow } from './application-queries.ts';
import { applyTransition, notAllowed } from './application-transitions.ts';
import { enqueueNotice } from './application-notices.ts';
import { addBusinessDays, businessDaysBetween } from '../../platform/time/business-days.ts';
import { isOwnApplication } from './policy.ts';
import { procedureVersion, publishedProcedure } from './procedure-store.ts';
import { applicantOf, prefillFactsFor } from './prefill-facts.ts';
import { createMovingTasks } from './moving-one-stop.ts';
import { atCounter, DELIVERY_FIELD } from './counter-variant.ts';
import { refundExcess } from './application-payment.ts';
import type { Payments } from '../../platform/payments/payments.ts';
import { proceduresDb, type PaymentMethod, type ProceduresDb } from './tables.ts';

/** Demo data is entered by the system, not by a person. */
export interface SystemActor {
  kind: 'system';
  id: string;
}

const auditActorOfAny = (actor: ResidentActor | StaffActor | SystemActor): AuditActor => (actor.kind === 'system' ? { type: 'system', id: actor.id } : auditActorOf(actor));

export interface ProceduresCtx {
  db: Kysely<PlatformTables>;
  jobs: JobQueue | null;
  now: () => Date;
  /**
   * The platform's payments: needed where an application's fee can change or end
   * (resubmit, withdraw, reject) so money paid online goes back. Without it those
   * paths do not refund, so every route that calls them passes `platform.payments`.
   */
  payments?: Payments | null;
}

export const EDITABLE_STATUSES = ['draft', 'returned'] as const;
export const notEditable = () => new DomainError('not_editable', 409, 'procedures.error.notEditable');
export const cardRequired = () => new DomainError('card_required', 403, 'procedures.card.required.body');

/** Engine field errors as platform field errors (the message is already in both languages). */
export function asFieldErrors(errors: FormFieldError[], locale: 'ja' | 'en' = 'ja'): FieldError[] {
  return errors.map((e) => ({ field: e.fieldId, messageKey: 'procedures.fieldError', params: { text: locale === 'en' ? e.message.en : e.message.ja } }));
}

/** The resident's own application or a 404 (also for malformed ids and other people's). */
export async function ownApplication(db: Kysely<PlatformTables> | ProceduresDb, resident: ResidentActor, id: string, options: { forUpdate?: boolean } = {}): Promise<ApplicationRow> {
  const row = await applicationById(db, id, options);
  requireAccess(row !== null && isOwnApplication(resident, row));
  return row!;
}

export function requireAssurance(resident: ResidentActor, def: ProcedureDefinition): void {
  if (def.assurance === 'card' && resident.assurance !== 'card') throw cardRequired();
}

/** Starts a draft on the procedure's current version, prefilled; returns where to go first. */
export async function startApplication(ctx: ProceduresCtx, resident: ResidentActor, procedureId: string, meta: { requestId?: string } = {}): Promise<{ id: string; pageId: string | null }> {
  const procedure = await publishedProcedure(ctx.db, procedureId);
  if (!procedure) throw notFound();
  const def = procedure.definition;
  requireAssurance(resident, def);
  const answers = prefill(def, await prefillFactsFor(ctx.db, resident.residentId, resident.accountId));
  const now = ctx.now();
  const applicant = applicantOf(def, answers, resident.displayName);
  const pageId = firstPageId(def, answers);
  const id = await proceduresDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto('applications')
        .values({
          procedure_id: def.id,
          procedure_version: procedure.version,
          resident_account_id: resident.accountId,
          resident_id: resident.residentId,
          applicant_name: applicant.name,
          applicant_kana: applicant.kana,
          answers: JSON.stringify(answers),
          current_page_id: pageId,
          channel: 'online',
          department_code: def.department,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertEvent(trx, { applicationId: row.id, actor: { type: 'resident', id: resident.accountId }, kind: 'draft', to: 'draft', at: now });
      await recordAudit(trx, { actor: auditActorOf(resident), action: 'procedures.application.started', targetType: 'procedure-application', targetId: row.id, details: { procedure: def.id, version: procedure.version }, requestId: meta.requestId ?? null });
      return row.id;
    });
  return { id, pageId };
}

/** The definition an application was started on (never the procedure's newer versions). */
export async function definitionOf(db: Kysely<PlatformTables> | ProceduresDb, row: { procedure_id: string; procedure_version: number }): Promise<ProcedureDefinition> {
  return procedureVersion(db, row.procedure_id, row.procedure_version);
}

/**
 * Stores the answers of a draft (or of a returned application being corrected) and the
 * page to resume on. The caller has merged the page's answers in (page-flow.ts).
 */
export async function saveAnswers(ctx: ProceduresCtx, resident: ResidentActor, id: string, answers: Answers, resumeAt: string | null, meta: { requestId?: string } = {}): Promise<void> {
  await proceduresDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      const row = await ownApplication(trx, resident, id, { forUpdate: true });
      if (!(EDITABLE_STATUSES as readonly string[]).includes(row.status)) throw notEditable();
      const def = await definitionOf(trx, row);
      const applicant = applicantOf(def, answers, row.applicant_name);
      await trx
        .updateTable('applications')
        .set({ answers: JSON.stringify(answers), current_page_id: resumeAt, applicant_name: applicant.name, applicant_kana: applicant.kana, updated_at: ctx.now() })
        .where('id', '=', row.id)
        .execute();
      // A draft is the resident's own unsent work; a returned application is already with the city, so its edits are audited.
      if (row.status === 'returned') {
        await recordAudit(trx, { actor: auditActorOf(resident), action: 'procedures.application.corrected', targetType: 'procedure-application', targetId: row.id, details: { reference: row.reference, page: resumeAt }, requestId: meta.requestId ?? null });
      }
    });
}

/** The answers a submission stores: hidden pages and fields dropped, every value in its canonical form, checked as a whole. */
export function finalAnswers(def: ProcedureDefinition, answers: Answers, today: string): { answers: Answers; errors: FormFieldError[] } {
  return normaliseAnswers(def, answers, { today });
}

export function incomplete(errors: FormFieldError[]) {
  return new DomainError('incomplete', 400, 'procedures.error.incomplete', {}, asFieldErrors(errors));
}

export { DELIVERY_FIELD };

/** Sent by post: the resident never comes to a counter, so paying there is impossible. */
export function deliveredByPost(def: ProcedureDefinition, answers: Answers): boolean {
  return (def.delivery ?? []).includes('mail') && answers[DELIVERY_FIELD] === 'mail';
}

/** The payment methods the check page may offer for these answers (online only while a payment provider is configured; never the counter for post). */
export function paymentOptionsFor(def: ProcedureDefinition, answers: Answers, onlineAvailable: boolean): PaymentMethod[] {
  const byPost = deliveredByPost(def, answers);
  return (def.payment ?? []).filter((p): p is PaymentMethod => (p === 'online' && onlineAvailable) || (p === 'counter' && !byPost));
}

const paymentError = (messageKey: string) => new DomainError('invalid_input', 400, messageKey, {}, [{ field: 'paymentMethod', messageKey }]);

/** How the fee is paid: one of `paymentOptionsFor`; a certificate sent by post cannot be paid at the counter. */
export function checkPaymentMethod(def: ProcedureDefinition, fee: number, method: PaymentMethod | null, onlineAvailable: boolean, answers: Answers = {}): PaymentMethod | null {
  if (fee <= 0) return null;
  const offered = paymentOptionsFor(def, answers, onlineAvailable);
  if (method && offered.includes(method)) return method;
  if (!method && offered.length === 1) return offered[0]!;
  if (deliveredByPost(def, answers)) {
    // Say why: the counter payment contradicts the post, and without online payment the post cannot be paid for at all.
    throw paymentError(onlineAvailable ? 'procedures.check.payment.byPostNotCounter' : 'procedures.check.payment.byPostNeedsOnline');
  }
  throw paymentError('procedures.check.payment.required');
}

export interface SubmitResult {
  id: string;
  reference: string;
  /** True when this was a repeat of a submission already made (a double click, a retry). */
  repeated: boolean;
}

/** Submits a draft. A second submission of the same draft (double click, two tabs) answers with the first. */
export async function submitApplication(
  ctx: ProceduresCtx,
  resident: ResidentActor,
  id: string,
  input: { idempotencyKey: string; paymentMethod: PaymentMethod | null; onlinePaymentAvailable: boolean },
  meta: { requestId?: string } = {},
): Promise<SubmitResult> {
  return proceduresDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      const row = await ownApplication(trx, resident, id, { forUpdate: true });
      if (row.status !== 'draft') {
        if (row.reference && row.status !== 'withdrawn') return { id: row.id, reference: row.reference, repeated: true };
        throw notEditable();
      }
      const def = await definitionOf(trx, row);
      requireAssurance(resident, def);
      const now = ctx.now();
      const today = todayInJapan(now);
      const { answers, errors } = finalAnswers(def, row.answers, today);
      if (errors.length) throw incomplete(errors);
      const fee = feeYen(def, answers);
      const paymentMethod = checkPaymentMethod(def, fee, input.paymentMethod, input.onlinePaymentAvailable, answers);
      const reference = await nextReference(trx, today.slice(0, 4));
      const applicant = applicantOf(def, answers, row.applicant_name);
      await applyTransition(trx, ctx.jobs, row, 'submit', resident, now, {
        set: {
          reference,
          answers: JSON.stringify(answers),
          fee_yen: fee,
          payment_method: paymentMethod,
          submitted_at: now,
          due_date: addBusinessDays(today, def.processingDays),
          idempotency_key: `resident:${resident.accountId}:${input.idempotencyKey}`,
          applicant_name: applicant.name,
          applicant_kana: applicant.kana,
          current_page_id: null,
        },
        requestId: meta.requestId ?? null,
      });
      // Tell us once: a move notification opens follow-up tasks for every department concerned.
      await createMovingTasks(trx, { id: row.id, procedure_id: row.procedure_id, answers, resident_id: row.resident_id, applicant_name: applicant.name }, { now, requestId: meta.requestId ?? null });
      return { id: row.id, reference, repeated: false };
    });
}

/**
 * Submits a complete application in one call (the JSON API; the counter uses the same
 * core through public-api.ts). The idempotency key makes a retry return the first result.
 */
export async function submitComplete(
  ctx: ProceduresCtx,
  input: {
    /** Who submits: the resident online, staff at a counter, or the demo seed ('system'). */
    actor: ResidentActor | StaffActor | SystemActor;
    residentAccountId: string | null;
    residentId: string | null;
    fallbackName: string;
    procedureId: string;
    answers: Answers;
    scopedKey: string;
    paymentMethod: PaymentMethod | null;
    onlinePaymentAvailable: boolean;
    channel: 'online' | 'counter';
    /** The JSON API: a key sent again with a different request is refused (409) instead of answered with the first. */
    sameRequestOnly?: boolean;
    counter?: { identityCheck: string; counterVisitId: string | null };
    requestId?: string | null;
  },
): Promise<SubmitResult> {
  const pdb = proceduresDb(ctx.db);
  const existing = await applicationByIdempotencyKey(pdb, input.scopedKey);
  if (existing?.reference) return repeatOf(ctx, existing, input);
  const procedure = await publishedProcedure(ctx.db, input.procedureId);
  if (!procedure) throw notFound();
  // At a counter the certificate is handed over there and then (counter-variant.ts): validated as the counter's screen was.
  const def = input.channel === 'counter' ? atCounter(procedure.definition) : procedure.definition;
  if (input.actor.kind === 'resident') requireAssurance(input.actor, def);
  const now = ctx.now();
  const today = todayInJapan(now);
  const { answers, errors } = finalAnswers(def, input.answers, today);
  if (errors.length) throw incomplete(errors);
  const fee = feeYen(def, answers);
  const paymentMethod = input.channel === 'counter' ? (fee > 0 ? 'counter' : null) : checkPaymentMethod(def, fee, input.paymentMethod, input.onlinePaymentAvailable, answers);
  const applicant = applicantOf(def, answers, input.fallbackName);
  const actorAudit = auditActorOfAny(input.actor);
  try {
    return await pdb.transaction().execute(async (trx) => {
      const reference = await nextReference(trx, today.slice(0, 4));
      const row = await trx
        .insertInto('applications')
        .values({
          reference,
          procedure_id: def.id,
          procedure_version: procedure.version,
          resident_account_id: input.residentAccountId,
          resident_id: input.residentId,
          applicant_name: applicant.name,
          applicant_kana: applicant.kana,
          status: 'submitted',
          answers: JSON.stringify(answers),
          current_page_id: null,
          fee_yen: fee,
          payment_method: paymentMethod,
          channel: input.channel,
          department_code: def.department,
          submitted_at: now,
          due_date: addBusinessDays(today, def.processingDays),
          submitted_by_staff_id: input.actor.kind === 'staff' ? input.actor.id : null,
          identity_check: input.counter?.identityCheck ?? null,
          counter_visit_id: input.counter?.counterVisitId ?? null,
          idempotency_key: input.scopedKey,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (input.counter?.counterVisitId) await linkCounterFiles(trx, row.id, input.counter.counterVisitId, answers);
      await insertEvent(trx, {
        applicationId: row.id,
        actor: { type: actorAudit.type === 'staff' ? 'staff' : actorAudit.type === 'system' ? 'system' : 'resident', id: actorAudit.id },
        kind: 'submitted',
        from: null,
        to: 'submitted',
        at: now,
      });
      await recordAudit(trx, {
        actor: actorAudit,
        action: 'procedures.application.submit',
        targetType: 'procedure-application',
        targetId: row.id,
        details: { procedure: def.id, version: procedure.version, reference, channel: input.channel, ...(input.counter ? { identityCheck: input.counter.identityCheck, counterVisitId: input.counter.counterVisitId } : {}) },
        requestId: input.requestId ?? null,
      });
      // Demo applications are invented: nobody to tell.
      if (input.actor.kind !== 'system') await enqueueNotice(trx, ctx.jobs, row.id, 'submitted', now);
      await createMovingTasks(trx, { id: row.id, procedure_id: def.id, answers, resident_id: input.residentId, applicant_name: applicant.name }, { now, requestId: input.requestId ?? null });
      return { id: row.id, reference, repeated: false };
    });
  } catch (error) {
    // Two requests with one key raced: the loser answers with the winner's application.
    const winner = await applicationByIdempotencyKey(pdb, input.scopedKey);
    if (winner?.reference) return repeatOf(ctx, winner, input);
    throw error;
  }
}

export const idempotencyKeyReused = () =>
  new DomainError('idempotency_key_reused', 409, 'procedures.api.error.idempotencyKeyReused', {}, [{ field: 'Idempotency-Key', messageKey: 'procedures.api.error.idempotencyKeyReused' }]);

/**
 * A repeat of a submission already made answers with that application, but only when
 * it is the same request: a key sent again with other answers (a client reusing keys)
 * would otherwise silently drop the new application. Compared as the first was stored:
 * the answers normalised by the application's own version, the procedure and the
 * payment method asked for.
 */
async function repeatOf(ctx: ProceduresCtx, existing: ApplicationRow, input: { procedureId: string; answers: Answers; paymentMethod: PaymentMethod | null; sameRequestOnly?: boolean }): Promise<SubmitResult> {
  if (input.sameRequestOnly && !(await sameSubmission(ctx, existing, input))) throw idempotencyKeyReused();
  return { id: existing.id, reference: existing.reference!, repeated: true };
}

async function sameSubmission(ctx: ProceduresCtx, existing: ApplicationRow, input: { procedureId: string; answers: Answers; paymentMethod: PaymentMethod | null }): Promise<boolean> {
  if (existing.procedure_id !== input.procedureId) return false;
  if (input.paymentMethod !== null && input.paymentMethod !== existing.payment_method) return false;
  const def = await definitionOf(ctx.db, existing);
  const { answers, errors } = finalAnswers(def, input.answers, todayInJapan(ctx.now()));
  return errors.length === 0 && canonicalJson(answers) === canonicalJson(existing.answers);
}

/**
 * A returned application, corrected, goes back to the department. The fee follows the
 * corrected answers (e.g. a different number of copies). If it was paid and the fee
 * went up, the application is no longer paid in full: `paid_at` is cleared and the
 * resident is asked for the difference only (application-payment.ts works it out from
 * the payments). If it went down, the difference is refunded once the resubmission
 * has committed.
 */
export async function resubmitApplication(ctx: ProceduresCtx, resident: ResidentActor, id: string, meta: { requestId?: string } = {}): Promise<SubmitResult> {
  const result = await proceduresDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      const row = await ownApplication(trx, resident, id, { forUpdate: true });
      if (row.status === 'resubmitted') return { id: row.id, reference: row.reference!, repeated: true, lowered: false };
      if (row.status !== 'returned') throw notAllowed();
      const def = await definitionOf(trx, row);
      const now = ctx.now();
      const { answers, errors } = finalAnswers(def, row.answers, todayInJapan(now));
      if (errors.length) throw incomplete(errors);
      const fee = feeYen(def, answers);
      const raised = fee > row.fee_yen && row.paid_at !== null;
      const dueDate = await dueAfterCorrection(trx, row, todayInJapan(now));
      await applyTransition(trx, ctx.jobs, row, 'resubmit', resident, now, { set: { answers: JSON.stringify(answers), fee_yen: fee, current_page_id: null, due_date: dueDate, ...(raised ? { paid_at: null } : {}) }, requestId: meta.requestId ?? null });
      await createMovingTasks(trx, { ...row, answers }, { now, requestId: meta.requestId ?? null });
      return { id: row.id, reference: row.reference!, repeated: false, lowered: fee < row.fee_yen };
    });
  // After the commit: the provider is a remote call and must not hold the application's row lock.
  if (result.lowered && ctx.payments) await refundExcess({ db: ctx.db, payments: ctx.payments, now: ctx.now }, resident, result.id, 'fee-lowered', { requestId: meta.requestId ?? null });
  return { id: result.id, reference: result.reference, repeated: result.repeated };
}

/**
 * Withdraws before a decision (a draft withdrawn is a discarded draft). A fee paid
 * online is refunded in full after the withdrawal commits.
 */
export async function withdrawApplication(ctx: ProceduresCtx, resident: ResidentActor, id: string, reason: string, meta: { requestId?: string } = {}): Promise<{ reference: string | null }> {
  const result = await proceduresDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      const row = await ownApplication(trx, resident, id, { forUpdate: true });
      const now = ctx.now();
      await applyTransition(trx, ctx.jobs, row, 'withdraw', resident, now, { message: reason.slice(0, 1000), requestId: meta.requestId ?? null });
      return { id: row.id, reference: row.reference };
    });
  await refundClosed(ctx, resident, result.id, 'withdrawn', meta);
  return { reference: result.reference };
}

/** After a withdrawal or refusal has committed: everything paid online goes back (one place for both). */
export async function refundClosed(ctx: ProceduresCtx, actor: ResidentActor | StaffActor, applicationId: string, cause: 'withdrawn' | 'rejected', meta: { requestId?: string } = {}): Promise<number> {
  if (!ctx.payments) return 0;
  return refundExcess({ db: ctx.db, payments: ctx.payments, now: ctx.now }, actor, applicationId, cause, { requestId: meta.requestId ?? null, everything: true });
}

/** The latest draft of this procedure the resident can continue, if any. */
export async function latestDraft(db: Kysely<PlatformTables>, resident: ResidentActor, procedureId: string) {
  return proceduresDb(db)
    .selectFrom('applications')
    .select(['id', 'current_page_id', 'updated_at'])
    .where('resident_account_id', '=', resident.accountId)
    .where('procedure_id', '=', procedureId)
    .where('status', '=', 'draft')
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every file answer with the field it answers (top level and inside groups, e.g. 'members.1.proof'). */
function fileAnswers(answers: Answers, prefix = ''): { fieldId: string; fileId: string }[] {
  return Object.entries(answers).flatMap(([key, value]) => {
    if (Array.isArray(value)) {
      return value.flatMap((item, i) => (item !== null && typeof item === 'object' ? fileAnswers(item as Answers, `${prefix}${key}.${i}.`) : []));
    }
    if (value !== null && typeof value === 'object' && 'fileId' in value && typeof value.fileId === 'string') return [{ fieldId: `${prefix}${key}`, fileId: value.fileId }];
    return [];
  });
}

/**
 * Documents scanned at the counter belong to the visit until submitted; link those the
 * application answers with, so the department opens them like a resident's uploads.
 * A file of another visit (or anyone else's) is never linked.
 */
async function linkCounterFiles(trx: ProceduresDb, applicationId: string, counterVisitId: string, answers: Answers): Promise<void> {
  for (const { fieldId, fileId } of fileAnswers(answers)) {
    if (!isUuid(fileId)) continue;
    const owned = await trx.selectFrom('files').select('id').where('id', '=', fileId).where('owner_type', '=', 'counter-visit').where('owner_id', '=', counterVisitId).executeTakeFirst();
    if (owned) await trx.insertInto('application_files').values({ application_id: applicationId, file_id: fileId, field_id: fieldId, uploaded_by: 'staff' }).onConflict((oc) => oc.doNothing()).execute();
  }
}

/**
 * The time an application waits for the resident's correction is not the department's
 * (補正に要する期間は標準処理期間に含めない): the due date moves on by the business days
 * between the return and the resubmission.
 */
async function dueAfterCorrection(trx: ProceduresDb, row: ApplicationRow, today: string): Promise<string | null> {
  if (!row.due_date) return row.due_date;
  const returned = await trx.selectFrom('application_events').select('at').where('application_id', '=', row.id).where('to_status', '=', 'returned').orderBy('at', 'desc').limit(1).executeTakeFirst();
  if (!returned) return row.due_date;
  const waited = businessDaysBetween(todayInJapan(new Date(returned.at)), today);
  return waited > 0 ? addBusinessDays(row.due_date, waited) : row.due_date;
}
