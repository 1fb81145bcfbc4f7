/** The normalised keys stored beside each resident so searches tolerate kana, width and 旧字 differences. */
import { addressSearchKey } from '../../platform/text/address.ts';
import { kanaSearchKey, nameSearchKey } from '../../platform/text/search-key.ts';

export function residentKeys(r: { familyName: string; givenName: string; familyNameKana: string; givenNameKana: string }, address: string) {
  return {
    name_key: nameSearchKey(`${r.familyName}${r.givenName}`),
    kana_key: kanaSearchKey(`${r.familyNameKana}${r.givenNameKana}`),
    address_key: addressSearchKey(address),
  };
}

export function fullAddress(town: { name: string }, addressLine: string): string {
  return `岩手県奥州市${town.name}${addressLine}`;
}
