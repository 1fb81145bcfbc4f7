// Saved answers → the values a page's inputs show again (the inverse of
// readPage). Dates come back as ISO 'YYYY-MM-DD': unambiguous, read back to the
// same date, and the value a native date input takes; the page's hint shows the
// 和暦 forms that are also accepted. Phones come back with hyphens.

import { formatJapanesePhone } from '../../platform/text/phone.ts';
import { isFileAnswer } from './structured-values.ts';
import type { AnswerValue, Answers, GroupItem, ProcedureDefinition, RawForm, ScalarField } from './types.ts';

function put(raw: RawForm, field: ScalarField, name: string, value: AnswerValue | undefined): void {
  switch (field.type) {
    case 'location': {
      const v = (value ?? {}) as { lat?: unknown; lng?: unknown };
      raw[`${name}.lat`] = typeof v.lat === 'number' ? String(v.lat) : '';
      raw[`${name}.lng`] = typeof v.lng === 'number' ? String(v.lng) : '';
      return;
    }
    case 'checkboxes':
      raw[name] = Array.isArray(value) ? (value as string[]).map(String) : [];
      return;
    case 'consent':
      raw[name] = value === true ? 'yes' : '';
      return;
    case 'file':
      // The file itself cannot go back into a file input; its id tells the view one is saved.
      raw[name] = isFileAnswer(value) ? value.fileId : '';
      return;
    case 'phone':
      raw[name] = typeof value === 'string' && /^\d{10,11}$/.test(value) ? formatJapanesePhone(value) : value === undefined ? '' : String(value);
      return;
    default:
      raw[name] = value === undefined || value === null ? '' : String(value);
  }
}

/**
 * The raw form of one page (every field on it, shown or not, so a field a
 * condition reveals keeps its value). Groups get their items as 'id.N.sub' and
 * empty slots up to minItems (at least one when required), so a view can count
 * items from the names.
 */
export function toRawForm(def: ProcedureDefinition, pageId: string, answers: Answers): RawForm {
  const page = def.pages.find((p) => p.id === pageId);
  if (!page) throw new RangeError(`no page ${pageId} in ${def.id}`);
  const raw: RawForm = {};
  for (const field of page.fields) {
    if (field.type !== 'group') {
      put(raw, field, field.id, answers[field.id]);
      continue;
    }
    const items = Array.isArray(answers[field.id]) ? (answers[field.id] as GroupItem[]) : [];
    const slots = Math.max(items.length, field.minItems ?? 0, field.required ? 1 : 0);
    for (let i = 0; i < slots; i++) {
      const item = items[i] ?? {};
      for (const sub of field.fields) put(raw, sub, `${field.id}.${i}.${sub.id}`, item[sub.id]);
    }
  }
  return raw;
}
