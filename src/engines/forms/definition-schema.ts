// TypeBox schemas of the definition format. Every object is closed
// (additionalProperties: false) on purpose: a misspelt key such as "requried"
// would otherwise be ignored silently and a required field would become optional.
// parse-definition.ts uses the per-type schemas to report one precise error per
// mistake; the whole-definition schema is exported for API docs (OpenAPI).

import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CATEGORIES, LIFE_EVENTS, PREFILL_KEYS, type Condition, type Field, type ProcedureDefinition, type ScalarField } from './types.ts';

const closed = { additionalProperties: false } as const;

export const PROCEDURE_ID = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const FIELD_ID = '^[a-zA-Z][a-zA-Z0-9_]*$';
export const PAGE_ID = '^[a-zA-Z][a-zA-Z0-9_-]*$';

export const LocalizedSchema = Type.Object({ ja: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) }, closed);

const FieldRef = Type.String({ pattern: FIELD_ID });
// A number field, or 'group.sub' for a number field inside a group (the quantity is then the sum over the items).
const QuantityRef = Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_]*([.][a-zA-Z][a-zA-Z0-9_]*)?$' });
const ConditionValueSchema = Type.Union([Type.String(), Type.Number(), Type.Boolean()]);

/** The leaf conditions, one schema each so that an error can name what is wrong with the one meant. */
export const LEAF_CONDITION_SCHEMAS = {
  equals: Type.Object({ field: FieldRef, equals: ConditionValueSchema }, closed),
  in: Type.Object({ field: FieldRef, in: Type.Array(ConditionValueSchema, { minItems: 1 }) }, closed),
  notEmpty: Type.Object({ field: FieldRef, notEmpty: Type.Literal(true) }, closed),
  includes: Type.Object({ field: FieldRef, includes: Type.String() }, closed),
} as const;

export const ConditionSchema = Type.Recursive(
  (This) =>
    Type.Union([
      LEAF_CONDITION_SCHEMAS.equals,
      LEAF_CONDITION_SCHEMAS.in,
      LEAF_CONDITION_SCHEMAS.notEmpty,
      LEAF_CONDITION_SCHEMAS.includes,
      Type.Object({ all: Type.Array(This, { minItems: 1 }) }, closed),
      Type.Object({ any: Type.Array(This, { minItems: 1 }) }, closed),
      Type.Object({ not: This }, closed),
    ]),
  { $id: 'Condition' },
);

const OptionSchema = Type.Object({ value: Type.String({ minLength: 1, maxLength: 100 }), label: LocalizedSchema }, closed);
const PatternSchema = Type.Object({ regex: Type.String({ minLength: 1 }), message: LocalizedSchema }, closed);
const PositiveInt = Type.Integer({ minimum: 1 });
const NonNegativeInt = Type.Integer({ minimum: 0 });
// 'today', 'today-30d', 'today+10d', 'today-3m', 'today-18y' or an ISO date; the date itself is checked in parse-definition.
const DateBoundSchema = Type.String({ pattern: '^(today([+-][0-9]{1,5}[dmy])?|[0-9]{4}-[0-9]{2}-[0-9]{2})$' });
const DateOrderSchema = Type.Object({ field: FieldRef, days: Type.Optional(Type.Integer({ minimum: -36600, maximum: 36600 })) }, closed);

// The field, page and definition schemas are built twice: with ConditionSchema
// (the exported, exact ones) and with conditions left open (LOOSE_*), which
// parse-definition.ts uses so that a wrong condition is reported by its own
// checker, naming the exact sub-condition, instead of as one "union" error.
function common<T extends TSchema, C extends TSchema>(type: T, condition: C) {
  return {
    id: FieldRef,
    type,
    label: LocalizedSchema,
    hint: Type.Optional(LocalizedSchema),
    required: Type.Optional(Type.Boolean()),
    when: Type.Optional(condition),
    prefill: Type.Optional(Type.Union(PREFILL_KEYS.map((k) => Type.Literal(k)))),
  };
}

function scalarFieldSchemas<C extends TSchema>(condition: C) {
  const field = <T extends string, P extends Record<string, TSchema>>(type: T, extra: P) => Type.Object({ ...common(Type.Literal(type), condition), ...extra }, closed);
  return {
    text: field('text', { maxLength: Type.Optional(PositiveInt), pattern: Type.Optional(PatternSchema) }),
    textarea: field('textarea', { maxLength: Type.Optional(PositiveInt), pattern: Type.Optional(PatternSchema) }),
    kana: field('kana', { maxLength: Type.Optional(PositiveInt) }),
    number: field('number', {
      min: Type.Optional(Type.Number()),
      max: Type.Optional(Type.Number()),
      integer: Type.Optional(Type.Boolean()),
      unit: Type.Optional(LocalizedSchema),
    }),
    date: field('date', { min: Type.Optional(DateBoundSchema), max: Type.Optional(DateBoundSchema), notBefore: Type.Optional(DateOrderSchema), notAfter: Type.Optional(DateOrderSchema) }),
    postal: field('postal', { oshuOnly: Type.Optional(Type.Boolean()) }),
    address: field('address', { maxLength: Type.Optional(PositiveInt), pattern: Type.Optional(PatternSchema) }),
    phone: field('phone', {}),
    email: field('email', {}),
    select: field('select', { options: Type.Array(OptionSchema, { minItems: 1 }) }),
    radios: field('radios', { options: Type.Array(OptionSchema, { minItems: 1 }) }),
    checkboxes: field('checkboxes', {
      options: Type.Array(OptionSchema, { minItems: 1 }),
      minChecked: Type.Optional(NonNegativeInt),
      maxChecked: Type.Optional(PositiveInt),
    }),
    consent: field('consent', {}),
    file: field('file', {
      accept: Type.Array(Type.String({ pattern: '^[a-z]+/[a-z0-9.+-]+$' }), { minItems: 1 }),
      maxBytes: PositiveInt,
    }),
    location: field('location', {}),
  };
}

function groupFieldSchema<C extends TSchema, F extends TSchema>(condition: C, subField: F) {
  return Type.Object(
    {
      ...common(Type.Literal('group'), condition),
      fields: Type.Array(subField, { minItems: 1 }),
      minItems: Type.Optional(NonNegativeInt),
      maxItems: Type.Optional(PositiveInt),
      itemLabel: LocalizedSchema,
    },
    closed,
  );
}

function feeSchema<C extends TSchema>(condition: C) {
  return Type.Object({ unitYen: PositiveInt, quantityField: Type.Optional(QuantityRef), label: LocalizedSchema, exemptWhen: Type.Optional(condition) }, closed);
}

function pageSchema<F extends TSchema, C extends TSchema>(field: F, condition: C) {
  return Type.Object(
    {
      id: Type.String({ pattern: PAGE_ID }),
      title: LocalizedSchema,
      intro: Type.Optional(LocalizedSchema),
      when: Type.Optional(condition),
      fields: Type.Array(field, { minItems: 1 }),
    },
    closed,
  );
}

function definitionSchema<P extends TSchema, F extends TSchema>(page: P, fee: F) {
  return Type.Object(
    {
      id: Type.String({ pattern: PROCEDURE_ID, maxLength: 80 }),
      title: LocalizedSchema,
      summary: LocalizedSchema,
      category: Type.Union(CATEGORIES.map((c) => Type.Literal(c))),
      lifeEvents: Type.Array(Type.Union(LIFE_EVENTS.map((e) => Type.Literal(e)))),
      keywords: Type.Array(Type.String({ minLength: 1 })),
      department: Type.String({ pattern: '^[a-z][a-z0-9_-]*$' }),
      assurance: Type.Union([Type.Literal('password'), Type.Literal('card')]),
      processingDays: NonNegativeInt,
      fee: Type.Union([fee, Type.Null()]),
      payment: Type.Array(Type.Union([Type.Literal('online'), Type.Literal('counter')])),
      delivery: Type.Optional(Type.Array(Type.Union([Type.Literal('mail'), Type.Literal('counter'), Type.Literal('online')]))),
      pages: Type.Array(page, { minItems: 1 }),
    },
    closed,
  );
}

// ---- exact schemas (exported for API documentation and a final check) ----
export const SCALAR_FIELD_SCHEMAS = scalarFieldSchemas(ConditionSchema);
const ScalarFieldSchema = Type.Union(Object.values(SCALAR_FIELD_SCHEMAS));
export const GroupFieldSchema = groupFieldSchema(ConditionSchema, ScalarFieldSchema);
export const FieldSchema = Type.Union([...Object.values(SCALAR_FIELD_SCHEMAS), GroupFieldSchema]);
export const FeeSchema = feeSchema(ConditionSchema);
export const PageSchema = pageSchema(FieldSchema, ConditionSchema);
export const ProcedureDefinitionSchema = definitionSchema(PageSchema, FeeSchema);

// ---- loose schemas: conditions, fields and sub-fields left to parse-definition.ts ----
const Open = Type.Unknown();
export const LOOSE_FIELD_SCHEMAS: Record<string, TSchema> = { ...scalarFieldSchemas(Open), group: groupFieldSchema(Open, Open) };
export const LOOSE_DEFINITION_SCHEMA = definitionSchema(pageSchema(Open, Open), feeSchema(Open));
export const FIELD_TYPES = Object.keys(LOOSE_FIELD_SCHEMAS);

// The hand-written types in types.ts and these schemas must describe the same
// thing; these lines stop the typecheck when they drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: [
  Same<Static<typeof ConditionSchema>, Condition>,
  Same<Static<typeof ScalarFieldSchema>, ScalarField>,
  Same<Static<typeof FieldSchema>, Field>,
  Same<Static<typeof ProcedureDefinitionSchema>, ProcedureDefinition>,
] = [true, true, true, true];
void schemaMatchesTypes;
