/**
 * Who may do what with the facility lottery: staff of the department that runs the
 * facility set up rounds, draw and see every entry; a resident sees and withdraws only
 * the entries they made (a group's entry is its applicant's, as the booking will be);
 * anyone reads a drawn round's public result (pseudonymised).
 */
import type { Actor, StaffActor } from '../../platform/access/actor.ts';
import { canManageFacility } from './policy.ts';

export const canRunLottery = (staff: StaffActor, facility: { department_code: string }) => canManageFacility(staff, facility);

export function canSeeEntry(actor: Actor, entry: { resident_account_id: string }, facility: { department_code: string }): boolean {
  if (actor.kind === 'staff') return canRunLottery(actor, facility);
  return entry.resident_account_id === actor.accountId;
}

/** Entries change only while the window is open, and only by the resident who made them. */
export function canChangeEntry(actor: Actor, entry: { resident_account_id: string; status: string }, phase: RoundPhase): boolean {
  return actor.kind === 'resident' && entry.resident_account_id === actor.accountId && entry.status === 'active' && phase === 'open';
}

/**
 * Where a round stands. Drafts are for staff only; a published round is upcoming,
 * open for entries, or closed and waiting for its draw.
 */
export type RoundPhase = 'draft' | 'upcoming' | 'open' | 'closed' | 'drawn' | 'cancelled';

export function roundPhase(round: { status: string; opens_at: Date; closes_at: Date }, now: Date): RoundPhase {
  if (round.status === 'draft' || round.status === 'drawn' || round.status === 'cancelled') return round.status as RoundPhase;
  if (now < round.opens_at) return 'upcoming';
  if (now < round.closes_at) return 'open';
  return 'closed';
}

/** Residents see published rounds (and their results); drafts and cancelled rounds are not public. */
export const isPublic = (phase: RoundPhase) => phase !== 'draft' && phase !== 'cancelled';
