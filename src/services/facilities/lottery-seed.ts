/**
 * The draw's random seed is fixed when a round is published and only its SHA-256
 * (the commitment) is shown while entries are taken; the seed itself is revealed
 * with the result. Anyone can then check SHA-256(seed) against the commitment they
 * saw before the window closed: the city could not have picked the seed after
 * seeing the entries.
 */
import crypto from 'node:crypto';

/** A fresh seed: 32 random bytes as 64 lowercase hex characters (the engine's seed text). */
export const newSeed = (): string => crypto.randomBytes(32).toString('hex');

/** The commitment to a seed: SHA-256 of its text (UTF-8), hex — `printf %s SEED | sha256sum`. */
export const seedCommitment = (seed: string): string => crypto.createHash('sha256').update(seed, 'utf8').digest('hex');

/**
 * What the public may see of a round's seed: before the draw only the commitment,
 * after it the seed as well. A round published before seeds were committed has none.
 */
export function publicSeed(round: { status: string; seed: string | null }): { seed: string | null; seedCommitment: string | null } {
  if (!round.seed) return { seed: null, seedCommitment: null };
  return { seed: round.status === 'drawn' ? round.seed : null, seedCommitment: seedCommitment(round.seed) };
}
