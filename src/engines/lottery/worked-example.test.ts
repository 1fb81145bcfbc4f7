/**
 * The README's worked example is the specification people will check by hand:
 * this test reads the input and the expected outcome from README.md itself, so
 * the page and the code cannot drift apart.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { draw } from './draw.ts';
import type { LotteryInput } from './types.ts';
import { nextOnWaitingList } from './waiting-list.ts';
import { sha256Hex } from './canonical-json.ts';

const readme = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'README.md'), 'utf8');

function block<T>(marker: string): T {
  const m = new RegExp(`<!-- ${marker} -->\\s*\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  assert.ok(m, `README has a json block after <!-- ${marker} -->`);
  return JSON.parse(m[1]!) as T;
}

interface Expected {
  seed: string;
  order: string[];
  winners: Record<string, string | null>;
  waitingLists: Record<string, string[]>;
  status: Record<string, string>;
  inputDigest: string;
  digest: string;
}

test('the worked example in README.md is exactly what the engine computes', () => {
  const input = block<LotteryInput>('worked-example:input');
  const expected = block<Expected>('worked-example:expected');
  assert.equal(expected.seed, sha256Hex('oshu-lottery worked example 42'), 'the README explains the seed');
  const r = draw(input, expected.seed);
  assert.deepEqual(
    r.applications.map((a) => a.applicationId),
    expected.order,
  );
  assert.deepEqual(Object.fromEntries(r.slots.map((s) => [s.slotId, s.winner])), expected.winners);
  assert.deepEqual(Object.fromEntries(r.slots.map((s) => [s.slotId, s.waitingList])), expected.waitingLists);
  assert.deepEqual(Object.fromEntries(r.applications.map((a) => [a.applicationId, a.status])), expected.status);
  assert.equal(r.inputDigest, expected.inputDigest);
  assert.equal(r.digest, expected.digest);
  // Every ticket in the README's table is the one computed.
  for (const a of r.applications) assert.ok(readme.includes(`| ${a.position} | ${a.applicationId} | \`${a.ticket}\` |`), `ticket row for ${a.applicationId}`);
  // The README's closing remark: A6 forfeits gym-1206-pm → A2 is passed over by the cap → first-come.
  const holdings = r.slots.filter((s) => s.winner && s.slotId !== 'gym-1206-pm').map((s) => ({ applicationId: s.winner!, slotId: s.slotId }));
  const offer = nextOnWaitingList(r, 'gym-1206-pm', { holdings, passed: [] });
  assert.equal(offer.applicationId, null);
  assert.deepEqual(offer.skipped, [{ applicationId: 'A2', reason: 'cap', rule: 'maxWinsPerApplicantPerSlotTypeMonth' }]);
});
