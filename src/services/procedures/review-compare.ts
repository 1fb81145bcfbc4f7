/**
 * The review page's check of an application against the resident register: the
 * answers that were prefilled from the register (name, フリガナ, birth date, postal
 * code, address, household members — found by the fields' `prefill` keys, so any
 * procedure gets the check) side by side with what the register holds now, each
 * marked the same or different. Values are compared by their search keys, so 髙橋 and
 * 高橋, ｻﾄｳ and さとう, 水沢区 and 水沢 are not reported as differences. Pure.
 */
import { visibleFields, visiblePages, type Answers, type Field, type ProcedureDefinition } from '../../engines/forms/index.ts';
import { addressSearchKey } from '../../platform/text/address.ts';
import { kanaSearchKey, nameSearchKey } from '../../platform/text/search-key.ts';
import type { ResidentFacts } from '../registry/resident-facts.ts';

export const COMPARED_FACTS = ['name', 'nameKana', 'birthDate', 'postalCode', 'address'] as const;
export type ComparedKey = (typeof COMPARED_FACTS)[number];

export type FactVerdict = 'same' | 'different' | 'not-answered' | 'no-record';
/** 'whole-household': the application asks for everyone on the register (世帯全員), so each registered member is included as registered. */
export type MemberVerdict = 'same' | 'birth-date-differs' | 'not-in-register' | 'not-in-application' | 'whole-household';

export interface ComparedFact {
  key: ComparedKey;
  fieldId: string;
  label: { ja: string; en: string };
  answered: string | null;
  registered: string | null;
  verdict: FactVerdict;
}

export interface Member {
  name: string;
  birthDate: string | null;
  relationship: string;
}

export interface ComparedMember {
  answered: Member | null;
  registered: Member | null;
  verdict: MemberVerdict;
}

export interface RegistryComparison {
  /** False when the applicant is not on the register (or no longer current): nothing to compare with. */
  hasRecord: boolean;
  facts: ComparedFact[];
  /** Null when the procedure asks for no household members. */
  members: ComparedMember[] | null;
  /** How many rows are real differences (shown in the page's heading). */
  differences: number;
}

const SAME_BY: Record<ComparedKey, (s: string) => string> = {
  name: nameSearchKey,
  nameKana: kanaSearchKey,
  birthDate: (s) => s,
  postalCode: (s) => s.normalize('NFKC').replace(/\D/g, ''),
  address: addressSearchKey,
};

function fieldWithPrefill(def: ProcedureDefinition, key: string): Field | null {
  for (const page of def.pages) for (const field of page.fields) if (field.prefill === key) return field;
  return null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

function registeredFact(facts: ResidentFacts, key: ComparedKey): string {
  return facts.resident[key];
}

function membersOf(value: unknown): Member[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((m): m is Record<string, unknown> => m !== null && typeof m === 'object')
    .map((m) => ({ name: text(m.name) ?? '', birthDate: text(m.birthDate), relationship: text(m.relationship) ?? '' }))
    .filter((m) => m.name);
}

function compareMembers(answered: Member[], facts: ResidentFacts): ComparedMember[] {
  const registered: Member[] = facts.household.members.map((m) => ({ name: m.name, birthDate: m.birthDate, relationship: m.relationship }));
  const unmatched = new Set(registered.map((_, i) => i));
  const rows: ComparedMember[] = answered.map((a) => {
    const i = registered.findIndex((r, j) => unmatched.has(j) && nameSearchKey(r.name) === nameSearchKey(a.name));
    if (i < 0) return { answered: a, registered: null, verdict: 'not-in-register' };
    unmatched.delete(i);
    const r = registered[i]!;
    return { answered: a, registered: r, verdict: a.birthDate && a.birthDate !== r.birthDate ? 'birth-date-differs' : 'same' };
  });
  // Household members left out are listed too: often right (part of a household moves), but the reviewer should see them.
  for (const i of unmatched) rows.push({ answered: null, registered: registered[i]!, verdict: 'not-in-application' });
  return rows;
}

/**
 * Whether the members list was left out because the resident chose the whole household:
 * the group is asked only for part of it (「世帯の一部の方」 shows it, 「世帯全員」 hides it,
 * as in 住民票の写し, 転居届, 転出届), so a hidden group means everyone on the register.
 */
function wholeHousehold(def: ProcedureDefinition, answers: Answers, group: Field): boolean {
  if (!group.when) return false;
  return !visiblePages(def, answers).some((page) => visibleFields(page.fields, answers).some((f) => f.id === group.id));
}

function membersCompared(def: ProcedureDefinition, answers: Answers, facts: ResidentFacts | null, group: Field | null): ComparedMember[] | null {
  if (!group) return null;
  if (wholeHousehold(def, answers, group)) {
    return facts ? facts.household.members.map((m) => ({ answered: null, registered: { name: m.name, birthDate: m.birthDate, relationship: m.relationship }, verdict: 'whole-household' as const })) : [];
  }
  const answered = membersOf(answers[group.id]);
  return facts ? compareMembers(answered, facts) : answered.map((m) => ({ answered: m, registered: null, verdict: 'not-in-register' as const }));
}

export function compareWithRegistry(def: ProcedureDefinition, answers: Answers, facts: ResidentFacts | null): RegistryComparison {
  const compared: ComparedFact[] = [];
  for (const key of COMPARED_FACTS) {
    const field = fieldWithPrefill(def, `resident.${key}`);
    if (!field) continue;
    const answered = text(answers[field.id]);
    const registered = facts ? registeredFact(facts, key) : null;
    const verdict: FactVerdict = !facts ? 'no-record' : answered === null ? 'not-answered' : SAME_BY[key](answered) === SAME_BY[key](registered ?? '') ? 'same' : 'different';
    compared.push({ key, fieldId: field.id, label: field.label, answered, registered, verdict });
  }
  const group = fieldWithPrefill(def, 'household.members');
  const members = membersCompared(def, answers, facts, group);
  const differences =
    (facts ? compared.filter((c) => c.verdict === 'different').length : 0) + (facts && members ? members.filter((m) => m.verdict === 'birth-date-differs' || m.verdict === 'not-in-register').length : 0);
  return { hasRecord: facts !== null, facts: compared, members, differences };
}
