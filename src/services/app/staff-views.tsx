/** Staff pages of the city app: the news list, the editor, preview, publishing, and disaster mode. */
import { Button, LinkButton } from '../../platform/ui/components/button.tsx';
import { ErrorSummary, NotificationBanner } from '../../platform/ui/components/feedback.tsx';
import { Checkboxes, CsrfField, DateInput, FileInput, Select, TextInput, Textarea } from '../../platform/ui/components/form-fields.tsx';
import { Pagination } from '../../platform/ui/components/navigation.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { DisasterAlert } from './disaster.ts';
import type { ArticleRow } from './news-service.ts';
import { ArticleView } from './resident-views.tsx';
import type { ArticleStatus } from './tables.ts';
import { ARTICLE_AREAS, CATEGORIES } from './taxonomy.ts';
import { areaLabel, categoryLabel, CategoryTag, DateTime, dateTimeText, Paragraphs, staffCrumbs, StatusOf } from './view-helpers.tsx';

const errorList = (errors: Record<string, string>) => Object.entries(errors).map(([field, message]) => ({ field, message }));
const STATUSES: ArticleStatus[] = ['draft', 'scheduled', 'published', 'unpublished'];

export function StaffNewsPage(props: { ctx: ViewContext; rows: ArticleRow[]; status: ArticleStatus | ''; page: number; pageCount: number; subscribers: Record<string, number>; disaster: DisasterAlert | null }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('app.staff.title')} shell="staff" breadcrumbs={[{ href: '/staff', label: t('staff.title') }, { label: t('app.staff.title') }]}>
      <h1>{t('app.staff.title')}</h1>
      {props.disaster ? (
        <NotificationBanner kind="error" title={t('app.staff.disasterOn')}>
          <p>
            <a href="/staff/app/disaster">{t('app.staff.disaster.title')}</a>
          </p>
        </NotificationBanner>
      ) : null}
      <div class="button-row">
        <LinkButton href="/staff/app/news/new">{t('app.staff.new')}</LinkButton>
        <LinkButton href="/staff/app/disaster" variant="secondary">
          {t('app.staff.disaster.title')}
        </LinkButton>
      </div>
      <p>{t('app.staff.subscribers', { email: props.subscribers.email ?? 0, line: props.subscribers.line ?? 0, push: props.subscribers.push ?? 0 })}</p>
      <form method="get" action="/staff/app" class="search-row">
        <Select name="status" label={t('app.field.status')} value={props.status} emptyLabel={t('app.staff.allStatuses')} options={STATUSES.map((s) => ({ value: s, label: t(`app.status.${s}`) }))} />
        <div class="field">
          <Button variant="secondary">{t('app.news.filterSubmit')}</Button>
        </div>
      </form>
      <Table
        caption={t('app.staff.list')}
        id="staff-news"
        columns={[
          { header: t('app.field.title'), cell: (a) => <a href={`/staff/app/news/${a.id}`}>{a.title}</a> },
          { header: t('app.field.category'), cell: (a) => <CategoryTag ctx={ctx} category={a.category} /> },
          { header: t('app.field.area'), cell: (a) => areaLabel(ctx, a.area) },
          { header: t('app.field.status'), cell: (a) => <StatusOf ctx={ctx} status={a.status} /> },
          { header: t('app.staff.when'), cell: (a) => (a.status === 'scheduled' && a.publish_at ? <DateTime ctx={ctx} at={a.publish_at} /> : a.published_at ? <DateTime ctx={ctx} at={a.published_at} /> : '—') },
          { header: t('app.staff.updated'), cell: (a) => <DateTime ctx={ctx} at={a.updated_at} /> },
        ]}
        rows={props.rows}
        empty={t('app.news.none')}
      />
      <Pagination t={t} page={props.page} pageCount={props.pageCount} baseHref="/staff/app" query={props.status ? { status: props.status } : {}} />
    </Page>
  );
}

export interface ArticleFormValues {
  title: string;
  summary: string;
  body: string;
  category: string;
  area: string;
  imageAlt: string;
  removeImage: string[];
}

export function ArticleFormPage(props: { ctx: ViewContext; values: ArticleFormValues; errors: Record<string, string>; article: ArticleRow | null }) {
  const { ctx, values, errors, article } = props;
  const t = ctx.t;
  const title = article ? t('app.staff.edit') : t('app.staff.new');
  return (
    <Page ctx={ctx} title={title} shell="staff" breadcrumbs={staffCrumbs(ctx, ...(article ? [{ href: `/staff/app/news/${article.id}`, label: article.title }] : []), { label: title })}>
      <h1>{title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(errors)} />
      <form method="post" action={article ? `/staff/app/news/${article.id}` : '/staff/app/news'} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput name="title" label={t('app.field.title')} value={values.title} error={errors.title} required requiredLabel={t('ui.required')} maxLength={120} />
        <TextInput name="summary" label={t('app.field.summary')} hint={t('app.field.summary.hint')} value={values.summary} error={errors.summary} maxLength={300} />
        <Textarea name="body" label={t('app.field.body')} hint={t('app.field.body.hint')} value={values.body} error={errors.body} rows={12} maxLength={20000} />
        <Select name="category" label={t('app.field.category')} value={values.category} error={errors.category} emptyLabel={t('app.staff.choose')} required requiredLabel={t('ui.required')} options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(ctx, c) }))} />
        <Select name="area" label={t('app.field.area')} value={values.area} error={errors.area} required requiredLabel={t('ui.required')} options={ARTICLE_AREAS.map((a) => ({ value: a, label: areaLabel(ctx, a) }))} />
        {article?.image_file_id ? (
          <figure class="chart">
            <img class="qr" src={`/app/images/${article.image_file_id}`} alt={article.image_alt} />
            <figcaption>{t('app.staff.currentImage')}</figcaption>
          </figure>
        ) : null}
        <FileInput name="image" label={t('app.field.image')} hint={t('app.field.image.hint')} error={errors.image} accept="image/png,image/jpeg,image/gif,image/webp" />
        <TextInput name="imageAlt" label={t('app.field.imageAlt')} hint={t('app.field.imageAlt.hint')} value={values.imageAlt} error={errors.imageAlt} maxLength={200} />
        {article?.image_file_id ? <Checkboxes name="removeImage" label={t('app.field.removeImage')} values={values.removeImage} options={[{ value: 'yes', label: t('app.field.removeImage.yes') }]} /> : null}
        <Button>{t('app.staff.save')}</Button>
      </form>
    </Page>
  );
}

export function StaffArticlePage(props: { ctx: ViewContext; article: ArticleRow; scheduleValues: { date: string; time: string }; errors: Record<string, string> }) {
  const { ctx, article, errors } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={article.title} shell="staff" breadcrumbs={staffCrumbs(ctx, { label: article.title })}>
      <h1>{article.title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(errors)} />
      <SummaryList
        items={[
          { key: t('app.field.status'), value: <StatusOf ctx={ctx} status={article.status} /> },
          { key: t('app.field.category'), value: categoryLabel(ctx, article.category) },
          { key: t('app.field.area'), value: areaLabel(ctx, article.area) },
          ...(article.publish_at ? [{ key: t('app.staff.scheduledAt'), value: <DateTime ctx={ctx} at={article.publish_at} /> }] : []),
          ...(article.published_at ? [{ key: t('app.staff.publishedAt'), value: <DateTime ctx={ctx} at={article.published_at} /> }] : []),
          { key: t('app.staff.notified'), value: article.notified_at ? dateTimeText(ctx, article.notified_at) : t('app.staff.notNotified') },
        ]}
      />
      <div class="button-row">
        <LinkButton href={`/staff/app/news/${article.id}/edit`} variant="secondary">
          {t('app.staff.edit')}
        </LinkButton>
        <LinkButton href={`/staff/app/news/${article.id}/preview`} variant="secondary">
          {t('app.staff.preview')}
        </LinkButton>
        {article.status === 'published' ? (
          <a href={`/app/news/${article.id}`}>{t('app.staff.viewPublic')}</a>
        ) : null}
      </div>
      {article.status !== 'published' ? (
        <section class="card" aria-labelledby="publish-title">
          <h2 id="publish-title">{t('app.staff.publishTitle')}</h2>
          <p>{article.notified_at ? t('app.staff.publishAgainLead') : t('app.staff.publishLead')}</p>
          <form method="post" action={`/staff/app/news/${article.id}/publish`}>
            <CsrfField token={ctx.csrfToken} />
            <Button>{t('app.staff.publishNow')}</Button>
          </form>
          <h3>{t('app.staff.scheduleTitle')}</h3>
          <form method="post" action={`/staff/app/news/${article.id}/schedule`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <DateInput name="date" label={t('app.field.publishDate')} hint={t('app.field.publishDate.hint')} value={props.scheduleValues.date} error={errors.date} required requiredLabel={t('ui.required')} />
            <TextInput name="time" label={t('app.field.publishTime')} hint={t('app.field.publishTime.hint')} value={props.scheduleValues.time} error={errors.time} width="short" required requiredLabel={t('ui.required')} maxLength={5} />
            <Button variant="secondary">{t('app.staff.schedule')}</Button>
          </form>
        </section>
      ) : null}
      {article.status === 'published' || article.status === 'scheduled' ? (
        <form method="post" action={`/staff/app/news/${article.id}/unpublish`}>
          <CsrfField token={ctx.csrfToken} />
          <Button variant="danger">{t(article.status === 'published' ? 'app.staff.unpublish' : 'app.staff.unschedule')}</Button>
        </form>
      ) : null}
    </Page>
  );
}

export function PreviewPage(props: { ctx: ViewContext; article: ArticleRow }) {
  const { ctx, article } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={`${t('app.staff.preview')}: ${article.title}`} shell="staff" breadcrumbs={staffCrumbs(ctx, { href: `/staff/app/news/${article.id}`, label: article.title }, { label: t('app.staff.preview') })}>
      <NotificationBanner kind="info" title={t('app.staff.previewNote')}>
        <p>
          <a href={`/staff/app/news/${article.id}`}>{t('app.staff.backToArticle')}</a>
        </p>
      </NotificationBanner>
      <div class="card">
        <ArticleView ctx={ctx} article={article} imageUrl={article.image_file_id ? `/app/images/${article.image_file_id}` : null} />
      </div>
    </Page>
  );
}

export function DisasterPage(props: {
  ctx: ViewContext;
  current: DisasterAlert | null;
  message: string;
  errors: Record<string, string>;
  recent: { id: number; message: string; started_at: Date; ended_at: Date | null; started_by_name: string; ended_by_name: string | null }[];
  subscribers: number;
}) {
  const { ctx, current, errors } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('app.staff.disaster.title')} shell="staff" breadcrumbs={staffCrumbs(ctx, { label: t('app.staff.disaster.title') })}>
      <h1>{t('app.staff.disaster.title')}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(errors)} />
      <p>{t('app.staff.disaster.lead', { n: props.subscribers })}</p>
      {current ? (
        <>
          <NotificationBanner kind="error" title={t('app.staff.disasterOn')}>
            <Paragraphs text={current.message} />
            <p>
              {t('app.disaster.since')} <DateTime ctx={ctx} at={current.startedAt} />
            </p>
          </NotificationBanner>
          <form method="post" action="/staff/app/disaster/off">
            <CsrfField token={ctx.csrfToken} />
            <Button variant="secondary">{t('app.staff.disaster.off')}</Button>
          </form>
        </>
      ) : (
        <form method="post" action="/staff/app/disaster/on" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Textarea name="message" label={t('app.field.disasterMessage')} hint={t('app.field.disasterMessage.hint')} value={props.message} error={errors.message} rows={4} maxLength={500} />
          <Button variant="danger">{t('app.staff.disaster.on')}</Button>
        </form>
      )}
      <Table
        caption={t('app.staff.disaster.history')}
        id="disaster-history"
        columns={[
          { header: t('app.staff.disaster.started'), cell: (r) => `${dateTimeText(ctx, r.started_at)}（${r.started_by_name}）` },
          { header: t('app.staff.disaster.ended'), cell: (r) => (r.ended_at ? `${dateTimeText(ctx, r.ended_at)}（${r.ended_by_name ?? ''}）` : t('app.staff.disaster.ongoing')) },
          { header: t('app.field.disasterMessage'), cell: (r) => r.message },
        ]}
        rows={props.recent}
        empty={t('app.staff.disaster.none')}
      />
    </Page>
  );
}
