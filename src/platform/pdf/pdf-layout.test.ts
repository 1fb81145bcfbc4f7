import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breakLines, breakUnits, columnWidths, formatIssuedOn, formatYen } from './pdf-layout.ts';

// Every character one unit wide: line widths are character counts.
const chars = (s: string) => [...s].length;

test('Japanese text breaks between characters, never before 。、」 nor after 「', () => {
  const lines = breakLines('奥州市役所は「水沢」にあります。市民課、税務課があります。', 6, chars);
  for (const line of lines) {
    assert.ok([...line].length <= 6 || /^.{5}[、。」]$/u.test(line), `line too long: ${line}`);
    assert.doesNotMatch(line, /^[、。」ー）]/u, `line starts with a closing mark: ${line}`);
    assert.doesNotMatch(line, /[「（]$/u, `line ends with an opening mark: ${line}`);
  }
  assert.equal(lines.join(''), '奥州市役所は「水沢」にあります。市民課、税務課があります。');
});

test('a closing mark that would start a line is pulled back with its character', () => {
  // '。' falls at position 7 of a 6-wide line; it stays with 'す'.
  assert.deepEqual(breakLines('あいうえおす。かき', 6, chars), ['あいうえお', 'す。かき']);
  assert.deepEqual(breakLines('あいうえお「かき」', 6, chars), ['あいうえお', '「かき」']);
});

test('numbers, amounts and codes are never split inside', () => {
  assert.deepEqual(breakUnits('金額12,345,678円'), ['金', '額', '12,345,678', '円']);
  assert.deepEqual(breakUnits('No. R-2026-000123'), ['No.', ' ', 'R-2026-000123']);
  assert.deepEqual(breakUnits('10:30〜11:00'), ['10:30〜', '11:00']);
  const lines = breakLines('お支払い金額は12,345,678円です。', 10, chars);
  assert.deepEqual(lines, ['お支払い金額は', '12,345,678', '円です。']);
  // A sentence-final full stop after a number is not a joiner.
  assert.deepEqual(breakUnits('合計3.'), ['合', '計', '3.']);
  assert.deepEqual(breakLines('支払額（¥12,300）', 10, chars), ['支払額', '（¥12,300）']);
});

test('only a unit wider than the whole line is cut', () => {
  assert.deepEqual(breakLines('1234567890', 4, chars), ['1234', '5678', '90']);
});

test('newlines are kept and spaces at a break are dropped', () => {
  assert.deepEqual(breakLines('一行目\n\n三行目', 10, chars), ['一行目', '', '三行目']);
  assert.deepEqual(breakLines('alpha beta gamma', 10, chars), ['alpha beta', 'gamma']);
  assert.deepEqual(breakLines('a\r\nb', 10, chars), ['a', 'b']);
  assert.deepEqual(breakLines('氏名\t奥州', 10, chars), ['氏名 奥州']);
});

test('amounts have thousands separators and must be whole yen', () => {
  assert.equal(formatYen(0), '0');
  assert.equal(formatYen(300), '300');
  assert.equal(formatYen(12300), '12,300');
  assert.equal(formatYen(1234567), '1,234,567');
  assert.equal(formatYen(-5000), '−5,000');
  assert.throws(() => formatYen(12.5), RangeError);
  assert.throws(() => formatYen(Number.NaN), RangeError);
});

test('issue dates are printed in both 西暦 and 和暦', () => {
  assert.equal(formatIssuedOn('2026-11-24'), '2026年11月24日（令和8年11月24日）');
  assert.equal(formatIssuedOn('2019-05-01'), '2019年5月1日（令和元年5月1日）');
  assert.equal(formatIssuedOn('1989-01-07'), '1989年1月7日（昭和64年1月7日）');
  assert.throws(() => formatIssuedOn('2026-02-30'), RangeError);
});

test('relative column widths fill the table width', () => {
  assert.deepEqual(columnWidths([1, 3], 400), [100, 300]);
  assert.deepEqual(columnWidths([undefined, 2, -1], 400), [100, 200, 100]);
});
