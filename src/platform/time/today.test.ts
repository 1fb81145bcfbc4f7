import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, isoWeekday, japanClock, japanInstant, todayInJapan } from './today.ts';

test('dates and times of day are those of Japan, whatever the server time zone', () => {
  // 2026-11-24 15:30 UTC is already 00:30 on the 25th in Japan.
  const late = new Date('2026-11-24T15:30:05Z');
  assert.equal(todayInJapan(late), '2026-11-25');
  assert.deepEqual(japanClock(late), { date: '2026-11-25', seconds: 30 * 60 + 5, weekday: 3 });
  assert.equal(japanInstant('2026-11-25', 30 * 60 + 5).toISOString(), late.toISOString());
  assert.equal(isoWeekday('2026-11-29'), 7);
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2028-03-01', -1), '2028-02-29');
});
