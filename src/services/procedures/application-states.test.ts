import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APPLICATION_STATUSES, assertTransition, canTransition, FINAL_STATUSES, nextStatus, TransitionNotAllowed, transitionsFrom, TRANSITIONS, type TransitionName } from './application-states.ts';

test('the happy path and the correction loop', () => {
  assert.equal(assertTransition('submit', 'draft'), 'submitted');
  assert.equal(assertTransition('start_review', 'submitted'), 'in_review');
  assert.equal(assertTransition('return', 'in_review'), 'returned');
  assert.equal(assertTransition('resubmit', 'returned'), 'resubmitted');
  assert.equal(assertTransition('start_review', 'resubmitted'), 'in_review');
  assert.equal(assertTransition('approve', 'in_review'), 'approved');
});

test('nothing leaves a final state', () => {
  for (const from of FINAL_STATUSES) {
    for (const name of Object.keys(TRANSITIONS) as TransitionName[]) assert.equal(nextStatus(name, from), null, `${name} from ${from}`);
  }
});

test('a decision cannot be withdrawn and a draft cannot be approved', () => {
  assert.throws(() => assertTransition('withdraw', 'approved'), TransitionNotAllowed);
  assert.equal(canTransition('approve', 'draft'), false);
  assert.equal(canTransition('resubmit', 'submitted'), false);
  assert.equal(canTransition('withdraw', 'returned'), true);
});

test('residents and staff get their own buttons', () => {
  assert.deepEqual(transitionsFrom('returned', 'resident'), ['resubmit', 'withdraw']);
  assert.deepEqual(transitionsFrom('in_review', 'staff'), ['return', 'approve', 'reject']);
  assert.deepEqual(transitionsFrom('approved', 'staff'), []);
  // every state is reachable from draft
  const reached = new Set(['draft']);
  for (let i = 0; i < APPLICATION_STATUSES.length; i++) {
    for (const name of Object.keys(TRANSITIONS) as TransitionName[]) for (const from of [...reached]) { const to = nextStatus(name, from as never); if (to) reached.add(to); }
  }
  assert.deepEqual([...reached].sort(), [...APPLICATION_STATUSES].sort());
});
