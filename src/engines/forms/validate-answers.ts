// The whole application on submit: every visible page and field, through the
// same readers as the pages (so a rule cannot pass on a page and fail here, or
// the reverse), with date bounds resolved on the day of submission.

import { evaluate } from './conditions.ts';
import { labelsOf, readFields, type Source } from './field-reader.ts';
import type { Answers, FieldError, GroupField, ProcedureDefinition } from './types.ts';

function answersSource(answers: Answers): Source {
  return {
    input(field, _name, item) {
      if (!item) return answers[field.id];
      const items = answers[item.group];
      const entry = Array.isArray(items) ? items[item.index] : undefined;
      return entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>)[field.id] : undefined;
    },
    indices(group: GroupField) {
      const items = answers[group.id];
      return Array.isArray(items) ? items.map((_, i) => i) : [];
    },
  };
}

/**
 * Checks and normalises stored (or API-sent) answers: visible pages and fields
 * only, hidden and unknown keys dropped, every value in its canonical form
 * (dates ISO, phones digits, kana katakana …). Use it where answers arrive as
 * JSON rather than through a page's form.
 */
export function normaliseAnswers(def: ProcedureDefinition, answers: Answers, ctx: { today: string }): { answers: Answers; errors: FieldError[] } {
  const source = answersSource(answers);
  const context: Answers = {};
  const errors: FieldError[] = [];
  for (const page of def.pages) {
    if (!evaluate(page.when, context)) continue;
    readFields(page.fields, context, source, ctx.today, errors, labelsOf(def));
  }
  return { answers: context, errors };
}

/** Errors of the whole application (visible pages only), in page and field order; [] when it may be submitted. */
export function validateAnswers(def: ProcedureDefinition, answers: Answers, ctx: { today: string }): FieldError[] {
  return normaliseAnswers(def, answers, ctx).errors;
}
