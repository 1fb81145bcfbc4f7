/**
 * The department inbox page and its CSV: read the filter form (GET), call the inbox
 * service, present. A wrong filter shows the form again with what was typed and a
 * message naming the field (400).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import type { StaffActor } from '../../platform/access/actor.ts';
import { DomainError, type FieldError } from '../../platform/http/errors.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { todayInJapan } from '../../platform/time/today.ts';
import type { ProceduresCtx } from './application-service.ts';
import { InboxQuery, parseInboxFilter, queryOf, type InboxFilter, type InboxValues } from './inbox-filter.ts';
import { exportInbox, listInbox, type InboxResult } from './inbox-service.ts';
import { InboxPage } from './inbox-views.tsx';
import { canUseInbox, inboxScope } from './staff-access.ts';
import { departmentNames, proceduresOfDepartments } from './staff-lookups.ts';
import { INBOX_PATH } from './staff-views.tsx';
import { openTasksFor } from './tasks-service.ts';

/** The filter fields' names in the reader's language, for messages that name the field. */
export function filterLabels(t: FastifyRequest['t']) {
  return {
    from: t('procedures.staff.filter.from'),
    to: t('procedures.staff.filter.to'),
    status: t('procedures.staff.filter.status'),
    procedure: t('procedures.staff.filter.procedure'),
    department: t('procedures.staff.filter.department'),
    assigned: t('procedures.staff.filter.assigned'),
    sort: t('procedures.staff.filter.sort'),
    q: t('procedures.staff.filter.q'),
    overdue: t('procedures.staff.filter.overdue'),
    page: t('procedures.staff.filter.page'),
  };
}

export function readInboxQuery(request: FastifyRequest): { values: InboxValues; filter: InboxFilter; page: number; errors: FieldError[] } {
  const labels = filterLabels(request.t);
  const { values, errors: formErrors } = readForm(InboxQuery, request.query, labels);
  const { filter, errors } = parseInboxFilter(values, labels);
  return { values, filter, page: Math.max(1, Number(values.page) || 1), errors: [...formErrors, ...errors] };
}

/** The service names fields in Japanese; the page names them in the reader's language. */
function named(request: FastifyRequest, errors: FieldError[]): FieldError[] {
  const labels: Record<string, string> = filterLabels(request.t);
  return errors.map((e) => (labels[e.field] ? { ...e, params: { ...e.params, field: labels[e.field]! } } : e));
}

export async function registerInboxRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const ctx: ProceduresCtx = { db: platform.db.kysely, jobs: platform.jobs, now: platform.now, payments: platform.payments };

  function inboxUser(request: FastifyRequest): StaffActor {
    const staff = requireStaff(request.staff);
    requireAccess(canUseInbox(staff), 'forbidden');
    return staff;
  }

  /** The page again with the messages and what was typed (no list: the filter could not be applied). */
  async function showErrors(request: FastifyRequest, reply: FastifyReply, staff: StaffActor, values: InboxValues, errors: FieldError[]) {
    const scope = inboxScope(staff);
    const all = await departmentNames(ctx.db);
    const choices = { departments: scope === 'all' ? all : all.filter((d) => scope.includes(d.code)), procedures: await proceduresOfDepartments(ctx.db, scope) };
    return reply.html(<InboxPage ctx={viewContext(request)} values={values} errors={fieldErrorMap(errors, request.t)} result={null} choices={choices} openTasks={await openTasksFor(ctx, staff)} query={queryOf(values)} />, 400);
  }

  /** Runs the service; a filter it refuses (a department outside the person's scope) comes back as field errors. */
  async function orFieldErrors<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; errors: FieldError[] }> {
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return { ok: false, errors: error.fields };
      throw error;
    }
  }

  app.get(INBOX_PATH, async (request, reply) => {
    const staff = inboxUser(request);
    const { values, filter, page, errors } = readInboxQuery(request);
    if (errors.length) return showErrors(request, reply, staff, values, errors);
    const listed = await orFieldErrors<InboxResult>(() => listInbox(ctx, staff, filter, page, { requestId: request.id }));
    if (!listed.ok) return showErrors(request, reply, staff, values, named(request, listed.errors));
    const result = listed.value;
    return reply.html(
      <InboxPage ctx={viewContext(request)} values={values} errors={{}} result={result} choices={{ departments: result.departments, procedures: result.procedures }} openTasks={await openTasksFor(ctx, staff)} query={queryOf(values)} />,
    );
  });

  app.get(`${INBOX_PATH}/export.csv`, async (request, reply) => {
    const staff = inboxUser(request);
    const { values, filter, errors } = readInboxQuery(request);
    if (errors.length) return showErrors(request, reply, staff, values, errors);
    const exported = await orFieldErrors(() => exportInbox(ctx, staff, filter, { requestId: request.id, locale: request.locale }));
    if (!exported.ok) return showErrors(request, reply, staff, values, named(request, exported.errors));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="procedures-inbox-${todayInJapan(ctx.now())}.csv"`)
      .header('cache-control', 'private, no-store')
      .send(exported.value.csv);
  });
}
