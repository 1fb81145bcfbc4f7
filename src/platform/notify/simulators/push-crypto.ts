/**
 * The receiving side of web push, for the push simulator: subscription keys like a
 * browser makes, VAPID header verification (RFC 8292) and aes128gcm decryption
 * (RFC 8291), so what the simulator shows is what a phone would show.
 */
import crypto from 'node:crypto';

export interface SimulatedSubscriptionKeys {
  privateKey: string;
  publicKey: string;
  authSecret: string;
}

export function newSubscriptionKeys(): SimulatedSubscriptionKeys {
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.generateKeys();
  return { privateKey: ecdh.getPrivateKey('base64url'), publicKey: ecdh.getPublicKey('base64url'), authSecret: crypto.randomBytes(16).toString('base64url') };
}

const hkdf = (ikm: Buffer, salt: Buffer, info: Buffer, length: number) => Buffer.from(crypto.hkdfSync('sha256', ikm, salt, info, length));

/** Decrypts one aes128gcm push body (a single record, as web-push sends). Throws when it does not authenticate. */
export function decryptPush(body: Buffer, keys: SimulatedSubscriptionKeys): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20]!;
  const senderPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.setPrivateKey(Buffer.from(keys.privateKey, 'base64url'));
  const shared = ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), Buffer.from(keys.publicKey, 'base64url'), senderPublic]);
  const ikm = hkdf(shared, Buffer.from(keys.authSecret, 'base64url'), keyInfo, 32);
  const cek = hkdf(ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12);
  const decipher = crypto.createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end--;
  if (plain[end] !== 2) throw new Error('bad padding delimiter');
  return plain.subarray(0, end).toString('utf8');
}

/** Checks `Authorization: vapid t=<JWT>, k=<key>`: ES256 signature by k, audience = the push service's origin, not expired. */
export function verifyVapid(header: string | undefined, audience: string, nowSeconds = Date.now() / 1000): boolean {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+),\s*k=([\w-]+)$/.exec(header ?? '');
  if (!match) return false;
  const [headerPart, payloadPart, signaturePart] = match[1]!.split('.') as [string, string, string];
  const point = Buffer.from(match[2]!, 'base64url');
  if (point.length !== 65 || point[0] !== 4) return false;
  try {
    const key = crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') }, format: 'jwk' });
    const ok = crypto.verify('sha256', Buffer.from(`${headerPart}.${payloadPart}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signaturePart, 'base64url'));
    const claims = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8')) as { aud?: string; exp?: number };
    return ok && claims.aud === audience && typeof claims.exp === 'number' && claims.exp > nowSeconds;
  } catch {
    return false;
  }
}
