/**
 * Signed callbacks. LINE signs every webhook body with the channel secret: X-Line-Signature is the
 * base64 HMAC-SHA256 of the raw body. The city app's webhook and our receipt route
 * check it before reading anything; a forged or re-serialised body fails.
 */
import crypto from 'node:crypto';

export function lineSignature(channelSecret: string, rawBody: string | Buffer): string {
  return crypto.createHmac('sha256', channelSecret).update(rawBody).digest('base64');
}

/** True only for the exact signature of these exact bytes (compared in constant time). */
export function verifyLineSignature(channelSecret: string, rawBody: string | Buffer, header: string | string[] | undefined | null): boolean {
  // Buffer.from(…, 'base64') skips junk characters: accept only the exact 44-character form.
  if (typeof header !== 'string' || !/^[A-Za-z0-9+/]{43}=$/.test(header) || !channelSecret) return false;
  const expected = Buffer.from(lineSignature(channelSecret, rawBody), 'base64');
  return crypto.timingSafeEqual(Buffer.from(header, 'base64'), expected);
}

/** Receipts from the SMS gateway: hex HMAC-SHA256 of the raw body with the gateway token, in X-Notify-Signature. */
export function hexSignature(secret: string, rawBody: string | Buffer): string {
  return crypto.createHmac('sha256', secret).update(rawBody).digest('hex');
}

export function verifyHexSignature(secret: string, rawBody: string | Buffer, header: string | string[] | undefined | null): boolean {
  if (typeof header !== 'string' || !/^[0-9a-f]{64}$/.test(header)) return false;
  return crypto.timingSafeEqual(Buffer.from(header, 'hex'), Buffer.from(hexSignature(secret, rawBody), 'hex'));
}
