/**
 * Where a counter form stands, decided by the forms engine's own rules: complete
 * (may be submitted directly), complete but for attachments (may be printed and
 * signed: at the counter the clerk sees the documents themselves and attaches
 * copies to the paper), or incomplete. And the hash of a visit's content that the
 * resident's confirmation is tied to.
 */
import crypto from 'node:crypto';
import { canonicalJson, validateAnswers, type Answers, type Field, type FieldError, type ProcedureDefinition } from '../../engines/forms/index.ts';

export type FormStatus = 'submitted' | 'printed' | 'ready' | 'printable' | 'incomplete';

/** The field behind an engine error's id: 'proof', 'members.0.certificate', 'site.lat'. */
export function fieldOfError(def: ProcedureDefinition, fieldId: string): Field | null {
  const [top, second, third] = fieldId.split('.');
  const field = def.pages.flatMap((p) => p.fields).find((f) => f.id === top);
  if (!field) return null;
  if (field.type === 'group' && second !== undefined && third !== undefined) return field.fields.find((f) => f.id === third) ?? null;
  return field;
}

export function formErrors(def: ProcedureDefinition, answers: Answers, today: string): FieldError[] {
  return validateAnswers(def, answers, { today });
}

/** Errors that block printing: all but missing attachments. */
export function printBlockingErrors(def: ProcedureDefinition, errors: FieldError[]): FieldError[] {
  return errors.filter((e) => fieldOfError(def, e.fieldId)?.type !== 'file');
}

export function formStatus(def: ProcedureDefinition, form: { answers: Answers; finish: 'submit' | 'print' | null }, today: string): FormStatus {
  if (form.finish === 'submit') return 'submitted';
  if (form.finish === 'print') return 'printed';
  const errors = formErrors(def, form.answers, today);
  if (errors.length === 0) return 'ready';
  return printBlockingErrors(def, errors).length === 0 ? 'printable' : 'incomplete';
}

/** What the resident confirms: every form's procedure and answers, in the visit's order. */
export function contentHash(forms: { procedure_id: string; answers: Answers }[]): string {
  return crypto.createHash('sha256').update(canonicalJson(forms.map((f) => [f.procedure_id, f.answers]))).digest('hex');
}
