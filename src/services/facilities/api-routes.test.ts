/**
 * The facilities JSON API as the OpenAPI document describes it: the lottery, payment
 * and receipt, and the back office are listed with schemas and tags; /api/facilities
 * gives closed days, cancellation and payment rules and fee reductions; the lottery
 * and staff endpoints answer under the pages' rules.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { registryService } from '../registry/index.ts';
import { facilitiesService } from './index.tsx';

let t: TestApp;
const now = new Date();
before(async () => {
  t = await createTestApp({ services: [registryService, facilitiesService], now: () => now });
});
after(() => t.close());

type Operation = { tags?: string[]; summary?: string; requestBody?: unknown; responses?: Record<string, unknown> };

test('the OpenAPI document lists the lottery, payment, receipt and back-office endpoints with tags and schemas', async () => {
  const doc = (await t.browser().get('/api/openapi.json')).json() as { paths: Record<string, Record<string, Operation>> };
  const expected: [string, string, string][] = [
    ['get', '/api/facility-lottery/rounds', 'facility-lottery'],
    ['get', '/api/facility-lottery/rounds/{id}', 'facility-lottery'],
    ['post', '/api/facility-lottery/rounds/{id}/entries', 'facility-lottery'],
    ['get', '/api/facility-lottery/entries', 'facility-lottery'],
    ['post', '/api/facility-bookings/{id}/payment', 'facilities'],
    ['get', '/api/facility-bookings/{id}/receipt.pdf', 'facilities'],
    ['get', '/api/staff/facilities/approvals', 'facilities-staff'],
    ['post', '/api/staff/facilities/bookings/{id}/approve', 'facilities-staff'],
    ['post', '/api/staff/facilities/bookings/{id}/reject', 'facilities-staff'],
    ['post', '/api/staff/facilities/bookings/{id}/checkin', 'facilities-staff'],
    ['get', '/api/staff/facilities/blocks', 'facilities-staff'],
    ['post', '/api/staff/facilities/blocks/preview', 'facilities-staff'],
    ['post', '/api/staff/facilities/blocks', 'facilities-staff'],
  ];
  for (const [method, path, tag] of expected) {
    const op = doc.paths[path]?.[method];
    assert.ok(op, `${method.toUpperCase()} ${path} is in the document`);
    assert.deepEqual(op.tags, [tag], path);
    assert.ok(op.summary && op.responses && Object.keys(op.responses).length > 0, `${path}: summary and responses`);
    if (method === 'post' && !path.endsWith('/payment')) assert.ok(op.requestBody, `${path}: request body schema`);
  }
  const facilities = JSON.stringify(doc.paths['/api/facilities']!.get!.responses!['200']);
  for (const field of ['closedWeekdays', 'closures', 'cancellation', 'freeUntilDaysBefore', 'feePercent', 'payment', 'reductions']) assert.ok(facilities.includes(`"${field}"`), `/api/facilities documents ${field}`);
});

test('/api/facilities: closed days, cancellation and payment rules, fee reductions', async () => {
  const body = (await t.browser().get('/api/facilities')).json() as { items: { id: string; closedWeekdays: number[]; closures: { rule: string; reason: string }[]; cancellation: { freeUntilDaysBefore: number; feePercent: number }; payment: { counter: boolean } }[]; reductions: { code: string; percent: number }[] };
  const zHall = body.items.find((f) => f.id === 'z-hall')!;
  assert.deepEqual(zHall.closedWeekdays, [1], 'closed on Mondays');
  assert.ok(zHall.closures.some((c) => c.rule === 'annual' && c.reason === '年末年始'));
  assert.ok(Number.isInteger(zHall.cancellation.freeUntilDaysBefore) && Number.isInteger(zHall.cancellation.feePercent));
  assert.equal(zHall.payment.counter, true);
  assert.ok(body.reductions.length > 0 && body.reductions.every((r) => r.percent > 0 && r.percent <= 100), JSON.stringify(body.reductions));
});

test('the lottery API: rounds with the seed commitment, and the resident\'s entries with what to do next', async () => {
  const anonymous = t.browser();
  const rounds = (await anonymous.get('/api/facility-lottery/rounds')).json() as { items: { id: string; phase: string }[] };
  const open = rounds.items.find((r) => r.phase === 'open')!;
  const detail = (await anonymous.get(`/api/facility-lottery/rounds/${open.id}`)).json() as { seedCommitment: string; seed: string | null; availableSlots: { id: string }[] };
  assert.match(detail.seedCommitment, /^[0-9a-f]{64}$/);
  assert.equal(detail.seed, null, 'the seed stays secret until the draw');
  assert.ok(detail.availableSlots.length >= 1);
  assert.equal((await anonymous.get('/api/facility-lottery/entries')).statusCode, 401);

  const resident = t.browser();
  await resident.loginResident('demo-01', 'card');
  const mine = (await resident.get('/api/facility-lottery/entries')).json() as { items: { standing: string; payBy: string | null; bookingId: string | null }[] };
  const won = mine.items.find((e) => e.standing === 'offered');
  assert.ok(won && won.payBy && won.bookingId, JSON.stringify(mine.items));
  assert.equal((await resident.get(`/api/facility-bookings/${won.bookingId}`)).statusCode, 200, 'the won slot is the resident\'s booking');
});

test('the staff API: approvals for the facilities department only', async () => {
  assert.equal((await t.browser().get('/api/staff/facilities/approvals')).statusCode, 401);
  const staff = t.browser();
  await staff.loginStaff('shogai.tanto');
  const approvals = await staff.get('/api/staff/facilities/approvals');
  assert.equal(approvals.statusCode, 200, approvals.body);
  assert.ok((approvals.json() as { items: { reference: string }[] }).items.length >= 1, 'the demo 仮予約 is waiting');
});
