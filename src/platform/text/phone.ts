/**
 * Japanese telephone numbers as people type them (full-width digits, hyphens, spaces,
 * brackets) → the digits-only national form, or null when it cannot be a number.
 * Landlines have 10 digits, mobiles (070/080/090) and IP phones (050) 11.
 */
export function normalizeJapanesePhone(input: string): string | null {
  const digits = input.normalize('NFKC').replace(/[\s\-‐－ー()（）]/g, '');
  if (/^\+81\d{9,10}$/.test(digits)) return `0${digits.slice(3)}`;
  if (/^0[5789]0\d{8}$/.test(digits)) return digits;
  if (/^0(?![5789]0)[1-9]\d{8}$/.test(digits)) return digits;
  return null;
}

/** 09012345678 → 090-1234-5678 (mobiles); landlines keep the digits grouped 4-2-4. */
export function formatJapanesePhone(digits: string): string {
  if (digits.length === 11) return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
  if (digits.length === 10) return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`;
  return digits;
}
