/**
 * 団体登録: a resident registers a group (name, kana, contact, purpose, whether it is
 * a 市内団体, its member list of at least MIN_GROUP_MEMBERS names) as its
 * representative; staff approve or reject it; only an approved group books as a
 * group. The representative keeps the member list; other members join with the
 * group's code so they may book for it too.
 */
import crypto from 'node:crypto';
import type { ResidentActor, StaffActor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { requireAccess, requireResident, requireStaff } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError, invalidInput, type FieldError } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { isKana } from '../../platform/text/kana.ts';
import { normalizeJapanesePhone } from '../../platform/text/phone.ts';
import { kanaSearchKey } from '../../platform/text/search-key.ts';
import type { FacilityContext } from './facility-context.ts';
import { canDecideGroups, isRepresentative, MIN_GROUP_MEMBERS } from './policy.ts';
import type { FacilitiesDb } from './tables.ts';

export interface GroupInput {
  name: string;
  nameKana: string;
  contactPhone: string;
  contactEmail: string;
  purpose: string;
  activity: string;
  inCity: boolean;
  /** One member's name per line (the representative included). */
  members: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_MEMBERS = 300;

export function memberNames(text: string): string[] {
  return [...new Set(text.normalize('NFKC').split(/\r?\n|[,、]/).map((n) => n.trim().replace(/\s+/g, ' ')).filter(Boolean))];
}

export function validateGroup(input: GroupInput): { name: string; nameKana: string; contactPhone: string; contactEmail: string | null; purpose: string; activity: string; members: string[] } {
  const errors: FieldError[] = [];
  const name = input.name.normalize('NFKC').trim();
  const nameKana = input.nameKana.normalize('NFKC').trim();
  const phone = normalizeJapanesePhone(input.contactPhone);
  const email = input.contactEmail.normalize('NFKC').trim();
  const purpose = input.purpose.normalize('NFKC').trim();
  const members = memberNames(input.members);
  if (!name) errors.push({ field: 'name', messageKey: 'facilities.group.name.required' });
  else if (name.length > 100) errors.push({ field: 'name', messageKey: 'facilities.group.name.tooLong' });
  if (!nameKana) errors.push({ field: 'nameKana', messageKey: 'facilities.group.kana.required' });
  else if (!isKana(nameKana.replace(/[\s　]/g, ''))) errors.push({ field: 'nameKana', messageKey: 'facilities.group.kana.invalid' });
  if (!phone) errors.push({ field: 'contactPhone', messageKey: 'facilities.group.phone.invalid' });
  if (email && !EMAIL.test(email)) errors.push({ field: 'contactEmail', messageKey: 'facilities.group.email.invalid' });
  if (!purpose) errors.push({ field: 'purpose', messageKey: 'facilities.group.purpose.required' });
  if (members.length < MIN_GROUP_MEMBERS) errors.push({ field: 'members', messageKey: 'facilities.group.members.tooFew', params: { min: MIN_GROUP_MEMBERS, count: members.length } });
  else if (members.length > MAX_MEMBERS || members.some((m) => m.length > 50)) errors.push({ field: 'members', messageKey: 'facilities.group.members.tooMany', params: { max: MAX_MEMBERS } });
  if (errors.length) throw invalidInput(errors);
  return { name, nameKana, contactPhone: phone!, contactEmail: email || null, purpose: purpose.slice(0, 200), activity: input.activity.normalize('NFKC').trim().slice(0, 500), members };
}

function joinCode(): string {
  const alphabet = 'ACDEFGHJKLMNPQRTUVWXY3479';
  return Array.from(crypto.randomBytes(8), (b) => alphabet[b % alphabet.length]).join('');
}

/** Registers a group with the resident as representative; it waits for staff (status pending). */
export async function registerGroup(ctx: FacilityContext, actor: ResidentActor, input: GroupInput): Promise<string> {
  const resident = requireResident(actor);
  const v = validateGroup(input);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('facility_groups')
      .values({ name: v.name, name_kana: v.nameKana, kana_key: kanaSearchKey(v.nameKana), representative_account_id: resident.accountId, representative_name: resident.displayName, contact_phone: v.contactPhone, contact_email: v.contactEmail, purpose: v.purpose, activity: v.activity, in_city: input.inCity, decision_reason: null, decided_by_staff_id: null, decided_at: null, join_code: joinCode(), created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('facility_group_members').values(v.members.map((name, i) => ({ group_id: id, name, account_id: i === 0 ? resident.accountId : null }))).execute();
    await recordAudit(trx, { actor: auditActorOf(resident), action: 'facilities.group.registered', targetType: 'facility_group', targetId: id, details: { members: v.members.length, inCity: input.inCity } });
    return id;
  });
}

async function groupRow(db: FacilitiesDb, id: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('facility_groups').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A group as its representative or a member sees it (404 for anyone else). */
export async function groupForMember(ctx: FacilityContext, actor: ResidentActor, id: string) {
  const resident = requireResident(actor);
  const group = await groupRow(ctx.db, id);
  const member = group ? await ctx.db.selectFrom('facility_group_members').select('id').where('group_id', '=', group.id).where('account_id', '=', resident.accountId).executeTakeFirst() : undefined;
  requireAccess(group !== undefined && (isRepresentative(resident, group) || member !== undefined));
  const members = await ctx.db.selectFrom('facility_group_members').select(['id', 'name', 'account_id']).where('group_id', '=', group!.id).orderBy('id').execute();
  return { group: group!, members, representative: isRepresentative(resident, group!) };
}

/** Groups the resident represents or has joined. */
export async function groupsOfResident(ctx: FacilityContext, actor: ResidentActor) {
  const resident = requireResident(actor);
  return ctx.db
    .selectFrom('facility_groups as g')
    .select(['g.id', 'g.name', 'g.status', 'g.in_city', 'g.representative_account_id', 'g.decision_reason', 'g.created_at'])
    .select((eb) => eb.selectFrom('facility_group_members as m').select((x) => x.fn.countAll<number>().as('n')).whereRef('m.group_id', '=', 'g.id').as('member_count'))
    .where((eb) => eb.or([eb('g.representative_account_id', '=', resident.accountId), eb.exists(eb.selectFrom('facility_group_members as m').select('m.id').whereRef('m.group_id', '=', 'g.id').where('m.account_id', '=', resident.accountId))]))
    .orderBy('g.created_at', 'desc')
    .execute();
}

/** The representative replaces the member list (members who joined with their account stay linked by name). */
export async function updateMembers(ctx: FacilityContext, actor: ResidentActor, id: string, membersText: string): Promise<void> {
  const resident = requireResident(actor);
  const group = await groupRow(ctx.db, id);
  requireAccess(group !== undefined && isRepresentative(resident, group));
  const names = memberNames(membersText);
  if (names.length < MIN_GROUP_MEMBERS) throw invalidInput([{ field: 'members', messageKey: 'facilities.group.members.tooFew', params: { min: MIN_GROUP_MEMBERS, count: names.length } }]);
  if (names.length > MAX_MEMBERS || names.some((m) => m.length > 50)) throw invalidInput([{ field: 'members', messageKey: 'facilities.group.members.tooMany', params: { max: MAX_MEMBERS } }]);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('facility_group_members').select(['id', 'name', 'account_id']).where('group_id', '=', id).execute();
    const linked = new Map(before.filter((m) => m.account_id).map((m) => [m.name, m.account_id]));
    // The representative always stays a linked member.
    if (![...linked.values()].includes(resident.accountId)) linked.set(names[0]!, resident.accountId);
    await trx.deleteFrom('facility_group_members').where('group_id', '=', id).execute();
    const seenAccounts = new Set<string>();
    await trx
      .insertInto('facility_group_members')
      .values(
        names.map((name) => {
          const account = linked.get(name) ?? null;
          const keep = account && !seenAccounts.has(account) ? account : null;
          if (keep) seenAccounts.add(keep);
          return { group_id: id, name, account_id: keep };
        }),
      )
      .execute();
    if (!seenAccounts.has(resident.accountId)) await trx.updateTable('facility_group_members').set({ account_id: resident.accountId }).where('group_id', '=', id).where('name', '=', names[0]!).execute();
    await trx.updateTable('facility_groups').set({ updated_at: ctx.now() }).where('id', '=', id).execute();
    await recordAudit(trx, { actor: auditActorOf(resident), action: 'facilities.group.members-updated', targetType: 'facility_group', targetId: id, details: { before: before.length, after: names.length } });
  });
}

/** A resident joins a group with its code (shown to the representative), under the name on the list or a new one. */
export async function joinGroup(ctx: FacilityContext, actor: ResidentActor, code: string, name: string): Promise<string> {
  const resident = requireResident(actor);
  const clean = code.normalize('NFKC').trim().toUpperCase();
  const memberName = name.normalize('NFKC').trim().replace(/\s+/g, ' ');
  const errors: FieldError[] = [];
  if (!memberName || memberName.length > 50) errors.push({ field: 'memberName', messageKey: 'facilities.group.join.nameRequired' });
  const group = /^[A-Z0-9]{8}$/.test(clean) ? await ctx.db.selectFrom('facility_groups').select(['id', 'status']).where('join_code', '=', clean).executeTakeFirst() : undefined;
  if (!group || group.status === 'rejected') errors.push({ field: 'code', messageKey: 'facilities.group.join.unknown' });
  if (errors.length) throw invalidInput(errors);
  await ctx.db.transaction().execute(async (trx) => {
    const already = await trx.selectFrom('facility_group_members').select('id').where('group_id', '=', group!.id).where('account_id', '=', resident.accountId).executeTakeFirst();
    if (already) return;
    const listed = await trx.selectFrom('facility_group_members').select('id').where('group_id', '=', group!.id).where('name', '=', memberName).where('account_id', 'is', null).executeTakeFirst();
    if (listed) await trx.updateTable('facility_group_members').set({ account_id: resident.accountId }).where('id', '=', listed.id).execute();
    else await trx.insertInto('facility_group_members').values({ group_id: group!.id, name: memberName, account_id: resident.accountId }).execute();
    await recordAudit(trx, { actor: auditActorOf(resident), action: 'facilities.group.joined', targetType: 'facility_group', targetId: group!.id });
  });
  return group!.id;
}

async function decide(ctx: FacilityContext, actor: StaffActor, id: string, to: 'approved' | 'rejected', reason: string | null): Promise<void> {
  const staff = requireStaff(actor);
  requireAccess(canDecideGroups(staff), 'forbidden');
  const group = await groupRow(ctx.db, id);
  requireAccess(group !== undefined);
  const note = (reason ?? '').normalize('NFKC').trim();
  if (to === 'rejected' && !note) throw invalidInput([{ field: 'reason', messageKey: 'facilities.error.reasonRequired' }]);
  if (note.length > 500) throw invalidInput([{ field: 'reason', messageKey: 'facilities.error.reasonTooLong' }]);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const g = await trx.selectFrom('facility_groups').select(['status', 'representative_account_id', 'name', 'contact_email', 'contact_phone']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (g.status !== 'pending') throw new DomainError('group_state', 409, 'facilities.group.error.state');
    await trx.updateTable('facility_groups').set({ status: to, decision_reason: note || null, decided_by_staff_id: staff.id, decided_at: now, updated_at: now }).where('id', '=', id).execute();
    await recordAudit(trx, { actor: auditActorOf(staff), action: `facilities.group.${to}`, targetType: 'facility_group', targetId: id, reason: note || null });
  });
  const g = group!;
  const body = [`【奥州市 施設予約】${g.name} 様`, to === 'approved' ? '団体登録が承認されました。団体として施設を予約できます。' : '団体登録をお受けできませんでした。', note ? `理由：${note}` : '', `${ctx.publicUrl}/facilities/groups/${id}`].filter(Boolean).join('\n');
  if (g.contact_email) await ctx.notifier.send({ channel: 'email', to: g.contact_email, subject: `【奥州市 施設予約】団体登録の${to === 'approved' ? '承認' : '結果'}`, body, idempotencyKey: `facilities:group:${id}:${to}:email`, source: 'facilities', reference: id });
}

export const approveGroup = (ctx: FacilityContext, actor: StaffActor, id: string, reason: string | null = null) => decide(ctx, actor, id, 'approved', reason);
export const rejectGroup = (ctx: FacilityContext, actor: StaffActor, id: string, reason: string) => decide(ctx, actor, id, 'rejected', reason);
