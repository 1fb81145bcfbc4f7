import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUuid } from './ids.ts';

test('only well-formed uuids pass', () => {
  assert.equal(isUuid('0b6f3c52-8f1e-4a3b-9a51-5d0e7c1f2a44'), true);
  assert.equal(isUuid('-'.repeat(36)), false);
  assert.equal(isUuid('0b6f3c52-8f1e-4a3b-9a51-5d0e7c1f2a4'), false);
  assert.equal(isUuid(undefined), false);
});
