/**
 * Finding procedures (Japanese search in any script, life events, categories), the card
 * rule for card procedures, and the JSON API (catalogue, own applications, idempotent
 * submission, OpenAPI).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestApp } from '../../platform/testing/test-app.ts';
import { loadCatalogue } from './catalogue/index.ts';
import { publishAsAdmin, startProceduresApp, testDefinition } from './procedures-test-kit.ts';
import { proceduresDb } from './tables.ts';

let app: TestApp;
before(async () => {
  app = await startProceduresApp();
  await publishAsAdmin(app, testDefinition());
});
after(async () => app.close());

const titlesIn = (html: string) => [...html.matchAll(/<h3><a href="\/procedures\/([a-z0-9-]+)">([^<]+)<\/a><\/h3>/g)].map((m) => m[2]!);

test('「じゅうみんひょう」「住民票」「ジュウミンヒョウ」 all find 住民票の写し', async () => {
  const b = app.browser();
  for (const q of ['じゅうみんひょう', '住民票', 'ジュウミンヒョウ', 'ｼﾞｭｳﾐﾝﾋｮｳ']) {
    const page = await b.get(`/procedures/search?q=${encodeURIComponent(q)}`);
    assert.equal(page.statusCode, 200);
    const titles = titlesIn(page.body);
    assert.ok(titles.includes('住民票の写しの交付申請'), `${q}: ${titles.join(', ')}`);
    assert.equal(titles[0], '住民票の写しの交付申請', `${q}: best first`);
  }
  const none = await b.get(`/procedures/search?q=${encodeURIComponent('存在しない手続きの名前')}`);
  assert.match(none.body, /見つかりませんでした/);
});

test('life event 引越し lists 転出・転入・転居; a category lists its procedures', async () => {
  const b = app.browser();
  const moving = await b.get('/procedures/life/moving');
  assert.equal(moving.statusCode, 200);
  const titles = titlesIn(moving.body);
  for (const word of ['転出', '転入', '転居']) assert.ok(titles.some((t) => t.includes(word)), `${word} in ${titles.join(', ')}`);
  // the words of a life event find its procedures by search as well
  assert.ok(titlesIn((await b.get(`/procedures/search?q=${encodeURIComponent('引越し')}`)).body).some((t) => t.includes('転出')));
  const certificates = titlesIn((await b.get('/procedures/category/certificates')).body);
  assert.ok(certificates.includes('住民票の写しの交付申請'));
  assert.equal((await b.get('/procedures/life/no-such-event')).statusCode, 404);
  const home = await b.get('/procedures');
  assert.match(home.body, /href="\/procedures\/life\/death"/);
  assert.match(home.body, /おくやみ/);
});

test('a procedure page shows what you need, the fee, 標準処理期間 and the card requirement', async () => {
  const page = await app.browser().get('/procedures/juminhyo-copy');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /マイナンバーカードでのログインが必要です/);
  assert.match(page.body, /標準処理期間/);
  assert.match(page.body, /300円/);
  assert.match(page.body, /市民課/);
  assert.match(page.body, /ログインして申請を始める/);
});

test('a card procedure is refused to a password login, with why and how to log in with the card', async () => {
  const b = app.browser();
  await b.loginResident('demo-05', 'password');
  const page = await b.get('/procedures/juminhyo-copy');
  assert.match(page.body, /この手続きにはマイナンバーカードでのログインが必要です/);
  assert.match(page.body, /マイナンバーカードでログインし直す/);
  assert.doesNotMatch(page.body, /action="\/procedures\/juminhyo-copy\/start"/);
  const start = await b.post('/procedures/juminhyo-copy/start');
  assert.equal(start.statusCode, 403);
  assert.match(start.body, /マイナンバーカードでのログインが必要です/);
  assert.match(start.body, /窓口で申請できます/);
  const api = await app.app.inject({
    method: 'POST',
    url: '/api/procedure-applications',
    headers: { host: 'localhost:3000', cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': b.csrf, 'idempotency-key': 'card-check-0001', 'content-type': 'application/json' },
    payload: JSON.stringify({ procedureId: 'juminhyo-copy', answers: {} }),
  });
  assert.equal(api.statusCode, 403);
  assert.equal(await proceduresDb(app.db.kysely).selectFrom('applications').select('id').where('procedure_id', '=', 'juminhyo-copy').where('resident_account_id', 'is not', null).executeTakeFirst(), undefined);
  // with the card, the same resident may start
  const card = app.browser();
  await card.loginResident('demo-05', 'card');
  assert.equal((await card.post('/procedures/juminhyo-copy/start')).statusCode, 303);
});

test('GET /api/procedures lists every published procedure; GET /api/procedures/:id gives the definition', async () => {
  const b = app.browser();
  const list = await b.json('GET', '/api/procedures');
  assert.equal(list.statusCode, 200);
  const procedures = list.json().procedures as { id: string; assurance: string; processingDays: number; feeYen: number | null; version: number }[];
  assert.deepEqual(procedures.map((p) => p.id).sort(), [...loadCatalogue().map((d) => d.id), 'test-permit'].sort());
  const juminhyo = procedures.find((p) => p.id === 'juminhyo-copy')!;
  assert.equal(juminhyo.assurance, 'card');
  assert.equal(juminhyo.feeYen, 300);
  const one = await b.json('GET', '/api/procedures/juminhyo-copy');
  assert.equal(one.statusCode, 200);
  assert.equal(one.json().definition.title.ja, '住民票の写しの交付申請');
  assert.equal((await b.json('GET', '/api/procedures/nope')).statusCode, 404);
});

test('POST /api/procedure-applications twice with one Idempotency-Key makes one application', async () => {
  const b = app.browser();
  await b.loginResident('demo-06', 'password');
  const send = (key: string | null, answers: Record<string, unknown>) =>
    app.app.inject({
      method: 'POST',
      url: '/api/procedure-applications',
      headers: { host: 'localhost:3000', cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': b.csrf, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      payload: JSON.stringify({ procedureId: 'test-permit', answers, paymentMethod: 'counter' }),
    });
  const answers = { name: '奥州 六郎', kana: 'おうしゅう ろくろう', since: '2019-04-01', hasPet: 'no', copies: 2, agree: true };
  assert.equal((await send(null, answers)).statusCode, 400, 'the key is required');
  const invalid = await send('api-key-invalid-1', { ...answers, since: '令和8年2月30日' });
  assert.equal(invalid.statusCode, 400);
  assert.ok((invalid.json().error.fields as { field: string; message: string }[]).some((f) => f.field === 'since' && f.message.length > 0));
  // JSON answers must have the stored shape: a string for a number, "yes" for a consent are refused, naming the field.
  const wrongTypes = await send('api-key-types-1', { ...answers, copies: '３', agree: 'yes' });
  assert.equal(wrongTypes.statusCode, 400);
  const typeFields = wrongTypes.json().error.fields as { field: string; message: string }[];
  assert.deepEqual(typeFields.map((f) => f.field).sort(), ['agree', 'copies']);
  assert.match(typeFields.find((f) => f.field === 'copies')!.message, /数値/);
  const [first, second] = await Promise.all([send('api-key-0001', answers), send('api-key-0001', answers)]);
  assert.deepEqual([first.statusCode, second.statusCode].sort(), [200, 201]);
  assert.equal(first.json().id, second.json().id);
  assert.equal(first.json().reference, second.json().reference);
  // The same key and body again replays the first answer; the same key with another body is a 409 naming the header.
  const replay = await send('api-key-0001', answers);
  assert.deepEqual([replay.statusCode, replay.json().id, replay.json().reference], [200, first.json().id, first.json().reference]);
  const reused = await send('api-key-0001', { ...answers, copies: 3 });
  assert.equal(reused.statusCode, 409, reused.body);
  assert.equal(reused.json().error.code, 'idempotency_key_reused');
  assert.match(reused.json().error.message, /Idempotency-Key/);
  assert.deepEqual((reused.json().error.fields as { field: string }[]).map((f) => f.field), ['Idempotency-Key']);
  const rows = await proceduresDb(app.db.kysely).selectFrom('applications').selectAll().where('id', '=', first.json().id).execute();
  assert.equal(rows.length, 1);
  assert.match(String(rows[0]!.answers.kana), /^オウシュウ.?ロクロウ$/, 'kana normalised to katakana');
  assert.equal(rows[0]!.fee_yen, 400);
  const mine = await b.json('GET', '/api/procedure-applications');
  assert.equal(mine.statusCode, 200);
  assert.deepEqual((mine.json().applications as { id: string }[]).map((a) => a.id), [first.json().id]);
  const detail = await b.json('GET', `/api/procedure-applications/${first.json().id}`);
  assert.equal(detail.statusCode, 200);
  assert.equal(detail.json().status, 'submitted');
  assert.equal(detail.json().timeline[0].kind, 'submitted');
  const anonymous = await app.browser().json('GET', '/api/procedure-applications');
  assert.equal(anonymous.statusCode, 401);
});

test('OpenAPI describes the procedures API', async () => {
  const doc = (await app.browser().json('GET', '/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
  assert.ok(doc.paths['/api/procedures']?.get);
  assert.ok(doc.paths['/api/procedures/{id}']?.get);
  assert.ok(doc.paths['/api/procedure-applications']?.get);
  assert.ok(doc.paths['/api/procedure-applications']?.post);
  assert.ok(doc.paths['/api/procedure-applications/{id}']?.get);
  assert.equal(doc.paths['/procedures/{id}'], undefined, 'pages are not in the API document');
  // What needs a resident's login says so; the public catalogue does not.
  const security = (path: string, method: string) => (doc.paths[path]?.[method] as { security?: unknown[] } | undefined)?.security;
  for (const [path, method] of [['/api/procedure-applications', 'get'], ['/api/procedure-applications', 'post'], ['/api/procedure-applications/{id}', 'get']] as const) {
    assert.deepEqual(security(path, method), [{ residentSession: [] }], `${method} ${path}`);
  }
  assert.equal(security('/api/procedures', 'get'), undefined);
});
