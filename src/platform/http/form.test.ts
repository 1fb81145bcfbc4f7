import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from '@sinclair/typebox';
import { readForm } from './form.ts';

const Schema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 5 }),
  code: Type.String({ maxLength: 10 }),
  tags: Type.Array(Type.String()),
  password: Type.String(),
});

test('values are NFKC-normalised and trimmed (passwords untouched); errors name the field', () => {
  const { values, errors } = readForm(Schema, { name: '', code: ' ＡＢ１２ ', tags: 'x', password: ' Ｐ ' }, { name: '氏名' });
  assert.equal(values.code, 'AB12');
  assert.deepEqual(values.tags, ['x']);
  assert.equal(values.password, ' Ｐ ');
  assert.deepEqual(errors, [{ field: 'name', messageKey: 'validation.required', params: { field: '氏名', limit: 5 } }]);
});

test('too long and missing fields are reported once each', () => {
  const { errors } = readForm(Schema, { name: '長すぎる名前です' });
  assert.deepEqual(errors.map((e) => [e.field, e.messageKey]), [['name', 'validation.maxLength']]);
});
