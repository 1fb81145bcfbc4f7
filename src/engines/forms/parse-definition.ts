// Checks a definition before it is stored: its shape (TypeBox, closed objects,
// one schema per field type so that an error names what is wrong with the field
// meant), then the rules a schema cannot say: unique ids, conditions that only
// look back at plain fields and compare with values those fields can hold,
// options, limits that make sense together, prefill keys that fit, the fee.
// Every error starts with its path: 'pages[1].fields[0].when.field: …'.

import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { isIsoDate } from '../../platform/text/wareki.ts';
import { FIELD_TYPES, LEAF_CONDITION_SCHEMAS, LOOSE_DEFINITION_SCHEMA, LOOSE_FIELD_SCHEMAS, ProcedureDefinitionSchema } from './definition-schema.ts';
import { isRelative, resolveDateBound } from './relative-dates.ts';
import type { Condition, DateField, Field, ProcedureDefinition, ScalarField } from './types.ts';

type Errors = string[];

/** '/pages/0/fields/2/type' → 'pages[0].fields[2].type'. */
function pathOf(base: string, pointer: string): string {
  let out = base;
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(key) ? `[${key}]` : out === '' ? key : `.${key}`;
  }
  return out || '(definition)';
}

function describe(schema: TSchema): string | null {
  const options = (schema as { anyOf?: { const?: unknown }[] }).anyOf;
  if (options && options.every((o) => o.const !== undefined)) return `must be one of: ${options.map((o) => String(o.const)).join(', ')}`;
  return null;
}

/** Shape errors of `value` against `schema`, one per path. */
function shapeErrors(schema: TSchema, value: unknown, base: string, errors: Errors): boolean {
  const seen = new Set<string>();
  let ok = true;
  for (const e of Value.Errors(schema, value)) {
    ok = false;
    const path = pathOf(base, e.path);
    if (seen.has(path)) continue;
    seen.add(path);
    // "A or null" (the fee): an object that fails is reported against the object schema, key by key.
    const variants = (e.schema as { anyOf?: TSchema[] }).anyOf;
    const objectVariants = variants?.filter((v) => (v as { type?: string }).type === 'object') ?? [];
    if (isObject(e.value) && objectVariants.length === 1 && objectVariants[0]) {
      shapeErrors(objectVariants[0], e.value, path, errors);
      continue;
    }
    const message = e.message === 'Unexpected property' ? 'unknown key (misspelt? see README "Definition format")' : (describe(e.schema) ?? e.message.replace(/^Expected/, 'expected'));
    errors.push(`${path}: ${message}`);
  }
  return ok;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A condition's shape, recursively, each part checked by the schema of the kind it is meant to be. */
function conditionShape(c: unknown, path: string, errors: Errors): void {
  if (!isObject(c)) return void errors.push(`${path}: a condition must be an object`);
  if ('all' in c || 'any' in c) {
    const key = 'all' in c ? 'all' : 'any';
    const list = c[key];
    if (Object.keys(c).length !== 1) errors.push(`${path}: "${key}" stands alone in its object`);
    if (!Array.isArray(list) || list.length === 0) return void errors.push(`${path}.${key}: must be a non-empty list of conditions`);
    list.forEach((sub, i) => conditionShape(sub, `${path}.${key}[${i}]`, errors));
    return;
  }
  if ('not' in c) {
    if (Object.keys(c).length !== 1) errors.push(`${path}: "not" stands alone in its object`);
    return conditionShape(c.not, `${path}.not`, errors);
  }
  const op = (['equals', 'in', 'notEmpty', 'includes'] as const).find((k) => k in c);
  if (!op) return void errors.push(`${path}: must have one of all, any, not, or "field" with equals, in, notEmpty or includes`);
  shapeErrors(LEAF_CONDITION_SCHEMAS[op], c, path, errors);
}

/** The top-level fields in order, with where they stand. */
interface Placed {
  field: Field;
  page: number;
  index: number;
}

function conditionRefs(c: Condition, path: string, known: Map<string, Placed>, isEarlier: (p: Placed) => boolean, errors: Errors): void {
  if ('all' in c) return c.all.forEach((s, i) => conditionRefs(s, `${path}.all[${i}]`, known, isEarlier, errors));
  if ('any' in c) return c.any.forEach((s, i) => conditionRefs(s, `${path}.any[${i}]`, known, isEarlier, errors));
  if ('not' in c) return conditionRefs(c.not, `${path}.not`, known, isEarlier, errors);
  const at = `${path}.field`;
  const target = known.get(c.field);
  if (!target) return void errors.push(`${at}: no field "${c.field}" outside a group (conditions cannot look inside groups)`);
  if (!isEarlier(target)) return void errors.push(`${at}: "${c.field}" comes later; a condition may only refer to an earlier page or an earlier field on the same page`);
  const f = target.field;
  if (f.type === 'group') return void errors.push(`${at}: "${c.field}" is a group; conditions cannot refer to groups`);
  const options = 'options' in f ? new Set(f.options.map((o) => o.value)) : null;
  const fits = (v: unknown): string | null => {
    if (f.type === 'select' || f.type === 'radios') return typeof v === 'string' && options?.has(v) ? null : `${JSON.stringify(v)} is not an option of "${f.id}" (${[...(options ?? [])].join(', ')})`;
    if (f.type === 'number') return typeof v === 'number' ? null : `"${f.id}" is a number field; compare with a number`;
    if (f.type === 'consent') return v === true ? null : `"${f.id}" is a consent; only true can be compared`;
    if (f.type === 'checkboxes') return `"${f.id}" holds a list; use "includes"`;
    if (f.type === 'file' || f.type === 'location') return `"${f.id}" is a ${f.type} field; only "notEmpty" applies`;
    return typeof v === 'string' ? null : `"${f.id}" holds text; compare with a string`;
  };
  if ('equals' in c) {
    const problem = fits(c.equals);
    if (problem) errors.push(`${path}.equals: ${problem}`);
  } else if ('in' in c) {
    c.in.forEach((v, i) => {
      const problem = fits(v);
      if (problem) errors.push(`${path}.in[${i}]: ${problem}`);
    });
  } else if ('includes' in c) {
    if (f.type !== 'checkboxes') errors.push(`${path}.includes: "${f.id}" is not a checkboxes field; use "equals" or "in"`);
    else if (!options?.has(c.includes)) errors.push(`${path}.includes: ${JSON.stringify(c.includes)} is not an option of "${f.id}"`);
  }
}

const PREFILL_FITS: Record<string, readonly string[]> = {
  'resident.name': ['text'],
  'resident.nameKana': ['kana', 'text'],
  'resident.birthDate': ['date'],
  'resident.gender': ['select', 'radios', 'text'],
  'resident.postalCode': ['postal'],
  'resident.address': ['address', 'text', 'textarea'],
  'resident.phone': ['phone'],
  'resident.email': ['email'],
  'household.head': ['text'],
  'household.members': ['group'],
};
const MEMBER_FITS: Record<string, readonly string[]> = { name: ['text'], nameKana: ['kana', 'text'], birthDate: ['date'], relationship: ['text', 'select', 'radios'] };

/** Rules of one field that involve only the field itself. */
function fieldRules(f: Field, path: string, inGroup: boolean, errors: Errors): void {
  if ('options' in f) {
    const seen = new Set<string>();
    f.options.forEach((o, i) => {
      if (seen.has(o.value)) errors.push(`${path}.options[${i}].value: "${o.value}" appears twice`);
      seen.add(o.value);
    });
  }
  if (f.type === 'checkboxes') {
    const n = f.options.length;
    if (f.minChecked !== undefined && f.minChecked > n) errors.push(`${path}.minChecked: ${f.minChecked} is more than the ${n} options`);
    if (f.maxChecked !== undefined && f.maxChecked > n) errors.push(`${path}.maxChecked: ${f.maxChecked} is more than the ${n} options`);
    if (f.minChecked !== undefined && f.maxChecked !== undefined && f.minChecked > f.maxChecked) errors.push(`${path}.minChecked: greater than maxChecked`);
  }
  if (f.type === 'number' && f.min !== undefined && f.max !== undefined && f.min > f.max) errors.push(`${path}.min: greater than max`);
  if (f.type === 'date') {
    for (const key of ['min', 'max'] as const) {
      const b = f[key];
      if (b !== undefined && !isRelative(b) && !isIsoDate(b)) errors.push(`${path}.${key}: "${b}" is not a date (YYYY-MM-DD, "today", "today-30d", "today+3m", "today-18y")`);
    }
    // Two fixed dates, or two relative ones, can be compared; relative ones on any day give the same order.
    if (f.min !== undefined && f.max !== undefined && isRelative(f.min) === isRelative(f.max) && (isRelative(f.min) || (isIsoDate(f.min) && isIsoDate(f.max)))) {
      if (resolveDateBound(f.min, '2026-01-15') > resolveDateBound(f.max, '2026-01-15')) errors.push(`${path}.min: later than max`);
    }
  }
  if ('pattern' in f && f.pattern) {
    try {
      new RegExp(f.pattern.regex, 'u');
    } catch (e) {
      errors.push(`${path}.pattern.regex: not a valid regular expression (${(e as Error).message})`);
    }
  }
  if (f.type === 'file') {
    if (new Set(f.accept).size !== f.accept.length) errors.push(`${path}.accept: a type appears twice`);
  }
  if (f.type === 'group') {
    if (f.minItems !== undefined && f.maxItems !== undefined && f.minItems > f.maxItems) errors.push(`${path}.minItems: greater than maxItems`);
    const seen = new Set<string>();
    f.fields.forEach((sub, i) => {
      if (seen.has(sub.id)) errors.push(`${path}.fields[${i}].id: "${sub.id}" appears twice in this group`);
      seen.add(sub.id);
      fieldRules(sub, `${path}.fields[${i}]`, true, errors);
    });
  }
  if (f.prefill) {
    if (inGroup) errors.push(`${path}.prefill: not used inside a group; a group with "household.members" fills its sub-fields named ${Object.keys(MEMBER_FITS).join(', ')}`);
    else if (!PREFILL_FITS[f.prefill]?.includes(f.type)) errors.push(`${path}.prefill: "${f.prefill}" fills ${PREFILL_FITS[f.prefill]?.join(' or ')} fields, not ${f.type}`);
    else if (f.type === 'group') {
      const matched = f.fields.filter((sub, i) => MEMBER_FITS[sub.id] && f.fields.findIndex((x) => x.id === sub.id) === i);
      if (matched.length === 0) errors.push(`${path}.prefill: none of the group's sub-fields is named ${Object.keys(MEMBER_FITS).join(', ')}, so nothing would be filled`);
      for (const sub of matched) {
        if (!MEMBER_FITS[sub.id]?.includes(sub.type)) errors.push(`${path}.fields[${f.fields.indexOf(sub)}].type: "${sub.id}" is filled from the household and must be ${MEMBER_FITS[sub.id]?.join(' or ')}`);
      }
    }
  }
}

/** Rules across the definition: ids, conditions, the fee. */
function definitionRules(def: ProcedureDefinition, errors: Errors): void {
  const pageIds = new Set<string>();
  // Every top-level field first, so a reference to a later one is reported as "later", not "unknown".
  const known = new Map<string, Placed>();
  def.pages.forEach((page, p) => page.fields.forEach((field, index) => known.has(field.id) || known.set(field.id, { field, page: p, index })));
  def.pages.forEach((page, p) => {
    if (pageIds.has(page.id)) errors.push(`pages[${p}].id: "${page.id}" appears twice`);
    pageIds.add(page.id);
    if (page.when) conditionRefs(page.when, `pages[${p}].when`, known, (t) => t.page < p, errors);
    page.fields.forEach((field, i) => {
      const path = `pages[${p}].fields[${i}]`;
      const earlier = (t: Placed) => t.page < p || (t.page === p && t.index < i);
      if (field.when) conditionRefs(field.when, `${path}.when`, known, earlier, errors);
      if (field.type === 'group') field.fields.forEach((sub: ScalarField, s) => sub.when && conditionRefs(sub.when, `${path}.fields[${s}].when`, known, earlier, errors));
      if (field.type === 'date') dateOrderRefs(field, path, (id) => { const t = known.get(id); return t && (earlier(t) ? t.field : 'later'); }, errors);
      if (field.type === 'group') {
        field.fields.forEach((sub: ScalarField, s) => {
          if (sub.type !== 'date') return;
          const lookup = (id: string) => {
            const at = field.fields.findIndex((f) => f.id === id);
            if (at >= 0) return at < s ? field.fields[at] : 'later';
            const t = known.get(id);
            return t && (earlier(t) ? t.field : 'later');
          };
          dateOrderRefs(sub, `${path}.fields[${s}]`, lookup, errors);
        });
      }
      const first = known.get(field.id);
      if (first && (first.page !== p || first.index !== i)) errors.push(`${path}.id: "${field.id}" is already used by another field`);
      fieldRules(field, path, false, errors);
    });
  });
  if (def.fee === null) {
    if (def.payment.length) errors.push('payment: must be [] when fee is null');
    return;
  }
  if (def.payment.length === 0) errors.push('payment: list at least one way to pay the fee ("online", "counter")');
  if (def.fee.exemptWhen) conditionRefs(def.fee.exemptWhen, 'fee.exemptWhen', known, () => true, errors);
  const q = def.fee.quantityField;
  if (q !== undefined) quantityRules(q, known, errors);
}

/** notBefore/notAfter name an earlier date field (in a group: an earlier sub-field of the item, or an earlier top-level field). */
function dateOrderRefs(f: DateField, path: string, lookup: (id: string) => Field | 'later' | undefined, errors: Errors): void {
  for (const key of ['notBefore', 'notAfter'] as const) {
    const rule = f[key];
    if (!rule) continue;
    const at = `${path}.${key}.field`;
    const target = lookup(rule.field);
    if (target === undefined) errors.push(`${at}: no field "${rule.field}"`);
    else if (target === 'later') errors.push(`${at}: "${rule.field}" comes later (or is this field); a date may only be ordered after an earlier field`);
    else if (target.type !== 'date') errors.push(`${at}: "${rule.field}" is a ${target.type} field; it must be a date field`);
  }
}

/** The fee's quantity: a whole-number field that cannot go below 0, top level or ('group.sub') inside a group. */
function quantityRules(q: string, known: Map<string, Placed>, errors: Errors): void {
  const [head = '', sub] = q.split('.');
  const top = known.get(head)?.field;
  let target: Field | undefined = top;
  if (sub !== undefined) {
    if (top?.type !== 'group') return void errors.push(`fee.quantityField: "${head}" is not a group; "${q}" must name a group and its number field`);
    target = top.fields.find((f) => f.id === sub);
    if (!target) return void errors.push(`fee.quantityField: group "${head}" has no field "${sub}"`);
  } else if (!top) {
    const inGroup = [...known.values()].find((p) => p.field.type === 'group' && p.field.fields.some((f) => f.id === q));
    return void errors.push(`fee.quantityField: no field "${q}" outside a group${inGroup ? `; to charge the sum over the items of "${inGroup.field.id}", write "${inGroup.field.id}.${q}"` : ''}`);
  }
  if (!target) return;
  if (target.type !== 'number') return void errors.push(`fee.quantityField: "${q}" is a ${target.type} field; it must be a number field`);
  if (target.integer === false) return void errors.push(`fee.quantityField: "${q}" allows fractions; a quantity must be a whole number (remove "integer": false)`);
  if (target.min === undefined || target.min < 0) errors.push(`fee.quantityField: "${q}" needs "min" of 0 or more so the fee can never be negative`);
}

/**
 * A definition from JSON, checked. On success the definition is a copy of the
 * input (nothing added or defaulted, so its hash is the input's).
 */
export function parseDefinition(json: unknown): { ok: true; definition: ProcedureDefinition } | { ok: false; errors: string[] } {
  const errors: Errors = [];
  if (!isObject(json)) return { ok: false, errors: ['(definition): must be a JSON object'] };
  shapeErrors(LOOSE_DEFINITION_SCHEMA, json, '', errors);
  const pages = Array.isArray(json.pages) ? json.pages : [];
  pages.forEach((page: unknown, p) => {
    if (!isObject(page)) return;
    if (page.when !== undefined) conditionShape(page.when, `pages[${p}].when`, errors);
    const fields = Array.isArray(page.fields) ? page.fields : [];
    fields.forEach((field: unknown, i) => fieldShape(field, `pages[${p}].fields[${i}]`, false, errors));
  });
  if (isObject(json.fee) && json.fee.exemptWhen !== undefined) conditionShape(json.fee.exemptWhen, 'fee.exemptWhen', errors);
  if (errors.length) return { ok: false, errors };
  // The shape is right in every part; the exact schema must agree (a guard against the two drifting apart).
  if (!Value.Check(ProcedureDefinitionSchema, json)) shapeErrors(ProcedureDefinitionSchema, json, '', errors);
  if (errors.length) return { ok: false, errors };
  const definition = structuredClone(json) as unknown as ProcedureDefinition;
  definitionRules(definition, errors);
  return errors.length ? { ok: false, errors } : { ok: true, definition };
}

function fieldShape(field: unknown, path: string, inGroup: boolean, errors: Errors): void {
  if (!isObject(field)) return void errors.push(`${path}: a field must be an object`);
  const type = field.type;
  if (typeof type !== 'string' || !FIELD_TYPES.includes(type)) return void errors.push(`${path}.type: must be one of: ${FIELD_TYPES.join(', ')}`);
  if (inGroup && type === 'group') return void errors.push(`${path}.type: groups cannot be nested`);
  const schema = LOOSE_FIELD_SCHEMAS[type];
  if (schema) shapeErrors(schema, field, path, errors);
  if (field.when !== undefined) conditionShape(field.when, `${path}.when`, errors);
  if (type === 'group' && Array.isArray(field.fields)) field.fields.forEach((sub: unknown, i) => fieldShape(sub, `${path}.fields[${i}]`, true, errors));
}
