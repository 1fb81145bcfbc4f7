/**
 * Checks the input and reduces it to exactly the fields the draw uses, in input
 * order. The input digest is taken over this normalised form, so fields that do
 * not affect the outcome (submittedAt, anything extra) cannot change it.
 */
import type { EffectiveRules, LotteryInput } from './types.ts';
import { LotteryInputError } from './tickets.ts';

export interface NormalisedSlot {
  id: string;
  slotType: string;
  month: string;
}

export interface NormalisedApplication {
  id: string;
  applicantId: string;
  groupId: string | null;
  preferences: string[];
}

export interface NormalisedInput {
  slots: NormalisedSlot[];
  applications: NormalisedApplication[];
  rules: EffectiveRules;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new LotteryInputError(field, 'must be a non-empty string');
  return value;
}

function cap(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new LotteryInputError(field, 'must be a whole number ≥ 1');
  return value;
}

export function effectiveRules(rules: LotteryInput['rules']): EffectiveRules {
  const r = rules ?? {};
  return {
    maxWinsPerApplicantPerSlotTypeMonth:
      r.maxWinsPerApplicantPerSlotTypeMonth === undefined ? 1 : cap(r.maxWinsPerApplicantPerSlotTypeMonth, 'rules.maxWinsPerApplicantPerSlotTypeMonth'),
    maxWinsPerApplicantPerMonth:
      r.maxWinsPerApplicantPerMonth === undefined || r.maxWinsPerApplicantPerMonth === null
        ? null
        : cap(r.maxWinsPerApplicantPerMonth, 'rules.maxWinsPerApplicantPerMonth'),
  };
}

export function normaliseInput(input: LotteryInput): NormalisedInput {
  if (!input || !Array.isArray(input.slots)) throw new LotteryInputError('slots', 'must be an array');
  if (!Array.isArray(input.applications)) throw new LotteryInputError('applications', 'must be an array');
  const seen = new Set<string>();
  const slots = input.slots.map((s, i) => {
    const id = text(s?.id, `slots[${i}].id`);
    // Two slots with one id would make "the slot's winner" ambiguous: refuse, do not guess.
    if (seen.has(id)) throw new LotteryInputError(`slots[${i}].id`, `duplicate slot id ${JSON.stringify(id)}`);
    seen.add(id);
    const month = text(s.month, `slots[${i}].month`);
    if (!MONTH.test(month)) throw new LotteryInputError(`slots[${i}].month`, 'must be YYYY-MM');
    return { id, slotType: text(s.slotType, `slots[${i}].slotType`), month };
  });
  const applications = input.applications.map((a, i) => {
    if (!a || !Array.isArray(a.preferences)) throw new LotteryInputError(`applications[${i}].preferences`, 'must be an array of slot ids');
    const groupId = a.groupId === undefined || a.groupId === null ? null : text(a.groupId, `applications[${i}].groupId`);
    return {
      id: text(a.id, `applications[${i}].id`),
      applicantId: text(a.applicantId, `applications[${i}].applicantId`),
      groupId,
      preferences: a.preferences.map((p, j) => text(p, `applications[${i}].preferences[${j}]`)),
    };
  });
  return { slots, applications, rules: effectiveRules(input.rules) };
}

/** Whose caps an application counts against: the group when it applied for one. */
export function applicantKeyOf(a: { applicantId: string; groupId: string | null }): string {
  return a.groupId !== null ? `group:${a.groupId}` : `person:${a.applicantId}`;
}
