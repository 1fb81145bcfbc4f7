import type { ViewContext } from '../../platform/ui/view-context.ts';
import { Page } from '../../platform/ui/layout.tsx';
import { Button, LinkButton } from '../../platform/ui/components/button.tsx';
import { CsrfField, Select, TextInput, Textarea } from '../../platform/ui/components/form-fields.tsx';
import { ErrorSummary, NotificationBanner, StatusTag, type TagTone } from '../../platform/ui/components/feedback.tsx';
import { Pagination } from '../../platform/ui/components/navigation.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { BarChart } from '../../platform/ui/components/bar-chart.tsx';
import { CATEGORIES } from './faq-editor-service.ts';
import type { chatbotReport } from './report-service.ts';

const INQUIRY_TONE: Record<string, TagTone> = { open: 'warning', answered: 'success', closed: 'neutral' };
const FAQ_TONE: Record<string, TagTone> = { draft: 'neutral', in_review: 'warning', published: 'success', retired: 'neutral' };

function crumbs(ctx: ViewContext, last?: { label: string; href?: string }[]) {
  return [{ href: '/staff', label: ctx.t('staff.home.title') }, { href: '/staff/chatbot', label: ctx.t('chatbot.staff.title') }, ...(last ?? [])];
}

function dateTime(d: Date, locale: string) {
  return d.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'short' });
}

export interface InquiryRow {
  id: string;
  reference: string;
  department_code: string;
  question: string;
  status: string;
  created_at: Date;
}

export function ChatbotStaffHome(props: { ctx: ViewContext; rows: InquiryRow[]; status: string; page: number; pageCount: number; departmentName: (c: string) => string }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('chatbot.staff.title')} shell="staff" breadcrumbs={[{ href: '/staff', label: t('staff.home.title') }, { label: t('chatbot.staff.title') }]}>
      <h1>{t('chatbot.staff.title')}</h1>
      <div class="actions">
        <LinkButton href="/staff/chatbot/faq" variant="secondary">{t('chatbot.faqs.title')}</LinkButton>
        <LinkButton href="/staff/chatbot/reports" variant="secondary">{t('chatbot.reports.title')}</LinkButton>
      </div>
      <h2>{t('chatbot.staff.inquiries')}</h2>
      <form method="get" action="/staff/chatbot" class="search-row">
        <Select
          name="status"
          label={t('chatbot.staff.filter.status')}
          value={props.status}
          emptyLabel={t('chatbot.staff.filter.all')}
          options={['open', 'answered', 'closed'].map((s) => ({ value: s, label: t(`chatbot.status.${s}`) }))}
        />
        <Button variant="secondary">{t('chatbot.staff.filter.submit')}</Button>
      </form>
      <Table
        caption={t('chatbot.staff.inquiries')}
        captionHidden
        rows={props.rows}
        empty={t('chatbot.staff.none')}
        columns={[
          { header: t('chatbot.staff.col.reference'), cell: (r) => <a href={`/staff/chatbot/inquiries/${r.id}`}>{r.reference}</a> },
          { header: t('chatbot.staff.col.question'), cell: (r) => (r.question.length > 60 ? `${r.question.slice(0, 60)}…` : r.question) },
          { header: t('chatbot.staff.col.department'), cell: (r) => props.departmentName(r.department_code) },
          { header: t('chatbot.staff.col.received'), cell: (r) => dateTime(r.created_at, ctx.locale) },
          { header: t('chatbot.staff.col.status'), cell: (r) => <StatusTag tone={INQUIRY_TONE[r.status] ?? 'neutral'}>{t(`chatbot.status.${r.status}`)}</StatusTag> },
        ]}
      />
      <Pagination t={t} page={props.page} pageCount={props.pageCount} baseHref="/staff/chatbot" query={props.status ? { status: props.status } : {}} />
    </Page>
  );
}

export function InquiryStaffPage(props: {
  ctx: ViewContext;
  inquiry: { id: string; reference: string; question: string; department_code: string; status: string; contact_email: string | null; contact_phone: string | null; answer: string | null; faq_entry_id: string | null; created_at: Date };
  departmentName: (c: string) => string;
  draft: string;
  error?: string | null;
  aiEnabled: boolean;
  aiOutput?: string | null;
  aiError?: string | null;
}) {
  const { ctx, inquiry } = props;
  const t = ctx.t;
  const contact = [inquiry.contact_email, inquiry.contact_phone].filter(Boolean).join(' / ');
  return (
    <Page ctx={ctx} title={inquiry.reference} shell="staff" breadcrumbs={crumbs(ctx, [{ label: inquiry.reference }])}>
      <h1>{inquiry.reference}</h1>
      <SummaryList
        items={[
          { key: t('chatbot.staff.col.question'), value: inquiry.question },
          { key: t('chatbot.staff.col.department'), value: props.departmentName(inquiry.department_code) },
          { key: t('chatbot.staff.col.received'), value: dateTime(inquiry.created_at, ctx.locale) },
          { key: t('chatbot.staff.contact'), value: contact || t('chatbot.staff.noContact') },
          { key: t('chatbot.staff.col.status'), value: <StatusTag tone={INQUIRY_TONE[inquiry.status] ?? 'neutral'}>{t(`chatbot.status.${inquiry.status}`)}</StatusTag> },
        ]}
      />
      {props.aiEnabled ? (
        <section class="card">
          <h2>{t('chatbot.staff.ai')}</h2>
          <form method="post" action={`/staff/chatbot/inquiries/${inquiry.id}/ai`} class="actions">
            <CsrfField token={ctx.csrfToken} />
            <Button variant="secondary" name="task" value="summary">{t('chatbot.staff.ai.summary')}</Button>
            <Button variant="secondary" name="task" value="draft">{t('chatbot.staff.ai.draft')}</Button>
          </form>
          {props.aiError ? <NotificationBanner kind="error" title={props.aiError} /> : null}
          {props.aiOutput ? (
            <>
              <h3>{t('chatbot.staff.ai.result')}</h3>
              <p class="ai-output">{props.aiOutput}</p>
            </>
          ) : null}
        </section>
      ) : null}
      <ErrorSummary title={t('ui.errorSummary.title')} errors={props.error ? [{ field: 'answer', message: props.error }] : []} />
      <form method="post" action={`/staff/chatbot/inquiries/${inquiry.id}/answer`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Textarea name="answer" label={t('chatbot.staff.answer')} value={props.draft} error={props.error ?? undefined} rows={8} required requiredLabel={t('ui.required')} />
        <Button>{t('chatbot.staff.answer.submit')}</Button>
      </form>
      {inquiry.answer && !inquiry.faq_entry_id ? (
        <form method="post" action={`/staff/chatbot/inquiries/${inquiry.id}/to-faq`}>
          <CsrfField token={ctx.csrfToken} />
          <Button variant="secondary">{t('chatbot.staff.toFaq')}</Button>
        </form>
      ) : null}
      {inquiry.faq_entry_id ? (
        <p>
          <a href={`/staff/chatbot/faq/${inquiry.faq_entry_id}`}>{inquiry.faq_entry_id}</a>
        </p>
      ) : null}
    </Page>
  );
}

export function FaqListPage(props: { ctx: ViewContext; rows: { id: string; category: string; version: number; status: string; question: string }[]; text: string; status: string; page: number; hasNext: boolean }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('chatbot.faqs.title')} shell="staff" breadcrumbs={crumbs(ctx, [{ label: t('chatbot.faqs.title') }])}>
      <h1>{t('chatbot.faqs.title')}</h1>
      <LinkButton href="/staff/chatbot/faq/new">{t('chatbot.faqs.new')}</LinkButton>
      <form method="get" action="/staff/chatbot/faq" role="search">
        <div class="search-row">
          <TextInput name="text" label={t('chatbot.faqs.search')} value={props.text} />
          <Select name="status" label={t('chatbot.faqs.col.status')} value={props.status} emptyLabel={t('chatbot.staff.filter.all')} options={['draft', 'in_review', 'published'].map((s) => ({ value: s, label: t(`chatbot.faqStatus.${s}`) }))} />
        </div>
        <Button variant="secondary">{t('ui.search')}</Button>
      </form>
      <Table
        caption={t('chatbot.faqs.title')}
        captionHidden
        rows={props.rows}
        empty={t('chatbot.faqs.none')}
        columns={[
          { header: t('chatbot.faqs.col.question'), cell: (r) => <a href={`/staff/chatbot/faq/${r.id}`}>{r.question}</a> },
          { header: t('chatbot.faqs.col.category'), cell: (r) => r.category },
          { header: t('chatbot.faqs.col.version'), cell: (r) => r.version, numeric: true },
          { header: t('chatbot.faqs.col.status'), cell: (r) => <StatusTag tone={FAQ_TONE[r.status] ?? 'neutral'}>{t(`chatbot.faqStatus.${r.status}`)}</StatusTag> },
        ]}
      />
      <nav class="pagination" aria-label={t('ui.pagination')}>
        <ul>
          {props.page > 1 ? <li><a rel="prev" href={`/staff/chatbot/faq?${new URLSearchParams({ text: props.text, status: props.status, page: String(props.page - 1) })}`}>{t('ui.pagination.previous')}</a></li> : null}
          {props.hasNext ? <li><a rel="next" href={`/staff/chatbot/faq?${new URLSearchParams({ text: props.text, status: props.status, page: String(props.page + 1) })}`}>{t('ui.pagination.next')}</a></li> : null}
        </ul>
      </nav>
    </Page>
  );
}

export interface FaqFormValues {
  id: string;
  department: string;
  category: string;
  question: string;
  answer: string;
  keywords: string;
  questionEn: string;
  answerEn: string;
}

export function FaqEditPage(props: {
  ctx: ViewContext;
  mode: 'create' | 'edit';
  values: FaqFormValues;
  errors: Record<string, string>;
  departments: { code: string; name: string }[];
  versions: { version: number; status: string; question: string; created_at: Date }[];
  canPublish: boolean;
}) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const title = props.mode === 'create' ? t('chatbot.faqs.new') : values.question || values.id;
  const action = props.mode === 'create' ? '/staff/chatbot/faq/new' : `/staff/chatbot/faq/${values.id}`;
  return (
    <Page ctx={ctx} title={title} shell="staff" breadcrumbs={crumbs(ctx, [{ href: '/staff/chatbot/faq', label: t('chatbot.faqs.title') }, { label: title }])}>
      <h1>{title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={Object.entries(errors).map(([field, message]) => ({ field, message }))} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {props.mode === 'create' ? (
          <>
            <TextInput name="id" label={t('chatbot.faq.id')} value={values.id} error={errors.id} width="medium" required requiredLabel={t('ui.required')} />
            <Select name="department" label={t('chatbot.faq.departmentField')} value={values.department} error={errors.department} options={props.departments.map((d) => ({ value: d.code, label: d.name }))} />
          </>
        ) : null}
        <Select name="category" label={t('chatbot.faq.category')} value={values.category} error={errors.category} options={CATEGORIES.map((c) => ({ value: c, label: c }))} />
        <TextInput name="question" label={t('chatbot.faq.question')} value={values.question} error={errors.question} required requiredLabel={t('ui.required')} />
        <Textarea name="answer" label={t('chatbot.faq.answer')} value={values.answer} error={errors.answer} rows={8} required requiredLabel={t('ui.required')} />
        <TextInput name="keywords" label={t('chatbot.faq.keywords')} value={values.keywords} />
        <TextInput name="questionEn" label={t('chatbot.faq.questionEn')} value={values.questionEn} error={errors.questionEn} />
        <Textarea name="answerEn" label={t('chatbot.faq.answerEn')} value={values.answerEn} error={errors.answerEn} rows={5} />
        <Button>{t('chatbot.faq.save')}</Button>
      </form>
      {props.versions.length ? (
        <>
          <Table
            caption={t('chatbot.faq.versions')}
            rows={props.versions}
            empty="—"
            columns={[
              { header: t('chatbot.faqs.col.version'), cell: (v) => v.version, numeric: true },
              { header: t('chatbot.faqs.col.question'), cell: (v) => v.question },
              { header: t('chatbot.faqs.col.status'), cell: (v) => <StatusTag tone={FAQ_TONE[v.status] ?? 'neutral'}>{t(`chatbot.faqStatus.${v.status}`)}</StatusTag> },
              {
                header: '',
                cell: (v) =>
                  v.status === 'draft' ? (
                    <form method="post" action={`/staff/chatbot/faq/${values.id}/versions/${v.version}/submit`}>
                      <CsrfField token={ctx.csrfToken} />
                      <Button variant="secondary">{t('chatbot.faq.submit')}</Button>
                    </form>
                  ) : v.status === 'in_review' && props.canPublish ? (
                    <form method="post" action={`/staff/chatbot/faq/${values.id}/versions/${v.version}/publish`}>
                      <CsrfField token={ctx.csrfToken} />
                      <Button>{t('chatbot.faq.publish')}</Button>
                    </form>
                  ) : null,
              },
            ]}
          />
        </>
      ) : null}
    </Page>
  );
}

export function ReportsPage(props: { ctx: ViewContext; report: Awaited<ReturnType<typeof chatbotReport>> }) {
  const { ctx, report } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('chatbot.reports.title')} shell="staff" breadcrumbs={crumbs(ctx, [{ label: t('chatbot.reports.title') }])}>
      <h1>{t('chatbot.reports.title')}</h1>
      <h2>{t('chatbot.reports.weekly')}</h2>
      {report.weekly.length ? <BarChart title={t('chatbot.reports.weekly')} bars={report.weekly} valueLabel={t('chatbot.reports.weekly.values')} /> : <p>{t('chatbot.reports.none')}</p>}
      <Table caption={t('chatbot.reports.top')} rows={report.topThisWeek} empty={t('chatbot.reports.none')} columns={[{ header: t('chatbot.reports.col.query'), cell: (r) => r.query }, { header: t('chatbot.reports.col.count'), cell: (r) => r.count, numeric: true }]} />
      <Table caption={t('chatbot.reports.unanswered')} rows={report.unanswered} empty={t('chatbot.reports.none')} columns={[{ header: t('chatbot.reports.col.query'), cell: (r) => r.query }, { header: t('chatbot.reports.col.count'), cell: (r) => r.count, numeric: true }]} />
      <Table
        caption={t('chatbot.reports.lowRated')}
        rows={report.lowRated}
        empty={t('chatbot.reports.none')}
        columns={[
          { header: t('chatbot.reports.col.entry'), cell: (r) => <a href={`/staff/chatbot/faq/${r.entryId}`}>{r.entryId}</a> },
          { header: t('chatbot.reports.col.unhelpful'), cell: (r) => r.unhelpful, numeric: true },
          { header: t('chatbot.reports.col.ratings'), cell: (r) => r.ratings, numeric: true },
        ]}
      />
    </Page>
  );
}
