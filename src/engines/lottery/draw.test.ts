import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson } from './canonical-json.ts';
import { draw } from './draw.ts';
import { generateInput } from './generate.ts';
import { LotteryInputError, ticketFor } from './tickets.ts';
import type { LotteryInput, LotteryResult } from './types.ts';

const SEED_A = '11'.repeat(32);
const SEED_B = '22'.repeat(32);

function winnersOf(r: LotteryResult): Record<string, string | null> {
  return Object.fromEntries(r.slots.map((s) => [s.slotId, s.winner]));
}

/** `count` application ids sorted by their ticket under `seed` (best first). */
function idsInTicketOrder(seed: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `x${i}`).sort((a, b) => (ticketFor(seed, a) < ticketFor(seed, b) ? -1 : 1));
}

test('the same input and seed give byte-identical results', () => {
  const input = generateInput({ applications: 800, slots: 40, seed: 7 });
  const a = draw(input, SEED_A);
  const b = draw(structuredClone(input), SEED_A.toUpperCase());
  assert.equal(canonicalJson(a), canonicalJson(b));
  assert.equal(a.digest, b.digest);
  assert.match(a.digest, /^[0-9a-f]{64}$/);
});

test('a different seed gives a different draw order (and so a different result)', () => {
  const input = generateInput({ applications: 800, slots: 40, seed: 7 });
  const a = draw(input, SEED_A);
  const b = draw(input, SEED_B);
  assert.notDeepEqual(
    a.applications.map((x) => x.applicationId),
    b.applications.map((x) => x.applicationId),
  );
  assert.notEqual(a.digest, b.digest);
  assert.notDeepEqual(winnersOf(a), winnersOf(b));
});

test('tickets are SHA-256(seed:id) and the draw order is ascending ticket order', () => {
  const input = generateInput({ applications: 200, slots: 10, seed: 3 });
  const r = draw(input, SEED_A);
  for (const a of r.applications) assert.equal(a.ticket, ticketFor(SEED_A, a.applicationId));
  const tickets = r.applications.map((a) => a.ticket);
  assert.deepEqual(tickets, [...tickets].sort());
  assert.deepEqual(
    r.applications.map((a) => a.position),
    r.applications.map((_, i) => i + 1),
  );
});

test('over many generated months: no slot has two winners, no application wins twice, no cap is exceeded', () => {
  for (let seed = 1; seed <= 12; seed++) {
    const input = generateInput({ applications: 600, slots: 200, seed, groupShare: 0.7, groups: 6 });
    input.rules = seed % 2 ? { maxWinsPerApplicantPerSlotTypeMonth: 1 } : { maxWinsPerApplicantPerSlotTypeMonth: 2, maxWinsPerApplicantPerMonth: 2 };
    const r = draw(input, ticketFor(SEED_A, String(seed)));
    const typeOf = new Map(input.slots.map((s) => [s.id, s.slotType]));
    const winsBySlot = new Map<string, number>();
    const byTypeMonth = new Map<string, number>();
    const byMonth = new Map<string, number>();
    for (const a of r.applications.filter((x) => x.status === 'won')) {
      winsBySlot.set(a.slotId!, (winsBySlot.get(a.slotId!) ?? 0) + 1);
      const tm = `${a.applicantKey}|${typeOf.get(a.slotId!)}`;
      byTypeMonth.set(tm, (byTypeMonth.get(tm) ?? 0) + 1);
      byMonth.set(a.applicantKey, (byMonth.get(a.applicantKey) ?? 0) + 1);
      assert.equal(a.preferences.filter((p) => p.outcome === 'won').length, 1);
    }
    for (const n of winsBySlot.values()) assert.equal(n, 1);
    for (const s of r.slots) if (s.winner) assert.equal(winsBySlot.get(s.slotId), 1);
    for (const n of byTypeMonth.values()) assert.ok(n <= r.rules.maxWinsPerApplicantPerSlotTypeMonth, `type cap exceeded (${n})`);
    if (r.rules.maxWinsPerApplicantPerMonth !== null) for (const n of byMonth.values()) assert.ok(n <= r.rules.maxWinsPerApplicantPerMonth);
    // The generated months are crowded enough that the caps actually bite.
    assert.ok(r.applications.some((a) => a.status === 'skipped'), `seed ${seed}: no application was skipped by a rule`);
  }
});

test('one win per group per slot type and month: members applying for one group win once', () => {
  // m1 draws before m2 under SEED_A, so m1 takes its gym slot and m2 meets the cap.
  const [first, second] = idsInTicketOrder(SEED_A, 2) as [string, string];
  const input: LotteryInput = {
    slots: [
      { id: 'gym-a', slotType: 'gym', month: '2026-12' },
      { id: 'gym-b', slotType: 'gym', month: '2026-12' },
      { id: 'gym-jan', slotType: 'gym', month: '2027-01' },
      { id: 'hall', slotType: 'hall', month: '2026-12' },
    ],
    applications: [
      { id: first, applicantId: 'alice', groupId: 'team', preferences: ['gym-a'] },
      { id: second, applicantId: 'bob', groupId: 'team', preferences: ['gym-b'] },
      { id: 'm3', applicantId: 'carol', groupId: 'team', preferences: ['gym-jan'] },
      { id: 'm4', applicantId: 'dave', groupId: 'team', preferences: ['hall'] },
    ],
  };
  const r = draw(input, SEED_A);
  const status = Object.fromEntries(r.applications.map((a) => [a.applicationId, [a.status, a.rule]]));
  assert.deepEqual(status[first], ['won', null]);
  assert.deepEqual(status[second], ['skipped', 'maxWinsPerApplicantPerSlotTypeMonth']);
  assert.deepEqual(status.m3, ['won', null], 'another month is another cap');
  assert.deepEqual(status.m4, ['won', null], 'another slot type is another cap');
  assert.equal(winnersOf(r)['gym-b'], null);
  assert.deepEqual(r.slots.find((s) => s.slotId === 'gym-b')!.waitingList, [second]);

  // The same person applying on their own is a different applicant from their group.
  const solo = draw({ ...input, applications: [...input.applications, { id: 'solo', applicantId: 'bob', preferences: ['gym-b'] }] }, SEED_A);
  assert.equal(winnersOf(solo)['gym-b'], 'solo');

  // With an overall cap of one win a month, the group's December hall win is refused too.
  const monthly = draw({ ...input, rules: { maxWinsPerApplicantPerMonth: 1 } }, SEED_A);
  const m4 = monthly.applications.find((a) => a.applicationId === 'm4')!;
  const firstPos = monthly.applications.find((a) => a.applicationId === first)!.position;
  // Whichever of the group's December applications draws first wins; the other is stopped by the monthly cap.
  if (m4.position < firstPos) assert.equal(monthly.applications.find((a) => a.applicationId === first)!.rule, 'maxWinsPerApplicantPerMonth');
  else assert.deepEqual([m4.status, m4.rule], ['skipped', 'maxWinsPerApplicantPerMonth']);
  assert.equal(monthly.rules.maxWinsPerApplicantPerSlotTypeMonth, 1, 'the default per-type cap still applies');
});

test('rounds: a 1st choice beats the 2nd choice of an application with a better ticket', () => {
  // Tickets under SEED_A: best < better < worse.
  const [best, better, worse] = idsInTicketOrder(SEED_A, 3) as [string, string, string];
  const input: LotteryInput = {
    slots: [
      { id: 'hall', slotType: 'hall', month: '2026-12' },
      { id: 'gym', slotType: 'gym', month: '2026-12' },
    ],
    applications: [
      { id: best, applicantId: 'p1', preferences: ['hall'] },
      { id: better, applicantId: 'p2', preferences: ['hall', 'gym'] },
      { id: worse, applicantId: 'p3', preferences: ['gym'] },
    ],
  };
  const r = draw(input, SEED_A);
  assert.deepEqual(winnersOf(r), { hall: best, gym: worse });
  const b = r.applications.find((a) => a.applicationId === better)!;
  assert.equal(b.status, 'lost');
  assert.deepEqual(
    b.preferences.map((p) => p.outcome),
    ['taken', 'taken'],
  );
  assert.ok(b.position < r.applications.find((a) => a.applicationId === worse)!.position);
  assert.deepEqual(r.slots.find((s) => s.slotId === 'gym')!.waitingList, [better]);
});

test('duplicates are ignored deterministically: repeated ids, repeated slots, one applicant twice for a slot', () => {
  const input: LotteryInput = {
    slots: [
      { id: 's1', slotType: 'gym', month: '2026-12' },
      { id: 's2', slotType: 'gym', month: '2026-12' },
    ],
    applications: [
      { id: 'b', applicantId: 'p1', groupId: 'club', preferences: ['s1', 's1', 'nope', 's2'] },
      { id: 'a', applicantId: 'p2', groupId: 'club', preferences: ['s1'] },
      { id: 'b', applicantId: 'p9', preferences: ['s2'] },
      { id: 'c', applicantId: 'p3', preferences: ['s2'] },
    ],
    rules: { maxWinsPerApplicantPerSlotTypeMonth: 2 },
  };
  for (const seed of [SEED_A, SEED_B, '33'.repeat(32)]) {
    const r = draw(input, seed);
    assert.deepEqual(r.ignored, [{ applicationId: 'b', index: 2, reason: 'duplicate-application-id' }]);
    assert.equal(r.applications.length, 3);
    const b = r.applications.find((x) => x.applicationId === 'b')!;
    // The club names s1 in "a" and "b": "a" sorts first and keeps it, whatever the tickets.
    assert.deepEqual(
      b.preferences.map((p) => [p.slotId, p.outcome]),
      [
        ['s1', 'duplicate'],
        ['s1', 'duplicate'],
        ['nope', 'unknown-slot'],
        ['s2', b.status === 'won' ? 'won' : 'taken'],
      ],
    );
    assert.equal(winnersOf(r).s1, 'a');
    assert.ok(!r.slots.find((s) => s.slotId === 's1')!.waitingList.includes('b'));
  }
  // Reordering the input (other than which duplicate id comes first) changes nothing.
  const shuffled = { ...input, applications: [input.applications[3]!, input.applications[1]!, input.applications[0]!, input.applications[2]!] };
  assert.deepEqual(winnersOf(draw(shuffled, SEED_A)), winnersOf(draw(input, SEED_A)));
});

test('submittedAt and extra fields do not change the result; bad input names the field', () => {
  const input = generateInput({ applications: 50, slots: 5, seed: 2 });
  const stamped = {
    ...input,
    applications: input.applications.map((a, i) => ({ ...a, submittedAt: new Date(2026, 10, 1, 0, i).toISOString() })),
  };
  assert.equal(draw(stamped, SEED_A).digest, draw(input, SEED_A).digest);
  assert.throws(() => draw(input, 'abc'), (e: unknown) => e instanceof LotteryInputError && e.field === 'seed');
  const badMonth = { ...input, slots: [{ ...input.slots[0]!, month: '2026-13' }] };
  assert.throws(() => draw(badMonth, SEED_A), (e: unknown) => e instanceof LotteryInputError && e.field === 'slots[0].month');
  const dupSlot = { ...input, slots: [input.slots[0]!, input.slots[0]!] };
  assert.throws(() => draw(dupSlot, SEED_A), /duplicate slot id/);
  assert.throws(() => draw({ ...input, rules: { maxWinsPerApplicantPerSlotTypeMonth: 0 } }, SEED_A), /rules\.maxWinsPerApplicantPerSlotTypeMonth/);
});

test('waiting lists hold the losing applications that named the slot, in ticket order', () => {
  const input = generateInput({ applications: 400, slots: 20, seed: 11 });
  const r = draw(input, SEED_B);
  const pos = new Map(r.applications.map((a) => [a.applicationId, a]));
  for (const s of r.slots) {
    const positions = s.waitingList.map((id) => pos.get(id)!.position);
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
    for (const id of s.waitingList) {
      const a = pos.get(id)!;
      assert.notEqual(a.status, 'won');
      assert.ok(a.preferences.some((p) => p.slotId === s.slotId && (p.outcome === 'taken' || p.outcome === 'cap')));
    }
    const expected = r.applications.filter((a) => a.status !== 'won' && a.preferences.some((p) => p.slotId === s.slotId && p.outcome !== 'duplicate'));
    assert.deepEqual(s.waitingList, expected.map((a) => a.applicationId));
  }
});
