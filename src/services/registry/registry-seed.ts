/** Loads the deterministic synthetic registry into an empty database (DEMO_DATA=true). */
import type { Kysely } from 'kysely';
import type { DemoIdentity } from '../../platform/catalogue/city-service.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { generateDemoRegistry, type DemoRegistry } from './demo-data.ts';
import { fullAddress, residentKeys } from './search-keys.ts';
import { registryDb } from './tables.ts';

const BATCH = 500;
export const DEMO_LOGIN_RESIDENTS = 12;

let cached: DemoRegistry | null = null;
function demoRegistry(): DemoRegistry {
  cached ??= generateDemoRegistry();
  return cached;
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

export async function seedRegistry(db: Kysely<PlatformTables>, registry: DemoRegistry = demoRegistry()): Promise<boolean> {
  const rdb = registryDb(db);
  const existing = await rdb.selectFrom('registry_residents').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const towns = new Map(registry.towns.map((t) => [t.code, t]));
  const households = new Map(registry.households.map((h) => [h.id, h]));
  await rdb.transaction().execute(async (trx) => {
    await insertInBatches(registry.towns, (batch) =>
      trx.insertInto('registry_towns').values(batch.map((t) => ({ code: t.code, area: t.area, name: t.name, kana: t.kana, postal_code: t.postalCode }))).execute(),
    );
    await insertInBatches(registry.households, (batch) =>
      trx
        .insertInto('registry_households')
        .values(batch.map((h) => ({ id: h.id, household_number: h.householdNumber, town_code: h.townCode, address_line: h.addressLine, head_resident_id: h.headResidentId })))
        .execute(),
    );
    await insertInBatches(registry.residents, (batch) =>
      trx
        .insertInto('registry_residents')
        .values(
          batch.map((r) => {
            const household = households.get(r.householdId)!;
            return {
              id: r.id,
              resident_code: r.residentCode,
              household_id: r.householdId,
              family_name: r.familyName,
              given_name: r.givenName,
              family_name_kana: r.familyNameKana,
              given_name_kana: r.givenNameKana,
              birth_date: r.birthDate,
              sex: r.sex,
              relationship: r.relationship,
              status: r.status,
              ...residentKeys(r, fullAddress(towns.get(household.townCode)!, household.addressLine)),
            };
          }),
        )
        .execute(),
    );
    await insertInBatches(registry.movements, (batch) =>
      trx
        .insertInto('registry_movements')
        .values(batch.map((m) => ({ resident_id: m.residentId, kind: m.kind, effective_date: m.effectiveDate, reported_date: m.reportedDate, from_address: m.fromAddress, to_address: m.toAddress })))
        .execute(),
    );
  });
  return true;
}

/**
 * The people the demo identity provider offers: the first registered adults
 * (whose facts match the registry, so login links to their record) and one
 * visitor from outside Oshu (who matches nobody).
 */
export function demoIdentities(registry: DemoRegistry = demoRegistry()): DemoIdentity[] {
  const towns = new Map(registry.towns.map((t) => [t.code, t]));
  const households = new Map(registry.households.map((h) => [h.id, h]));
  const residents = registry.residents.slice(0, DEMO_LOGIN_RESIDENTS).map((r, i) => {
    const household = households.get(r.householdId)!;
    return {
      sub: `demo-${String(i + 1).padStart(2, '0')}`,
      name: `${r.familyName} ${r.givenName}`,
      nameKana: `${r.familyNameKana} ${r.givenNameKana}`,
      birthdate: r.birthDate,
      gender: r.sex,
      address: fullAddress(towns.get(household.townCode)!, household.addressLine),
    };
  });
  return [
    ...residents,
    { sub: 'demo-visitor', name: '山田 花子', nameKana: 'ヤマダ ハナコ', birthdate: '1990-06-15', gender: 'female', address: '東京都千代田区霞が関二丁目1番2号' },
  ];
}
