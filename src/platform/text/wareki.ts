// Japanese calendar (和暦) formatting and parsing for municipal forms.
//
// Dates are passed around as ISO 'YYYY-MM-DD' strings (a calendar date, no
// time zone); all arithmetic here is on year/month/day integers so that the
// server's time zone can never shift a date.

export interface Era {
  name: string;
  /** Latin initial used in abbreviations such as 'R8.4.1'. */
  initial: string;
  start: string;
  /** Last day of the era (inclusive); null for the current era. */
  end: string | null;
}

// Newest first, so that the day an era changes (1926-12-25: 大正15年 and
// 昭和元年 are the same day) formats in the new era.
export const ERAS: readonly Era[] = [
  { name: '令和', initial: 'R', start: '2019-05-01', end: null },
  { name: '平成', initial: 'H', start: '1989-01-08', end: '2019-04-30' },
  { name: '昭和', initial: 'S', start: '1926-12-25', end: '1989-01-07' },
  { name: '大正', initial: 'T', start: '1912-07-30', end: '1926-12-25' },
  { name: '明治', initial: 'M', start: '1868-01-25', end: '1912-07-29' },
];

/*
 * Japan switched from the lunisolar calendar to the Gregorian one on
 * 明治6年1月1日 (1873-01-01). Earlier 明治 dates written in 和暦 are lunisolar
 * dates, so converting them with Gregorian arithmetic would be wrong by
 * about a month; they are rejected instead.
 */
const GREGORIAN_ADOPTION = '1873-01-01';

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function toIso({ y, m, d }: Ymd): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** True for a well-formed, existing calendar date 'YYYY-MM-DD'. */
export function isIsoDate(s: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!match) return false;
  return isValidYmd(Number(match[1]), Number(match[2]), Number(match[3]));
}

function parseIso(iso: string): Ymd {
  if (!isIsoDate(iso)) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) };
}

/** The era a date belongs to, or null before the Gregorian 明治 dates. */
export function eraOf(iso: string): Era | null {
  parseIso(iso);
  if (iso < GREGORIAN_ADOPTION) return null;
  // ISO strings compare correctly as plain strings.
  return ERAS.find((e) => iso >= e.start && (e.end === null || iso <= e.end)) ?? null;
}

function eraYear(era: Era, y: number): number {
  return y - Number(era.start.slice(0, 4)) + 1;
}

/** '2026-04-01' → '令和8年4月1日'; the first year of an era is written 元年. */
export function formatWareki(iso: string): string {
  const { y, m, d } = parseIso(iso);
  const era = eraOf(iso);
  if (!era) throw new RangeError(`no Gregorian 和暦 for dates before ${GREGORIAN_ADOPTION}: ${iso}`);
  const n = eraYear(era, y);
  return `${era.name}${n === 1 ? '元' : n}年${m}月${d}日`;
}

/** '2026-04-01' → '2026年4月1日（令和8年）'; the era part is omitted before 1873. */
export function formatDateJa(iso: string): string {
  const { y, m, d } = parseIso(iso);
  const era = eraOf(iso);
  const base = `${y}年${m}月${d}日`;
  if (!era) return base;
  const n = eraYear(era, y);
  return `${base}（${era.name}${n === 1 ? '元' : n}年）`;
}

/** '2026-04-01' → '1 April 2026'. */
export function formatDateEn(iso: string): string {
  const { y, m, d } = parseIso(iso);
  return `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

export type ParseDateResult = { ok: true; iso: string } | { ok: false; reason: 'format' | 'invalid-date' | 'era-range' };

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** '八' → 8, '十二' → 12, '三十一' → 31, '二〇二六' → 2026, '二千二十六' → 2026. */
function kanjiNumberToInt(s: string): number {
  if (!/[十百千]/u.test(s)) {
    let n = 0;
    for (const ch of s) n = n * 10 + (KANJI_DIGITS[ch] ?? 0);
    return n;
  }
  let total = 0;
  let current = 0;
  for (const ch of s) {
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : 0;
    if (unit) {
      total += (current || 1) * unit;
      current = 0;
    } else {
      current = KANJI_DIGITS[ch] ?? 0;
    }
  }
  return total + current;
}

const ERA_BY_KEY = new Map<string, Era>();
for (const era of ERAS) {
  ERA_BY_KEY.set(era.name, era);
  ERA_BY_KEY.set(era.initial, era);
}

const SEP = '[-/.]';
const GREGORIAN_PATTERNS: RegExp[] = [
  new RegExp(`^(\\d{4})${SEP}(\\d{1,2})${SEP}(\\d{1,2})$`),
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];
// Era date: name or initial, year (元 or digits), then 年/月/日 or separators.
const ERA_PATTERN = /^(令和|平成|昭和|大正|明治|[RHSTM])(元|\d{1,2})(?:年|[-/.])(\d{1,2})(?:月|[-/.])(\d{1,2})日?$/;

/**
 * Accepts the ways people write a date on Japanese forms: '2026-04-01',
 * '2026/4/1', '2026年4月1日', '20260401', '令和8年4月1日', '令和元年5月1日',
 * 'R8.4.1', 'r8/4/1', 'H31.4.30', '昭和45年3月2日', full-width digits and
 * spaces, and kanji numerals ('令和八年四月一日'). A well-formed date that does
 * not exist is 'invalid-date'; an era date outside its era (H32.1.1, R1.4.1)
 * or a 明治 date before the Gregorian calendar is 'era-range'.
 */
export function parseJapaneseDate(input: string): ParseDateResult {
  let s = input.normalize('NFKC').replace(/\s/gu, '').toUpperCase();
  // ㋿ ㍻ … are folded to 令和 平成 by NFKC; kanji numerals become digits.
  s = s.replace(/[〇零一二三四五六七八九十百千]+/gu, (run) => String(kanjiNumberToInt(run)));
  if (s === '') return { ok: false, reason: 'format' };

  for (const pattern of GREGORIAN_PATTERNS) {
    const m = pattern.exec(s);
    if (!m) continue;
    const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
    if (!isValidYmd(ymd.y, ymd.m, ymd.d)) return { ok: false, reason: 'invalid-date' };
    return { ok: true, iso: toIso(ymd) };
  }

  const m = ERA_PATTERN.exec(s);
  if (!m) return { ok: false, reason: 'format' };
  const era = ERA_BY_KEY.get(m[1] ?? '');
  if (!era) return { ok: false, reason: 'format' };
  const n = m[2] === '元' ? 1 : Number(m[2]);
  if (n < 1) return { ok: false, reason: 'era-range' };
  const ymd = { y: Number(era.start.slice(0, 4)) + n - 1, m: Number(m[3]), d: Number(m[4]) };
  if (!isValidYmd(ymd.y, ymd.m, ymd.d)) return { ok: false, reason: 'invalid-date' };
  const iso = toIso(ymd);
  if (iso < era.start || (era.end !== null && iso > era.end) || iso < GREGORIAN_ADOPTION) {
    return { ok: false, reason: 'era-range' };
  }
  return { ok: true, iso };
}

/**
 * Age in completed years on a date, by calendar birthday (a 2-29 birthday
 * counts from 3-1 in common years). The legal rule that age increases at the
 * end of the day before the birthday is deliberately ignored.
 */
export function ageOn(birthIso: string, onIso: string): number {
  const b = parseIso(birthIso);
  const o = parseIso(onIso);
  let age = o.y - b.y;
  if (o.m < b.m || (o.m === b.m && o.d < b.d)) age -= 1;
  return age;
}
