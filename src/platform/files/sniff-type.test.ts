import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sniffType } from './sniff-type.ts';

test('types come from the bytes, not the name', () => {
  assert.equal(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'photo.jpg'), 'image/png');
  assert.equal(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'x.png'), 'image/jpeg');
  assert.equal(sniffType(Buffer.from('%PDF-1.7\n'), 'a.txt'), 'application/pdf');
  assert.equal(sniffType(Buffer.from('氏,名\n佐藤,花子\n'), 'list.csv'), 'text/csv');
  assert.equal(sniffType(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), 'list.csv'), null, 'a Windows executable renamed .csv');
  assert.equal(sniffType(Buffer.from([0xc3, 0x28]), 'bad.csv'), null, 'invalid UTF-8');
  assert.equal(sniffType(Buffer.alloc(0), 'empty.csv'), null);
});
