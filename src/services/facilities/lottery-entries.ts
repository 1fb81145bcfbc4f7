/**
 * Residents' entries: apply to an open round for themselves or for an approved group
 * they belong to, with up to the round's number of ordered preferences; see and
 * withdraw their own entries before the window closes. An entry's purpose and
 * headcount become the booking if it wins, so they are checked against every room
 * it names now rather than at the draw.
 */
import { sql } from 'kysely';
import type { Actor, ResidentActor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError, invalidInput, type FieldError } from '../../platform/http/errors.ts';
import type { LotteryContext } from './lottery-context.ts';
import { canChangeEntry, canSeeEntry, isPublic, roundPhase, type RoundPhase } from './lottery-policy.ts';
import { bookableGroupsOf } from './group-membership.ts';
import { publicSeed } from './lottery-seed.ts';
import { entryStanding } from './lottery-standing.ts';
import { blockNamesEn, blockNamesJa, type SlotFacts } from './lottery-slot-text.ts';
import { asFacilitiesDb, type LotteryDb } from './lottery-tables.ts';

export interface EntryInput {
  groupId: string | null;
  /** Slot ids, 1st choice first. */
  preferences: string[];
  purpose: string;
  purposeDetail: string;
  headcount: number;
  idempotencyKey: string;
}

export const userRegistrationRequired = () => new DomainError('facility_user_required', 409, 'facilities.lottery.error.registerFirst');
export const roundNotOpen = () => new DomainError('round_not_open', 409, 'facilities.lottery.error.notOpen');

/** A round residents may look at (published, drawn); 404 for drafts, cancelled and unknown ids. */
export async function publicRound(db: LotteryDb, roundId: string, now: Date) {
  const round = /^[0-9a-f-]{36}$/.test(roundId)
    ? await db
        .selectFrom('facility_lottery_rounds as r')
        .innerJoin('facilities as f', 'f.id', 'r.facility_id')
        .select(['r.id', 'r.facility_id', 'r.month', 'r.title', 'r.status', 'r.opens_at', 'r.closes_at', 'r.draw_at', 'r.pay_days', 'r.max_preferences', 'r.max_entries', 'r.max_wins_per_type_month', 'r.max_wins_per_month', 'r.drawn_at', 'r.seed', 'r.input_digest', 'r.result_digest', 'f.name as facility_name', 'f.department_code'])
        .where('r.id', '=', roundId)
        .executeTakeFirst()
    : undefined;
  const phase = round ? roundPhase(round, now) : 'draft';
  requireAccess(round !== undefined && isPublic(phase));
  // The seed stays secret until the draw; its commitment is public from publication.
  return { ...round!, ...publicSeed(round!), phase };
}

export async function applyForRound(ctx: LotteryContext, resident: ResidentActor, roundId: string, input: EntryInput): Promise<string> {
  const round = await publicRound(ctx.db, roundId, ctx.now());
  // A retried submission (double click, reload) finds the entry it already made.
  const same = await ctx.db.selectFrom('facility_lottery_entries').select('id').where('resident_account_id', '=', resident.accountId).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
  if (same) return same.id;
  if (round.phase !== 'open') throw roundNotOpen();
  const user = await ctx.db.selectFrom('facility_users').select('resident_account_id').where('resident_account_id', '=', resident.accountId).executeTakeFirst();
  if (!user) throw userRegistrationRequired();

  const errors: FieldError[] = [];
  if (input.groupId !== null && !(await bookableGroupsOf(asFacilitiesDb(ctx.db), resident)).some((g) => g.id === input.groupId)) errors.push({ field: 'groupId', messageKey: 'facilities.lottery.error.group' });
  const chosen = input.preferences;
  if (chosen.length === 0) errors.push({ field: 'preference1', messageKey: 'facilities.lottery.error.firstChoice' });
  if (chosen.length > round.max_preferences) errors.push({ field: `preference${round.max_preferences + 1}`, messageKey: 'facilities.lottery.error.tooMany', params: { max: round.max_preferences } });
  const slotIds = chosen.filter((id) => /^[0-9a-f-]{36}$/.test(id));
  const slots = slotIds.length
    ? await ctx.db
        .selectFrom('facility_lottery_slots as s')
        .innerJoin('facility_rooms as r', 'r.id', 's.room_id')
        .select(['s.id', 's.code', 's.state', 'r.name as room_name', 'r.capacity', 'r.purposes'])
        .where('s.round_id', '=', roundId)
        .where('s.id', 'in', slotIds)
        .execute()
    : [];
  chosen.forEach((id, i) => {
    const field = `preference${i + 1}`;
    const slot = slots.find((s) => s.id === id);
    if (!slot || slot.state !== 'held') errors.push({ field, messageKey: 'facilities.lottery.error.unknownSlot', params: { rank: i + 1 } });
    else if (chosen.indexOf(id) !== i) errors.push({ field, messageKey: 'facilities.lottery.error.sameSlotTwice', params: { rank: i + 1, first: chosen.indexOf(id) + 1 } });
  });
  for (const slot of slots) {
    if (!slot.purposes.includes(input.purpose) && !errors.some((e) => e.field === 'purpose')) errors.push({ field: 'purpose', messageKey: 'facilities.lottery.error.purpose', params: { room: slot.room_name } });
    if (input.headcount > slot.capacity && !errors.some((e) => e.field === 'headcount')) errors.push({ field: 'headcount', messageKey: 'facilities.lottery.error.capacity', params: { room: slot.room_name, capacity: slot.capacity } });
  }
  if (errors.length) throw invalidInput(errors);

  try {
    return await ctx.db.transaction().execute(async (trx) => {
      // One applicant's entries in a round are made one at a time (the group's row, or the
      // person's registration, is the lock), so the limits below hold under concurrent submissions.
      if (input.groupId) await trx.selectFrom('facility_groups').select('id').where('id', '=', input.groupId).forUpdate().execute();
      else await trx.selectFrom('facility_users').select('resident_account_id').where('resident_account_id', '=', resident.accountId).forUpdate().execute();
      const again = await trx.selectFrom('facility_lottery_entries').select('id').where('resident_account_id', '=', resident.accountId).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
      if (again) return again.id;
      const mine = await applicantEntries(trx, roundId, resident, input.groupId);
      if (mine.length >= round.max_entries) throw invalidInput([{ field: input.groupId ? 'groupId' : 'preference1', messageKey: 'facilities.lottery.error.tooManyEntries', params: { max: round.max_entries } }]);
      // One entry per applicant per slot: the same slot in two of one's entries would only be a second ticket.
      const named = mine.length ? new Set((await trx.selectFrom('facility_lottery_preferences').select('slot_id').where('entry_id', 'in', mine).execute()).map((p) => p.slot_id)) : new Set<string>();
      const twice = chosen.flatMap((id, i) => (named.has(id) ? [{ field: `preference${i + 1}`, messageKey: 'facilities.lottery.error.alreadyChosen', params: { rank: i + 1 } }] : []));
      if (twice.length) throw invalidInput(twice);
      const entry = await trx
        .insertInto('facility_lottery_entries')
        .values({ round_id: roundId, resident_account_id: resident.accountId, group_id: input.groupId, purpose: input.purpose, purpose_detail: input.purposeDetail, headcount: input.headcount, idempotency_key: input.idempotencyKey, created_at: ctx.now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('facility_lottery_preferences')
        .values(chosen.map((slotId, i) => ({ entry_id: entry.id, rank: i + 1, slot_id: slotId })))
        .execute();
      await recordAudit(trx, { actor: auditActorOf(resident), action: 'facilities.lottery.entry_submitted', targetType: 'facility_lottery_entry', targetId: entry.id, details: { roundId, groupId: input.groupId, preferences: chosen.length } });
      return entry.id;
    });
  } catch (error) {
    // The same submission twice at once: the idempotency index lets one through; the other gets its entry.
    if ((error as { code?: string }).code === '23505') {
      const first = await ctx.db.selectFrom('facility_lottery_entries').select('id').where('resident_account_id', '=', resident.accountId).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
      if (first) return first.id;
    }
    throw error;
  }
}

/** Active entries of the applicant in the round: the group's (whoever made them), or the person's own. */
async function applicantEntries(db: LotteryDb, roundId: string, resident: ResidentActor, groupId: string | null): Promise<string[]> {
  let query = db.selectFrom('facility_lottery_entries').select('id').where('round_id', '=', roundId).where('status', '=', 'active');
  query = groupId === null ? query.where('group_id', 'is', null).where('resident_account_id', '=', resident.accountId) : query.where('group_id', '=', groupId);
  return (await query.execute()).map((e) => e.id);
}

/** One entry with its round, for the resident who made it or the facility's staff (404 otherwise). */
export async function entryForView(ctx: LotteryContext, actor: Actor, entryId: string) {
  const entry = /^[0-9a-f-]{36}$/.test(entryId)
    ? await ctx.db
        .selectFrom('facility_lottery_entries as e')
        .innerJoin('facility_lottery_rounds as r', 'r.id', 'e.round_id')
        .innerJoin('facilities as f', 'f.id', 'r.facility_id')
        .leftJoin('facility_groups as g', 'g.id', 'e.group_id')
        .selectAll('e')
        .select(['r.title as round_title', 'r.status as round_status', 'r.opens_at', 'r.closes_at', 'r.draw_at', 'r.month', 'f.name as facility_name', 'f.department_code', 'g.name as group_name'])
        .where('e.id', '=', entryId)
        .executeTakeFirst()
    : undefined;
  requireAccess(entry !== undefined && canSeeEntry(actor, entry, entry));
  const e = entry!;
  const phase: RoundPhase = roundPhase({ status: e.round_status, opens_at: e.opens_at, closes_at: e.closes_at }, ctx.now());
  const preferences = await ctx.db
    .selectFrom('facility_lottery_preferences as p')
    .innerJoin('facility_lottery_slots as s', 's.id', 'p.slot_id')
    .innerJoin('facility_rooms as r', 'r.id', 's.room_id')
    .select(['p.rank', 's.id as slot_id', 's.code', 's.use_date', 's.starts_at', 's.ends_at', 'r.name as room_name'])
    .where('p.entry_id', '=', entryId)
    .orderBy('p.rank')
    .execute();
  const offers = await ctx.db
    .selectFrom('facility_lottery_offers as o')
    .innerJoin('facility_lottery_slots as s', 's.id', 'o.slot_id')
    .innerJoin('facility_bookings as b', 'b.id', 'o.booking_id')
    .innerJoin('facility_rooms as r', 'r.id', 's.room_id')
    .select(['o.id', 'o.source', 'o.status', 'o.deadline', 'o.booking_id', 'b.reference', 'b.fee_yen', 'b.status as booking_status', 's.code', 's.use_date', 's.starts_at', 's.ends_at', 'r.name as room_name'])
    .where('o.entry_id', '=', entryId)
    .orderBy('o.created_at')
    .execute();
  const { draw_outcome: outcome, ...rest } = e;
  const waiting = outcome ? await waitingPlaces(ctx.db, entryId) : [];
  const standing = entryStanding({ status: e.status, round_status: e.round_status, offer_status: offers.at(-1)?.status ?? null, outcome_status: outcome?.status ?? null, waiting_lists: waiting.length });
  return { entry: rest, phase, preferences, offers, outcome, waiting, standing, canWithdraw: canChangeEntry(actor, e, phase) };
}

/** Where an entry stands on each waiting list it is on (1 = next in line), from the draw, with the slot in residents' words. */
export async function waitingPlaces(db: LotteryDb, entryId: string): Promise<({ code: string; position: number; length: number } & SlotFacts)[]> {
  const rows = await db
    .selectFrom('facility_lottery_waiting as w')
    .innerJoin('facility_lottery_slots as s', 's.id', 'w.slot_id')
    .innerJoin('facility_rooms as r', 'r.id', 's.room_id')
    .select(['s.code', 'w.position', 's.use_date', 's.starts_at', 's.ends_at', 'r.name as room_name'])
    .select([blockNamesJa().as('block_ja'), blockNamesEn().as('block_en')])
    .select((eb) => eb.selectFrom('facility_lottery_waiting as others').select((e) => e.fn.countAll<number>().as('n')).whereRef('others.slot_id', '=', 'w.slot_id').as('length'))
    .where('w.entry_id', '=', entryId)
    .orderBy('s.use_date')
    .orderBy('s.starts_at')
    .execute();
  return rows.map((r) => ({ ...r, length: Number(r.length ?? 0) }));
}

export async function withdrawEntry(ctx: LotteryContext, resident: ResidentActor, entryId: string): Promise<void> {
  const view = await entryForView(ctx, resident, entryId);
  if (!view.canWithdraw) throw roundNotOpen();
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('facility_lottery_entries').set({ status: 'withdrawn', withdrawn_at: ctx.now() }).where('id', '=', entryId).where('status', '=', 'active').executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw roundNotOpen();
    await recordAudit(trx, { actor: auditActorOf(resident), action: 'facilities.lottery.entry_withdrawn', targetType: 'facility_lottery_entry', targetId: entryId, details: { roundId: view.entry.round_id } });
  });
}

/** The resident's own entries, newest round first (my page, the lottery home, the round page), each with its standing. */
export async function myEntries(db: LotteryDb, resident: ResidentActor) {
  const rows = await db
    .selectFrom('facility_lottery_entries as e')
    .innerJoin('facility_lottery_rounds as r', 'r.id', 'e.round_id')
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .leftJoin('facility_groups as g', 'g.id', 'e.group_id')
    // The entry's latest offer: what the resident has to do next (pay by its deadline) and where.
    .leftJoin(
      (eb) => eb.selectFrom('facility_lottery_offers').distinctOn('entry_id').select(['entry_id', 'status', 'deadline', 'booking_id']).orderBy('entry_id').orderBy('created_at', 'desc').as('o'),
      (join) => join.onRef('o.entry_id', '=', 'e.id'),
    )
    .select(['e.id', 'e.status', 'e.created_at', 'r.id as round_id', 'r.title as round_title', 'r.month', 'r.status as round_status', 'r.opens_at', 'r.closes_at', 'r.draw_at', 'f.name as facility_name', 'g.name as group_name'])
    .select(['o.status as offer_status', 'o.deadline as offer_deadline', 'o.booking_id'])
    .select(sql<string | null>`e.draw_outcome->>'status'`.as('outcome_status'))
    .select((eb) => eb.selectFrom('facility_lottery_waiting as w').select((x) => x.fn.countAll<number>().as('n')).whereRef('w.entry_id', '=', 'e.id').as('waiting_lists'))
    .where('e.resident_account_id', '=', resident.accountId)
    .orderBy('r.draw_at', 'desc')
    .orderBy('e.created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => {
    const facts = { ...r, waiting_lists: Number(r.waiting_lists ?? 0) };
    return { ...facts, standing: entryStanding(facts) };
  });
}
