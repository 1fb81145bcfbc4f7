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
      await correctTask(db, application.id, spec, details);
      continue;
    }
    created.push(spec);
    await insertEvent(db, { applicationId: application.id, actor: { type: 'system', id: 'moving-one-stop' }, kind: 'task', message: residentTaskMessage(spec.kind), at: now });
  }
  const dropped = await cancelTasksNoLongerNeeded(db, application.id, movingTasks(facts), now);
  if (dropped.length) {
    await insertEvent(db, { applicationId: application.id, actor: { type: 'system', id: 'moving-one-stop' }, kind: 'task', message: `届出の修正で不要になった関係課への連絡（${dropped.length}件）を取り消しました。`, at: now });
    await recordAudit(db, {
      actor: { type: 'system', id: 'moving-one-stop' },
      action: 'procedures.tasks.cancelled',
      targetType: 'procedure-application',
      targetId: application.id,
      details: { why: 'corrected', tasks: dropped },
      requestId: options.requestId ?? null,
    });
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

type TaskDb = ReturnType<typeof staffProceduresDb>;

/**
 * A corrected move (new date, new address): a department still working on it acts on
 * the new answers; one that had already finished is asked to look again, since what
 * it did (e.g. opening the water at the old new address) may now be wrong.
 */
async function correctTask(db: TaskDb, applicationId: string, spec: TaskSpec, details: TaskDetails): Promise<void> {
  const task = await db.selectFrom('procedure_tasks').select(['id', 'status', 'details']).where('application_id', '=', applicationId).where('department_code', '=', spec.department).where('kind', '=', spec.kind).executeTakeFirst();
  if (!task || task.status === 'cancelled') return;
  const before = task.details as Partial<TaskDetails>;
  const changed = before.moveDate !== details.moveDate || before.newAddress !== details.newAddress || before.oldAddress !== details.oldAddress;
  if (task.status === 'done' && changed) {
    await db.updateTable('procedure_tasks').set({ details: JSON.stringify(details), status: 'open', done_at: null, done_by_staff_id: null, note: '届出の内容が修正されました。済ませた手続きを修正後の内容で確認してください。' }).where('id', '=', task.id).execute();
  } else if (task.status === 'open') {
    await db.updateTable('procedure_tasks').set({ details: JSON.stringify(details) }).where('id', '=', task.id).execute();
  }
}

/** Open tasks the corrected answers no longer call for (e.g. the childcare box unticked) are cancelled. */
async function cancelTasksNoLongerNeeded(db: TaskDb, applicationId: string, wanted: TaskSpec[], now: Date): Promise<{ kind: string; department: string }[]> {
  const open = await db.selectFrom('procedure_tasks').select(['id', 'kind', 'department_code']).where('application_id', '=', applicationId).where('status', '=', 'open').execute();
  const stale = open.filter((t) => !wanted.some((w) => w.department === t.department_code && w.kind === t.kind));
  if (stale.length === 0) return [];
  await db
    .updateTable('procedure_tasks')
    .set({ status: 'cancelled', done_at: now, note: '届出の修正で不要になったため取消' })
    .where('id', 'in', stale.map((t) => t.id))
    .execute();
  return stale.map((t) => ({ kind: t.kind, department: t.department_code }));
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
