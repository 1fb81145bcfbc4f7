import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditActor } from '../audit/audit-log.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { createLlmProvider } from './create-llm-provider.ts';
import { startFakeLlmServer, type FakeLlmServer } from './fake-llm-server.ts';
import { LlmDisabledError, LlmGateway } from './llm-gateway.ts';
import { LlmError, type ChatMessage } from './llm-provider.ts';
import { OpenAiCompatibleProvider } from './openai-compatible-provider.ts';

const staff: AuditActor = { type: 'staff', id: 'staff-1' };
const known = { names: ['佐藤 花子'], addresses: ['岩手県奥州市水沢大手町1丁目1番地'] };
const RAW = ['佐藤', '花子', '090-1234-5678', '09012345678', 'hanako.sato@example.jp', 'hanako', '123456789012', '1234 5678 9012', '大手町1丁目', '1丁目1番地', 'sk-test-secret'];
const inquiry: ChatMessage[] = [
  { role: 'system', content: 'あなたは奥州市役所の職員を補助します。相談者は佐藤花子さんです。' },
  {
    role: 'user',
    content: '佐藤 花子です。岩手県奥州市水沢大手町1丁目1番地に住んでいます。児童手当について教えてください。電話は090-1234-5678、メールはhanako.sato@example.jp、個人番号は1234 5678 9012です。',
  },
];

let db: TestDatabase;
let server: FakeLlmServer;

before(async () => {
  db = await createTestDatabase();
  server = await startFakeLlmServer();
});
after(async () => {
  await server.close();
  await db.close();
});
beforeEach(() => {
  server.setFailure(undefined);
  server.requests.length = 0;
});

function gateway(timeoutMs = 5_000): LlmGateway {
  const provider = createLlmProvider({ baseUrl: server.baseUrl, apiKey: 'sk-test-secret', model: 'test-model', timeoutMs });
  assert.ok(provider);
  return new LlmGateway(provider, db.kysely);
}

async function llmAudits() {
  return db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'llm.call').orderBy('seq').execute();
}

function assertNoRawPersonalData(what: string, text: string): void {
  for (const raw of RAW) assert.ok(!text.includes(raw), `${what} contains ${raw}: ${text}`);
}

test('personal data is masked in every message before it leaves the app, and the call is audited without text', async () => {
  const before = (await llmAudits()).length;
  const result = await gateway().run({ actor: staff, purpose: 'inquiry.draft-reply', messages: inquiry, known, maxTokens: 200, requestId: 'req-1' });

  assert.equal(server.requests.length, 1);
  const sent = JSON.stringify(server.requests[0]?.body);
  assertNoRawPersonalData('request to the provider', sent);
  for (const placeholder of ['［氏名1］', '［住所1］', '［電話番号1］', '［メール1］', '［個人番号］']) assert.ok(sent.includes(placeholder), `missing ${placeholder}: ${sent}`);
  // The name in the system prompt and in the question is one person.
  assert.match(server.requests[0]?.body.messages[0].content, /相談者は［氏名1］さんです/);
  assert.equal(server.requests[0]?.body.max_tokens, 200);
  assert.equal(server.requests[0]?.body.model, 'test-model');
  assert.equal(server.requests[0]?.headers.authorization, 'Bearer sk-test-secret');

  assert.equal(result.masked, true);
  assert.match(result.text, /［氏名1］です/);
  assertNoRawPersonalData('answer', result.text);

  const audits = await llmAudits();
  assert.equal(audits.length, before + 1);
  const entry = audits.at(-1)!;
  assert.equal(entry.actor_type, 'staff');
  assert.equal(entry.actor_id, 'staff-1');
  assert.equal(entry.request_id, 'req-1');
  const details = entry.details as Record<string, unknown>;
  assert.equal(details.purpose, 'inquiry.draft-reply');
  assert.equal(details.model, 'test-model');
  assert.equal(details.outcome, 'ok');
  assert.ok(typeof details.promptTokens === 'number' && details.promptTokens > 0);
  assert.ok(typeof details.completionTokens === 'number' && details.completionTokens > 0);
  assert.deepEqual(details.maskedCounts, { name: 2, address: 1, phone: 1, individualNumber: 1, email: 1, postalCode: 0 });
  assertNoRawPersonalData('audit details', JSON.stringify(details));
  assert.ok(!JSON.stringify(details).includes('児童手当'), 'no message text in the audit log');
});

test('a question without personal data goes out unchanged', async () => {
  const result = await gateway().run({ actor: { type: 'anonymous', id: null }, purpose: 'faq.answer', messages: [{ role: 'user', content: '水沢のごみの日はいつですか' }] });
  assert.equal(result.masked, false);
  assert.equal(server.requests[0]?.body.messages[0].content, '水沢のごみの日はいつですか');
  const details = (await llmAudits()).at(-1)!.details as Record<string, unknown>;
  assert.deepEqual(details.maskedCounts, { name: 0, address: 0, phone: 0, individualNumber: 0, email: 0, postalCode: 0 });
});

for (const [failure, kind, timeoutMs] of [
  [500, 'http', 5_000],
  [429, 'http', 5_000],
  ['hang', 'timeout', 200],
  ['garbage', 'malformed', 5_000],
] as const) {
  test(`a provider that answers ${failure} raises LlmError '${kind}' and is audited as failed`, async () => {
    server.setFailure(failure);
    const before = (await llmAudits()).length;
    await assert.rejects(
      gateway(timeoutMs).run({ actor: staff, purpose: 'inquiry.draft-reply', messages: inquiry, known }),
      (error: unknown) => error instanceof LlmError && error.kind === kind,
    );
    assert.equal(server.requests.length, 1);
    assertNoRawPersonalData('request to the provider', JSON.stringify(server.requests[0]?.body));
    const audits = await llmAudits();
    assert.equal(audits.length, before + 1);
    const details = audits.at(-1)!.details as Record<string, unknown>;
    assert.equal(details.outcome, 'failed');
    assert.equal(details.errorKind, kind);
    assert.equal(details.purpose, 'inquiry.draft-reply');
    assert.equal(details.promptTokens, 0);
    if (typeof failure === 'number') assert.equal(details.httpStatus, failure);
    assertNoRawPersonalData('audit details', JSON.stringify(details));
  });
}

test('an unreachable provider raises LlmError network and is audited', async () => {
  const closed = await startFakeLlmServer();
  await closed.close();
  const provider = createLlmProvider({ baseUrl: closed.baseUrl, apiKey: null, model: 'm', timeoutMs: 2_000 });
  const before = (await llmAudits()).length;
  await assert.rejects(new LlmGateway(provider, db.kysely).run({ actor: staff, purpose: 'p', messages: inquiry }), (e: unknown) => e instanceof LlmError && e.kind === 'network');
  assert.equal((await llmAudits()).length, before + 1);
});

test('without a base URL there is no provider, and the gateway refuses without calling or auditing', async () => {
  assert.equal(createLlmProvider({ baseUrl: null, apiKey: 'k', model: 'm' }), null);
  const disabled = new LlmGateway(null, db.kysely);
  assert.equal(disabled.enabled, false);
  assert.equal(gateway().enabled, true);
  const before = (await llmAudits()).length;
  await assert.rejects(disabled.run({ actor: staff, purpose: 'p', messages: inquiry }), LlmDisabledError);
  assert.equal(server.requests.length, 0);
  assert.equal((await llmAudits()).length, before);
});

test('the provider sends no Authorization header without a key, and reads usage as 0 when absent', async () => {
  const provider = new OpenAiCompatibleProvider({
    baseUrl: 'http://llm.invalid/v1/',
    model: 'm',
    fetch: async (url, init) => {
      assert.equal(String(url), 'http://llm.invalid/v1/chat/completions');
      assert.equal(new Headers(init?.headers).get('authorization'), null);
      return new Response(JSON.stringify({ choices: [{ message: { role: 'assistant', content: 'はい' } }] }), { status: 200 });
    },
  });
  assert.deepEqual(await provider.complete([{ role: 'user', content: 'q' }]), { text: 'はい', model: 'm', promptTokens: 0, completionTokens: 0 });
});

test('a 2xx answer without choices[0].message.content is malformed', async () => {
  const provider = new OpenAiCompatibleProvider({
    baseUrl: 'http://llm.invalid/v1',
    model: 'm',
    fetch: async () => new Response(JSON.stringify({ choices: [] }), { status: 200 }),
  });
  await assert.rejects(provider.complete([{ role: 'user', content: 'q' }]), (e: unknown) => e instanceof LlmError && e.kind === 'malformed');
});
