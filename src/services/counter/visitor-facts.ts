/**
 * A visitor who is not on the register (someone moving in from another city for the
 * 転入届, or whose record is elsewhere): the clerk types their name, フリガナ, birth
 * date, postal code and address from the identity document, and the forms are
 * pre-filled from that as they would be from the register. Pure.
 */
import { formatPostal, postalDigits } from '../../engines/forms/postal.ts';
import type { PrefillFacts } from '../../engines/forms/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { isKana, toKatakana } from '../../platform/text/kana.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';

export interface VisitorFacts {
  name: string;
  nameKana: string;
  birthDate: string;
  postalCode: string;
  address: string;
}

export type VisitorForm = { [K in keyof VisitorFacts]: string };

export const EMPTY_VISITOR: VisitorForm = { name: '', nameKana: '', birthDate: '', postalCode: '', address: '' };

const squeeze = (s: string) => s.replace(/\s+/gu, ' ').trim();

/** The clerk's form (NFKC-normalised, trimmed) → the visitor, or errors naming each field and the fix. */
export function readVisitor(form: VisitorForm, today: string): { visitor: VisitorFacts | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = squeeze(form.name);
  if (!name) errors.push({ field: 'name', messageKey: 'counter.visitor.error.name' });
  else if (name.length > 40) errors.push({ field: 'name', messageKey: 'counter.visitor.error.nameLong' });
  const kana = squeeze(form.nameKana);
  if (!kana) errors.push({ field: 'nameKana', messageKey: 'counter.visitor.error.kanaRequired' });
  else if (!isKana(kana) || kana.length > 60) errors.push({ field: 'nameKana', messageKey: 'counter.visitor.error.kana' });
  let birthDate = '';
  if (!form.birthDate) errors.push({ field: 'birthDate', messageKey: 'counter.visitor.error.birthRequired' });
  else {
    const parsed = parseJapaneseDate(form.birthDate);
    if (!parsed.ok) errors.push({ field: 'birthDate', messageKey: parsed.reason === 'invalid-date' ? 'counter.search.error.birthInvalid' : 'counter.visitor.error.birth' });
    else if (parsed.iso > today) errors.push({ field: 'birthDate', messageKey: 'counter.visitor.error.birthFuture' });
    else birthDate = parsed.iso;
  }
  const digits = postalDigits(form.postalCode);
  if (!digits) errors.push({ field: 'postalCode', messageKey: 'counter.visitor.error.postal' });
  const address = squeeze(form.address);
  if (!address) errors.push({ field: 'address', messageKey: 'counter.visitor.error.address' });
  else if (address.length > 120) errors.push({ field: 'address', messageKey: 'counter.visitor.error.addressLong' });
  if (errors.length) return { visitor: null, errors };
  return { visitor: { name, nameKana: toKatakana(kana), birthDate, postalCode: formatPostal(digits!), address }, errors: [] };
}

/** The visitor in the engine's prefill shape (no household: they are on nobody's register here). */
export function visitorPrefill(visitor: VisitorFacts): PrefillFacts {
  return { resident: { name: visitor.name, nameKana: visitor.nameKana, birthDate: visitor.birthDate, postalCode: visitor.postalCode, address: visitor.address } };
}
