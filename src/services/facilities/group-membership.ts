/** Which registered groups a resident belongs to (as representative, or as a member who joined with their account). */
import type { ResidentActor } from '../../platform/access/actor.ts';
import type { FacilitiesDb } from './tables.ts';

export async function groupIdsOf(db: FacilitiesDb, resident: ResidentActor): Promise<Set<string>> {
  const rows = await db
    .selectFrom('facility_groups as g')
    .select('g.id')
    .where((eb) => eb.or([eb('g.representative_account_id', '=', resident.accountId), eb.exists(eb.selectFrom('facility_group_members as m').select('m.id').whereRef('m.group_id', '=', 'g.id').where('m.account_id', '=', resident.accountId))]))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Approved groups the resident may book for. */
export async function bookableGroupsOf(db: FacilitiesDb, resident: ResidentActor) {
  const ids = [...(await groupIdsOf(db, resident))];
  if (ids.length === 0) return [];
  return db.selectFrom('facility_groups').select(['id', 'name', 'in_city']).where('id', 'in', ids).where('status', '=', 'approved').orderBy('name').execute();
}
