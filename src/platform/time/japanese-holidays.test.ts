import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isJapaneseHoliday, japaneseHolidayName, japaneseHolidays } from './japanese-holidays.ts';

// The Cabinet Office's published calendars (内閣府「国民の祝日について」).
const OFFICIAL: Record<number, string[]> = {
  2025: ['01-01', '01-13', '02-11', '02-23', '02-24', '03-20', '04-29', '05-03', '05-04', '05-05', '05-06', '07-21', '08-11', '09-15', '09-23', '10-13', '11-03', '11-23', '11-24'],
  2026: ['01-01', '01-12', '02-11', '02-23', '03-20', '04-29', '05-03', '05-04', '05-05', '05-06', '07-20', '08-11', '09-21', '09-22', '09-23', '10-12', '11-03', '11-23'],
  2027: ['01-01', '01-11', '02-11', '02-23', '03-21', '03-22', '04-29', '05-03', '05-04', '05-05', '07-19', '08-11', '09-20', '09-23', '10-11', '11-03', '11-23'],
};

test('2025–2027 match the published calendars, day for day', () => {
  for (const [year, days] of Object.entries(OFFICIAL)) {
    assert.deepEqual(
      japaneseHolidays(Number(year)).map((h) => h.date),
      days.map((d) => `${year}-${d}`),
      year,
    );
  }
});

test('the days named in the brief, with their names', () => {
  assert.equal(japaneseHolidayName('2026-09-21'), '敬老の日');
  assert.equal(japaneseHolidayName('2026-09-22'), '国民の休日');
  assert.equal(japaneseHolidayName('2026-09-23'), '秋分の日');
  assert.equal(japaneseHolidayName('2026-05-06'), '振替休日', '5/3 on a Sunday moves past 5/4 and 5/5');
  assert.equal(japaneseHolidayName('2027-03-21'), '春分の日');
  assert.equal(japaneseHolidayName('2027-03-22'), '振替休日');
  assert.equal(japaneseHolidayName('2025-11-24'), '振替休日');
  assert.equal(japaneseHolidayName('2026-01-12'), '成人の日');
  assert.equal(japaneseHolidayName('2026-07-20'), '海の日');
  assert.equal(japaneseHolidayName('2026-10-12'), 'スポーツの日');
  assert.equal(japaneseHolidayName('2026-05-07'), null);
  assert.equal(japaneseHolidayName('2026-09-24'), null);
  assert.equal(isJapaneseHoliday('2026-04-01'), false);
});

test('equinoxes by the approximation formula agree with the published years across its range', () => {
  // 春分/秋分 as published or given by the observatory's tables.
  assert.equal(japaneseHolidayName('1980-03-20'), '春分の日');
  assert.equal(japaneseHolidayName('1980-09-23'), '秋分の日');
  assert.equal(japaneseHolidayName('2012-09-22'), '秋分の日');
  assert.equal(japaneseHolidayName('2024-03-20'), '春分の日');
  assert.equal(japaneseHolidayName('2024-09-22'), '秋分の日');
  assert.equal(japaneseHolidayName('2024-09-23'), '振替休日');
  // 2032: 敬老の日 on the 20th and 秋分の日 on the 22nd put a 国民の休日 between them.
  assert.equal(japaneseHolidayName('2032-09-20'), '敬老の日');
  assert.equal(japaneseHolidayName('2032-09-21'), '国民の休日');
  assert.equal(japaneseHolidayName('2032-09-22'), '秋分の日');
});

test('a holiday on a Sunday followed by holidays moves to the first free day; no day is listed twice', () => {
  // 2037: 5/3 is a Sunday → 5/6. 2015: 5/3 Sunday too (published: 5/6 振替休日).
  assert.equal(japaneseHolidayName('2037-05-06'), '振替休日');
  assert.equal(japaneseHolidayName('2015-05-06'), '振替休日');
  for (let year = 2025; year <= 2060; year++) {
    const dates = japaneseHolidays(year).map((h) => h.date);
    assert.equal(new Set(dates).size, dates.length, String(year));
    assert.ok(dates.every((d) => d.startsWith(`${year}-`)), String(year));
  }
});
