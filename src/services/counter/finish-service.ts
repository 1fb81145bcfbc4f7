/**
 * Finishing a visit's forms: submitted directly to the handling department (through
 * the procedures service's submitOnBehalf, channel counter) or printed for one
 * signature. A direct submission needs the resident's confirmation of the current
 * content and a complete form; printing needs a form complete but for attachments
 * (the signature on paper is the confirmation). A repeated press submits nothing
 * twice: each form carries its idempotency key from the moment it was opened.
 */
import { auditActorOf, type StaffActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { submitOnBehalf } from '../procedures/public-api.ts';
import { finishForm } from './counter-queries.ts';
import { printBlockingErrors } from './form-state.ts';
import { describeIdentityCheck } from './identity-methods.ts';
import { canUseCounter } from './policy.ts';
import { counterDb, type FormFinish } from './tables.ts';
import { identityOf, loadVisit, type Meta, type VisitForm } from './visit-service.ts';

export interface FinishProblem {
  procedureId: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export interface FinishResult {
  submitted: { procedureId: string; reference: string }[];
  printed: string[];
  problems: FinishProblem[];
}

/**
 * Why a form may not be finished this way, as a message key; null when it may. A
 * visitor not on the register signs the printed form: a direct submission is made
 * for a registry resident only (the department's application links to the record).
 */
export function finishBlocker(form: VisitForm, finish: FormFinish, confirmation: 'none' | 'current' | 'stale', registered = true): string | null {
  if (form.row.finish !== null) return null;
  if (!form.def) return 'counter.finish.error.withdrawn';
  if (finish === 'submit' && !registered) return 'counter.finish.error.notInRegister';
  if (finish === 'print') return printBlockingErrors(form.def, form.errors).length ? 'counter.finish.error.incomplete' : null;
  if (form.errors.length) return form.status === 'printable' ? 'counter.finish.error.attachments' : 'counter.finish.error.incomplete';
  if (confirmation !== 'current') return confirmation === 'stale' ? 'counter.finish.error.confirmationStale' : 'counter.finish.error.notConfirmed';
  return null;
}

export async function finishForms(platform: Platform, staff: StaffActor, visitId: string, choices: Record<string, FormFinish>, meta: Meta): Promise<FinishResult> {
  requireAccess(canUseCounter(staff), 'forbidden');
  const ctx = { db: platform.db.kysely, now: platform.now };
  const view = await loadVisit(ctx, staff, visitId);
  if (view.visit.ended_at !== null) throw new DomainError('visit_closed', 409, 'counter.error.visitClosed');
  const identityCheck = describeIdentityCheck(identityOf(view.visit), 'ja');
  const result: FinishResult = { submitted: [], printed: [], problems: [] };
  const cdb = counterDb(ctx.db);
  for (const form of view.forms) {
    const finish = choices[form.row.procedure_id];
    if (!finish || form.row.finish !== null) continue;
    const blocker = finishBlocker(form, finish, view.confirmation, view.visit.resident_id !== null);
    if (blocker) {
      result.problems.push({ procedureId: form.row.procedure_id, messageKey: blocker });
      continue;
    }
    if (finish === 'print') {
      await cdb.transaction().execute(async (trx) => {
        if (!(await finishForm(trx, view.visit.id, form.row.procedure_id, 'print', ctx.now(), null))) return;
        await recordAudit(trx, { actor: auditActorOf(staff), action: 'counter.form.printing', targetType: 'counter-visit', targetId: view.visit.id, details: { procedure: form.row.procedure_id }, requestId: meta.requestId });
      });
      result.printed.push(form.row.procedure_id);
      continue;
    }
    let application: { applicationId: string; reference: string };
    try {
      // Outside our transaction: the procedures service commits its application on its own
      // (one connection on the embedded database); the key makes a retry return the same one.
      application = await submitOnBehalf(platform, staff, {
        residentId: view.visit.resident_id!,
        procedureId: form.row.procedure_id,
        answers: form.row.answers,
        idempotencyKey: form.row.idempotency_key,
        identityCheck,
        counterVisitId: view.visit.id,
        requestId: meta.requestId,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      result.problems.push({ procedureId: form.row.procedure_id, messageKey: error.status === 403 ? 'counter.finish.error.notAllowed' : error.messageKey, params: error.params });
      continue;
    }
    await cdb.transaction().execute(async (trx) => {
      if (!(await finishForm(trx, view.visit.id, form.row.procedure_id, 'submit', ctx.now(), { id: application.applicationId, reference: application.reference }))) return;
      await recordAudit(trx, {
        actor: auditActorOf(staff),
        action: 'counter.form.submitted',
        targetType: 'counter-visit',
        targetId: view.visit.id,
        details: { procedure: form.row.procedure_id, applicationId: application.applicationId, reference: application.reference },
        requestId: meta.requestId,
      });
    });
    result.submitted.push({ procedureId: form.row.procedure_id, reference: application.reference });
  }
  return result;
}
