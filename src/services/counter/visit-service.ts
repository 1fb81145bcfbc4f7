/**
 * A counter visit from start to end: started once the identity is checked; procedures
 * added (singly or as a bundle) open pre-filled from the register; the clerk saves
 * what the resident says; the resident confirms the content; the visit ends with an
 * outcome. Every function asks "may this clerk use the counter?" first and records
 * what it did in the audit log in the same transaction. Submitting and printing are
 * in finish-service.ts.
 */
import type { Kysely } from 'kysely';
import { prefill, type Answers, type FieldError, type PrefillFacts, type ProcedureDefinition } from '../../engines/forms/index.ts';
import { auditActorOf, type StaffActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { DomainError, notFound } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { todayInJapan } from '../../platform/time/today.ts';
import { atCounter, counterPresets, getPublishedDefinition, prefillFactsFor } from '../procedures/public-api.ts';
import { residentFactsFor } from '../registry/resident-facts.ts';
import { bundleById, presetAnswers } from './bundles.ts';
import { closeVisit, deleteOpenForm, formsOfVisit, insertForm, insertVisit, setConfirmation, setVisitBundle, updateFormAnswers, visitById, type FormRow, type VisitRow } from './counter-queries.ts';
import { contentHash, formErrors, formStatus, type FormStatus } from './form-state.ts';
import type { IdentityCheck } from './identity-methods.ts';
import { canUseCounter } from './policy.ts';
import { counterDb, type ConfirmedVia, type VisitOutcome } from './tables.ts';
import { visitorPrefill, type VisitorFacts } from './visitor-facts.ts';

export interface CounterContext {
  db: Kysely<PlatformTables>;
  now: () => Date;
}

export interface Meta {
  requestId: string;
}

export interface VisitForm {
  row: FormRow;
  /** The procedure's current published definition; null once it is withdrawn. */
  def: ProcedureDefinition | null;
  status: FormStatus;
  errors: FieldError[];
}

export interface VisitView {
  visit: VisitRow;
  forms: VisitForm[];
  /** The hash of the content now: what a confirmation must match. */
  hash: string;
  confirmation: 'none' | 'current' | 'stale';
}

export const identityOf = (visit: VisitRow): IdentityCheck => ({
  method: visit.identity_method,
  digits: visit.identity_digits,
  agentName: visit.identity_agent_name,
  agentDocument: visit.identity_agent_document,
  note: visit.identity_note,
});

/**
 * A procedure's current definition as it applies at the counter: the certificate is
 * handed over now, so collection today is allowed and posting it is not offered
 * (the procedures service validates a counter submission against the same variant).
 */
export async function counterDefinition(db: Kysely<PlatformTables>, procedureId: string): Promise<{ version: number; definition: ProcedureDefinition } | null> {
  const published = await getPublishedDefinition(db, procedureId);
  return published ? { version: published.version, definition: atCounter(published.definition) } : null;
}

const closed = () => new DomainError('visit_closed', 409, 'counter.error.visitClosed');

async function visitOrNotFound(db: Kysely<PlatformTables>, visitId: string, options: { forUpdate?: boolean } = {}): Promise<VisitRow> {
  const visit = isUuid(visitId) ? await visitById(counterDb(db), visitId, options) : null;
  if (!visit) throw notFound();
  return visit;
}

/** Starts a visit for a current resident once their identity has been checked. */
export async function startVisit(ctx: CounterContext, staff: StaffActor, residentId: string, identity: IdentityCheck, meta: Meta): Promise<string> {
  requireAccess(canUseCounter(staff), 'forbidden');
  const facts = await residentFactsFor(ctx.db, residentId);
  requireAccess(facts !== null);
  return counterDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      const id = await insertVisit(trx, { staffId: staff.id, residentId, residentName: facts!.resident.name, identity, startedAt: ctx.now() });
      await recordAudit(trx, {
        actor: auditActorOf(staff),
        action: 'counter.visit.started',
        targetType: 'counter-visit',
        targetId: id,
        details: { residentId, identity: { method: identity.method, digits: identity.digits, agent: identity.agentName !== null, agentDocument: identity.agentDocument, note: identity.note } },
        requestId: meta.requestId,
      });
      return id;
    });
}

/**
 * Starts a visit for someone who is not on the register (moving in from another
 * city …): who they are is what the clerk typed from the document checked.
 */
export async function startVisitorVisit(ctx: CounterContext, staff: StaffActor, visitor: VisitorFacts, identity: IdentityCheck, meta: Meta): Promise<string> {
  requireAccess(canUseCounter(staff), 'forbidden');
  return counterDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      const id = await insertVisit(trx, { staffId: staff.id, residentId: null, residentName: visitor.name, visitor, identity, startedAt: ctx.now() });
      await recordAudit(trx, {
        actor: auditActorOf(staff),
        action: 'counter.visit.started',
        targetType: 'counter-visit',
        targetId: id,
        details: { residentId: null, notInRegister: true, identity: { method: identity.method, digits: identity.digits, agent: identity.agentName !== null, agentDocument: identity.agentDocument, note: identity.note } },
        requestId: meta.requestId,
      });
      return id;
    });
}

/** What the forms are pre-filled from: the register's record, or what the clerk typed for a visitor not on it. */
async function factsOfVisit(db: Kysely<PlatformTables>, visit: VisitRow): Promise<PrefillFacts> {
  return visit.resident_id ? prefillFactsFor(db, visit.resident_id) : visit.visitor ? visitorPrefill(visit.visitor) : {};
}

/** The visit with each form's definition, status and errors, and whether the resident's confirmation still holds. */
export async function loadVisit(ctx: CounterContext, staff: StaffActor, visitId: string): Promise<VisitView> {
  requireAccess(canUseCounter(staff), 'forbidden');
  const visit = await visitOrNotFound(ctx.db, visitId);
  const rows = await formsOfVisit(counterDb(ctx.db), visit.id);
  const today = todayInJapan(ctx.now());
  const forms = await Promise.all(
    rows.map(async (row): Promise<VisitForm> => {
      const def = (await counterDefinition(ctx.db, row.procedure_id))?.definition ?? null;
      if (!def) return { row, def, status: row.finish === 'submit' ? 'submitted' : row.finish === 'print' ? 'printed' : 'incomplete', errors: [] };
      return { row, def, status: formStatus(def, row, today), errors: row.finish ? [] : formErrors(def, row.answers, today) };
    }),
  );
  const hash = contentHash(rows);
  const confirmation = visit.confirmed_hash === null ? 'none' : visit.confirmed_hash === hash ? 'current' : 'stale';
  return { visit, forms, hash, confirmation };
}

function requireOpen(visit: VisitRow): void {
  if (visit.ended_at !== null) throw closed();
}

/**
 * Adds procedures to the visit (those already in it are skipped), each pre-filled
 * from the register and, for a bundle, with the bundle's preset choices. Showing
 * register data to the clerk is recorded against the resident.
 */
export async function addProcedures(ctx: CounterContext, staff: StaffActor, visitId: string, input: { procedureIds: string[]; bundleId: string | null }, meta: Meta): Promise<{ added: string[]; unavailable: string[] }> {
  requireAccess(canUseCounter(staff), 'forbidden');
  const visit = await visitOrNotFound(ctx.db, visitId);
  requireOpen(visit);
  const bundle = input.bundleId ? bundleById(input.bundleId) : null;
  if (input.bundleId && !bundle) throw notFound();
  const wanted = bundle ? bundle.items.map((i) => i.procedureId) : input.procedureIds;
  const facts = await factsOfVisit(ctx.db, visit);
  const prepared: { id: string; version: number; answers: Answers; prefilled: string[] }[] = [];
  const unavailable: string[] = [];
  for (const procedureId of [...new Set(wanted)]) {
    const published = await counterDefinition(ctx.db, procedureId);
    if (!published) {
      // A bundle names procedures the catalogue may not carry: they are simply not offered.
      if (!bundle) unavailable.push(procedureId);
      continue;
    }
    const fromRegister = prefill(published.definition, facts);
    const preset = presetAnswers(published.definition, bundle?.items.find((i) => i.procedureId === procedureId)?.preset);
    prepared.push({ id: procedureId, version: published.version, answers: { ...fromRegister, ...counterPresets(published.definition, todayInJapan(ctx.now())), ...preset }, prefilled: Object.keys(fromRegister) });
  }
  const cdb = counterDb(ctx.db);
  return cdb.transaction().execute(async (trx) => {
    const locked = await visitById(trx, visit.id, { forUpdate: true });
    requireOpen(locked!);
    const existing = await formsOfVisit(trx, visit.id);
    const have = new Set(existing.map((f) => f.procedure_id));
    let position = existing.reduce((max, f) => Math.max(max, f.position), 0);
    const added: string[] = [];
    const at = ctx.now();
    for (const p of prepared) {
      if (have.has(p.id)) continue;
      await insertForm(trx, { visitId: visit.id, procedureId: p.id, version: p.version, position: ++position, answers: p.answers, prefilled: p.prefilled, at });
      added.push(p.id);
    }
    if (bundle && added.length) await setVisitBundle(trx, visit.id, bundle.id);
    if (added.length) {
      await recordAudit(trx, {
        actor: auditActorOf(staff),
        action: 'counter.forms.prefilled',
        // Register data shown to the clerk is recorded against the resident; a visitor's own typed facts against the visit.
        targetType: visit.resident_id ? 'resident' : 'counter-visit',
        targetId: visit.resident_id ?? visit.id,
        details: { visitId: visit.id, procedures: added, bundle: bundle?.id ?? null, fields: Object.fromEntries(prepared.filter((p) => added.includes(p.id)).map((p) => [p.id, p.prefilled])) },
        requestId: meta.requestId,
      });
    }
    return { added, unavailable };
  });
}

export async function removeProcedure(ctx: CounterContext, staff: StaffActor, visitId: string, procedureId: string, meta: Meta): Promise<void> {
  requireAccess(canUseCounter(staff), 'forbidden');
  const visit = await visitOrNotFound(ctx.db, visitId);
  requireOpen(visit);
  await counterDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      if (!(await deleteOpenForm(trx, visit.id, procedureId))) throw new DomainError('form_finished', 409, 'counter.error.formFinished');
      await recordAudit(trx, { actor: auditActorOf(staff), action: 'counter.form.removed', targetType: 'counter-visit', targetId: visit.id, details: { procedure: procedureId }, requestId: meta.requestId });
    });
}

/** The form's definition and saved answers, for its screen; 404 when the visit has no such form. */
export async function formOfVisit(ctx: CounterContext, staff: StaffActor, visitId: string, procedureId: string): Promise<{ visit: VisitRow; form: FormRow; def: ProcedureDefinition }> {
  requireAccess(canUseCounter(staff), 'forbidden');
  const visit = await visitOrNotFound(ctx.db, visitId);
  const form = (await formsOfVisit(counterDb(ctx.db), visit.id)).find((f) => f.procedure_id === procedureId);
  if (!form) throw notFound();
  const def = (await counterDefinition(ctx.db, procedureId))?.definition;
  if (!def) throw notFound();
  return { visit, form, def };
}

/** Saves a form's answers as read by the engine (valid values only; the page keeps what was typed). */
export async function saveFormAnswers(ctx: CounterContext, staff: StaffActor, visitId: string, procedureId: string, answers: Answers, meta: Meta): Promise<void> {
  requireAccess(canUseCounter(staff), 'forbidden');
  const visit = await visitOrNotFound(ctx.db, visitId);
  requireOpen(visit);
  await counterDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      const before = (await formsOfVisit(trx, visit.id)).find((f) => f.procedure_id === procedureId);
      if (!before) throw notFound();
      if (!(await updateFormAnswers(trx, visit.id, procedureId, answers, ctx.now()))) throw new DomainError('form_finished', 409, 'counter.error.formFinished');
      // Which answers changed, not their values: the audit log is not a second copy of the form.
      const keys = new Set([...Object.keys(before.answers), ...Object.keys(answers)]);
      const changed = [...keys].filter((k) => JSON.stringify(before.answers[k]) !== JSON.stringify(answers[k]));
      if (changed.length) {
        await recordAudit(trx, { actor: auditActorOf(staff), action: 'counter.form.saved', targetType: 'counter-visit', targetId: visit.id, details: { procedure: procedureId, changed }, requestId: meta.requestId });
      }
    });
}

/**
 * Records the resident's 「この内容で間違いありません」 for the content they were shown
 * (`shownHash`). If the clerk changed a form since, the confirmation is refused and
 * the screen shows the new content to confirm again.
 */
export async function confirmVisit(ctx: CounterContext, staff: StaffActor, visitId: string, via: ConfirmedVia, shownHash: string, meta: Meta): Promise<void> {
  requireAccess(canUseCounter(staff), 'forbidden');
  const visit = await visitOrNotFound(ctx.db, visitId);
  requireOpen(visit);
  await counterDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      const locked = await visitById(trx, visit.id, { forUpdate: true });
      const forms = await formsOfVisit(trx, visit.id);
      if (forms.length === 0) throw new DomainError('nothing_to_confirm', 409, 'counter.confirm.error.empty');
      const hash = contentHash(forms);
      if (hash !== shownHash) throw new DomainError('content_changed', 409, 'counter.confirm.error.changed');
      // A second press on the same content confirms nothing new.
      if (locked!.confirmed_hash === hash) return;
      const at = ctx.now();
      await setConfirmation(trx, visit.id, { at, via, hash });
      await recordAudit(trx, { actor: auditActorOf(staff), action: 'counter.visit.confirmed', targetType: 'counter-visit', targetId: visit.id, details: { via, hash, procedures: forms.map((f) => f.procedure_id) }, requestId: meta.requestId });
    });
}

/**
 * How a visit ended: every form finished, some, or none. Stopping at the resident's
 * request leaves what was already submitted or printed counted: then it is partial.
 */
export function outcomeOf(forms: { finish: string | null }[], stopped: boolean): VisitOutcome {
  const finished = forms.filter((f) => f.finish !== null).length;
  if (finished === 0) return 'cancelled';
  return !stopped && finished === forms.length ? 'completed' : 'partial';
}

/** Ends the visit (the counter time stops here). Ending it twice changes nothing. */
export async function endVisit(ctx: CounterContext, staff: StaffActor, visitId: string, cancelled: boolean, meta: Meta): Promise<VisitOutcome> {
  requireAccess(canUseCounter(staff), 'forbidden');
  const visit = await visitOrNotFound(ctx.db, visitId);
  if (visit.outcome) return visit.outcome;
  return counterDb(ctx.db)
    .transaction()
    .execute(async (trx) => {
      const locked = (await visitById(trx, visit.id, { forUpdate: true }))!;
      if (locked.outcome) return locked.outcome;
      const forms = await formsOfVisit(trx, visit.id);
      const outcome = outcomeOf(forms, cancelled);
      const at = ctx.now();
      await closeVisit(trx, visit.id, at, outcome);
      await recordAudit(trx, {
        actor: auditActorOf(staff),
        action: 'counter.visit.ended',
        targetType: 'counter-visit',
        targetId: visit.id,
        details: { outcome, seconds: Math.round((at.getTime() - locked.started_at.getTime()) / 1000), procedures: forms.map((f) => ({ id: f.procedure_id, finish: f.finish, reference: f.reference })) },
        requestId: meta.requestId,
      });
      return outcome;
    });
}
