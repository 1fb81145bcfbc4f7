/** The "tasks" tab (follow-up tasks of the moving one-stop for the person's departments) and one task with its closing form. */
import { Button } from '../../platform/ui/components/button.tsx';
import { ErrorSummary } from '../../platform/ui/components/feedback.tsx';
import { CsrfField, Radios, Select, Textarea } from '../../platform/ui/components/form-fields.tsx';
import { Pagination } from '../../platform/ui/components/navigation.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { TASK_KINDS, type MovePerson } from './moving-rules.ts';
import { TASK_STATUSES } from './staff-tables.ts';
import { NOTE_MAX, type TaskItem, type TaskList, type TaskListFilter } from './tasks-service.ts';
import { countText, dateText, dateTimeText, DayOf, InboxTabs, local, reviewPath, staffCrumbs, TASKS_PATH, taskPath, TaskStatusTag } from './staff-views.tsx';

export function TasksPage(props: { ctx: ViewContext; list: TaskList; filter: TaskListFilter; openTasks: number; query: Record<string, string>; canOpenApplications: (department: string) => boolean }) {
  const { ctx, list, filter } = props;
  const t = ctx.t;
  const title = t('procedures.staff.tasks.title');
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={staffCrumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      <p>{t('procedures.staff.tasks.lead', { departments: list.departments.map((d) => local(ctx, d.name)).join('・') })}</p>
      <InboxTabs ctx={ctx} active="tasks" openTasks={props.openTasks} />
      <form method="get" action={TASKS_PATH}>
        <div class="search-row">
          <Select
            name="status"
            label={t('procedures.staff.tasks.filter.status')}
            value={filter.status}
            options={[...TASK_STATUSES.map((s) => ({ value: s, label: t(`procedures.staff.task.status.${s}`) })), { value: 'all', label: t('procedures.staff.tasks.filter.status.all') }]}
          />
          <Select name="kind" label={t('procedures.staff.tasks.filter.kind')} value={filter.kind ?? ''} emptyLabel={t('procedures.staff.tasks.filter.kind.all')} options={TASK_KINDS.map((k) => ({ value: k, label: t(`procedures.staff.task.kind.${k}`) }))} />
        </div>
        <Button>{t('procedures.staff.filter.submit')}</Button>
      </form>
      <p role="status">{countText(ctx, 'procedures.staff.tasks.count', list.total, list.page, list.pageSize, list.items.length)}</p>
      <Table<TaskItem>
        id="tasks"
        rowHeader
        caption={t('procedures.staff.tasks.caption')}
        rows={list.items}
        empty={t('procedures.staff.tasks.none')}
        columns={[
          { header: t('procedures.staff.tasks.col.task'), cell: (task) => <a href={taskPath(task.id)}>{t(`procedures.staff.task.kind.${task.kind}`)}</a> },
          { header: t('procedures.staff.tasks.col.applicant'), cell: (task) => task.applicant_name },
          { header: t('procedures.staff.tasks.col.moveDate'), cell: (task) => <time dateTime={task.details.moveDate}>{dateText(ctx, task.details.moveDate)}</time> },
          { header: t('procedures.staff.tasks.col.reference'), cell: (task) => (props.canOpenApplications(task.application_department) ? <a href={reviewPath(task.application_id)}>{task.reference}</a> : task.reference) },
          { header: t('procedures.staff.tasks.col.created'), cell: (task) => <DayOf ctx={ctx} at={task.created_at} /> },
          { header: t('procedures.staff.tasks.col.status'), cell: (task) => <TaskStatusTag ctx={ctx} status={task.status} /> },
        ]}
      />
      <Pagination t={t} page={list.page} pageCount={list.pageCount} baseHref={TASKS_PATH} query={props.query} />
    </Page>
  );
}

function People({ ctx, people }: { ctx: ViewContext; people: MovePerson[] }) {
  const t = ctx.t;
  return (
    <Table<MovePerson>
      rowHeader
      caption={t('procedures.staff.task.people.caption')}
      rows={people}
      empty="—"
      columns={[
        { header: t('procedures.staff.task.col.name'), cell: (p) => p.name || t('procedures.staff.task.unknown') },
        { header: t('procedures.staff.task.col.kana'), cell: (p) => p.kana || '—' },
        { header: t('procedures.staff.task.col.birthDate'), cell: (p) => (p.birthDate ? dateText(ctx, p.birthDate) : t('procedures.staff.task.unknown')) },
        { header: t('procedures.staff.task.col.age'), cell: (p) => (p.age === null ? t('procedures.staff.task.unknown') : t('procedures.staff.task.age', { age: p.age })), numeric: true },
      ]}
    />
  );
}

export function TaskPage(props: { ctx: ViewContext; task: TaskItem & { department: { ja: string; en: string }; canClose: boolean }; canOpenApplication: boolean; values?: { outcome?: string; note?: string }; errors?: Record<string, string> }) {
  const { ctx, task } = props;
  const t = ctx.t;
  const d = task.details;
  const title = t('procedures.staff.task.title', { task: t(`procedures.staff.task.kind.${task.kind}`) });
  const errors = props.errors ?? {};
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={staffCrumbs(ctx, { href: TASKS_PATH, label: t('procedures.staff.tasks.title') }, { label: title })}>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={Object.entries(errors).map(([field, message]) => ({ field, message }))} />
      <h1>{title}</h1>
      <p>
        <TaskStatusTag ctx={ctx} status={task.status} />
        {task.status !== 'open' && task.done_at ? ` ${t('procedures.staff.task.closed', { status: t(`procedures.staff.task.status.${task.status}`), name: task.done_by_name ?? '', at: dateTimeText(ctx, task.done_at) })}` : null}
      </p>
      <h2>{t('procedures.staff.task.facts')}</h2>
      <SummaryList
        items={[
          { key: t('procedures.staff.task.direction'), value: t(`procedures.staff.task.direction.${d.direction}`) },
          { key: t('procedures.staff.task.moveDate'), value: <time dateTime={d.moveDate}>{dateText(ctx, d.moveDate)}</time> },
          { key: t('procedures.staff.task.oldAddress'), value: d.oldAddress ?? '—' },
          { key: t('procedures.staff.task.newAddress'), value: d.newAddress ?? '—' },
          { key: t('procedures.staff.task.applicant'), value: d.applicantName },
          { key: t('procedures.staff.task.phone'), value: d.phone ?? '—' },
          { key: t('procedures.staff.task.reference'), value: props.canOpenApplication ? <a href={reviewPath(task.application_id)}>{task.reference}</a> : task.reference },
          { key: t('procedures.staff.task.department'), value: local(ctx, task.department) },
        ]}
      />
      <h2>{t('procedures.staff.task.reasons')}</h2>
      <ul>
        {d.reasons.map((r) => (
          <li>{t(`procedures.staff.task.reason.${r}`)}</li>
        ))}
      </ul>
      {d.people.length ? (
        <>
          <h2>{t('procedures.staff.task.people')}</h2>
          <People ctx={ctx} people={d.people} />
        </>
      ) : null}
      {task.status === 'open' && task.canClose ? (
        <form method="post" action={taskPath(task.id)}>
          <CsrfField token={ctx.csrfToken} />
          <h2>{t('procedures.staff.task.close.legend')}</h2>
          <Radios
            name="outcome"
            label={t('procedures.staff.task.close.outcome')}
            required
            requiredLabel={t('ui.required')}
            value={props.values?.outcome ?? null}
            options={[
              { value: 'done', label: t('procedures.staff.task.close.done') },
              { value: 'not_needed', label: t('procedures.staff.task.close.not_needed') },
            ]}
            error={errors.outcome ?? null}
          />
          <Textarea name="note" label={t('procedures.staff.task.close.note')} hint={t('procedures.staff.task.close.note.hint')} required requiredLabel={t('ui.required')} value={props.values?.note ?? ''} error={errors.note ?? null} maxLength={NOTE_MAX} rows={3} />
          <Button>{t('procedures.staff.task.close.submit')}</Button>
        </form>
      ) : task.status !== 'open' ? (
        <>
          <h2>{t('procedures.staff.task.note')}</h2>
          <p class="message-body">{task.note}</p>
        </>
      ) : null}
    </Page>
  );
}
