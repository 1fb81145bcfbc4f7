/** Staff pages of the city app: write, preview, schedule, publish and unpublish news; disaster mode. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { Type } from '@sinclair/typebox';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import type { StaffActor } from '../../platform/access/actor.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { addDays, japanClock, japanInstant } from '../../platform/time/today.ts';
import type { AppContext } from './app-context.ts';
import { activeAlert, recentAlerts, switchOff, switchOn } from './disaster.ts';
import { articleForStaff, articlesForStaff, createArticle, publishArticle, scheduleArticle, unpublishArticle, updateArticle, type ArticleInput, type ArticleRow } from './news-service.ts';
import { canEditNews, canSwitchDisasterMode } from './policy.ts';
import { ArticleFormPage, DisasterPage, PreviewPage, StaffArticlePage, StaffNewsPage, type ArticleFormValues } from './staff-views.tsx';
import type { ArticleStatus } from './tables.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const ListQuery = Type.Object({ status: Type.Optional(Type.String({ maxLength: 20 })), page: Type.Optional(Type.String({ maxLength: 5 })) });

const ArticleForm = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 120 }),
  summary: Type.String({ maxLength: 300 }),
  body: Type.String({ minLength: 1, maxLength: 20000 }),
  category: Type.String({ minLength: 1, maxLength: 20 }),
  area: Type.String({ minLength: 1, maxLength: 20 }),
  imageAlt: Type.String({ maxLength: 200 }),
  removeImage: Type.Array(Type.Literal('yes'), { maxItems: 1 }),
});
const ScheduleForm = Type.Object({ date: Type.String({ minLength: 1, maxLength: 30 }), time: Type.String({ minLength: 1, maxLength: 5 }) });
const DisasterForm = Type.Object({ message: Type.String({ minLength: 1, maxLength: 500 }) });

const STATUSES: ArticleStatus[] = ['draft', 'scheduled', 'published', 'unpublished'];

function editorOf(request: FastifyRequest): StaffActor {
  const staff = requireStaff(request.staff);
  requireAccess(canEditNews(staff), 'forbidden');
  return staff;
}

function disasterStaffOf(request: FastifyRequest): StaffActor {
  const staff = requireStaff(request.staff);
  requireAccess(canSwitchDisasterMode(staff), 'forbidden');
  return staff;
}

const valuesOf = (a: ArticleRow): ArticleFormValues => ({ title: a.title, summary: a.summary, body: a.body, category: a.category, area: a.area, imageAlt: a.image_alt, removeImage: [] });
const emptyValues: ArticleFormValues = { title: '', summary: '', body: '', category: '', area: 'all', imageAlt: '', removeImage: [] };

async function imageOf(request: FastifyRequest): Promise<ArticleInput['image']> {
  const file = (request.body as Record<string, unknown> | undefined)?.image as { toBuffer?: () => Promise<Buffer>; filename?: string } | undefined;
  if (!file?.toBuffer) return null;
  const bytes = await file.toBuffer();
  return bytes.length ? { bytes, filename: file.filename ?? 'image' } : null;
}

/** "9:00", "09:30", "9時" → seconds after midnight, or null. */
function parseTime(value: string): number | null {
  const m = /^(\d{1,2})(?::|時)?(\d{2})?分?$/.exec(value.normalize('NFKC').trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  return h < 24 && min < 60 ? h * 3600 + min * 60 : null;
}

export async function registerStaffRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const db = ctx.db;

  app.get('/staff/app', { schema: { querystring: ListQuery, hide: true } }, async (request, reply) => {
    const staff = editorOf(request);
    const q = request.query as { status?: string; page?: string };
    const status = STATUSES.includes(q.status as ArticleStatus) ? (q.status as ArticleStatus) : undefined;
    const page = /^\d{1,4}$/.test(q.page ?? '') ? Math.max(1, Number(q.page)) : 1;
    const { rows, pageCount } = await articlesForStaff(ctx, staff, { status, page });
    const counts = await db.selectFrom('app_subscribers').select(['channel', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'active').groupBy('channel').execute();
    const subscribers = Object.fromEntries(counts.map((c) => [c.channel, Number(c.n)]));
    return reply.html(<StaffNewsPage ctx={viewContext(request)} rows={rows} status={status ?? ''} page={page} pageCount={pageCount} subscribers={subscribers} disaster={await activeAlert(db)} />);
  });

  app.get('/staff/app/news/new', async (request, reply) => {
    editorOf(request);
    return reply.html(<ArticleFormPage ctx={viewContext(request)} values={emptyValues} errors={{}} article={null} />);
  });

  async function saveArticle(request: FastifyRequest, reply: FastifyReply, existing: ArticleRow | null) {
    const staff = editorOf(request);
    const t = request.t;
    const labels = { title: t('app.field.title'), summary: t('app.field.summary'), body: t('app.field.body'), category: t('app.field.category'), area: t('app.field.area'), imageAlt: t('app.field.imageAlt'), removeImage: t('app.field.removeImage') };
    const { values, errors } = readForm(ArticleForm, request.body, labels);
    const show = (errs: Record<string, string>, status = 400) => reply.html(<ArticleFormPage ctx={viewContext(request)} values={values} errors={errs} article={existing} />, status);
    if (errors.length) return show(fieldErrorMap(errors, t));
    const input: ArticleInput = { ...values, image: await imageOf(request), removeImage: values.removeImage.includes('yes') };
    try {
      const id = existing ? (await updateArticle(ctx, staff, existing.id, input, request.id), existing.id) : await createArticle(ctx, staff, input, request.id);
      setFlash(reply, 'success', existing ? 'app.staff.saved' : 'app.staff.created');
      return reply.redirect(`/staff/app/news/${id}`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return show(fieldErrorMap(error.fields, t));
      if (error instanceof DomainError && (error.code === 'file_type' || error.code === 'too_large')) return show({ image: t(error.messageKey, error.params) }, error.status);
      throw error;
    }
  }

  app.post('/staff/app/news', async (request, reply) => saveArticle(request, reply, null));

  app.get('/staff/app/news/:id', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = editorOf(request);
    const article = await articleForStaff(ctx, staff, (request.params as { id: string }).id);
    // The schedule form suggests tomorrow 9:00 (or the time already set).
    const at = article.publish_at ? japanClock(article.publish_at) : { date: addDays(japanClock(ctx.now()).date, 1), seconds: 9 * 3600 };
    const time = `${Math.floor(at.seconds / 3600)}:${String(Math.floor((at.seconds % 3600) / 60)).padStart(2, '0')}`;
    return reply.html(<StaffArticlePage ctx={viewContext(request)} article={article} scheduleValues={{ date: at.date, time }} errors={{}} />);
  });

  app.get('/staff/app/news/:id/edit', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = editorOf(request);
    const article = await articleForStaff(ctx, staff, (request.params as { id: string }).id);
    return reply.html(<ArticleFormPage ctx={viewContext(request)} values={valuesOf(article)} errors={{}} article={article} />);
  });

  app.post('/staff/app/news/:id', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = editorOf(request);
    const article = await articleForStaff(ctx, staff, (request.params as { id: string }).id);
    return saveArticle(request, reply, article);
  });

  app.get('/staff/app/news/:id/preview', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = editorOf(request);
    return reply.html(<PreviewPage ctx={viewContext(request)} article={await articleForStaff(ctx, staff, (request.params as { id: string }).id)} />);
  });

  app.post('/staff/app/news/:id/publish', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = editorOf(request);
    const id = (request.params as { id: string }).id;
    const result = await publishArticle(ctx, staff, id, request.id);
    setFlash(reply, 'success', result === 'published' ? 'app.staff.published' : 'app.staff.alreadyPublished');
    return reply.redirect(`/staff/app/news/${id}`, 303);
  });

  app.post('/staff/app/news/:id/schedule', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = editorOf(request);
    const article = await articleForStaff(ctx, staff, (request.params as { id: string }).id);
    const t = request.t;
    const { values, errors } = readForm(ScheduleForm, request.body, { date: t('app.field.publishDate'), time: t('app.field.publishTime') });
    const date = parseJapaneseDate(values.date);
    const time = parseTime(values.time);
    if (!date.ok && !errors.some((e) => e.field === 'date')) errors.push({ field: 'date', messageKey: 'validation.date' });
    if (time === null && !errors.some((e) => e.field === 'time')) errors.push({ field: 'time', messageKey: 'app.error.time' });
    const show = (errs: Record<string, string>) => reply.html(<StaffArticlePage ctx={viewContext(request)} article={article} scheduleValues={values} errors={errs} />, 400);
    if (errors.length || !date.ok || time === null) return show(fieldErrorMap(errors, t));
    try {
      await scheduleArticle(ctx, staff, article.id, japanInstant(date.iso, time), request.id);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return show(fieldErrorMap(error.fields, t));
      throw error;
    }
    setFlash(reply, 'success', 'app.staff.scheduled');
    return reply.redirect(`/staff/app/news/${article.id}`, 303);
  });

  app.post('/staff/app/news/:id/unpublish', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = editorOf(request);
    const id = (request.params as { id: string }).id;
    const status = await unpublishArticle(ctx, staff, id, request.id);
    setFlash(reply, 'success', status === 'draft' ? 'app.staff.unscheduled' : 'app.staff.unpublished');
    return reply.redirect(`/staff/app/news/${id}`, 303);
  });

  async function disasterPage(request: FastifyRequest, message: string, errors: Record<string, string>) {
    const subscribers = Number((await db.selectFrom('app_subscribers').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'active').where(sql<boolean>`'disaster' = ANY(categories)`).executeTakeFirstOrThrow()).n);
    return <DisasterPage ctx={viewContext(request)} current={await activeAlert(db)} message={message} errors={errors} recent={await recentAlerts(db)} subscribers={subscribers} />;
  }

  app.get('/staff/app/disaster', async (request, reply) => {
    disasterStaffOf(request);
    return reply.html(await disasterPage(request, '', {}));
  });

  app.post('/staff/app/disaster/on', async (request, reply) => {
    const staff = disasterStaffOf(request);
    const t = request.t;
    const { values, errors } = readForm(DisasterForm, request.body, { message: t('app.field.disasterMessage') });
    if (errors.length) return reply.html(await disasterPage(request, values.message, fieldErrorMap(errors, t)), 400);
    try {
      await switchOn(ctx, staff, values.message, request.id);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return reply.html(await disasterPage(request, values.message, fieldErrorMap(error.fields, t)), 400);
      throw error;
    }
    setFlash(reply, 'warning', 'app.staff.disaster.switchedOn');
    return reply.redirect('/staff/app/disaster', 303);
  });

  app.post('/staff/app/disaster/off', async (request, reply) => {
    const staff = disasterStaffOf(request);
    await switchOff(ctx, staff, request.id);
    setFlash(reply, 'success', 'app.staff.disaster.switchedOff');
    return reply.redirect('/staff/app/disaster', 303);
  });
}
