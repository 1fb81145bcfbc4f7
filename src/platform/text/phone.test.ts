import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatJapanesePhone, normalizeJapanesePhone } from './phone.ts';

test('Japanese phone numbers are read as people type them', () => {
  assert.equal(normalizeJapanesePhone('０９０－１２３４－５６７８'), '09012345678');
  assert.equal(normalizeJapanesePhone('0197 (56) 1234'), '0197561234');
  assert.equal(normalizeJapanesePhone('+81 90 1234 5678'), '09012345678');
  assert.equal(normalizeJapanesePhone('090-1234-567'), null);
  assert.equal(normalizeJapanesePhone('12345'), null);
  assert.equal(normalizeJapanesePhone('0197-56-12345'), null);
  assert.equal(formatJapanesePhone('09012345678'), '090-1234-5678');
  assert.equal(formatJapanesePhone('0197561234'), '0197-56-1234');
});
