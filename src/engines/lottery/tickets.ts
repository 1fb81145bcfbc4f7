/**
 * Tickets: SHA-256 of `seedHex + ':' + applicationId` (UTF-8), written as 64
 * lowercase hex digits. Lower tickets draw first. Because the seed is drawn only
 * after the application window closes, nobody can choose an id with a good ticket.
 */
import { sha256Hex } from './canonical-json.ts';

export const SEED_PATTERN = /^[0-9a-f]{64}$/;

export function ticketFor(seedHex: string, applicationId: string): string {
  return sha256Hex(`${seedHex}:${applicationId}`);
}

/** Normalises a seed to 64 lowercase hex digits (32 bytes) or throws. */
export function normaliseSeed(seed: string): string {
  const s = seed.trim().toLowerCase();
  if (!SEED_PATTERN.test(s)) throw new LotteryInputError('seed', 'the seed must be 32 bytes written as 64 hex digits');
  return s;
}

/** Code unit order, the order of `Array.prototype.sort` with no comparator. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class LotteryInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'LotteryInputError';
  }
}
