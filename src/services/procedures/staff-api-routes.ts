/**
 * The staff JSON API of online procedures (OpenAPI under the `procedures` tag): the
 * department inbox with the page's filters and paging, and the moving one-stop's
 * follow-up tasks. Staff session (cookie) required; the same access rules and audit
 * as the pages.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requireStaff } from '../../platform/access/require-access.ts';
import { invalidInput } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import type { ProceduresCtx } from './application-service.ts';
import { INBOX_STATUSES, parseInboxFilter, type ApiInboxValues, ApiInboxQuery } from './inbox-filter.ts';
import { filterLabels } from './inbox-routes.tsx';
import { listInbox } from './inbox-service.ts';
import { TASK_KINDS } from './moving-rules.ts';
import { TASK_STATUSES } from './staff-tables.ts';
import { listTasks, parseTaskFilter } from './tasks-service.ts';

const ErrorJson = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const paging = {
  total: Type.Integer({ minimum: 0, description: '条件に当てはまる件数' }),
  page: Type.Integer({ minimum: 1 }),
  pageSize: Type.Integer({ minimum: 1, description: '1ページの件数（50）' }),
  pageCount: Type.Integer({ minimum: 1 }),
};

const InboxItemJson = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Type.String({ description: '受付番号（OSU-年-6桁）' }),
  procedureId: Type.String(),
  procedureTitle: Type.String(),
  department: Type.String({ description: '担当課コード' }),
  applicantName: Type.String(),
  applicantKana: Type.String(),
  status: Type.Union(INBOX_STATUSES.map((s) => Type.Literal(s))),
  channel: Type.Union([Type.Literal('online'), Type.Literal('counter')]),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  dueDate: Nullable(Type.String({ format: 'date', description: '処理期限（標準処理期間の最終日）' })),
  overdueDays: Type.Integer({ minimum: 0, description: '職員の対応待ちで処理期限を過ぎた日数（0：超過なし）' }),
  assignedStaffId: Nullable(Type.String({ format: 'uuid' })),
  assignedStaffName: Nullable(Type.String()),
});
const InboxJson = Type.Object({ ...paging, items: Type.Array(InboxItemJson) });

const PersonJson = Type.Object({ name: Type.String(), kana: Type.String(), birthDate: Nullable(Type.String({ format: 'date' })), age: Type.Union([Type.Integer(), Type.Null()], { description: '異動日時点の年齢' }) });
const TaskItemJson = Type.Object({
  id: Type.String({ format: 'uuid' }),
  applicationId: Type.String({ format: 'uuid' }),
  reference: Nullable(Type.String()),
  department: Type.String(),
  kind: Type.Union(TASK_KINDS.map((k) => Type.Literal(k))),
  status: Type.Union(TASK_STATUSES.map((s) => Type.Literal(s))),
  createdAt: Type.String({ format: 'date-time' }),
  doneAt: Nullable(Type.String({ format: 'date-time' })),
  doneBy: Nullable(Type.String()),
  note: Type.String({ description: '完了時のメモ（職員のみ）' }),
  direction: Type.Union([Type.Literal('out'), Type.Literal('in'), Type.Literal('within')], { description: 'out：転出、in：転入、within：転居' }),
  moveDate: Type.String({ format: 'date' }),
  oldAddress: Nullable(Type.String()),
  newAddress: Nullable(Type.String()),
  applicantName: Type.String(),
  phone: Nullable(Type.String()),
  reasons: Type.Array(Type.String(), { description: 'この手続きが必要と判断した理由のコード' }),
  people: Type.Array(PersonJson, { description: '対象の方（例：就学年齢の子ども）' }),
});
const TasksJson = Type.Object({ ...paging, items: Type.Array(TaskItemJson) });
const TasksQuery = Type.Object({
  status: Type.Optional(Type.Union([...TASK_STATUSES.map((s) => Type.Literal(s)), Type.Literal('all')], { description: 'open（既定）、done、not_needed、all' })),
  kind: Type.Optional(Type.Union(TASK_KINDS.map((k) => Type.Literal(k)))),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
});

export async function registerStaffApiRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const ctx: ProceduresCtx = { db: platform.db.kysely, jobs: platform.jobs, now: platform.now, payments: platform.payments };

  app.get(
    '/api/staff/procedure-inbox',
    {
      schema: {
        tags: ['procedures'],
        summary: '担当課の申請一覧（職員）。画面の受付箱と同じ絞り込み・並び順・50件ずつのページ。閲覧は監査ログに記録',
        security: [{ session: [] }],
        querystring: ApiInboxQuery,
        response: { 200: InboxJson, 400: ErrorJson, 401: ErrorJson, 403: ErrorJson },
      },
    },
    async (request) => {
      const staff = requireStaff(request.staff);
      const q = request.query as ApiInboxValues;
      const { filter, errors } = parseInboxFilter(q, filterLabels(request.t));
      if (errors.length) throw invalidInput(errors);
      const page = q.page ?? 1;
      const result = await listInbox(ctx, staff, filter, page, { requestId: request.id });
      const lang = request.locale;
      return {
        total: result.total,
        page,
        pageSize: result.pageSize,
        pageCount: result.pageCount,
        items: result.items.map((r) => ({
          id: r.id,
          reference: r.reference ?? '',
          procedureId: r.procedure_id,
          procedureTitle: r.title[lang] || r.title.ja,
          department: r.department_code,
          applicantName: r.applicant_name,
          applicantKana: r.applicant_kana,
          status: r.status as (typeof INBOX_STATUSES)[number],
          channel: r.channel,
          submittedAt: r.submitted_at ? r.submitted_at.toISOString() : null,
          dueDate: r.due_date,
          overdueDays: r.overdueDays,
          assignedStaffId: r.assigned_staff_id,
          assignedStaffName: r.assigned_name,
        })),
      } satisfies Static<typeof InboxJson>;
    },
  );

  app.get(
    '/api/staff/procedure-tasks',
    {
      schema: {
        tags: ['procedures'],
        summary: '引越しワンストップの関連手続き（担当課の職員）。閲覧は監査ログに記録',
        security: [{ session: [] }],
        querystring: TasksQuery,
        response: { 200: TasksJson, 401: ErrorJson, 403: ErrorJson },
      },
    },
    async (request) => {
      const staff = requireStaff(request.staff);
      const q = request.query as Static<typeof TasksQuery>;
      const page = q.page ?? 1;
      const list = await listTasks(ctx, staff, parseTaskFilter({ status: q.status, kind: q.kind }), page, { requestId: request.id });
      return {
        total: list.total,
        page,
        pageSize: list.pageSize,
        pageCount: list.pageCount,
        items: list.items.map((task) => ({
          id: task.id,
          applicationId: task.application_id,
          reference: task.reference,
          department: task.department_code,
          kind: task.kind as (typeof TASK_KINDS)[number],
          status: task.status,
          createdAt: task.created_at.toISOString(),
          doneAt: task.done_at ? task.done_at.toISOString() : null,
          doneBy: task.done_by_name,
          note: task.note,
          direction: task.details.direction,
          moveDate: task.details.moveDate,
          oldAddress: task.details.oldAddress,
          newAddress: task.details.newAddress,
          applicantName: task.details.applicantName,
          phone: task.details.phone,
          reasons: task.details.reasons,
          people: task.details.people,
        })),
      } satisfies Static<typeof TasksJson>;
    },
  );
}
