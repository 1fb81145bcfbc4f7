/**
 * What a department does with the moving one-stop's follow-up tasks: list its own
 * (the "tasks" tab), open one (the facts it needs: move date, addresses, the people
 * concerned with their ages, a phone number), and close it with an outcome and a note.
 * Closing also tells the resident on their timeline. Staff of another department get
 * 404; every view and every change is audited.
 */
import type { StaffActor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError, invalidInput, type FieldError } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import type { ProceduresCtx } from './application-service.ts';
import { insertEvent } from './application-queries.ts';
import { residentTaskClosedMessage, type TaskDetails } from './moving-one-stop.ts';
import { isTaskKind, type TaskKind } from './moving-rules.ts';
import { canUseInbox, canWorkDepartment, canWorkTask, inboxScope } from './staff-access.ts';
import { departmentNames, type NamedDepartment } from './staff-lookups.ts';
import { staffProceduresMessages } from './staff-messages.ts';
import { staffProceduresDb, TASK_STATUSES, type TaskStatus } from './staff-tables.ts';
import type { ProceduresDb } from './tables.ts';
import { openTaskCount, taskById, tasksPage, type TaskRow } from './tasks-queries.ts';

export const TASK_PAGE_SIZE = 50;
export const NOTE_MAX = 2000;

export interface TaskListFilter {
  /** 'all' or one status; open by default. */
  status: TaskStatus | 'all';
  kind: TaskKind | null;
}

export function parseTaskFilter(input: { status?: string; kind?: string }): TaskListFilter {
  const status = (input.status ?? '').trim();
  const kind = (input.kind ?? '').trim();
  return {
    status: status === 'all' ? 'all' : (TASK_STATUSES as readonly string[]).includes(status) ? (status as TaskStatus) : 'open',
    kind: isTaskKind(kind) ? kind : null,
  };
}

export interface TaskItem extends Omit<TaskRow, 'details'> {
  details: TaskDetails;
}

export interface TaskList {
  items: TaskItem[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  departments: NamedDepartment[];
}

const asItem = (row: TaskRow): TaskItem => ({ ...row, details: row.details as unknown as TaskDetails });

export async function listTasks(ctx: ProceduresCtx, staff: StaffActor, filter: TaskListFilter, page: number, meta: { requestId?: string } = {}): Promise<TaskList> {
  requireAccess(canUseInbox(staff), 'forbidden');
  const scope = inboxScope(staff);
  const { rows, total } = await tasksPage(staffProceduresDb(ctx.db), { departments: scope, status: filter.status === 'all' ? null : filter.status, kind: filter.kind }, page, TASK_PAGE_SIZE);
  if (rows.length) {
    await recordAudit(ctx.db, { actor: auditActorOf(staff), action: 'procedures.tasks.viewed', targetType: 'procedure-tasks', targetId: scope === 'all' ? 'all' : scope.join(','), details: { status: filter.status, kind: filter.kind, page, tasks: rows.map((r) => r.id) }, requestId: meta.requestId ?? null });
  }
  const all = await departmentNames(ctx.db);
  return { items: rows.map(asItem), total, page, pageCount: Math.max(1, Math.ceil(total / TASK_PAGE_SIZE)), pageSize: TASK_PAGE_SIZE, departments: scope === 'all' ? all : all.filter((d) => scope.includes(d.code)) };
}

/** Open tasks of the person's departments (the count on the inbox's tab). */
export async function openTasksFor(ctx: ProceduresCtx, staff: StaffActor): Promise<number> {
  if (!canUseInbox(staff)) return 0;
  return openTaskCount(staffProceduresDb(ctx.db), inboxScope(staff));
}

/**
 * One task: for its department (who close it), and read-only for the department handling the
 * move (who see on the application which divisions have done their part).
 */
export async function openTask(ctx: ProceduresCtx, staff: StaffActor, id: string, meta: { requestId?: string } = {}): Promise<TaskItem & { department: NamedDepartment['name']; canClose: boolean }> {
  const row = isUuid(id) ? await taskById(staffProceduresDb(ctx.db), id) : null;
  requireAccess(row !== null && (canWorkTask(staff, row) || canWorkDepartment(staff, row.application_department)));
  await recordAudit(ctx.db, { actor: auditActorOf(staff), action: 'procedures.task.viewed', targetType: 'procedure-task', targetId: row!.id, details: { application: row!.application_id, reference: row!.reference, kind: row!.kind }, requestId: meta.requestId ?? null });
  const department = (await departmentNames(ctx.db)).find((d) => d.code === row!.department_code)?.name ?? { ja: row!.department_code, en: row!.department_code };
  return { ...asItem(row!), department, canClose: canWorkTask(staff, row!) };
}

const taskClosed = () => new DomainError('invalid_state', 409, 'procedures.staff.error.taskClosed');
const label = (key: string) => staffProceduresMessages.ja[`procedures.staff.task.close.${key}`]!;

/**
 * Closes a task as done or not needed, with a note (required: the next person asking
 * "was the water stopped?" reads it). The resident's timeline says it is done.
 */
export async function closeTask(ctx: ProceduresCtx, staff: StaffActor, id: string, input: { outcome?: string; note?: string }, meta: { requestId?: string } = {}): Promise<{ kind: TaskKind; outcome: 'done' | 'not_needed' }> {
  const sdb = staffProceduresDb(ctx.db);
  // Access first (a 404 for other departments' tasks even when the form is also wrong).
  const found = isUuid(id) ? await taskById(sdb, id) : null;
  requireAccess(found !== null && canWorkTask(staff, found));
  const outcome = input.outcome === 'done' || input.outcome === 'not_needed' ? input.outcome : null;
  const note = (input.note ?? '').normalize('NFKC').trim();
  const errors: FieldError[] = [
    ...(outcome ? [] : [{ field: 'outcome', messageKey: 'procedures.staff.error.outcome', params: { field: label('outcome') } }]),
    ...(!note ? [{ field: 'note', messageKey: 'procedures.staff.error.required', params: { field: label('note') } }] : []),
    ...(note.length > NOTE_MAX ? [{ field: 'note', messageKey: 'procedures.staff.error.maxLength', params: { field: label('note'), limit: NOTE_MAX } }] : []),
  ];
  if (errors.length) throw invalidInput(errors);
  return sdb.transaction().execute(async (trx) => {
    const row = (await taskById(trx, id, { forUpdate: true }))!;
    if (row.status !== 'open') throw taskClosed();
    const kind = row.kind as TaskKind;
    const now = ctx.now();
    await trx.updateTable('procedure_tasks').set({ status: outcome!, note, done_by_staff_id: staff.id, done_at: now }).where('id', '=', row.id).execute();
    await insertEvent(trx as unknown as ProceduresDb, { applicationId: row.application_id, actor: { type: 'staff', id: staff.id }, kind: 'task_done', message: residentTaskClosedMessage(kind, outcome!), at: now });
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'procedures.task.closed', targetType: 'procedure-task', targetId: row.id, details: { application: row.application_id, reference: row.reference, kind, department: row.department_code, outcome }, reason: note.slice(0, 500), requestId: meta.requestId ?? null });
    return { kind, outcome: outcome! };
  });
}
