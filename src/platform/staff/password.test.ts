import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

test('scrypt hashes verify only the right password, with a fresh salt each time', async () => {
  const a = await hashPassword('correct horse battery');
  const b = await hashPassword('correct horse battery');
  assert.notEqual(a, b);
  assert.equal(await verifyPassword('correct horse battery', a), true);
  assert.equal(await verifyPassword('correct horse batterY', a), false);
  assert.equal(await verifyPassword('x', 'not-a-hash'), false);
});

test('weak passwords are named', () => {
  assert.equal(passwordProblem('short'), 'staff.password.tooShort');
  assert.equal(passwordProblem('aaaaaaaaaaaaaaa'), 'staff.password.tooSimple');
  assert.equal(passwordProblem('a-good-long-pass'), null);
});
