import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeholdersOf, renderTemplate, smsLength } from './template.ts';

test('placeholders are filled per recipient; a missing one is an error, not a gap', () => {
  const text = '((氏名))様 ((税目))((期別))の納付が確認できていません。((金額))円 ((納付リンク))';
  assert.deepEqual(placeholdersOf(text, '((氏名))'), ['氏名', '税目', '期別', '金額', '納付リンク']);
  assert.deepEqual(renderTemplate('((name)) 様', { name: '奥州 花子' }), { ok: true, text: '奥州 花子 様' });
  assert.deepEqual(renderTemplate(text, { 氏名: '奥州 花子', 税目: '市県民税' }), { ok: false, missing: ['期別', '金額', '納付リンク'] });
  assert.deepEqual(renderTemplate('(( ))と((x)', {}), { ok: true, text: '(( ))と((x)' }, 'not placeholders');
});

test('SMS length: GSM-7 160/153, Japanese UCS-2 70/67, extension characters and emoji count twice', () => {
  assert.deepEqual(smsLength('a'.repeat(160)), { encoding: 'GSM-7', units: 160, segments: 1 });
  assert.deepEqual(smsLength('a'.repeat(161)), { encoding: 'GSM-7', units: 161, segments: 2 });
  assert.deepEqual(smsLength('€'.repeat(80)), { encoding: 'GSM-7', units: 160, segments: 1 });
  assert.deepEqual(smsLength('あ'.repeat(70)), { encoding: 'UCS-2', units: 70, segments: 1 });
  assert.deepEqual(smsLength('あ'.repeat(71)), { encoding: 'UCS-2', units: 71, segments: 2 });
  assert.deepEqual(smsLength('あ'.repeat(134)), { encoding: 'UCS-2', units: 134, segments: 2 });
  assert.deepEqual(smsLength('あ'.repeat(135)), { encoding: 'UCS-2', units: 135, segments: 3 });
  assert.equal(smsLength('😀').units, 2);
  assert.deepEqual(smsLength(''), { encoding: 'GSM-7', units: 0, segments: 0 });
});
