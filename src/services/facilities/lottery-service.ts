/**
 * The lottery as pages read it: rounds residents can see, a round's slots, a drawn
 * round's public result (pseudonymised: application ids and tickets, no names), and
 * the staff's view of a round (entries with names, offers). The changes live in
 * lottery-rounds.ts (staff set-up), lottery-entries.ts (residents), lottery-draw.ts
 * and lottery-offers.ts (the draw and what follows); this file re-exports them so
 * routes import one module.
 */
import type { StaffActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { clockText } from './booking-time.ts';
import { canRunLottery, isPublic, roundPhase, type RoundPhase } from './lottery-policy.ts';
import { roundForStaff } from './lottery-rounds.ts';
import { publicSeed } from './lottery-seed.ts';
import type { LotteryContext } from './lottery-context.ts';
import type { LotteryDb } from './lottery-tables.ts';

export { applyForRound, entryForView, myEntries, publicRound, withdrawEntry } from './lottery-entries.ts';
export { drawRound, recheckDraw } from './lottery-draw.ts';
import { settleDueOffers } from './lottery-offers.ts';
export { addSlots, cancelRound, createRound, publishRound, removeSlot, roundForStaff } from './lottery-rounds.ts';

export interface RoundSummary {
  id: string;
  title: string;
  month: string;
  facilityName: string;
  opensAt: Date;
  closesAt: Date;
  drawAt: Date;
  phase: RoundPhase;
  slots: number;
}

/** Published rounds (open, upcoming, waiting for the draw) and recent results, soonest first. */
export async function roundsForResidents(db: LotteryDb, now: Date): Promise<RoundSummary[]> {
  const rows = await db
    .selectFrom('facility_lottery_rounds as r')
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .select(['r.id', 'r.title', 'r.month', 'r.status', 'r.opens_at', 'r.closes_at', 'r.draw_at', 'f.name as facility_name'])
    .select((eb) => eb.selectFrom('facility_lottery_slots as s').select((e) => e.fn.countAll<number>().as('n')).whereRef('s.round_id', '=', 'r.id').where('s.state', '!=', 'removed').as('slots'))
    .where('r.status', 'in', ['published', 'drawn'])
    // Results stay listed for about two months after the draw.
    .where('r.draw_at', '>', new Date(now.getTime() - 62 * 86_400_000))
    .orderBy('r.draw_at')
    .orderBy('r.title')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, month: r.month, facilityName: r.facility_name, opensAt: r.opens_at, closesAt: r.closes_at, drawAt: r.draw_at, phase: roundPhase(r, now), slots: Number(r.slots ?? 0) }));
}

export interface SlotRow {
  id: string;
  code: string;
  roomId: string;
  roomName: string;
  useDate: string;
  startsAt: number;
  endsAt: number;
  slotType: string;
  state: string;
  /** Entries naming it as 1st choice (shown while the window is open: how popular it is). */
  firstChoices: number;
}

export async function roundSlots(db: LotteryDb, roundId: string): Promise<SlotRow[]> {
  const rows = await db
    .selectFrom('facility_lottery_slots as s')
    .innerJoin('facility_rooms as r', 'r.id', 's.room_id')
    .select(['s.id', 's.code', 's.room_id', 'r.name as room_name', 's.use_date', 's.starts_at', 's.ends_at', 's.slot_type', 's.state'])
    .select((eb) =>
      eb
        .selectFrom('facility_lottery_preferences as p')
        .innerJoin('facility_lottery_entries as e', 'e.id', 'p.entry_id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('p.slot_id', '=', 's.id')
        .where('p.rank', '=', 1)
        .where('e.status', '=', 'active')
        .as('first_choices'),
    )
    .where('s.round_id', '=', roundId)
    .where('s.state', '!=', 'removed')
    .orderBy('s.use_date')
    .orderBy('s.starts_at')
    .orderBy('r.sort_order')
    .orderBy('s.code')
    .execute();
  return rows.map((s) => ({ id: s.id, code: s.code, roomId: s.room_id, roomName: s.room_name, useDate: s.use_date, startsAt: s.starts_at, endsAt: s.ends_at, slotType: s.slot_type, state: s.state, firstChoices: Number(s.first_choices ?? 0) }));
}

export const slotTimeText = (s: { startsAt: number; endsAt: number }) => `${clockText(s.startsAt)}〜${clockText(s.endsAt)}`;

/** A drawn round's public record: seed, digests, the pseudonymised input and the result. */
export async function publicResult(db: LotteryDb, roundId: string, now: Date) {
  const round = /^[0-9a-f-]{36}$/.test(roundId)
    ? await db
        .selectFrom('facility_lottery_rounds as r')
        .innerJoin('facilities as f', 'f.id', 'r.facility_id')
        .select(['r.id', 'r.title', 'r.month', 'r.status', 'r.opens_at', 'r.closes_at', 'r.draw_at', 'r.drawn_at', 'r.seed', 'r.input', 'r.result', 'r.input_digest', 'r.result_digest', 'f.name as facility_name'])
        .where('r.id', '=', roundId)
        .executeTakeFirst()
    : undefined;
  requireAccess(round !== undefined && isPublic(roundPhase(round, now)));
  return { ...round!, ...publicSeed(round!) };
}

/** Rounds of the facilities this staff member's departments run, newest month first. */
export async function roundsForStaff(db: LotteryDb, staff: StaffActor) {
  const departments = staff.roles.filter((r) => r.role === 'clerk' || r.role === 'manager').map((r) => r.department);
  if (departments.length === 0) return [];
  const rows = await db
    .selectFrom('facility_lottery_rounds as r')
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .select(['r.id', 'r.title', 'r.month', 'r.status', 'r.opens_at', 'r.closes_at', 'r.draw_at', 'r.drawn_at', 'f.name as facility_name', 'f.department_code'])
    .select((eb) => eb.selectFrom('facility_lottery_entries as e').select((e) => e.fn.countAll<number>().as('n')).whereRef('e.round_id', '=', 'r.id').where('e.status', '=', 'active').as('entries'))
    .where('f.department_code', 'in', departments)
    .orderBy('r.month', 'desc')
    .orderBy('r.draw_at', 'desc')
    .limit(200)
    .execute();
  return rows.filter((r) => canRunLottery(staff, r)).map((r) => ({ ...r, entries: Number(r.entries ?? 0) }));
}

/** Facilities staff may start a round for, with their rooms (lottery rooms first). */
export async function facilitiesForStaff(db: LotteryDb, staff: StaffActor) {
  const facilities = await db.selectFrom('facilities').select(['id', 'name', 'department_code', 'pay_days_after_booking']).where('active', '=', true).orderBy('sort_order').orderBy('id').execute();
  return facilities.filter((f) => canRunLottery(staff, f));
}

const ENTRIES_SHOWN = 500;

/** Everything the staff round page shows: slots, entries with names, offers. */
export async function roundOverview(db: LotteryDb, staff: StaffActor, roundId: string, now: Date) {
  const round = await roundForStaff(db, staff, roundId);
  const slots = await roundSlots(db, roundId);
  const rooms = await db
    .selectFrom('facility_rooms')
    .select(['id', 'name', 'slot_mode', 'lottery_enabled'])
    .where('facility_id', '=', round.facility_id)
    .where('active', '=', true)
    .orderBy('lottery_enabled', 'desc')
    .orderBy('sort_order')
    .execute();
  const blocks = rooms.length
    ? await db.selectFrom('facility_room_blocks').select(['room_id', 'code', 'name_ja', 'name_en', 'starts_at', 'ends_at']).where('room_id', 'in', rooms.map((r) => r.id)).orderBy('starts_at').execute()
    : [];
  const entries = await db
    .selectFrom('facility_lottery_entries as e')
    .leftJoin('facility_users as u', 'u.resident_account_id', 'e.resident_account_id')
    .leftJoin('facility_groups as g', 'g.id', 'e.group_id')
    .select(['e.id', 'e.status', 'e.headcount', 'e.purpose', 'e.created_at', 'e.draw_outcome', 'u.name as applicant_name', 'g.name as group_name'])
    .where('e.round_id', '=', roundId)
    .orderBy('e.created_at')
    // A busy round has thousands of entries: the page lists the first ones, the count says how many there are.
    .limit(ENTRIES_SHOWN)
    .execute();
  const counted = await db.selectFrom('facility_lottery_entries').select((e) => e.fn.countAll<number>().as('n')).where('round_id', '=', roundId).where('status', '=', 'active').executeTakeFirst();
  const prefs = entries.length
    ? await db.selectFrom('facility_lottery_preferences as p').innerJoin('facility_lottery_slots as s', 's.id', 'p.slot_id').select(['p.entry_id', 'p.rank', 's.code']).where('p.entry_id', 'in', entries.map((e) => e.id)).orderBy('p.rank').execute()
    : [];
  const offers = await db
    .selectFrom('facility_lottery_offers as o')
    .innerJoin('facility_lottery_slots as s', 's.id', 'o.slot_id')
    .innerJoin('facility_bookings as b', 'b.id', 'o.booking_id')
    .leftJoin('facility_users as u', 'u.resident_account_id', 'b.resident_account_id')
    .select(['o.id', 'o.entry_id', 'o.source', 'o.status', 'o.deadline', 's.code', 'b.reference', 'b.status as booking_status', 'b.fee_yen', 'u.name as holder_name'])
    .where('o.round_id', '=', roundId)
    .orderBy('s.code')
    .orderBy('o.created_at')
    .execute();
  const prefsOf = new Map<string, string[]>();
  for (const p of prefs) prefsOf.set(p.entry_id, [...(prefsOf.get(p.entry_id) ?? []), p.code]);
  return {
    round,
    activeEntries: Number(counted?.n ?? 0),
    entriesShown: ENTRIES_SHOWN,
    phase: roundPhase(round, now),
    slots,
    rooms: rooms.map((r) => ({ ...r, blocks: blocks.filter((b) => b.room_id === r.id) })),
    entries: entries.map(({ draw_outcome, ...e }) => ({
      ...e,
      preferences: prefsOf.get(e.id) ?? [],
      outcome: draw_outcome,
    })),
    offers,
  };
}

/** Staff ask for offers past their deadline (or whose booking ended) to be settled now rather than by the next job. */
export async function settleRoundOffers(ctx: LotteryContext, staff: StaffActor, roundId: string) {
  await roundForStaff(ctx.db, staff, roundId);
  return settleDueOffers(ctx, roundId);
}
