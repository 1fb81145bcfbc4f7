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

test('national holidays are not business days: 振替休日 and 国民の休日 neither', () => {
  for (const d of ['2026-05-04', '2026-05-05', '2026-05-06', '2026-09-21', '2026-09-22', '2026-09-23', '2026-02-23', '2027-03-22']) assert.equal(isBusinessDay(d), false, d);
  assert.equal(isBusinessDay('2026-05-07'), true);
  assert.equal(isBusinessDay('2026-09-24'), true);
});

test('due dates skip national holidays (the シルバーウィーク and ゴールデンウィーク of 2026)', () => {
  // Fri 18 Sep 2026 + 1: Mon 21 敬老の日, Tue 22 国民の休日, Wed 23 秋分の日 → Thu 24.
  assert.equal(addBusinessDays('2026-09-18', 1), '2026-09-24');
  assert.equal(addBusinessDays('2026-09-18', 2), '2026-09-25');
  // Thu 30 Apr 2026 + 2: Fri 1 May, then 2–6 May closed (5/6 振替休日) → Thu 7 May.
  assert.equal(addBusinessDays('2026-04-30', 2), '2026-05-07');
  // Submitted on a holiday, 0 days: the next business day.
  assert.equal(addBusinessDays('2026-05-05', 0), '2026-05-07');
});
