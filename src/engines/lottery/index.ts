/** Public surface of the facility lottery engine (algorithm "oshu-lottery/1", see README.md). */
export { canonicalJson, digestOf, sha256Hex } from './canonical-json.ts';
export { draw, inputDigest, resultDigest } from './draw.ts';
export { applicantKeyOf, effectiveRules, normaliseInput } from './normalise.ts';
export { LotteryInputError, normaliseSeed, ticketFor } from './tickets.ts';
export { ALGORITHM } from './types.ts';
export type {
  ApplicationResult,
  ApplicationStatus,
  CapRule,
  EffectiveRules,
  IgnoredApplication,
  LotteryApplication,
  LotteryInput,
  LotteryResult,
  LotteryRules,
  LotterySlot,
  PreferenceOutcome,
  PreferenceResult,
  SlotResult,
} from './types.ts';
export { verifyDraw } from './verify.ts';
export type { VerifyReport } from './verify.ts';
export { nextOnWaitingList } from './waiting-list.ts';
export type { Holding, WaitingListOffer, WaitingListSkip, WaitingListState } from './waiting-list.ts';
