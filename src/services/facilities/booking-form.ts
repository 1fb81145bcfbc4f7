/**
 * The booking form as typed: a TypeBox schema for every field (NFKC-normalised by
 * readForm), turned into a BookingInput or field errors. The date takes Western or
 * 和暦 forms (2026-04-01, 令和8年4月1日, R8.4.1); the headcount full-width digits.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FieldError } from '../../platform/http/errors.ts';
import { readForm } from '../../platform/http/form.ts';
import type { Translate } from '../../platform/i18n/i18n.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import type { BookingInput } from './booking-rules.ts';

export const BookingForm = Type.Object({
  room: Type.String({ maxLength: 64 }),
  date: Type.String({ maxLength: 30 }),
  blocks: Type.Array(Type.String({ maxLength: 16 }), { maxItems: 24 }),
  purpose: Type.String({ maxLength: 32 }),
  purposeDetail: Type.String({ maxLength: 200 }),
  headcount: Type.String({ maxLength: 6 }),
  bookFor: Type.String({ maxLength: 64 }),
  commercial: Type.Array(Type.Literal('yes'), { maxItems: 1 }),
  paymentChoice: Type.String({ maxLength: 10 }),
});

export type BookingFormValues = Static<typeof BookingForm>;

export const emptyBookingForm = (room: string, date: string, blocks: string[]): BookingFormValues => ({ room, date, blocks, purpose: '', purposeDetail: '', headcount: '', bookFor: 'self', commercial: [], paymentChoice: 'online' });

export function bookingLabels(t: Translate): Record<keyof BookingFormValues, string> {
  return {
    room: t('facilities.form.room'),
    date: t('facilities.form.date'),
    blocks: t('facilities.form.blocks'),
    purpose: t('facilities.form.purpose'),
    purposeDetail: t('facilities.form.purposeDetail'),
    headcount: t('facilities.form.headcount'),
    bookFor: t('facilities.form.bookFor'),
    commercial: t('facilities.form.commercial'),
    paymentChoice: t('facilities.form.paymentChoice'),
  };
}

export function inputFromValues(values: BookingFormValues): { input: BookingInput | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const date = parseJapaneseDate(values.date);
  if (!values.date) errors.push({ field: 'date', messageKey: 'facilities.error.dateMissing' });
  else if (!date.ok) errors.push({ field: 'date', messageKey: date.reason === 'invalid-date' ? 'validation.dateInvalid' : date.reason === 'era-range' ? 'validation.dateEra' : 'validation.date' });
  const headcount = /^\d{1,5}$/.test(values.headcount) ? Number(values.headcount) : NaN;
  if (!values.headcount) errors.push({ field: 'headcount', messageKey: 'facilities.error.headcountMissing' });
  else if (!Number.isInteger(headcount)) errors.push({ field: 'headcount', messageKey: 'facilities.error.headcountNumber' });
  if (values.paymentChoice !== 'online' && values.paymentChoice !== 'counter') errors.push({ field: 'paymentChoice', messageKey: 'facilities.error.paymentChoice' });
  if (errors.length) return { input: null, errors };
  return {
    input: {
      roomId: values.room,
      date: (date as { iso: string }).iso,
      blockCodes: values.blocks,
      purpose: values.purpose,
      purposeDetail: values.purposeDetail,
      headcount,
      groupId: values.bookFor && values.bookFor !== 'self' ? values.bookFor : null,
      commercial: values.commercial.includes('yes'),
      paymentChoice: values.paymentChoice as 'online' | 'counter',
    },
    errors: [],
  };
}

export function readBookingForm(body: unknown, t: Translate): { values: BookingFormValues; input: BookingInput | null; errors: FieldError[] } {
  const { values, errors } = readForm(BookingForm, body, bookingLabels(t));
  if (errors.length) return { values, input: null, errors };
  return { values, ...inputFromValues(values) };
}

/** The form's values as hidden fields (review → confirm, alternatives → review). */
export function hiddenFields(values: BookingFormValues): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(values)) {
    for (const v of Array.isArray(value) ? value : [value]) pairs.push([key, String(v)]);
  }
  return pairs;
}
