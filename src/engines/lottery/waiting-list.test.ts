import assert from 'node:assert/strict';
import { test } from 'node:test';
import { draw } from './draw.ts';
import { ticketFor } from './tickets.ts';
import type { LotteryInput } from './types.ts';
import { nextOnWaitingList } from './waiting-list.ts';

const SEED = '7c'.repeat(32);
const byTicket = (ids: string[]) => [...ids].sort((a, b) => (ticketFor(SEED, a) < ticketFor(SEED, b) ? -1 : 1));

// w wins "court"; l1..l4 lose it and wait, in ticket order. l2 also won "gym"; l3's
// group already holds another court slot in the month.
const input: LotteryInput = {
  slots: [
    { id: 'court', slotType: 'court', month: '2026-12' },
    { id: 'court-2', slotType: 'court', month: '2026-12' },
    { id: 'gym', slotType: 'gym', month: '2026-12' },
  ],
  applications: [
    { id: 'w', applicantId: 'pw', preferences: ['court'] },
    { id: 'l1', applicantId: 'p1', preferences: ['court'] },
    { id: 'l2', applicantId: 'p2', preferences: ['court'] },
    { id: 'l3', applicantId: 'p3', groupId: 'club', preferences: ['court'] },
    { id: 'l4', applicantId: 'p4', preferences: ['court'] },
    { id: 'club-other', applicantId: 'p5', groupId: 'club', preferences: ['court-2'] },
  ],
};

test('the next valid application on the list is offered the slot; passed, holders and capped ones are skipped', () => {
  const r = draw(input, SEED);
  const court = r.slots.find((s) => s.slotId === 'court')!;
  const list = court.waitingList;
  assert.equal(list.length, 4);
  assert.deepEqual(list, byTicket(list));
  const [first, second, third] = list as [string, string, string, string];

  // Nobody passed over, nothing else held: the top of the list.
  assert.equal(nextOnWaitingList(r, 'court', { holdings: [], passed: [] }).applicationId, first);

  // The first declined, the second now holds another slot of this draw: the third.
  const offer = nextOnWaitingList(r, 'court', { holdings: [{ applicationId: second, slotId: 'gym' }], passed: [first] });
  assert.equal(offer.applicationId, third);
  assert.deepEqual(offer.skipped, [
    { applicationId: first, reason: 'passed' },
    { applicationId: second, reason: 'holds-a-slot' },
  ]);

  // The club holds court-2 (same type, same month): l3, the only one not passed over, is stopped by the cap.
  const withClub = nextOnWaitingList(r, 'court', { holdings: [{ applicationId: 'club-other', slotId: 'court-2' }], passed: list.filter((id) => id !== 'l3') });
  assert.equal(withClub.applicationId, null);
  assert.deepEqual(
    withClub.skipped.find((s) => s.applicationId === 'l3'),
    { applicationId: 'l3', reason: 'cap', rule: 'maxWinsPerApplicantPerSlotTypeMonth' },
  );
  // Without that holding, l3 would be offered the slot.
  assert.equal(nextOnWaitingList(r, 'court', { holdings: [], passed: list.filter((id) => id !== 'l3') }).applicationId, 'l3');

  // Everyone passed over: the slot goes to first-come booking.
  assert.equal(nextOnWaitingList(r, 'court', { holdings: [], passed: list }).applicationId, null);
  assert.throws(() => nextOnWaitingList(r, 'nope', { holdings: [], passed: [] }), /unknown slot/);
});
