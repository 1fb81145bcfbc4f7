/** Resident pages of 「ぽちっと奥州」: news, article, subscribing, LINE link, unsubscribe, offline. */
import type { ComponentChildren } from 'preact';
import { Button, LinkButton } from '../../platform/ui/components/button.tsx';
import { ErrorSummary, NotificationBanner } from '../../platform/ui/components/feedback.tsx';
import { Checkboxes, CsrfField, Radios, Select, TextInput } from '../../platform/ui/components/form-fields.tsx';
import { Pagination } from '../../platform/ui/components/navigation.tsx';
import { SummaryList } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { DisasterAlert } from './disaster.ts';
import type { ArticleRow, PublishedArticle } from './news-service.ts';
import type { SubscriptionRow } from './subscription-service.ts';
import { AREAS, ARTICLE_AREAS, CATEGORIES, type AreaCode, type CategoryCode } from './taxonomy.ts';
import { appCrumbs, areaLabel, categoryLabel, CategoryTag, DateTime, Paragraphs } from './view-helpers.tsx';

export const APP_SCRIPT = '/app/app.js';
export const MANIFEST = '/app/manifest.webmanifest';

/** Every page of the app: its script (service worker, push) and its manifest (installable). */
export function AppPage(props: { ctx: ViewContext; title: string; breadcrumbs: { href?: string; label: string }[]; children: ComponentChildren }) {
  return (
    <Page ctx={props.ctx} title={props.title} breadcrumbs={props.breadcrumbs} scripts={[APP_SCRIPT]} manifest={MANIFEST}>
      {props.children}
    </Page>
  );
}

/** The disaster-mode banner at the top of every resident page (null when the mode is off). */
export function DisasterBanner(props: { ctx: ViewContext; alert: DisasterAlert | null }) {
  const { ctx, alert } = props;
  if (!alert) return null;
  return (
    <section class="banner banner-error disaster-banner" role="alert" aria-labelledby="disaster-banner-title">
      <p class="banner-title" id="disaster-banner-title">
        {ctx.t('app.disaster.banner')}
      </p>
      <div class="banner-body">
        <Paragraphs text={alert.message} lang="ja" />
        <p>
          {ctx.t('app.disaster.since')} <DateTime ctx={ctx} at={alert.startedAt} /> <a href="/app/news?category=disaster">{ctx.t('app.disaster.more')}</a>
        </p>
      </div>
    </section>
  );
}

function ArticleMeta(props: { ctx: ViewContext; article: { category: CategoryCode; area: AreaCode; published_at: Date | null } }) {
  const { ctx, article } = props;
  return (
    <p class="answer-source">
      <CategoryTag ctx={ctx} category={article.category} /> {areaLabel(ctx, article.area)}
      {article.published_at ? (
        <>
          {' '}
          ・ <DateTime ctx={ctx} at={article.published_at} />
        </>
      ) : null}
    </p>
  );
}

export function NewsList(props: { ctx: ViewContext; articles: PublishedArticle[]; heading: 'h2' | 'h3' }) {
  const { ctx } = props;
  const Heading = props.heading;
  if (props.articles.length === 0) return <p>{ctx.t('app.news.none')}</p>;
  return (
    <ul class="plain-list news-list">
      {props.articles.map((a) => (
        <li class="card">
          <Heading lang="ja">
            <a href={`/app/news/${a.id}`}>{a.title}</a>
          </Heading>
          <ArticleMeta ctx={ctx} article={a} />
          {a.summary ? <p lang="ja">{a.summary}</p> : null}
        </li>
      ))}
    </ul>
  );
}

export function AppHomePage(props: { ctx: ViewContext; latest: PublishedArticle[] }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <AppPage ctx={ctx} title={t('app.title')} breadcrumbs={[{ href: '/', label: t('ui.home') }, { label: t('app.title') }]}>
      <h1>{t('app.title')}</h1>
      <p>{t('app.home.lead')}</p>
      <div class="button-row">
        <LinkButton href="/app/subscribe">{t('app.subscribe.title')}</LinkButton>
        <LinkButton href="/app/childcare" variant="secondary">
          {t('app.child.title')}
        </LinkButton>
      </div>
      <h2>{t('app.home.latest')}</h2>
      <NewsList ctx={ctx} articles={props.latest} heading="h3" />
      <p>
        <a href="/app/news">{t('app.home.allNews')}</a>
      </p>
      <h2>{t('app.home.byCategory')}</h2>
      <ul class="inline-list">
        {CATEGORIES.map((c) => (
          <li>
            <a href={`/app/news?category=${c}`}>{categoryLabel(ctx, c)}</a>
          </li>
        ))}
      </ul>
      <h2>{t('app.home.byArea')}</h2>
      <ul class="inline-list">
        {AREAS.map((a) => (
          <li>
            <a href={`/app/news?area=${a}`}>{areaLabel(ctx, a)}</a>
          </li>
        ))}
      </ul>
      <h2>{t('app.home.ways')}</h2>
      <ul>
        <li>
          <a href="/app/subscribe">{t('app.home.waySubscribe')}</a>
        </li>
        <li>
          <a href="/app/line">{t('app.line.title')}</a>
        </li>
        <li>
          <a href="/app/subscriptions">{t('app.mine.title')}</a>
        </li>
        <li>
          <a href="/app/feed.rss">{t('app.home.rss')}</a> / <a href="/app/feed.atom">{t('app.home.atom')}</a>
        </li>
      </ul>
      <h2>{t('app.home.install')}</h2>
      <p>{t('app.home.installLead')}</p>
      <p id="app-offline-ready" class="answer-source" hidden>
        {t('app.home.offlineReady')}
      </p>
    </AppPage>
  );
}

export function NewsListPage(props: { ctx: ViewContext; articles: PublishedArticle[]; category: CategoryCode | ''; area: AreaCode | ''; page: number; pageCount: number; total: number }) {
  const { ctx } = props;
  const t = ctx.t;
  const query: Record<string, string> = {};
  if (props.category) query.category = props.category;
  if (props.area) query.area = props.area;
  const feedQuery = new URLSearchParams(query).toString();
  return (
    <AppPage ctx={ctx} title={t('app.news.title')} breadcrumbs={appCrumbs(ctx, { label: t('app.news.title') })}>
      <h1>{t('app.news.title')}</h1>
      <form method="get" action="/app/news" class="search-row" role="search" aria-label={t('app.news.filter')}>
        <Select name="category" label={t('app.field.category')} value={props.category} emptyLabel={t('app.news.allCategories')} options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(ctx, c) }))} />
        <Select name="area" label={t('app.field.area')} hint={t('app.news.areaHint')} value={props.area} emptyLabel={t('app.news.allAreas')} options={ARTICLE_AREAS.map((a) => ({ value: a, label: areaLabel(ctx, a) }))} />
        <div class="field">
          <Button variant="secondary">{t('app.news.filterSubmit')}</Button>
        </div>
      </form>
      <p role="status">{t('app.news.count', { n: props.total })}</p>
      <NewsList ctx={ctx} articles={props.articles} heading="h2" />
      <Pagination t={t} page={props.page} pageCount={props.pageCount} baseHref="/app/news" query={query} />
      <p>
        <a href={`/app/feed.rss${feedQuery ? `?${feedQuery}` : ''}`}>{t('app.home.rss')}</a> / <a href={`/app/feed.atom${feedQuery ? `?${feedQuery}` : ''}`}>{t('app.home.atom')}</a>
      </p>
    </AppPage>
  );
}

/** The article itself, shared by the resident page and the staff preview. */
export function ArticleView(props: { ctx: ViewContext; article: ArticleRow; imageUrl: string | null }) {
  const { ctx, article } = props;
  return (
    <article>
      <h1 lang="ja">{article.title}</h1>
      <ArticleMeta ctx={ctx} article={article} />
      {article.summary ? (
        <p lang="ja">
          <strong>{article.summary}</strong>
        </p>
      ) : null}
      {props.imageUrl ? (
        <figure class="chart">
          <img class="chart-svg" src={props.imageUrl} alt={article.image_alt} loading="lazy" />
        </figure>
      ) : null}
      <Paragraphs text={article.body} lang="ja" />
    </article>
  );
}

export function ArticlePage(props: { ctx: ViewContext; article: PublishedArticle }) {
  const { ctx, article } = props;
  const t = ctx.t;
  return (
    <AppPage ctx={ctx} title={article.title} breadcrumbs={appCrumbs(ctx, { href: '/app/news', label: t('app.news.title') }, { label: article.title })}>
      <ArticleView ctx={ctx} article={article} imageUrl={article.image_file_id ? `/app/images/${article.image_file_id}` : null} />
      <h2>{t('app.article.more')}</h2>
      <ul>
        <li>
          <a href={`/app/news?category=${article.category}`}>{t('app.article.sameCategory', { category: categoryLabel(ctx, article.category) })}</a>
        </li>
        <li>
          <a href="/app/subscribe">{t('app.home.waySubscribe')}</a>
        </li>
      </ul>
    </AppPage>
  );
}

export interface SubscribeValues {
  channel: string;
  categories: string[];
  areas: string[];
  email: string;
}

export function SubscribePage(props: { ctx: ViewContext; values: SubscribeValues; errors: Record<string, string>; vapidKey: string }) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const summary = Object.entries(errors).map(([field, message]) => ({ field, message }));
  return (
    <AppPage ctx={ctx} title={t('app.subscribe.title')} breadcrumbs={appCrumbs(ctx, { label: t('app.subscribe.title') })}>
      <h1>{t('app.subscribe.title')}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={summary} />
      <p>{t('app.subscribe.lead')}</p>
      {ctx.resident ? <p>{t('app.subscribe.asResident', { name: ctx.resident.displayName })}</p> : <p>{t('app.subscribe.anonymous')}</p>}
      <p id="push-status" role="status" class="answer-source"></p>
      <form method="post" action="/app/subscribe" id="subscribe-form" novalidate data-vapid-key={props.vapidKey}>
        <CsrfField token={ctx.csrfToken} />
        <Radios
          name="channel"
          label={t('app.field.channel')}
          value={values.channel}
          error={errors.channel}
          required
          requiredLabel={t('ui.required')}
          options={[
            { value: 'email', label: t('app.channel.email'), hint: t('app.channel.email.hint') },
            { value: 'line', label: t('app.channel.line'), hint: t('app.channel.line.hint') },
            { value: 'push', label: t('app.channel.push'), hint: t('app.channel.push.hint') },
          ]}
        />
        <TextInput name="email" type="email" label={t('app.field.email')} hint={t('app.field.email.hint')} value={values.email} error={errors.email} autocomplete="email" maxLength={254} />
        <Checkboxes name="categories" label={t('app.field.categories')} hint={t('app.field.categories.hint')} values={values.categories} error={errors.categories} required requiredLabel={t('ui.required')} options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(ctx, c) }))} />
        <Checkboxes name="areas" label={t('app.field.areas')} hint={t('app.field.areas.hint')} values={values.areas} error={errors.areas} required requiredLabel={t('ui.required')} options={AREAS.map((a) => ({ value: a, label: areaLabel(ctx, a) }))} />
        <Button>{t('app.subscribe.submit')}</Button>
      </form>
      <p>
        <a href="/app/subscriptions">{t('app.mine.title')}</a>
      </p>
    </AppPage>
  );
}

export function MessagePage(props: { ctx: ViewContext; title: string; kind?: 'success' | 'info' | 'warning'; lead: string; children?: ComponentChildren }) {
  const { ctx } = props;
  return (
    <AppPage ctx={ctx} title={props.title} breadcrumbs={appCrumbs(ctx, { label: props.title })}>
      <h1>{props.title}</h1>
      <NotificationBanner kind={props.kind ?? 'success'} title={props.lead} />
      {props.children}
      <p>
        <a href="/app/">{ctx.t('app.backToApp')}</a>
      </p>
    </AppPage>
  );
}

function TopicsSummary(props: { ctx: ViewContext; sub: SubscriptionRow }) {
  const { ctx, sub } = props;
  return (
    <SummaryList
      items={[
        { key: ctx.t('app.field.channel'), value: ctx.t(`app.channel.${sub.channel}`) },
        { key: ctx.t('app.field.categories'), value: sub.categories.map((c) => categoryLabel(ctx, c)).join('、') },
        { key: ctx.t('app.field.areas'), value: sub.areas.map((a) => areaLabel(ctx, a)).join('、') },
        { key: ctx.t('app.field.status'), value: ctx.t(`app.subStatus.${sub.status}`) },
      ]}
    />
  );
}

/** Opening a link from an email only shows a button: mail scanners that follow links change nothing. */
export function TokenActionPage(props: { ctx: ViewContext; sub: SubscriptionRow; action: string; title: string; lead: string; submit: string; danger?: boolean }) {
  const { ctx } = props;
  return (
    <AppPage ctx={ctx} title={props.title} breadcrumbs={appCrumbs(ctx, { label: props.title })}>
      <h1>{props.title}</h1>
      <p>{props.lead}</p>
      <TopicsSummary ctx={ctx} sub={props.sub} />
      <form method="post" action={props.action}>
        <CsrfField token={ctx.csrfToken} />
        <Button variant={props.danger ? 'danger' : 'primary'}>{props.submit}</Button>
      </form>
    </AppPage>
  );
}

export function LineInfoPage(props: { ctx: ViewContext; friendUrl: string; qrDataUrl: string }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <AppPage ctx={ctx} title={t('app.line.title')} breadcrumbs={appCrumbs(ctx, { label: t('app.line.title') })}>
      <h1>{t('app.line.title')}</h1>
      <p>{t('app.line.lead')}</p>
      <FriendLink ctx={ctx} friendUrl={props.friendUrl} qrDataUrl={props.qrDataUrl} />
      <h2>{t('app.line.howTitle')}</h2>
      <ol>
        <li>{t('app.line.step1')}</li>
        <li>
          <a href="/app/subscribe">{t('app.line.step2')}</a>
        </li>
        <li>{t('app.line.step3')}</li>
      </ol>
      <p>{t('app.line.stop')}</p>
    </AppPage>
  );
}

function FriendLink(props: { ctx: ViewContext; friendUrl: string; qrDataUrl: string }) {
  const t = props.ctx.t;
  return (
    <div class="card">
      <p>
        <LinkButton href={props.friendUrl}>{t('app.line.addFriend')}</LinkButton>
      </p>
      <p>{t('app.line.qr')}</p>
      <img class="qr" src={props.qrDataUrl} alt={t('app.line.qrAlt')} />
    </div>
  );
}

export function LineLinkPage(props: { ctx: ViewContext; sub: SubscriptionRow; friendUrl: string; qrDataUrl: string; expired: boolean }) {
  const { ctx, sub } = props;
  const t = ctx.t;
  const code = sub.link_code ? `${sub.link_code.slice(0, 4)} ${sub.link_code.slice(4)}` : '';
  return (
    <AppPage ctx={ctx} title={t('app.line.linkTitle')} breadcrumbs={appCrumbs(ctx, { href: '/app/line', label: t('app.line.title') }, { label: t('app.line.linkTitle') })}>
      <h1>{t('app.line.linkTitle')}</h1>
      {sub.status === 'active' ? (
        <NotificationBanner kind="success" title={t('app.line.linked')} />
      ) : sub.status === 'unsubscribed' || props.expired || !sub.link_code ? (
        <NotificationBanner kind="warning" title={t('app.line.expired')}>
          <p>
            <a href="/app/subscribe">{t('app.subscribe.again')}</a>
          </p>
        </NotificationBanner>
      ) : (
        <>
          <ol>
            <li>{t('app.line.step1')}</li>
            <li>
              {t('app.line.sendCode')}
              <p class="link-code">
                <strong class="mono">{code}</strong>
              </p>
              <p class="field-hint">{t('app.line.codeHint', { hours: 24 })}</p>
            </li>
            <li>{t('app.line.afterCode')}</li>
          </ol>
          <FriendLink ctx={ctx} friendUrl={props.friendUrl} qrDataUrl={props.qrDataUrl} />
          <p>
            <a href={`/app/line/link/${sub.token}`}>{t('app.line.reload')}</a>
          </p>
        </>
      )}
      <TopicsSummary ctx={ctx} sub={sub} />
    </AppPage>
  );
}

export function MySubscriptionsPage(props: { ctx: ViewContext; subs: SubscriptionRow[] }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <AppPage ctx={ctx} title={t('app.mine.title')} breadcrumbs={appCrumbs(ctx, { label: t('app.mine.title') })}>
      <h1>{t('app.mine.title')}</h1>
      {props.subs.length === 0 ? <p>{t('app.mine.none')}</p> : null}
      <ul class="plain-list">
        {props.subs.map((sub) => (
          <li class="card">
            <h2>{t(`app.channel.${sub.channel}`)}</h2>
            {sub.channel === 'email' && sub.address ? <p>{sub.address}</p> : null}
            <TopicsSummary ctx={ctx} sub={sub} />
            {sub.channel === 'line' && sub.status === 'pending' ? (
              <p>
                <a href={`/app/line/link/${sub.token}`}>{t('app.line.linkTitle')}</a>
              </p>
            ) : null}
            <form method="post" action={`/app/subscriptions/${sub.id}/delete`}>
              <CsrfField token={ctx.csrfToken} />
              <Button variant="secondary">{t('app.unsubscribe.submitFor', { channel: t(`app.channel.${sub.channel}`) })}</Button>
            </form>
          </li>
        ))}
      </ul>
      <p>
        <LinkButton href="/app/subscribe">{t('app.subscribe.title')}</LinkButton>
      </p>
    </AppPage>
  );
}

export function OfflinePage(props: { ctx: ViewContext }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <AppPage ctx={ctx} title={t('app.offline.title')} breadcrumbs={appCrumbs(ctx, { label: t('app.offline.title') })}>
      <h1>{t('app.offline.title')}</h1>
      <p>{t('app.offline.lead')}</p>
      <ul id="offline-saved" class="plain-list"></ul>
      <p>
        <a href="/app/news">{t('app.news.title')}</a>
      </p>
    </AppPage>
  );
}
