/** The department inbox page: filter form (GET, works without JavaScript), the paged table, CSV and JSON links. */
import { Button } from '../../platform/ui/components/button.tsx';
import { ErrorSummary } from '../../platform/ui/components/feedback.tsx';
import { Checkboxes, DateInput, Select, TextInput } from '../../platform/ui/components/form-fields.tsx';
import { Pagination } from '../../platform/ui/components/navigation.tsx';
import { Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { INBOX_STATUSES, type InboxValues } from './inbox-filter.ts';
import type { InboxItem, InboxResult } from './inbox-service.ts';
import { countText, DayOf, DueDate, INBOX_PATH, InboxTabs, local, reviewPath, staffCrumbs, StaffStatusTag } from './staff-views.tsx';

export interface InboxPageProps {
  ctx: ViewContext;
  values: InboxValues;
  errors: Record<string, string>;
  result: InboxResult | null;
  /** Choices of the form when the result could not be computed (a wrong filter). */
  choices: { departments: InboxResult['departments']; procedures: InboxResult['procedures'] };
  openTasks: number;
  query: Record<string, string>;
}

export function InboxPage(props: InboxPageProps) {
  const { ctx, values, errors, result } = props;
  const t = ctx.t;
  const title = t('procedures.staff.inbox.title');
  const departments = result?.departments ?? props.choices.departments;
  const lead = result?.scope === 'all' ? t('procedures.staff.inbox.allDepartments') : departments.map((d) => local(ctx, d.name)).join('・');
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={staffCrumbs(ctx)}>
      <h1>{title}</h1>
      <p>{t('procedures.staff.inbox.lead', { departments: lead })}</p>
      <InboxTabs ctx={ctx} active="applications" openTasks={props.openTasks} />
      <ErrorSummary title={t('ui.errorSummary.title')} errors={Object.entries(errors).map(([field, message]) => ({ field, message }))} />
      <FilterForm {...props} departments={departments} procedures={result?.procedures ?? props.choices.procedures} values={values} />
      {result ? <Results ctx={ctx} result={result} query={props.query} /> : null}
    </Page>
  );
}

function FilterForm(props: InboxPageProps & { departments: InboxResult['departments']; procedures: InboxResult['procedures'] }) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const statusOptions = [
    ...(['open', 'awaiting', 'closed', 'all'] as const).map((s) => ({ value: s, label: t(`procedures.staff.filter.status.${s}`) })),
    ...INBOX_STATUSES.map((s) => ({ value: s, label: t(`procedures.staff.status.${s}`) })),
  ];
  return (
    <form method="get" action={INBOX_PATH}>
      <fieldset class="fieldset">
        <legend class="field-label">{t('procedures.staff.filter.legend')}</legend>
        <TextInput name="q" type="search" label={t('procedures.staff.filter.q')} hint={t('procedures.staff.filter.q.hint')} value={values.q} error={errors.q ?? null} maxLength={100} width="medium" />
        <div class="search-row">
          <Select name="status" label={t('procedures.staff.filter.status')} value={values.status || 'open'} options={statusOptions} error={errors.status ?? null} />
          <Select name="procedure" label={t('procedures.staff.filter.procedure')} value={values.procedure} emptyLabel={t('procedures.staff.filter.procedure.all')} options={props.procedures.map((p) => ({ value: p.id, label: local(ctx, p.title) }))} error={errors.procedure ?? null} />
          {props.departments.length > 1 ? (
            <Select name="department" label={t('procedures.staff.filter.department')} value={values.department} emptyLabel={t('procedures.staff.filter.department.all')} options={props.departments.map((d) => ({ value: d.code, label: local(ctx, d.name) }))} error={errors.department ?? null} />
          ) : null}
        </div>
        <div class="search-row">
          <DateInput name="from" label={t('procedures.staff.filter.from')} hint={t('procedures.staff.filter.date.hint')} value={values.from} error={errors.from ?? null} />
          <DateInput name="to" label={t('procedures.staff.filter.to')} hint={t('procedures.staff.filter.date.hint')} value={values.to} error={errors.to ?? null} />
        </div>
        <div class="search-row">
          <Select
            name="assigned"
            label={t('procedures.staff.filter.assigned')}
            value={values.assigned}
            options={[
              { value: '', label: t('procedures.staff.filter.assigned.any') },
              { value: 'me', label: t('procedures.staff.filter.assigned.me') },
              { value: 'unassigned', label: t('procedures.staff.filter.assigned.unassigned') },
            ]}
            error={errors.assigned ?? null}
          />
          <Select
            name="sort"
            label={t('procedures.staff.filter.sort')}
            value={values.sort || 'due'}
            options={[
              { value: 'due', label: t('procedures.staff.filter.sort.due') },
              { value: 'submitted', label: t('procedures.staff.filter.sort.submitted') },
            ]}
            error={errors.sort ?? null}
          />
        </div>
        <Checkboxes name="overdue" label={t('procedures.staff.filter.overdue')} options={[{ value: 'true', label: t('procedures.staff.filter.overdue.option') }]} values={values.overdue === 'true' || values.overdue === '1' ? ['true'] : []} />
      </fieldset>
      <div class="button-row">
        <Button>{t('procedures.staff.filter.submit')}</Button>
        <a href={INBOX_PATH}>{t('procedures.staff.filter.clear')}</a>
      </div>
    </form>
  );
}

function Results({ ctx, result, query }: { ctx: ViewContext; result: InboxResult; query: Record<string, string> }) {
  const t = ctx.t;
  const search = new URLSearchParams(query).toString();
  const manyDepartments = result.scope === 'all' || result.scope.length > 1;
  const departmentName = new Map(result.departments.map((d) => [d.code, local(ctx, d.name)]));
  return (
    <>
      <p role="status">{countText(ctx, 'procedures.staff.inbox.count', result.total, result.page, result.pageSize, result.items.length)}</p>
      <ul class="inline-list">
        <li>
          <a href={`${INBOX_PATH}/export.csv${search ? `?${search}` : ''}`} download>
            {t('procedures.staff.inbox.csv', { total: result.total })}
          </a>
        </li>
        <li>
          <a href={`/api/staff/procedure-inbox${search ? `?${search}` : ''}`}>{t('procedures.staff.inbox.json')}</a>
        </li>
      </ul>
      <Table<InboxItem>
        id="inbox"
        rowHeader
        caption={t('procedures.staff.inbox.caption')}
        rows={result.items}
        empty={t('procedures.staff.inbox.none')}
        columns={[
          { header: t('procedures.staff.col.reference'), cell: (r) => <a href={reviewPath(r.id)}>{r.reference}</a> },
          {
            header: t('procedures.staff.col.applicant'),
            cell: (r) => (
              <>
                {r.applicant_name}
                {r.applicant_kana ? (
                  <>
                    <br />
                    <small>{r.applicant_kana}</small>
                  </>
                ) : null}
              </>
            ),
          },
          { header: t('procedures.staff.col.procedure'), cell: (r) => local(ctx, r.title) },
          { header: t('procedures.staff.col.status'), cell: (r) => <StaffStatusTag ctx={ctx} status={r.status} /> },
          { header: t('procedures.staff.col.submitted'), cell: (r) => <DayOf ctx={ctx} at={r.submitted_at} /> },
          { header: t('procedures.staff.col.due'), cell: (r) => <DueDate ctx={ctx} due={r.due_date} overdueDays={r.overdueDays} today={result.today} /> },
          { header: t('procedures.staff.col.assigned'), cell: (r) => r.assigned_name ?? t('procedures.staff.unassigned') },
          ...(manyDepartments ? [{ header: t('procedures.staff.col.department'), cell: (r: InboxItem) => departmentName.get(r.department_code) ?? r.department_code }] : []),
        ]}
      />
      <Pagination t={t} page={result.page} pageCount={result.pageCount} baseHref={INBOX_PATH} query={query} />
    </>
  );
}
