import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { StaffActor } from '../../platform/access/actor.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import { japanClock, japanInstant } from '../../platform/time/today.ts';
import { bookTrip, quoteTrip } from './booking-service.ts';
import { transitDb } from './tables.ts';
import { transitContext } from './transit-context.ts';
import { nextWeekday } from './transit-test-kit.ts';

const H = 3600;
const DAY = nextWeekday(japanClock().date, 1);
const now = japanInstant(DAY, 8 * H);
let t: TestApp;
let closed = false;
let operator: BrowserSession;
let baseUrl: string;

const db = () => transitDb(t.db.kysely);

before(async () => {
  t = await createTestApp({ now: () => now });
  operator = t.browser();
  await operator.loginStaff('kotsu.tanto');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
after(async () => {
  if (!closed) await t.close();
});

async function bookOne(key: string): Promise<string> {
  const row = await db().selectFrom('staff').select(['id', 'display_name']).where('login_id', '=', 'kotsu.tanto').executeTakeFirstOrThrow();
  const actor: StaffActor = { kind: 'staff', id: row.id, loginId: 'kotsu.tanto', displayName: row.display_name, roles: [{ department: 'transport', role: 'clerk' }] };
  const { id: riderId } = await db()
    .insertInto('transit_riders')
    .values({ name: `生母 ${key}`, name_kana: 'オモ', kana_key: 'オモ', phone: '09087654321', email: null, resident_account_id: null, created_by_staff_id: actor.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const input = { date: DAY, originStopId: 'omo', destinationStopId: 'maesawa-station', kind: 'depart' as const, time: 14 * H, passengers: 1, wheelchair: false };
  const ctx = transitContext(t.platform);
  const quote = await quoteTrip(ctx, actor, riderId, input, 'phone');
  assert.ok(quote.ok, JSON.stringify(quote));
  const booked = await bookTrip(ctx, actor, { riderId, input, pickup: quote.offers[0]!.pickup, dropoff: quote.offers[0]!.dropoff, idempotencyKey: key, channel: 'phone' });
  return booked.id;
}

type EventJson = { id: number; date: string; kind: string; tripId: string | null; vehicleId: string | null; at: string };

test('the events API returns the day’s changes after a booking, and `after` filters', async () => {
  const before = (await operator.get(`/api/transit/events?date=${DAY}`)).json() as { events: EventJson[]; last: number };
  const tripId = await bookOne('live-api');
  const all = await operator.get(`/api/transit/events?date=${DAY}`);
  assert.equal(all.statusCode, 200);
  const body = all.json() as { date: string; events: EventJson[]; last: number };
  assert.equal(body.date, DAY);
  const booked = body.events.find((e) => e.tripId === tripId);
  assert.ok(booked, 'the booking is in the feed');
  assert.equal(booked.kind, 'booked');
  assert.equal(booked.date, DAY);
  assert.match(booked.vehicleId ?? '', /^maesawa-/);
  assert.ok(!Number.isNaN(Date.parse(booked.at)));
  assert.equal(body.last, body.events.at(-1)!.id);

  const newer = (await operator.get(`/api/transit/events?date=${DAY}&after=${before.last}`)).json() as { events: EventJson[]; last: number };
  assert.deepEqual(newer.events.map((e) => e.tripId), [tripId]);
  const none = (await operator.get(`/api/transit/events?date=${DAY}&after=${newer.last}`)).json() as { events: EventJson[]; last: number };
  assert.deepEqual(none.events, []);
  assert.equal(none.last, newer.last, 'nothing new: the cursor stays');
  const otherDay = (await operator.get(`/api/transit/events?date=${nextWeekday(DAY, 3)}&after=${before.last}`)).json() as { events: EventJson[] };
  assert.ok(!otherDay.events.some((e) => e.tripId === tripId), 'events are per service day');
  assert.equal((await operator.get(`/api/transit/events?date=${DAY}&after=abc`)).statusCode, 400);
});

test('only operators, and drivers for today, may follow the feed', async () => {
  const citizens = t.browser();
  await citizens.loginStaff('shimin.tanto');
  assert.equal((await citizens.get(`/api/transit/events?date=${DAY}`)).statusCode, 403);
  assert.equal((await citizens.get(`/staff/transit/live?date=${DAY}`)).statusCode, 403);
  assert.equal((await t.browser().get(`/api/transit/events?date=${DAY}`)).statusCode, 401);
  const driver = t.browser();
  await driver.loginStaff('driver.sasaki');
  assert.equal((await driver.get(`/api/transit/events?date=${DAY}`)).statusCode, 200, 'the driver’s manifest refreshes from the feed');
  assert.equal((await driver.get(`/api/transit/events?date=${nextWeekday(DAY, 1)}`)).statusCode, 403);
  const script = await operator.get('/assets/transit/live.js');
  assert.equal(script.statusCode, 200);
  assert.match(String(script.headers['content-type']), /javascript/);
});

/** Reads an event stream until `done` says the text so far is enough (or fails after a while). */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, done: (text: string) => boolean, ms = 8000): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  while (!done(text)) {
    const left = deadline - Date.now();
    assert.ok(left > 0, `stream did not deliver in time; got: ${text}`);
    const chunk = await Promise.race([reader.read(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timeout; got: ${text}`)), left))]);
    if (chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text;
}

const cookieHeader = (b: BrowserSession) => [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

async function openStream(headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/staff/transit/live?date=${DAY}`, { headers: { cookie: cookieHeader(operator), accept: 'text/event-stream', ...headers }, signal: abort.signal });
  return { response, reader: response.body!.getReader(), abort };
}

test('the event stream sends a change written after connecting, in SSE format', async () => {
  const { response, reader, abort } = await openStream();
  try {
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.ok(response.headers.get('content-security-policy'), 'the security headers are kept');
    const hello = await readUntil(reader, (text) => text.includes(': connected'));
    const start = Number(/id: (\d+)/.exec(hello)![1]);
    const [event] = await db().insertInto('transit_events').values({ service_date: DAY, kind: 'boarded', trip_id: null, vehicle_id: 'maesawa-2' }).returning('id').execute();
    await db().insertInto('transit_events').values({ service_date: nextWeekday(DAY, 3), kind: 'booked', trip_id: null, vehicle_id: 'maesawa-1' }).execute();
    assert.ok(event!.id > start);
    const text = await readUntil(reader, (s) => s.includes(`id: ${event!.id}\n`) && s.endsWith('\n\n'));
    const frame = text.slice(text.indexOf(`id: ${event!.id}\n`));
    assert.match(frame, new RegExp(`^id: ${event!.id}\nevent: transit\ndata: \\{.*\\}\n\n$`));
    const data = JSON.parse(/data: (.*)\n/.exec(frame)![1]!) as EventJson;
    assert.deepEqual({ id: data.id, date: data.date, kind: data.kind, vehicleId: data.vehicleId }, { id: event!.id, date: DAY, kind: 'boarded', vehicleId: 'maesawa-2' });
    assert.doesNotMatch(text, /maesawa-1/, 'another day’s event is not sent');
  } finally {
    abort.abort();
  }
});

test('a reconnecting client (Last-Event-ID) gets what it missed', async () => {
  const events = (await operator.get(`/api/transit/events?date=${DAY}`)).json() as { events: EventJson[] };
  assert.ok(events.events.length >= 2);
  const missed = events.events.at(-1)!;
  const { reader, abort } = await openStream({ 'last-event-id': String(events.events.at(-2)!.id) });
  try {
    const text = await readUntil(reader, (s) => s.includes(`id: ${missed.id}\nevent: transit`));
    assert.doesNotMatch(text, new RegExp(`id: ${events.events.at(-2)!.id}\nevent`), 'nothing before the cursor is repeated');
  } finally {
    abort.abort();
  }
});

test('closing the app ends open streams instead of waiting for them', async () => {
  const { reader } = await openStream();
  await readUntil(reader, (text) => text.includes(': connected'));
  closed = true;
  const closing = t.close();
  // The stream ends at once; app.close() then only waits for the test client's own idle keep-alive sockets.
  const ended = (async () => {
    for (;;) if ((await reader.read().catch(() => ({ done: true }))).done) return true;
  })();
  assert.equal(await Promise.race([ended, new Promise((resolve) => setTimeout(() => resolve(false), 2000))]), true, 'the server ended the stream at once');
  await Promise.race([closing, new Promise((_, reject) => setTimeout(() => reject(new Error('app.close() blocked')), 15000))]);
});
