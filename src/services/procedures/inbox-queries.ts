/**
 * SQL of the department inbox: the filtered applications of some departments, a page
 * of them with the total, and all of them in batches for the CSV. Access is decided by
 * the caller (inbox-service.ts), which passes the departments the person may see.
 *
 * The shapes follow the indexes of 0700 (department, status, due date | submitted at,
 * id — partial on status <> 'draft', so every query repeats that condition) and the
 * overdue index of 0701: keep ORDER BY and WHERE in step with them (bench/procedures.ts
 * prints the plans).
 */
import { sql } from 'kysely';
import { AWAITING_STAFF_STATUSES } from './application-states.ts';
import type { InboxFilter } from './inbox-filter.ts';
import type { StaffProceduresDb } from './staff-tables.ts';

export interface InboxQueryInput {
  filter: InboxFilter;
  /** The departments searched: never empty (the staff-access scope no longer yields 'all'; the branch stays until callers drop it). */
  departments: string[] | 'all';
  staffId: string;
  today: string;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type Db = StaffProceduresDb;

/** The years a reference number may carry: this one (and the next, around New Year) back to the service's start. */
export const FIRST_REFERENCE_YEAR = 2020;
function referenceYears(today: string): number[] {
  const years: number[] = [];
  for (let y = Number(today.slice(0, 4)) + 1; y >= FIRST_REFERENCE_YEAR; y--) years.push(y);
  return years;
}

function filtered(db: Db, input: InboxQueryInput) {
  const { filter } = input;
  let query = db.selectFrom('applications as a').where('a.status', '<>', 'draft');
  if (input.departments !== 'all') {
    query = input.departments.length === 1 ? query.where('a.department_code', '=', input.departments[0]!) : query.where('a.department_code', 'in', input.departments);
  }
  // Overdue narrows the statuses to those waiting for staff (the clock stops while a correction is with the resident).
  const statuses = filter.overdue ? (filter.statuses ?? AWAITING_STAFF_STATUSES).filter((s) => (AWAITING_STAFF_STATUSES as readonly string[]).includes(s)) : filter.statuses;
  if (statuses) {
    if (statuses.length === 0) return query.where(sql<boolean>`false`);
    query = statuses.length === 1 ? query.where('a.status', '=', statuses[0]!) : query.where('a.status', 'in', [...statuses]);
  }
  if (filter.overdue) query = query.where('a.due_date', '<', input.today);
  if (filter.procedureId) query = query.where('a.procedure_id', '=', filter.procedureId);
  // Submission dates are Japanese calendar days: from 00:00 JST of `from` to before 00:00 JST of the day after `to`.
  if (filter.submittedFrom) query = query.where('a.submitted_at', '>=', new Date(`${filter.submittedFrom}T00:00:00+09:00`));
  if (filter.submittedTo) query = query.where('a.submitted_at', '<', new Date(Date.parse(`${filter.submittedTo}T00:00:00+09:00`) + 86_400_000));
  if (filter.assigned === 'me') query = query.where('a.assigned_staff_id', '=', input.staffId);
  if (filter.assigned === 'unassigned') query = query.where('a.assigned_staff_id', 'is', null);
  const search = filter.search;
  if (search?.kind === 'reference') query = query.where('a.reference', '=', search.exact);
  // The number part is one sequence over all years, so "123" is one reference of some recent year:
  // asking for each year's exact reference lets the unique index answer.
  if (search?.kind === 'reference-number') query = query.where('a.reference', 'in', referenceYears(input.today).map((y) => `OSU-${y}-${search.suffix}`));
  if (search?.kind === 'kana') query = query.where('a.applicant_kana_key', 'like', `%${escapeLike(search.key)}%`);
  if (search?.kind === 'name') query = query.where('a.applicant_name_key', 'like', `%${escapeLike(search.key)}%`);
  return query;
}

/**
 * The ids of one page, in order. Only narrow rows are ordered (straight from an index when
 * one fits, else a small in-memory sort), so a deep page does not sort whole rows; the
 * page's columns are read afterwards for its 50 ids alone.
 */
function pageIds(db: Db, input: InboxQueryInput, limit: number, offset: number) {
  const query = filtered(db, input).select(['a.id', 'a.due_date', 'a.submitted_at']);
  // Each order ends with the id, so pages never overlap or skip when dates tie.
  const sorted = input.filter.sort === 'submitted' ? query.orderBy('a.submitted_at', 'desc').orderBy('a.id') : query.orderBy('a.due_date').orderBy('a.id');
  return sorted.limit(limit).offset(offset);
}

function pageQuery(db: Db, input: InboxQueryInput, limit: number, offset: number) {
  const query = db
    .selectFrom(pageIds(db, input, limit, offset).as('p'))
    .innerJoin('applications as a', 'a.id', 'p.id')
    .leftJoin('staff as s', 's.id', 'a.assigned_staff_id')
    .select([
      'a.id',
      'a.reference',
      'a.procedure_id',
      'a.procedure_version',
      'a.department_code',
      'a.applicant_name',
      'a.applicant_kana',
      'a.status',
      'a.channel',
      'a.submitted_at',
      'a.due_date',
      'a.assigned_staff_id',
      's.display_name as assigned_name',
    ]);
  return input.filter.sort === 'submitted' ? query.orderBy('p.submitted_at', 'desc').orderBy('p.id') : query.orderBy('p.due_date').orderBy('p.id');
}

export async function inboxPage(db: Db, input: InboxQueryInput, page: number, pageSize: number) {
  const [rows, total] = await Promise.all([
    pageQuery(db, input, pageSize, (page - 1) * pageSize).execute(),
    filtered(db, input).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export type InboxRow = Awaited<ReturnType<typeof inboxPage>>['rows'][number];

/** Every matching row in batches (the CSV), in the page's order. */
export async function* inboxRows(db: Db, input: InboxQueryInput, batch = 1000): AsyncGenerator<InboxRow> {
  for (let offset = 0; ; offset += batch) {
    const rows = await pageQuery(db, input, batch, offset).execute();
    yield* rows;
    if (rows.length < batch) return;
  }
}

/** The SQL of a page, for EXPLAIN in the benchmark. */
export function inboxPageQuery(db: Db, input: InboxQueryInput, page: number, pageSize: number) {
  return pageQuery(db, input, pageSize, (page - 1) * pageSize).compile();
}

export function inboxCountQuery(db: Db, input: InboxQueryInput) {
  return filtered(db, input)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .compile();
}
