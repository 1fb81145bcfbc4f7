import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addBusinessDays, isBusinessDay } from './business-days.ts';

test('weekends and the year-end closure are not business days', () => {
  assert.equal(isBusinessDay('2026-04-01'), true); // Wednesday
  assert.equal(isBusinessDay('2026-04-04'), false); // Saturday
  assert.equal(isBusinessDay('2026-04-05'), false); // Sunday
  for (const d of ['2025-12-29', '2025-12-31', '2026-01-01', '2026-01-03']) assert.equal(isBusinessDay(d), false, d);
  assert.equal(isBusinessDay('2025-12-26'), true);
  assert.equal(isBusinessDay('2026-01-05'), true);
});

test('due dates skip weekends and 12/29–1/3', () => {
  // Wednesday + 3 business days = Monday
  assert.equal(addBusinessDays('2026-04-01', 3), '2026-04-06');
  // Friday + 1 = Monday
  assert.equal(addBusinessDays('2026-04-03', 1), '2026-04-06');
  // submitted on Saturday: Monday is the first business day counted
  assert.equal(addBusinessDays('2026-04-04', 1), '2026-04-06');
  // across the year end (29th–3rd closed, 4 Jan a Sunday): Fri 26 Dec 2025 + 1 = Mon 5 Jan 2026
  assert.equal(addBusinessDays('2025-12-26', 1), '2026-01-05');
  assert.equal(addBusinessDays('2025-12-26', 2), '2026-01-06');
  assert.equal(addBusinessDays('2026-04-04', 0), '2026-04-06');
  assert.equal(addBusinessDays('2026-04-01', 0), '2026-04-01');
});
