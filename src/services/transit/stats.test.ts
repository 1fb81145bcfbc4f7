import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { StaffActor } from '../../platform/access/actor.ts';
import type { Translate } from '../../platform/i18n/i18n.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { formatWareki } from '../../platform/text/wareki.ts';
import { addDays, japanInstant } from '../../platform/time/today.ts';
import { bookTrip, cancelTrip, quoteTrip, type TripInput } from './booking-service.ts';
import { statsMessages } from './stats-messages.ts';
import { resolveRange } from './stats-routes.tsx';
import { datesBetween, kmFigures, onTimeOf, planWalk, punctuality, rangeProblems, REFUSAL_REASONS, rideCounts, vehicleDayKm, type StatsTrip, type WalkTrip } from './stats-service.ts';
import { transitDb } from './tables.ts';
import { transitContext, type TransitContext } from './transit-context.ts';
import { DEMO_STOPS } from './transit-demo-data.ts';
import { nextWeekday, todayJapan } from './transit-test-kit.ts';
import { estimateMatrix } from './travel-model.ts';

const H = 3600;

/** Depot 0, stops A=1, B=2, C=3; metres by hand (one way only where the tests drive). */
const LEGS: Record<string, number> = { '0-1': 1000, '1-2': 2000, '2-3': 3000, '3-0': 4000, '1-3': 500, '0-2': 700, '2-0': 800 };
const handMatrix = {
  metres(a: number, b: number): number {
    const m = LEGS[`${a}-${b}`];
    if (m === undefined) throw new Error(`leg ${a}-${b} not in the hand matrix`);
    return m;
  },
};

describe('distance, empty distance and load per km', () => {
  test('a day: depot → A (+2) → B (+1) → C (−2) → C (−1) → depot', () => {
    const d = vehicleDayKm(
      [
        { location: 1, change: 2 },
        { location: 2, change: 1 },
        { location: 3, change: -2 },
        { location: 3, change: -1 },
      ],
      handMatrix,
      0,
    );
    // legs: 0→1 1000 empty; 1→2 2000 ×2; 2→3 3000 ×3; 3→3 0; 3→0 4000 empty
    assert.deepEqual(d, { metres: 10_000, emptyMetres: 5000, passengerMetres: 2 * 2000 + 3 * 3000 });
    assert.deepEqual(kmFigures(d), { km: 10, emptyKm: 5, passengerKm: 13, occupancy: 1.3 });
  });

  test('a vehicle without stops never left the depot; a lone pickup without a dropoff still drives home loaded', () => {
    assert.deepEqual(vehicleDayKm([], handMatrix, 0), { metres: 0, emptyMetres: 0, passengerMetres: 0 });
    assert.equal(kmFigures(vehicleDayKm([], handMatrix, 0)).occupancy, null);
    // 0→2 700 empty, 2→0 800 with 1 on board
    assert.deepEqual(vehicleDayKm([{ location: 2, change: 1 }], handMatrix, 0), { metres: 1500, emptyMetres: 700, passengerMetres: 800 });
  });

  test('the walk skips cancelled rides, visits a no-show’s pickup without load, and skips its dropoff', () => {
    const trips = new Map<string, WalkTrip>([
      ['done', { status: 'completed', passengers: 2, origin: 1, destination: 3 }],
      ['absent', { status: 'no_show', passengers: 1, origin: 2, destination: 0 }],
      ['gone', { status: 'cancelled', passengers: 3, origin: 1, destination: 2 }],
      ['later', { status: 'booked', passengers: 1, origin: 2, destination: 3 }],
    ]);
    const walk = planWalk(
      [
        { tripId: 'done', kind: 'pickup' },
        { tripId: 'absent', kind: 'pickup' },
        { tripId: 'gone', kind: 'pickup' },
        { tripId: 'later', kind: 'pickup' },
        { tripId: 'absent', kind: 'dropoff' },
        { tripId: 'done', kind: 'dropoff' },
        { tripId: 'gone', kind: 'dropoff' },
        { tripId: 'later', kind: 'dropoff' },
      ],
      trips,
    );
    assert.deepEqual(walk, [
      { location: 1, change: 2 },
      { location: 2, change: 0 },
      { location: 2, change: 1 },
      { location: 3, change: -2 },
      { location: 3, change: -1 },
    ]);
    // 0→1 1000 empty; 1→2 2000 ×2; 2→2 0; 2→3 3000 ×3; 3→3 0; 3→0 4000 empty
    assert.deepEqual(vehicleDayKm(walk, handMatrix, 0), { metres: 10_000, emptyMetres: 5000, passengerMetres: 13_000 });
  });
});

describe('punctuality and ride counts', () => {
  const early = 9 * H;
  const late = 9 * H + 600;
  const trip = (status: StatsTrip['status'], boardedAt: number | null, passengers = 1): StatsTrip => ({ status, passengers, pickupEarly: early, pickupLate: late, boardedAt });

  test('both ends of the pickup window are on time; a second outside is early or late', () => {
    assert.equal(punctuality(early, early, late), 'on_time');
    assert.equal(punctuality(late, early, late), 'on_time');
    assert.equal(punctuality(early - 1, early, late), 'early');
    assert.equal(punctuality(late + 1, early, late), 'late');
    assert.equal(punctuality(null, early, late), 'unrecorded');
  });

  test('only rides that boarded count; unrecorded times are left out of the rate', () => {
    const trips = [
      trip('completed', early, 2),
      trip('completed', late),
      trip('boarded', early - 60),
      trip('completed', late + 1, 3),
      trip('completed', null),
      trip('no_show', null, 4),
      trip('cancelled', null, 2),
      trip('booked', null),
    ];
    assert.deepEqual(onTimeOf(trips), { onTime: 2, early: 1, late: 1, unrecorded: 1, rate: 0.5 });
    assert.deepEqual(rideCounts(trips), { booked: 8, completed: 4, cancelled: 1, noShows: 1, passengers: 2 + 1 + 1 + 3 + 1 });
    assert.equal(onTimeOf([trip('completed', null), trip('no_show', null)]).rate, null, 'nothing judged: no rate');
  });
});

describe('the period', () => {
  test('at most 366 days, end not before start, real dates only', () => {
    assert.deepEqual(rangeProblems('2028-01-01', '2028-12-31'), [], '366 days of a leap year');
    assert.equal(datesBetween('2028-01-01', '2028-12-31').length, 366);
    assert.equal(rangeProblems('2026-01-01', '2027-01-02')[0]?.messageKey, 'transit.stats.error.range', '367 days');
    assert.deepEqual(rangeProblems('2026-01-01', '2027-01-01'), [], '366 days');
    assert.equal(rangeProblems('2026-04-02', '2026-04-01')[0]?.messageKey, 'transit.stats.error.order');
    assert.deepEqual(rangeProblems('2026-02-30', 'x').map((p) => p.field), ['from', 'to']);
  });

  test('和暦 and Western dates; a missing end is today, a missing start 29 days before the end', () => {
    const t: Translate = (key, params) => (statsMessages.ja[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
    assert.deepEqual(resolveRange({ from: 'R8.4.1', to: '2026/4/30' }, '2026-11-24', t).range, { from: '2026-04-01', to: '2026-04-30' });
    assert.deepEqual(resolveRange({}, '2026-11-24', t).range, { from: '2026-10-26', to: '2026-11-24' });
    assert.deepEqual(resolveRange({ to: '令和８年４月３０日' }, '2026-11-24', t).range, { from: '2026-04-01', to: '2026-04-30' });
    const bad = resolveRange({ from: '令和8年2月30日' }, '2026-11-24', t);
    assert.equal(bad.range, null);
    assert.deepEqual(bad.errors, [{ field: 'from', messageKey: 'transit.stats.error.dateInvalid', params: { field: '開始日' } }]);
  });
});

test('statistics texts: Japanese and English have the same keys, all under transit.stats., every refusal reason labelled', () => {
  assert.deepEqual(Object.keys(statsMessages.en).sort(), Object.keys(statsMessages.ja).sort());
  assert.deepEqual(Object.keys(statsMessages.ja).filter((k) => !k.startsWith('transit.stats.')), []);
  for (const reason of REFUSAL_REASONS) {
    assert.ok(statsMessages.ja[`transit.stats.reason.${reason}`], reason);
    assert.ok(statsMessages.en[`transit.stats.reason.${reason}`], reason);
  }
});

describe('statistics over HTTP', () => {
  let t: TestApp;
  let clock: Date;
  let ctx: TransitContext;
  let actor: StaffActor;
  /** The service day the rides happen on (a weekday after today), and the expected distances by the demo matrix. */
  const day = nextWeekday(todayJapan(), 1);
  const ids: Record<'t1' | 't2' | 't3' | 't4', string> = { t1: '', t2: '', t3: '', t4: '' };
  let expected: { metres: number; emptyMetres: number; passengerMetres: number };

  const ride = (originStopId: string, destinationStopId: string, time: number, passengers: number): TripInput => ({ date: day, originStopId, destinationStopId, kind: 'depart', time, passengers, wheelchair: false });

  async function book(name: string, input: TripInput): Promise<string> {
    const db = transitDb(t.platform.db.kysely);
    const rider = await db
      .insertInto('transit_riders')
      .values({ name, name_kana: 'テスト', kana_key: 'テスト', phone: '09000000000', email: null, resident_account_id: null, created_by_staff_id: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const quote = await quoteTrip(ctx, actor, rider.id, input, 'phone');
    assert.ok(quote.ok, JSON.stringify(quote));
    const offer = quote.offers[0]!;
    const booked = await bookTrip(ctx, actor, { riderId: rider.id, input, pickup: offer.pickup, dropoff: offer.dropoff, idempotencyKey: name, channel: 'phone' });
    return booked.id;
  }

  before(async () => {
    clock = japanInstant(addDays(day, -1), 10 * H);
    t = await createTestApp({ now: () => clock });
    ctx = transitContext(t.platform);
    // Start from no rides at all: the demo data may have booked some around today.
    const clean = transitDb(t.platform.db.kysely);
    for (const table of ['transit_plan_stops', 'transit_events', 'transit_refusals', 'transit_trips'] as const) await clean.deleteFrom(table).execute();
    const staff = await t.db.kysely.selectFrom('staff').select('id').where('login_id', '=', 'kotsu.tanto').executeTakeFirstOrThrow();
    actor = { kind: 'staff', id: staff.id, loginId: 'kotsu.tanto', displayName: '交通 三郎', roles: [{ department: 'transport', role: 'clerk' }] };

    ids.t1 = await book('t1', ride('shirayama', 'magokoro-hospital', 9 * H, 1));
    ids.t2 = await book('t2', ride('kojo', 'maesawa-station', 10 * H, 2));
    ids.t3 = await book('t3', ride('mero', 'maesawa-branch', 11 * H, 1));
    ids.t4 = await book('t4', ride('omo', 'shopping-plaza', 13 * H, 1));
    await cancelTrip(ctx, actor, ids.t4, 'test');
    // Refused requests: one through the service (before opening), one written directly; one outside the period.
    const refused = await quoteTrip(ctx, actor, (await transitDb(t.platform.db.kysely).selectFrom('transit_trips').select('rider_id').where('id', '=', ids.t1).executeTakeFirstOrThrow()).rider_id, ride('shirayama', 'magokoro-hospital', 6 * H, 1), 'phone');
    assert.deepEqual(refused, { ok: false, reason: 'outside_hours' });
    const db = transitDb(t.platform.db.kysely);
    await db.insertInto('transit_refusals').values([
      { service_date: day, origin_stop_id: 'kojo', destination_stop_id: 'maesawa-station', requested_time: 10 * H, passengers: 4, reason: 'no_vehicle', channel: 'web' },
      { service_date: addDays(day, 40), origin_stop_id: 'kojo', destination_stop_id: 'maesawa-station', requested_time: 10 * H, passengers: 1, reason: 'too_far_ahead', channel: 'web' },
    ]).execute();

    // Three days later: the drivers' records, and the plan vehicle 1 drove (set by hand so the distance is known).
    clock = japanInstant(addDays(day, 3), 10 * H);
    const trips = new Map((await db.selectFrom('transit_trips').selectAll().where('service_date', '=', day).execute()).map((r) => [r.id, r]));
    const t1 = trips.get(ids.t1)!;
    const t2 = trips.get(ids.t2)!;
    await db.updateTable('transit_trips').set({ status: 'completed', boarded_at: t1.pickup_early + 60, dropped_at: t1.pickup_early + 1500 }).where('id', '=', ids.t1).execute();
    await db.updateTable('transit_trips').set({ status: 'completed', boarded_at: t2.pickup_late + 120, dropped_at: t2.pickup_late + 1800 }).where('id', '=', ids.t2).execute();
    await db.updateTable('transit_trips').set({ status: 'no_show' }).where('id', '=', ids.t3).execute();
    await db.updateTable('transit_trips').set({ vehicle_id: 'maesawa-1' }).where('id', 'in', [ids.t1, ids.t2, ids.t3, ids.t4]).execute();
    await db.deleteFrom('transit_plan_stops').where('service_date', '=', day).execute();
    const order: [string, 'pickup' | 'dropoff'][] = [
      [ids.t1, 'pickup'],
      [ids.t3, 'pickup'],
      [ids.t1, 'dropoff'],
      [ids.t3, 'dropoff'],
      [ids.t2, 'pickup'],
      [ids.t2, 'dropoff'],
      [ids.t4, 'pickup'],
      [ids.t4, 'dropoff'],
    ];
    await db
      .insertInto('transit_plan_stops')
      .values(order.map(([trip_id, kind], seq) => ({ service_date: day, vehicle_id: 'maesawa-1', seq, trip_id, kind, planned_time: 9 * H + seq * 600 })))
      .execute();

    // Depot 前沢総合支所 → 白山 (empty) → 目呂木 (1, the no-show's pickup) → 病院 (1) → 古城 (empty) → 駅 (2) → depot (empty).
    const m = estimateMatrix(DEMO_STOPS);
    const leg = (a: string, b: string) => m.metres(m.indexOf(a), m.indexOf(b));
    expected = {
      metres: leg('maesawa-branch', 'shirayama') + leg('shirayama', 'mero') + leg('mero', 'magokoro-hospital') + leg('magokoro-hospital', 'kojo') + leg('kojo', 'maesawa-station') + leg('maesawa-station', 'maesawa-branch'),
      emptyMetres: leg('maesawa-branch', 'shirayama') + leg('magokoro-hospital', 'kojo') + leg('maesawa-station', 'maesawa-branch'),
      passengerMetres: leg('shirayama', 'mero') + leg('mero', 'magokoro-hospital') + 2 * leg('kojo', 'maesawa-station'),
    };
    assert.ok(expected.metres > 10_000 && expected.emptyMetres > 0 && expected.passengerMetres > 0);
  });
  after(() => t.close());

  test('JSON: the day’s rides, refusals, punctuality and distances, from 和暦 dates', async () => {
    const b = t.browser();
    await b.loginStaff('kotsu.tanto');
    const response = await b.json('GET', `/api/transit/stats?from=${encodeURIComponent(formatWareki(day))}&to=${day}`);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.from, day);
    assert.equal(body.to, day);
    assert.equal(body.distanceSource, 'estimate');
    const figures = kmFigures(expected);
    const d = body.days[0];
    assert.equal(body.days.length, 1);
    assert.deepEqual(
      { booked: d.booked, completed: d.completed, cancelled: d.cancelled, noShows: d.noShows, passengers: d.passengers, refused: d.refused },
      { booked: 4, completed: 2, cancelled: 1, noShows: 1, passengers: 3, refused: 2 },
    );
    assert.deepEqual(d.refusals, { past: 0, too_far_ahead: 0, closed_weekday: 0, closed_day: 0, too_late_today: 0, outside_hours: 1, no_vehicle: 1, no_wheelchair_vehicle: 0 });
    assert.deepEqual(d.onTime, { onTime: 1, early: 0, late: 1, unrecorded: 0, rate: 0.5 });
    assert.deepEqual({ km: d.km, emptyKm: d.emptyKm, passengerKm: d.passengerKm, occupancy: d.occupancy }, figures);
    const { date: _date, refusals: _dayRefusals, ...dayFigures } = d;
    const { refusals: totalRefusals, ...totalFigures } = body.totals;
    assert.deepEqual(totalFigures, dayFigures, 'the only day with rides makes the totals');
    assert.equal(totalRefusals.no_vehicle, 1);
    const v1 = body.vehicles.find((v: { id: string }) => v.id === 'maesawa-1');
    assert.deepEqual(v1, { id: 'maesawa-1', name: v1.name, days: 1, rides: 2, passengers: 3, ...figures });
    for (const v of body.vehicles.filter((x: { id: string }) => x.id !== 'maesawa-1')) assert.equal(v.km, 0, v.id);
    assert.deepEqual(body.refusals.find((r: { reason: string }) => r.reason === 'outside_hours'), { reason: 'outside_hours', count: 1 });

    const wide = (await b.json('GET', `/api/transit/stats?from=${addDays(day, -10)}&to=${addDays(day, 50)}`)).json();
    assert.equal(wide.days.length, 61);
    assert.equal(wide.totals.refused, 3, 'the later refusal counts in a period that covers it');
    assert.equal(wide.totals.refusals.too_far_ahead, 1);
    assert.equal(wide.totals.km, figures.km);

    const bad = await b.json('GET', '/api/transit/stats?from=R8.2.30');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.fields[0].field, 'from');
    assert.match(bad.json().error.fields[0].message, /開始日/);
    assert.equal((await b.json('GET', `/api/transit/stats?from=${day}&to=${addDays(day, 366)}`)).statusCode, 400, '367 days');
    assert.equal((await b.json('GET', `/api/transit/stats?from=${'1'.repeat(41)}`)).statusCode, 400, 'too long for the schema');
    assert.equal((await t.app.inject('/api/transit/stats')).statusCode, 401);
    const openapi = (await t.app.inject('/api/openapi.json')).json();
    assert.ok(openapi.paths['/api/transit/stats'].get.responses['200'], 'the API document describes the endpoint');
  });

  test('CSV: BOM, Japanese header, one row per day with the numbers', async () => {
    const b = t.browser();
    await b.loginStaff('kotsu.tanto');
    const from = addDays(day, -1);
    const response = await b.get(`/staff/transit/stats.csv?from=${encodeURIComponent(from.replaceAll('-', '/'))}&to=${addDays(day, 1)}`);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    assert.match(String(response.headers['content-disposition']), new RegExp(`attachment; filename="transit-stats-${from}-${addDays(day, 1)}\\.csv"`));
    assert.ok(response.body.startsWith('\uFEFF'), 'BOM');
    const lines = response.body.slice(1).trim().split(/\r?\n/);
    assert.equal(
      lines[0],
      '日付,予約件数,乗車完了,キャンセル,不在（ノーショー）,乗車人数,お断り件数,' +
        'お断り：過去の日時,お断り：受付期間より先,お断り：運休の曜日,お断り：運休日,お断り：当日の受付終了後,お断り：運行時間外,お断り：車両の空きなし,お断り：車いす対応車なし,' +
        '定時,早着,遅着,時刻未記録,定時率（%）,走行距離（km）,空車走行距離（km）,人キロ,平均乗車人数（人/km）',
    );
    assert.equal(lines.length, 4, 'header and three days');
    const f = kmFigures(expected);
    assert.equal(lines[1], `${from},0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,,0.0,0.0,0.0,`);
    assert.equal(lines[2], `${day},4,2,1,1,3,2,0,0,0,0,0,1,1,0,1,0,1,0,50.0,${f.km.toFixed(1)},${f.emptyKm.toFixed(1)},${f.passengerKm.toFixed(1)},${f.occupancy!.toFixed(2)}`);
  });

  test('the page: totals, charts and tables for the default period; mistakes re-show the form naming the field', async () => {
    const b = t.browser();
    await b.loginStaff('kotsu.tanto');
    const page = await b.get('/staff/transit/stats');
    assert.equal(page.statusCode, 200);
    const html = page.body;
    assert.match(html, /<h1>デマンドバスの運行実績<\/h1>/);
    assert.match(html, new RegExp(`value="${addDays(day, 3 - 29)}"`), 'default start: 29 days before today');
    assert.match(html, new RegExp(`value="${addDays(day, 3)}"`), 'default end: today (the app’s clock)');
    assert.match(html, /<caption id="days-caption" class="table-caption">日別の実績/);
    assert.match(html, /<caption id="vehicles-caption" class="table-caption">車両別の実績<\/caption>/);
    assert.match(html, /<div class="table-wrap" role="region" tabindex="0" aria-labelledby="days-caption">/, 'the wide table scrolls by keyboard too');
    assert.match(html, /<caption class="table-caption">理由別のお断り件数<\/caption>/);
    assert.match(html, /aria-label="日別の乗車完了件数"/);
    assert.match(html, /aria-label="理由別のお断り件数"/);
    assert.match(html, /aria-label="乗車時刻の定時性（件数）"/);
    assert.match(html, /<dt>定時率<\/dt><dd>50\.0%/);
    assert.match(html, new RegExp(`<dt>走行距離（km）</dt><dd>${kmFigures(expected).km.toFixed(1)}</dd>`));
    assert.match(html, /運行時間外/);
    assert.match(html, new RegExp(`href="/staff/transit/stats.csv\\?from=${addDays(day, -26)}&amp;to=${addDays(day, 3)}"`));
    assert.match(html, /<label for="from" class="field-label">開始日/);

    const wrong = await b.get(`/staff/transit/stats?from=${encodeURIComponent('令和8年2月30日')}`);
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /「開始日」は存在しない日付です/);
    assert.match(wrong.body, /value="令和8年2月30日"/, 'what was typed stays in the field');
    assert.match(wrong.body, /aria-invalid="true"/);
    assert.doesNotMatch(wrong.body, /at .*\.ts:\d+/, 'no stack trace');
    const order = await b.get('/staff/transit/stats?from=2026-05-01&to=2026-04-01');
    assert.equal(order.statusCode, 400);
    assert.match(order.body, /「終了日」は開始日と同じ日か/);
    const long = await b.get('/staff/transit/stats.csv?from=2026-01-01&to=2027-01-02');
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /集計期間は366日以内にしてください。「終了日」/);
    const year = await b.get(`/staff/transit/stats?from=${addDays(day, -300)}&to=${addDays(day, 3)}`);
    assert.equal(year.statusCode, 200);
    assert.match(year.body, /aria-label="月別の乗車完了件数"/, 'long periods chart by month');

    b.cookies.set('lang', 'en');
    const en = await b.get(`/staff/transit/stats?from=${day}&to=${day}`);
    assert.match(en.body, /<h1>On-demand bus statistics<\/h1>/);
    assert.match(en.body, /Outside service hours/);
  });

  test('only transport staff see the statistics', async () => {
    const b = t.browser();
    await b.loginStaff('shimin.tanto');
    assert.equal((await b.get('/staff/transit/stats')).statusCode, 403);
    assert.equal((await b.get('/staff/transit/stats?from=x')).statusCode, 403, 'not even the form with errors');
    assert.equal((await b.get('/staff/transit/stats.csv')).statusCode, 403);
    assert.equal((await b.json('GET', '/api/transit/stats')).statusCode, 403);
  });
});
