/** Resident pages of 「ぽちっと奥州」: news, feeds, images, subscribing, LINE link, unsubscribing. Thin: parse, call the service, present. */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import QRCode from 'qrcode';
import { requireResident } from '../../platform/access/require-access.ts';
import { DomainError, notFound } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import type { AppContext } from './app-context.ts';
import { atomFeed, rssFeed, type FeedInfo } from './feeds.ts';
import { imageVisible, publishedArticle, publishedArticles } from './news-service.ts';
import { vapidPublicKey } from './notify-bridge.ts';
import { AppHomePage, ArticlePage, LineInfoPage, LineLinkPage, MessagePage, MySubscriptionsPage, NewsListPage, OfflinePage, SubscribePage, TokenActionPage, type SubscribeValues } from './resident-views.tsx';
import { confirmEmail, createSubscription, subscriptionByToken, subscriptionsOf, unsubscribeByToken, unsubscribeOwn, unsubscribePush } from './subscription-service.ts';
import { isArticleArea, isCategory, type AreaCode, type CategoryCode } from './taxonomy.ts';

/**
 * The city's LINE official account, as a friend-add link (line.me/R/ti/p/@BASIC_ID).
 * The basic id is the demo account's; a real deployment sets its own here.
 */
export const LINE_FRIEND_URL = 'https://line.me/R/ti/p/@oshu-city';

const PAGE_SIZE = 20;
const FEED_SIZE = 30;

const ListQuery = Type.Object({
  category: Type.Optional(Type.String({ maxLength: 20 })),
  area: Type.Optional(Type.String({ maxLength: 20 })),
  page: Type.Optional(Type.String({ maxLength: 5 })),
});
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const TokenParams = Type.Object({ token: Type.String({ maxLength: 64 }) });

const SubscribeForm = Type.Object({
  channel: Type.Union([Type.Literal('email'), Type.Literal('line'), Type.Literal('push')]),
  email: Type.String({ maxLength: 254 }),
  categories: Type.Array(Type.String({ maxLength: 20 }), { maxItems: 6 }),
  areas: Type.Array(Type.String({ maxLength: 20 }), { maxItems: 5 }),
});

const Topics = { categories: Type.Array(Type.String({ maxLength: 20 }), { minItems: 1, maxItems: 6 }), areas: Type.Array(Type.String({ maxLength: 20 }), { minItems: 1, maxItems: 5 }) };
const PushSubscriptionJson = Type.Object({
  endpoint: Type.String({ maxLength: 1000 }),
  expirationTime: Type.Optional(Type.Union([Type.Null(), Type.Number()])),
  keys: Type.Object({ p256dh: Type.String({ maxLength: 200 }), auth: Type.String({ maxLength: 100 }) }),
});
const PushBody = Type.Object({ subscription: PushSubscriptionJson, ...Topics });
const PushEndBody = Type.Object({ endpoint: Type.String({ maxLength: 1000 }) });

export function listFilter(query: Static<typeof ListQuery>): { category: CategoryCode | ''; area: AreaCode | ''; page: number } {
  const page = /^\d{1,4}$/.test(query.page ?? '') ? Math.max(1, Number(query.page)) : 1;
  return { category: isCategory(query.category) ? query.category : '', area: isArticleArea(query.area) ? query.area : '', page };
}

export async function registerResidentRoutes(app: FastifyInstance, ctx: AppContext, platform: Platform): Promise<void> {
  const db = ctx.db;
  const qr = await QRCode.toDataURL(LINE_FRIEND_URL, { margin: 1, width: 192 });

  app.get('/app', async (request, reply) => {
    const { rows } = await publishedArticles(db, {}, { limit: 5, offset: 0 });
    return reply.html(<AppHomePage ctx={viewContext(request)} latest={rows} />);
  });

  app.get('/app/news', { schema: { querystring: ListQuery, hide: true } }, async (request, reply) => {
    const filter = listFilter(request.query as Static<typeof ListQuery>);
    const { rows, total } = await publishedArticles(db, { category: filter.category || undefined, area: filter.area || undefined }, { limit: PAGE_SIZE, offset: (filter.page - 1) * PAGE_SIZE });
    return reply.html(<NewsListPage ctx={viewContext(request)} articles={rows} category={filter.category} area={filter.area} page={filter.page} pageCount={Math.max(1, Math.ceil(total / PAGE_SIZE))} total={total} />);
  });

  app.get('/app/news/:id', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const article = await publishedArticle(db, (request.params as { id: string }).id);
    return reply.html(<ArticlePage ctx={viewContext(request)} article={article} />);
  });

  // Images of published articles for everyone; of drafts only for the staff who edit news.
  app.get('/app/images/:id', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const found = await ctx.files.read(id);
    if (!found || found.owner.type !== 'app-article' || !found.file.mime.startsWith('image/')) throw notFound();
    if (!(await imageVisible(db, id, request.staff))) throw notFound();
    const published = await imageVisible(db, id, null);
    return reply
      .type(found.file.mime)
      .header('cache-control', published ? 'public, max-age=3600' : 'private, no-store')
      .header('content-disposition', 'inline')
      .send(found.bytes);
  });

  async function feed(request: { query: unknown }, kind: 'rss' | 'atom'): Promise<string> {
    const filter = listFilter(request.query as Static<typeof ListQuery>);
    const { rows } = await publishedArticles(db, { category: filter.category || undefined, area: filter.area || undefined }, { limit: FEED_SIZE, offset: 0 });
    const params = new URLSearchParams();
    if (filter.category) params.set('category', filter.category);
    if (filter.area) params.set('area', filter.area);
    const info: FeedInfo = { baseUrl: ctx.baseUrl, title: '奥州市 ぽちっと奥州 お知らせ', description: '奥州市からのお知らせ（防災・子育て・健康・イベント・行政・観光）', query: params.size ? `?${params.toString()}` : '' };
    return kind === 'rss' ? rssFeed(info, rows, ctx.now()) : atomFeed(info, rows, ctx.now());
  }

  app.get('/app/feed.rss', { schema: { querystring: ListQuery, hide: true } }, async (request, reply) =>
    reply.type('application/rss+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(await feed(request, 'rss')),
  );
  app.get('/app/feed.atom', { schema: { querystring: ListQuery, hide: true } }, async (request, reply) =>
    reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(await feed(request, 'atom')),
  );

  app.get('/app/offline', async (request, reply) => reply.html(<OfflinePage ctx={viewContext(request)} />));

  // Subscribing
  const emptyForm: SubscribeValues = { channel: '', categories: [], areas: [], email: '' };

  app.get('/app/subscribe', async (request, reply) => {
    return reply.html(<SubscribePage ctx={viewContext(request)} values={emptyForm} errors={{}} vapidKey={vapidPublicKey(platform)} />);
  });

  app.post('/app/subscribe', async (request, reply) => {
    const t = request.t;
    const labels = { channel: t('app.field.channel'), email: t('app.field.email'), categories: t('app.field.categories'), areas: t('app.field.areas') };
    const { values, errors } = readForm(SubscribeForm, request.body, labels);
    const show = (errs: Record<string, string>) => reply.html(<SubscribePage ctx={viewContext(request)} values={values} errors={errs} vapidKey={vapidPublicKey(platform)} />, 400);
    if (errors.length) return show(fieldErrorMap(errors, t));
    // Without the page's script there is no browser push subscription to save.
    if (values.channel === 'push') return show({ channel: t('app.error.pushNeedsScript') });
    try {
      const sub = await createSubscription(ctx, request.resident, { channel: values.channel, email: values.email, categories: values.categories, areas: values.areas }, request.id);
      if (sub.channel === 'line') return reply.redirect(`/app/line/link/${sub.token}`, 303);
      return reply.html(<MessagePage ctx={viewContext(request)} title={t('app.subscribe.title')} kind="info" lead={t('app.subscribe.checkEmail', { email: values.email })} />);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return show(fieldErrorMap(error.fields, t));
      throw error;
    }
  });

  // The page's script saves the browser's push subscription here (JSON, CSRF header).
  app.post('/app/push/subscriptions', { schema: { body: PushBody, hide: true } }, async (request, reply) => {
    const body = request.body as Static<typeof PushBody>;
    const sub = await createSubscription(ctx, request.resident, { channel: 'push', push: body.subscription, categories: body.categories, areas: body.areas }, request.id);
    return reply.code(201).send({ status: sub.status, manage: `/app/unsubscribe/${sub.token}` });
  });

  app.get('/app/subscribe/push-done', async (request, reply) =>
    reply.html(<MessagePage ctx={viewContext(request)} title={request.t('app.subscribe.title')} lead={request.t('app.subscribe.pushDone')} />),
  );

  app.post('/app/push/unsubscribe', { schema: { body: PushEndBody, hide: true } }, async (request, reply) => {
    await unsubscribePush(ctx, (request.body as Static<typeof PushEndBody>).endpoint, request.id);
    return reply.code(204).send();
  });

  app.get('/app/subscribe/confirm/:token', { schema: { params: TokenParams, hide: true } }, async (request, reply) => {
    const token = (request.params as { token: string }).token;
    const sub = await subscriptionByToken(db, token);
    const t = request.t;
    if (sub.status !== 'pending' || sub.channel !== 'email') return reply.html(<MessagePage ctx={viewContext(request)} title={t('app.confirm.title')} kind="info" lead={t(`app.confirm.already.${sub.status}`)} />);
    return reply.html(<TokenActionPage ctx={viewContext(request)} sub={sub} action={`/app/subscribe/confirm/${token}`} title={t('app.confirm.title')} lead={t('app.confirm.lead')} submit={t('app.confirm.submit')} />);
  });

  app.post('/app/subscribe/confirm/:token', { schema: { params: TokenParams, hide: true } }, async (request, reply) => {
    const sub = await confirmEmail(ctx, (request.params as { token: string }).token, request.id);
    const t = request.t;
    return reply.html(<MessagePage ctx={viewContext(request)} title={t('app.confirm.title')} lead={t(sub.status === 'active' ? 'app.confirm.done' : `app.confirm.already.${sub.status}`)} />);
  });

  app.get('/app/unsubscribe/:token', { schema: { params: TokenParams, hide: true } }, async (request, reply) => {
    const token = (request.params as { token: string }).token;
    const sub = await subscriptionByToken(db, token);
    const t = request.t;
    if (sub.status === 'unsubscribed') return reply.html(<MessagePage ctx={viewContext(request)} title={t('app.unsubscribe.title')} kind="info" lead={t('app.unsubscribe.done')} />);
    return reply.html(<TokenActionPage ctx={viewContext(request)} sub={sub} action={`/app/unsubscribe/${token}`} title={t('app.unsubscribe.title')} lead={t('app.unsubscribe.lead')} submit={t('app.unsubscribe.submit')} danger />);
  });

  app.post('/app/unsubscribe/:token', { schema: { params: TokenParams, hide: true } }, async (request, reply) => {
    await unsubscribeByToken(ctx, (request.params as { token: string }).token, request.id);
    const t = request.t;
    return reply.html(
      <MessagePage ctx={viewContext(request)} title={t('app.unsubscribe.title')} lead={t('app.unsubscribe.done')}>
        <p>
          <a href="/app/subscribe">{t('app.subscribe.again')}</a>
        </p>
      </MessagePage>,
    );
  });

  app.get('/app/subscriptions', async (request, reply) => {
    const resident = requireResident(request.resident);
    return reply.html(<MySubscriptionsPage ctx={viewContext(request)} subs={await subscriptionsOf(db, resident)} />);
  });

  app.post('/app/subscriptions/:id/delete', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    await unsubscribeOwn(ctx, resident, (request.params as { id: string }).id, request.id);
    setFlash(reply, 'success', 'app.unsubscribe.done');
    return reply.redirect('/app/subscriptions', 303);
  });

  // LINE: the friend link, and the page with a pending subscription's one-time code.
  app.get('/app/line', async (request, reply) => reply.html(<LineInfoPage ctx={viewContext(request)} friendUrl={LINE_FRIEND_URL} qrDataUrl={qr} />));

  app.get('/app/line/link/:token', { schema: { params: TokenParams, hide: true } }, async (request, reply) => {
    const sub = await subscriptionByToken(db, (request.params as { token: string }).token);
    if (sub.channel !== 'line') throw notFound();
    const expired = sub.status === 'pending' && (!sub.link_code_expires_at || sub.link_code_expires_at < ctx.now());
    return reply.header('cache-control', 'no-store').html(<LineLinkPage ctx={viewContext(request)} sub={sub} friendUrl={LINE_FRIEND_URL} qrDataUrl={qr} expired={expired} />);
  });
}
