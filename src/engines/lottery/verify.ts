/**
 * Anyone can check a published result: recompute the draw from the published input
 * and seed and compare. Also says whether the published digest matches the
 * published content, so a result edited after publication is caught even when the
 * editor did not recompute the digest.
 */
import { canonicalJson } from './canonical-json.ts';
import { draw, resultDigest } from './draw.ts';
import type { LotteryInput, LotteryResult } from './types.ts';

export interface VerifyReport {
  ok: boolean;
  /** Digest of the result recomputed from input and seed. */
  expectedDigest: string;
  publishedDigest: string | null;
  /** The published digest is the digest of the published content. */
  digestMatchesContent: boolean;
  /** Human-readable differences, first ones only. */
  problems: string[];
}

const MAX_PROBLEMS = 20;

export function verifyDraw(input: LotteryInput, seedHex: string, published: LotteryResult): VerifyReport {
  const expected = draw(input, seedHex);
  const problems: string[] = [];
  const publishedDigest = typeof published?.digest === 'string' ? published.digest : null;
  let digestMatchesContent = false;
  try {
    digestMatchesContent = publishedDigest !== null && resultDigest(published) === publishedDigest;
  } catch {
    problems.push('the published result is not valid JSON data');
  }
  if (!digestMatchesContent) problems.push('the published digest is not the digest of the published result');
  if (publishedDigest !== expected.digest) problems.push(`digest: published ${publishedDigest ?? '(none)'}, recomputed ${expected.digest}`);
  for (const field of ['algorithm', 'seed', 'inputDigest'] as const) {
    if (published?.[field] !== expected[field]) problems.push(`${field}: published ${String(published?.[field])}, recomputed ${expected[field]}`);
  }
  if (canonicalJson(published?.rules ?? null) !== canonicalJson(expected.rules)) problems.push('rules differ');
  const publishedSlots = new Map((Array.isArray(published?.slots) ? published.slots : []).map((s) => [s.slotId, s]));
  for (const s of expected.slots) {
    const p = publishedSlots.get(s.slotId);
    if (!p) problems.push(`slot ${s.slotId}: missing from the published result`);
    else if (p.winner !== s.winner) problems.push(`slot ${s.slotId}: published winner ${p.winner ?? '(none)'}, recomputed ${s.winner ?? '(none)'}`);
    else if (canonicalJson(p) !== canonicalJson(s)) problems.push(`slot ${s.slotId}: waiting list or details differ`);
  }
  const publishedApps = new Map((Array.isArray(published?.applications) ? published.applications : []).map((a) => [a.applicationId, a]));
  for (const a of expected.applications) {
    const p = publishedApps.get(a.applicationId);
    if (!p) problems.push(`application ${a.applicationId}: missing from the published result`);
    else if (canonicalJson(p) !== canonicalJson(a)) problems.push(`application ${a.applicationId}: published ${p.status} ${p.slotId ?? ''}, recomputed ${a.status} ${a.slotId ?? ''}`.trimEnd());
  }
  if (publishedApps.size !== expected.applications.length) problems.push(`applications: published ${publishedApps.size}, recomputed ${expected.applications.length}`);
  // Anything else (order of entries, extra fields) still shows as a content difference.
  if (problems.length === 0 && canonicalJson(published) !== canonicalJson(expected)) problems.push('the published result differs from the recomputed one');
  return {
    ok: problems.length === 0,
    expectedDigest: expected.digest,
    publishedDigest,
    digestMatchesContent,
    problems: problems.slice(0, MAX_PROBLEMS),
  };
}
