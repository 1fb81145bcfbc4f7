import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeShiftJis } from '../testing/shift-jis.ts';
import { csvForSpreadsheet, decodeCsvBytes, neutraliseFormulas } from './csv.ts';

test('CSV bytes are decoded by content: BOM, UTF-8, Shift_JIS, UTF-16; binary refused', () => {
  const text = '氏名,金額\n奥州 花子,1200\n';
  assert.deepEqual(decodeCsvBytes(Buffer.from(text)), { ok: true, text, encoding: 'utf-8', damaged: false });
  assert.deepEqual(decodeCsvBytes(Buffer.from('\uFEFF' + text)), { ok: true, text, encoding: 'utf-8-bom', damaged: false });
  assert.deepEqual(decodeCsvBytes(encodeShiftJis(text)), { ok: true, text, encoding: 'shift_jis', damaged: false });
  assert.deepEqual(decodeCsvBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), { ok: true, text, encoding: 'utf-16le', damaged: false });
  assert.deepEqual(decodeCsvBytes(Buffer.from('a,b\n1,\0')), { ok: false, reason: 'binary' });
  assert.deepEqual(decodeCsvBytes(Buffer.alloc(0)), { ok: false, reason: 'empty' });
  const damaged = decodeCsvBytes(Buffer.concat([encodeShiftJis(text), Buffer.from([0x82, 0x20, 0x0a])]));
  assert.ok(damaged.ok && damaged.damaged && damaged.encoding === 'shift_jis');
  assert.ok(damaged.text.startsWith(text));
});

test('spreadsheet downloads neutralise formulas and carry a BOM', () => {
  const lines = [['=1+1', '+81', '-5', '@SUM(A1)', 'ok']];
  neutraliseFormulas(lines);
  assert.deepEqual(lines, [["'=1+1", "'+81", "'-5", "'@SUM(A1)", 'ok']]);
  assert.equal(csvForSpreadsheet([['行', 1, null, '=cmd']]), "\uFEFF行,1,,'=cmd\n");
});
