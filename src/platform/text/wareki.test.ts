import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageOn, eraOf, formatDateEn, formatDateJa, formatWareki, isIsoDate, parseJapaneseDate } from './wareki.ts';

describe('formatWareki', () => {
  it('formats dates in their era, 元年 for the first year', () => {
    assert.equal(formatWareki('2026-04-01'), '令和8年4月1日');
    assert.equal(formatWareki('2019-05-01'), '令和元年5月1日');
    assert.equal(formatWareki('2019-04-30'), '平成31年4月30日');
    assert.equal(formatWareki('1989-01-08'), '平成元年1月8日');
    assert.equal(formatWareki('1989-01-07'), '昭和64年1月7日');
    assert.equal(formatWareki('1926-12-25'), '昭和元年12月25日');
    assert.equal(formatWareki('1926-12-24'), '大正15年12月24日');
    assert.equal(formatWareki('1912-07-30'), '大正元年7月30日');
    assert.equal(formatWareki('1912-07-29'), '明治45年7月29日');
    assert.equal(formatWareki('1873-01-01'), '明治6年1月1日');
  });
  it('rejects pre-Gregorian and malformed input', () => {
    assert.throws(() => formatWareki('1872-12-31'), RangeError);
    assert.throws(() => formatWareki('2026-02-30'), RangeError);
    assert.throws(() => formatWareki('2026/04/01'), RangeError);
  });
});

describe('formatDateJa / formatDateEn', () => {
  it('formats both ways', () => {
    assert.equal(formatDateJa('2026-04-01'), '2026年4月1日（令和8年）');
    assert.equal(formatDateJa('2019-05-01'), '2019年5月1日（令和元年）');
    assert.equal(formatDateJa('1850-01-01'), '1850年1月1日');
    assert.equal(formatDateEn('2026-04-01'), '1 April 2026');
    assert.equal(formatDateEn('1999-12-31'), '31 December 1999');
  });
});

describe('parseJapaneseDate', () => {
  const ok = (input: string, iso: string) => assert.deepEqual(parseJapaneseDate(input), { ok: true, iso }, input);
  const bad = (input: string, reason: string) => assert.deepEqual(parseJapaneseDate(input), { ok: false, reason }, input);

  it('accepts Gregorian forms', () => {
    ok('2026-04-01', '2026-04-01');
    ok('2026/4/1', '2026-04-01');
    ok('2026.4.1', '2026-04-01');
    ok('2026年4月1日', '2026-04-01');
    ok('20260401', '2026-04-01');
    ok('２０２６年４月１日', '2026-04-01');
    ok(' 2026 / 4 / 1 ', '2026-04-01');
  });

  it('accepts era forms', () => {
    ok('令和8年4月1日', '2026-04-01');
    ok('令和元年5月1日', '2019-05-01');
    ok('R8.4.1', '2026-04-01');
    ok('r8/4/1', '2026-04-01');
    ok('R08.04.01', '2026-04-01');
    ok('Ｒ８．４．１', '2026-04-01');
    ok('H31.4.30', '2019-04-30');
    ok('平成31年4月30日', '2019-04-30');
    ok('S45.3.2', '1970-03-02');
    ok('昭和45年3月2日', '1970-03-02');
    ok('T1.7.30', '1912-07-30');
    ok('大正元年7月30日', '1912-07-30');
    ok('T15.12.25', '1926-12-25');
    ok('M45.7.29', '1912-07-29');
    ok('明治45年7月29日', '1912-07-29');
    ok('㋿8年4月1日', '2026-04-01');
    ok('令和 8年 4月 1日', '2026-04-01');
  });

  it('accepts kanji numerals', () => {
    ok('令和八年四月一日', '2026-04-01');
    ok('平成三十一年四月三十日', '2019-04-30');
    ok('昭和四十五年三月二日', '1970-03-02');
    ok('二〇二六年四月一日', '2026-04-01');
  });

  it('reports era-range for dates outside their era', () => {
    bad('H32.1.1', 'era-range');
    bad('R1.4.1', 'era-range');
    bad('令和元年4月30日', 'era-range');
    bad('平成元年1月7日', 'era-range');
    bad('S64.1.8', 'era-range');
    bad('T1.7.29', 'era-range');
    bad('M1.1.1', 'era-range');
    bad('M5.12.31', 'era-range');
    bad('R0.5.1', 'era-range');
  });

  it('reports invalid-date for impossible dates', () => {
    bad('2026-02-30', 'invalid-date');
    bad('2026/13/1', 'invalid-date');
    bad('R8.2.29', 'invalid-date');
    bad('20250229', 'invalid-date');
    ok('R6.2.29', '2024-02-29');
  });

  it('reports format for everything else', () => {
    for (const s of ['', 'tomorrow', '2026-4', '令和年4月1日', 'X8.4.1', '2026年4月', '12/31/2026']) bad(s, 'format');
  });

  it('round-trips with formatWareki across every era boundary', () => {
    const dates = [
      '1873-01-01', '1912-07-29', '1912-07-30', '1926-12-24', '1926-12-25', '1926-12-26',
      '1989-01-07', '1989-01-08', '2019-04-30', '2019-05-01', '2024-02-29', '2026-04-01', '2099-12-31',
    ];
    for (const iso of dates) assert.deepEqual(parseJapaneseDate(formatWareki(iso)), { ok: true, iso }, iso);
    // Every day of a leap year and a boundary year.
    for (const year of [1926, 1989, 2019, 2024]) {
      for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
        const iso = d.toISOString().slice(0, 10);
        assert.deepEqual(parseJapaneseDate(formatWareki(iso)), { ok: true, iso }, iso);
      }
    }
  });
});

describe('eraOf / isIsoDate', () => {
  it('classifies dates', () => {
    assert.equal(eraOf('2026-04-01')?.name, '令和');
    assert.equal(eraOf('1872-12-31'), null);
    assert.ok(isIsoDate('2024-02-29'));
    assert.ok(!isIsoDate('2023-02-29'));
    assert.ok(!isIsoDate('2023-2-1'));
  });
});

describe('ageOn', () => {
  it('counts completed years by calendar birthday', () => {
    assert.equal(ageOn('2000-04-01', '2026-04-01'), 26);
    assert.equal(ageOn('2000-04-02', '2026-04-01'), 25);
    assert.equal(ageOn('1950-12-31', '2026-04-01'), 75);
    assert.equal(ageOn('2026-04-01', '2026-04-01'), 0);
  });
  it('handles 2-29 birthdays', () => {
    assert.equal(ageOn('2004-02-29', '2025-02-28'), 20);
    assert.equal(ageOn('2004-02-29', '2025-03-01'), 21);
    assert.equal(ageOn('2004-02-29', '2024-02-29'), 20);
  });
});
