/**
 * Demo rides so a fresh `npm start` shows a living service: a dozen riders registered
 * by phone and about thirty rides today (if it is still a service day) and on the next
 * service day, booked through the real booking functions, so every promise is real.
 */
import type { StaffActor } from '../../platform/access/actor.ts';
import { kanaSearchKey } from '../../platform/text/search-key.ts';
import { japanClock } from '../../platform/time/today.ts';
import { bookTrip, quoteTrip, type TripInput } from './booking-service.ts';
import type { TransitContext } from './transit-context.ts';
import { DEMO_STOPS } from './transit-demo-data.ts';
import { serviceDates } from './trip-form.ts';

const RIDERS: [string, string, string, boolean][] = [
  ['千葉 ハル', 'チバ ハル', '09011110001', false],
  ['菊池 正男', 'キクチ マサオ', '09011110002', false],
  ['及川 トシ', 'オイカワ トシ', '0197560003', true],
  ['佐藤 キヨ', 'サトウ キヨ', '09011110004', false],
  ['高橋 勇', 'タカハシ イサム', '08011110005', false],
  ['阿部 ミツ', 'アベ ミツ', '0197560006', false],
  ['小野寺 清', 'オノデラ キヨシ', '09011110007', false],
  ['菅原 フミ', 'スガワラ フミ', '07011110008', true],
  ['鈴木 一郎', 'スズキ イチロウ', '09011110009', false],
  ['渡辺 サダ', 'ワタナベ サダ', '0197560010', false],
  ['伊藤 勝', 'イトウ マサル', '08011110011', false],
  ['遠藤 ヨシ', 'エンドウ ヨシ', '09011110012', false],
];

/** Where people go in the morning (and come back from in the afternoon). */
const DESTINATIONS = ['magokoro-hospital', 'maesawa-station', 'shopping-plaza', 'maesawa-branch', 'maesawa-clinic', 'onsen'];

export async function seedDemoTrips(ctx: TransitContext): Promise<number> {
  const staff = await ctx.db.selectFrom('staff').select(['id', 'display_name']).where('login_id', '=', 'kotsu.tanto').executeTakeFirst();
  if (!staff) return 0;
  const operator: StaffActor = { kind: 'staff', id: staff.id, loginId: 'kotsu.tanto', displayName: staff.display_name, roles: [{ department: 'transport', role: 'clerk' }] };
  const riderIds: { id: string; wheelchair: boolean }[] = [];
  for (const [name, kana, phone, wheelchair] of RIDERS) {
    const { id } = await ctx.db
      .insertInto('transit_riders')
      .values({ name, name_kana: kana, kana_key: kanaSearchKey(kana), phone, email: null, wheelchair, needs_assistance: wheelchair, resident_account_id: null, created_by_staff_id: staff.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    riderIds.push({ id, wheelchair });
  }
  const days = (await serviceDates(ctx.db, ctx.now())).slice(0, 2);
  const today = japanClock(ctx.now()).date;
  let seed = 20261124;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  let booked = 0;
  for (const day of days) {
    const from = day.date === today ? Math.max(day.opens, japanClock(ctx.now()).seconds + 3600) : day.opens + 1800;
    for (let k = 0; k < 15; k++) {
      const rider = riderIds[k % riderIds.length]!;
      const home = DEMO_STOPS[8 + Math.floor(next() * 7)]!.id; // district stops (not the places in DESTINATIONS)
      const place = DESTINATIONS[Math.floor(next() * DESTINATIONS.length)]!;
      const time = from + Math.floor(next() * Math.max(1, (day.closes - 3600 - from) / 600)) * 600;
      const morning = time < 12 * 3600;
      const input: TripInput = { date: day.date, originStopId: morning ? home : place, destinationStopId: morning ? place : home, kind: morning && next() < 0.4 ? 'arrive' : 'depart', time, passengers: next() < 0.8 ? 1 : 2, wheelchair: rider.wheelchair };
      const quote = await quoteTrip(ctx, operator, rider.id, input, 'phone');
      if (!quote.ok) continue;
      const offer = quote.offers[0]!;
      await bookTrip(ctx, operator, { riderId: rider.id, input, pickup: offer.pickup, dropoff: offer.dropoff, idempotencyKey: `demo-${day.date}-${k}`, channel: 'phone' });
      booked++;
    }
  }
  return booked;
}
