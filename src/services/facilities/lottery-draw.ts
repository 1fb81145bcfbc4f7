/**
 * The draw of a round, at its draw time (job) or by staff once the window has
 * closed: the seed committed when the round was published (lottery-seed.ts; a fresh
 * one only for a round published before seeds were committed); the input snapshot (slots and
 * active entries, applicants pseudonymised); the engine's result and digests, all
 * stored; winners' bookings written (awaiting payment with a deadline, or confirmed
 * when free) in place of the holds; holds of slots nobody won given back to
 * first-come booking; every entrant told; one audit entry. One transaction under
 * the round's row lock: a second draw of the same round finds it drawn and stops.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { draw, type LotteryInput, type LotteryResult } from '../../engines/lottery/index.ts';
import type { StaffActor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { loadFacilities } from './catalogue.ts';
import { LOTTERY_QUEUES, type LotteryContext } from './lottery-context.ts';
import { makeOffer } from './lottery-offers.ts';
import { roundPhase } from './lottery-policy.ts';
import { newSeed } from './lottery-seed.ts';
import { roundForStaff, roundNotEditable } from './lottery-rounds.ts';
import { asFacilitiesDb, asPlatformDb, type LotteryDb } from './lottery-tables.ts';

export const drawTooEarly = () => new DomainError('draw_too_early', 409, 'facilities.lottery.error.drawTooEarly');

/** An opaque, per-round name for an applicant: equal for the same person or group, unlinkable to them or across rounds. */
export function pseudonym(salt: string, kind: 'person' | 'group', id: string): string {
  return `${kind === 'person' ? 'p' : 'g'}-${crypto.createHash('sha256').update(`${salt}:${kind}:${id}`).digest('hex').slice(0, 16)}`;
}

/** The engine's input from the round's tables: held slots and active entries, in a fixed order. */
export async function drawInputOf(db: LotteryDb, round: { id: string; pseudonym_salt: string; max_wins_per_type_month: number; max_wins_per_month: number | null }): Promise<LotteryInput> {
  const slots = await db.selectFrom('facility_lottery_slots').select(['id', 'code', 'slot_type', 'use_date']).where('round_id', '=', round.id).where('state', '!=', 'removed').orderBy('use_date').orderBy('starts_at').orderBy('code').execute();
  const entries = await db.selectFrom('facility_lottery_entries').select(['id', 'resident_account_id', 'group_id']).where('round_id', '=', round.id).where('status', '=', 'active').orderBy('created_at').orderBy('id').execute();
  const prefs = entries.length
    ? await db.selectFrom('facility_lottery_preferences').select(['entry_id', 'rank', 'slot_id']).where('entry_id', 'in', entries.map((e) => e.id)).orderBy('rank').execute()
    : [];
  const codeOf = new Map(slots.map((s) => [s.id, s.code]));
  const prefsOf = new Map<string, string[]>();
  for (const p of prefs) prefsOf.set(p.entry_id, [...(prefsOf.get(p.entry_id) ?? []), codeOf.get(p.slot_id)!]);
  return {
    slots: slots.map((s) => ({ id: s.code, slotType: s.slot_type, month: s.use_date.slice(0, 7) })),
    applications: entries.map((e) => ({
      id: e.id,
      applicantId: pseudonym(round.pseudonym_salt, 'person', e.resident_account_id),
      groupId: e.group_id ? pseudonym(round.pseudonym_salt, 'group', e.group_id) : null,
      preferences: prefsOf.get(e.id) ?? [],
    })),
    rules: { maxWinsPerApplicantPerSlotTypeMonth: round.max_wins_per_type_month, maxWinsPerApplicantPerMonth: round.max_wins_per_month },
  };
}

export type DrawOutcome = { drawn: true; digest: string; winners: number; entries: number } | { drawn: false; reason: 'not_published' | 'not_due' };

/**
 * Draws the round. `staff` null = the scheduled job (draws only once the draw time
 * has come); staff may draw as soon as the window has closed.
 */
export async function drawRound(ctx: LotteryContext, staff: StaffActor | null, roundId: string): Promise<DrawOutcome> {
  if (staff) {
    const phase = roundPhase(await roundForStaff(ctx.db, staff, roundId), ctx.now());
    if (phase === 'drawn' || phase === 'cancelled') throw roundNotEditable();
    if (phase !== 'closed') throw drawTooEarly();
  }
  return ctx.db.transaction().execute(async (trx) => {
    const round = await trx.selectFrom('facility_lottery_rounds').selectAll().where('id', '=', roundId).forUpdate().executeTakeFirst();
    if (!round || round.status !== 'published') return { drawn: false, reason: 'not_published' } as const;
    const now = ctx.now();
    if (now < round.closes_at || (!staff && now < round.draw_at)) return { drawn: false, reason: 'not_due' } as const;

    const input = await drawInputOf(trx, round);
    const seed = round.seed ?? newSeed();
    const result: LotteryResult = draw(input, seed);
    await trx
      .updateTable('facility_lottery_rounds')
      .set({ status: 'drawn', seed, input: JSON.stringify(input), result: JSON.stringify(result), input_digest: result.inputDigest, result_digest: result.digest, drawn_at: now, drawn_by_staff_id: staff?.id ?? null, updated_at: now })
      .where('id', '=', roundId)
      .execute();

    const [facility] = await loadFacilities(asFacilitiesDb(trx), { facilityId: round.facility_id });
    const slots = await trx.selectFrom('facility_lottery_slots').selectAll().where('round_id', '=', roundId).where('state', '=', 'held').execute();
    const byCode = new Map(slots.map((s) => [s.code, s]));
    await storeOutcomes(trx, result, byCode);
    // Every hold gives way first (one statement); winners' bookings then take their times in the same transaction,
    // and slots nobody won are simply free for first-come booking.
    await trx.updateTable('facility_bookings').set({ status: 'released', updated_at: now }).where('lottery_round_id', '=', roundId).where('kind', '=', 'lottery').where('status', '=', 'held').execute();
    await trx.updateTable('facility_lottery_slots').set({ state: 'released' }).where('round_id', '=', roundId).where('state', '=', 'held').execute();
    let winners = 0;
    for (const s of result.slots) {
      const slot = byCode.get(s.slotId)!;
      const room = facility?.rooms.find((r) => r.id === slot.room_id);
      if (s.winner && facility && room) {
        await makeOffer(ctx, trx, { roundId, payDays: round.pay_days, facility, room, slot, entryId: s.winner, source: 'draw' });
        winners++;
      }
    }
    await ctx.jobs?.enqueue(asPlatformDb(trx), LOTTERY_QUEUES.announce, { roundId }, { idempotencyKey: `facilities-lottery-announce:${roundId}` });
    await recordAudit(trx, {
      actor: staff ? auditActorOf(staff) : { type: 'system', id: 'facilities.lottery' },
      action: 'facilities.lottery.drawn',
      targetType: 'facility_lottery_round',
      targetId: roundId,
      details: { seed, inputDigest: result.inputDigest, resultDigest: result.digest, algorithm: result.algorithm, slots: result.slots.length, entries: result.applications.length, winners },
    });
    return { drawn: true, digest: result.digest, winners, entries: result.applications.length } as const;
  });
}

/**
 * Copies each entry's part of the result and the waiting lists into their tables, in
 * batches (a busy month has thousands of entries): pages and notices read these rows
 * instead of the whole result.
 */
async function storeOutcomes(trx: LotteryDb, result: LotteryResult, slotByCode: Map<string, { id: string }>): Promise<void> {
  const BATCH = 500;
  for (let i = 0; i < result.applications.length; i += BATCH) {
    const rows = result.applications.slice(i, i + BATCH).map((a) => sql`(${a.applicationId}::uuid, ${JSON.stringify(a)}::jsonb)`);
    await sql`UPDATE facility_lottery_entries AS e SET draw_outcome = v.outcome FROM (VALUES ${sql.join(rows)}) AS v(id, outcome) WHERE e.id = v.id`.execute(trx);
  }
  const places = result.slots.flatMap((s) => s.waitingList.map((entryId, i) => ({ slot_id: slotByCode.get(s.slotId)!.id, position: i + 1, entry_id: entryId })));
  for (let i = 0; i < places.length; i += BATCH * 2) await trx.insertInto('facility_lottery_waiting').values(places.slice(i, i + BATCH * 2)).execute();
}

/**
 * Recomputes a drawn round from what is stored: the engine on the stored input and
 * seed must give the stored result, and the stored input must still be what the
 * round's tables say — so a changed entry or slot after the draw shows too.
 */
export async function recheckDraw(db: LotteryDb, roundId: string): Promise<{ sameResult: boolean; sameInput: boolean; digest: string | null }> {
  const round = await db.selectFrom('facility_lottery_rounds').selectAll().where('id', '=', roundId).executeTakeFirst();
  if (!round || round.status !== 'drawn' || !round.input || !round.result || !round.seed) return { sameResult: false, sameInput: false, digest: null };
  const again = draw(round.input, round.seed);
  // Slots keep their rows (awarded or released) and entries cannot change once the window closed.
  const rebuilt = draw(await drawInputOf(db, round), round.seed);
  return { sameResult: again.digest === round.result_digest && again.digest === round.result.digest, sameInput: rebuilt.inputDigest === round.input_digest, digest: again.digest };
}

