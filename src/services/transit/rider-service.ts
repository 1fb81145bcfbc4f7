/**
 * Rider registration: a resident registers once (contact, mobility needs) before
 * booking online; an operator registers a caller on the phone. Operators find riders
 * by kana (any script) or phone number.
 */
import type { Actor, ResidentActor, StaffActor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { invalidInput, type FieldError } from '../../platform/http/errors.ts';
import { isKana } from '../../platform/text/kana.ts';
import { normalizeJapanesePhone } from '../../platform/text/phone.ts';
import { kanaSearchKey } from '../../platform/text/search-key.ts';
import { canActForRider, canOperate } from './policy.ts';
import type { TransitDb } from './tables.ts';
import { asPlatformDb } from './transit-context.ts';

export interface RiderInput {
  name: string;
  nameKana: string;
  phone: string;
  email: string;
  wheelchair: boolean;
  needsAssistance: boolean;
  notes: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks and normalises what was typed; field errors name what to fix. */
export function validateRider(input: RiderInput): { name: string; nameKana: string; phone: string; email: string | null } {
  const errors: FieldError[] = [];
  const name = input.name.normalize('NFKC').trim();
  const nameKana = input.nameKana.normalize('NFKC').trim();
  const phone = normalizeJapanesePhone(input.phone);
  const email = input.email.normalize('NFKC').trim();
  if (!name) errors.push({ field: 'name', messageKey: 'transit.rider.name.required' });
  if (!nameKana) errors.push({ field: 'nameKana', messageKey: 'transit.rider.kana.required' });
  else if (!isKana(nameKana.replace(/[\s　]/g, ''))) errors.push({ field: 'nameKana', messageKey: 'transit.rider.kana.invalid' });
  if (!phone) errors.push({ field: 'phone', messageKey: 'transit.rider.phone.invalid' });
  if (email && !EMAIL.test(email)) errors.push({ field: 'email', messageKey: 'transit.rider.email.invalid' });
  if (errors.length) throw invalidInput(errors);
  return { name, nameKana, phone: phone!, email: email || null };
}

export async function riderOfResident(db: TransitDb, resident: ResidentActor) {
  return (await db.selectFrom('transit_riders').selectAll().where('resident_account_id', '=', resident.accountId).executeTakeFirst()) ?? null;
}

export async function getRider(db: TransitDb, actor: Actor, riderId: string) {
  const rider = await db.selectFrom('transit_riders').selectAll().where('id', '=', riderId).executeTakeFirst();
  requireAccess(rider !== undefined && canActForRider(actor, rider));
  return rider!;
}

/** Registers (or updates) the resident's own rider profile. */
export async function saveOwnRider(db: TransitDb, resident: ResidentActor, input: RiderInput): Promise<string> {
  const v = validateRider(input);
  const values = { name: v.name, name_kana: v.nameKana, kana_key: kanaSearchKey(v.nameKana), phone: v.phone, email: v.email, wheelchair: input.wheelchair, needs_assistance: input.needsAssistance, notes: input.notes.trim().slice(0, 500) };
  return db.transaction().execute(async (trx) => {
    const existing = await riderOfResident(trx, resident);
    let id: string;
    if (existing) {
      await trx.updateTable('transit_riders').set({ ...values, updated_at: new Date() }).where('id', '=', existing.id).execute();
      id = existing.id;
    } else {
      id = (await trx.insertInto('transit_riders').values({ ...values, resident_account_id: resident.accountId, created_by_staff_id: null }).returning('id').executeTakeFirstOrThrow()).id;
    }
    await recordAudit(asPlatformDb(trx), { actor: auditActorOf(resident), action: existing ? 'transit.rider.updated' : 'transit.rider.registered', targetType: 'transit_rider', targetId: id });
    return id;
  });
}

/** An operator registers a caller who has no online account. */
export async function registerCaller(db: TransitDb, staff: StaffActor, input: RiderInput): Promise<string> {
  requireAccess(canOperate(staff), 'forbidden');
  const v = validateRider(input);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('transit_riders')
      .values({ name: v.name, name_kana: v.nameKana, kana_key: kanaSearchKey(v.nameKana), phone: v.phone, email: v.email, wheelchair: input.wheelchair, needs_assistance: input.needsAssistance, notes: input.notes.trim().slice(0, 500), resident_account_id: null, created_by_staff_id: staff.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(asPlatformDb(trx), { actor: auditActorOf(staff), action: 'transit.rider.registered', targetType: 'transit_rider', targetId: id, details: { by: 'operator' } });
    return id;
  });
}

/** Riders whose kana starts with the query, or whose phone number contains its digits. */
export async function findRiders(db: TransitDb, staff: StaffActor, query: string) {
  requireAccess(canOperate(staff), 'forbidden');
  const q = query.normalize('NFKC').trim();
  if (!q) return [];
  const digits = q.replace(/[\s\-()]/g, '');
  let select = db.selectFrom('transit_riders').selectAll().orderBy('kana_key').limit(50);
  select = /^\d{3,}$/.test(digits) ? select.where('phone', 'like', `%${digits}%`) : select.where('kana_key', 'like', `${kanaSearchKey(q)}%`);
  return select.execute();
}
