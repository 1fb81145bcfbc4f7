/**
 * What staff do with one application: open it (answers beside the register record,
 * files, timeline, follow-up tasks), assign it, start the review, ask the resident
 * for a correction, approve, refuse with a reason, add an internal note, download a
 * file. Each function asks first whether this person works for the application's
 * department (anyone else gets 404: staff do not learn what other departments hold);
 * each change is one transaction with its timeline event and audit entry; each view
 * of personal data is audited.
 */
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { invalidInput, type FieldError } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import type { Platform } from '../../platform/platform.ts';
import { summarise, visibleFields, visiblePages, type Answers, type ProcedureDefinition, type SummarySection } from '../../engines/forms/index.ts';
import { residentFactsFor } from '../registry/resident-facts.ts';
import { paidAtOf } from './application-detail.ts';
import { applicationById, eventsOf, filesOf, insertEvent, type ApplicationRow, type EventRow } from './application-queries.ts';
import { definitionOf, refundClosed, type ProceduresCtx } from './application-service.ts';
import { canTransition, isFinal, type TransitionName } from './application-states.ts';
import { applyTransition } from './application-transitions.ts';
import { compareWithRegistry, type RegistryComparison } from './review-compare.ts';
import { canWorkApplication, isAssignable } from './staff-access.ts';
import { departmentNames } from './staff-lookups.ts';
import { staffProceduresMessages } from './staff-messages.ts';
import { staffProceduresDb } from './staff-tables.ts';
import { tasksOfApplication } from './tasks-queries.ts';
import { proceduresDb, type ProceduresDb } from './tables.ts';

export const MESSAGE_MAX = 2000;

const label = (key: string) => staffProceduresMessages.ja[`procedures.staff.${key}`]!;

/** The application if this person may work it; a draft (the resident's unsent work) is nobody's business but theirs. */
function requireWorkable(staff: StaffActor, row: ApplicationRow | null): ApplicationRow {
  requireAccess(row !== null && row.status !== 'draft' && canWorkApplication(staff, row));
  return row!;
}

export interface Colleague {
  id: string;
  name: string;
}

/** Active clerks and managers of a department, by name. */
export async function colleaguesOf(db: Kysely<PlatformTables>, department: string): Promise<Colleague[]> {
  const rows = await db
    .selectFrom('staff as s')
    .innerJoin('staff_roles as r', 'r.staff_id', 's.id')
    .select(['s.id', 's.display_name'])
    .distinct()
    .where('s.active', '=', true)
    .where('r.department_code', '=', department)
    .where('r.role', 'in', ['clerk', 'manager'])
    .orderBy('s.display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}

export interface ReviewView {
  row: ApplicationRow;
  def: ProcedureDefinition;
  sections: SummarySection[];
  comparison: RegistryComparison;
  events: EventRow[];
  files: Awaited<ReturnType<typeof filesOf>>;
  tasks: Awaited<ReturnType<typeof tasksOfApplication>>;
  colleagues: Colleague[];
  assignedName: string | null;
  department: { ja: string; en: string };
  paidAt: Date | null;
  /** Staff transitions possible from the current status. */
  actions: { start: boolean; return: boolean; approve: boolean; reject: boolean; assign: boolean };
  /** Fields that may be flagged for correction (the visible top-level ones). */
  correctable: { id: string; label: { ja: string; en: string } }[];
}

export async function openReview(platform: Platform, staff: StaffActor, id: string, meta: { locale: Locale; requestId?: string }): Promise<ReviewView> {
  const db = platform.db.kysely;
  const row = requireWorkable(staff, await applicationById(db, id));
  const def = await definitionOf(db, row);
  const facts = row.resident_id ? await residentFactsFor(db, row.resident_id) : null;
  // The answers and the register record are personal data: who looked, when, is recorded (both ways, so the
  // registry's own audit trail of a resident also shows this view).
  await db.transaction().execute(async (trx) => {
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'procedures.application.viewed', targetType: 'procedure-application', targetId: row.id, details: { reference: row.reference, registryCompared: facts !== null }, requestId: meta.requestId ?? null });
    if (facts && row.resident_id) {
      await recordAudit(trx, { actor: auditActorOf(staff), action: 'registry.resident.viewed', targetType: 'resident', targetId: row.resident_id, reason: `申請 ${row.reference} の審査`, requestId: meta.requestId ?? null });
    }
  });
  const colleagues = await colleaguesOf(db, row.department_code);
  const assigned = row.assigned_staff_id ? await db.selectFrom('staff').select('display_name').where('id', '=', row.assigned_staff_id).executeTakeFirst() : undefined;
  const department = (await departmentNames(db)).find((d) => d.code === row.department_code)?.name ?? { ja: row.department_code, en: row.department_code };
  const can = (name: TransitionName) => canTransition(name, row.status);
  return {
    row,
    def,
    sections: summarise(def, row.answers, meta.locale),
    comparison: compareWithRegistry(def, row.answers, facts),
    events: await eventsOf(db, row.id, { residentView: false }),
    files: await filesOf(db, row.id),
    tasks: await tasksOfApplication(staffProceduresDb(db), row.id),
    colleagues,
    assignedName: assigned?.display_name ?? null,
    department,
    paidAt: row.fee_yen > 0 ? await paidAtOf(platform, row) : null,
    actions: { start: can('start_review'), return: can('return'), approve: can('approve'), reject: can('reject'), assign: !isFinal(row.status) },
    correctable: correctableFields(def, row.answers),
  };
}

/** The top-level fields the resident saw (a hidden page's fields cannot be corrected). */
export function correctableFields(def: ProcedureDefinition, answers: Record<string, unknown>): { id: string; label: { ja: string; en: string } }[] {
  const shown = answers as Answers;
  return visiblePages(def, shown).flatMap((page) => visibleFields(page.fields, shown).map((f) => ({ id: f.id, label: f.label })));
}

/** Runs `work` on the application read FOR UPDATE, after the access check, in one transaction. */
async function withApplication<T>(ctx: ProceduresCtx, staff: StaffActor, id: string, work: (trx: ProceduresDb, row: ApplicationRow) => Promise<T>): Promise<T> {
  return proceduresDb(ctx.db)
    .transaction()
    .execute(async (trx) => work(trx, requireWorkable(staff, await applicationById(trx, id, { forUpdate: true }))));
}

function requiredText(field: string, labelKey: string, value: string | undefined, required: boolean): { text: string; errors: FieldError[] } {
  const text = (value ?? '').normalize('NFKC').trim();
  if (required && !text) return { text, errors: [{ field, messageKey: 'procedures.staff.error.required', params: { field: label(labelKey) } }] };
  if (text.length > MESSAGE_MAX) return { text, errors: [{ field, messageKey: 'procedures.staff.error.maxLength', params: { field: label(labelKey), limit: MESSAGE_MAX } }] };
  return { text, errors: [] };
}

/** Assigns the application to the actor ('me') or to an active clerk or manager of its department. */
export async function assignApplication(ctx: ProceduresCtx, staff: StaffActor, id: string, assignee: string, meta: { requestId?: string } = {}): Promise<{ name: string }> {
  return withApplication(ctx, staff, id, async (trx, row) => {
    const targetId = assignee === 'me' ? staff.id : assignee;
    const target = isUuid(targetId) ? await trx.selectFrom('staff').select(['id', 'display_name', 'active']).where('id', '=', targetId).executeTakeFirst() : undefined;
    const roles = target ? await trx.selectFrom('staff_roles').select(['department_code as department', 'role']).where('staff_id', '=', target.id).execute() : [];
    // Anyone who may work the application may take it; others only get it from a colleague of its department.
    const allowed = target && (target.id === staff.id ? target.active : isAssignable({ active: target.active, roles }, row.department_code));
    if (!allowed) throw invalidInput([{ field: 'assignee', messageKey: 'procedures.staff.error.assignee' }]);
    const now = ctx.now();
    await trx.updateTable('applications').set({ assigned_staff_id: target!.id, updated_at: now }).where('id', '=', row.id).execute();
    await insertEvent(trx, { applicationId: row.id, actor: { type: 'staff', id: staff.id }, kind: 'assigned', message: target!.display_name, visibleToResident: false, at: now });
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'procedures.application.assigned', targetType: 'procedure-application', targetId: row.id, details: { reference: row.reference, assignee: target!.id, previous: row.assigned_staff_id }, requestId: meta.requestId ?? null });
    return { name: target!.display_name };
  });
}

/** Starts the review; whoever starts it becomes the assignee when nobody is. */
export async function startReview(ctx: ProceduresCtx, staff: StaffActor, id: string, meta: { requestId?: string } = {}): Promise<void> {
  await withApplication(ctx, staff, id, async (trx, row) => {
    await applyTransition(trx, ctx.jobs, row, 'start_review', staff, ctx.now(), { set: row.assigned_staff_id ? {} : { assigned_staff_id: staff.id }, requestId: meta.requestId ?? null });
  });
}

/**
 * Returns the application to the resident with a message (required) and, optionally,
 * the fields to correct. The resident is e-mailed (the notice job of the transition)
 * and sees the message and the flagged fields on their application page.
 */
export async function requestCorrection(ctx: ProceduresCtx, staff: StaffActor, id: string, input: { message?: string; fields?: string[] }, meta: { requestId?: string } = {}): Promise<void> {
  const { text, errors } = requiredText('message', 'return.message', input.message, true);
  if (errors.length) throw invalidInput(errors);
  await withApplication(ctx, staff, id, async (trx, row) => {
    // Read in the transaction: on the embedded database a query outside it would wait for this one forever.
    const def = await definitionOf(trx as unknown as Kysely<PlatformTables>, row);
    const allowed = new Set(correctableFields(def, row.answers).map((f) => f.id));
    const fields = [...new Set(input.fields ?? [])];
    if (fields.some((f) => !allowed.has(f))) throw invalidInput([{ field: 'fields', messageKey: 'procedures.staff.error.fields', params: { field: label('return.fields') } }]);
    await applyTransition(trx, ctx.jobs, row, 'return', staff, ctx.now(), { message: text, fields, requestId: meta.requestId ?? null });
  });
}

/** Approves (an optional note to the resident) or refuses (a reason is required: the resident is owed one). */
export async function decideApplication(ctx: ProceduresCtx, staff: StaffActor, id: string, decision: 'approve' | 'reject', input: { message?: string }, meta: { requestId?: string } = {}): Promise<void> {
  const { text, errors } = decision === 'reject' ? requiredText('reason', 'reject.reason', input.message, true) : requiredText('message', 'approve.message', input.message, false);
  if (errors.length) throw invalidInput(errors);
  const applicationId = await withApplication(ctx, staff, id, async (trx, row) => {
    await applyTransition(trx, ctx.jobs, row, decision, staff, ctx.now(), { message: text, requestId: meta.requestId ?? null });
    return row.id;
  });
  // A refused application's fee goes back in full, once the refusal has committed.
  if (decision === 'reject') await refundClosed(ctx, staff, applicationId, 'rejected', meta);
}

/** An internal note: on the staff timeline only, never shown to or sent to the resident. */
export async function addInternalNote(ctx: ProceduresCtx, staff: StaffActor, id: string, note: string | undefined, meta: { requestId?: string } = {}): Promise<void> {
  const { text, errors } = requiredText('note', 'note.text', note, true);
  if (errors.length) throw invalidInput(errors);
  await withApplication(ctx, staff, id, async (trx, row) => {
    const now = ctx.now();
    await insertEvent(trx, { applicationId: row.id, actor: { type: 'staff', id: staff.id }, kind: 'note', message: text, visibleToResident: false, at: now });
    await trx.updateTable('applications').set({ updated_at: now }).where('id', '=', row.id).execute();
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'procedures.application.note', targetType: 'procedure-application', targetId: row.id, details: { reference: row.reference, length: text.length }, requestId: meta.requestId ?? null });
  });
}

/** A file attached to an application the person may work; the download is audited. */
export async function staffFile(platform: Platform, staff: StaffActor, applicationId: string, fileId: string, meta: { requestId?: string } = {}) {
  const db = platform.db.kysely;
  const row = requireWorkable(staff, await applicationById(db, applicationId));
  requireAccess(isUuid(fileId));
  const link = await proceduresDb(db).selectFrom('application_files').select('file_id').where('application_id', '=', row.id).where('file_id', '=', fileId).executeTakeFirst();
  requireAccess(link !== undefined);
  const stored = await platform.files.read(fileId);
  requireAccess(stored !== null && stored.owner.type === 'procedure-application' && stored.owner.id === row.id);
  await recordAudit(db, { actor: auditActorOf(staff), action: 'procedures.application.file.downloaded', targetType: 'procedure-application', targetId: row.id, details: { reference: row.reference, file: fileId, name: stored!.file.originalName }, requestId: meta.requestId ?? null });
  return { name: stored!.file.originalName, mime: stored!.file.mime, bytes: stored!.bytes };
}
