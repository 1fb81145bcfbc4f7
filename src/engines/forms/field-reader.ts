// The one path every answer goes through, whether it comes from a page's form
// (read-page.ts) or from stored answers on submit (validate-answers.ts): the
// field's condition, the reader for its type, "required", and for groups each
// item and the item count. Only where the input comes from differs (a Source).

import { evaluate } from './conditions.ts';
import { dateOrderProblem } from './date-order.ts';
import { itemFieldLabel, messages } from './error-messages.ts';
import { readCheckboxes, readConsent, readFile, readLocation } from './structured-values.ts';
import { readTextLike, requiredMessage, type Read } from './text-values.ts';
import type { AnswerValue, Answers, Field, FieldError, GroupField, GroupItem, Localized, ProcedureDefinition, ScalarField } from './types.ts';

/** Where a field's input comes from. `item`: the group item it belongs to. */
export interface Source {
  input(field: ScalarField, name: string, item?: { group: string; index: number }): unknown;
  /** The item indices of a group, ascending (the form's numbering, so error ids match its inputs). */
  indices(group: GroupField): number[];
}

export function readScalar(field: ScalarField, label: Localized, input: unknown, today: string): Read<AnswerValue> {
  switch (field.type) {
    case 'checkboxes':
      return readCheckboxes(field, label, input);
    case 'consent':
      return readConsent(label, input);
    case 'file':
      return readFile(field, label, input);
    case 'location':
      return readLocation(label, input);
    default:
      return readTextLike(field, label, input, today);
  }
}

/** The labels of a definition's fields, for messages that name another field. */
export type LabelOf = (id: string) => Localized;

const labelMaps = new WeakMap<ProcedureDefinition, LabelOf>();

/** The top-level field labels of a definition (kept per definition object: every page read asks). */
export function labelsOf(def: ProcedureDefinition): LabelOf {
  let found = labelMaps.get(def);
  if (!found) {
    const map = new Map(def.pages.flatMap((p) => p.fields.map((f) => [f.id, f.label] as const)));
    found = (id) => map.get(id) ?? { ja: id, en: id };
    labelMaps.set(def, found);
  }
  return found;
}

/**
 * Reads one scalar field into `errors`; the value, or undefined when blank or wrong.
 * `around`: the answers a date's order rules compare with.
 */
function readOne(field: ScalarField, name: string, label: Localized, input: unknown, today: string, errors: FieldError[], around: Answers, labelOf: LabelOf): AnswerValue | undefined {
  const read = readScalar(field, label, input, today);
  if ('value' in read) {
    const order = field.type === 'date' && typeof read.value === 'string' ? dateOrderProblem(field, label, read.value, around, labelOf) : null;
    if (!order) return read.value;
    errors.push({ fieldId: name, code: 'date-order', message: order });
    return undefined;
  }
  if ('problem' in read) {
    const { code, message, part } = read.problem;
    errors.push({ fieldId: part ? `${name}.${part}` : name, code, message });
    return undefined;
  }
  if (field.required) errors.push({ fieldId: field.type === 'location' ? `${name}.lat` : name, code: 'required', message: requiredMessage(field, label) });
  return undefined;
}

function isBlank(input: unknown): boolean {
  if (input === undefined || input === null) return true;
  if (typeof input === 'string') return input.trim() === '';
  if (Array.isArray(input)) return input.every(isBlank);
  if (typeof input === 'object' && !('fileId' in input) && !('error' in input)) return Object.values(input).every(isBlank);
  return false;
}

/**
 * A group: each item's visible sub-fields (their conditions read the top-level
 * answers), items left entirely blank dropped (an "add" pressed but not used),
 * then the count against minItems/maxItems (required means at least one).
 */
function readGroup(field: GroupField, context: Answers, source: Source, today: string, errors: FieldError[], labelOf: LabelOf): GroupItem[] | undefined {
  const subs = field.fields.filter((sub) => evaluate(sub.when, context));
  const items: GroupItem[] = [];
  const itemErrors: FieldError[] = [];
  for (const index of source.indices(field)) {
    const item: GroupItem = {};
    const inputs = subs.map((sub) => source.input(sub, `${field.id}.${index}.${sub.id}`, { group: field.id, index }));
    if (inputs.every(isBlank)) continue;
    // A sub-field's date order may look at an earlier sub-field of the same item, or at a top-level field.
    const itemLabelOf: LabelOf = (id) => {
      const sibling = field.fields.find((f) => f.id === id);
      return sibling ? itemFieldLabel(field.itemLabel, index, sibling.label) : labelOf(id);
    };
    subs.forEach((sub, i) => {
      const value = readOne(sub, `${field.id}.${index}.${sub.id}`, itemFieldLabel(field.itemLabel, index, sub.label), inputs[i], today, itemErrors, { ...context, ...item }, itemLabelOf);
      if (value !== undefined) item[sub.id] = value;
    });
    items.push(item);
  }
  const min = field.minItems ?? (field.required ? 1 : 0);
  if (items.length < min) errors.push({ fieldId: field.id, code: 'group-min', message: messages.requiredGroup(field.label, field.itemLabel, min) });
  if (field.maxItems !== undefined && items.length > field.maxItems) errors.push({ fieldId: field.id, code: 'group-max', message: messages.tooManyItems(field.label, field.maxItems) });
  errors.push(...itemErrors);
  return items.length ? items : undefined;
}

/**
 * Reads fields in order. `context` holds the answers conditions may look at
 * (earlier pages, and each field read here is added as it is read); returns
 * what was read, visible fields only.
 */
export function readFields(fields: Field[], context: Answers, source: Source, today: string, errors: FieldError[], labelOf: LabelOf): Answers {
  const out: Answers = {};
  for (const field of fields) {
    if (!evaluate(field.when, context)) continue;
    const value = field.type === 'group' ? readGroup(field, context, source, today, errors, labelOf) : readOne(field, field.id, field.label, source.input(field, field.id), today, errors, context, labelOf);
    if (value === undefined) continue;
    out[field.id] = value;
    context[field.id] = value;
  }
  return out;
}
