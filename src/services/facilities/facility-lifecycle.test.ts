/**
 * After the booking: paying on the simulated gateway end to end and the receipt;
 * cancelling with the refund the rules give (through payments.refund); the sweep
 * reminding, then cancelling an unpaid booking past its deadline and freeing the
 * slot; a capture after that refunded; 仮予約 approved or rejected by staff; fee
 * reductions and counter payment; group registration → approval → group booking.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../../platform/access/actor.ts';
import type { SimulatorProvider } from '../../platform/payments/simulator-provider.ts';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import { applyReduction, approveBooking, cancelBooking, recordCounterPayment, rejectBooking } from './booking-lifecycle.ts';
import { bookRoom } from './booking-service.ts';
import { createFacilitiesTestApp, makeResident, request, residentActorFor, residentSession, staffActor, type FacilitiesTestApp } from './facilities-test-kit.ts';
import { sweepBookings } from './facility-jobs.ts';
import { approveGroup, registerGroup, rejectGroup } from './group-service.ts';

let t: FacilitiesTestApp;
let resident: BrowserSession;
let clerk: StaffActor;
before(async () => {
  t = await createFacilitiesTestApp();
  resident = await residentSession(t, 'demo-05');
  clerk = await staffActor(t);
});
after(() => t.close());

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const booking = (id: string) => t.fdb.selectFrom('facility_bookings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const key = () => crypto.randomUUID();

async function bookThroughPages(session: BrowserSession, form: Record<string, string | string[]>): Promise<string> {
  const review = await session.post('/facilities/book', form);
  assert.equal(review.statusCode, 200, text(review.body).slice(0, 400));
  const idem = /name="idempotencyKey" value="([^"]+)"/.exec(review.body)![1]!;
  const done = await session.post('/facilities/book/confirm', { ...form, idempotencyKey: idem, agree: 'yes', action: 'confirm' });
  assert.equal(done.statusCode, 303);
  return String(done.headers.location).split('/').pop()!;
}

/** Pays a booking on the simulated gateway as the payer would (the one-press test payment). */
async function payOnSimulator(session: BrowserSession, bookingId: string) {
  const toCheckout = await session.post(`/facilities/bookings/${bookingId}/pay`);
  assert.equal(toCheckout.statusCode, 303);
  const checkoutUrl = String(toCheckout.headers.location);
  assert.match(checkoutUrl, /\/dev\/pay\/sim_/);
  assert.equal((await session.post(`/facilities/bookings/${bookingId}/pay`)).headers.location, checkoutUrl, 'a second press goes to the same checkout');
  const checkout = await session.get(checkoutUrl);
  assert.match(checkout.body, /奥州市 施設使用料/);
  assert.doesNotMatch(checkout.body, /奥州 試験/, 'no personal data goes to the provider');
  const back = await session.post(new URL(checkoutUrl).pathname, { action: 'pay' });
  assert.equal(back.statusCode, 303);
  return session.follow(back);
}

describe('payment, receipt, cancellation', () => {
  test('pay through the simulator end to end: webhook → confirmed, flash, receipt PDF for the payer only', async () => {
    const id = await bookThroughPages(resident, { room: 'mizusawa-budo', date: '2027-06-19', blocks: ['morning', 'afternoon'], purpose: 'martial_arts', purposeDetail: '', headcount: '20', bookFor: 'self', paymentChoice: 'online' });
    const page = await payOnSimulator(resident, id);
    assert.match(page.body, /お支払いを確認しました。予約が確定しました/);
    assert.match(text(page.body), /状態 確定/);
    assert.match(page.body, /領収書（PDF）をダウンロード/);
    const b = await booking(id);
    assert.equal(b.status, 'confirmed');
    assert.ok(b.paid_at && b.payment_id);
    const payment = (await t.platform.payments.get(b.payment_id!))!;
    assert.deepEqual([payment.status, payment.amountYen, payment.source, payment.reference], ['paid', 1600, 'facilities', id]);
    const pdf = await resident.get(`/facilities/bookings/${id}/receipt.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.equal(payment.displayReference, b.reference, 'the payment carries the booking number');
    const receiptText = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf.rawPayload, encoding: 'utf8' });
    assert.match(receiptText, new RegExp(`参照番号\\s+${b.reference}`), 'the booking number, not an internal id');
    assert.ok(!receiptText.includes(payment.id) && !receiptText.includes(id));
    const stranger = await residentSession(t, 'demo-06');
    assert.equal((await stranger.get(`/facilities/bookings/${id}/receipt.pdf`)).statusCode, 404);
    assert.equal((await stranger.get(`/facilities/bookings/${id}/paid?payment=${b.payment_id}`)).statusCode, 404);
    await t.platform.jobs.drain();
    assert.ok(t.notifier.sent.some((m) => m.reference === id && /お支払いを確認しました/.test(m.body)), 'payment received notice');
    assert.match(text((await resident.get('/facilities/mine')).body), /オンラインで支払い済み/);
  });

  test('cancelling late keeps the share of the rules and refunds the rest through payments', async () => {
    const id = await bookThroughPages(resident, { room: 'mizusawa-budo', date: '2027-06-05', blocks: ['evening'], purpose: 'martial_arts', purposeDetail: '', headcount: '20', bookFor: 'self', paymentChoice: 'online' });
    await payOnSimulator(resident, id);
    const preview = await resident.get(`/facilities/bookings/${id}/cancel`);
    assert.match(text(preview.body), /取消料 450円 を差し引き、450円 を返金します/);
    const done = await resident.post(`/facilities/bookings/${id}/cancel`);
    assert.equal(done.statusCode, 303);
    assert.match((await resident.follow(done)).body, /予約を取り消しました（予約番号 .*）。450円を返金します。/);
    const b = await booking(id);
    assert.deepEqual([b.status, b.cancel_fee_yen, b.refund_yen], ['cancelled', 450, 450]);
    assert.ok(b.refund_id, 'the refund was asked of payments');
    const refunds = await t.platform.payments.refundsFor(b.payment_id!);
    assert.equal(refunds.length, 1);
    assert.equal(refunds[0]!.amountYen, 450);
    assert.equal(refunds[0]!.status, 'succeeded');
    // The holder sees what went back and when: on the booking, in my bookings and on my page.
    const refunded = /450円を返金しました（2027年6月1日[^）]*）? ?\d{1,2}:\d{2}）/;
    assert.match(text((await resident.get(`/facilities/bookings/${id}`)).body), new RegExp(`返金の状況 ${refunded.source}`));
    assert.match(text((await resident.get('/facilities/mine')).body), refunded);
    assert.match(text((await resident.get('/mypage')).body), refunded);
    // The slot is free again at once.
    const grid = await t.browser().json('GET', '/api/facilities/mizusawa-gym/availability?from=2027-06-05&to=2027-06-05');
    assert.equal(grid.json().rooms.find((r: { id: string }) => r.id === 'mizusawa-budo').days[0].slots.find((s: { code: string }) => s.code === 'evening').state, 'free');
    // Cancelling again changes nothing.
    assert.equal((await resident.post(`/facilities/bookings/${id}/cancel`)).statusCode, 409);
    assert.equal((await t.platform.payments.refundsFor(b.payment_id!)).length, 1);
  });

  test('cancelling early refunds in full', async () => {
    const id = await bookThroughPages(resident, { room: 'mizusawa-budo', date: '2027-06-26', blocks: ['morning'], purpose: 'martial_arts', purposeDetail: '', headcount: '20', bookFor: 'self', paymentChoice: 'online' });
    await payOnSimulator(resident, id);
    const terms = await cancelBooking(t.ctx, await residentActorFor(t, 'demo-05'), id);
    assert.deepEqual([terms.free, terms.cancelFeeYen, terms.refundYen], [true, 0, 700]);
    const b = await booking(id);
    assert.equal((await t.platform.payments.refundsFor(b.payment_id!))[0]!.amountYen, 700);
  });
});

describe('the sweep: reminders, automatic cancellation, late captures', () => {
  test('a day before the deadline one reminder; past it the booking lapses, the slot is free, the holder is told', async () => {
    const someone = await makeResident(t.fdb);
    const booked = await bookRoom(t.ctx, someone, { ...request({ roomId: 'kominkan-washitsu', date: '2027-06-20', blockCodes: ['morning'], purpose: 'culture' }), idempotencyKey: key() });
    const b = await booking(booked.id);
    assert.equal(b.payment_due_at!.toISOString(), new Date('2027-06-08T23:59:59+09:00').toISOString(), '7 days after booking comes first');
    const start = t.clock.now;
    try {
      t.clock.now = new Date('2027-06-08T08:00:00+09:00');
      const first = await sweepBookings(t.ctx);
      assert.equal(first.reminded, 1);
      assert.equal((await sweepBookings(t.ctx)).reminded, 0, 'once');
      await t.platform.jobs.drain();
      assert.ok(t.notifier.sent.some((m) => m.reference === booked.id && /お支払い期限が近づいています/.test(m.body)));
      t.clock.now = new Date('2027-06-09T00:00:30+09:00');
      const swept = await sweepBookings(t.ctx);
      assert.equal(swept.lapsed, 1);
      const lapsed = await booking(booked.id);
      assert.equal(lapsed.status, 'lapsed');
      await t.platform.jobs.drain();
      assert.ok(t.notifier.sent.some((m) => m.reference === booked.id && /自動的に取り消しました/.test(m.body)));
      const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('target_id', '=', booked.id).execute();
      assert.ok(audit.some((a) => a.action === 'facilities.booking.lapsed'));
      // The slot is free: someone else books it.
      const next = await makeResident(t.fdb);
      const again = await bookRoom(t.ctx, next, { ...request({ roomId: 'kominkan-washitsu', date: '2027-06-20', blockCodes: ['morning'], purpose: 'culture' }), idempotencyKey: key() });
      assert.equal(again.created, true);
    } finally {
      t.clock.now = start;
    }
  });

  test('the job runs the sweep and schedules the next one', async () => {
    await t.platform.jobs.enqueue(t.db.kysely, 'facilities.sweep', {}, { idempotencyKey: `test-sweep-${key()}` });
    await t.platform.jobs.drain();
    const next = await t.db.kysely.selectFrom('jobs').select(['state', 'run_at']).where('queue', '=', 'facilities.sweep').where('state', '=', 'queued').execute();
    assert.ok(next.length >= 1, 'a next sweep is queued');
  });

  test('cancelling while the checkout is open cancels the payment: the checkout page says so and takes no money', async () => {
    const id = await bookThroughPages(resident, { room: 'kominkan-meeting-2', date: '2027-06-23', blocks: ['morning'], purpose: 'study', purposeDetail: '', headcount: '5', bookFor: 'self', paymentChoice: 'online' });
    const toCheckout = await resident.post(`/facilities/bookings/${id}/pay`);
    const checkoutPath = new URL(String(toCheckout.headers.location)).pathname;
    await resident.post(`/facilities/bookings/${id}/cancel`);
    const [payment] = (await t.platform.payments.byReferences('facilities', [id])).get(id)!;
    assert.equal(payment!.status, 'cancelled');
    assert.match((await resident.get(checkoutPath)).body, /この支払いは「キャンセル済み」です/);
    // The payer presses pay on a page left open anyway: nothing is taken, and back on the booking they are told why.
    const back = await resident.post(checkoutPath, { action: 'pay' });
    assert.equal(back.statusCode, 303);
    assert.match((await resident.follow(back)).body, /は取り消されたため、お支払いは取りやめになりました。代金はいただいていません。/);
    assert.equal((await t.platform.payments.reconcile(payment!.id))!.status, 'cancelled');
    assert.equal((await sweepBookings(t.ctx)).lateRefunds, 0);
  });

  test('a capture the city had not heard of when the booking was cancelled is refunded in full at once', async () => {
    const id = await bookThroughPages(resident, { room: 'kominkan-meeting-2', date: '2027-06-24', blocks: ['morning'], purpose: 'study', purposeDetail: '', headcount: '5', bookFor: 'self', paymentChoice: 'online' });
    const toCheckout = await resident.post(`/facilities/bookings/${id}/pay`);
    const ref = String(toCheckout.headers.location).split('/').pop()!;
    // Paid at the provider a moment before the cancel; its webhook has not come.
    await (t.platform.payments.provider as SimulatorProvider).settle(ref, 'pay', { method: 'qr' });
    await cancelBooking(t.ctx, await residentActorFor(t, 'demo-05'), id);
    assert.equal((await booking(id)).status, 'cancelled');
    const payment = (await t.platform.payments.byReferences('facilities', [id])).get(id)!.find((p) => p.status === 'paid')!;
    const refunds = await t.platform.payments.refundsFor(payment.id);
    assert.deepEqual(refunds.map((r) => r.amountYen), [400]);
    assert.equal((await sweepBookings(t.ctx)).lateRefunds, 0, 'never twice');
    assert.equal((await t.platform.payments.refundsFor(payment.id)).length, 1);
  });

  test('a booking lapsing unpaid takes its open checkout with it', async () => {
    const someone = await makeResident(t.fdb);
    const booked = await bookRoom(t.ctx, someone, { ...request({ roomId: 'kominkan-washitsu', date: '2027-06-27', blockCodes: ['afternoon'], purpose: 'culture' }), idempotencyKey: key() });
    const start = t.clock.now;
    try {
      // A checkout still open past the deadline (the booking's own pay button never opens one that long).
      const b = await booking(booked.id);
      const due = b.payment_due_at!;
      t.clock.now = new Date(due.getTime() - 60_000);
      await t.platform.payments.create({ source: 'facilities', reference: booked.id, amountYen: b.fee_yen, description: 'test', returnUrl: '/facilities', validMinutes: 30 });
      t.clock.now = new Date(due.getTime() + 1000);
      assert.equal((await sweepBookings(t.ctx)).lapsed, 1);
      const [payment] = (await t.platform.payments.byReferences('facilities', [booked.id])).get(booked.id)!;
      assert.equal(payment!.status, 'cancelled');
      assert.equal((await (t.platform.payments.provider as SimulatorProvider).checkout(payment!.providerRef!))!.state, 'cancelled');
    } finally {
      t.clock.now = start;
    }
  });
});

describe('staff decisions', () => {
  test('a room needing a permit → 仮予約 holding the slot; approval makes it payable; rejection frees it', async () => {
    const id = await bookThroughPages(resident, { room: 'sasara-hall', date: '2027-07-03', blocks: ['afternoon'], purpose: 'music', purposeDetail: '定期演奏会', headcount: '300', bookFor: 'self', paymentChoice: 'online' });
    let b = await booking(id);
    assert.equal(b.status, 'pending_approval');
    assert.equal(b.payment_due_at, null);
    assert.match(text((await resident.get(`/facilities/bookings/${id}`)).body), /仮予約（確認中）/);
    const other = await makeResident(t.fdb);
    await assert.rejects(bookRoom(t.ctx, other, { ...request({ roomId: 'sasara-hall', date: '2027-07-03', blockCodes: ['afternoon'], purpose: 'music', headcount: 100 }), idempotencyKey: key() }), { code: 'slot_taken' });
    const transport = await staffActor(t, 'kotsu.tanto');
    await assert.rejects(approveBooking(t.ctx, transport, id), { code: 'not_found' }, 'staff of another department');
    await approveBooking(t.ctx, clerk, id, '使用許可書を発行しました');
    b = await booking(id);
    assert.equal(b.status, 'awaiting_payment');
    assert.ok(b.payment_due_at);
    await assert.rejects(approveBooking(t.ctx, clerk, id), { code: 'booking_state' });

    const second = await bookThroughPages(resident, { room: 'sasara-hall', date: '2027-07-04', blocks: ['morning'], purpose: 'music', purposeDetail: '', headcount: '50', bookFor: 'self', paymentChoice: 'online' });
    await assert.rejects(rejectBooking(t.ctx, clerk, second, ''), { code: 'invalid_input' }, 'a reason is required');
    await rejectBooking(t.ctx, clerk, second, '同日に市の行事があるため');
    assert.equal((await booking(second)).status, 'rejected');
    await t.platform.jobs.drain();
    assert.ok(t.notifier.sent.some((m) => m.reference === second && /同日に市の行事があるため/.test(m.body)));
    const retry = await bookRoom(t.ctx, other, { ...request({ roomId: 'sasara-hall', date: '2027-07-04', blockCodes: ['morning'], purpose: 'music', headcount: 50 }), idempotencyKey: key() });
    assert.equal(retry.status, 'pending_approval', 'the slot was freed');
  });

  test('fee reductions: 50% halves what is due; 100% needs no payment and confirms', async () => {
    const someone = await makeResident(t.fdb);
    const half = await bookRoom(t.ctx, someone, { ...request({ date: '2027-06-22', blockCodes: ['afternoon', 'evening'] }), idempotencyKey: key() });
    await applyReduction(t.ctx, clerk, half.id, 'disability_group', '障がい者団体の定例会');
    let b = await booking(half.id);
    assert.deepEqual([b.status, b.base_yen, b.reduction_yen, b.fee_yen], ['awaiting_payment', 1800, 900, 900]);
    await applyReduction(t.ctx, clerk, half.id, 'city_hosted');
    b = await booking(half.id);
    assert.deepEqual([b.status, b.fee_yen, b.payment_method, b.payment_due_at], ['confirmed', 0, 'none', null]);
    await assert.rejects(applyReduction(t.ctx, clerk, half.id, 'nope'), { code: 'invalid_input' });
    const audits = await t.db.kysely.selectFrom('audit_log').select('action').where('target_id', '=', half.id).where('action', '=', 'facilities.booking.reduction').execute();
    assert.equal(audits.length, 2);
  });

  test('a reduction while the resident has an open checkout withdraws it: a new checkout for the new fee; at 0 nothing to pay', async () => {
    const sim = t.platform.payments.provider as SimulatorProvider;
    const id = await bookThroughPages(resident, { room: 'kominkan-meeting-2', date: '2027-06-29', blocks: ['morning', 'afternoon'], purpose: 'study', purposeDetail: '', headcount: '5', bookFor: 'self', paymentChoice: 'online' });
    const before = await booking(id);
    const first = await resident.post(`/facilities/bookings/${id}/pay`);
    assert.equal(first.statusCode, 303);
    const [old] = (await t.platform.payments.byReferences('facilities', [id])).get(id)!;
    assert.equal(old!.amountYen, before.fee_yen);
    await applyReduction(t.ctx, clerk, id, 'disability_group', '障がい者団体の定例会');
    const b = await booking(id);
    assert.equal(b.status, 'awaiting_payment');
    assert.equal(b.fee_yen, before.fee_yen / 2);
    const withdrawn = (await t.platform.payments.get(old!.id))!;
    assert.equal(withdrawn.status, 'cancelled', 'the old amount cannot be paid any more');
    assert.equal((await sim.checkout(old!.providerRef!))!.state, 'cancelled', 'its checkout page is closed');
    // The resident pays the new amount at once (no "amount changed" refusal, no refund later).
    const second = await resident.post(`/facilities/bookings/${id}/pay`);
    assert.equal(second.statusCode, 303, second.body);
    assert.notEqual(second.headers.location, first.headers.location);
    const payments = (await t.platform.payments.byReferences('facilities', [id])).get(id)!;
    const open = payments.filter((p) => p.status === 'created');
    assert.deepEqual(open.map((p) => p.amountYen), [before.fee_yen / 2]);
    // 100%: the open checkout for the half fee goes too; confirmed with nothing to pay.
    await applyReduction(t.ctx, clerk, id, 'city_hosted');
    const free = await booking(id);
    assert.deepEqual([free.status, free.fee_yen, free.payment_method], ['confirmed', 0, 'none']);
    const after = (await t.platform.payments.byReferences('facilities', [id])).get(id)!;
    assert.ok(after.every((p) => p.status === 'cancelled'), 'no payment stays open');
    assert.equal((await t.platform.payments.refundsFor(old!.id)).length, 0, 'nothing was charged, so nothing is refunded');
  });

  test('a payment at the counter confirms the booking', async () => {
    const someone = await makeResident(t.fdb);
    const booked = await bookRoom(t.ctx, someone, { ...request({ roomId: 'maesawa-meeting', date: '2027-06-24', paymentChoice: 'counter' }), idempotencyKey: key() });
    assert.equal((await booking(booked.id)).payment_method, 'counter');
    await recordCounterPayment(t.ctx, clerk, booked.id);
    const b = await booking(booked.id);
    assert.equal(b.status, 'confirmed');
    assert.ok(b.paid_at);
  });

  test('a reduction or a counter payment after an unnoticed online capture: the capture is noticed first, nothing changes', async () => {
    const someone = await makeResident(t.fdb);
    const booked = await bookRoom(t.ctx, someone, { ...request({ roomId: 'maesawa-meeting', date: '2027-06-25', paymentChoice: 'counter' }), idempotencyKey: key() });
    const before = await booking(booked.id);
    // The payer paid online; the provider reported it, but nobody has read the booking since.
    const { payment } = await t.platform.payments.create({ source: 'facilities', reference: booked.id, amountYen: before.fee_yen, description: 'test', returnUrl: '/facilities' });
    await (t.platform.payments.provider as SimulatorProvider).settle(payment.providerRef!, 'pay', { method: 'qr' });
    await t.platform.payments.reconcile(payment.id);
    assert.equal((await booking(booked.id)).status, 'awaiting_payment');
    await assert.rejects(applyReduction(t.ctx, clerk, booked.id, 'city_hosted'), { code: 'booking_state' });
    await assert.rejects(recordCounterPayment(t.ctx, clerk, booked.id), { code: 'booking_state' });
    const b = await booking(booked.id);
    assert.deepEqual([b.status, b.fee_yen, b.reduction_yen, b.payment_method, b.payment_id], ['confirmed', before.fee_yen, 0, 'online', payment.id]);
  });
});

describe('groups', () => {
  test('register (with its checks) → approval by staff → book as the group at the group rate; a member joins with the code', async () => {
    const form = await resident.get('/facilities/groups/new');
    assert.equal(form.statusCode, 200);
    const tooFew = await resident.post('/facilities/groups/new', { name: '胆沢ママさんバレー', nameKana: 'イサワママサンバレー', contactPhone: '0197-46-0000', contactEmail: 'volley@example.jp', purpose: 'バレーボールの練習', activity: '', inCity: 'yes', members: '胆沢 花子\n前沢 和子' });
    assert.equal(tooFew.statusCode, 400);
    assert.match(tooFew.body, /「構成員名簿」は5人以上必要です（いまは2人）/);
    assert.match(tooFew.body, /胆沢ママさんバレー/, 'what was typed stays');
    const created = await resident.post('/facilities/groups/new', { name: '胆沢ママさんバレー', nameKana: 'イサワママサンバレー', contactPhone: '0197-46-0000', contactEmail: 'volley@example.jp', purpose: 'バレーボールの練習', activity: '毎週土曜の夜', inCity: 'yes', members: '胆沢 花子\n前沢 和子\n江刺 幸子\n水沢 恵\n衣川 優子\n奥州 試験' });
    assert.equal(created.statusCode, 303);
    const groupId = String(created.headers.location).split('/').pop()!;
    const page = await resident.get(`/facilities/groups/${groupId}`);
    assert.match(page.body, /審査中/);
    const code = /data-join-code[^>]*>([A-Z0-9]{8})</.exec(page.body)![1]!;

    // Not approved yet: cannot book as the group.
    const pending = await resident.post('/facilities/book', { room: 'isawa-arena', date: '2027-06-26', blocks: ['h1800', 'h1900'], purpose: 'sports', purposeDetail: '', headcount: '12', bookFor: groupId, paymentChoice: 'online' });
    assert.equal(pending.statusCode, 400);
    assert.match(pending.body, /「予約する名義」の団体では予約できません/);

    await assert.rejects(approveGroup(t.ctx, await staffActor(t, 'kotsu.tanto'), groupId), { code: 'forbidden' });
    await approveGroup(t.ctx, clerk, groupId);
    await assert.rejects(rejectGroup(t.ctx, clerk, groupId, '重複'), { code: 'group_state' });
    assert.ok(t.notifier.sent.some((m) => m.to === 'volley@example.jp' && /団体登録が承認されました/.test(m.body)));

    const form2 = await resident.get('/facilities/book?room=isawa-arena&date=2027-06-26&blocks=h1800');
    assert.match(form2.body, /団体：胆沢ママさんバレー/);
    const id = await bookThroughPages(resident, { room: 'isawa-arena', date: '2027-06-26', blocks: ['h1800', 'h1900'], purpose: 'sports', purposeDetail: '', headcount: '12', bookFor: groupId, paymentChoice: 'online' });
    const b = await booking(id);
    assert.deepEqual([b.group_id, b.rate, b.fee_yen], [groupId, 'resident', 2200]);

    // A member joins with the code and sees the group's booking (but cannot cancel or pay it).
    const member = await residentSession(t, 'demo-07');
    const joined = await member.post('/facilities/groups/join', { code: code.toLowerCase(), memberName: '水沢 恵' });
    assert.equal(joined.statusCode, 303);
    assert.equal((await member.get(`/facilities/bookings/${id}`)).statusCode, 200);
    assert.equal((await member.get(`/facilities/bookings/${id}/cancel`)).statusCode, 404);
    assert.match((await member.get('/facilities/mine')).body, /胆沢ママさんバレー/);
    // The representative pays: the receipt (their name on it) is offered to them only, never to the member (it would 404).
    await payOnSimulator(resident, id);
    assert.equal((await booking(id)).status, 'confirmed');
    const receiptLink = `/facilities/bookings/${id}/receipt.pdf`;
    assert.ok((await resident.get('/facilities/mine')).body.includes(receiptLink), 'the payer sees the receipt link');
    assert.equal((await resident.get(receiptLink)).statusCode, 200);
    for (const url of ['/facilities/mine', '/mypage', `/facilities/bookings/${id}`]) {
      const seen = await member.get(url);
      assert.equal(seen.statusCode, 200, url);
      assert.match(seen.body, /胆沢ママさんバレー|施設予約/, url);
      assert.ok(!seen.body.includes(receiptLink), `no receipt link for the member on ${url}`);
    }
    assert.equal((await member.get(receiptLink)).statusCode, 404);
    const wrong = await member.post('/facilities/groups/join', { code: 'ZZZZZZZZ', memberName: '水沢 恵' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /「団体コード」に合う団体がありません/);
    // Only the representative edits the member list.
    assert.equal((await member.post(`/facilities/groups/${groupId}/members`, { members: 'a\nb\nc\nd\ne' })).statusCode, 404);
    const edited = await resident.post(`/facilities/groups/${groupId}/members`, { members: '胆沢 花子\n前沢 和子\n江刺 幸子\n水沢 恵\n衣川 優子\n奥州 試験\n新入 会員' });
    assert.equal(edited.statusCode, 303);
    const members = await t.fdb.selectFrom('facility_group_members').select(['name', 'account_id']).where('group_id', '=', groupId).execute();
    assert.equal(members.length, 7);
    assert.ok(members.find((m) => m.name === '水沢 恵')!.account_id, 'the joined member stays linked');
  });

  test('a group from outside Oshu books at the non-resident rate; rejected groups say why', async () => {
    const rep = await makeResident(t.fdb);
    const outside = await registerGroup(t.ctx, rep, { name: '一関テニス友の会', nameKana: 'イチノセキテニストモノカイ', contactPhone: '0191-00-0000', contactEmail: '', purpose: 'テニス', activity: '', inCity: false, members: 'a\nb\nc\nd\ne' });
    await approveGroup(t.ctx, clerk, outside);
    const booked = await bookRoom(t.ctx, rep, { ...request({ roomId: 'esashi-tennis-1', date: '2027-06-27', blockCodes: ['h1000'], purpose: 'sports', headcount: 4, groupId: outside }), idempotencyKey: key() });
    assert.deepEqual([(await booking(booked.id)).rate, (await booking(booked.id)).fee_yen], ['non_resident', 600]);
    const another = await registerGroup(t.ctx, rep, { name: '未承認の会', nameKana: 'ミショウニンノカイ', contactPhone: '0191-00-0000', contactEmail: '', purpose: '集会', activity: '', inCity: true, members: 'a\nb\nc\nd\ne' });
    await assert.rejects(rejectGroup(t.ctx, clerk, another, ''), { code: 'invalid_input' });
    await rejectGroup(t.ctx, clerk, another, '活動実態が確認できないため');
    const json = await t.fdb.selectFrom('facility_groups').select(['status', 'decision_reason']).where('id', '=', another).executeTakeFirstOrThrow();
    assert.deepEqual(json, { status: 'rejected', decision_reason: '活動実態が確認できないため' });
  });

  test('groups over the API', async () => {
    const created = await resident.json('POST', '/api/facility-groups', { name: '江刺 書道サークル', nameKana: 'エサシショドウサークル', contactPhone: '0197-35-0000', purpose: '書道', inCity: true, members: ['一', '二', '三', '四', '五'] });
    assert.equal(created.statusCode, 201, created.body);
    const list = await resident.json('GET', '/api/facility-groups');
    assert.ok(list.json().items.some((g: { id: string; status: string; representative: boolean }) => g.id === created.json().id && g.status === 'pending' && g.representative));
    const bad = await resident.json('POST', '/api/facility-groups', { name: 'x', nameKana: 'エックス', contactPhone: '0197-35-0000', purpose: '書道', inCity: true, members: ['一'] });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.fields[0].field, 'members');
  });
});
