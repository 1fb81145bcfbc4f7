/**
 * No double booking, ever: many residents confirm the same slot at the same moment.
 * Through the service function with a real PostgreSQL pool (several connections,
 * so the inserts truly race and only the exclusion constraint can decide), and
 * through HTTP on whichever database the suite runs on. Exactly one wins; every
 * other request gets the "just taken" answer; no 500s, no half-written rows.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { ResidentActor } from '../../platform/access/actor.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { bookRoom, type SlotTakenError } from './booking-service.ts';
import { createFacilitiesTestApp, makeResident, request, residentSession, type FacilitiesTestApp } from './facilities-test-kit.ts';

const CONTENDERS = 200;

async function rowsOf(t: FacilitiesTestApp, roomId: string, date: string) {
  return t.fdb.selectFrom('facility_bookings').select(['id', 'status', 'resident_account_id']).where('room_id', '=', roomId).where('use_date', '=', date).execute();
}

describe('double booking through the service, against PostgreSQL', () => {
  let t: FacilitiesTestApp;
  before(async () => {
    if (process.env.DATABASE_URL) t = await createFacilitiesTestApp();
  });
  after(async () => {
    await t?.close();
  });

  test(`${CONTENDERS} concurrent bookings of one slot: exactly one wins`, async (ctx) => {
    if (!process.env.DATABASE_URL) {
      ctx.skip('needs DATABASE_URL');
      return;
    }
    const residents: ResidentActor[] = [];
    for (let i = 0; i < CONTENDERS; i++) residents.push(await makeResident(t.fdb));
    const wanted = request({ roomId: 'kominkan-meeting-2', date: '2027-06-09', blockCodes: ['afternoon'], headcount: 8 });
    const results = await Promise.allSettled(residents.map((r) => bookRoom(t.ctx, r, { ...wanted, idempotencyKey: crypto.randomUUID() })));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(won.length, 1, 'exactly one booking');
    const unexpected = lost.filter((r) => !(r.reason instanceof DomainError && r.reason.code === 'slot_taken'));
    assert.deepEqual(unexpected.map((r) => String(r.reason)), [], 'every other request is "just taken", nothing else');
    assert.equal(lost.length, CONTENDERS - 1);
    // The losers are offered free alternatives (other blocks of the same room that day, at least).
    assert.ok((lost[0]!.reason as SlotTakenError).alternatives.length > 0);
    const rows = await rowsOf(t, 'kominkan-meeting-2', '2027-06-09');
    assert.equal(rows.length, 1, 'no half-written rows from the losers');
    const audits = await t.db.kysely.selectFrom('audit_log').select('target_id').where('action', '=', 'facilities.booking.created').execute();
    assert.deepEqual(audits.map((a) => a.target_id), [rows[0]!.id], 'one audit entry, for the winner');
    const notices = await t.db.kysely.selectFrom('jobs').select('payload').where('queue', '=', 'facilities.notify').execute();
    assert.equal(notices.length, 1, 'one notice queued');
    // The database itself holds the line: a direct overlapping insert is refused with 23P01.
    await assert.rejects(
      sql`INSERT INTO facility_bookings (reference, room_id, kind, status, use_date, starts_at, ends_at, during, title) VALUES ('X-1', 'kominkan-meeting-2', 'block', 'held', '2027-06-09', 900, 960, tstzrange('2027-06-09 15:00+09', '2027-06-09 16:00+09'), 'x')`.execute(t.db.kysely),
      (error: { code?: string }) => error.code === '23P01',
    );
  });

  test('the same resident double-clicking with one key gets one booking, even racing', async (ctx) => {
    if (!process.env.DATABASE_URL) {
      ctx.skip('needs DATABASE_URL');
      return;
    }
    const resident = await makeResident(t.fdb);
    const key = crypto.randomUUID();
    const wanted = { ...request({ roomId: 'kominkan-washitsu', date: '2027-06-09', blockCodes: ['evening'], purpose: 'culture' }), idempotencyKey: key };
    const results = await Promise.all(Array.from({ length: 10 }, () => bookRoom(t.ctx, resident, wanted)));
    assert.equal(new Set(results.map((r) => r.id)).size, 1);
    assert.equal(results.filter((r) => r.created).length, 1);
    assert.equal((await rowsOf(t, 'kominkan-washitsu', '2027-06-09')).length, 1);
  });

  test('one resident confirming six unpaid bookings at once holds three; the rest are told the limit', async (ctx) => {
    if (!process.env.DATABASE_URL) {
      ctx.skip('needs DATABASE_URL');
      return;
    }
    const resident = await makeResident(t.fdb);
    const dates = ['2027-06-15', '2027-06-16', '2027-06-17', '2027-06-18', '2027-06-19', '2027-06-22'];
    const results = await Promise.allSettled(dates.map((date) => bookRoom(t.ctx, resident, { ...request({ roomId: 'kominkan-meeting-1', date, blockCodes: ['evening'] }), idempotencyKey: crypto.randomUUID() })));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 3);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.deepEqual(
      refused.map((r) => (r.reason instanceof DomainError && r.reason.code === 'invalid_input' ? r.reason.fields[0]?.field : String(r.reason))),
      ['unpaidLimit', 'unpaidLimit', 'unpaidLimit'],
    );
    const held = await t.fdb.selectFrom('facility_bookings').select('id').where('resident_account_id', '=', resident.accountId).execute();
    assert.equal(held.length, 3, 'no fourth row slipped in');
  });
});

describe('double booking over HTTP', () => {
  let t: FacilitiesTestApp;
  before(async () => {
    t = await createFacilitiesTestApp();
  });
  after(() => t.close());

  test('twelve residents confirm the same slot at once: one booking, eleven "just taken" pages, no 500s', async () => {
    const sessions = [];
    for (let i = 1; i <= 12; i++) sessions.push(await residentSession(t, `demo-${String(i).padStart(2, '0')}`));
    const form = { room: 'kominkan-kitchen', date: '2027-06-11', blocks: ['morning'], purpose: 'cooking', purposeDetail: '料理教室', headcount: '12', bookFor: 'self', paymentChoice: 'online' };
    const reviews = await Promise.all(sessions.map((s) => s.post('/facilities/book', form)));
    assert.deepEqual(reviews.map((r) => r.statusCode), sessions.map(() => 200), 'everyone sees the slot free on the review page');
    const keys = reviews.map((r) => /name="idempotencyKey" value="([^"]+)"/.exec(r.body)![1]!);
    const confirms = await Promise.all(sessions.map((s, i) => s.post('/facilities/book/confirm', { ...form, idempotencyKey: keys[i]!, expectedFeeYen: '900', agree: 'yes', action: 'confirm' })));
    const codes = confirms.map((r) => r.statusCode).sort();
    assert.deepEqual(codes, [303, ...Array(11).fill(409)]);
    for (const lost of confirms.filter((r) => r.statusCode === 409)) {
      assert.match(lost.body, /ちょうど他の方が予約しました/);
      assert.match(lost.body, /この枠で予約を続ける/, 'one-click alternatives are offered');
    }
    assert.equal((await rowsOf(t, 'kominkan-kitchen', '2027-06-11')).length, 1);
  });
});
