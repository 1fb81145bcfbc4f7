/**
 * The review page of one application: summary, the answers beside the register record
 * (differences marked in words and with <mark>, never by colour alone), the answers,
 * files, follow-up tasks, the full timeline (internal notes marked) and the action
 * forms (plain POST forms; each keeps what was typed when it comes back with an error).
 */
import { formatBytes } from '../../engines/forms/index.ts';
import { Button } from '../../platform/ui/components/button.tsx';
import { ErrorSummary, NotificationBanner, StatusTag } from '../../platform/ui/components/feedback.tsx';
import { Checkboxes, CsrfField, Select, Textarea } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { EventRow } from './application-queries.ts';
import { daysOverdue } from './inbox-filter.ts';
import { AnswerText, locationsOf } from './location-map-views.tsx';
import { labelOfName } from './page-flow.ts';
import type { ComparedFact, ComparedMember } from './review-compare.ts';
import { MESSAGE_MAX, type ReviewView } from './review-service.ts';
import { dateText, dateTimeText, DayOf, DueDate, local, reviewPath, staffCrumbs, StaffStatusTag, taskPath, TaskStatusTag } from './staff-views.tsx';

/** What the action forms hold when one comes back with errors. */
export interface ReviewFormValues {
  assignee?: string;
  returnMessage?: string;
  fields?: string[];
  approveMessage?: string;
  reason?: string;
  note?: string;
}

export interface ReviewPageProps {
  ctx: ViewContext;
  view: ReviewView;
  today: string;
  values?: ReviewFormValues;
  errors?: Record<string, string>;
}

const KNOWN_EVENTS = new Set(['draft', 'submitted', 'in_review', 'returned', 'resubmitted', 'approved', 'rejected', 'withdrawn', 'payment', 'note', 'assigned', 'files', 'task', 'task_done']);

export function ReviewPage({ ctx, view, today, values = {}, errors = {} }: ReviewPageProps) {
  const t = ctx.t;
  const { row, def } = view;
  const procedure = local(ctx, def.title);
  const heading = t('procedures.staff.review.heading', { procedure, reference: row.reference ?? '' });
  // A place is shown with a link that opens it on a map.
  const locations = locationsOf(view.sections, row.answers);
  return (
    <Page ctx={ctx} shell="staff" title={heading} breadcrumbs={staffCrumbs(ctx, { label: row.reference ?? t('procedures.staff.review.title') })}>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={Object.entries(errors).map(([field, message]) => ({ field, message }))} />
      <h1>{heading}</h1>
      <p>
        <StaffStatusTag ctx={ctx} status={row.status} />
      </p>
      <Summary ctx={ctx} view={view} today={today} />
      {row.status === 'returned' ? <NotificationBanner kind="info" title={t('procedures.staff.review.returnedWait')} /> : null}
      <Comparison ctx={ctx} view={view} />
      <h2>{t('procedures.staff.review.answers')}</h2>
      {view.sections.map((section) => (
        <>
          <h3>{section.title}</h3>
          <SummaryList items={section.rows.map((r) => ({ key: r.label, value: <span class="message-body">{r.display ? <AnswerText ctx={ctx} display={r.display} at={locations.get(r.fieldId)} /> : t('procedures.staff.review.empty')}</span> }))} />
        </>
      ))}
      <Files ctx={ctx} view={view} />
      {view.tasks.length ? <Tasks ctx={ctx} view={view} /> : null}
      <Timeline ctx={ctx} events={view.events} def={view.def} />
      <Actions ctx={ctx} view={view} values={values} errors={errors} />
    </Page>
  );
}

function Summary({ ctx, view, today }: { ctx: ViewContext; view: ReviewView; today: string }) {
  const t = ctx.t;
  const { row } = view;
  const fee =
    row.fee_yen === 0
      ? t('procedures.staff.review.fee.none')
      : view.paidAt
        ? t('procedures.staff.review.fee.paid', { yen: row.fee_yen.toLocaleString('ja-JP') })
        : t('procedures.staff.review.fee.unpaid', { yen: row.fee_yen.toLocaleString('ja-JP'), method: t(`procedures.staff.review.fee.${row.payment_method ?? 'counter'}`) });
  return (
    <SummaryList
      items={[
        { key: t('procedures.staff.col.reference'), value: row.reference },
        { key: t('procedures.staff.col.applicant'), value: row.applicant_kana ? `${row.applicant_name}（${row.applicant_kana}）` : row.applicant_name },
        { key: t('procedures.staff.col.submitted'), value: <DayOf ctx={ctx} at={row.submitted_at} /> },
        { key: t('procedures.staff.col.due'), value: <DueDate ctx={ctx} due={row.due_date} overdueDays={daysOverdue(row, today)} today={today} /> },
        { key: t('procedures.staff.col.assigned'), value: view.assignedName ?? t('procedures.staff.unassigned') },
        { key: t('procedures.staff.col.department'), value: local(ctx, view.department) },
        { key: t('procedures.staff.col.channel'), value: t(`procedures.staff.channel.${row.channel}`) },
        { key: t('procedures.staff.review.fee'), value: fee },
        { key: t('procedures.staff.review.version'), value: t('procedures.staff.review.versionValue', { version: row.procedure_version }) },
      ]}
    />
  );
}

/** A value that differs from the register is marked, and the verdict says so in words. */
function Marked({ text, differs }: { text: string | null; differs: boolean }) {
  if (text === null || text === '') return <>—</>;
  return differs ? <mark>{text}</mark> : <>{text}</>;
}

function Verdict({ ctx, verdict }: { ctx: ViewContext; verdict: ComparedFact['verdict'] }) {
  const tone = verdict === 'same' ? 'success' : verdict === 'different' ? 'error' : 'neutral';
  return <StatusTag tone={tone}>{ctx.t(`procedures.staff.compare.verdict.${verdict}`)}</StatusTag>;
}

function MemberVerdict({ ctx, verdict }: { ctx: ViewContext; verdict: ComparedMember['verdict'] }) {
  const tone = verdict === 'same' || verdict === 'whole-household' ? 'success' : verdict === 'not-in-application' ? 'neutral' : 'error';
  return <StatusTag tone={tone}>{ctx.t(`procedures.staff.compare.member.${verdict}`)}</StatusTag>;
}

function factText(ctx: ViewContext, fact: ComparedFact, value: string | null): string | null {
  if (value && fact.key === 'birthDate' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dateText(ctx, value);
  return value;
}

function Comparison({ ctx, view }: { ctx: ViewContext; view: ReviewView }) {
  const t = ctx.t;
  const c = view.comparison;
  const group = view.def.pages.flatMap((p) => p.fields).find((f) => f.prefill === 'household.members');
  const birth = (iso: string | null) => (iso ? dateText(ctx, iso) : '—');
  return (
    <section aria-labelledby="compare-title">
      <h2 id="compare-title">
        {t('procedures.staff.compare.title')}{' '}
        {c.hasRecord && (c.facts.length || c.members) ? <StatusTag tone={c.differences ? 'error' : 'success'}>{c.differences ? t('procedures.staff.compare.differences', { count: c.differences }) : t('procedures.staff.compare.noDifferences')}</StatusTag> : null}
      </h2>
      {!c.hasRecord ? <NotificationBanner kind="warning" title={t('procedures.staff.compare.noRecord')} /> : <p>{t('procedures.staff.compare.lead')}</p>}
      {c.facts.length === 0 && !c.members ? (
        <p>{t('procedures.staff.compare.nothing')}</p>
      ) : (
        <Table<ComparedFact>
          id="compare"
          rowHeader
          caption={t('procedures.staff.compare.caption')}
          rows={c.facts}
          empty={t('procedures.staff.compare.nothing')}
          columns={[
            { header: t('procedures.staff.compare.col.item'), cell: (f) => local(ctx, f.label) },
            { header: t('procedures.staff.compare.col.answered'), cell: (f) => <Marked text={factText(ctx, f, f.answered)} differs={f.verdict === 'different'} /> },
            { header: t('procedures.staff.compare.col.registered'), cell: (f) => <Marked text={factText(ctx, f, f.registered)} differs={f.verdict === 'different'} /> },
            { header: t('procedures.staff.compare.col.verdict'), cell: (f) => <Verdict ctx={ctx} verdict={f.verdict} /> },
          ]}
        />
      )}
      {c.members && group ? (
        <Table<ComparedMember>
          id="compare-members"
          rowHeader
          caption={t('procedures.staff.compare.members.caption', { field: local(ctx, group.label) })}
          rows={c.members}
          empty="—"
          columns={[
            { header: t('procedures.staff.compare.col.member'), cell: (m) => <Marked text={(m.answered ?? m.registered)!.name} differs={m.verdict === 'not-in-register'} /> },
            { header: t('procedures.staff.compare.col.relationship'), cell: (m) => (m.answered ?? m.registered)!.relationship || '—' },
            { header: t('procedures.staff.compare.col.birthAnswered'), cell: (m) => <Marked text={m.answered ? birth(m.answered.birthDate) : null} differs={m.verdict === 'birth-date-differs'} /> },
            { header: t('procedures.staff.compare.col.birthRegistered'), cell: (m) => <Marked text={m.registered ? birth(m.registered.birthDate) : null} differs={m.verdict === 'birth-date-differs'} /> },
            { header: t('procedures.staff.compare.col.verdict'), cell: (m) => <MemberVerdict ctx={ctx} verdict={m.verdict} /> },
          ]}
        />
      ) : null}
    </section>
  );
}

function Files({ ctx, view }: { ctx: ViewContext; view: ReviewView }) {
  const t = ctx.t;
  return (
    <>
      <h2>{t('procedures.staff.review.files')}</h2>
      {view.files.length === 0 ? (
        <p>{t('procedures.staff.review.files.none')}</p>
      ) : (
        <ul>
          {view.files.map((f) => (
            <li>
              <a href={`${reviewPath(view.row.id)}/files/${f.id}`} download>
                {t('procedures.staff.review.files.download', { name: f.original_name, size: local(ctx, formatBytes(f.size)) })}
              </a>
              {f.uploaded_by === 'staff' ? ` (${t('procedures.staff.review.files.byStaff')})` : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Tasks({ ctx, view }: { ctx: ViewContext; view: ReviewView }) {
  const t = ctx.t;
  return (
    <>
      <h2>{t('procedures.staff.review.tasks')}</h2>
      <Table
        caption={t('procedures.staff.review.tasks.caption')}
        rows={view.tasks}
        empty="—"
        columns={[
          { header: t('procedures.staff.tasks.col.task'), cell: (task) => <a href={taskPath(task.id)}>{t(`procedures.staff.task.kind.${task.kind}`)}</a> },
          { header: t('procedures.staff.col.department'), cell: (task) => local(ctx, { ja: task.name_ja, en: task.name_en }) },
          { header: t('procedures.staff.tasks.col.status'), cell: (task) => <TaskStatusTag ctx={ctx} status={task.status} /> },
        ]}
      />
    </>
  );
}

function Timeline({ ctx, events, def }: { ctx: ViewContext; events: EventRow[]; def: ReviewView['def'] }) {
  const t = ctx.t;
  // Flagged fields are stored by id; staff read them by the label of the version the application was made on.
  const fieldNames = (ids: string[]) => ids.map((id) => labelOfName(def, id, ctx.locale)).join('、');
  const who = (e: EventRow) => (e.actor_type === 'staff' ? (e.staff_name ?? '') : e.actor_type === 'resident' ? t('procedures.staff.review.timeline.resident') : t('procedures.staff.review.timeline.system'));
  return (
    <>
      <h2>{t('procedures.staff.review.timeline')}</h2>
      <ol class="plain-list timeline">
        {events.map((e) => (
          <li>
            <p>
              <time dateTime={e.at.toISOString()}>{dateTimeText(ctx, e.at)}</time> <strong>{KNOWN_EVENTS.has(e.kind) ? t(`procedures.staff.event.${e.kind}`) : t('procedures.staff.event.other', { kind: e.kind })}</strong> — {who(e)}
              {!e.visible_to_resident ? (
                <>
                  {' '}
                  <StatusTag tone="neutral">{t('procedures.staff.review.timeline.internal')}</StatusTag>
                </>
              ) : null}
            </p>
            {e.message ? <p class="message-body">{e.message}</p> : null}
            {e.fields.length ? <p>{t('procedures.staff.review.timeline.fields', { fields: fieldNames(e.fields) })}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

function Actions({ ctx, view, values, errors }: { ctx: ViewContext; view: ReviewView; values: ReviewFormValues; errors: Record<string, string> }) {
  const t = ctx.t;
  const base = reviewPath(view.row.id);
  const a = view.actions;
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t('procedures.staff.actions')}</h2>
      {!a.assign ? <p>{t('procedures.staff.review.final', { status: t(`procedures.staff.status.${view.row.status}`) })}</p> : null}
      {a.assign ? (
        <>
          <h3>{t('procedures.staff.assign.legend')}</h3>
          <p>{view.assignedName ? t('procedures.staff.assign.current', { name: view.assignedName }) : t('procedures.staff.assign.none')}</p>
          <div class="button-row">
            <form method="post" action={`${base}/assign`}>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="assignee" value="me" />
              <Button variant="secondary">{t('procedures.staff.assign.me')}</Button>
            </form>
            {a.start ? (
              <form method="post" action={`${base}/start`}>
                <CsrfField token={ctx.csrfToken} />
                <Button>{t('procedures.staff.start.submit')}</Button>
              </form>
            ) : null}
          </div>
          {view.colleagues.length ? (
            <form method="post" action={`${base}/assign`}>
              <CsrfField token={ctx.csrfToken} />
              <Select name="assignee" label={t('procedures.staff.assign.colleague')} value={values.assignee ?? ''} emptyLabel={t('procedures.staff.assign.choose')} options={view.colleagues.map((c) => ({ value: c.id, label: c.name }))} error={errors.assignee ?? null} />
              <Button variant="secondary">{t('procedures.staff.assign.submit')}</Button>
            </form>
          ) : null}
        </>
      ) : null}
      {a.return ? (
        <form method="post" action={`${base}/return`}>
          <CsrfField token={ctx.csrfToken} />
          <h3>{t('procedures.staff.return.legend')}</h3>
          <Textarea name="returnMessage" label={t('procedures.staff.return.message')} hint={t('procedures.staff.return.message.hint')} required requiredLabel={t('ui.required')} value={values.returnMessage ?? ''} error={errors.returnMessage ?? null} maxLength={MESSAGE_MAX} />
          {view.correctable.length ? (
            <Checkboxes name="fields" label={t('procedures.staff.return.fields')} options={view.correctable.map((f) => ({ value: f.id, label: local(ctx, f.label) }))} values={values.fields ?? []} error={errors.fields ?? null} />
          ) : null}
          <Button variant="secondary">{t('procedures.staff.return.submit')}</Button>
        </form>
      ) : null}
      {a.approve ? (
        <form method="post" action={`${base}/approve`}>
          <CsrfField token={ctx.csrfToken} />
          <h3>{t('procedures.staff.approve.legend')}</h3>
          <Textarea name="approveMessage" label={t('procedures.staff.approve.message')} hint={t('procedures.staff.approve.message.hint')} value={values.approveMessage ?? ''} error={errors.approveMessage ?? null} maxLength={MESSAGE_MAX} rows={3} />
          <Button>{t('procedures.staff.approve.submit')}</Button>
        </form>
      ) : null}
      {a.reject ? (
        <form method="post" action={`${base}/reject`}>
          <CsrfField token={ctx.csrfToken} />
          <h3>{t('procedures.staff.reject.legend')}</h3>
          <Textarea name="reason" label={t('procedures.staff.reject.reason')} hint={t('procedures.staff.reject.reason.hint')} required requiredLabel={t('ui.required')} value={values.reason ?? ''} error={errors.reason ?? null} maxLength={MESSAGE_MAX} />
          <Button variant="danger">{t('procedures.staff.reject.submit')}</Button>
        </form>
      ) : null}
      <form method="post" action={`${base}/notes`}>
        <CsrfField token={ctx.csrfToken} />
        <h3>{t('procedures.staff.note.legend')}</h3>
        <Textarea name="note" label={t('procedures.staff.note.text')} hint={t('procedures.staff.note.text.hint')} required requiredLabel={t('ui.required')} value={values.note ?? ''} error={errors.note ?? null} maxLength={MESSAGE_MAX} rows={3} />
        <Button variant="secondary">{t('procedures.staff.note.submit')}</Button>
      </form>
    </section>
  );
}
