import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeLlmServer } from '../../platform/llm/fake-llm-server.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { chatbotDb } from './tables.ts';

let t: TestApp;
let fake: Awaited<ReturnType<typeof startFakeLlmServer>>;
before(async () => {
  fake = await startFakeLlmServer({ reply: () => '収集日の朝8時までに、決められた集積所に出してください［1］' });
  t = await createTestApp({ registry: false, env: { LLM_BASE_URL: fake.baseUrl, LLM_API_KEY: 'test-key', LLM_MODEL: 'fake-model' } });
  await t.platform.services.find((s) => s.id === 'chatbot')!.seedDemo!(t.platform);
});
after(async () => {
  await t.close();
  await fake.close();
});

test('with a provider configured, the answer is composed from the retrieved entries, cited, and no personal data leaves', async () => {
  const response = await t.app.inject({ method: 'POST', url: '/api/chat/ask', payload: { q: '田中太郎と申します。090-1234-5678。燃えるごみは何時までに出せばいいですか' } });
  const body = response.json();
  assert.equal(response.statusCode, 200);
  assert.match(body.composed, /［1］/);
  const sent = JSON.stringify(fake.requests.at(-1)!.body);
  assert.ok(!sent.includes('090-1234-5678') && !sent.includes('09012345678'), 'phone masked');
  assert.ok(!sent.includes('田中太郎'), 'name masked');
  assert.match(sent, /出典/, 'the retrieved entries are the only sources given');
  assert.equal(fake.requests.at(-1)!.headers.authorization, 'Bearer test-key');
  const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'llm.call').orderBy('seq', 'desc').executeTakeFirstOrThrow();
  assert.equal((audit.details as { purpose: string }).purpose, 'chatbot.answer');
  assert.ok(!JSON.stringify(audit.details).includes('1234'), 'the audit entry holds no raw personal data');
});

test('when the provider fails, the plain FAQ answer is still given', async () => {
  fake.setFailure(500);
  try {
    const response = await t.app.inject({ method: 'POST', url: '/api/chat/ask', payload: { q: '燃えるごみは何時までに出せばいいですか' } });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().composed, null);
    assert.ok(response.json().answer || response.json().candidates.length);
  } finally {
    fake.setFailure(undefined);
  }
});

test('staff summarise an inquiry and draft a reply; the contact details never reach the provider', async () => {
  const resident = t.browser();
  await resident.get('/ask/inquiry');
  await resident.post('/ask/inquiry', { question: '母の介護保険の申請について相談したいです。佐藤花子', department: 'citizens', email: 'hanako.sato@example.jp', phone: '', from: '' });
  const inquiry = await chatbotDb(t.db.kysely).selectFrom('chatbot_inquiries').select('id').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  const clerk = t.browser();
  await clerk.loginStaff('shimin.tanto');
  const page = await clerk.get(`/staff/chatbot/inquiries/${inquiry.id}`);
  assert.match(page.body, /AI支援/);
  const summary = await clerk.post(`/staff/chatbot/inquiries/${inquiry.id}/ai`, { task: 'summary' });
  assert.equal(summary.statusCode, 200);
  assert.match(summary.body, /AIの出力/);
  const sent = JSON.stringify(fake.requests.at(-1)!.body);
  assert.ok(!sent.includes('hanako.sato@example.jp'), 'email masked');
  fake.setFailure(500);
  try {
    const failed = await clerk.post(`/staff/chatbot/inquiries/${inquiry.id}/ai`, { task: 'draft' });
    assert.equal(failed.statusCode, 502);
    assert.match(failed.body, /AIサービスに接続できませんでした/);
  } finally {
    fake.setFailure(undefined);
  }
});
