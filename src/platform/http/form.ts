/**
 * Reading an HTML form: every form has a TypeBox schema; values are NFKC
 * normalised (full-width digits and letters become half-width) and trimmed;
 * errors come back as field errors with message keys, so the route can show
 * the same form again with what the user typed and a message per field.
 */
import { Kind, type Static, type TObject, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FieldError } from './errors.ts';

/** Fields that must reach the handler exactly as typed. */
const RAW_FIELDS = new Set(['password', '_csrf']);

function normalise(key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return RAW_FIELDS.has(key) ? value : value.normalize('NFKC').trim();
}

function pick(schema: TSchema, key: string, raw: unknown): unknown {
  const value = raw && typeof raw === 'object' && 'value' in (raw as object) ? (raw as { value: unknown }).value : raw;
  if (schema.type === 'array') {
    if (value === undefined || value === '') return [];
    return (Array.isArray(value) ? value : [value]).map((v) => normalise(key, v));
  }
  if (Array.isArray(value)) return normalise(key, value[0]);
  return normalise(key, value ?? '');
}

function messageKeyFor(schema: TSchema, value: unknown): string {
  if ((value === '' || value === undefined || (Array.isArray(value) && value.length === 0)) && ((schema.minLength ?? 0) > 0 || (schema.minItems ?? 0) > 0)) {
    return 'validation.required';
  }
  if (typeof value === 'string' && schema.maxLength !== undefined && value.length > schema.maxLength) return 'validation.maxLength';
  if (typeof value === 'string' && schema.minLength !== undefined && value.length < schema.minLength) return 'validation.minLength';
  if (schema.anyOf || schema.enum || schema[Kind] === 'Union' || schema.const !== undefined) return 'validation.enum';
  return 'validation.pattern';
}

export function readForm<T extends TObject>(
  schema: T,
  body: unknown,
  labels: Partial<Record<keyof Static<T> & string, string>> = {},
): { values: Static<T>; errors: FieldError[] } {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const [key, propertySchema] of Object.entries(schema.properties)) values[key] = pick(propertySchema, key, source[key]);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const error of Value.Errors(schema, values)) {
    const field = error.path.replace(/^\//, '').split('/')[0] ?? '';
    if (!field || seen.has(field)) continue;
    seen.add(field);
    const propertySchema = schema.properties[field] as TSchema;
    errors.push({
      field,
      messageKey: messageKeyFor(propertySchema, values[field]),
      params: { field: labels[field as keyof typeof labels] ?? field, limit: propertySchema.maxLength ?? propertySchema.minLength ?? '' },
    });
  }
  return { values: values as Static<T>, errors };
}

export function fieldErrorMap(errors: FieldError[], t: (key: string, params?: Record<string, string | number>) => string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of errors) map[e.field] ??= t(e.messageKey, e.params);
  return map;
}
