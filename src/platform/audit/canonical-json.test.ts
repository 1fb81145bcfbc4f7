import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditHash, canonicalJson, GENESIS_HASH } from './audit-log.ts';

test('canonical JSON ignores key order, so jsonb round trips hash the same', () => {
  assert.equal(canonicalJson({ b: 1, a: [{ d: 2, c: null }] }), canonicalJson({ a: [{ c: null, d: 2 }], b: 1 }));
});

test('the hash covers every field and the previous hash', () => {
  const row = { seq: 1, at: new Date('2026-04-01T00:00:00.000Z'), actor_type: 'staff', actor_id: 'x', action: 'a', target_type: null, target_id: null, reason: null, details: {}, request_id: null, prev_hash: GENESIS_HASH };
  const base = auditHash(row);
  assert.notEqual(auditHash({ ...row, action: 'b' }), base);
  assert.notEqual(auditHash({ ...row, prev_hash: '1'.repeat(64) }), base);
  assert.notEqual(auditHash({ ...row, details: { k: 1 } }), base);
  assert.equal(auditHash({ ...row }), base);
});
