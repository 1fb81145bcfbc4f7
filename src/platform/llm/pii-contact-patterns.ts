/**
 * Patterns for personal data with a fixed shape: e-mail addresses, the
 * 12-digit individual number (マイナンバー), Japanese phone numbers and postal
 * codes. They run on NFKC text, so full-width digits are already ASCII; the
 * dash class still lists the look-alikes NFKC keeps (ー − ‐ …), which IMEs
 * produce between digits.
 */
import { digitsOf, matchesOf, type PiiMatch } from './pii-match.ts';

const DASH = '[-‐‑‒–—―−ー]';
/** Between digit groups: a dash, a space, or nothing. */
const SEP = `(?:${DASH}|[ ]|)`;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/gu;

export function findEmails(text: string): PiiMatch[] {
  return matchesOf(EMAIL, text, { key: (s) => s.toLowerCase() });
}

/**
 * Any 12 digits grouped 4-4-4 (or not grouped). The check digit is not
 * tested on purpose: a mistyped number is still someone's number. Not part
 * of a longer digit run, nor a '+81…' phone.
 */
const INDIVIDUAL_NUMBER = new RegExp(`(?<![\\d+]|\\d${DASH}|\\d )\\d{4}${SEP}\\d{4}${SEP}\\d{4}(?!\\d|${DASH}\\d| \\d)`, 'gu');

export function findIndividualNumbers(text: string): PiiMatch[] {
  return matchesOf(INDIVIDUAL_NUMBER, text, { key: digitsOf });
}

/**
 * Landlines have 10 digits: an area code of 2–5 digits (with the 0), an
 * exchange of 4–1 digits and 4 subscriber digits; the area code may stand
 * in brackets, '(0197)24-2111', and so may the exchange, '0197(24)2111'.
 * Mobile/IP/pager numbers are 0X0 + 8 digits; 0120/0800/0570 are the
 * free-dial and navi-dial forms. '+81' drops the leading 0 (sometimes
 * written '+81(0)…').
 */
function landline(areaRest: number): string {
  const exchange = 5 - areaRest;
  const area = `(?:\\(0\\d{${areaRest}}\\) ?|0\\d{${areaRest}}${SEP})`;
  return `${area}(?:\\(\\d{${exchange}}\\) ?|\\d{${exchange}}${SEP})\\d{4}`;
}
function intlLandline(areaRest: number): string {
  const exchange = 5 - areaRest;
  return `\\d{${areaRest}}${SEP}\\d{${exchange}}${SEP}\\d{4}`;
}
const NATIONAL = [
  `0[2-9]0${SEP}\\d{4}${SEP}\\d{4}`,
  `0120${SEP}\\d{3}${SEP}\\d{3}`,
  `0800${SEP}\\d{3}${SEP}\\d{4}`,
  `0570${SEP}\\d{3}${SEP}\\d{3}`,
  ...[1, 2, 3, 4].map(landline),
].join('|');
const INTERNATIONAL = `\\+81${SEP}(?:\\(0\\) ?)?(?:[2-9]0${SEP}\\d{4}${SEP}\\d{4}|${[1, 2, 3, 4].map(intlLandline).join('|')})`;
const PHONE = new RegExp(`(?<!\\d)(?:${INTERNATIONAL}|${NATIONAL})(?!\\d)`, 'gu');

export function findPhones(text: string): PiiMatch[] {
  // One number written two ways ('+81 90…' and '090…') is one person's phone.
  return matchesOf(PHONE, text, { key: (s) => digitsOf(s).replace(/^81/u, '0') });
}

/** '〒023-8501', '〒0238501', '023-8501'; without 〒 the dash is required, or every 7-digit number would match. */
const POSTAL_CODE = new RegExp(`〒 ?\\d{3}${DASH}?\\d{4}(?!\\d)|(?<!\\d|${DASH})\\d{3}${DASH}\\d{4}(?![\\d]|${DASH}\\d)`, 'gu');

export function findPostalCodes(text: string): PiiMatch[] {
  return matchesOf(POSTAL_CODE, text, { key: digitsOf });
}
