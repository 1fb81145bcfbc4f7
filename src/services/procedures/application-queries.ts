/** SQL for applications, their timeline and files. Access is checked by the callers (application-service.ts). */
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { isUuid } from '../../platform/http/ids.ts';
import type { ApplicationStatus } from './application-states.ts';
import { proceduresDb, type EventActorType, type ProceduresDb } from './tables.ts';

export type ApplicationRow = Awaited<ReturnType<typeof selectApplication>>;

function selectApplication(db: ProceduresDb, id: string) {
  return db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The row, or null for an unknown or malformed id (a 404 for the caller, never a database error). */
export async function applicationById(db: Kysely<PlatformTables> | ProceduresDb, id: string, options: { forUpdate?: boolean } = {}): Promise<ApplicationRow | null> {
  if (!isUuid(id)) return null;
  let query = proceduresDb(db as Kysely<PlatformTables>).selectFrom('applications').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return (await query.executeTakeFirst()) ?? null;
}

export async function applicationByIdempotencyKey(db: ProceduresDb, key: string): Promise<ApplicationRow | null> {
  return (await db.selectFrom('applications').selectAll().where('idempotency_key', '=', key).executeTakeFirst()) ?? null;
}

/** A resident's applications (their login's, and those made for their registry record), most recently changed first (withdrawn drafts, i.e. discarded ones, left out). */
export async function applicationsOfResident(db: Kysely<PlatformTables>, resident: { accountId: string; residentId: string | null }, options: { limit?: number; procedureId?: string; status?: ApplicationStatus } = {}) {
  let query = proceduresDb(db)
    .selectFrom('applications')
    .select(['id', 'reference', 'procedure_id', 'procedure_version', 'status', 'fee_yen', 'payment_method', 'paid_at', 'submitted_at', 'due_date', 'current_page_id', 'channel', 'created_at', 'updated_at'])
    .where((eb) => (resident.residentId ? eb.or([eb('resident_account_id', '=', resident.accountId), eb('resident_id', '=', resident.residentId)]) : eb('resident_account_id', '=', resident.accountId)))
    .where((eb) => eb.not(eb.and([eb('status', '=', 'withdrawn'), eb('reference', 'is', null)])))
    .orderBy('updated_at', 'desc')
    .orderBy('id');
  if (options.procedureId) query = query.where('procedure_id', '=', options.procedureId);
  if (options.status) query = query.where('status', '=', options.status);
  if (options.limit) query = query.limit(options.limit);
  return query.execute();
}

export type ApplicationListRow = Awaited<ReturnType<typeof applicationsOfResident>>[number];

export async function eventsOf(db: Kysely<PlatformTables>, applicationId: string, options: { residentView: boolean }) {
  let query = proceduresDb(db)
    .selectFrom('application_events as e')
    .leftJoin('staff as s', (join) => join.on(sql<boolean>`e.actor_type = 'staff' AND e.actor_id = s.id::text`))
    .select(['e.id', 'e.at', 'e.actor_type', 'e.actor_id', 'e.kind', 'e.from_status', 'e.to_status', 'e.message', 'e.fields', 'e.visible_to_resident', 's.display_name as staff_name'])
    .where('e.application_id', '=', applicationId)
    .orderBy('e.at')
    .orderBy('e.id');
  if (options.residentView) query = query.where('e.visible_to_resident', '=', true);
  return query.execute();
}

export type EventRow = Awaited<ReturnType<typeof eventsOf>>[number];

/** The latest resident-visible event of each application (for lists: what happened last, and when). */
export async function latestResidentEvents(db: Kysely<PlatformTables>, applicationIds: string[]): Promise<Map<string, { at: Date; kind: string }>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await proceduresDb(db)
    .selectFrom('application_events')
    .distinctOn('application_id')
    .select(['application_id', 'at', 'kind'])
    .where('application_id', 'in', applicationIds)
    .where('visible_to_resident', '=', true)
    .orderBy('application_id')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.application_id, { at: r.at, kind: r.kind }]));
}

export async function filesOf(db: Kysely<PlatformTables>, applicationId: string) {
  return proceduresDb(db)
    .selectFrom('application_files as af')
    .innerJoin('files as f', 'f.id', 'af.file_id')
    .select(['f.id', 'f.original_name', 'f.mime', 'f.size', 'af.field_id', 'af.uploaded_by', 'af.created_at'])
    .where('af.application_id', '=', applicationId)
    .orderBy('af.created_at')
    .execute();
}

export interface NewEvent {
  applicationId: string;
  actor: { type: EventActorType; id: string | null };
  kind: string;
  from?: ApplicationStatus | null;
  to?: ApplicationStatus | null;
  message?: string;
  fields?: string[];
  visibleToResident?: boolean;
  at: Date;
}

export async function insertEvent(db: ProceduresDb, e: NewEvent): Promise<void> {
  await db
    .insertInto('application_events')
    .values({
      application_id: e.applicationId,
      at: e.at,
      actor_type: e.actor.type,
      actor_id: e.actor.id,
      kind: e.kind,
      from_status: e.from ?? null,
      to_status: e.to ?? null,
      message: e.message ?? '',
      fields: JSON.stringify(e.fields ?? []),
      visible_to_resident: e.visibleToResident ?? true,
    })
    .execute();
}

/** The next reference number of the year submissions are made in: OSU-2026-000123. */
export async function nextReference(db: ProceduresDb, year: string): Promise<string> {
  const { rows } = await sql<{ n: string | number }>`SELECT nextval('application_reference_seq') AS n`.execute(db);
  return `OSU-${year}-${String(rows[0]!.n).padStart(6, '0')}`;
}
