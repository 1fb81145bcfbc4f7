/** The pure rules of facility booking: calendar, slots, fees, deadlines, cancellation, request checks, availability states. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { roomDays } from './availability.ts';
import { checkBookingRules, type BookingInput } from './booking-rules.ts';
import { addMonths, clockText, duringRange, hourCode, instantOf } from './booking-time.ts';
import type { FacilityInfo, RoomInfo } from './catalogue.ts';
import { closedReason, contiguous, slotsOn } from './calendar.ts';
import { cancellationTerms, paymentDeadline, quoteFee, reductionOf } from './fees.ts';
import { canActOnBooking, canBookForGroup, canManageFacility, canSeeBooking, MAX_UNPAID_BOOKINGS, mayHoldAnotherUnpaid, UNPAID_STATUSES } from './policy.ts';
import type { ResidentActor, StaffActor } from '../../platform/access/actor.ts';

const H = (h: number) => h * 60;
const BLOCKS = [
  { code: 'morning', nameJa: '午前', nameEn: 'Morning', startsAt: H(9), endsAt: H(12) },
  { code: 'afternoon', nameJa: '午後', nameEn: 'Afternoon', startsAt: H(13), endsAt: H(17) },
  { code: 'evening', nameJa: '夜間', nameEn: 'Evening', startsAt: H(18), endsAt: H(21) },
];

function facility(overrides: Partial<FacilityInfo> = {}): FacilityInfo {
  return {
    id: 'f',
    name: '試験会館',
    nameKana: 'シケンカイカン',
    area: '水沢',
    kind: 'community',
    address: '',
    lat: 39,
    lng: 141,
    phone: '',
    description: '',
    accessibility: [],
    departmentCode: 'lifelong',
    bookingHorizonMonths: 3,
    payDaysBeforeUse: 3,
    payDaysAfterBooking: 7,
    counterPayment: false,
    cancelFreeDaysBefore: 7,
    cancelFeePercent: 50,
    heatingMonths: [11, 12, 1, 2, 3],
    // Tuesday–Saturday 9–21, Sunday 9–17, Monday closed.
    hours: new Map([
      [2, { opensAt: H(9), closesAt: H(21) }],
      [3, { opensAt: H(9), closesAt: H(21) }],
      [4, { opensAt: H(9), closesAt: H(21) }],
      [5, { opensAt: H(9), closesAt: H(21) }],
      [6, { opensAt: H(9), closesAt: H(21) }],
      [7, { opensAt: H(9), closesAt: H(17) }],
    ]),
    closures: [
      { rule: 'annual', onDate: null, fromMd: '12-29', toMd: '01-03', nth: null, weekday: null, dayOfMonth: null, reason: '年末年始' },
      { rule: 'monthly_nth_weekday', onDate: null, fromMd: null, toMd: null, nth: 3, weekday: 3, dayOfMonth: null, reason: '第3水曜' },
      { rule: 'monthly_day', onDate: null, fromMd: null, toMd: null, nth: null, weekday: null, dayOfMonth: 25, reason: '点検日' },
      { rule: 'date', onDate: '2027-06-10', fromMd: null, toMd: null, nth: null, weekday: null, dayOfMonth: null, reason: '選挙の投票所' },
    ],
    rooms: [],
    ...overrides,
  };
}

function room(overrides: Partial<RoomInfo> = {}): RoomInfo {
  return {
    id: 'r',
    facilityId: 'f',
    name: '会議室',
    nameKana: 'カイギシツ',
    kind: 'meeting',
    capacity: 30,
    floorAreaM2: null,
    equipment: [],
    purposes: ['meeting', 'study'],
    needsApproval: false,
    slotMode: 'blocks',
    lotteryEnabled: false,
    description: '',
    blocks: BLOCKS,
    fees: new Map([
      ['morning', { residentYen: 700, nonResidentYen: 1050, commercialYen: 2100, heatingYen: 200 }],
      ['afternoon', { residentYen: 900, nonResidentYen: 1350, commercialYen: 2700, heatingYen: 200 }],
      ['evening', { residentYen: 900, nonResidentYen: 1350, commercialYen: 2700, heatingYen: 200 }],
      ['hour', { residentYen: 400, nonResidentYen: 600, commercialYen: 1200, heatingYen: 100 }],
    ]),
    ...overrides,
  };
}

const NOW = new Date('2027-06-01T10:00:00+09:00'); // Tuesday
const input = (o: Partial<BookingInput> = {}): BookingInput => ({ roomId: 'r', date: '2027-06-08', blockCodes: ['morning'], purpose: 'meeting', purposeDetail: '', headcount: 10, groupId: null, commercial: false, paymentChoice: 'online', ...o });
const rules = (o: Partial<BookingInput> = {}, f = facility(), r = room()) => checkBookingRules(f, r, input(o), NOW, (c) => c);
const fields = (o: Partial<BookingInput> = {}, f?: FacilityInfo, r?: RoomInfo) => rules(o, f, r).errors.map((e) => `${e.field}:${e.messageKey}`);

describe('calendar', () => {
  test('weekly closing day, year end across the new year, the nth weekday, a day of the month, a single date', () => {
    const f = facility();
    assert.deepEqual(closedReason(f, '2027-06-07'), { kind: 'weekly' }, 'Monday');
    assert.equal(closedReason(f, '2027-06-08'), null);
    for (const d of ['2027-12-29', '2027-12-31', '2028-01-01', '2028-01-03']) assert.deepEqual(closedReason(f, d), { kind: 'rule', reason: '年末年始' }, d);
    assert.equal(closedReason(f, '2028-01-04'), null);
    assert.deepEqual(closedReason(f, '2027-06-16'), { kind: 'rule', reason: '第3水曜' });
    assert.equal(closedReason(f, '2027-06-09'), null, 'the second Wednesday is open');
    assert.deepEqual(closedReason(f, '2027-06-25'), { kind: 'rule', reason: '点検日' });
    assert.deepEqual(closedReason(f, '2027-06-10'), { kind: 'rule', reason: '選挙の投票所' });
  });

  test('blocks outside a short day are not offered; hourly rooms get whole hours', () => {
    const f = facility();
    assert.deepEqual(slotsOn(f, room(), '2027-06-13').map((s) => s.code), ['morning', 'afternoon'], 'Sunday closes at 17:00');
    assert.deepEqual(slotsOn(f, room(), '2027-06-07'), [], 'closed Monday');
    const hourly = slotsOn(f, room({ slotMode: 'hourly' }), '2027-06-13');
    assert.equal(hourly.length, 8);
    assert.equal(hourly[0]!.code, 'h0900');
    assert.equal(hourly.at(-1)!.nameJa, '16:00〜17:00');
  });

  test('contiguous: adjacent blocks (across the lunch gap) yes, skipping one no', () => {
    const slots = slotsOn(facility(), room(), '2027-06-08');
    assert.deepEqual(contiguous(slots, ['afternoon', 'morning'])!.map((s) => s.code), ['morning', 'afternoon']);
    assert.equal(contiguous(slots, ['morning', 'evening']), null);
    assert.equal(contiguous(slots, ['night']), null);
    assert.equal(contiguous(slots, []), null);
  });

  test('times: clock text, hour codes, month arithmetic, the tstzrange is Japan time', () => {
    assert.equal(clockText(540), '9:00');
    assert.equal(hourCode(13 * 60 + 30), 'h1330');
    assert.equal(addMonths('2027-11-30', 3), '2028-02-29');
    assert.equal(addMonths('2027-01-31', 1), '2027-02-28');
    assert.equal(instantOf('2027-06-08', 540).toISOString(), '2027-06-08T00:00:00.000Z');
    assert.ok(duringRange('2027-06-08', 540, 720));
  });
});

describe('fees', () => {
  const f = facility();
  const slots = slotsOn(f, room(), '2027-06-08');
  test('rates by residency and commercial use; heating only in heating months', () => {
    assert.equal(quoteFee(f, room(), slots.slice(0, 2), 'resident', '2027-06-08')!.feeYen, 1600);
    assert.equal(quoteFee(f, room(), slots.slice(0, 2), 'non_resident', '2027-06-08')!.feeYen, 2400);
    assert.equal(quoteFee(f, room(), slots.slice(0, 1), 'commercial', '2027-06-08')!.feeYen, 2100);
    const winter = quoteFee(f, room(), slotsOn(f, room(), '2027-12-07').slice(0, 2), 'resident', '2027-12-07')!;
    assert.deepEqual([winter.baseYen, winter.heatingYen, winter.feeYen], [1600, 400, 2000]);
    const hourly = room({ slotMode: 'hourly' });
    assert.equal(quoteFee(f, hourly, slotsOn(f, hourly, '2027-06-08').slice(0, 3), 'resident', '2027-06-08')!.feeYen, 1200);
    assert.equal(quoteFee(f, room({ fees: new Map() }), slots.slice(0, 1), 'resident', '2027-06-08'), null, 'no fee set: not bookable online');
  });

  test('reductions: 100% waives everything, 50% leaves half rounded down to 10 yen', () => {
    assert.equal(reductionOf(1600, 100), 1600);
    assert.equal(reductionOf(1650, 50), 830, '825 due → 820 due, 830 waived');
    assert.equal(reductionOf(1600, 0), 0);
    assert.equal(quoteFee(f, room(), slots.slice(0, 1), 'resident', '2027-06-08', 50)!.feeYen, 350);
  });

  test('payment deadline: the earlier of N days before use and M days after booking; inside the window an hour', () => {
    const due = (bookedAt: string, useDate: string, startsAt = H(9)) => paymentDeadline(f, new Date(bookedAt), bookedAt.slice(0, 10), useDate, startsAt).toISOString();
    assert.equal(due('2027-06-01T10:00:00+09:00', '2027-06-30'), new Date('2027-06-08T23:59:59+09:00').toISOString(), '7 days after booking');
    assert.equal(due('2027-06-01T10:00:00+09:00', '2027-06-06'), new Date('2027-06-03T23:59:59+09:00').toISOString(), '3 days before use');
    assert.equal(due('2027-06-01T10:00:00+09:00', '2027-06-02'), new Date('2027-06-01T11:00:00+09:00').toISOString(), 'use tomorrow: an hour');
    assert.equal(due('2027-06-01T10:00:00+09:00', '2027-06-01', H(10) + 30), new Date('2027-06-01T10:30:00+09:00').toISOString(), 'never after the start of use');
  });

  test('cancellation: free until N days before, then the share kept; nothing paid, nothing kept', () => {
    assert.deepEqual(cancellationTerms(f, '2027-06-15', '2027-06-08', 1600), { freeUntil: '2027-06-08', free: true, cancelFeeYen: 0, refundYen: 1600 });
    assert.deepEqual(cancellationTerms(f, '2027-06-15', '2027-06-09', 1600), { freeUntil: '2027-06-08', free: false, cancelFeeYen: 800, refundYen: 800 });
    assert.deepEqual(cancellationTerms(f, '2027-06-15', '2027-06-14', 0), { freeUntil: '2027-06-08', free: false, cancelFeeYen: 0, refundYen: 0 });
    assert.equal(cancellationTerms({ cancelFreeDaysBefore: 7, cancelFeePercent: 30 }, '2027-06-15', '2027-06-14', 1650).cancelFeeYen, 490);
  });
});

describe('booking request rules', () => {
  test('an acceptable request gives its slots in time order', () => {
    const ok = rules({ blockCodes: ['afternoon', 'morning'] });
    assert.deepEqual(ok.errors, []);
    assert.deepEqual(ok.slots.map((s) => s.code), ['morning', 'afternoon']);
  });

  test('each refusal names its field', () => {
    assert.deepEqual(fields({ date: '2027-05-31' }), ['date:facilities.error.pastDate']);
    assert.deepEqual(fields({ date: '2027-09-02' }), ['date:facilities.error.horizon']);
    assert.deepEqual(fields({ date: '2027-09-01' }), [], 'exactly 3 months ahead is bookable');
    assert.deepEqual(fields({ date: '2027-06-07' }), ['date:facilities.error.closedWeekly']);
    assert.deepEqual(fields({ date: '2027-06-10' }), ['date:facilities.error.closedDay']);
    assert.deepEqual(fields({ date: '2027-06-13', blockCodes: ['evening'] }), ['blocks:facilities.error.outsideHours']);
    assert.deepEqual(fields({ blockCodes: [] }), ['blocks:facilities.error.blocksRequired']);
    assert.deepEqual(fields({ blockCodes: ['morning', 'evening'] }), ['blocks:facilities.error.notContiguous']);
    assert.deepEqual(fields({ date: '2027-06-01', blockCodes: ['morning'] }), ['blocks:facilities.error.slotStarted'], 'today 10:00, the morning block began at 9:00');
    assert.deepEqual(fields({ date: '2027-06-01', blockCodes: ['afternoon'] }), []);
    assert.deepEqual(fields({ headcount: 31 }), ['headcount:facilities.error.capacity']);
    assert.deepEqual(fields({ headcount: 0 }), ['headcount:facilities.error.headcountMissing']);
    assert.deepEqual(fields({ purpose: 'sports' }), ['purpose:facilities.error.purpose']);
    assert.deepEqual(fields({ paymentChoice: 'counter' }), ['paymentChoice:facilities.error.counter']);
    assert.deepEqual(fields({ paymentChoice: 'counter' }, facility({ counterPayment: true })), []);
  });

  test('several problems at once are all reported', () => {
    assert.deepEqual(fields({ date: '2027-06-07', headcount: 99, purpose: 'cooking' }), ['date:facilities.error.closedWeekly', 'headcount:facilities.error.capacity', 'purpose:facilities.error.purpose']);
  });
});

describe('availability states', () => {
  test('free, booked, lottery, unavailable, closed, outside, past and not yet open', () => {
    const f = facility();
    const r = room();
    const occupations = [
      { id: 'a', roomId: 'r', kind: 'booking' as const, status: 'confirmed' as const, date: '2027-06-08', startsAt: H(9), endsAt: H(17) },
      { id: 'b', roomId: 'r', kind: 'lottery' as const, status: 'held' as const, date: '2027-06-09', startsAt: H(18), endsAt: H(21) },
      { id: 'c', roomId: 'r', kind: 'block' as const, status: 'held' as const, date: '2027-06-09', startsAt: H(9), endsAt: H(12) },
    ];
    const { columns, days } = roomDays(f, r, ['2027-06-01', '2027-06-07', '2027-06-08', '2027-06-09', '2027-06-13', '2027-09-02'], occupations, NOW);
    assert.deepEqual(columns.map((c) => c.code), ['morning', 'afternoon', 'evening']);
    const states = days.map((d) => d.cells.map((c) => c.state).join(','));
    assert.deepEqual(states, [
      'past,free,free',
      'closed,closed,closed',
      'booked,booked,free',
      'unavailable,free,lottery',
      'free,free,outside',
      'not_yet,not_yet,not_yet',
    ]);
  });
});

describe('policy', () => {
  const resident = (accountId: string): ResidentActor => ({ kind: 'resident', accountId, residentId: 'x', displayName: 'x', assurance: 'card' });
  const staff = (department: string): StaffActor => ({ kind: 'staff', id: 's', loginId: 's', displayName: 's', roles: [{ department, role: 'clerk' }] });
  const booking = { resident_account_id: 'a', group_id: 'g' };
  const fac = { department_code: 'lifelong' };
  test('the holder and the members of the group see a booking; only the holder acts on it; staff of the department do both', () => {
    assert.equal(canSeeBooking(resident('a'), booking, fac, new Set()), true);
    assert.equal(canSeeBooking(resident('b'), booking, fac, new Set(['g'])), true);
    assert.equal(canSeeBooking(resident('b'), booking, fac, new Set()), false);
    assert.equal(canActOnBooking(resident('b'), booking, fac), false);
    assert.equal(canActOnBooking(resident('a'), booking, fac), true);
    assert.equal(canSeeBooking(staff('lifelong'), booking, fac, new Set()), true);
    assert.equal(canManageFacility(staff('transport'), fac), false);
  });
  test('a resident holds at most 3 unpaid bookings (仮予約 waiting for approval or payment)', () => {
    assert.equal(MAX_UNPAID_BOOKINGS, 3);
    assert.deepEqual([0, 2, 3, 4].map(mayHoldAnotherUnpaid), [true, true, false, false]);
    assert.deepEqual([...UNPAID_STATUSES], ['pending_approval', 'awaiting_payment']);
  });
  test('only approved groups book, and only through a member', () => {
    assert.equal(canBookForGroup({ representative_account_id: 'a', status: 'approved' }, true), true);
    assert.equal(canBookForGroup({ representative_account_id: 'a', status: 'pending' }, true), false);
    assert.equal(canBookForGroup({ representative_account_id: 'a', status: 'approved' }, false), false);
  });
});
