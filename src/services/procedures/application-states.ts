/**
 * The life of an application, in one place (the resident pages, the counter and
 * the staff inbox all change status only through `assertTransition`).
 *
 *   draft ──submit──▶ submitted ──start_review──▶ in_review
 *                        │                           │
 *                        ├──return──▶ returned ◀─────┤ (staff asks for a correction)
 *                        │              │ resubmit   │
 *                        │              ▼            │
 *                        │          resubmitted ─────┤ (back in the staff queue, marked 再提出)
 *                        ▼                           ▼
 *                 approved | rejected  (decisions, by staff; final)
 *
 *   withdrawn: the resident withdraws (取下げ) any time before a decision; a draft
 *   withdrawn is a discarded draft. Final.
 *
 * Pure: no I/O, unit-tested in application-states.test.ts.
 */

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'returned',
  'resubmitted',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export type TransitionActor = 'resident' | 'staff';

/** Every allowed move: action name → from which states → to which state, by whom. */
export const TRANSITIONS = {
  submit: { from: ['draft'], to: 'submitted', by: 'resident' },
  start_review: { from: ['submitted', 'resubmitted'], to: 'in_review', by: 'staff' },
  return: { from: ['submitted', 'in_review', 'resubmitted'], to: 'returned', by: 'staff' },
  resubmit: { from: ['returned'], to: 'resubmitted', by: 'resident' },
  approve: { from: ['submitted', 'in_review', 'resubmitted'], to: 'approved', by: 'staff' },
  reject: { from: ['submitted', 'in_review', 'resubmitted'], to: 'rejected', by: 'staff' },
  withdraw: { from: ['draft', 'submitted', 'in_review', 'returned', 'resubmitted'], to: 'withdrawn', by: 'resident' },
} as const satisfies Record<string, { from: readonly ApplicationStatus[]; to: ApplicationStatus; by: TransitionActor }>;

export type TransitionName = keyof typeof TRANSITIONS;

/** States in which nothing more happens. */
export const FINAL_STATUSES: readonly ApplicationStatus[] = ['approved', 'rejected', 'withdrawn'];
/** States waiting for staff (the inbox's "open" filter). */
export const AWAITING_STAFF_STATUSES: readonly ApplicationStatus[] = ['submitted', 'in_review', 'resubmitted'];
/** States after submission and before a decision (the SLA clock runs; payment may still be made). */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['submitted', 'in_review', 'returned', 'resubmitted'];

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

export function isFinal(status: ApplicationStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export function canTransition(name: TransitionName, from: ApplicationStatus): boolean {
  return (TRANSITIONS[name].from as readonly ApplicationStatus[]).includes(from);
}

/** The state `name` leads to from `from`, or null when the move is not allowed. */
export function nextStatus(name: TransitionName, from: ApplicationStatus): ApplicationStatus | null {
  return canTransition(name, from) ? TRANSITIONS[name].to : null;
}

/** Transitions the given actor may take from a state (to offer as buttons). */
export function transitionsFrom(from: ApplicationStatus, by: TransitionActor): TransitionName[] {
  return (Object.keys(TRANSITIONS) as TransitionName[]).filter((name) => TRANSITIONS[name].by === by && canTransition(name, from));
}

export class TransitionNotAllowed extends Error {
  constructor(
    readonly transition: TransitionName,
    readonly from: ApplicationStatus,
  ) {
    super(`transition ${transition} not allowed from ${from}`);
  }
}

/** The new status, or throws TransitionNotAllowed (services turn it into a 409 DomainError). */
export function assertTransition(name: TransitionName, from: ApplicationStatus): ApplicationStatus {
  const to = nextStatus(name, from);
  if (!to) throw new TransitionNotAllowed(name, from);
  return to;
}
