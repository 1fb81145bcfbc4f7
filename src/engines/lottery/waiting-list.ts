/**
 * Who is offered a slot when its holder does not confirm and pay by the deadline
 * (README, "Waiting list"). Walk the slot's waiting list from the top and offer the
 * slot to the first application that
 *   1. has not been passed over for this slot already (withdrawn, offered it before,
 *      declined or let an offer lapse — the caller lists these in `passed`),
 *   2. holds no slot of this draw right now (an application wins at most one slot),
 *   3. would not take its applicant over a cap, counting the slots the applicant
 *      holds right now (draw wins and waiting-list offers still open or confirmed).
 * No one left → the slot goes to first-come booking.
 */
import { CapCounter } from './draw.ts';
import { effectiveRules } from './normalise.ts';
import type { CapRule, LotteryResult } from './types.ts';

export interface Holding {
  applicationId: string;
  slotId: string;
}

export interface WaitingListState {
  /** Slots held right now (won in the draw or offered from a list) and not forfeited. */
  holdings: Holding[];
  /** Applications that may no longer be offered this slot. */
  passed: Iterable<string>;
}

export type WaitingListSkip =
  | { applicationId: string; reason: 'passed' | 'holds-a-slot' }
  | { applicationId: string; reason: 'cap'; rule: CapRule };

export interface WaitingListOffer {
  applicationId: string | null;
  skipped: WaitingListSkip[];
}

export function nextOnWaitingList(result: LotteryResult, slotId: string, state: WaitingListState): WaitingListOffer {
  const slot = result.slots.find((s) => s.slotId === slotId);
  if (!slot) throw new Error(`unknown slot ${slotId}`);
  const slotOf = new Map(result.slots.map((s) => [s.slotId, s]));
  const keyOf = new Map(result.applications.map((a) => [a.applicationId, a.applicantKey]));
  const passed = new Set(state.passed);
  const holding = new Set<string>();
  const caps = new CapCounter(effectiveRules(result.rules));
  for (const h of state.holdings) {
    const held = slotOf.get(h.slotId);
    const key = keyOf.get(h.applicationId);
    if (!held || key === undefined) continue;
    holding.add(h.applicationId);
    caps.add(key, { id: held.slotId, slotType: held.slotType, month: held.month });
  }
  const skipped: WaitingListSkip[] = [];
  for (const applicationId of slot.waitingList) {
    if (passed.has(applicationId)) {
      skipped.push({ applicationId, reason: 'passed' });
      continue;
    }
    if (holding.has(applicationId)) {
      skipped.push({ applicationId, reason: 'holds-a-slot' });
      continue;
    }
    const rule = caps.blockingRule(keyOf.get(applicationId)!, { id: slot.slotId, slotType: slot.slotType, month: slot.month });
    if (rule) {
      skipped.push({ applicationId, reason: 'cap', rule });
      continue;
    }
    return { applicationId, skipped };
  }
  return { applicationId: null, skipped };
}
