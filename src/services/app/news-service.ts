/**
 * News and notices: staff write drafts, preview, schedule, publish and unpublish;
 * residents, feeds and the API read what is published. The first publication queues
 * the subscribers' notifications (app.fanout) in the same transaction, once per article;
 * a scheduled article is published by the app.publish job when its time comes.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { auditActorOf, type StaffActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit, type AuditActor } from '../../platform/audit/audit-log.ts';
import { DomainError, invalidInput, notFound } from '../../platform/http/errors.ts';
import type { AppContext } from './app-context.ts';
import { canEditNews, canPublishNews } from './policy.ts';
import { asPlatformDb, type AppDb, type ArticleStatus } from './tables.ts';
import { isArticleArea, isCategory, type AreaCode, type CategoryCode } from './taxonomy.ts';
import { isUuid } from '../../platform/http/ids.ts';

export interface ArticleInput {
  title: string;
  summary: string;
  body: string;
  category: string;
  area: string;
  imageAlt: string;
  /** A new image (content-checked by the file store), or null to keep the current one. */
  image: { bytes: Buffer; filename: string } | null;
  removeImage: boolean;
}

export interface ArticleRow {
  id: string;
  title: string;
  summary: string;
  body: string;
  category: CategoryCode;
  area: AreaCode;
  image_file_id: string | null;
  image_alt: string;
  status: ArticleStatus;
  publish_at: Date | null;
  published_at: Date | null;
  notified_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export type PublishedArticle = ArticleRow & { published_at: Date };

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

const COLUMNS = ['id', 'title', 'summary', 'body', 'category', 'area', 'image_file_id', 'image_alt', 'status', 'publish_at', 'published_at', 'notified_at', 'created_at', 'updated_at'] as const;

function checkInput(input: ArticleInput, hasImage: boolean): void {
  const errors = [];
  if (!isCategory(input.category)) errors.push({ field: 'category', messageKey: 'validation.enum', params: { field: 'category' } });
  if (!isArticleArea(input.area)) errors.push({ field: 'area', messageKey: 'validation.enum', params: { field: 'area' } });
  if (input.body.trim() === '') errors.push({ field: 'body', messageKey: 'app.error.bodyRequired' });
  // An image must say what it shows (WCAG 1.1.1), unless the text beside it already does.
  if ((hasImage || input.image) && !input.removeImage && input.imageAlt.trim() === '') errors.push({ field: 'imageAlt', messageKey: 'app.error.altRequired' });
  if (errors.length) throw invalidInput(errors);
}

function editor(staff: StaffActor): void {
  requireAccess(canEditNews(staff), 'forbidden');
}

async function saveImage(ctx: AppContext, articleId: string, image: ArticleInput['image']): Promise<string | null> {
  if (!image || image.bytes.length === 0) return null;
  const stored = await ctx.files.save({ bytes: image.bytes, originalName: image.filename || 'image', owner: { type: 'app-article', id: articleId }, allowed: [...IMAGE_TYPES] });
  return stored.id;
}

export async function createArticle(ctx: AppContext, staff: StaffActor, input: ArticleInput, requestId: string | null): Promise<string> {
  editor(staff);
  checkInput(input, false);
  const id = crypto.randomUUID();
  const imageId = await saveImage(ctx, id, input.image);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('app_articles')
      .values({
        id,
        title: input.title,
        summary: input.summary,
        body: input.body,
        category: input.category as CategoryCode,
        area: input.area as AreaCode,
        image_file_id: imageId,
        image_alt: imageId ? input.imageAlt : '',
        created_by: staff.id,
        updated_by: staff.id,
        updated_at: ctx.now(),
      })
      .execute();
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'app.article.created', targetType: 'app_article', targetId: id, details: { title: input.title, category: input.category, area: input.area }, requestId });
  });
  return id;
}

export async function articleForStaff(ctx: AppContext, staff: StaffActor, id: string): Promise<ArticleRow> {
  editor(staff);
  if (!isUuid(id)) throw notFound();
  const row = await ctx.db.selectFrom('app_articles').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function updateArticle(ctx: AppContext, staff: StaffActor, id: string, input: ArticleInput, requestId: string | null): Promise<void> {
  const current = await articleForStaff(ctx, staff, id);
  checkInput(input, current.image_file_id !== null);
  const newImage = await saveImage(ctx, id, input.image);
  const imageId = newImage ?? (input.removeImage ? null : current.image_file_id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_articles')
      .set({ title: input.title, summary: input.summary, body: input.body, category: input.category as CategoryCode, area: input.area as AreaCode, image_file_id: imageId, image_alt: imageId ? input.imageAlt : '', updated_by: staff.id, updated_at: ctx.now() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'app.article.updated', targetType: 'app_article', targetId: id, details: { title: input.title, status: current.status }, requestId });
  });
}

/**
 * Publishes now. The first publication sets published_at (the date everyone sees) and
 * queues the notifications; publishing again after an unpublish queues nothing.
 */
export async function publishArticle(ctx: AppContext, actor: StaffActor | 'system', id: string, requestId: string | null): Promise<'published' | 'already'> {
  if (actor !== 'system') {
    await articleForStaff(ctx, actor, id);
    requireAccess(canPublishNews(actor), 'forbidden');
  }
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('app_articles').select(['status', 'published_at', 'notified_at', 'title']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound();
    if (row.status === 'published') return 'already' as const;
    const firstTime = row.notified_at === null;
    await trx
      .updateTable('app_articles')
      .set({
        status: 'published',
        published_at: row.published_at ?? now,
        publish_at: null,
        updated_at: now,
        ...(firstTime ? { notified_at: now } : {}),
        ...(actor === 'system' ? {} : { updated_by: actor.id }),
      })
      .where('id', '=', id)
      .execute();
    if (firstTime) await queueFanOut(ctx, trx, id);
    const auditActor: AuditActor = actor === 'system' ? { type: 'system', id: null } : auditActorOf(actor);
    await recordAudit(trx, { actor: auditActor, action: 'app.article.published', targetType: 'app_article', targetId: id, details: { title: row.title, notify: firstTime, scheduled: actor === 'system' }, requestId });
    return 'published' as const;
  });
}

async function queueFanOut(ctx: AppContext, trx: AppDb, articleId: string): Promise<void> {
  await ctx.jobs?.enqueue(asPlatformDb(trx), 'app.fanout', { kind: 'article', ref: articleId, after: '' }, { idempotencyKey: `app-fanout:article:${articleId}:` });
}

/** Schedules publication at `at` (in the future); a scheduled article can be moved or published at once. */
export async function scheduleArticle(ctx: AppContext, staff: StaffActor, id: string, at: Date, requestId: string | null): Promise<void> {
  const current = await articleForStaff(ctx, staff, id);
  requireAccess(canPublishNews(staff), 'forbidden');
  if (current.status === 'published') throw new DomainError('already_published', 409, 'app.error.alreadyPublished');
  if (at.getTime() <= ctx.now().getTime()) throw invalidInput([{ field: 'date', messageKey: 'app.error.scheduleInPast' }]);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('app_articles').set({ status: 'scheduled', publish_at: at, updated_by: staff.id, updated_at: ctx.now() }).where('id', '=', id).execute();
    await ctx.jobs?.enqueue(asPlatformDb(trx), 'app.publish', { id, at: at.toISOString() }, { runAt: at, idempotencyKey: `app-publish:${id}:${at.toISOString()}` });
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'app.article.scheduled', targetType: 'app_article', targetId: id, details: { title: current.title, at: at.toISOString() }, requestId });
  });
}

/** The app.publish job: publishes if the article is still scheduled for that time (a moved schedule has its own job). */
export async function publishIfDue(ctx: AppContext, id: string, at: string): Promise<boolean> {
  const row = await ctx.db.selectFrom('app_articles').select(['status', 'publish_at']).where('id', '=', id).executeTakeFirst();
  if (!row || row.status !== 'scheduled' || row.publish_at?.toISOString() !== at) return false;
  return (await publishArticle(ctx, 'system', id, null)) === 'published';
}

/** Safety net run daily and at start-up: publishes scheduled articles whose time has passed (a lost job). */
export async function publishOverdue(ctx: AppContext): Promise<number> {
  const due = await ctx.db.selectFrom('app_articles').select(['id']).where('status', '=', 'scheduled').where('publish_at', '<=', ctx.now()).execute();
  for (const row of due) await publishArticle(ctx, 'system', row.id, null);
  return due.length;
}

/** Published → unpublished (gone from lists, feeds and the API); scheduled → back to draft. */
export async function unpublishArticle(ctx: AppContext, staff: StaffActor, id: string, requestId: string | null): Promise<ArticleStatus> {
  const current = await articleForStaff(ctx, staff, id);
  requireAccess(canPublishNews(staff), 'forbidden');
  const next: ArticleStatus | null = current.status === 'published' ? 'unpublished' : current.status === 'scheduled' ? 'draft' : null;
  if (!next) return current.status;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('app_articles').set({ status: next, publish_at: null, updated_by: staff.id, updated_at: ctx.now() }).where('id', '=', id).execute();
    await recordAudit(trx, { actor: auditActorOf(staff), action: next === 'draft' ? 'app.article.unscheduled' : 'app.article.unpublished', targetType: 'app_article', targetId: id, details: { title: current.title }, requestId });
  });
  return next;
}

export async function articlesForStaff(ctx: AppContext, staff: StaffActor, options: { status?: ArticleStatus | undefined; page: number }): Promise<{ rows: ArticleRow[]; pageCount: number }> {
  editor(staff);
  const size = 30;
  let query = ctx.db.selectFrom('app_articles');
  if (options.status) query = query.where('status', '=', options.status);
  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await query
    .select(COLUMNS)
    .orderBy(sql`CASE status WHEN 'scheduled' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END`)
    .orderBy('updated_at', 'desc')
    .limit(size)
    .offset((options.page - 1) * size)
    .execute();
  return { rows, pageCount: Math.max(1, Math.ceil(total / size)) };
}

export interface NewsFilter {
  category?: CategoryCode | undefined;
  /** An area also shows the news for the whole city (全域). */
  area?: AreaCode | undefined;
}

function filtered(db: AppDb, filter: NewsFilter) {
  let query = db.selectFrom('app_articles').where('status', '=', 'published');
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.area && filter.area !== 'all') query = query.where('area', 'in', [filter.area, 'all']);
  else if (filter.area === 'all') query = query.where('area', '=', 'all');
  return query;
}

export async function publishedArticles(db: AppDb, filter: NewsFilter, page: { limit: number; offset: number }): Promise<{ rows: PublishedArticle[]; total: number }> {
  const total = Number((await filtered(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await filtered(db, filter).select(COLUMNS).orderBy('published_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return { rows: rows as PublishedArticle[], total };
}

/** A published article, or 404 (drafts, scheduled and unpublished articles do not exist for the public). */
export async function publishedArticle(db: AppDb, id: string): Promise<PublishedArticle> {
  if (!isUuid(id)) throw notFound();
  const row = await db.selectFrom('app_articles').select(COLUMNS).where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
  if (!row) throw notFound();
  return row as PublishedArticle;
}

/** Whether an image may be shown to this viewer: it belongs to a published article, or the viewer edits news. */
export async function imageVisible(db: AppDb, fileId: string, staff: StaffActor | null): Promise<boolean> {
  if (staff && canEditNews(staff)) return true;
  const row = await db.selectFrom('app_articles').select('id').where('image_file_id', '=', fileId).where('status', '=', 'published').executeTakeFirst();
  return row !== undefined;
}
