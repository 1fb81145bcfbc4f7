/**
 * Helpers of the page-by-page flow over the forms engine: which page a field is on,
 * merging one page's answers into the draft, which fields to show without JavaScript,
 * and reading a posted body (urlencoded or multipart) into the engine's RawForm.
 */
import { pruneHidden, visibleFields, type Answers, type Condition, type Field, type Page, type ProcedureDefinition, type RawForm } from '../../engines/forms/index.ts';

export function findPage(def: ProcedureDefinition, pageId: string): Page | null {
  return def.pages.find((p) => p.id === pageId) ?? null;
}

/** The page holding a field id or HTML name (`members.1.birthDate` → the page of `members`). */
export function pageOfField(def: ProcedureDefinition, fieldName: string): string | null {
  const top = fieldName.split('.')[0];
  return def.pages.find((p) => p.fields.some((f) => f.id === top))?.id ?? null;
}

/** The field definition behind an HTML name: `photo`, `members.0.certificate`, `site.lat`. */
export function fieldByName(def: ProcedureDefinition, name: string): Field | null {
  const [top, second, third] = name.split('.');
  const field = def.pages.flatMap((p) => p.fields).find((f) => f.id === top);
  if (!field) return null;
  if (field.type === 'group' && second !== undefined && third !== undefined) return field.fields.find((f) => f.id === third) ?? null;
  return field;
}

/** A label for a field name in messages and lists: the group item's number is kept (家族 2 の生年月日). */
export function labelOfName(def: ProcedureDefinition, name: string, lang: 'ja' | 'en'): string {
  const [top, index, sub] = name.split('.');
  const field = def.pages.flatMap((p) => p.fields).find((f) => f.id === top);
  if (!field) return name;
  if (field.type === 'group' && index !== undefined && sub !== undefined) {
    const inner = field.fields.find((f) => f.id === sub);
    const item = `${field.itemLabel[lang]} ${Number(index) + 1}`;
    return inner ? (lang === 'ja' ? `${item}の${inner.label.ja}` : `${item}: ${inner.label.en}`) : item;
  }
  return field.label[lang];
}

/**
 * The draft's answers with this page's answers replaced by what was just read. A field
 * the register prefills that the resident saw and left empty is kept as an empty
 * answer ('' or []), so showing the page again does not fill it back in: emptying a
 * suggested value is an answer too (prefillUnanswered in prefill-facts.ts). Empty
 * answers read as "not answered" everywhere else (conditions, checks, submission).
 */
export function mergePageAnswers(def: ProcedureDefinition, answers: Answers, page: Page, pageAnswers: Answers): Answers {
  const merged: Answers = { ...answers };
  for (const field of page.fields) delete merged[field.id];
  const shown = new Set(visibleFields(page.fields, pruneHidden(def, { ...merged, ...pageAnswers })).map((f) => f.id));
  for (const field of page.fields) {
    if (pageAnswers[field.id] !== undefined) merged[field.id] = pageAnswers[field.id]!;
    else if (field.prefill && shown.has(field.id)) merged[field.id] = field.type === 'group' ? [] : '';
  }
  return merged;
}

function conditionFields(condition: Condition | undefined, into: Set<string>): Set<string> {
  if (!condition) return into;
  if ('all' in condition) condition.all.forEach((c) => conditionFields(c, into));
  else if ('any' in condition) condition.any.forEach((c) => conditionFields(c, into));
  else if ('not' in condition) conditionFields(condition.not, into);
  else into.add(condition.field);
  return into;
}

/**
 * Fields shown on a page: visible on the answers so far, plus — because a page
 * cannot reveal a field without JavaScript — those whose condition reads another
 * answer on the same page (returned as `conditional`, marked as such to the resident).
 */
export function fieldsToShow(page: Page, visible: Field[]): { fields: Field[]; conditional: Set<string> } {
  const onPage = new Set(page.fields.map((f) => f.id));
  const shown = new Set(visible.map((f) => f.id));
  const conditional = new Set<string>();
  for (const field of page.fields) {
    if (shown.has(field.id) || !field.when) continue;
    if ([...conditionFields(field.when, new Set())].some((id) => onPage.has(id))) conditional.add(field.id);
  }
  // A field visible now but only because of a same-page answer is conditional too.
  for (const field of visible) {
    if (field.when && [...conditionFields(field.when, new Set())].some((id) => onPage.has(id))) conditional.add(field.id);
  }
  return { fields: page.fields.filter((f) => shown.has(f.id) || conditional.has(f.id)), conditional };
}

export interface Upload {
  name: string;
  filename: string;
  bytes: Buffer;
  /** Cut off at the app's upload limit (UPLOAD_MAX_BYTES): the file was bigger than that. */
  truncated?: boolean;
}

type Part = { type?: string; value?: unknown; toBuffer?: () => Promise<Buffer>; filename?: string; fieldname?: string; file?: { truncated?: boolean } };

/** Reads a posted page: text fields into a RawForm (without _csrf and buttons), files apart, and the button pressed. */
export async function readPostedPage(body: unknown): Promise<{ raw: RawForm; uploads: Upload[]; action: string; returnTo: string | null }> {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const raw: RawForm = {};
  const uploads: Upload[] = [];
  let action = 'continue';
  let returnTo: string | null = null;
  for (const [name, value] of Object.entries(source)) {
    const items = Array.isArray(value) ? value : [value];
    const texts: string[] = [];
    for (const item of items) {
      if (item && typeof item === 'object' && typeof (item as Part).toBuffer === 'function') {
        const part = item as Part;
        const bytes = await part.toBuffer!();
        // An empty file input still sends a part with no name and no bytes: nothing chosen.
        if (bytes.length > 0 || part.filename) uploads.push({ name, filename: part.filename ?? 'file', bytes, ...(part.file?.truncated ? { truncated: true } : {}) });
        continue;
      }
      const text = item && typeof item === 'object' && 'value' in (item as object) ? (item as Part).value : item;
      if (typeof text === 'string') texts.push(text);
    }
    if (name === '_csrf') continue;
    if (name === 'action') {
      action = texts[texts.length - 1] ?? 'continue';
      continue;
    }
    if (name === 'returnTo') {
      returnTo = texts[0] === 'check' ? 'check' : null;
      continue;
    }
    if (texts.length === 0) continue;
    raw[name.slice(0, 200)] = texts.length === 1 && !Array.isArray(value) ? texts[0]! : texts;
  }
  return { raw, uploads, action: action.slice(0, 200), returnTo };
}

/** After removing group item `index`, typed values of later items move up one place. */
export function shiftGroupRaw(raw: RawForm, groupId: string, index: number): RawForm {
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
