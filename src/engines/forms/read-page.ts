// One page's form submission → normalised answers and errors. HTML names:
// scalar 'id'; checkboxes 'id' (repeated → array); group items 'id.0.sub';
// location 'id.lat' / 'id.lng'; uploads arrive through ctx.files by the same names.

import { pruneHidden } from './conditions.ts';
import { labelsOf, readFields, type Source } from './field-reader.ts';
import { isFileAnswer } from './structured-values.ts';
import type { Answers, FieldError, GroupField, ProcedureDefinition, RawForm, ReadContext, ScalarField } from './types.ts';

const INDEX = /^(\d{1,4})\./;

/** The item indices a form sent for a group, ascending: from 'id.N.sub' names (and uploads' names). */
export function groupIndices(raw: RawForm, groupId: string, fileNames: string[] = []): number[] {
  const prefix = `${groupId}.`;
  const seen = new Set<number>();
  for (const key of [...Object.keys(raw), ...fileNames]) {
    if (!key.startsWith(prefix)) continue;
    const m = INDEX.exec(key.slice(prefix.length));
    if (m) seen.add(Number(m[1]));
  }
  return [...seen].sort((a, b) => a - b);
}

/** A stored answer at a group item (or top level), for uploads kept from an earlier visit. */
function savedAt(answers: Answers | undefined, field: ScalarField, item?: { group: string; index: number }): unknown {
  if (!answers) return undefined;
  if (!item) return answers[field.id];
  const items = answers[item.group];
  return Array.isArray(items) ? (items[item.index] as Record<string, unknown> | undefined)?.[field.id] : undefined;
}

function rawSource(raw: RawForm, ctx: ReadContext): Source {
  const fileNames = Object.keys(ctx.files ?? {});
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return {
    input(field, name, item) {
      switch (field.type) {
        case 'checkboxes':
          return raw[name];
        case 'location': {
          const lat = first(raw[`${name}.lat`]);
          const lng = first(raw[`${name}.lng`]);
          return lat === undefined && lng === undefined ? undefined : { lat, lng };
        }
        case 'file': {
          // A new upload (or the reason it was refused) wins; otherwise the file
          // saved on an earlier visit stays, so a page can be re-submitted without
          // choosing the file again. Only files already in this application's
          // answers are kept: a fileId typed into the form is never trusted.
          const upload = ctx.files?.[name];
          if (upload !== undefined) return upload;
          const saved = savedAt(ctx.answers, field, item);
          return isFileAnswer(saved) ? saved : undefined;
        }
        default:
          return first(raw[name]);
      }
    },
    indices: (group: GroupField) => groupIndices(raw, group.id, fileNames),
  };
}

/**
 * Reads the visible fields of one page from its form. Conditions that refer to
 * earlier pages are decided on `ctx.answers` (pass the saved answers); a field
 * whose condition fails is ignored, whatever was typed in it. Errors are in
 * field order and their `fieldId` is the input's name ('members.1.birthDate');
 * group items left blank are dropped, and the items kept are renumbered from 0
 * in `answers`.
 */
export function readPage(def: ProcedureDefinition, pageId: string, raw: RawForm, ctx: ReadContext): { answers: Answers; errors: FieldError[] } {
  const page = def.pages.find((p) => p.id === pageId);
  if (!page) throw new RangeError(`no page ${pageId} in ${def.id}`);
  const earlier: Answers = {};
  if (ctx.answers) {
    const onThisPage = new Set(page.fields.map((f) => f.id));
    for (const [key, value] of Object.entries(ctx.answers)) if (!onThisPage.has(key)) earlier[key] = value;
  }
  const context = pruneHidden(def, earlier);
  const errors: FieldError[] = [];
  const answers = readFields(page.fields, context, rawSource(raw, ctx), ctx.today, errors, labelsOf(def));
  return { answers, errors };
}
