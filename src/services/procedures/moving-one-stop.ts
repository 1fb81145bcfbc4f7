/**
 * The moving one-stop at submission: a move notification (転出・転入予約・転居) creates
 * one follow-up task per department concerned (rules in moving-rules.ts), tells the
 * resident on their timeline who is taking care of what, and is audited — all in the
 * transaction that submits the application, so a submission never exists without its
 * tasks. The move itself stays with the Citizens Division.
 *
 * Called by the submit path (application-service.ts) for every submission and
 * resubmission; it returns at once for procedures that are not moves, and creating the
 * same tasks twice is a no-op (one task per application, department and kind), so a
 * resubmission only adds what the corrected answers newly call for.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { todayInJapan } from '../../platform/time/today.ts';
import { residentFactsFor } from '../registry/resident-facts.ts';
import { insertEvent } from './application-queries.ts';
import { isMoveProcedure, moveFacts, movingTasks, type MoveDirection, type MovePerson, type TaskKind, type TaskReason, type TaskSpec } from './moving-rules.ts';
import { staffProceduresMessages } from './staff-messages.ts';
import { staffProceduresDb } from './staff-tables.ts';
import type { ProceduresTables } from './tables.ts';

/** What a task row's `details` hold: everything the department needs without opening the application. */
export interface TaskDetails {
  direction: MoveDirection;
  moveDate: string;
  oldAddress: string | null;
  newAddress: string | null;
  reasons: TaskReason[];
  people: MovePerson[];
  applicantName: string;
  phone: string | null;
}

export interface MoveApplication {
  id: string;
  procedure_id: string;
  answers: Record<string, unknown>;
  /** The registry record of the applicant (the household comes from there when the answers do not list it). */
  resident_id: string | null;
  applicant_name: string;
}

/** The sentence the resident reads on their timeline while a department works on a task. */
export function residentTaskMessage(kind: TaskKind): string {
  return staffProceduresMessages.ja[`procedures.staff.task.resident.${kind}`]!;
}

/** …and once the department has closed it (done, or found not needed). */
export function residentTaskClosedMessage(kind: TaskKind, outcome: 'done' | 'not_needed'): string {
  const title = staffProceduresMessages.ja[`procedures.staff.task.kind.${kind}`]!;
  return staffProceduresMessages.ja[`procedures.staff.task.resident.${outcome}`]!.replace('{task}', title);
}

/**
 * Creates the follow-up tasks of a move notification inside `trx` (the submitting
 * transaction). Returns the tasks created now (empty for other procedures and on a repeat).
 */
export async function createMovingTasks(trx: Kysely<PlatformTables> | Kysely<PlatformTables & ProceduresTables>, application: MoveApplication, options: { now?: Date; requestId?: string | null } = {}): Promise<TaskSpec[]> {
  if (!isMoveProcedure(application.procedure_id)) return [];
  const now = options.now ?? new Date();
  const db = staffProceduresDb(trx);
  const registry = application.resident_id ? await residentFactsFor(db as unknown as Kysely<PlatformTables>, application.resident_id) : null;
  const facts = moveFacts(application.procedure_id, application.answers, registry, todayInJapan(now))!;
  const created: TaskSpec[] = [];
  for (const spec of movingTasks(facts)) {
    const details: TaskDetails = {
      direction: facts.direction,
      moveDate: facts.moveDate,
      oldAddress: facts.oldAddress,
      newAddress: facts.newAddress,
      reasons: spec.reasons,
      people: spec.people,
      applicantName: application.applicant_name,
      phone: facts.phone,
    };
    const inserted = await db
      .insertInto('procedure_tasks')
      .values({ application_id: application.id, department_code: spec.department, kind: spec.kind, details: JSON.stringify(details), created_at: now })
      .onConflict((oc) => oc.columns(['application_id', 'department_code', 'kind']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      // A corrected move (new date, new address): a department still working on it acts on the new answers.
      await db
        .updateTable('procedure_tasks')
        .set({ details: JSON.stringify(details) })
        .where('application_id', '=', application.id)
        .where('department_code', '=', spec.department)
        .where('kind', '=', spec.kind)
        .where('status', '=', 'open')
        .execute();
      continue;
    }
    created.push(spec);
    await insertEvent(db, { applicationId: application.id, actor: { type: 'system', id: 'moving-one-stop' }, kind: 'task', message: residentTaskMessage(spec.kind), at: now });
  }
  if (created.length) {
    await recordAudit(db, {
      actor: { type: 'system', id: 'moving-one-stop' },
      action: 'procedures.tasks.created',
      targetType: 'procedure-application',
      targetId: application.id,
      details: { procedure: application.procedure_id, tasks: created.map((t) => ({ kind: t.kind, department: t.department, reasons: t.reasons })) },
      requestId: options.requestId ?? null,
    });
  }
  return created;
}

/**
 * A move withdrawn or refused: its open follow-up tasks are cancelled in the same
 * transaction, so no department closes the water or changes a school for someone who
 * is not moving. Tasks already done stay as they are (the department has acted).
 */
export async function cancelMovingTasks(trx: Kysely<PlatformTables> | Kysely<PlatformTables & ProceduresTables>, applicationId: string, why: 'withdrawn' | 'rejected', now: Date, requestId: string | null = null): Promise<number> {
  const db = staffProceduresDb(trx);
  const cancelled = await db
    .updateTable('procedure_tasks')
    .set({ status: 'cancelled', done_at: now, note: why === 'withdrawn' ? '届出が取り下げられたため取消' : '届出が受理されなかったため取消' })
    .where('application_id', '=', applicationId)
    .where('status', '=', 'open')
    .returning(['kind', 'department_code'])
    .execute();
  if (cancelled.length === 0) return 0;
  await insertEvent(db, { applicationId, actor: { type: 'system', id: 'moving-one-stop' }, kind: 'task', message: `この届出に伴う関係課への連絡（${cancelled.length}件）を取り消しました。`, at: now });
  await recordAudit(db, {
    actor: { type: 'system', id: 'moving-one-stop' },
    action: 'procedures.tasks.cancelled',
    targetType: 'procedure-application',
    targetId: applicationId,
    details: { why, tasks: cancelled.map((t) => ({ kind: t.kind, department: t.department_code })) },
    requestId,
  });
  return cancelled.length;
}
