import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { draw, verifyDraw, type LotteryResult } from '../../engines/lottery/index.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { formatDateJa } from '../../platform/text/wareki.ts';
import { isoWeekday } from '../../platform/time/today.ts';
import type { SimulatorProvider } from '../../platform/payments/simulator-provider.ts';
import { bookRoom } from './booking-service.ts';
import { facilityContext } from './facility-context.ts';
import { LOTTERY_QUEUES } from './lottery-context.ts';
import { drawRound, recheckDraw } from './lottery-draw.ts';
import { applyForRound, entryForView, withdrawEntry } from './lottery-entries.ts';
import { lotteryJobs } from './lottery-jobs.ts';
import { removeSlot } from './lottery-rounds.ts';
import { ARENA, createLotteryTestApp, later, makeGroup, makeResident, openRound, type LotteryTestApp } from './lottery-test-kit.ts';

let now = new Date();
let t: LotteryTestApp;
before(async () => {
  t = await createLotteryTestApp(() => now);
});
after(() => t.close());

const key = () => `k-${Math.random().toString(36).slice(2)}-${Date.now()}`;
const entry = (prefs: string[], groupId: string | null = null) => ({ groupId, preferences: prefs, purpose: 'sports', purposeDetail: 'バドミントン', headcount: 12, idempotencyKey: key() });

async function bookingsOf(roundId: string) {
  return t.ldb.selectFrom('facility_bookings').selectAll().where('lottery_round_id', '=', roundId).execute();
}

test('slots added to a round are held: first-come booking is refused until the hold is given back', async () => {
  now = new Date();
  const { roundId, staff, slots, added } = await openRound(t, now);
  assert.ok(slots.length >= 8, `weekend evenings of a month (got ${slots.length})`);
  assert.equal(added.added.length, slots.length);
  assert.ok(slots.every((s) => !s.use_date.endsWith('-15')), 'the closing day (15th) yields no slot');
  const holds = (await bookingsOf(roundId)).filter((b) => b.kind === 'lottery');
  assert.equal(holds.length, slots.length);
  assert.ok(holds.every((h) => h.status === 'held'));

  // Until the round is drawn its month goes to the lottery: first-come booking is refused on the date,
  // held evening or not, and told when to apply.
  const resident = await makeResident(t.ldb);
  const facilities = { ...facilityContext(t.platform), jobs: null };
  const first = slots[0]!;
  for (const block of ['evening', 'afternoon']) {
    const attempt = bookRoom(facilities, resident, { roomId: ARENA, date: first.use_date, blockCodes: [block], purpose: 'sports', purposeDetail: '', headcount: 10, groupId: null, commercial: false, paymentChoice: 'online', idempotencyKey: key() });
    await assert.rejects(attempt, (e: unknown) => e instanceof DomainError && e.fields[0]?.field === 'date' && e.fields[0].messageKey === 'facilities.error.lotteryMonth');
  }

  // Adding the same slots again holds nothing twice; they are reported as taken.
  const { addSlots } = await import('./lottery-rounds.ts');
  await assert.rejects(addSlots(t.ctx, staff, roundId, ARENA, { blockCodes: ['evening'], hours: null, weekdays: [6], dates: [], slotType: '' }), (e: unknown) => e instanceof DomainError && e.code === 'round_not_editable');
  // Removing a slot from a published round is refused too: residents may already have chosen it.
  await assert.rejects(removeSlot(t.ctx, staff, roundId, first.id), (e: unknown) => e instanceof DomainError && e.code === 'round_not_editable');
});

test('the draw: one win per group per slot type and month, reproducible from the stored seed and input', async () => {
  now = new Date();
  const { roundId, staff, slots } = await openRound(t, now, { monthsAhead: 3 });
  const [s1, s2, s3] = slots as [(typeof slots)[number], (typeof slots)[number], (typeof slots)[number]];
  const sat1 = slots.filter((s) => s.slot_type.endsWith(':weekend:evening'));
  assert.equal(sat1.length, slots.length, 'default slot type: room, weekend, block');

  // A group applies three times through three members, each entry for another evening: all one slot type.
  const rep = await makeResident(t.ldb);
  const m1 = await makeResident(t.ldb);
  const m2 = await makeResident(t.ldb);
  const group = await makeGroup(t.ldb, rep, [m1, m2]);
  const g1 = await applyForRound(t.ctx, rep, roundId, entry([s1.id], group));
  // One entry per applicant per slot: another member naming s1 for the group is refused, naming the field.
  await assert.rejects(applyForRound(t.ctx, m1, roundId, entry([s2.id, s1.id], group)), (e: unknown) => e instanceof DomainError && e.fields[0]?.field === 'preference2' && e.fields[0].messageKey === 'facilities.lottery.error.alreadyChosen');
  const g2 = await applyForRound(t.ctx, m1, roundId, entry([s2.id], group));
  const g3 = await applyForRound(t.ctx, m2, roundId, entry([s3.id], group));
  // The round allows three entries per applicant.
  await assert.rejects(applyForRound(t.ctx, rep, roundId, entry([slots[3]!.id], group)), (e: unknown) => e instanceof DomainError && e.fields[0]?.messageKey === 'facilities.lottery.error.tooManyEntries');
  // A member applying for themselves is another applicant.
  const solo = await applyForRound(t.ctx, m1, roundId, entry([s1.id, s2.id]));
  // Competition for the first evening only.
  for (let i = 0; i < 8; i++) await applyForRound(t.ctx, await makeResident(t.ldb), roundId, entry([s1.id, slots[4]!.id]));
  const quitter = await makeResident(t.ldb);
  const quit = await applyForRound(t.ctx, quitter, roundId, entry([s1.id]));
  await withdrawEntry(t.ctx, quitter, quit);

  // Not before the window closes; then staff may draw.
  await assert.rejects(drawRound(t.ctx, staff, roundId), (e: unknown) => e instanceof DomainError && e.code === 'draw_too_early');
  now = later(now, 2.1);
  const outcome = await drawRound(t.ctx, staff, roundId);
  assert.equal(outcome.drawn, true);
  // A second draw (the job arriving late, a double click) changes nothing.
  const again = await drawRound(t.ctx, null, roundId);
  assert.deepEqual(again, { drawn: false, reason: 'not_published' });

  const round = await t.ldb.selectFrom('facility_lottery_rounds').selectAll().where('id', '=', roundId).executeTakeFirstOrThrow();
  assert.equal(round.status, 'drawn');
  assert.match(round.seed!, /^[0-9a-f]{64}$/);
  const result = round.result as LotteryResult;
  assert.equal(result.digest, round.result_digest);
  assert.ok(!result.applications.some((a) => a.applicationId === quit), 'a withdrawn entry takes no part');
  assert.equal(result.applications.length, 3 + 1 + 8);

  // Drawing the stored input with the stored seed, twice, gives the stored result exactly.
  const first = draw(round.input!, round.seed!);
  const second = draw(round.input!, round.seed!);
  assert.equal(first.digest, round.result_digest);
  assert.deepEqual(first, second);
  assert.deepEqual(await recheckDraw(t.ldb, roundId), { sameResult: true, sameInput: true, digest: round.result_digest });
  assert.equal(verifyDraw(round.input!, round.seed!, result).ok, true);

  // The public input names nobody: applicants are per-round pseudonyms, shared by a group's entries.
  const text = JSON.stringify(round.input);
  for (const r of [rep, m1, m2]) assert.ok(!text.includes(r.accountId) && !text.includes(r.displayName));
  const groupApps = round.input!.applications.filter((a) => [g1, g2, g3].includes(a.id));
  assert.match(groupApps[0]!.groupId!, /^g-[0-9a-f]{16}$/);
  assert.equal(new Set(groupApps.map((a) => a.groupId)).size, 1, 'one pseudonym for the group, whoever applied');
  assert.equal(new Set(groupApps.map((a) => a.applicantId)).size, 3);

  // One win per group per slot type and month: the group's other entries are skipped by the rule.
  const groupResults = result.applications.filter((a) => [g1, g2, g3].includes(a.applicationId));
  assert.equal(groupResults.filter((a) => a.status === 'won').length, 1);
  assert.ok(groupResults.some((a) => a.status === 'skipped' && a.rule === 'maxWinsPerApplicantPerSlotTypeMonth'));
  assert.notEqual(result.applications.find((a) => a.applicationId === solo)!.applicantKey, groupResults[0]!.applicantKey);
  // At most one win per applicant here (one slot type), one winner per slot.
  const wins = result.applications.filter((a) => a.status === 'won');
  const byKey = new Map<string, number>();
  for (const w of wins) byKey.set(w.applicantKey, (byKey.get(w.applicantKey) ?? 0) + 1);
  assert.ok([...byKey.values()].every((n) => n === 1));
  assert.equal(new Set(wins.map((w) => w.slotId)).size, wins.length);

  // Winners hold bookings awaiting payment with a deadline; every hold is gone.
  const rows = await bookingsOf(roundId);
  assert.equal(rows.filter((b) => b.kind === 'lottery' && b.status === 'held').length, 0);
  const booked = rows.filter((b) => b.kind === 'booking');
  assert.equal(booked.length, wins.length);
  for (const b of booked) {
    assert.equal(b.status, 'awaiting_payment');
    // A 市内団体 pays the resident rate; these test residents are not in Oshu's register (non-resident rate); heating in winter.
    assert.equal(b.rate, b.group_id ? 'resident' : 'non_resident');
    assert.equal(b.fee_yen, (b.group_id ? 4000 : 6000) + (['11', '12', '01', '02', '03'].includes(b.use_date.slice(5, 7)) ? 500 : 0));
    assert.ok(b.payment_due_at && b.payment_due_at > now);
    const winner = wins.find((w) => w.slotId === slots.find((s) => s.use_date === b.use_date)!.code)!;
    const e = await t.ldb.selectFrom('facility_lottery_entries').select(['resident_account_id', 'group_id']).where('id', '=', winner.applicationId).executeTakeFirstOrThrow();
    assert.equal(b.resident_account_id, e.resident_account_id);
    assert.equal(b.group_id, e.group_id);
  }
  // Slots nobody wanted went back to first-come booking.
  const unwanted = (await t.ldb.selectFrom('facility_lottery_slots').select(['state']).where('round_id', '=', roundId).execute()).filter((s) => s.state === 'released');
  assert.equal(unwanted.length, slots.length - wins.length);

  // Every entrant hears the outcome by email; the draw is audited with its seed and digest.
  await t.platform.jobs.drain();
  const mails = t.notifier.sent.filter((m) => m.subject?.startsWith('【奥州市 施設抽選】'));
  assert.equal(mails.filter((m) => m.subject!.includes('当選しました')).length, wins.length);
  assert.equal(mails.filter((m) => m.subject!.includes('落選')).length, result.applications.length - wins.length);
  assert.ok(mails.every((m) => m.channel === 'email' && m.body.includes(`/facilities/lottery/${roundId}/results`)));
  const s1Words = `${formatDateJa(s1.use_date)}（${'月火水木金土日'[isoWeekday(s1.use_date) - 1]}） 夜間 18:00〜21:00 アリーナ`;
  assert.ok(mails.some((m) => m.subject!.includes('落選') && m.body.includes(`${s1Words}：補欠1番`)), 'the place on the waiting list is told in words: date, 和暦, time block');
  assert.ok(mails.every((m) => !m.body.includes(s1.code)), 'no internal slot key in any notice');
  const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'facilities.lottery.drawn').where('target_id', '=', roundId).executeTakeFirstOrThrow();
  assert.equal((audit.details as { seed: string }).seed, round.seed);
  assert.equal(audit.actor_id, staff.id);
});

test('an unpaid winner past the deadline loses the slot to the next on the waiting list; a paid one keeps it', async () => {
  now = new Date();
  const { roundId, slots } = await openRound(t, now, { monthsAhead: 4, payDays: 3 });
  const [s1, s2] = slots as [(typeof slots)[number], (typeof slots)[number]];
  const people = await Promise.all(Array.from({ length: 4 }, () => makeResident(t.ldb)));
  const ids: string[] = [];
  for (const p of people) ids.push(await applyForRound(t.ctx, p, roundId, entry([s1.id])));
  const payer = await makeResident(t.ldb);
  await applyForRound(t.ctx, payer, roundId, entry([s2.id]));
  // The scheduled job draws at the draw time, not merely after the window closes.
  const jobs = lotteryJobs(t.platform);
  now = later(now, 2.1);
  await jobs[LOTTERY_QUEUES.draw]!({ roundId }, { id: 1, attempts: 1 });
  assert.equal((await t.ldb.selectFrom('facility_lottery_rounds').select('status').where('id', '=', roundId).executeTakeFirstOrThrow()).status, 'published');
  now = later(now, 1);
  await jobs[LOTTERY_QUEUES.draw]!({ roundId }, { id: 2, attempts: 1 });
  const round = await t.ldb.selectFrom('facility_lottery_rounds').select(['result', 'status', 'drawn_by_staff_id']).where('id', '=', roundId).executeTakeFirstOrThrow();
  assert.equal(round.status, 'drawn');
  assert.equal(round.drawn_by_staff_id, null, 'drawn by the job');
  const list = (round.result as LotteryResult).slots.find((s) => s.slotId === s1.code)!;
  assert.equal(list.waitingList.length, 3);

  // The waiting lists are stored place by place, and each entrant sees theirs.
  const places = await t.ldb.selectFrom('facility_lottery_waiting').select(['entry_id']).where('slot_id', '=', s1.id).orderBy('position').execute();
  assert.deepEqual(places.map((p) => p.entry_id), list.waitingList);
  const secondInLine = people[ids.indexOf(list.waitingList[1]!)]!;
  const view = await entryForView(t.ctx, secondInLine, list.waitingList[1]!);
  assert.deepEqual(
    view.waiting.map((w) => [w.code, w.position, w.length, w.use_date, w.block_ja]),
    [[s1.code, 2, 3, s1.use_date, '夜間']],
  );
  assert.equal(view.standing, 'waiting');
  assert.equal(view.outcome?.status, 'lost');
  await assert.rejects(entryForView(t.ctx, payer, list.waitingList[1]!), (e: unknown) => e instanceof DomainError && e.status === 404);

  const offerOf = (slotId: string) => t.ldb.selectFrom('facility_lottery_offers').selectAll().where('slot_id', '=', slotId).orderBy('created_at').execute();
  const [firstOffer] = await offerOf(s1.id);
  assert.equal(firstOffer!.entry_id, list.winner);
  // The payer pays (as the payment flow does); the first winner does not.
  const [paid] = await offerOf(s2.id);
  await t.ldb.updateTable('facility_bookings').set({ status: 'confirmed', paid_at: now }).where('id', '=', paid!.booking_id).execute();

  // Before the deadline nothing moves.
  await jobs[LOTTERY_QUEUES.deadline]!({ offerId: firstOffer!.id }, { id: 0, attempts: 1 });
  assert.equal((await offerOf(s1.id)).length, 1);

  now = new Date(firstOffer!.deadline.getTime() + 60_000);
  await jobs[LOTTERY_QUEUES.deadline]!({ offerId: firstOffer!.id }, { id: 0, attempts: 1 });
  const offers = await offerOf(s1.id);
  assert.deepEqual(
    offers.map((o) => [o.entry_id, o.status, o.source]),
    [
      [list.winner, 'lapsed', 'draw'],
      [list.waitingList[0], 'offered', 'waiting_list'],
    ],
  );
  const lapsed = await t.ldb.selectFrom('facility_bookings').select('status').where('id', '=', firstOffer!.booking_id).executeTakeFirstOrThrow();
  assert.equal(lapsed.status, 'lapsed');
  const next = await t.ldb.selectFrom('facility_bookings').selectAll().where('id', '=', offers[1]!.booking_id).executeTakeFirstOrThrow();
  assert.equal(next.status, 'awaiting_payment');
  assert.ok(offers[1]!.deadline > now, 'a fresh deadline');
  // The paid winner was settled in the same pass and keeps the slot.
  assert.equal((await offerOf(s2.id))[0]!.status, 'confirmed');

  // The next one does not pay either, nor the one after: the list runs out and the slot goes to first-come booking.
  for (let i = 1; i <= 3; i++) {
    const open = (await offerOf(s1.id)).find((o) => o.status === 'offered')!;
    now = new Date(open.deadline.getTime() + 60_000);
    await jobs[LOTTERY_QUEUES.deadline]!({ offerId: open.id }, { id: 0, attempts: 1 });
  }
  const all = await offerOf(s1.id);
  assert.deepEqual(
    all.map((o) => o.entry_id),
    [list.winner, ...list.waitingList],
  );
  assert.ok(all.every((o) => o.status === 'lapsed'));
  const slot = await t.ldb.selectFrom('facility_lottery_slots').select('state').where('id', '=', s1.id).executeTakeFirstOrThrow();
  assert.equal(slot.state, 'released');

  // Each step was told to the people concerned.
  await t.platform.jobs.drain();
  const bodies = t.notifier.sent.map((m) => m.subject ?? '');
  assert.ok(bodies.filter((s) => s.includes('補欠の繰上げ')).length >= 3);
  assert.ok(bodies.filter((s) => s.includes('お支払い期限を過ぎた')).length >= 4);
});

test('a winner who paid online at the last minute is not lapsed when another winner\'s deadline job runs', async () => {
  now = new Date();
  const { roundId, staff, slots } = await openRound(t, now, { monthsAhead: 9, payDays: 3 });
  const [s1, s2] = slots as [(typeof slots)[number], (typeof slots)[number]];
  // Each slot has a waiting list, so a wrong lapse would hand it on rather than merely release it.
  for (const s of [s1, s2]) for (let i = 0; i < 2; i++) await applyForRound(t.ctx, await makeResident(t.ldb), roundId, entry([s.id]));
  now = later(now, 3.1);
  await drawRound(t.ctx, staff, roundId);
  const offerOf = async (slotId: string) => (await t.ldb.selectFrom('facility_lottery_offers').selectAll().where('slot_id', '=', slotId).orderBy('created_at').execute())[0]!;
  const [late, other] = [await offerOf(s1.id), await offerOf(s2.id)];
  assert.equal(late.deadline.getTime(), other.deadline.getTime(), 'one deadline for every winner of the round');

  // The other winner pays by QR minutes before the deadline: the provider reports the capture,
  // but nobody has looked at the booking since (no return to the site, no sweep yet).
  now = new Date(other.deadline.getTime() - 5 * 60_000);
  const b = await t.ldb.selectFrom('facility_bookings').select(['fee_yen', 'status']).where('id', '=', other.booking_id).executeTakeFirstOrThrow();
  assert.equal(b.status, 'awaiting_payment');
  const payments = t.platform.payments;
  const { payment } = await payments.create({ source: 'facilities', reference: other.booking_id, amountYen: b.fee_yen, description: 'test', returnUrl: '/facilities' });
  await (payments.provider as SimulatorProvider).settle(payment.providerRef!, 'pay', { method: 'qr' });
  await payments.reconcile(payment.id);
  assert.equal((await t.ldb.selectFrom('facility_bookings').select('status').where('id', '=', other.booking_id).executeTakeFirstOrThrow()).status, 'awaiting_payment');

  // The first winner opened a checkout but never paid: it must not stay payable after the lapse.
  const lateFee = (await t.ldb.selectFrom('facility_bookings').select('fee_yen').where('id', '=', late.booking_id).executeTakeFirstOrThrow()).fee_yen;
  const { payment: unpaid } = await payments.create({ source: 'facilities', reference: late.booking_id, amountYen: lateFee, description: 'test', returnUrl: '/facilities' });

  // The deadline passes; the first winner's deadline job runs and settles the round's due offers.
  now = new Date(late.deadline.getTime() + 60_000);
  await lotteryJobs(t.platform)[LOTTERY_QUEUES.deadline]!({ offerId: late.id }, { id: 0, attempts: 1 });
  const paidBooking = await t.ldb.selectFrom('facility_bookings').select(['status', 'payment_id']).where('id', '=', other.booking_id).executeTakeFirstOrThrow();
  assert.deepEqual(paidBooking, { status: 'confirmed', payment_id: payment.id });
  const settled = await t.ldb.selectFrom('facility_lottery_offers').select(['entry_id', 'status']).where('slot_id', '=', s2.id).execute();
  assert.deepEqual(settled, [{ entry_id: other.entry_id, status: 'confirmed' }], 'the slot stays with the payer; nobody else is offered it');
  assert.equal((await payments.refundsFor(payment.id)).length, 0, 'the payment is kept, not refunded');
  // The winner who did not pay still lapses.
  assert.equal((await t.ldb.selectFrom('facility_lottery_offers').select('status').where('id', '=', late.id).executeTakeFirstOrThrow()).status, 'lapsed');
  assert.equal((await payments.get(unpaid.id))!.status, 'cancelled', 'the lapsed win\'s checkout is withdrawn');
});

test('removing a slot from a draft round gives its time back', async () => {
  now = new Date();
  const { createRound, addSlots } = await import('./lottery-rounds.ts');
  const { staffActor, GYM, monthAhead } = await import('./lottery-test-kit.ts');
  const staff = await staffActor(t, 'shogai.kacho');
  const month = monthAhead(now, 5);
  const roundId = await createRound(t.ctx, staff, { facilityId: GYM, month, title: 'draft', opensAt: now, closesAt: later(now, 1), drawAt: later(now, 2), payDays: 7, maxPreferences: 2, maxEntries: 3, maxWinsPerTypeMonth: 1, maxWinsPerMonth: null });
  const added = await addSlots(t.ctx, staff, roundId, ARENA, { blockCodes: ['morning'], hours: null, weekdays: [], dates: [`${month}-03`, `${month}-15`], slotType: 'arena-any' });
  assert.equal(added.added.length, 1);
  assert.deepEqual(added.skipped, [{ date: `${month}-15`, reason: 'closed' }]);
  const slot = await t.ldb.selectFrom('facility_lottery_slots').selectAll().where('round_id', '=', roundId).executeTakeFirstOrThrow();
  assert.equal(slot.slot_type, 'arena-any');
  await removeSlot(t.ctx, staff, roundId, slot.id);
  const hold = await t.ldb.selectFrom('facility_bookings').select('status').where('lottery_round_id', '=', roundId).executeTakeFirstOrThrow();
  assert.equal(hold.status, 'released');
  // A citizens' clerk cannot see the round at all.
  const other = await staffActor(t, 'shimin.tanto');
  await assert.rejects(removeSlot(t.ctx, other, roundId, slot.id), (e: unknown) => e instanceof DomainError && e.status === 404);
});

test('two draws of one round at once (the job and a staff click) draw it once', async () => {
  now = new Date();
  const { roundId, staff, slots } = await openRound(t, now, { monthsAhead: 6 });
  for (let i = 0; i < 4; i++) await applyForRound(t.ctx, await makeResident(t.ldb), roundId, entry([slots[i % 2]!.id, slots[2]!.id]));
  now = later(now, 3.1);
  const outcomes = await Promise.all([drawRound(t.ctx, staff, roundId), drawRound(t.ctx, null, roundId)]);
  assert.equal(outcomes.filter((o) => o.drawn).length, 1);
  const bookings = (await bookingsOf(roundId)).filter((b) => b.kind === 'booking');
  assert.equal(bookings.length, 3, 'three evenings wanted, three winners, no second set');
  const audits = await t.db.kysely.selectFrom('audit_log').select('seq').where('action', '=', 'facilities.lottery.drawn').where('target_id', '=', roundId).execute();
  assert.equal(audits.length, 1);
});

test('a winner who cancels: the sweep offers the slot to the next on the list without waiting for the deadline', async () => {
  now = new Date();
  const { roundId, staff, slots } = await openRound(t, now, { monthsAhead: 7 });
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) ids.push(await applyForRound(t.ctx, await makeResident(t.ldb), roundId, entry([slots[0]!.id])));
  now = later(now, 2.1);
  await drawRound(t.ctx, staff, roundId);
  const [won] = await t.ldb.selectFrom('facility_lottery_offers').selectAll().where('slot_id', '=', slots[0]!.id).execute();
  // The holder cancels from the booking page (the booking service marks it cancelled).
  await t.ldb.updateTable('facility_bookings').set({ status: 'cancelled', cancelled_at: now }).where('id', '=', won!.booking_id).execute();
  await lotteryJobs(t.platform)[LOTTERY_QUEUES.sweep]!({}, { id: 0, attempts: 1 });
  const offers = await t.ldb.selectFrom('facility_lottery_offers').select(['entry_id', 'status', 'source']).where('slot_id', '=', slots[0]!.id).orderBy('created_at').execute();
  assert.deepEqual(
    offers.map((o) => [o.entry_id, o.status, o.source]),
    [
      [won!.entry_id, 'declined', 'draw'],
      [ids.find((id) => id !== won!.entry_id), 'offered', 'waiting_list'],
    ],
  );
  assert.ok(now < won!.deadline, 'well before the first deadline');
});

test('cancelling a round gives every hold back and tells the entrants why', async () => {
  now = new Date();
  const { roundId, staff, slots } = await openRound(t, now, { monthsAhead: 8 });
  const resident = await makeResident(t.ldb);
  await applyForRound(t.ctx, resident, roundId, entry([slots[0]!.id]));
  const { cancelRound } = await import('./lottery-rounds.ts');
  await assert.rejects(cancelRound(t.ctx, staff, roundId, '  '), (e: unknown) => e instanceof DomainError && e.fields[0]?.field === 'reason');
  await cancelRound(t.ctx, staff, roundId, '施設の改修工事のため');
  const holds = (await bookingsOf(roundId)).filter((b) => b.kind === 'lottery');
  assert.ok(holds.length > 0 && holds.every((h) => h.status === 'released'));
  await assert.rejects(applyForRound(t.ctx, resident, roundId, entry([slots[1]!.id])), (e: unknown) => e instanceof DomainError && e.status === 404);
  await assert.rejects(drawRound(t.ctx, staff, roundId), (e: unknown) => e instanceof DomainError && e.code === 'round_not_editable');
  await t.platform.jobs.drain();
  const mail = t.notifier.sent.find((m) => m.subject?.includes('中止') && m.to === `resident${resident.displayName.replace('抽選 太郎', '')}@example.jp`);
  assert.ok(mail, 'the entrant is told');
  assert.match(mail.body, /理由：施設の改修工事のため/);
});
