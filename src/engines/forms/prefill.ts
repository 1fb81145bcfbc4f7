// Answers suggested from the resident register (PrefillFacts), for fields that
// carry a `prefill` key. Values are normalised as if typed (so a registry phone
// '0197-24-2111' becomes '0197242111'); a fact that does not fit its field (a
// gender the options do not offer, a malformed date) is left out rather than
// guessed. Limits (maxLength, date ranges) are not applied here: the resident
// sees the suggestion and the page's own check.

import { readTextLike, type TextLikeField } from './text-values.ts';
import type { AnswerValue, Answers, Field, GroupField, GroupItem, PrefillFacts, PrefillKey, ProcedureDefinition, ScalarField } from './types.ts';

/** The field without its limits: prefill normalises, it does not judge. */
function unconstrained(field: TextLikeField): TextLikeField {
  const copy = { ...field } as TextLikeField & { maxLength?: number; pattern?: unknown; min?: unknown; max?: unknown };
  delete copy.maxLength;
  delete copy.pattern;
  delete copy.min;
  delete copy.max;
  if (copy.type === 'postal') delete (copy as { oshuOnly?: boolean }).oshuOnly;
  return copy;
}

const GENDER_ALIASES: Record<string, string[]> = {
  male: ['male', 'm', '男', '男性'],
  female: ['female', 'f', '女', '女性'],
};

function fitValue(field: ScalarField, fact: string | undefined): AnswerValue | undefined {
  if (fact === undefined || fact === null || fact === '') return undefined;
  if (field.type === 'select' || field.type === 'radios') {
    // Registry gender codes and option values may differ ('男' vs 'male'): match the value, a label, or a known alias.
    const f = fact.normalize('NFKC').trim().toLowerCase();
    const option = field.options.find((o) => {
      const names = [o.value, o.label.ja, o.label.en].map((s) => s.normalize('NFKC').toLowerCase());
      return names.includes(f) || names.some((n) => GENDER_ALIASES[n]?.includes(f));
    });
    return option?.value;
  }
  if (field.type === 'checkboxes' || field.type === 'consent' || field.type === 'file' || field.type === 'location') return undefined;
  const read = readTextLike(unconstrained(field), field.label, fact, '2000-01-01');
  return 'value' in read ? read.value : undefined;
}

function residentFact(key: PrefillKey, facts: PrefillFacts): string | undefined {
  const r = facts.resident ?? {};
  switch (key) {
    case 'resident.name':
      return r.name;
    case 'resident.nameKana':
      return r.nameKana;
    case 'resident.birthDate':
      return r.birthDate;
    case 'resident.gender':
      return r.gender;
    case 'resident.postalCode':
      return r.postalCode;
    case 'resident.address':
      return r.address;
    case 'resident.phone':
      return r.phone;
    case 'resident.email':
      return r.email;
    case 'household.head':
      return facts.household?.head;
    default:
      return undefined;
  }
}

/** Household members → group items, each member's facts put into the sub-fields named name, nameKana, birthDate, relationship. */
function members(group: GroupField, facts: PrefillFacts): GroupItem[] | undefined {
  const list = facts.household?.members ?? [];
  const items: GroupItem[] = [];
  for (const member of list.slice(0, group.maxItems ?? list.length)) {
    const item: GroupItem = {};
    for (const sub of group.fields) {
      const fact = (member as Record<string, string | undefined>)[sub.id];
      const value = fitValue(sub, fact);
      if (value !== undefined) item[sub.id] = value;
    }
    if (Object.keys(item).length) items.push(item);
  }
  return items.length ? items : undefined;
}

function prefillField(field: Field, facts: PrefillFacts): AnswerValue | undefined {
  if (!field.prefill) return undefined;
  if (field.type === 'group') return field.prefill === 'household.members' ? members(field, facts) : undefined;
  return fitValue(field, residentFact(field.prefill, facts));
}

/**
 * Suggested answers for every field with a `prefill` key, whether or not it
 * shows yet (a later answer may reveal it); pruneHidden drops what stays hidden.
 */
export function prefill(def: ProcedureDefinition, facts: PrefillFacts): Answers {
  const out: Answers = {};
  for (const page of def.pages) {
    for (const field of page.fields) {
      const value = prefillField(field, facts);
      if (value !== undefined) out[field.id] = value;
    }
  }
  return out;
}
