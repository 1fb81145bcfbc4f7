/**
 * Short payment links (/p/XXXXXXXXXX) for SMS: 10 characters from a 57-letter
 * alphabet without look-alikes (0/O, 1/l/I), about 58 bits from crypto's random
 * source — unguessable at any request rate the app allows — and short enough to
 * keep the message in few segments. Only the token's SHA-256 is stored; a link
 * expires (the campaign's link_valid_days after sending).
 */
import crypto from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
export const TOKEN_LENGTH = 10;
export const TOKEN_PATTERN = /^[A-HJ-NP-Za-km-z2-9]{10}$/;

export function newToken(): string {
  let token = '';
  for (let i = 0; i < TOKEN_LENGTH; i++) token += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return token;
}

export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function linkUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/p/${token}`;
}
