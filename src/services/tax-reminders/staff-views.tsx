/** Staff pages of tax-reminder campaigns: list, upload, campaign (check, preview, send, results), templates. */
import { SMS_MAX_SEGMENTS } from '../../platform/notify/template.ts';
import { Button, LinkButton } from '../../platform/ui/components/button.tsx';
import { Checkboxes, CsrfField, FileInput, TextInput, Textarea } from '../../platform/ui/components/form-fields.tsx';
import { ErrorSummary, NotificationBanner, StatusTag, type TagTone } from '../../platform/ui/components/feedback.tsx';
import { Pagination } from '../../platform/ui/components/navigation.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { DateText } from '../../platform/ui/components/date-text.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { CampaignView } from './campaign-service.ts';
import { PAID_WINDOW_DAYS } from './dashboard.ts';
import { formatJst } from './schedule.ts';
import { PLACEHOLDERS } from './sms-text.ts';
import type { StoredProblem } from './tables.ts';
import { COLUMNS, FIELDS, fiscalYearLabel, TAX_ITEMS } from './taxpayer-csv.ts';

export const BASE = '/staff/tax-reminders';

const STATE_TONE: Record<string, TagTone> = { draft: 'neutral', scheduled: 'info', sending: 'warning', sent: 'success', cancelled: 'neutral' };
const DELIVERY_TONE: Record<string, TagTone> = { delivered: 'success', failed: 'error', 'in-progress': 'info', 'not-sent': 'neutral', unknown: 'neutral' };

function crumbs(ctx: ViewContext, last?: { label: string; href?: string }[]) {
  const t = ctx.t;
  return [{ href: '/staff', label: t('staff.home.title') }, ...(last ? [{ href: BASE, label: t('tax.title') }, ...last] : [{ label: t('tax.title') }])];
}

const yen = (ctx: ViewContext, amount: number) => ctx.t('tax.yen', { amount: amount.toLocaleString('ja-JP') });

function MultilineText(props: { text: string }) {
  const lines = props.text.split('\n');
  return (
    <>
      {lines.map((line, i) => (
        <>
          {line}
          {i < lines.length - 1 ? <br /> : null}
        </>
      ))}
    </>
  );
}

function PlaceholderHelp({ ctx }: { ctx: ViewContext }) {
  return (
    <details>
      <summary>{ctx.t('tax.template.help.summary')}</summary>
      <p>{ctx.t('tax.template.help.lead', { max: SMS_MAX_SEGMENTS })}</p>
      <ul>
        {PLACEHOLDERS.map((p) => (
          <li>
            <code>{`((${p}))`}</code>：{ctx.t(`tax.placeholder.${p}`)}
          </li>
        ))}
      </ul>
    </details>
  );
}

function errorList(errors: Record<string, string>) {
  return Object.entries(errors).map(([field, message]) => ({ field, message }));
}

// ---------------------------------------------------------------- list

export function CampaignListPage(props: {
  ctx: ViewContext;
  canPrepare: boolean;
  rows: { id: string; title: string; state: string; row_count: number; recipients: number | string | null; handed: number | string | null; created_at: Date; scheduled_at: Date | null; created_by_name: string | null }[];
}) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('tax.title')} shell="staff" breadcrumbs={crumbs(ctx)}>
      <h1>{t('tax.title')}</h1>
      <p>{t('tax.lead')}</p>
      <div class="actions">
        {props.canPrepare ? <LinkButton href={`${BASE}/new`}>{t('tax.new.title')}</LinkButton> : null}
        <LinkButton href={`${BASE}/templates`} variant="secondary">
          {t('tax.templates.title')}
        </LinkButton>
      </div>
      <Table
        caption={t('tax.list.caption')}
        rows={props.rows}
        empty={t('tax.list.empty')}
        id="campaigns"
        columns={[
          { header: t('tax.col.title'), cell: (r) => <a href={`${BASE}/campaigns/${r.id}`}>{r.title}</a> },
          { header: t('tax.col.state'), cell: (r) => <StatusTag tone={STATE_TONE[r.state] ?? 'neutral'}>{t(`tax.state.${r.state}`)}</StatusTag> },
          { header: t('tax.col.recipients'), cell: (r) => Number(r.recipients ?? 0), numeric: true },
          { header: t('tax.col.handed'), cell: (r) => Number(r.handed ?? 0), numeric: true },
          { header: t('tax.col.scheduled'), cell: (r) => (r.scheduled_at ? formatJst(r.scheduled_at) : '—') },
          { header: t('tax.col.created'), cell: (r) => `${formatJst(r.created_at)} ${r.created_by_name ?? ''}` },
        ]}
      />
    </Page>
  );
}

// ---------------------------------------------------------------- upload

export function NewCampaignPage(props: {
  ctx: ViewContext;
  values: { title: string; body: string };
  errors: Record<string, string>;
  templates: { id: string; name: string }[];
}) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('tax.new.title')} shell="staff" breadcrumbs={crumbs(ctx, [{ label: t('tax.new.title') }])}>
      <h1>{t('tax.new.title')}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(errors)} />
      <p>{t('tax.new.lead')}</p>
      <details>
        <summary>{t('tax.new.columns.summary')}</summary>
        <ul>
          {FIELDS.map((f) => (
            <li>
              <strong>{COLUMNS[f][0]}</strong>
              {COLUMNS[f].length > 1 ? `（${t('tax.new.columns.aliases', { names: COLUMNS[f].slice(1).join('、') })}）` : ''}：{t(`tax.column.${f}`, { items: TAX_ITEMS.join('、') })}
            </li>
          ))}
        </ul>
      </details>
      {props.templates.length > 1 ? (
        <p>
          {t('tax.new.useTemplate')}{' '}
          {props.templates.map((tpl, i) => (
            <>
              {i > 0 ? '、' : ''}
              <a href={`${BASE}/new?template=${tpl.id}`}>{tpl.name}</a>
            </>
          ))}
        </p>
      ) : null}
      <form method="post" action={`${BASE}/new`} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput name="title" label={t('tax.new.title.label')} hint={t('tax.new.title.hint')} value={values.title} error={errors.title} required requiredLabel={t('ui.required')} maxLength={100} />
        <Textarea name="body" label={t('tax.text.label')} hint={t('tax.text.hint')} value={values.body} error={errors.body} rows={6} maxLength={1000} />
        <PlaceholderHelp ctx={ctx} />
        <FileInput name="file" label={t('tax.new.file')} hint={t('tax.new.file.hint')} accept=".csv,text/csv" error={errors.file} required requiredLabel={t('ui.required')} />
        <Button>{t('tax.new.submit')}</Button>
      </form>
    </Page>
  );
}

// ---------------------------------------------------------------- one campaign

function ProblemsTable({ ctx, problems, href }: { ctx: ViewContext; problems: StoredProblem[]; href: string }) {
  const t = ctx.t;
  return (
    <>
      <h2 id="problems">{t('tax.problems.title', { count: problems.length })}</h2>
      <p>{t('tax.problems.lead')}</p>
      <p>
        <a href={href}>{t('tax.problems.download')}</a>
      </p>
      <Table
        caption={t('tax.problems.title', { count: problems.length })}
        captionHidden
        id="problem-rows"
        rows={problems.slice(0, 200)}
        empty="—"
        columns={[
          { header: t('tax.report.row'), cell: (p) => p.row, numeric: true },
          { header: t('tax.report.column'), cell: (p) => p.column },
          { header: t('tax.report.value'), cell: (p) => p.value },
          { header: t('tax.report.message'), cell: (p) => t(p.messageKey, p.params) },
        ]}
      />
      {problems.length > 200 ? <p>{t('tax.problems.more', { count: problems.length - 200 })}</p> : null}
    </>
  );
}

function DashboardBlock({ ctx, view, id }: { ctx: ViewContext; view: CampaignView; id: string }) {
  const t = ctx.t;
  const d = view.dashboard!;
  const rate = d.handed ? Math.round((d.paidWithinWindow / d.handed) * 1000) / 10 : 0;
  return (
    <section aria-labelledby="results">
      <h2 id="results">{t('tax.dashboard.title')}</h2>
      <ul class="card-list" data-testid="dashboard">
        {(
          [
            ['recipients', d.recipients],
            ['handed', d.handed],
            ['delivered', d.delivered],
            ['failed', d.failed],
            ['inProgress', d.inProgress],
            ['unknown', d.unknown],
            ['opened', d.opened],
            ['paidWithinWindow', d.paidWithinWindow],
          ] as const
        ).map(([key, value]) => (
          <li class="card">
            <h3>{t(`tax.dashboard.${key}`, { days: PAID_WINDOW_DAYS })}</h3>
            <p>
              <strong data-stat={key}>{value}</strong>
            </p>
          </li>
        ))}
      </ul>
      <p>{t('tax.dashboard.summary', { amount: d.paidAmountWithinWindow.toLocaleString('ja-JP'), rate, days: PAID_WINDOW_DAYS, paid: d.paid })}</p>
      {d.unknown > 0 ? <p>{t('tax.dashboard.unknownNote')}</p> : null}
      <p>
        <a href={`${BASE}/campaigns/${id}/results.csv`}>{t('tax.export')}</a>
      </p>
    </section>
  );
}

export function CampaignPage(props: {
  ctx: ViewContext;
  view: CampaignView;
  canPrepare: boolean;
  canSend: boolean;
  bodyValue?: string;
  sendAtValue?: string;
  errors: Record<string, string>;
}) {
  const { ctx, view } = props;
  const t = ctx.t;
  const c = view.campaign;
  const id = c.id;
  const draft = c.state === 'draft';
  const textBlocking = view.textProblems.length > 0;
  return (
    <Page ctx={ctx} title={c.title} shell="staff" breadcrumbs={crumbs(ctx, [{ label: c.title }])}>
      <h1>
        {c.title} <StatusTag tone={STATE_TONE[c.state] ?? 'neutral'}>{t(`tax.state.${c.state}`)}</StatusTag>
      </h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(props.errors)} />
      <NotificationBanner kind="info" title={t('tax.campaign.audited')} />
      <SummaryList
        items={[
          { key: t('tax.campaign.file'), value: `${c.file_name}（${t(`tax.encoding.${c.file_encoding}`)}）` },
          { key: t('tax.campaign.rows'), value: t('tax.campaign.rows.value', { rows: c.row_count, recipients: view.total, problems: view.problems.length }) },
          { key: t('tax.campaign.createdBy'), value: `${formatJst(c.created_at)} ${c.created_by_name ?? ''}` },
          ...(c.approved_at ? [{ key: t('tax.campaign.approvedBy'), value: `${formatJst(c.approved_at)} ${c.approved_by_name ?? ''}` }] : []),
          ...(c.scheduled_at ? [{ key: t('tax.campaign.scheduledAt'), value: formatJst(c.scheduled_at) }] : []),
          { key: t('tax.campaign.linkExpires'), value: <DateText iso={view.linkExpires} locale={ctx.locale} /> },
          ...(view.segmentsTotal ? [{ key: t('tax.campaign.segments'), value: t('tax.campaign.segments.value', { segments: view.segmentsTotal, messages: view.total }) }] : []),
        ]}
      />

      {view.dashboard ? <DashboardBlock ctx={ctx} view={view} id={id} /> : null}

      <section aria-labelledby="text">
        <h2 id="text">{t('tax.text.title')}</h2>
        {view.textProblems.map((p) => (
          <NotificationBanner kind="error" title={t(p.messageKey, p.params)} />
        ))}
        {draft && props.canPrepare ? (
          <form method="post" action={`${BASE}/campaigns/${id}/text`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <Textarea name="body" label={t('tax.text.label')} hint={t('tax.text.hint')} value={props.bodyValue ?? c.body} error={props.errors.body} rows={6} maxLength={1000} />
            <PlaceholderHelp ctx={ctx} />
            <Button variant="secondary">{t('tax.text.save')}</Button>
          </form>
        ) : (
          <blockquote>
            <MultilineText text={c.body} />
          </blockquote>
        )}
      </section>

      {draft ? (
        <section aria-labelledby="send">
          <h2 id="send">{t('tax.send.title')}</h2>
          {props.canSend ? (
            textBlocking ? (
              <p>{t('tax.send.fixTextFirst')}</p>
            ) : (
              <form method="post" action={`${BASE}/campaigns/${id}/send`} novalidate>
                <CsrfField token={ctx.csrfToken} />
                <p>{t('tax.send.lead', { count: view.total })}</p>
                <TextInput name="sendAt" label={t('tax.send.sendAt')} hint={t('tax.send.sendAt.hint')} value={props.sendAtValue ?? ''} error={props.errors.sendAt} width="medium" autocomplete="off" />
                <Checkboxes name="confirmed" label={t('tax.send.confirm.legend')} error={props.errors.confirmed} options={[{ value: '1', label: t('tax.send.confirm', { count: view.total }) }]} />
                <Button>{t('tax.send.submit')}</Button>
              </form>
            )
          ) : (
            <p>{t('tax.send.managerOnly')}</p>
          )}
        </section>
      ) : null}

      {(draft && props.canPrepare) || (c.state === 'scheduled' && props.canSend) ? (
        <form method="post" action={`${BASE}/campaigns/${id}/cancel`}>
          <CsrfField token={ctx.csrfToken} />
          <Button variant="danger">{t(draft ? 'tax.cancel.draft' : 'tax.cancel.scheduled')}</Button>
        </form>
      ) : null}

      {view.problems.length > 0 ? <ProblemsTable ctx={ctx} problems={view.problems} href={`${BASE}/campaigns/${id}/problems.csv`} /> : null}

      <h2 id="recipients">{t('tax.recipients.title', { count: view.total })}</h2>
      <Table
        caption={t('tax.recipients.title', { count: view.total })}
        captionHidden
        id="recipient-rows"
        rows={view.recipients}
        empty={t('tax.recipients.empty')}
        columns={[
          { header: t('tax.report.row'), cell: (r) => r.row_number, numeric: true },
          {
            header: t('tax.col.taxpayer'),
            cell: (r) => (
              <>
                {r.name}
                <br />
                <small class="mono">{r.taxpayer_number}</small>
                <br />
                <small class="mono">{r.phone}</small>
              </>
            ),
          },
          {
            header: t('tax.col.tax'),
            cell: (r) => (
              <>
                {fiscalYearLabel(r.fiscal_year)} {r.tax_item} {r.installment}
                <br />
                {yen(ctx, r.amount_yen)}
                <br />
                <small>
                  {t('tax.col.due')} <DateText iso={r.due_date} locale={ctx.locale} />
                </small>
              </>
            ),
          },
          {
            header: t('tax.col.message'),
            cell: (r) =>
              r.message_body ? (
                <MultilineText text={r.message_body} />
              ) : r.preview ? (
                <>
                  <MultilineText text={r.preview.text} />
                  <br />
                  <small>
                    {r.preview.tooLong ? <StatusTag tone="error">{t('tax.preview.tooLong')}</StatusTag> : null} {t('tax.preview.length', { units: r.preview.units, segments: r.preview.segments })}
                  </small>
                </>
              ) : (
                '—'
              ),
          },
          {
            header: t('tax.col.result'),
            cell: (r) => (
              <>
                <StatusTag tone={DELIVERY_TONE[r.delivery] ?? 'neutral'}>{t(`tax.delivery.${r.delivery}`)}</StatusTag>
                {r.paidAt ? (
                  <>
                    <br />
                    <StatusTag tone="success">{t('tax.recipient.paid', { at: formatJst(r.paidAt) })}</StatusTag>
                  </>
                ) : null}
              </>
            ),
          },
        ]}
      />
      <Pagination t={t} page={view.page} pageCount={view.pageCount} baseHref={`${BASE}/campaigns/${id}`} />
    </Page>
  );
}

// ---------------------------------------------------------------- templates

export function TemplatesPage(props: {
  ctx: ViewContext;
  templates: { id: string; name: string; body: string; updated_at: Date }[];
  canEdit: boolean;
  editing: { id: string | null; name: string; body: string } | null;
  errors: Record<string, string>;
}) {
  const { ctx, errors } = props;
  const t = ctx.t;
  const editing = props.editing ?? { id: null, name: '', body: '' };
  return (
    <Page ctx={ctx} title={t('tax.templates.title')} shell="staff" breadcrumbs={crumbs(ctx, [{ label: t('tax.templates.title') }])}>
      <h1>{t('tax.templates.title')}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(errors)} />
      <p>{t('tax.templates.lead')}</p>
      <Table
        caption={t('tax.templates.title')}
        captionHidden
        rows={props.templates}
        empty={t('tax.templates.empty')}
        columns={[
          { header: t('tax.templates.name'), cell: (r) => (props.canEdit ? <a href={`${BASE}/templates?edit=${r.id}#editor`}>{r.name}</a> : r.name) },
          { header: t('tax.text.label'), cell: (r) => <MultilineText text={r.body} /> },
          { header: t('tax.templates.updated'), cell: (r) => formatJst(r.updated_at) },
        ]}
      />
      {props.canEdit ? (
        <section aria-labelledby="editor">
          <h2 id="editor">{editing.id ? t('tax.templates.edit', { name: editing.name }) : t('tax.templates.new')}</h2>
          <form method="post" action={editing.id ? `${BASE}/templates/${editing.id}` : `${BASE}/templates`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextInput name="name" label={t('tax.templates.name')} value={editing.name} error={errors.name} required requiredLabel={t('ui.required')} maxLength={100} />
            <Textarea name="body" label={t('tax.text.label')} hint={t('tax.text.hint')} value={editing.body} error={errors.body} rows={6} maxLength={1000} />
            <PlaceholderHelp ctx={ctx} />
            <Button>{t('tax.templates.save')}</Button>
          </form>
        </section>
      ) : null}
    </Page>
  );
}
