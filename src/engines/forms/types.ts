// The shapes of a procedure definition (README "Definition format") and of the
// answers a resident gives. Written by hand so that they read as documentation;
// definition-schema.ts checks at compile time that its TypeBox schema describes
// exactly these types.

export type Localized = { ja: string; en: string };
export type Lang = 'ja' | 'en';

export const CATEGORIES = [
  'certificates', 'moving', 'childcare', 'welfare', 'health', 'pets', 'waste', 'roads',
  'water', 'tax', 'housing', 'business', 'subsidy', 'education', 'community',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const LIFE_EVENTS = ['moving', 'birth', 'childcare', 'marriage', 'death', 'elderly', 'business', 'disaster'] as const;
export type LifeEvent = (typeof LIFE_EVENTS)[number];

export const PREFILL_KEYS = [
  'resident.name', 'resident.nameKana', 'resident.birthDate', 'resident.gender', 'resident.postalCode',
  'resident.address', 'resident.phone', 'resident.email', 'household.head', 'household.members',
] as const;
export type PrefillKey = (typeof PREFILL_KEYS)[number];

/** A value a condition compares with: what select/radios/text (string), number and consent (boolean) store. */
export type ConditionValue = string | number | boolean;

export type Condition =
  | { field: string; equals: ConditionValue }
  | { field: string; in: ConditionValue[] }
  | { field: string; notEmpty: true }
  | { field: string; includes: string }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export interface Option {
  value: string;
  label: Localized;
}

/** Keys every field has. */
export interface FieldBase {
  id: string;
  label: Localized;
  hint?: Localized;
  required?: boolean;
  when?: Condition;
  prefill?: PrefillKey;
}

export interface TextField extends FieldBase {
  type: 'text' | 'textarea';
  maxLength?: number;
  pattern?: { regex: string; message: Localized };
}
export interface KanaField extends FieldBase {
  type: 'kana';
  maxLength?: number;
}
export interface NumberField extends FieldBase {
  type: 'number';
  min?: number;
  max?: number;
  /** Default true: only whole numbers. */
  integer?: boolean;
  unit?: Localized;
}
/** ISO date 'YYYY-MM-DD' or relative: 'today', 'today-30d', 'today+10d', 'today-3m', 'today-18y'. */
export type DateBound = string;
export interface DateField extends FieldBase {
  type: 'date';
  min?: DateBound;
  max?: DateBound;
  /** On or after an earlier date field (plus `days`): an end date not before its start. */
  notBefore?: DateOrder;
  /** On or before an earlier date field (plus `days`): 転入届 within 14 days of arriving. */
  notAfter?: DateOrder;
}
/** Another date field's answer, moved by `days` (default 0; negative for before). */
export interface DateOrder {
  field: string;
  days?: number;
}
export interface PostalField extends FieldBase {
  type: 'postal';
  /** Optional (engine extension): the code must be one of Oshu City's (bundled table). */
  oshuOnly?: boolean;
}
export interface AddressField extends FieldBase {
  type: 'address';
  maxLength?: number;
  pattern?: { regex: string; message: Localized };
}
export interface PhoneField extends FieldBase {
  type: 'phone';
}
export interface EmailField extends FieldBase {
  type: 'email';
}
export interface ChoiceField extends FieldBase {
  type: 'select' | 'radios';
  options: Option[];
}
export interface CheckboxesField extends FieldBase {
  type: 'checkboxes';
  options: Option[];
  minChecked?: number;
  maxChecked?: number;
}
export interface ConsentField extends FieldBase {
  type: 'consent';
}
export interface FileField extends FieldBase {
  type: 'file';
  /** MIME types, e.g. ['image/jpeg', 'image/png', 'application/pdf']. */
  accept: string[];
  maxBytes: number;
}
export interface LocationField extends FieldBase {
  type: 'location';
}

/** Every field that can stand inside a group (all but group). */
export type ScalarField =
  | TextField
  | KanaField
  | NumberField
  | DateField
  | PostalField
  | AddressField
  | PhoneField
  | EmailField
  | ChoiceField
  | CheckboxesField
  | ConsentField
  | FileField
  | LocationField;

export interface GroupField extends FieldBase {
  type: 'group';
  fields: ScalarField[];
  minItems?: number;
  maxItems?: number;
  itemLabel: Localized;
}

export type Field = ScalarField | GroupField;
export type FieldType = Field['type'];

export interface Page {
  id: string;
  title: Localized;
  intro?: Localized;
  when?: Condition;
  fields: Field[];
}

export interface Fee {
  unitYen: number;
  /** A number field's id, or 'group.sub' to charge the sum of a number field over a group's items (engine extension). */
  quantityField?: string;
  label: Localized;
  exemptWhen?: Condition;
}

export interface ProcedureDefinition {
  id: string;
  title: Localized;
  summary: Localized;
  category: Category;
  lifeEvents: LifeEvent[];
  keywords: string[];
  department: string;
  assurance: 'password' | 'card';
  processingDays: number;
  fee: Fee | null;
  payment: ('online' | 'counter')[];
  delivery?: ('mail' | 'counter' | 'online')[];
  pages: Page[];
}

// ---- answers ----

export type FileAnswer = { fileId: string; name: string; type: string; size: number };
export type LocationAnswer = { lat: number; lng: number };
export type AnswerValue =
  | string
  | number
  | boolean
  | string[]
  | FileAnswer
  | LocationAnswer
  | Array<Record<string, AnswerValue>>;
export type Answers = Record<string, AnswerValue>;
/** One item of a group answer. */
export type GroupItem = Record<string, AnswerValue>;

export interface FieldError {
  /** The HTML id/name of the input: 'copies', 'members.1.birthDate', 'site.lat'. */
  fieldId: string;
  code: string;
  /** Names the field's label and the fix. */
  message: Localized;
}

/** HTML names: scalar 'id'; checkboxes 'id' (repeated → array); group 'id.0.sub'; location 'id.lat' / 'id.lng'. */
export type RawForm = Record<string, string | string[] | undefined>;

export type FileUploadError = { error: 'too-large' | 'wrong-type' | 'missing'; limitBytes?: number };

export interface ReadContext {
  /** Japan's date today, ISO. */
  today: string;
  /** Uploads of this submission by HTML name ('photo', 'members.0.certificate'): stored file or why it was refused. */
  files?: Record<string, FileAnswer | FileUploadError>;
  /**
   * Answers saved so far (engine extension). Pass them: a field whose `when`
   * refers to an earlier page is decided on these, and a file already uploaded
   * is kept when the form sends its fileId back and no new file came.
   */
  answers?: Answers;
}

export interface PrefillFacts {
  resident?: {
    name?: string;
    nameKana?: string;
    birthDate?: string;
    gender?: string;
    postalCode?: string;
    address?: string;
    phone?: string;
    email?: string;
  };
  household?: {
    head?: string;
    members?: { name: string; nameKana: string; birthDate: string; relationship: string }[];
  };
}
