/**
 * The demo as a demo user meets it: the demo login residents have bookings relative
 * to today (upcoming, today, past with a check-in), the lottery has a drawn round
 * with results and an open one, and this month's Zホール is first-come.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { addDays, japanClock } from '../../platform/time/today.ts';
import { registryService } from '../registry/index.ts';
import { TEST_NOW } from './facilities-test-kit.ts';
import { facilitiesService } from './index.tsx';
import { lotteryDb } from './lottery-tables.ts';
import { staffDb } from './staff-tables.ts';
import { facilitiesDb } from './tables.ts';

let t: TestApp;
const now = TEST_NOW;
before(async () => {
  // Every demo seed of the two services, on a Tuesday morning (the community centre is open).
  t = await createTestApp({ services: [registryService, facilitiesService], now: () => now });
});
after(() => t.close());

test('the demo login residents have bookings upcoming, today and in the past (checked in)', async () => {
  const db = facilitiesDb(t.db.kysely);
  const today = japanClock(now).date;
  const rows = await staffDb(db)
    .selectFrom('facility_bookings as b')
    .innerJoin('resident_accounts as a', 'a.id', 'b.resident_account_id')
    .leftJoin('facility_booking_checkins as c', 'c.booking_id', 'b.id')
    .select(['a.subject', 'a.issuer', 'b.use_date', 'b.status', 'c.state as checkin'])
    .where('a.subject', 'like', 'demo-0%')
    .execute();
  const demo01 = rows.filter((r) => r.subject === 'demo-01');
  assert.ok(demo01.every((r) => r.issuer.endsWith('/demo-idp')), 'made as the demo login makes accounts');
  assert.ok(demo01.some((r) => r.use_date === today), 'one today');
  assert.ok(demo01.some((r) => r.use_date > today && r.status === 'awaiting_payment'), 'one upcoming to pay');
  assert.ok(demo01.some((r) => r.use_date < today && r.checkin === 'checked_in'), 'one past, checked in');
  assert.ok(rows.some((r) => r.subject === 'demo-02' && r.use_date > today));
  assert.ok(rows.filter((r) => r.use_date < today).every((r) => r.use_date >= addDays(today, -30) && r.checkin === 'checked_in'));

  // demo-01 logs in and sees them (the login finds the seeded account).
  const b = t.browser();
  await b.loginResident('demo-01', 'card');
  const mine = await b.get('/facilities/mine');
  assert.equal(mine.statusCode, 200);
  const references = await db.selectFrom('facility_bookings as b').innerJoin('resident_accounts as a', 'a.id', 'b.resident_account_id').select('b.reference').where('a.subject', '=', 'demo-01').where('b.use_date', '>=', today).execute();
  assert.ok(references.length >= 2 && references.every((r) => mine.body.includes(r.reference)), 'upcoming bookings listed');
});

test('the demo lottery: a drawn round with results, an open round, and this month of Zホール first-come', async () => {
  const rounds = await lotteryDb(t.db.kysely).selectFrom('facility_lottery_rounds').select(['facility_id', 'month', 'status']).execute();
  const month = (ahead: number) => {
    const [y, m] = japanClock(now).date.split('-').map(Number) as [number, number];
    const total = y * 12 + m - 1 + ahead;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  };
  assert.deepEqual(rounds.map((r) => [r.facility_id, r.month, r.status]).sort(), [['z-hall', month(1), 'drawn'], ['z-hall', month(2), 'published']]);
  const availability = await t.browser().get(`/api/facilities/z-hall/availability?from=${addDays(japanClock(now).date, 1)}&to=${addDays(japanClock(now).date, 7)}`);
  const states = JSON.stringify(availability.json());
  assert.ok(states.includes('"free"') && !states.includes('lottery_planned'), 'this month of Zホール is first-come');
});
