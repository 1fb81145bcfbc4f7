// Postal codes: normalising what people type, and Oshu City's codes → address
// from the bundled table (postal-oshu.json, extracted from Japan Post's KEN_ALL;
// see README "Postal codes"). Nothing is fetched at run time.

import table from './postal-oshu.json' with { type: 'json' };

const CODES: Record<string, string[]> = table.codes;

/** '〒０２３ー８５０１', '023 8501', '0238501' → '0238501'; null unless exactly 7 digits. */
export function postalDigits(input: string): string | null {
  const s = input.normalize('NFKC').replace(/^〒/u, '').replace(/[\s\-‐‑‒–—―−ー－]/gu, '');
  return /^\d{7}$/.test(s) ? s : null;
}

/** '0238501' → '023-8501'. */
export function formatPostal(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3)}`;
}

export interface PostalAddress {
  postalCode: string;
  prefecture: string;
  city: string;
  /**
   * The town (町域) to put in the address field: the only one, or what all the
   * code's towns share (前沢 for 029-4204, which covers 前沢宿, 前沢田中 …);
   * '' for the city-wide code 023-0000.
   */
  town: string;
  /** Every town the code covers (engine extension), for a choice when there are several. */
  towns: string[];
}

/** Oshu City's address for a postal code in any width, with or without hyphen; null when it is not one of Oshu's. */
export function lookupPostal(code: string): PostalAddress | null {
  const digits = postalDigits(code);
  if (!digits) return null;
  const towns = CODES[digits];
  if (!towns) return null;
  return { postalCode: formatPostal(digits), prefecture: table.prefecture, city: table.city, town: commonPrefix(towns), towns: [...towns] };
}

export function isOshuPostalCode(code: string): boolean {
  return lookupPostal(code) !== null;
}

function commonPrefix(towns: string[]): string {
  if (towns.length === 0) return '';
  let prefix = [...(towns[0] ?? '')];
  for (const town of towns.slice(1)) {
    const chars = [...town];
    let i = 0;
    while (i < prefix.length && prefix[i] === chars[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix.join('');
}
