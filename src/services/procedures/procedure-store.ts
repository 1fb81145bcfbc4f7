/**
 * Procedure definitions and their versions. Every edit is a new version; an
 * application keeps the version it was started on, so a definition can change
 * while residents are half-way through (they finish on the old one).
 *
 * Two ways in: the catalogue shipped with the app (loaded at every start) and
 * a staff upload (`publishVersion`). A catalogue definition becomes a new version
 * only when its hash is not already among the procedure's versions, so restarting
 * the app never reverts a staff edit; shipping a changed file does make it current.
 */
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { auditActorOf, type StaffActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { notFound } from '../../platform/http/errors.ts';
import { definitionHash, parseDefinition, type ProcedureDefinition } from '../../engines/forms/index.ts';
import { canPublishProcedure, canViewDefinitions } from './policy.ts';
import { proceduresDb, type ProceduresDb } from './tables.ts';

const CATALOGUE_LOCK = 'procedures-catalogue';

export interface PublishedProcedure {
  id: string;
  version: number;
  definition: ProcedureDefinition;
}

/** Parsed definitions by hash: a stored definition never changes, so parsing it once is enough. */
const parsedByHash = new Map<string, ProcedureDefinition>();

function parsedDefinition(stored: unknown, hash: string): ProcedureDefinition {
  const cached = parsedByHash.get(hash);
  if (cached) return cached;
  const result = parseDefinition(stored);
  // Stored definitions were checked when stored; one failing now means the engine's rules changed.
  if (!result.ok) throw new Error(`stored definition ${hash} no longer parses: ${JSON.stringify(result.errors).slice(0, 500)}`);
  parsedByHash.set(hash, result.definition);
  return result.definition;
}

async function insertVersion(trx: ProceduresDb, definition: ProcedureDefinition, hash: string, staffId: string | null): Promise<number> {
  const latest = await trx.selectFrom('procedure_versions').select(sql<number>`max(version)`.as('v')).where('procedure_id', '=', definition.id).executeTakeFirst();
  const version = (latest?.v ?? 0) + 1;
  await trx
    .insertInto('procedures')
    .values({ id: definition.id, current_version: version, department_code: definition.department, category: definition.category })
    .onConflict((oc) => oc.column('id').doUpdateSet({ current_version: version, department_code: definition.department, category: definition.category, status: 'published', updated_at: new Date() }))
    .execute();
  await trx.insertInto('procedure_versions').values({ procedure_id: definition.id, version, definition: JSON.stringify(definition), hash, created_by_staff_id: staffId }).execute();
  return version;
}

/**
 * Loads the shipped catalogue: a definition whose hash is new for its procedure becomes
 * its current version; a known one changes nothing. Safe with several instances starting
 * at once (one transaction under an advisory lock).
 */
export async function loadCatalogueIntoDb(db: Kysely<PlatformTables>, definitions: unknown[], log?: Logger): Promise<{ added: string[] }> {
  const pdb = proceduresDb(db);
  const added: string[] = [];
  await pdb.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${CATALOGUE_LOCK}))`.execute(trx);
    for (const raw of definitions) {
      const parsed = parseDefinition(raw);
      if (!parsed.ok) {
        log?.error({ id: (raw as { id?: unknown })?.id, errors: parsed.errors }, 'procedure definition in the catalogue is invalid; skipped');
        continue;
      }
      const definition = parsed.definition;
      const hash = definitionHash(definition);
      const known = await trx.selectFrom('procedure_versions').select('version').where('procedure_id', '=', definition.id).where('hash', '=', hash).executeTakeFirst();
      if (known) continue;
      const version = await insertVersion(trx, definition, hash, null);
      await recordAudit(trx, { actor: { type: 'system', id: 'catalogue' }, action: 'procedures.version.published', targetType: 'procedure', targetId: definition.id, details: { version, hash, source: 'catalogue' } });
      added.push(`${definition.id}@${version}`);
    }
  });
  return { added };
}

export type PublishResult = { ok: true; procedureId: string; version: number; unchanged: boolean } | { ok: false; errors: { path?: string; message: string }[] };

/**
 * A staff member publishes a definition (a new procedure, or a new version of `procedureId`).
 * DX office staff may publish any; a department's manager their department's (both the
 * current and the new department must be theirs, so nobody moves a procedure away from
 * its owners or into a department they do not manage).
 */
export async function publishVersion(db: Kysely<PlatformTables>, actor: StaffActor, procedureId: string | null, definitionJson: unknown, context: { requestId?: string } = {}): Promise<PublishResult> {
  const pdb = proceduresDb(db);
  const current = procedureId ? await pdb.selectFrom('procedures').select(['id', 'department_code']).where('id', '=', procedureId).executeTakeFirst() : null;
  if (procedureId) {
    requireAccess(Boolean(current) && canViewDefinitions(actor));
    requireAccess(canPublishProcedure(actor, current!.department_code), 'forbidden');
  }
  const parsed = parseDefinition(definitionJson);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map(errorOf) };
  const definition = parsed.definition;
  if (procedureId && definition.id !== procedureId) {
    return { ok: false, errors: [{ path: 'id', message: `id must stay "${procedureId}" (a different id is a different procedure)` }] };
  }
  requireAccess(canPublishProcedure(actor, definition.department), 'forbidden');
  const hash = definitionHash(definition);
  return pdb.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('procedures').select(['current_version', 'department_code']).where('id', '=', definition.id).forUpdate().executeTakeFirst();
    if (!procedureId && existing) return { ok: false as const, errors: [{ path: 'id', message: `a procedure "${definition.id}" already exists; open it to publish a new version` }] };
    if (existing) {
      const latest = await trx.selectFrom('procedure_versions').select('hash').where('procedure_id', '=', definition.id).where('version', '=', existing.current_version).executeTakeFirstOrThrow();
      if (latest.hash === hash) return { ok: true as const, procedureId: definition.id, version: existing.current_version, unchanged: true };
    }
    const version = await insertVersion(trx, definition, hash, actor.id);
    await recordAudit(trx, { actor: auditActorOf(actor), action: 'procedures.version.published', targetType: 'procedure', targetId: definition.id, details: { version, hash, source: 'staff' }, requestId: context.requestId ?? null });
    return { ok: true as const, procedureId: definition.id, version, unchanged: false };
  });
}

function errorOf(e: unknown): { path?: string; message: string } {
  if (typeof e === 'string') return { message: e };
  const o = (e ?? {}) as { path?: unknown; message?: unknown };
  const message = typeof o.message === 'string' ? o.message : o.message && typeof o.message === 'object' && 'ja' in o.message ? String((o.message as { ja: unknown }).ja) : JSON.stringify(e);
  return { ...(typeof o.path === 'string' ? { path: o.path } : {}), message };
}

/** Every published procedure at its current version. */
export async function listPublished(db: Kysely<PlatformTables>): Promise<PublishedProcedure[]> {
  const rows = await proceduresDb(db)
    .selectFrom('procedures as p')
    .innerJoin('procedure_versions as v', (join) => join.onRef('v.procedure_id', '=', 'p.id').onRef('v.version', '=', 'p.current_version'))
    .select(['p.id', 'v.version', 'v.definition', 'v.hash'])
    .where('p.status', '=', 'published')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ id: r.id, version: r.version, definition: parsedDefinition(r.definition, r.hash) }));
}

/** The current version of a published procedure, or null. */
export async function publishedProcedure(db: Kysely<PlatformTables>, procedureId: string): Promise<PublishedProcedure | null> {
  const row = await proceduresDb(db)
    .selectFrom('procedures as p')
    .innerJoin('procedure_versions as v', (join) => join.onRef('v.procedure_id', '=', 'p.id').onRef('v.version', '=', 'p.current_version'))
    .select(['p.id', 'v.version', 'v.definition', 'v.hash'])
    .where('p.id', '=', procedureId)
    .where('p.status', '=', 'published')
    .executeTakeFirst();
  return row ? { id: row.id, version: row.version, definition: parsedDefinition(row.definition, row.hash) } : null;
}

/** One version, whatever the procedure's status (an application reads the version it was started on). */
export async function procedureVersion(db: Kysely<PlatformTables> | ProceduresDb, procedureId: string, version: number): Promise<ProcedureDefinition> {
  const row = await proceduresDb(db as Kysely<PlatformTables>).selectFrom('procedure_versions').select(['definition', 'hash']).where('procedure_id', '=', procedureId).where('version', '=', version).executeTakeFirst();
  if (!row) throw notFound();
  return parsedDefinition(row.definition, row.hash);
}

/** Staff: every procedure with its version history (newest first), for the definitions page. */
export async function procedureVersions(db: Kysely<PlatformTables>, actor: StaffActor, procedureId: string) {
  requireAccess(canViewDefinitions(actor));
  const pdb = proceduresDb(db);
  const procedure = await pdb.selectFrom('procedures').selectAll().where('id', '=', procedureId).executeTakeFirst();
  requireAccess(procedure !== undefined);
  const versions = await pdb
    .selectFrom('procedure_versions as v')
    .leftJoin('staff as s', 's.id', 'v.created_by_staff_id')
    .select(['v.version', 'v.hash', 'v.created_at', 'v.definition', 's.display_name as created_by'])
    .where('v.procedure_id', '=', procedureId)
    .orderBy('v.version', 'desc')
    .execute();
  const applications = await pdb
    .selectFrom('applications')
    .select(['procedure_version', (eb) => eb.fn.countAll<number>().as('n')])
    .where('procedure_id', '=', procedureId)
    .groupBy('procedure_version')
    .execute();
  const counts = new Map(applications.map((a) => [a.procedure_version, Number(a.n)]));
  return { procedure: procedure!, versions: versions.map((v) => ({ ...v, applications: counts.get(v.version) ?? 0 })), canPublish: canPublishProcedure(actor, procedure!.department_code) };
}

export async function allProceduresForStaff(db: Kysely<PlatformTables>, actor: StaffActor) {
  requireAccess(canViewDefinitions(actor), 'forbidden');
  return listPublishedAndWithdrawn(db);
}

async function listPublishedAndWithdrawn(db: Kysely<PlatformTables>) {
  const rows = await proceduresDb(db)
    .selectFrom('procedures as p')
    .innerJoin('procedure_versions as v', (join) => join.onRef('v.procedure_id', '=', 'p.id').onRef('v.version', '=', 'p.current_version'))
    .innerJoin('departments as d', 'd.code', 'p.department_code')
    .select(['p.id', 'p.status', 'p.current_version', 'p.updated_at', 'v.definition', 'v.hash', 'd.name_ja', 'd.name_en'])
    .orderBy('p.department_code')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ id: r.id, status: r.status, version: r.current_version, updatedAt: r.updated_at, department: { ja: r.name_ja, en: r.name_en }, definition: parsedDefinition(r.definition, r.hash) }));
}
