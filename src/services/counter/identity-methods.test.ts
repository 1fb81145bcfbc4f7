import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeIdentityCheck, IDENTITY_METHODS, readIdentityCheck } from './identity-methods.ts';

const form = (values: Partial<Record<'method' | 'digits' | 'note' | 'agentName' | 'agentDocument', string>>) => ({ method: '', digits: '', note: '', agentName: '', agentDocument: '', ...values });

test('the counter offers the documents the Citizens Division accepts, each once', () => {
  const ids = IDENTITY_METHODS.map((m) => m.id);
  assert.deepEqual(ids, ['mynumber-card', 'driving-licence', 'passport', 'residence-card', 'two-documents', 'agent']);
  assert.equal(new Set(ids).size, ids.length);
});

test('a document with its last digits (optional, four at most, never the whole number)', () => {
  assert.deepEqual(readIdentityCheck(form({ method: 'driving-licence', digits: '1234' })).check, { method: 'driving-licence', digits: '1234', agentName: null, agentDocument: null, note: null });
  assert.deepEqual(readIdentityCheck(form({ method: 'passport' })).check?.digits, null);
  assert.deepEqual(readIdentityCheck(form({ method: 'passport', digits: 'tk12' })).check?.digits, 'TK12');
  assert.deepEqual(readIdentityCheck(form({ method: 'mynumber-card', digits: '123456789012' })).errors.map((e) => e.field), ['digits']);
  assert.deepEqual(readIdentityCheck(form({ method: 'two-documents', digits: '12', note: '保険証・年金手帳' })).errors.map((e) => e.field), ['digits']);
});

test('no method, an unknown one, or missing details name the field', () => {
  assert.deepEqual(readIdentityCheck(form({})).errors.map((e) => e.messageKey), ['counter.identity.error.method']);
  assert.deepEqual(readIdentityCheck(form({ method: 'library-card' })).errors.map((e) => e.field), ['method']);
  assert.deepEqual(readIdentityCheck(form({ method: 'two-documents' })).errors.map((e) => e.field), ['note']);
  assert.deepEqual(readIdentityCheck(form({ method: 'agent', agentDocument: 'agent' })).errors.map((e) => e.field), ['agentName', 'agentDocument']);
});

test('one line for applications and the PDF, in Japanese or English', () => {
  const agent = readIdentityCheck(form({ method: 'agent', agentName: '奥州  一郎', agentDocument: 'driving-licence', digits: '5678' })).check!;
  assert.equal(describeIdentityCheck(agent, 'ja'), '代理人（委任状）：奥州 一郎 様、運転免許証（末尾 5678）');
  assert.equal(describeIdentityCheck(agent, 'en'), 'Agent with a letter of attorney: 奥州 一郎, Driving licence (ending 5678)');
  const two = readIdentityCheck(form({ method: 'two-documents', note: '健康保険証・年金手帳' })).check!;
  assert.equal(describeIdentityCheck(two, 'ja'), '健康保険証＋年金手帳など2点（健康保険証・年金手帳）');
  assert.equal(describeIdentityCheck(readIdentityCheck(form({ method: 'mynumber-card' })).check!, 'ja'), 'マイナンバーカード');
});
