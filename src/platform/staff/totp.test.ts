import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, base32Encode, totpAt, verifyTotp } from './totp.ts';

// RFC 6238 appendix B, SHA-1 secret "12345678901234567890" (last 6 digits of the 8-digit vectors).
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

test('TOTP matches the RFC 6238 test vectors', () => {
  assert.equal(totpAt(RFC_SECRET, Math.floor(59 / 30)), '287082');
  assert.equal(totpAt(RFC_SECRET, Math.floor(1111111109 / 30)), '081804');
  assert.equal(totpAt(RFC_SECRET, Math.floor(1234567890 / 30)), '005924');
  assert.equal(totpAt(RFC_SECRET, Math.floor(2000000000 / 30)), '279037');
});

test('base32 round-trips', () => {
  const bytes = Buffer.from([0, 1, 2, 250, 251, 255, 17, 99, 128, 3]);
  assert.deepEqual(base32Decode(base32Encode(bytes)), bytes);
});

test('a code verifies once, within one step of drift, and never twice', () => {
  const now = 1_800_000_000_000;
  const step = Math.floor(now / 30000);
  const code = totpAt(RFC_SECRET, step);
  assert.equal(verifyTotp(RFC_SECRET, code, 0, now), step);
  assert.equal(verifyTotp(RFC_SECRET, code, step, now), null, 'replay of the same step is refused');
  assert.equal(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, step - 1), 0, now), step - 1);
  assert.equal(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, step - 3), 0, now), null);
  assert.equal(verifyTotp(RFC_SECRET, '１２３', 0, now), null);
  const fullWidth = code.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  assert.equal(verifyTotp(RFC_SECRET, fullWidth, 0, now), step, 'full-width digits typed on a Japanese IME are accepted');
});
