/** SQL for the registry. Only this file and the seed/import write registry tables. */
import { sql } from 'kysely';
import { addressSearchKey } from '../../platform/text/address.ts';
import { kanaSearchKey, nameSearchKey } from '../../platform/text/search-key.ts';
import type { Area, RegistryDb } from './tables.ts';

export interface ResidentFilter {
  kana?: string;
  name?: string;
  birthDate?: string;
  address?: string;
  area?: Area;
  includeInactive?: boolean;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filtered(db: RegistryDb, filter: ResidentFilter) {
  let query = db
    .selectFrom('registry_residents as r')
    .innerJoin('registry_households as h', 'h.id', 'r.household_id')
    .innerJoin('registry_towns as t', 't.code', 'h.town_code');
  const kana = filter.kana ? kanaSearchKey(filter.kana) : '';
  const name = filter.name ? nameSearchKey(filter.name) : '';
  const address = filter.address ? addressSearchKey(filter.address) : '';
  if (kana) query = query.where('r.kana_key', 'like', `%${escapeLike(kana)}%`);
  if (name) query = query.where('r.name_key', 'like', `%${escapeLike(name)}%`);
  if (address) query = query.where('r.address_key', 'like', `%${escapeLike(address)}%`);
  if (filter.birthDate) query = query.where('r.birth_date', '=', filter.birthDate);
  if (filter.area) query = query.where('t.area', '=', filter.area);
  if (!filter.includeInactive) query = query.where('r.status', '=', 'current');
  return query;
}

const listColumns = [
  'r.id',
  'r.resident_code',
  'r.family_name',
  'r.given_name',
  'r.family_name_kana',
  'r.given_name_kana',
  'r.birth_date',
  'r.sex',
  'r.status',
  'r.relationship',
  'h.household_number',
  'h.address_line',
  't.name as town_name',
  't.area',
] as const;

export async function findResidents(db: RegistryDb, filter: ResidentFilter, page: number, pageSize: number) {
  const [rows, total] = await Promise.all([
    filtered(db, filter)
      .select(listColumns)
      .orderBy('r.kana_key')
      .orderBy('r.birth_date')
      .orderBy('r.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export type ResidentListRow = Awaited<ReturnType<typeof findResidents>>['rows'][number];

/** Streams every matching row for export in pages, so a large registry does not sit in memory twice. */
export async function* allResidents(db: RegistryDb, filter: ResidentFilter, batch = 1000) {
  for (let page = 1; ; page++) {
    const { rows } = await findResidents(db, filter, page, batch);
    if (rows.length === 0) return;
    yield* rows;
    if (rows.length < batch) return;
  }
}

export async function residentRecord(db: RegistryDb, id: string) {
  const resident = await db
    .selectFrom('registry_residents as r')
    .innerJoin('registry_households as h', 'h.id', 'r.household_id')
    .innerJoin('registry_towns as t', 't.code', 'h.town_code')
    .select([...listColumns, 'h.id as household_id', 't.code as town_code', 't.postal_code', 't.kana as town_kana'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!resident) return null;
  const [members, movements] = await Promise.all([
    db
      .selectFrom('registry_residents')
      .select(['id', 'family_name', 'given_name', 'family_name_kana', 'given_name_kana', 'birth_date', 'relationship', 'status'])
      .where('household_id', '=', resident.household_id)
      .orderBy(sql`relationship = '世帯主'`, 'desc')
      .orderBy('birth_date')
      .execute(),
    db.selectFrom('registry_movements').selectAll().where('resident_id', '=', id).orderBy('effective_date').orderBy('id').execute(),
  ]);
  return { resident, members, movements };
}

export type ResidentRecord = NonNullable<Awaited<ReturnType<typeof residentRecord>>>;

/** Residents whose basic facts (name, birth date, address) match an identity: the login matching rule. */
export async function residentsMatching(db: RegistryDb, facts: { nameKey: string; birthDate: string; addressKey: string | null }) {
  let query = db
    .selectFrom('registry_residents')
    .select('id')
    .where('status', '=', 'current')
    .where('name_key', '=', facts.nameKey)
    .where('birth_date', '=', facts.birthDate);
  if (facts.addressKey) query = query.where('address_key', '=', facts.addressKey);
  return query.limit(2).execute();
}
