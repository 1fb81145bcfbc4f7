/** SQL of the counter's visits and forms. Only this file (and the demo seed) writes the counter's tables. */
import type { Answers } from '../../engines/forms/index.ts';
import type { CounterDb, ConfirmedVia, FormFinish, VisitOutcome } from './tables.ts';
import type { VisitorFacts } from './visitor-facts.ts';

export async function insertVisit(
  db: CounterDb,
  visit: {
    staffId: string;
    residentId: string | null;
    residentName: string;
    /** A visitor not on the register: what the clerk typed (residentId is then null). */
    visitor?: VisitorFacts | null;
    identity: { method: string; digits: string | null; agentName: string | null; agentDocument: string | null; note: string | null };
    startedAt: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('counter_visits')
    .values({
      staff_id: visit.staffId,
      resident_id: visit.residentId,
      resident_name: visit.residentName,
      visitor: visit.visitor ? JSON.stringify(visit.visitor) : null,
      identity_method: visit.identity.method,
      identity_digits: visit.identity.digits,
      identity_agent_name: visit.identity.agentName,
      identity_agent_document: visit.identity.agentDocument,
      identity_note: visit.identity.note,
      started_at: visit.startedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function visitById(db: CounterDb, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db
    .selectFrom('counter_visits as v')
    .innerJoin('staff as s', 's.id', 'v.staff_id')
    .selectAll('v')
    .select('s.display_name as staff_name')
    .where('v.id', '=', id);
  if (options.forUpdate) query = query.forUpdate('v');
  return (await query.executeTakeFirst()) ?? null;
}

export type VisitRow = NonNullable<Awaited<ReturnType<typeof visitById>>>;

export async function formsOfVisit(db: CounterDb, visitId: string) {
  return db.selectFrom('counter_visit_forms').selectAll().where('visit_id', '=', visitId).orderBy('position').execute();
}

export type FormRow = Awaited<ReturnType<typeof formsOfVisit>>[number];

export async function insertForm(db: CounterDb, form: { visitId: string; procedureId: string; version: number; position: number; answers: Answers; prefilled: string[]; at: Date }): Promise<void> {
  await db
    .insertInto('counter_visit_forms')
    .values({
      visit_id: form.visitId,
      procedure_id: form.procedureId,
      procedure_version: form.version,
      position: form.position,
      answers: JSON.stringify(form.answers),
      prefilled: JSON.stringify(form.prefilled),
      updated_at: form.at,
    })
    .execute();
}

export async function deleteOpenForm(db: CounterDb, visitId: string, procedureId: string): Promise<boolean> {
  const result = await db.deleteFrom('counter_visit_forms').where('visit_id', '=', visitId).where('procedure_id', '=', procedureId).where('finish', 'is', null).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function updateFormAnswers(db: CounterDb, visitId: string, procedureId: string, answers: Answers, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('counter_visit_forms')
    .set({ answers: JSON.stringify(answers), updated_at: at })
    .where('visit_id', '=', visitId)
    .where('procedure_id', '=', procedureId)
    .where('finish', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks a form finished; false when it already was (a repeated press). */
export async function finishForm(db: CounterDb, visitId: string, procedureId: string, finish: FormFinish, at: Date, application: { id: string; reference: string } | null): Promise<boolean> {
  const result = await db
    .updateTable('counter_visit_forms')
    .set({ finish, finished_at: at, application_id: application?.id ?? null, reference: application?.reference ?? null, updated_at: at })
    .where('visit_id', '=', visitId)
    .where('procedure_id', '=', procedureId)
    .where('finish', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function setVisitBundle(db: CounterDb, visitId: string, bundleId: string): Promise<void> {
  await db.updateTable('counter_visits').set({ bundle_id: bundleId }).where('id', '=', visitId).where('bundle_id', 'is', null).execute();
}

export async function setConfirmation(db: CounterDb, visitId: string, confirmation: { at: Date; via: ConfirmedVia; hash: string }): Promise<void> {
  await db.updateTable('counter_visits').set({ confirmed_at: confirmation.at, confirmed_via: confirmation.via, confirmed_hash: confirmation.hash }).where('id', '=', visitId).execute();
}

export async function closeVisit(db: CounterDb, visitId: string, at: Date, outcome: VisitOutcome): Promise<boolean> {
  const result = await db.updateTable('counter_visits').set({ ended_at: at, outcome }).where('id', '=', visitId).where('ended_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Visits still open, newest first: the counter's start page lists them so a visit is never lost. */
export async function openVisits(db: CounterDb, limit = 50) {
  return db
    .selectFrom('counter_visits as v')
    .innerJoin('staff as s', 's.id', 'v.staff_id')
    .select(['v.id', 'v.resident_name', 'v.started_at', 'v.staff_id', 's.display_name as staff_name'])
    .where('v.ended_at', 'is', null)
    .orderBy('v.started_at', 'desc')
    .limit(limit)
    .execute();
}

/** Ended visits that started in [from, to) with their clerk and number of procedures, for statistics. */
export async function endedVisitsBetween(db: CounterDb, from: Date, to: Date) {
  return db
    .selectFrom('counter_visits as v')
    .innerJoin('staff as s', 's.id', 'v.staff_id')
    .select((eb) => [
      'v.id',
      'v.staff_id',
      's.display_name as staff_name',
      'v.bundle_id',
      'v.started_at',
      'v.ended_at',
      'v.outcome',
      'v.confirmed_via',
      eb.selectFrom('counter_visit_forms as f').select((f) => f.fn.countAll<string>().as('n')).whereRef('f.visit_id', '=', 'v.id').as('procedures'),
    ])
    .where('v.started_at', '>=', from)
    .where('v.started_at', '<', to)
    .where('v.ended_at', 'is not', null)
    .orderBy('v.started_at')
    .orderBy('v.id')
    .execute();
}
