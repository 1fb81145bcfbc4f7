/**
 * The simulator's card form rules, as a card gateway applies them: the number
 * must pass the Luhn check (a typo is caught before anything is sent), the
 * expiry must be a real month not in the past, the security code 3 or 4 digits.
 * Test numbers (documented on the checkout page) decide the outcome:
 * 4242 4242 4242 4242 is approved, 4000 0000 0000 0002 is declined; any other
 * number that passes the checks is approved. Only the brand and the last four
 * digits are ever kept.
 */
import type { FieldError } from '../http/errors.ts';

export const APPROVED_TEST_CARD = '4242424242424242';
export const DECLINED_TEST_CARD = '4000000000000002';

export interface CardInput {
  cardNumber: string;
  expiry: string;
  cvc: string;
  cardName: string;
}

export type CardCheck = { ok: true; brand: string; last4: string; approved: boolean } | { ok: false; errors: FieldError[] };

/** Digits only: spaces and hyphens people type between groups are dropped; full-width digits were folded by NFKC. */
export function cardDigits(input: string): string {
  return input.normalize('NFKC').replace(/[\s-]/g, '');
}

export function passesLuhn(digits: string): boolean {
  if (!/^[0-9]{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function cardBrand(digits: string): string {
  if (/^4/.test(digits)) return 'Visa';
  if (/^(5[1-5]|2(2[2-9][1-9]|[3-6][0-9]{2}|7[01][0-9]|720))/.test(digits)) return 'Mastercard';
  if (/^35(2[89]|[3-8][0-9])/.test(digits)) return 'JCB';
  if (/^3[47]/.test(digits)) return 'American Express';
  if (/^3(0[0-5]|[689])/.test(digits)) return 'Diners Club';
  return 'その他';
}

/** 'MM/YY' (or MMYY, MM/YYYY) → the last moment of that month in Japan, or null. */
export function parseExpiry(input: string): { month: number; year: number } | null {
  const m = /^([0-9]{1,2})\s*\/?\s*([0-9]{2}|[0-9]{4})$/.exec(input.normalize('NFKC').trim());
  if (!m) return null;
  const month = Number(m[1]);
  const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { month, year };
}

/** Checks the form as the gateway would, naming every field that is wrong. */
export function checkCard(input: CardInput, now: Date): CardCheck {
  const errors: FieldError[] = [];
  const digits = cardDigits(input.cardNumber);
  if (digits.length === 0) errors.push({ field: 'cardNumber', messageKey: 'payments.card.number.required' });
  else if (!/^[0-9]+$/.test(digits) || digits.length < 12 || digits.length > 19) errors.push({ field: 'cardNumber', messageKey: 'payments.card.number.format' });
  else if (!passesLuhn(digits)) errors.push({ field: 'cardNumber', messageKey: 'payments.card.number.luhn' });
  const expiry = parseExpiry(input.expiry);
  if (input.expiry.trim() === '') errors.push({ field: 'expiry', messageKey: 'payments.card.expiry.required' });
  else if (!expiry) errors.push({ field: 'expiry', messageKey: 'payments.card.expiry.format' });
  else {
    // Valid through the end of its month, Japan time.
    const jst = new Date(now.getTime() + 9 * 3600_000);
    const current = jst.getUTCFullYear() * 12 + jst.getUTCMonth();
    if (expiry.year * 12 + (expiry.month - 1) < current) errors.push({ field: 'expiry', messageKey: 'payments.card.expiry.past' });
  }
  const cvc = input.cvc.normalize('NFKC').trim();
  if (cvc === '') errors.push({ field: 'cvc', messageKey: 'payments.card.cvc.required' });
  else if (!/^[0-9]{3,4}$/.test(cvc)) errors.push({ field: 'cvc', messageKey: 'payments.card.cvc.format' });
  const name = input.cardName.normalize('NFKC').trim();
  if (name === '') errors.push({ field: 'cardName', messageKey: 'payments.card.name.required' });
  else if (!/^[A-Za-z][A-Za-z .'-]{0,44}$/.test(name)) errors.push({ field: 'cardName', messageKey: 'payments.card.name.format' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, brand: cardBrand(digits), last4: digits.slice(-4), approved: digits !== DECLINED_TEST_CARD };
}
