/** The "tasks" tab, one task, and closing it (POST: a notice and back on success; the form again with messages on a mistake). */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { StaffActor } from '../../platform/access/actor.ts';
import type { Platform } from '../../platform/platform.ts';
import type { ProceduresCtx } from './application-service.ts';
import { canUseInbox, canWorkDepartment } from './staff-access.ts';
import { TASKS_PATH, taskPath } from './staff-views.tsx';
import { closeTask, listTasks, openTask, openTasksFor, parseTaskFilter, type TaskListFilter } from './tasks-service.ts';
import { TaskPage, TasksPage } from './tasks-views.tsx';

const ListQuery = Type.Object({ status: Type.String({ maxLength: 20 }), kind: Type.String({ maxLength: 40 }), page: Type.String({ maxLength: 6, pattern: '^\\d*$' }) });
const Params = Type.Object({ id: Type.String({ maxLength: 64 }) });
const CloseForm = Type.Object({ _csrf: Type.Optional(Type.String()), outcome: Type.Optional(Type.String({ maxLength: 20 })), note: Type.Optional(Type.String({ maxLength: 20000 })) });

/**
 * The page number asked for: digits only (the schema's pattern), else the first page. Checked
 * here because readForm keeps what was typed: "1e20" or "9".repeat(20) would otherwise reach
 * the query as an offset no database accepts.
 */
function askedPage(raw: string): number {
  return /^\d{1,6}$/.test(raw) ? Math.max(1, Number(raw)) : 1;
}

export async function registerTaskRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const ctx: ProceduresCtx = { db: platform.db.kysely, jobs: platform.jobs, now: platform.now, payments: platform.payments };
  const meta = (request: FastifyRequest) => ({ requestId: request.id });

  /** A page past the end (an old link, a hand-typed number) shows the last page rather than nothing. */
  async function listTasksClamped(staff: StaffActor, filter: TaskListFilter, page: number, requestMeta: { requestId?: string }) {
    const list = await listTasks(ctx, staff, filter, page, requestMeta);
    return page > list.pageCount ? listTasks(ctx, staff, filter, list.pageCount, requestMeta) : list;
  }

  app.get(TASKS_PATH, async (request, reply) => {
    const staff = requireStaff(request.staff);
    requireAccess(canUseInbox(staff), 'forbidden');
    const { values } = readForm(ListQuery, request.query);
    const filter = parseTaskFilter(values);
    const list = await listTasksClamped(staff, filter, askedPage(values.page), meta(request));
    const query: Record<string, string> = { status: filter.status, ...(filter.kind ? { kind: filter.kind } : {}) };
    return reply.html(<TasksPage ctx={viewContext(request)} list={list} filter={filter} openTasks={await openTasksFor(ctx, staff)} query={query} canOpenApplications={(department) => canWorkDepartment(staff, department)} />);
  });

  app.get(`${TASKS_PATH}/:id`, { schema: { params: Params } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const task = await openTask(ctx, staff, (request.params as { id: string }).id, meta(request));
    return reply.html(<TaskPage ctx={viewContext(request)} task={task} canOpenApplication={canWorkDepartment(staff, task.application_department)} />);
  });

  app.post(`${TASKS_PATH}/:id`, { schema: { params: Params, body: CloseForm } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const id = (request.params as { id: string }).id;
    const { values } = readForm(CloseForm, request.body);
    try {
      const closed = await closeTask(ctx, staff, id, { outcome: values.outcome, note: values.note }, meta(request));
      setFlash(reply, 'success', 'procedures.staff.done.taskClosed', { task: request.t(`procedures.staff.task.kind.${closed.kind}`) });
      return reply.redirect(taskPath(id), 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_state') {
        setFlash(reply, 'warning', error.messageKey);
        return reply.redirect(taskPath(id), 303);
      }
      if (!(error instanceof DomainError) || error.code !== 'invalid_input') throw error;
      const task = await openTask(ctx, staff, id, meta(request));
      return reply.html(
        <TaskPage ctx={viewContext(request)} task={task} canOpenApplication={canWorkDepartment(staff, task.application_department)} values={{ outcome: values.outcome, note: values.note }} errors={fieldErrorMap(error.fields, request.t)} />,
        400,
      );
    }
  });
}
