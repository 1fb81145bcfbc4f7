/**
 * 利用者登録: a resident registers once how to reach them about bookings (name,
 * kana, phone, email). Booking pages send an unregistered resident here first.
 */
import type { ResidentActor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { invalidInput, type FieldError } from '../../platform/http/errors.ts';
import { isKana } from '../../platform/text/kana.ts';
import { normalizeJapanesePhone } from '../../platform/text/phone.ts';
import type { FacilitiesDb } from './tables.ts';

export interface UserInput {
  name: string;
  nameKana: string;
  phone: string;
  email: string;
  address: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateContact(input: UserInput): { name: string; nameKana: string; phone: string; email: string | null; address: string } {
  const errors: FieldError[] = [];
  const name = input.name.normalize('NFKC').trim();
  const nameKana = input.nameKana.normalize('NFKC').trim();
  const phone = normalizeJapanesePhone(input.phone);
  const email = input.email.normalize('NFKC').trim();
  if (!name) errors.push({ field: 'name', messageKey: 'facilities.user.name.required' });
  if (!nameKana) errors.push({ field: 'nameKana', messageKey: 'facilities.user.kana.required' });
  else if (!isKana(nameKana.replace(/[\s　]/g, ''))) errors.push({ field: 'nameKana', messageKey: 'facilities.user.kana.invalid' });
  if (!phone) errors.push({ field: 'phone', messageKey: 'facilities.user.phone.invalid' });
  if (email && !EMAIL.test(email)) errors.push({ field: 'email', messageKey: 'facilities.user.email.invalid' });
  if (errors.length) throw invalidInput(errors);
  return { name, nameKana, phone: phone!, email: email || null, address: input.address.normalize('NFKC').trim().slice(0, 200) };
}

export async function userOf(db: FacilitiesDb, resident: ResidentActor) {
  return (await db.selectFrom('facility_users').selectAll().where('resident_account_id', '=', resident.accountId).executeTakeFirst()) ?? null;
}

/** Registers or updates the resident's own contact details. */
export async function saveUser(db: FacilitiesDb, resident: ResidentActor, input: UserInput, now: Date): Promise<void> {
  const v = validateContact(input);
  await db.transaction().execute(async (trx) => {
    const existing = await userOf(trx, resident);
    const values = { name: v.name, name_kana: v.nameKana, phone: v.phone, email: v.email, address: v.address, updated_at: now };
    if (existing) await trx.updateTable('facility_users').set(values).where('resident_account_id', '=', resident.accountId).execute();
    else await trx.insertInto('facility_users').values({ ...values, resident_account_id: resident.accountId }).execute();
    await recordAudit(trx, { actor: auditActorOf(resident), action: existing ? 'facilities.user.updated' : 'facilities.user.registered', targetType: 'facility_user', targetId: resident.accountId });
  });
}
