/**
 * What the register knows about a resident, in the shape the forms engine prefills
 * answers from (PrefillFacts): for online procedures (A2) and the no-writing counter
 * (A9). The register holds no phone or e-mail, so those stay empty here. Reading
 * these facts is the resident's own data for their own application; callers that
 * show them to staff audit that view.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { fullAddress } from './search-keys.ts';
import { registryDb } from './tables.ts';

export interface ResidentFacts {
  resident: {
    name: string;
    nameKana: string;
    birthDate: string;
    gender: 'male' | 'female';
    postalCode: string;
    address: string;
    phone?: string;
    email?: string;
  };
  household: {
    head: string;
    members: { name: string; nameKana: string; birthDate: string; relationship: string }[];
  };
}

const postal = (digits: string) => (/^\d{7}$/.test(digits) ? `${digits.slice(0, 3)}-${digits.slice(3)}` : digits);

/** The facts of a current resident, or null when the id is unknown or no longer current. */
export async function residentFactsFor(db: Kysely<PlatformTables>, residentId: string): Promise<ResidentFacts | null> {
  const rdb = registryDb(db);
  const r = await rdb
    .selectFrom('registry_residents as r')
    .innerJoin('registry_households as h', 'h.id', 'r.household_id')
    .innerJoin('registry_towns as t', 't.code', 'h.town_code')
    .select(['r.family_name', 'r.given_name', 'r.family_name_kana', 'r.given_name_kana', 'r.birth_date', 'r.sex', 'r.household_id', 'h.address_line', 'h.head_resident_id', 't.name as town_name', 't.postal_code'])
    .where('r.id', '=', residentId)
    .where('r.status', '=', 'current')
    .executeTakeFirst();
  if (!r) return null;
  const members = await rdb
    .selectFrom('registry_residents')
    .select(['id', 'family_name', 'given_name', 'family_name_kana', 'given_name_kana', 'birth_date', 'relationship'])
    .where('household_id', '=', r.household_id)
    .where('status', '=', 'current')
    .orderBy(sql`relationship = '世帯主'`, 'desc')
    .orderBy('birth_date')
    .execute();
  const head = members.find((m) => m.id === r.head_resident_id) ?? members.find((m) => m.relationship === '世帯主');
  return {
    resident: {
      name: `${r.family_name} ${r.given_name}`,
      nameKana: `${r.family_name_kana} ${r.given_name_kana}`,
      birthDate: r.birth_date,
      gender: r.sex,
      postalCode: postal(r.postal_code),
      address: fullAddress({ name: r.town_name }, r.address_line),
    },
    household: {
      head: head ? `${head.family_name} ${head.given_name}` : '',
      members: members.map((m) => ({ name: `${m.family_name} ${m.given_name}`, nameKana: `${m.family_name_kana} ${m.given_name_kana}`, birthDate: m.birth_date, relationship: m.relationship })),
    },
  };
}
