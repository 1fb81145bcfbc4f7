// Fields answered by typing or choosing one value: text, textarea, kana, number,
// date, postal, address, phone, email, select, radios. The same function reads a
// fresh form input and re-checks a stored answer, so what passed on a page
// passes on submit, and what a JSON client sends is held to the same rules.

import { isKana, toKatakana } from '../../platform/text/kana.ts';
import { normalizeOshuAddress } from '../../platform/text/address.ts';
import { normalizeJapanesePhone } from '../../platform/text/phone.ts';
import { daysInMonth, parseJapaneseDate } from '../../platform/text/wareki.ts';
import { messages } from './error-messages.ts';
import { formatPostal, isOshuPostalCode, postalDigits } from './postal.ts';
import { resolveDateBound } from './relative-dates.ts';
import type { AddressField, ChoiceField, DateField, KanaField, Localized, NumberField, ScalarField, TextField } from './types.ts';

export type TextLikeField = Exclude<ScalarField, { type: 'checkboxes' | 'consent' | 'file' | 'location' }>;

/** A value, nothing (left blank), or what is wrong (`part`: the input of a two-input field it is about, e.g. 'lat'). */
export type Read<T> = { value: T } | { empty: true } | { problem: { code: string; message: Localized; part?: string } };

const EMPTY = { empty: true } as const;
const problem = (code: string, message: Localized) => ({ problem: { code, message } });

// C0/C1 control characters other than tab and newline: never meant, sometimes pasted.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;

/** NFKC, no control characters, trimmed; one line unless multiline (runs of spaces become one). */
export function cleanText(input: string, multiline = false): string {
  const s = input.normalize('NFKC').replace(CONTROL, '');
  if (multiline) return s.replace(/\r\n?/gu, '\n').trim();
  return s.replace(/\s+/gu, ' ').trim();
}

const patternCache = new WeakMap<object, RegExp>();
function patternOf(field: { pattern?: { regex: string } }): RegExp | null {
  if (!field.pattern) return null;
  let re = patternCache.get(field.pattern);
  if (!re) {
    re = new RegExp(field.pattern.regex, 'u');
    patternCache.set(field.pattern, re);
  }
  return re;
}

/**
 * Limits when a definition sets none: no city form needs more, and a bound
 * keeps a definition's pattern from ever running over megabytes of input.
 */
export const DEFAULT_MAX_LENGTH = { line: 1000, textarea: 10000 } as const;

function lengthAndPattern(field: TextField | AddressField | KanaField, label: Localized, value: string): Read<string> {
  const length = [...value].length;
  const max = field.maxLength ?? (field.type === 'textarea' ? DEFAULT_MAX_LENGTH.textarea : DEFAULT_MAX_LENGTH.line);
  if (length > max) return problem('too-long', messages.tooLong(label, max, length));
  if ('pattern' in field && field.pattern && !patternOf(field)?.test(value)) return problem('pattern', messages.pattern(label, field.pattern.message));
  return { value };
}

/**
 * Kana: NFKC (half-width ｶﾅ → full-width), hiragana → katakana, and the space
 * between family and given name kept as one full-width space.
 */
export function normaliseKana(input: string): string {
  return toKatakana(input.normalize('NFKC')).replace(CONTROL, '').trim().replace(/\s+/gu, '\u3000');
}

const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * Numbers: full-width digits (NFKC), thousands commas ('1,000'), a minus sign in
 * any of its look-alikes, and the field's own unit after the number ('3枚',
 * '3 copies') are accepted; any other text is refused rather than guessed at.
 */
export function parseNumberText(input: string, unit: Localized | undefined): number | null {
  let s = input.normalize('NFKC').replace(/\s/gu, '').replace(/^[−‐‑–—ー]/u, '-');
  if (unit) {
    for (const u of [unit.ja, unit.en]) {
      const suffix = u.normalize('NFKC').replace(/\s/gu, '');
      if (suffix && s.toLowerCase().endsWith(suffix.toLowerCase()) && s.length > suffix.length) {
        s = s.slice(0, -suffix.length);
        break;
      }
    }
  }
  if (THOUSANDS.test(s)) s = s.replace(/,/gu, '');
  if (!PLAIN_NUMBER.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function readNumber(field: NumberField, label: Localized, input: string | number): Read<number> {
  let n: number | null;
  if (typeof input === 'number') n = Number.isFinite(input) ? input : null;
  else {
    if (cleanText(input) === '') return EMPTY;
    n = parseNumberText(input, field.unit);
  }
  if (n === null) return problem('number-format', messages.numberFormat(label, field.unit));
  if (field.integer !== false && !Number.isInteger(n)) return problem('number-integer', messages.numberInteger(label));
  if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max)) {
    return problem('number-range', messages.numberRange(label, field.min, field.max, field.unit));
  }
  return { value: n };
}

const ERA_NAME = /(令和|平成|昭和|大正|明治|[RHSTM])/u;
const ERA_BY_INITIAL: Record<string, string> = { R: '令和', H: '平成', S: '昭和', T: '大正', M: '明治' };

function readDate(field: DateField, label: Localized, input: string, today: string): Read<string> {
  const s = cleanText(input);
  if (s === '') return EMPTY;
  const parsed = parseJapaneseDate(s);
  if (!parsed.ok) {
    if (parsed.reason === 'invalid-date') {
      // Name the month's real length when the day is what is wrong (令和8年2月30日 → 2月は28日まで).
      const iso = parseJapaneseDate(s.replace(/(\d{1,2})(日?)$/u, '1$2'));
      const month = iso.ok ? Number(iso.iso.slice(5, 7)) : null;
      const last = iso.ok ? daysInMonth(Number(iso.iso.slice(0, 4)), Number(iso.iso.slice(5, 7))) : null;
      return problem('date-invalid', messages.dateInvalid(label, month, last));
    }
    if (parsed.reason === 'era-range') {
      const era = ERA_NAME.exec(s.toUpperCase())?.[1] ?? null;
      return problem('date-era', messages.dateEra(label, era ? (ERA_BY_INITIAL[era] ?? era) : null));
    }
    return problem('date-format', messages.dateFormat(label));
  }
  const min = field.min === undefined ? undefined : resolveDateBound(field.min, today);
  const max = field.max === undefined ? undefined : resolveDateBound(field.max, today);
  if ((min !== undefined && parsed.iso < min) || (max !== undefined && parsed.iso > max)) return problem('date-range', messages.dateRange(label, min, max));
  return { value: parsed.iso };
}

function readChoice(field: ChoiceField, label: Localized, input: string): Read<string> {
  const s = input.trim();
  if (s === '') return EMPTY;
  return field.options.some((o) => o.value === s) ? { value: s } : problem('option-invalid', messages.optionInvalid(label));
}

// Local part: the printable ASCII RFC 5322 allows unquoted. Dots are allowed anywhere on
// purpose: older docomo and au addresses such as 'taro..abc.@docomo.ne.jp' break
// RFC 5322 but are real and still in use. The domain must have a dot.
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/u;

const OSHU_ADDRESS = /^(岩手県\s*)?奥州市|^(水沢|江刺|前沢|胆沢|衣川)区/u;

/** Reads one text-like answer: a form input (string) or a stored answer (string, or number for number fields). */
export function readTextLike(field: TextLikeField, label: Localized, input: unknown, today: string): Read<string | number> {
  if (input === undefined || input === null) return EMPTY;
  if (field.type === 'number') {
    return typeof input === 'string' || typeof input === 'number' ? readNumber(field, label, input) : problem('invalid-value', messages.invalidValue(label));
  }
  if (typeof input !== 'string') return problem('invalid-value', messages.invalidValue(label));
  switch (field.type) {
    case 'text':
    case 'textarea': {
      const s = cleanText(input, field.type === 'textarea');
      return s === '' ? EMPTY : lengthAndPattern(field, label, s);
    }
    case 'address': {
      let s = cleanText(input);
      if (s === '') return EMPTY;
      // Oshu addresses get the canonical form (no 区, no 岩手県, 一丁目 → 1丁目) so they compare and search equal.
      if (OSHU_ADDRESS.test(s)) s = normalizeOshuAddress(s);
      return lengthAndPattern(field, label, s);
    }
    case 'kana': {
      const s = normaliseKana(input);
      if (s === '') return EMPTY;
      if (!isKana(s)) return problem('kana', messages.kana(label));
      return lengthAndPattern(field, label, s);
    }
    case 'date':
      return readDate(field, label, input, today);
    case 'postal': {
      if (cleanText(input) === '') return EMPTY;
      const digits = postalDigits(input);
      if (!digits) return problem('postal-format', messages.postalFormat(label));
      if (field.oshuOnly && !isOshuPostalCode(digits)) return problem('postal-not-oshu', messages.postalNotOshu(label));
      return { value: formatPostal(digits) };
    }
    case 'phone': {
      if (cleanText(input) === '') return EMPTY;
      const digits = normalizeJapanesePhone(input);
      return digits ? { value: digits } : problem('phone-format', messages.phoneFormat(label));
    }
    case 'email': {
      const s = cleanText(input).toLowerCase();
      if (s === '') return EMPTY;
      return s.length <= 254 && EMAIL.test(s) ? { value: s } : problem('email-format', messages.emailFormat(label));
    }
    case 'select':
    case 'radios':
      return readChoice(field, label, input);
  }
}

/** The "nothing given" message for a required field of this type. */
export function requiredMessage(field: ScalarField, label: Localized): Localized {
  switch (field.type) {
    case 'select':
    case 'radios':
      return messages.requiredChoice(label);
    case 'checkboxes':
      return messages.requiredCheckboxes(label);
    case 'consent':
      return messages.requiredConsent(label);
    case 'file':
      return messages.requiredFile(label);
    case 'location':
      return messages.requiredLocation(label);
    default:
      return messages.required(label);
  }
}
