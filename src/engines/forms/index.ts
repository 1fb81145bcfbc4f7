// The form engine's public surface: procedures as data (see README.md).
export type {
  AddressField,
  AnswerValue,
  Answers,
  Category,
  CheckboxesField,
  ChoiceField,
  Condition,
  ConsentField,
  ConditionValue,
  DateBound,
  DateField,
  EmailField,
  Fee,
  Field,
  FieldError,
  FieldType,
  FileAnswer,
  FileField,
  FileUploadError,
  GroupField,
  GroupItem,
  KanaField,
  Lang,
  LifeEvent,
  Localized,
  LocationAnswer,
  LocationField,
  NumberField,
  Option,
  Page,
  PhoneField,
  PostalField,
  PrefillFacts,
  PrefillKey,
  ProcedureDefinition,
  RawForm,
  ReadContext,
  ScalarField,
  TextField,
} from './types.ts';
export { CATEGORIES, LIFE_EVENTS, PREFILL_KEYS } from './types.ts';
export { ProcedureDefinitionSchema } from './definition-schema.ts';
export { parseDefinition } from './parse-definition.ts';
export { canonicalJson, definitionHash } from './definition-hash.ts';
export { evaluate, isEmptyAnswer, pruneHidden, visibleFields, visiblePages } from './conditions.ts';
export { firstPageId, nextPageId, previousPageId } from './navigation.ts';
export { groupIndices, readPage } from './read-page.ts';
export { normaliseAnswers, validateAnswers } from './validate-answers.ts';
export { prefill } from './prefill.ts';
export { feeQuantity, feeYen } from './fee.ts';
export { displayValue, summarise, type SummaryRow, type SummarySection } from './summarise.ts';
export { toRawForm } from './raw-form.ts';
export { addGroupItem, removeGroupItem } from './groups.ts';
export { lookupPostal, type PostalAddress } from './postal.ts';
export { LOCATION_BOUNDS } from './location-bounds.ts';
export { formatBytes, formatDate, formatFileTypes } from './format.ts';
export { resolveDateBound } from './relative-dates.ts';
