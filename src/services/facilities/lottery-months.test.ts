/**
 * Which months of a lottery room are first-come: with no round (Zホール's usual
 * state) a later month is bookable; a round being prepared or taking entries keeps
 * its month for the lottery and the refusal points to it; once drawn, first-come again.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DomainError } from '../../platform/http/errors.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { facilityAvailability } from './availability-service.ts';
import { quoteBooking } from './booking-service.ts';
import { createFacilitiesTestApp, makeResident, request, staffActor, type FacilitiesTestApp } from './facilities-test-kit.ts';
import { lotteryContext } from './lottery-context.ts';
import { drawRound } from './lottery-draw.ts';
import { addSlots, createRound, publishRound } from './lottery-rounds.ts';

let t: FacilitiesTestApp;
before(async () => {
  t = await createFacilitiesTestApp();
});
after(() => t.close());

// TEST_NOW is Tuesday 2027-06-01: July, August and September are later months.
const hall = (date: string) => request({ roomId: 'z-hall-large', date, blockCodes: ['afternoon'], purpose: 'music', headcount: 300 });
const at = (iso: string) => new Date(`${iso}+09:00`);

async function statesOn(date: string): Promise<string[]> {
  const { rooms } = await facilityAvailability(t.fdb, 'z-hall', date, date, t.clock.now);
  return rooms.find((r) => r.room.id === 'z-hall-large')!.days[0]!.cells.map((c) => c.state);
}

async function newRound(month: string, window: { opensAt: Date; closesAt: Date; drawAt: Date }) {
  const staff = await staffActor(t);
  const lottery = lotteryContext(t.platform);
  const roundId = await createRound(lottery, staff, { facilityId: 'z-hall', month, title: `${month} 土日夜間`, ...window, payDays: 7, maxPreferences: 3, maxEntries: 3, maxWinsPerTypeMonth: 1, maxWinsPerMonth: null });
  await addSlots(lottery, staff, roundId, 'z-hall-large', { blockCodes: ['evening'], hours: null, weekdays: [6, 7], dates: [], slotType: '' });
  return { roundId, staff, lottery };
}

const refusedFor = (messageKey: string) => (e: unknown) => e instanceof DomainError && e.fields[0]?.field === 'date' && e.fields[0].messageKey === messageKey;

test('Zホール with no lottery round: a later month is bookable first-come', async () => {
  const resident = await makeResident(t.fdb);
  const quote = await quoteBooking(t.ctx, resident, hall('2027-07-10'));
  assert.equal(quote.status, 'pending_approval', 'the hall needs a permit: a 仮予約');
  const states = await statesOn('2027-07-10');
  assert.ok(states.includes('free'), `free cells on 7/10 (got ${states.join(',')})`);
  assert.ok(!states.includes('lottery_planned'));
});

test('an open round keeps its month for the lottery and the refusal names its window; after the draw the month is first-come', async () => {
  const resident = await makeResident(t.fdb);
  const { roundId, staff, lottery } = await newRound('2027-08', { opensAt: at('2027-05-31T09:00:00'), closesAt: at('2027-06-10T17:00:00'), drawAt: at('2027-06-11T10:00:00') });
  // While still a draft, the month is kept too; its window is not public yet.
  await assert.rejects(quoteBooking(t.ctx, resident, hall('2027-08-10')), refusedFor('facilities.error.lotteryMonthUnannounced'));
  await publishRound(lottery, staff, roundId);

  await assert.rejects(quoteBooking(t.ctx, resident, hall('2027-08-10')), (e: unknown) => {
    assert.ok(refusedFor('facilities.error.lotteryMonth')(e), String(e));
    const params = (e as DomainError).fields[0]!.params!;
    assert.deepEqual([params.month, params.opens, params.closes], [8, '2027/05/31 09:00', '2027/06/10 17:00']);
    return true;
  });
  assert.ok((await statesOn('2027-08-10')).every((s) => s === 'lottery_planned' || s === 'outside'));
  // The booking form says so and links to the lottery; a first-come month has no such link.
  const b = t.browser();
  await b.loginResident('demo-04', 'card');
  await b.post('/facilities/register', { name: '奥州 次郎', nameKana: 'オウシュウ ジロウ', phone: '090-1234-5678', email: '', address: '', next: '/facilities/mine' });
  const form = await b.get('/facilities/book?room=z-hall-large&date=2027-08-10');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /この部屋のこの月は抽選で受け付けます[\s\S]*href="\/facilities\/lottery"/);
  assert.doesNotMatch((await b.get('/facilities/book?room=z-hall-large&date=2027-07-17')).body, /抽選の申込ページへ/);
  const message = translator('ja')('facilities.error.lotteryMonth', { year: 2027, month: 8, opens: 'A', closes: 'B' });
  assert.match(message, /抽選でお申し込みいただく/, 'the refusal points to the lottery');
  // Other months stay first-come.
  await quoteBooking(t.ctx, resident, hall('2027-07-17'));

  const before = t.clock.now;
  t.clock.now = at('2027-06-11T10:01:00');
  try {
    assert.equal((await drawRound(lottery, staff, roundId)).drawn, true);
    const quote = await quoteBooking(t.ctx, resident, hall('2027-08-10'));
    assert.equal(quote.status, 'pending_approval', 'drawn: first-come for what the lottery did not hold');
  } finally {
    t.clock.now = before;
  }
});
