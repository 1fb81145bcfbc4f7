/**
 * Demo data for the lottery, relative to today so the demo reads sensibly any day,
 * on the first room marked for the lottery (Zホール 大ホール in the demo facilities):
 * - next month's weekend evenings: a round drawn five days ago, with entries from
 *   the demo login residents and the invented users, winners awaiting payment (one
 *   paid), a waiting list and published results;
 * - the month after: a round open for applications now (one demo resident entered);
 * - the current month: no round, first-come like any room.
 * The rounds are made through the real functions on a clock set back to when staff
 * would have made them, without notices (the people are invented or demo logins).
 * Runs after the facilities' own demo data; does nothing when a round exists or no
 * room is marked. It also seeds the demo login residents and their bookings
 * (facility-seed.ts), since they are the drawn round's entrants.
 */
import type { StaffActor } from '../../platform/access/actor.ts';
import type { Platform } from '../../platform/platform.ts';
import { loadStaffActor } from '../../platform/staff/staff-accounts.ts';
import { japanClock } from '../../platform/time/today.ts';
import { seedDemoLoginResidents } from './facility-seed.ts';
import { lotteryContext, type LotteryContext } from './lottery-context.ts';
import { drawRound } from './lottery-draw.ts';
import { applyForRound } from './lottery-entries.ts';
import { settleOffer } from './lottery-offers.ts';
import { addSlots, createRound, publishRound } from './lottery-rounds.ts';
import { asFacilitiesDb } from './lottery-tables.ts';

const DAY = 86_400_000;

/** YYYY-MM of the month `ahead` months after `now`'s (Japan calendar). */
function monthAfter(now: Date, ahead: number): string {
  const [y, m] = japanClock(now).date.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + ahead;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The same context on a clock fixed at `at` (seeding only: no jobs, so no notices). */
const at = (ctx: LotteryContext, instant: Date): LotteryContext => ({ ...ctx, jobs: null, now: () => instant });

interface DemoRoom {
  id: string;
  name: string;
  capacity: number;
  purposes: string[];
  facility_id: string;
  facility_name: string;
}

async function publishedRound(ctx: LotteryContext, staff: StaffActor, room: DemoRoom, month: string, window: { opensAt: Date; closesAt: Date; drawAt: Date }): Promise<{ roundId: string; slots: string[] } | null> {
  const roundId = await createRound(ctx, staff, { facilityId: room.facility_id, month, title: `${room.facility_name} ${room.name} ${Number(month.slice(5))}月 土日夜間`, ...window, payDays: 10, maxPreferences: 3, maxEntries: 3, maxWinsPerTypeMonth: 1, maxWinsPerMonth: null });
  const added = await addSlots(ctx, staff, roundId, room.id, { blockCodes: ['evening'], hours: null, weekdays: [6, 7], dates: [], slotType: '' });
  if (added.added.length === 0) return null;
  await publishRound(ctx, staff, roundId);
  const slots = await ctx.db.selectFrom('facility_lottery_slots').select('id').where('round_id', '=', roundId).orderBy('use_date').orderBy('starts_at').execute();
  return { roundId, slots: slots.map((s) => s.id) };
}

async function enter(ctx: LotteryContext, room: DemoRoom, accountId: string, roundId: string, preferences: string[], key: string): Promise<void> {
  const resident = { kind: 'resident' as const, accountId, residentId: null, displayName: '', assurance: 'card' as const };
  const purpose = room.purposes.includes('music') ? 'music' : room.purposes[0]!;
  await applyForRound(ctx, resident, roundId, { groupId: null, preferences, purpose, purposeDetail: '', headcount: Math.min(120, room.capacity), idempotencyKey: `demo-lottery-${key}` });
}

export async function seedDemoLottery(platform: Platform): Promise<void> {
  const ctx = lotteryContext(platform);
  if (await ctx.db.selectFrom('facility_lottery_rounds').select('id').limit(1).executeTakeFirst()) return;
  const room = await ctx.db
    .selectFrom('facility_rooms as r')
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .select(['r.id', 'r.name', 'r.slot_mode', 'r.capacity', 'r.purposes', 'f.id as facility_id', 'f.name as facility_name'])
    .where('r.lottery_enabled', '=', true)
    .where('r.active', '=', true)
    .orderBy('f.sort_order')
    .orderBy('r.sort_order')
    .executeTakeFirst();
  const manager = await ctx.db.selectFrom('staff').select('id').where('login_id', '=', 'shogai.kacho').executeTakeFirst();
  const staff = manager ? await loadStaffActor(platform.db.kysely, manager.id) : null;
  if (!room || room.slot_mode !== 'blocks' || room.purposes.length === 0 || !staff) return;
  const now = ctx.now();
  const logins = await seedDemoLoginResidents(platform, asFacilitiesDb(ctx.db), now);
  const invented = (await ctx.db.selectFrom('resident_accounts').select('id').where('issuer', '=', 'urn:oshu-dx:facility-demo').orderBy('subject').execute()).map((a) => a.id);

  // Next month: made three weeks ago, closed six days ago, drawn five days ago.
  const made = new Date(now.getTime() - 21 * DAY);
  const drawn = await publishedRound(at(ctx, made), staff, room, monthAfter(now, 1), { opensAt: made, closesAt: new Date(now.getTime() - 6 * DAY), drawAt: new Date(now.getTime() - 5 * DAY) });
  if (drawn) {
    const entering = at(ctx, new Date(made.getTime() + DAY));
    // The month's last evenings: their payment deadlines (before the day of use) are furthest off, so the demo's winners can still pay.
    const [a, b, c] = [...drawn.slots].reverse();
    // The first demo login resident alone wants the first evening (a sure win); the others compete for the second (a waiting list).
    if (logins[0] && a) await enter(entering, room, logins[0], drawn.roundId, [a], 'drawn-1');
    const rivals = [logins[1], logins[2], ...invented].filter((id): id is string => id !== undefined);
    // The first two want only the second evening, so whatever the seed one of them is on its waiting list.
    for (const [i, account] of rivals.entries()) if (b) await enter(entering, room, account, drawn.roundId, c && i >= 2 && i % 2 ? [b, c] : [b], `drawn-r${i}`);
    const drawing = at(ctx, new Date(now.getTime() - 5 * DAY));
    await drawRound(drawing, null, drawn.roundId);
    // One winner has paid already: the round shows a confirmed booking beside those awaiting payment.
    const paid = await ctx.db
      .selectFrom('facility_lottery_offers as o')
      .innerJoin('facility_bookings as bk', 'bk.id', 'o.booking_id')
      .select(['o.id', 'o.booking_id'])
      .where('o.round_id', '=', drawn.roundId)
      .where('bk.resident_account_id', '!=', logins[0] ?? '')
      .executeTakeFirst();
    if (paid) {
      await ctx.db.updateTable('facility_bookings').set({ status: 'confirmed', paid_at: new Date(now.getTime() - 3 * DAY), payment_method: 'counter', updated_at: now }).where('id', '=', paid.booking_id).execute();
      await settleOffer(at(ctx, now), paid.id);
    }
  }

  // The month after: open for applications now, drawn before that month begins.
  const open = await publishedRound(ctx, staff, room, monthAfter(now, 2), { opensAt: new Date(now.getTime() - DAY), closesAt: new Date(now.getTime() + 10 * DAY), drawAt: new Date(now.getTime() + 11 * DAY) });
  if (open && logins[2] && open.slots[0]) await enter(at(ctx, now), room, logins[2], open.roundId, open.slots.slice(0, 2), 'open-1');
}
