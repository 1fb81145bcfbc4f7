/**
 * Demo data for the lottery: one round open now for the weekend evenings, the month
 * after next, of the first room marked for the lottery (Zホール 大ホール in the demo
 * facilities), so the pages have something to show. Runs after the facilities'
 * own demo data; does nothing when a round exists or no room is marked.
 */
import { loadStaffActor } from '../../platform/staff/staff-accounts.ts';
import type { Platform } from '../../platform/platform.ts';
import { japanClock } from '../../platform/time/today.ts';
import { lotteryContext } from './lottery-context.ts';
import { addSlots, createRound, publishRound } from './lottery-rounds.ts';

export async function seedDemoLottery(platform: Platform): Promise<void> {
  const ctx = lotteryContext(platform);
  if (await ctx.db.selectFrom('facility_lottery_rounds').select('id').limit(1).executeTakeFirst()) return;
  const room = await ctx.db
    .selectFrom('facility_rooms as r')
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .select(['r.id', 'r.name', 'r.slot_mode', 'f.id as facility_id', 'f.name as facility_name', 'f.pay_days_after_booking'])
    .where('r.lottery_enabled', '=', true)
    .where('r.active', '=', true)
    .orderBy('f.sort_order')
    .orderBy('r.sort_order')
    .executeTakeFirst();
  const manager = await ctx.db.selectFrom('staff').select('id').where('login_id', '=', 'shogai.kacho').executeTakeFirst();
  const staff = manager ? await loadStaffActor(platform.db.kysely, manager.id) : null;
  if (!room || room.slot_mode !== 'blocks' || !staff) return;
  const now = ctx.now();
  const [y, m] = japanClock(now).date.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + 2;
  const month = `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  const roundId = await createRound(ctx, staff, {
    facilityId: room.facility_id,
    month,
    title: `${room.facility_name} ${room.name} ${Number(month.slice(5))}月 土日夜間`,
    opensAt: new Date(now.getTime() - 86_400_000),
    closesAt: new Date(now.getTime() + 10 * 86_400_000),
    drawAt: new Date(now.getTime() + 11 * 86_400_000),
    payDays: Math.max(1, Math.min(30, room.pay_days_after_booking)),
    maxPreferences: 3,
    maxEntries: 3,
    maxWinsPerTypeMonth: 1,
    maxWinsPerMonth: null,
  });
  const added = await addSlots(ctx, staff, roundId, room.id, { blockCodes: ['evening'], hours: null, weekdays: [6, 7], dates: [], slotType: '' });
  if (added.added.length > 0) await publishRound(ctx, staff, roundId);
}
