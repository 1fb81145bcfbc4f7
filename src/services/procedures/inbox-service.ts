/**
 * The department inbox: a page of the applications to the person's departments (only
 * those they handle: no role sees every department's), filtered and ordered, with the total;
 * the same list as CSV. Seeing applicants' names is seeing personal data, so every
 * page shown and every export is audited with the reference numbers it revealed.
 */
import type { StaffActor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { csvForSpreadsheet } from '../../platform/http/csv.ts';
import { invalidInput } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { todayInJapan } from '../../platform/time/today.ts';
import type { ProceduresCtx } from './application-service.ts';
import { daysOverdue, PAGE_SIZE, type InboxFilter } from './inbox-filter.ts';
import { inboxPage, inboxRows, type InboxQueryInput, type InboxRow } from './inbox-queries.ts';
import { canUseInbox, inboxScope } from './staff-access.ts';
import { departmentNames, procedureTitles, proceduresOfDepartments, type NamedDepartment } from './staff-lookups.ts';
import { staffProceduresMessages } from './staff-messages.ts';
import { staffProceduresDb } from './staff-tables.ts';

export interface InboxItem extends InboxRow {
  title: { ja: string; en: string };
  overdueDays: number;
}

export interface InboxResult {
  items: InboxItem[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  today: string;
  /** The departments the person may filter by (the ones they handle). */
  departments: NamedDepartment[];
  procedures: { id: string; title: { ja: string; en: string } }[];
  scope: 'all' | string[];
}

/** The departments searched: the one asked for (if it is in scope), else the whole scope. */
function departmentsToSearch(scope: 'all' | string[], asked: string | null): 'all' | string[] {
  if (!asked) return scope;
  if (scope !== 'all' && !scope.includes(asked)) throw invalidInput([{ field: 'department', messageKey: 'procedures.staff.error.department', params: { field: '担当課' } }]);
  return [asked];
}

async function queryInput(ctx: ProceduresCtx, staff: StaffActor, filter: InboxFilter): Promise<InboxQueryInput> {
  requireAccess(canUseInbox(staff), 'forbidden');
  const departments = departmentsToSearch(inboxScope(staff), filter.department);
  return { filter, departments, staffId: staff.id, today: todayInJapan(ctx.now()) };
}

/** What a filter was, for the audit log (the search text itself may be a name: only its kind is kept). */
function auditedFilter(filter: InboxFilter) {
  return {
    statuses: filter.statuses,
    procedure: filter.procedureId,
    department: filter.department,
    from: filter.submittedFrom,
    to: filter.submittedTo,
    overdue: filter.overdue,
    assigned: filter.assigned,
    search: filter.search?.kind ?? null,
    sort: filter.sort,
  };
}

export async function listInbox(ctx: ProceduresCtx, staff: StaffActor, filter: InboxFilter, page: number, meta: { requestId?: string } = {}): Promise<InboxResult> {
  const input = await queryInput(ctx, staff, filter);
  const scope = inboxScope(staff);
  const sdb = staffProceduresDb(ctx.db);
  let { rows, total } = await inboxPage(sdb, input, page, PAGE_SIZE);
  // A page past the end (an old link after cases closed) shows the last page, not an empty one.
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pageCount) {
    page = pageCount;
    ({ rows, total } = await inboxPage(sdb, input, page, PAGE_SIZE));
  }
  const titles = await procedureTitles(ctx.db, rows);
  const all = await departmentNames(ctx.db);
  if (rows.length) {
    await recordAudit(ctx.db, {
      actor: auditActorOf(staff),
      action: 'procedures.inbox.viewed',
      targetType: 'procedure-inbox',
      targetId: input.departments === 'all' ? 'all' : input.departments.join(','),
      details: { filter: auditedFilter(filter), page, total, references: rows.map((r) => r.reference) },
      requestId: meta.requestId ?? null,
    });
  }
  return {
    items: rows.map((r) => ({ ...r, title: titles.get(r.procedure_id) ?? { ja: r.procedure_id, en: r.procedure_id }, overdueDays: daysOverdue(r, input.today) })),
    total,
    page,
    pageCount,
    pageSize: PAGE_SIZE,
    today: input.today,
    departments: scope === 'all' ? all : all.filter((d) => scope.includes(d.code)),
    procedures: await proceduresOfDepartments(ctx.db, scope),
    scope,
  };
}

/**
 * The filtered list as CSV (UTF-8 with a BOM, formulas neutralised by the platform's
 * writer), Japanese headers. Audited with the number of rows exported.
 */
export async function exportInbox(ctx: ProceduresCtx, staff: StaffActor, filter: InboxFilter, meta: { requestId?: string; locale?: Locale } = {}): Promise<{ csv: string; rows: number }> {
  const input = await queryInput(ctx, staff, filter);
  const sdb = staffProceduresDb(ctx.db);
  const messages = staffProceduresMessages[meta.locale ?? 'ja'];
  const m = (key: string) => messages[`procedures.staff.${key}`]!;
  const departments = new Map((await departmentNames(ctx.db)).map((d) => [d.code, d.name]));
  const lines: (string | number | null)[][] = [
    [m('col.reference'), m('col.procedure'), m('col.applicant'), m('col.kana'), m('col.status'), m('col.submitted'), m('col.due'), m('col.overdueDays'), m('col.assigned'), m('col.department'), m('col.channel')],
  ];
  const seen: InboxRow[] = [];
  for await (const row of inboxRows(sdb, input)) seen.push(row);
  const titles = await procedureTitles(ctx.db, seen);
  const lang = meta.locale ?? 'ja';
  for (const r of seen) {
    lines.push([
      r.reference,
      titles.get(r.procedure_id)?.[lang] ?? r.procedure_id,
      r.applicant_name,
      r.applicant_kana,
      m(`status.${r.status}`),
      r.submitted_at ? todayInJapan(r.submitted_at) : null,
      r.due_date,
      daysOverdue(r, input.today) || null,
      r.assigned_name,
      departments.get(r.department_code)?.[lang] ?? r.department_code,
      m(`channel.${r.channel}`),
    ]);
  }
  await recordAudit(ctx.db, {
    actor: auditActorOf(staff),
    action: 'procedures.inbox.exported',
    targetType: 'procedure-inbox',
    targetId: input.departments === 'all' ? 'all' : input.departments.join(','),
    details: { filter: auditedFilter(filter), rows: seen.length },
    requestId: meta.requestId ?? null,
  });
  return { csv: csvForSpreadsheet(lines), rows: seen.length };
}
