// Which pages and fields show. A condition reads answers of fields before it;
// an answer of a field that is itself hidden does not count, so visibility is
// decided in one pass in definition order over the answers that are still
// visible (parseDefinition guarantees that conditions only look backwards).

import type { AnswerValue, Answers, Condition, Field, GroupItem, Page, ProcedureDefinition } from './types.ts';

/** Empty: no answer, '', [] (a consent left unticked is simply absent). */
export function isEmptyAnswer(value: AnswerValue | undefined): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Whether a condition holds on these answers; no condition always holds. */
export function evaluate(condition: Condition | undefined, answers: Answers): boolean {
  if (!condition) return true;
  if ('all' in condition) return condition.all.every((c) => evaluate(c, answers));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, answers));
  if ('not' in condition) return !evaluate(condition.not, answers);
  const value = answers[condition.field];
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && condition.in.includes(value);
  if ('includes' in condition) return Array.isArray(value) && (value as unknown[]).includes(condition.includes);
  return !isEmptyAnswer(value);
}

/**
 * The fields of a list that show, in order. A field whose condition fails is
 * treated as unanswered for the fields after it.
 */
export function visibleFields(fields: Field[], answers: Answers): Field[] {
  const shown: Field[] = [];
  let seen: Answers | null = null; // copied only when a hidden field must be masked
  for (const field of fields) {
    if (evaluate(field.when, seen ?? answers)) {
      shown.push(field);
    } else if (answers[field.id] !== undefined) {
      seen ??= { ...answers };
      delete seen[field.id];
    }
  }
  return shown;
}

export interface VisibleLayout {
  pages: { page: Page; fields: Field[] }[];
  /** The answers of visible fields only (hidden ones and unknown keys dropped). */
  answers: Answers;
}

/**
 * Walks the definition once: visible pages with their visible fields, and the
 * answers pruned to them. Group items keep only their visible sub-fields (a
 * sub-field's condition reads the top-level answers).
 */
export function layout(def: ProcedureDefinition, answers: Answers): VisibleLayout {
  const kept: Answers = {};
  const pages: VisibleLayout['pages'] = [];
  for (const page of def.pages) {
    if (!evaluate(page.when, kept)) continue;
    const fields: Field[] = [];
    for (const field of page.fields) {
      if (!evaluate(field.when, kept)) continue;
      fields.push(field);
      const value = answers[field.id];
      if (value === undefined) continue;
      kept[field.id] = field.type === 'group' && Array.isArray(value) ? pruneGroupItems(field.fields, value as GroupItem[], kept) : value;
    }
    pages.push({ page, fields });
  }
  return { pages, answers: kept };
}

function pruneGroupItems(subFields: Field[], items: GroupItem[], topLevel: Answers): GroupItem[] {
  const shown = subFields.filter((sub) => evaluate(sub.when, topLevel));
  return items.map((item) => {
    const out: GroupItem = {};
    if (item === null || typeof item !== 'object') return out;
    for (const sub of shown) if (item[sub.id] !== undefined) out[sub.id] = item[sub.id] as AnswerValue;
    return out;
  });
}

export function visiblePages(def: ProcedureDefinition, answers: Answers): Page[] {
  return layout(def, answers).pages.map((p) => p.page);
}

/** Drops answers of pages and fields now hidden, and keys the definition does not have. */
export function pruneHidden(def: ProcedureDefinition, answers: Answers): Answers {
  return layout(def, answers).answers;
}
