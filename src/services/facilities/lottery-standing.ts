/**
 * Where one entry stands, in one word every page uses (the lottery home, the round
 * page, the entry page, my page), so a resident is never told 申込済み or 補欠 on one
 * page and 当選 on another. An offer (won in the draw or from a waiting list) decides
 * first; without one, the draw's outcome and whether the entry is on a waiting list.
 */
export type EntryStanding = 'active' | 'withdrawn' | 'cancelled' | 'offered' | 'confirmed' | 'lapsed' | 'declined' | 'won' | 'waiting' | 'lost';

export interface StandingFacts {
  status: string;
  round_status: string;
  /** The entry's latest offer, if any. */
  offer_status: string | null;
  /** The draw's outcome for the entry (won / lost / skipped), once drawn. */
  outcome_status: string | null;
  /** How many waiting lists the entry is on. */
  waiting_lists: number;
}

export function entryStanding(e: StandingFacts): EntryStanding {
  if (e.status === 'withdrawn') return 'withdrawn';
  if (e.round_status === 'cancelled') return 'cancelled';
  if (e.offer_status === 'offered' || e.offer_status === 'confirmed' || e.offer_status === 'lapsed' || e.offer_status === 'declined') return e.offer_status;
  if (e.round_status !== 'drawn' || e.outcome_status === null) return 'active';
  if (e.outcome_status === 'won') return 'won';
  return e.waiting_lists > 0 ? 'waiting' : 'lost';
}

/** Standings that call for the resident to act (pay) or that hold a booking. */
export const holdsBooking = (s: EntryStanding) => s === 'offered' || s === 'confirmed';
