/**
 * The one way an application changes state (resident, counter and staff code all
 * call `applyTransition` inside their transaction): checks the move against
 * application-states.ts, updates the row, writes the timeline event and the audit
 * entry in the same transaction, and queues the resident's notice.
 */
import { auditActorOf, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Updateable } from 'kysely';
import { DomainError } from '../../platform/http/errors.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { insertEvent, type ApplicationRow } from './application-queries.ts';
import { canTransition, TRANSITIONS, type ApplicationStatus, type TransitionName } from './application-states.ts';
import { enqueueNotice, NOTICE_KINDS, type NoticeKind } from './application-notices.ts';
import type { ProceduresDb, ProceduresTables } from './tables.ts';
import { cancelMovingTasks } from './moving-one-stop.ts';

export const notAllowed = () => new DomainError('invalid_state', 409, 'procedures.error.notAllowed');

export interface TransitionOptions {
  /** Shown in the timeline (a correction request's explanation, a withdrawal reason, a decision's note). */
  message?: string;
  /** Field ids flagged for correction (returned). */
  fields?: string[];
  /** Staff-only notes are hidden from the resident's timeline. */
  visibleToResident?: boolean;
  /** Extra columns to set with the new status (e.g. fee or answers on resubmission). */
  set?: Omit<Updateable<ProceduresTables['applications']>, 'id' | 'status'>;
  requestId?: string | null;
  /** Queue the resident's e-mail (default: for the kinds that have one). */
  notify?: boolean;
}

/**
 * Moves `row` (read FOR UPDATE in `trx`) along `transition`, as `actor`. Throws a 409
 * DomainError if the move is not allowed from the row's status.
 */
export async function applyTransition(trx: ProceduresDb, jobs: JobQueue | null, row: ApplicationRow, transition: TransitionName, actor: Actor, now: Date, options: TransitionOptions = {}): Promise<ApplicationStatus> {
  if (!canTransition(transition, row.status)) throw notAllowed();
  const rule = TRANSITIONS[transition];
  if ((rule.by === 'staff') !== (actor.kind === 'staff')) throw notAllowed();
  const to: ApplicationStatus = rule.to;
  const decided = to === 'approved' || to === 'rejected';
  const reference = options.set?.reference ?? row.reference;
  await trx
    .updateTable('applications')
    .set({ status: to, updated_at: now, ...(decided ? { decided_at: now } : {}), ...(options.set ?? {}) })
    .where('id', '=', row.id)
    .execute();
  const auditActor = auditActorOf(actor);
  await insertEvent(trx, {
    applicationId: row.id,
    actor: { type: auditActor.type === 'staff' ? 'staff' : 'resident', id: auditActor.id },
    kind: to,
    from: row.status,
    to,
    message: options.message ?? '',
    fields: options.fields ?? [],
    visibleToResident: options.visibleToResident ?? true,
    at: now,
  });
  await recordAudit(trx, {
    actor: auditActor,
    action: `procedures.application.${transition}`,
    targetType: 'procedure-application',
    targetId: row.id,
    reason: options.message ? options.message.slice(0, 500) : null,
    details: { procedure: row.procedure_id, version: row.procedure_version, reference, from: row.status, to, ...(options.fields?.length ? { fields: options.fields } : {}) },
    requestId: options.requestId ?? null,
  });
  // Tell us once, undone: a move that will not happen must not keep other departments at work.
  if (to === 'withdrawn' || to === 'rejected') await cancelMovingTasks(trx, row.id, to, now, options.requestId ?? null);
  if (options.notify !== false && reference && (NOTICE_KINDS as readonly string[]).includes(to)) {
    await enqueueNotice(trx, jobs, row.id, to as NoticeKind, now);
  }
  return to;
}
