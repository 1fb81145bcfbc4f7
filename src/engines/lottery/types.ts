/**
 * The lottery's data: what goes in (slots, applications, rules) and what comes out
 * (the published result). Both are plain JSON so a draw can be stored, published
 * and recomputed by anyone with the README in hand.
 */

/** A slot put to the lottery: one room × one time block on one date. */
export interface LotterySlot {
  id: string;
  /** Fairness class, e.g. `gym-weekend-evening`: the per-type cap counts wins per type. */
  slotType: string;
  /** Month the slot belongs to, `YYYY-MM`: caps are counted per month. */
  month: string;
}

/** One application: ordered preferences (1st choice first). */
export interface LotteryApplication {
  id: string;
  /** The person who applied (a pseudonym is fine: only equality matters). */
  applicantId: string;
  /** The group applied for, or null for an individual application. */
  groupId?: string | null;
  /** Slot ids, 1st choice first. */
  preferences: string[];
  /** Accepted and ignored: the time of submission never affects the outcome. */
  submittedAt?: string;
}

export interface LotteryRules {
  /** "One win per group per slot type and month" — default 1. */
  maxWinsPerApplicantPerSlotTypeMonth?: number;
  /** Optional overall cap per applicant and month (all slot types together). */
  maxWinsPerApplicantPerMonth?: number | null;
}

export interface LotteryInput {
  slots: LotterySlot[];
  applications: LotteryApplication[];
  rules?: LotteryRules;
}

/** The rules as applied (defaults filled in); part of the published result. */
export interface EffectiveRules {
  maxWinsPerApplicantPerSlotTypeMonth: number;
  maxWinsPerApplicantPerMonth: number | null;
}

export type CapRule = 'maxWinsPerApplicantPerSlotTypeMonth' | 'maxWinsPerApplicantPerMonth';

/**
 * What happened to one preference:
 * - `won`: this preference won the slot;
 * - `taken`: the slot already had a winner when this preference's turn came;
 * - `cap`: the applicant had reached `rule` when this preference's turn came;
 * - `duplicate`: the same slot already appears earlier in this application, or the
 *   same applicant names it in another application whose id sorts first;
 * - `unknown-slot`: the id is not one of the draw's slots;
 * - `not-needed`: the application had already won at an earlier rank.
 */
export type PreferenceOutcome = 'won' | 'taken' | 'cap' | 'duplicate' | 'unknown-slot' | 'not-needed';

export interface PreferenceResult {
  rank: number;
  slotId: string;
  outcome: PreferenceOutcome;
  rule?: CapRule;
}

export type ApplicationStatus = 'won' | 'lost' | 'skipped';

export interface ApplicationResult {
  applicationId: string;
  /** `group:<groupId>` or `person:<applicantId>`: whose caps this application counts against. */
  applicantKey: string;
  ticket: string;
  /** 1-based position in ticket order (the draw order). */
  position: number;
  status: ApplicationStatus;
  slotId: string | null;
  rank: number | null;
  /** For `skipped`: the first cap rule that stopped one of its preferences. */
  rule: CapRule | null;
  preferences: PreferenceResult[];
}

export interface SlotResult {
  slotId: string;
  slotType: string;
  month: string;
  winner: string | null;
  /** Rank at which the winner named this slot. */
  winnerRank: number | null;
  /** Applications that named this slot and won nothing, in ticket order. */
  waitingList: string[];
}

export interface IgnoredApplication {
  applicationId: string;
  /** Index in the input's `applications` array (0-based). */
  index: number;
  reason: 'duplicate-application-id';
}

export interface LotteryResult {
  algorithm: typeof ALGORITHM;
  seed: string;
  /** SHA-256 of the canonical JSON of the normalised input (see README). */
  inputDigest: string;
  rules: EffectiveRules;
  /** Slots in input order. */
  slots: SlotResult[];
  /** Applications in ticket order. */
  applications: ApplicationResult[];
  ignored: IgnoredApplication[];
  /** SHA-256 of the canonical JSON of this object without `digest`. */
  digest: string;
}

export const ALGORITHM = 'oshu-lottery/1' as const;
