/** The published news as JSON (in the OpenAPI document): for the app, other sites and the service worker. */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { AppContext } from './app-context.ts';
import { articleUrl } from './feeds.ts';
import { publishedArticle, publishedArticles, type PublishedArticle } from './news-service.ts';
import { ARTICLE_AREAS, AREA_JA, CATEGORIES, CATEGORY_JA } from './taxonomy.ts';

const ErrorJson = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });
const Category = Type.Union(CATEGORIES.map((c) => Type.Literal(c)), { description: 'disaster 防災 / childcare 子育て / health 健康 / events イベント / government 行政 / tourism 観光' });
const Area = Type.Union(ARTICLE_AREAS.map((a) => Type.Literal(a)), { description: 'mizusawa 水沢 / esashi 江刺 / maesawa 前沢 / isawa 胆沢 / koromogawa 衣川 / all 全域' });

const NewsQuery = Type.Object({
  category: Type.Optional(Category),
  area: Type.Optional(Type.Union(ARTICLE_AREAS.map((a) => Type.Literal(a)), { description: '地域。指定した地域のお知らせと全域のお知らせを返す（all は全域のものだけ）' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000, default: 0 })),
});
const NewsItem = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  summary: Type.String(),
  category: Category,
  categoryLabel: Type.String({ description: '分類名（日本語）' }),
  area: Area,
  areaLabel: Type.String({ description: '地域名（日本語）' }),
  publishedAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  url: Type.String({ description: '記事のページ' }),
  imageUrl: Type.Union([Type.String(), Type.Null()]),
});
const NewsList = Type.Object({ total: Type.Integer(), items: Type.Array(NewsItem) });
const NewsArticle = Type.Intersect([NewsItem, Type.Object({ body: Type.String({ description: '本文（プレーンテキスト、空行で段落）' }), imageAlt: Type.String() })]);

export async function registerAppApi(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const item = (a: PublishedArticle): Static<typeof NewsItem> => ({
    id: a.id,
    title: a.title,
    summary: a.summary,
    category: a.category,
    categoryLabel: CATEGORY_JA[a.category],
    area: a.area,
    areaLabel: AREA_JA[a.area],
    publishedAt: a.published_at.toISOString(),
    updatedAt: a.updated_at.toISOString(),
    url: articleUrl(ctx.baseUrl, a.id),
    imageUrl: a.image_file_id ? `${ctx.baseUrl}/app/images/${a.image_file_id}` : null,
  });

  app.get('/api/app/news', { schema: { tags: ['app'], summary: '公開中のお知らせ（新しい順）。分類・地域で絞り込み', querystring: NewsQuery, response: { 200: NewsList, 400: ErrorJson } } }, async (request) => {
    const q = request.query as Static<typeof NewsQuery>;
    const { rows, total } = await publishedArticles(ctx.db, { category: q.category, area: q.area }, { limit: q.limit ?? 20, offset: q.offset ?? 0 });
    return { total, items: rows.map(item) };
  });

  app.get(
    '/api/app/news/:id',
    { schema: { tags: ['app'], summary: '公開中のお知らせ1件（本文つき）', params: Type.Object({ id: Type.String({ maxLength: 64 }) }), response: { 200: NewsArticle, 404: ErrorJson } } },
    async (request) => {
      const a = await publishedArticle(ctx.db, (request.params as { id: string }).id);
      return { ...item(a), body: a.body, imageAlt: a.image_alt };
    },
  );
}
