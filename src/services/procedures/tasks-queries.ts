/** SQL of the moving one-stop's follow-up tasks. Access is decided by the callers (tasks-service.ts, review-service.ts). */
import type { TaskKind } from './moving-rules.ts';
import type { StaffProceduresDb, TaskStatus } from './staff-tables.ts';

export interface TaskFilter {
  /** Never empty ('all' for the DX office's administrators). */
  departments: string[] | 'all';
  /** null: every status. */
  status: TaskStatus | null;
  kind: TaskKind | null;
}

function filtered(db: StaffProceduresDb, filter: TaskFilter) {
  let query = db.selectFrom('procedure_tasks as t').innerJoin('applications as a', 'a.id', 't.application_id');
  if (filter.departments !== 'all') {
    query = filter.departments.length === 1 ? query.where('t.department_code', '=', filter.departments[0]!) : query.where('t.department_code', 'in', filter.departments);
  }
  if (filter.status) query = query.where('t.status', '=', filter.status);
  if (filter.kind) query = query.where('t.kind', '=', filter.kind);
  return query;
}

const COLUMNS = [
  't.id',
  't.application_id',
  't.department_code',
  't.kind',
  't.status',
  't.details',
  't.note',
  't.created_at',
  't.done_at',
  't.done_by_staff_id',
  'a.reference',
  'a.applicant_name',
  'a.procedure_id',
  'a.department_code as application_department',
] as const;

export async function tasksPage(db: StaffProceduresDb, filter: TaskFilter, page: number, pageSize: number) {
  const [rows, total] = await Promise.all([
    filtered(db, filter)
      .leftJoin('staff as s', 's.id', 't.done_by_staff_id')
      .select([...COLUMNS, 's.display_name as done_by_name'])
      // Oldest open work first: a move date does not wait.
      .orderBy('t.created_at')
      .orderBy('t.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, filter).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export type TaskRow = Awaited<ReturnType<typeof tasksPage>>['rows'][number];

export async function taskById(db: StaffProceduresDb, id: string, options: { forUpdate?: boolean } = {}): Promise<TaskRow | null> {
  let query = db
    .selectFrom('procedure_tasks as t')
    .innerJoin('applications as a', 'a.id', 't.application_id')
    .leftJoin('staff as s', 's.id', 't.done_by_staff_id')
    .select([...COLUMNS, 's.display_name as done_by_name'])
    .where('t.id', '=', id);
  if (options.forUpdate) query = query.forUpdate(['t']);
  return (await query.executeTakeFirst()) ?? null;
}

/** The tasks one application created, for its review page. */
export async function tasksOfApplication(db: StaffProceduresDb, applicationId: string) {
  return db
    .selectFrom('procedure_tasks as t')
    .innerJoin('departments as d', 'd.code', 't.department_code')
    .leftJoin('staff as s', 's.id', 't.done_by_staff_id')
    .select(['t.id', 't.kind', 't.status', 't.department_code', 'd.name_ja', 'd.name_en', 't.done_at', 's.display_name as done_by_name'])
    .where('t.application_id', '=', applicationId)
    .orderBy('d.sort_order')
    .orderBy('t.kind')
    .execute();
}

export async function openTaskCount(db: StaffProceduresDb, departments: string[] | 'all'): Promise<number> {
  const row = await filtered(db, { departments, status: 'open', kind: null })
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
