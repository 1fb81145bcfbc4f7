/**
 * The department inbox's filters, read from a query string (the page's GET form, its
 * CSV link and the JSON API share them): which statuses, which procedure and
 * department, a submission date range typed in 和暦 or Western form, overdue only,
 * assigned to me / unassigned, a search by kana, name or reference number, and the
 * order. Pure; a wrong value comes back as a field error naming the field and the fix.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FieldError } from '../../platform/http/errors.ts';
import { isKana } from '../../platform/text/kana.ts';
import { kanaSearchKey } from '../../platform/text/search-key.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { AWAITING_STAFF_STATUSES, FINAL_STATUSES, OPEN_STATUSES, type ApplicationStatus } from './application-states.ts';

export const PAGE_SIZE = 50;
/** Every non-draft status, in the order of an application's life. */
export const INBOX_STATUSES = ['submitted', 'in_review', 'returned', 'resubmitted', 'approved', 'rejected', 'withdrawn'] as const satisfies readonly ApplicationStatus[];
/** Groups offered before the single statuses: open (default), waiting for staff, closed, everything. */
export const STATUS_GROUPS = { open: OPEN_STATUSES, awaiting: AWAITING_STAFF_STATUSES, closed: FINAL_STATUSES } as const;
export const STATUS_CHOICES = ['open', 'awaiting', 'closed', 'all', ...INBOX_STATUSES] as const;
export type StatusChoice = (typeof STATUS_CHOICES)[number];
export const ASSIGNED_CHOICES = ['me', 'unassigned'] as const;
export const SORTS = ['due', 'submitted'] as const;
export type InboxSort = (typeof SORTS)[number];

const str = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });

/** The page's query (every value a string, as a GET form sends it). */
export const InboxQuery = Type.Object({
  status: str(20),
  procedure: str(80),
  department: str(40),
  from: str(40),
  to: str(40),
  overdue: str(5),
  assigned: str(20),
  q: str(100),
  sort: str(20),
  page: Type.String({ maxLength: 6, pattern: '^\\d*$' }),
});
export type InboxValues = Static<typeof InboxQuery>;

/** The same filters for the JSON API (documented in OpenAPI). */
export const ApiInboxQuery = Type.Object({
  status: Type.Optional(Type.Union(STATUS_CHOICES.map((s) => Type.Literal(s)), { description: 'open（既定：受付〜再提出）、awaiting（職員の対応待ち）、closed（完了・却下・取下げ）、all、または個別の状態' })),
  procedure: Type.Optional(Type.String({ maxLength: 80, pattern: '^[a-z0-9-]*$', description: '手続きID（例：tenshutsu）' })),
  department: Type.Optional(Type.String({ maxLength: 40, pattern: '^[a-z0-9-]*$', description: '担当課コード（複数の課を担当する職員・DX推進室管理者が絞り込むとき）' })),
  from: Type.Optional(str(40, '申請日の開始（西暦または和暦）')),
  to: Type.Optional(str(40, '申請日の終了（西暦または和暦）')),
  overdue: Type.Optional(Type.Boolean({ description: '処理期限を過ぎた、職員の対応待ちの申請だけ' })),
  assigned: Type.Optional(Type.Union([Type.Literal('me'), Type.Literal('unassigned')], { description: 'me：自分の担当、unassigned：担当者未定' })),
  q: Type.Optional(str(100, 'フリガナ（ひらがな・カタカナ可）、氏名、または受付番号（OSU-2026-000123 / 123）')),
  sort: Type.Optional(Type.Union(SORTS.map((s) => Type.Literal(s)), { description: 'due：処理期限の近い順（既定）、submitted：新しい申請順' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
});
export type ApiInboxValues = Static<typeof ApiInboxQuery>;

export type InboxSearch = { kind: 'reference'; exact: string } | { kind: 'reference-number'; suffix: string } | { kind: 'kana'; key: string } | { kind: 'name'; key: string };

export interface InboxFilter {
  /** null: every non-draft status. */
  statuses: readonly ApplicationStatus[] | null;
  procedureId: string | null;
  /** A department asked for ('' = every department in the person's scope); checked against the scope by the service. */
  department: string | null;
  submittedFrom: string | null;
  submittedTo: string | null;
  overdue: boolean;
  assigned: 'me' | 'unassigned' | null;
  search: InboxSearch | null;
  sort: InboxSort;
}

const REFERENCE = /^OSU-?(\d{4})-?(\d{1,6})$/i;

/** What the search box holds: a reference number (whole or its last digits), kana, or a name. */
export function parseSearch(raw: string): InboxSearch | null {
  const q = raw.normalize('NFKC').trim();
  if (!q) return null;
  const reference = REFERENCE.exec(q.replace(/\s/g, ''));
  if (reference) return { kind: 'reference', exact: `OSU-${reference[1]}-${reference[2]!.padStart(6, '0')}` };
  if (/^\d{1,6}$/.test(q)) return { kind: 'reference-number', suffix: q.padStart(6, '0') };
  if (isKana(q)) return { kind: 'kana', key: kanaSearchKey(q) };
  return { kind: 'name', key: q.replace(/[\s・]/gu, '') };
}

const DATE_ERRORS = { format: 'validation.date', 'invalid-date': 'validation.dateInvalid', 'era-range': 'validation.dateEra' } as const;

function statusesOf(choice: StatusChoice): readonly ApplicationStatus[] | null {
  if (choice === 'all') return null;
  if (choice in STATUS_GROUPS) return STATUS_GROUPS[choice as keyof typeof STATUS_GROUPS];
  return [choice as ApplicationStatus];
}

export interface FilterInput {
  status?: string;
  procedure?: string;
  department?: string;
  from?: string;
  to?: string;
  overdue?: string | boolean;
  assigned?: string;
  q?: string;
  sort?: string;
}

/**
 * The filter, or field errors. `labels` name the fields in the reader's language
 * (the messages say which field and how to fix it).
 */
export function parseInboxFilter(input: FilterInput, labels: { from: string; to: string; status: string; procedure: string; department: string; assigned: string; sort: string }): { filter: InboxFilter; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const clean = (v: string | undefined) => (v ?? '').normalize('NFKC').trim();
  const choice = (clean(input.status) || 'open') as StatusChoice;
  if (!(STATUS_CHOICES as readonly string[]).includes(choice)) errors.push({ field: 'status', messageKey: 'validation.enum', params: { field: labels.status } });
  const procedure = clean(input.procedure);
  if (procedure && !/^[a-z0-9-]+$/.test(procedure)) errors.push({ field: 'procedure', messageKey: 'validation.enum', params: { field: labels.procedure } });
  const department = clean(input.department);
  if (department && !/^[a-z0-9-]+$/.test(department)) errors.push({ field: 'department', messageKey: 'validation.enum', params: { field: labels.department } });
  const assigned = clean(input.assigned);
  if (assigned && !(ASSIGNED_CHOICES as readonly string[]).includes(assigned)) errors.push({ field: 'assigned', messageKey: 'validation.enum', params: { field: labels.assigned } });
  const sort = clean(input.sort) || 'due';
  if (!(SORTS as readonly string[]).includes(sort)) errors.push({ field: 'sort', messageKey: 'validation.enum', params: { field: labels.sort } });
  const dates: { from: string | null; to: string | null } = { from: null, to: null };
  for (const field of ['from', 'to'] as const) {
    const raw = clean(input[field]);
    if (!raw) continue;
    const parsed = parseJapaneseDate(raw);
    if (parsed.ok) dates[field] = parsed.iso;
    else errors.push({ field, messageKey: DATE_ERRORS[parsed.reason], params: { field: labels[field] } });
  }
  if (dates.from && dates.to && dates.to < dates.from) errors.push({ field: 'to', messageKey: 'procedures.staff.error.dateOrder', params: { field: labels.to, from: labels.from } });
  const overdue = input.overdue === true || input.overdue === '1' || input.overdue === 'true';
  return {
    filter: {
      statuses: (STATUS_CHOICES as readonly string[]).includes(choice) ? statusesOf(choice) : OPEN_STATUSES,
      procedureId: procedure && /^[a-z0-9-]+$/.test(procedure) ? procedure : null,
      department: department && /^[a-z0-9-]+$/.test(department) ? department : null,
      submittedFrom: dates.from,
      submittedTo: dates.to,
      overdue,
      assigned: assigned === 'me' || assigned === 'unassigned' ? assigned : null,
      search: parseSearch(input.q ?? ''),
      sort: sort === 'submitted' ? 'submitted' : 'due',
    },
    errors,
  };
}

/** The query string that reproduces a filter form's values (for page links and the CSV link). */
export function queryOf(values: Partial<Record<keyof InboxValues, string>>): Record<string, string> {
  const q: Record<string, string> = {};
  for (const key of ['status', 'procedure', 'department', 'from', 'to', 'overdue', 'assigned', 'q', 'sort'] as const) {
    const value = values[key];
    if (value) q[key] = value;
  }
  return q;
}

/** Calendar days an application waiting for staff is past its due date (0: not overdue). */
export function daysOverdue(row: { status: ApplicationStatus; due_date: string | null }, today: string): number {
  if (!row.due_date || !(AWAITING_STAFF_STATUSES as readonly string[]).includes(row.status) || row.due_date >= today) return 0;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${row.due_date}T00:00:00Z`)) / 86_400_000);
}
