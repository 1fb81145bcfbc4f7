import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResidentActor, StaffActor } from '../../platform/access/actor.ts';
import { canHandleDepartment, canPublishProcedure, canSubmitAtCounter, canViewApplication, isOwnApplication } from './policy.ts';

const staff = (department: string, role: 'clerk' | 'manager' | 'admin'): StaffActor => ({ kind: 'staff', id: 's', loginId: 'x', displayName: 'x', roles: [{ department, role }] });
const resident = (accountId: string): ResidentActor => ({ kind: 'resident', accountId, residentId: 'r', displayName: 'x', assurance: 'card' });

test('publishing: the DX office or the owning department manager', () => {
  assert.equal(canPublishProcedure(staff('dx', 'admin'), 'citizens'), true);
  assert.equal(canPublishProcedure(staff('citizens', 'manager'), 'citizens'), true);
  assert.equal(canPublishProcedure(staff('citizens', 'clerk'), 'citizens'), false);
  assert.equal(canPublishProcedure(staff('tax', 'manager'), 'citizens'), false);
});

test('applications: their resident, or staff of their department', () => {
  const app = { resident_account_id: 'a1', resident_id: 'r9', department_code: 'citizens' };
  assert.equal(canViewApplication(resident('a1'), app), true);
  assert.equal(canViewApplication(resident('a2'), app), false);
  assert.equal(canViewApplication(staff('citizens', 'clerk'), app), true);
  assert.equal(canViewApplication(staff('tax', 'clerk'), app), false);
  assert.equal(canViewApplication(resident('a1'), { resident_account_id: null, resident_id: null, department_code: 'citizens' }), false);
  // made for the resident's registry record at a counter: theirs once their login is matched to it
  assert.equal(canViewApplication({ ...resident('a2'), residentId: 'r9' }, { resident_account_id: null, resident_id: 'r9', department_code: 'citizens' }), true);
  assert.equal(canViewApplication({ ...resident('a2'), residentId: null }, { resident_account_id: null, resident_id: 'r9', department_code: 'citizens' }), false);
  assert.equal(isOwnApplication(staff('citizens', 'clerk'), app), false);
  assert.equal(canHandleDepartment(staff('citizens', 'admin'), 'citizens'), false);
});

test('counter entry: the department itself or the general counter (市民課)', () => {
  assert.equal(canSubmitAtCounter(staff('citizens', 'clerk'), 'welfare'), true);
  assert.equal(canSubmitAtCounter(staff('welfare', 'clerk'), 'welfare'), true);
  assert.equal(canSubmitAtCounter(staff('tax', 'clerk'), 'welfare'), false);
});
