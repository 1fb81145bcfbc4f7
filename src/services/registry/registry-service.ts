/** What staff and residents do with the registry: search, view (audited), and the login match. */
import type { Kysely } from 'kysely';
import type { Actor, StaffActor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { IdentityClaims } from '../../platform/catalogue/city-service.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { addressSearchKey } from '../../platform/text/address.ts';
import { nameSearchKey } from '../../platform/text/search-key.ts';
import { canSearchRegistry, canViewResident } from './policy.ts';
import { findResidents, residentRecord, residentsMatching, type ResidentFilter } from './registry-queries.ts';
import { registryDb } from './tables.ts';

export const PAGE_SIZE = 20;

export async function searchResidents(db: Kysely<PlatformTables>, actor: StaffActor, filter: ResidentFilter, page: number) {
  requireAccess(canSearchRegistry(actor), 'forbidden');
  const { rows, total } = await findResidents(registryDb(db), filter, page, PAGE_SIZE);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** Reading a record is itself recorded: who looked at whose data, when, and why. */
export async function viewResident(db: Kysely<PlatformTables>, actor: Actor, residentId: string, context: { reason?: string; requestId: string }) {
  requireAccess(canViewResident(actor, residentId));
  const record = await residentRecord(registryDb(db), residentId);
  requireAccess(record !== null);
  await recordAudit(db, {
    actor: auditActorOf(actor),
    action: 'registry.resident.viewed',
    targetType: 'resident',
    targetId: residentId,
    reason: context.reason ?? null,
    requestId: context.requestId,
  });
  return record!;
}

/** A login matches a resident when name, birth date and address agree with exactly one current record. */
export async function matchResident(db: Kysely<PlatformTables>, claims: IdentityClaims): Promise<string | null> {
  if (!claims.name || !claims.birthdate) return null;
  const matches = await residentsMatching(registryDb(db), {
    nameKey: nameSearchKey(claims.name),
    birthDate: claims.birthdate,
    addressKey: claims.address ? addressSearchKey(claims.address) : null,
  });
  return matches.length === 1 ? matches[0]!.id : null;
}
