/**
 * Answers sent as JSON (the API) must already have the shape the definition stores:
 * the engine's readers accept strings as a form posts them, so without this check
 * `copies: "３"`, `agree: "yes"` or `members: "abc"` would be read leniently (or a group
 * silently emptied). Each wrong value is refused naming the field and the shape expected.
 */
import type { Answers, Field, ProcedureDefinition } from '../../engines/forms/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';

type Expected = 'number' | 'boolean' | 'strings' | 'items' | 'location' | 'file' | 'string';

function expectedOf(field: Field): Expected {
  switch (field.type) {
    case 'number':
      return 'number';
    case 'consent':
      return 'boolean';
    case 'checkboxes':
      return 'strings';
    case 'group':
      return 'items';
    case 'location':
      return 'location';
    case 'file':
      return 'file';
    default:
      return 'string';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function fits(expected: Expected, value: unknown): boolean {
  switch (expected) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'strings':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'items':
      return Array.isArray(value) && value.every(isObject);
    case 'location':
      return isObject(value) && typeof value.lat === 'number' && typeof value.lng === 'number';
    case 'file':
      return isObject(value) && typeof value.fileId === 'string';
    case 'string':
      return typeof value === 'string';
  }
}

function check(fields: Field[], answers: Record<string, unknown>, prefix: string, errors: FieldError[]): void {
  for (const field of fields) {
    const value = answers[field.id];
    if (value === undefined || value === null) continue; // unanswered: the engine's own "required" check speaks
    const expected = expectedOf(field);
    const name = `${prefix}${field.id}`;
    if (!fits(expected, value)) {
      errors.push({ field: name, messageKey: `procedures.api.error.type.${expected}`, params: { label: field.label.ja } });
      continue;
    }
    if (field.type === 'group') (value as Record<string, unknown>[]).forEach((item, i) => check(field.fields, item, `${name}.${i}.`, errors));
  }
}

/** Field errors for every answer whose JSON type is not the one its field stores. */
export function answerTypeErrors(def: ProcedureDefinition, answers: Answers | Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  check(
    def.pages.flatMap((p) => p.fields),
    answers as Record<string, unknown>,
    '',
    errors,
  );
  return errors;
}
