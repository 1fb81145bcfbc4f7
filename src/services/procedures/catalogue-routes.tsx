/** Finding a procedure: home, search, category and life-event lists, a procedure's page. Open to everyone. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { applicationsOfResident } from './application-queries.ts';
import { latestDraft } from './application-service.ts';
import { local, ProcedureListPage, ProcedurePage, ProceduresHomePage, SearchResultsPage, type DraftLink, type StartState } from './catalogue-views.tsx';
import { listPublished, type PublishedProcedure } from './procedure-store.ts';
import { CATEGORIES, isLifeEvent, searchProcedures } from './procedure-search.ts';

const SearchQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })) });
const CategoryParams = Type.Object({ category: Type.String({ maxLength: 40 }) });
const EventParams = Type.Object({ event: Type.String({ maxLength: 40 }) });
const ProcedureParams = Type.Object({ id: Type.String({ maxLength: 80 }) });

export async function departmentName(db: Kysely<PlatformTables>, code: string): Promise<{ ja: string; en: string }> {
  const row = await db.selectFrom('departments').select(['name_ja', 'name_en']).where('code', '=', code).executeTakeFirst();
  return row ? { ja: row.name_ja, en: row.name_en } : { ja: code, en: code };
}

export const draftHref = (d: { id: string; current_page_id: string | null }) => (d.current_page_id ? `/procedures/applications/${d.id}/pages/${d.current_page_id}` : `/procedures/applications/${d.id}/check`);

export async function registerCatalogueRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.db.kysely;

  /** Category and life-event names are searchable words too (引越し finds 転出届). */
  const describe = (request: FastifyRequest) => (p: PublishedProcedure) => ({
    text: p.definition,
    labels: [request.t(`procedures.category.${p.definition.category}`), ...p.definition.lifeEvents.map((e) => request.t(`procedures.lifeEvent.${e}`))],
  });

  app.get('/procedures', async (request, reply) => {
    const procedures = await listPublished(db);
    let drafts: DraftLink[] = [];
    if (request.resident) {
      const titles = new Map(procedures.map((p) => [p.id, local(viewContext(request), p.definition.title)]));
      drafts = (await applicationsOfResident(db, request.resident, { status: 'draft', limit: 5 })).map((d) => ({ id: d.id, title: titles.get(d.procedure_id) ?? d.procedure_id, savedAt: d.updated_at, href: draftHref(d) }));
    }
    const ctx = viewContext(request);
    const sorted = [...procedures].sort((a, b) => local(ctx, a.definition.title).localeCompare(local(ctx, b.definition.title), 'ja'));
    return reply.html(<ProceduresHomePage ctx={ctx} procedures={sorted} drafts={drafts} />);
  });

  app.get('/procedures/search', { schema: { querystring: SearchQuery, hide: true } }, async (request, reply) => {
    const query = ((request.query as { q?: string }).q ?? '').normalize('NFKC').trim();
    const results = query ? searchProcedures(await listPublished(db), query, describe(request)) : [];
    return reply.html(<SearchResultsPage ctx={viewContext(request)} query={query} results={results} />);
  });

  app.get('/procedures/category/:category', { schema: { params: CategoryParams, hide: true } }, async (request, reply) => {
    const { category } = request.params as { category: string };
    if (!(CATEGORIES as readonly string[]).includes(category)) return reply.callNotFound();
    const list = (await listPublished(db)).filter((p) => p.definition.category === category);
    const title = request.t(`procedures.category.${category}`);
    return reply.html(<ProcedureListPage ctx={viewContext(request)} title={title} lead={request.t('procedures.category.lead', { category: title })} procedures={list} />);
  });

  app.get('/procedures/life/:event', { schema: { params: EventParams, hide: true } }, async (request, reply) => {
    const { event } = request.params as { event: string };
    if (!isLifeEvent(event)) return reply.callNotFound();
    const list = (await listPublished(db)).filter((p) => (p.definition.lifeEvents ?? []).includes(event));
    const title = request.t(`procedures.lifeEvent.${event}`);
    return reply.html(<ProcedureListPage ctx={viewContext(request)} title={title} lead={request.t('procedures.lifeEvent.lead', { event: title })} procedures={list} />);
  });

  app.get('/procedures/:id', { schema: { params: ProcedureParams, hide: true } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const procedure = (await listPublished(db)).find((p) => p.id === id);
    if (!procedure) return reply.callNotFound();
    const resident = request.resident;
    let start: StartState = { kind: 'anonymous' };
    if (resident) {
      if (procedure.definition.assurance === 'card' && resident.assurance !== 'card') start = { kind: 'needs-card' };
      else {
        const draft = await latestDraft(db, resident, id);
        start = { kind: 'ready', draft: draft ? { id: draft.id, savedAt: draft.updated_at, href: draftHref(draft) } : null };
      }
    }
    return reply.html(<ProcedurePage ctx={viewContext(request)} procedure={procedure} department={await departmentName(db, procedure.definition.department)} start={start} />);
  });
}
