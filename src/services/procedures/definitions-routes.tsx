/**
 * Staff-built forms without code (for now: JSON): the DX office and the owning
 * department's managers see every procedure's versions and publish a new version by
 * pasting or uploading a definition; the forms engine's errors are listed when it does
 * not parse. Applications already started keep their version.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import { hasRole } from '../../platform/access/actor.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { local } from './catalogue-views.tsx';
import { DefinitionPage, DefinitionsListPage, DEFINITIONS_BASE } from './definitions-views.tsx';
import { canViewDefinitions, isDxStaff } from './policy.ts';
import { allProceduresForStaff, procedureVersions, publishVersion } from './procedure-store.ts';

const IdParams = Type.Object({ id: Type.String({ pattern: '^[a-z0-9-]{1,80}$' }) });
const VersionParams = Type.Object({ id: Type.String({ pattern: '^[a-z0-9-]{1,80}$' }), version: Type.String({ pattern: '^\\d{1,6}\\.json$' }) });

/** The posted definition: the uploaded file if one came, else the pasted text. */
async function postedJson(request: FastifyRequest): Promise<string> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const file = body.file as { toBuffer?: () => Promise<Buffer> } | undefined;
  if (file?.toBuffer) {
    const bytes = await file.toBuffer();
    if (bytes.length > 0) return bytes.toString('utf8').replace(/^\uFEFF/, '');
  }
  const field = body.definition as { value?: unknown } | string | undefined;
  return typeof field === 'string' ? field : typeof field?.value === 'string' ? field.value : '';
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** Who may add a new procedure: the DX office or any department manager (for their department). */
const canCreate = (staff: Parameters<typeof isDxStaff>[0]) => isDxStaff(staff) || hasRole(staff, '*', ['manager']);

export async function registerDefinitionRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.db.kysely;

  app.get(DEFINITIONS_BASE, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const rows = await allProceduresForStaff(db, staff);
    return reply.html(<DefinitionsListPage ctx={viewContext(request)} rows={rows} canCreate={canCreate(staff)} />);
  });

  app.get(`${DEFINITIONS_BASE}/new`, async (request, reply) => {
    const staff = requireStaff(request.staff);
    requireAccess(canCreate(staff), 'forbidden');
    return reply.html(<DefinitionPage ctx={viewContext(request)} id="" title={request.t('procedures.definitions.new')} versions={[]} canPublish json="" errors={[]} creating />);
  });

  app.post(DEFINITIONS_BASE, async (request, reply) => {
    const staff = requireStaff(request.staff);
    requireAccess(canCreate(staff), 'forbidden');
    const text = await postedJson(request);
    const parsed = parseJson(text);
    const show = (errors: { path?: string; message: string }[]) => reply.html(<DefinitionPage ctx={viewContext(request)} id="" title={request.t('procedures.definitions.new')} versions={[]} canPublish json={text} errors={errors} creating />, 400);
    if (!parsed.ok) return show([{ message: request.t('procedures.definitions.invalidJson', { message: parsed.message }) }]);
    const result = await publishVersion(db, staff, null, parsed.value, { requestId: request.id });
    if (!result.ok) return show(result.errors);
    setFlash(reply, 'success', 'procedures.definitions.published', { version: result.version });
    return reply.redirect(`${DEFINITIONS_BASE}/${result.procedureId}`, 303);
  });

  app.get(`${DEFINITIONS_BASE}/:id`, { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    requireAccess(canViewDefinitions(staff), 'forbidden');
    const { procedure, versions, canPublish } = await procedureVersions(db, staff, (request.params as { id: string }).id);
    const current = versions.find((v) => v.version === procedure.current_version)!;
    return reply.html(
      <DefinitionPage ctx={viewContext(request)} id={procedure.id} title={local(viewContext(request), (current.definition as { title: { ja: string; en: string } }).title)} versions={versions} canPublish={canPublish} json={JSON.stringify(current.definition, null, 2)} errors={[]} />,
    );
  });

  app.get(`${DEFINITIONS_BASE}/:id/versions/:version`, { schema: { params: VersionParams, hide: true } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const { id, version } = request.params as { id: string; version: string };
    const { versions } = await procedureVersions(db, staff, id);
    const found = versions.find((v) => v.version === Number(version.replace('.json', '')));
    if (!found) return reply.callNotFound();
    return reply.type('application/json; charset=utf-8').header('content-disposition', `attachment; filename="${id}-v${found.version}.json"`).send(JSON.stringify(found.definition, null, 2));
  });

  app.post(`${DEFINITIONS_BASE}/:id/versions`, { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const { id } = request.params as { id: string };
    const { procedure, versions, canPublish } = await procedureVersions(db, staff, id);
    requireAccess(canPublish, 'forbidden');
    const text = await postedJson(request);
    const current = versions.find((v) => v.version === procedure.current_version)!;
    const title = local(viewContext(request), (current.definition as { title: { ja: string; en: string } }).title);
    const show = (errors: { path?: string; message: string }[]) => reply.html(<DefinitionPage ctx={viewContext(request)} id={id} title={title} versions={versions} canPublish json={text} errors={errors} />, 400);
    const parsed = parseJson(text);
    if (!parsed.ok) return show([{ message: request.t('procedures.definitions.invalidJson', { message: parsed.message }) }]);
    const result = await publishVersion(db, staff, id, parsed.value, { requestId: request.id });
    if (!result.ok) return show(result.errors);
    if (result.unchanged) setFlash(reply, 'info', 'procedures.definitions.unchanged');
    else setFlash(reply, 'success', 'procedures.definitions.published', { version: result.version });
    return reply.redirect(`${DEFINITIONS_BASE}/${id}`, 303);
  });
}
