/**
 * One screen per procedure: every visible page of the definition at once, so the
 * clerk fills a form the way the resident talks, not page by page. Which fields a
 * page shows without JavaScript (those revealed by an answer on the same screen are
 * shown and marked), reading a whole screen's post through the engine, and group
 * item buttons live here.
 */
import {
  addGroupItem,
  readPage,
  removeGroupItem,
  toRawForm,
  visibleFields,
  visiblePages,
  type Answers,
  type Condition,
  type Field,
  type FieldError,
  type FileAnswer,
  type FileUploadError,
  type Page,
  type ProcedureDefinition,
  type RawForm,
} from '../../engines/forms/index.ts';

export interface ScreenPage {
  page: Page;
  fields: Field[];
  conditional: Set<string>;
}

function conditionFields(condition: Condition | undefined, into: Set<string>): Set<string> {
  if (!condition) return into;
  if ('all' in condition) condition.all.forEach((c) => conditionFields(c, into));
  else if ('any' in condition) condition.any.forEach((c) => conditionFields(c, into));
  else if ('not' in condition) conditionFields(condition.not, into);
  else into.add(condition.field);
  return into;
}

/** The visible pages with their fields: visible on the saved answers, plus those an answer on the same page may reveal. */
export function screenPages(def: ProcedureDefinition, answers: Answers): ScreenPage[] {
  return visiblePages(def, answers).map((page) => {
    const onPage = new Set(page.fields.map((f) => f.id));
    const visible = new Set(visibleFields(page.fields, answers).map((f) => f.id));
    const conditional = new Set<string>();
    for (const field of page.fields) {
      if (field.when && [...conditionFields(field.when, new Set())].some((id) => onPage.has(id))) conditional.add(field.id);
    }
    return { page, fields: page.fields.filter((f) => visible.has(f.id) || conditional.has(f.id)), conditional };
  });
}

/** The saved answers as the screen's inputs show them again. */
export function screenRaw(def: ProcedureDefinition, answers: Answers): RawForm {
  const raw: RawForm = {};
  for (const page of visiblePages(def, answers)) Object.assign(raw, toRawForm(def, page.id, answers));
  return raw;
}

function mergePage(answers: Answers, page: Page, pageAnswers: Answers): Answers {
  const merged: Answers = { ...answers };
  for (const field of page.fields) {
    delete merged[field.id];
    if (pageAnswers[field.id] !== undefined) merged[field.id] = pageAnswers[field.id]!;
  }
  return merged;
}

/**
 * Reads the pages that were on the screen (visible on the answers it was drawn
 * from), in order, each with the answers read so far: a page's conditions on
 * earlier pages see what was just typed. Pages that become visible are read
 * next time the screen is saved.
 */
export function readScreen(def: ProcedureDefinition, saved: Answers, raw: RawForm, ctx: { today: string; files: Record<string, FileAnswer | FileUploadError> }): { answers: Answers; errors: FieldError[] } {
  let answers = saved;
  const errors: FieldError[] = [];
  for (const page of visiblePages(def, saved)) {
    const read = readPage(def, page.id, raw, { today: ctx.today, files: ctx.files, answers });
    answers = mergePage(answers, page, read.answers);
    errors.push(...read.errors);
  }
  return { answers, errors };
}

/** A group button ('add:members', 'remove:members:1') applied to the answers and the typed values. */
export function applyGroupAction(def: ProcedureDefinition, answers: Answers, raw: RawForm, action: string): { answers: Answers; raw: RawForm } | null {
  const [verb, groupId, index] = action.split(':');
  if ((verb !== 'add' && verb !== 'remove') || !groupId) return null;
  const isGroup = def.pages.some((p) => p.fields.some((f) => f.id === groupId && f.type === 'group'));
  if (!isGroup) return null;
  if (verb === 'add') return { answers: addGroupItem(answers, groupId), raw };
  const i = Number(index);
  if (!Number.isInteger(i) || i < 0) return null;
  return { answers: removeGroupItem(answers, groupId, i), raw: shiftGroupRaw(raw, groupId, i) };
}

/** After removing item `index`, typed values of later items move up one place. */
function shiftGroupRaw(raw: RawForm, groupId: string, index: number): RawForm {
  const out: RawForm = {};
  const prefix = `${groupId}.`;
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith(prefix)) {
      out[key] = value;
      continue;
    }
    const [i, ...rest] = key.slice(prefix.length).split('.');
    const n = Number(i);
    if (!Number.isInteger(n) || n === index) continue;
    out[`${prefix}${n > index ? n - 1 : n}.${rest.join('.')}`] = value;
  }
  return out;
}

/** The file field behind an upload's name ('proof', 'members.0.certificate'), if any. */
export function fileFieldOf(def: ProcedureDefinition, name: string): Extract<Field, { type: 'file' }> | null {
  const [top, , sub] = name.split('.');
  const field = def.pages.flatMap((p) => p.fields).find((f) => f.id === top);
  if (!field) return null;
  const target = field.type === 'group' && sub !== undefined ? field.fields.find((f) => f.id === sub) : field;
  return target?.type === 'file' ? target : null;
}

export const hasFileFields = (def: ProcedureDefinition) => def.pages.some((p) => p.fields.some((f) => f.type === 'file' || (f.type === 'group' && f.fields.some((s) => s.type === 'file'))));
