import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { lotteryMessages } from './lottery-messages.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('lottery texts: the same keys in Japanese and English, the same placeholders, none empty', () => {
  const { ja, en } = lotteryMessages;
  assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort());
  for (const key of Object.keys(ja)) {
    assert.ok(ja[key]!.trim() && en[key]!.trim(), `${key} has text`);
    assert.deepEqual(placeholders(ja[key]!), placeholders(en[key]!), `${key}: placeholders`);
    assert.ok(key.startsWith('facilities.lottery.'), `${key} is in the lottery's namespace`);
  }
});

test('every message key the lottery code names literally exists', () => {
  const audit = /^facilities\.lottery\.(round_created|slots_added|slot_removed|round_published|round_cancelled|entry_submitted|entry_withdrawn|offer_ended|drawn)$/;
  for (const file of readdirSync(here).filter((f) => f.startsWith('lottery-') && /\.tsx?$/.test(f) && !f.endsWith('.test.ts') && f !== 'lottery-messages.ts')) {
    for (const m of readFileSync(path.join(here, file), 'utf8').matchAll(/'(facilities\.lottery\.[A-Za-z0-9_.-]+)'/g)) {
      if (audit.test(m[1]!)) continue;
      assert.ok(m[1]! in lotteryMessages.ja, `${file}: ${m[1]} has a text`);
    }
  }
});
