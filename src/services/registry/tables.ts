/** Kysely row types of the registry's tables (migrations/0100-registry.sql). */
import type { Generated, Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';

export type Area = '水沢' | '江刺' | '前沢' | '胆沢' | '衣川';
export type ResidentStatus = 'current' | 'moved_out' | 'deceased';
export type MovementKind = '出生' | '転入' | '転居' | '転出' | '死亡' | '世帯主変更';

export type RegistryTables = {
  registry_towns: { code: string; area: Area; name: string; kana: string; postal_code: string };
  registry_households: {
    id: string;
    household_number: string;
    town_code: string;
    address_line: string;
    head_resident_id: string | null;
    updated_at: Generated<Date>;
  };
  registry_residents: {
    id: string;
    resident_code: string;
    household_id: string;
    family_name: string;
    given_name: string;
    family_name_kana: string;
    given_name_kana: string;
    birth_date: string;
    sex: 'male' | 'female';
    relationship: string;
    status: ResidentStatus;
    name_key: string;
    kana_key: string;
    address_key: string;
    updated_at: Generated<Date>;
  };
  registry_movements: {
    id: Generated<number>;
    resident_id: string;
    kind: MovementKind;
    effective_date: string;
    reported_date: string;
    from_address: string | null;
    to_address: string | null;
    recorded_at: Generated<Date>;
  };
};

export type RegistryDb = Kysely<PlatformTables & RegistryTables>;

export function registryDb(db: Kysely<PlatformTables>): RegistryDb {
  return db.withTables<RegistryTables>();
}
