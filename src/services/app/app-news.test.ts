import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import { appContext } from './app-context.ts';
import { postMultipart, xmlProblem } from './app-test-kit.ts';
import { fanOutBatch } from './fanout.ts';
import { drawIcon } from './icons.ts';
import { confirmEmail, createSubscription, linkLineUser, unsubscribeByToken } from './subscription-service.ts';
import { appDb } from './tables.ts';

let now = new Date();
let t: TestApp;
let admin: BrowserSession;
before(async () => {
  t = await createTestApp({ now: () => now });
  admin = t.browser();
  await admin.loginStaff('admin');
});
after(() => t.close());

const db = () => appDb(t.db.kysely);
const ctx = () => appContext(t.platform);
const push = (n: number) => ({ endpoint: `https://push.example.net/send/${n}abcdefghijklmnop`, keys: { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) } });

/** Active subscribers made through the service's own flows (email confirmed, LINE linked, push saved). */
async function subscriber(channel: 'email' | 'line' | 'push', categories: string[], areas: string[], n: number) {
  const sub = await createSubscription(ctx(), null, { channel, categories, areas, email: `person${n}@example.jp`, ...(channel === 'push' ? { push: push(n) } : {}) }, null);
  if (channel === 'email') await confirmEmail(ctx(), sub.token, null);
  if (channel === 'line') await linkLineUser(ctx(), sub.link_code!, `U${String(n).padStart(32, '0')}`);
  return (await db().selectFrom('app_subscribers').selectAll().where('id', '=', sub.id).executeTakeFirstOrThrow());
}

async function writeArticle(fields: Partial<Record<string, string>> = {}, file?: Parameters<typeof postMultipart>[4]) {
  const response = await postMultipart(t, admin, '/staff/app/news', { title: '胆沢川の増水に注意', summary: '上流の雨で水位が上がっています。', body: '河川敷に近づかないでください。\n\n避難所の情報はこのアプリでお知らせします。', category: 'disaster', area: 'mizusawa', imageAlt: '', ...fields }, file);
  assert.equal(response.statusCode, 303, response.body.slice(0, 500));
  return String(response.headers.location).split('/').pop()!;
}

const sentSince = (mark: number) => t.notifier.sent.slice(mark).filter((m) => m.source === 'app');

test('publishing notifies exactly the matching subscribers, once, from a job; re-publishing sends nothing', async () => {
  const a = await subscriber('email', ['disaster'], ['mizusawa'], 1);
  const b = await subscriber('email', ['disaster', 'events'], ['esashi'], 2);
  const c = await subscriber('push', ['events'], ['mizusawa'], 3);
  const d = await subscriber('line', ['disaster'], ['mizusawa', 'esashi'], 4);
  // Not active: never confirmed, and unsubscribed.
  await createSubscription(ctx(), null, { channel: 'email', categories: ['disaster'], areas: ['mizusawa'], email: 'pending@example.jp' }, null);
  const gone = await subscriber('email', ['disaster'], ['mizusawa'], 5);
  await unsubscribeByToken(ctx(), gone.token, null);
  await t.platform.jobs.drain(); // the confirmation emails
  const mark = t.notifier.sent.length;

  const id = await writeArticle();
  const draft = await admin.get(`/staff/app/news/${id}`);
  assert.match(draft.body, /下書き/);
  assert.equal((await t.app.inject(`/app/news/${id}`)).statusCode, 404, 'a draft is not public');
  const preview = await admin.get(`/staff/app/news/${id}/preview`);
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /河川敷に近づかないでください。/);

  const published = await admin.post(`/staff/app/news/${id}/publish`);
  assert.equal(published.statusCode, 303);
  assert.equal(sentSince(mark).length, 0, 'nothing is sent in the request');
  await t.platform.jobs.drain();
  const sent = sentSince(mark);
  assert.deepEqual(sent.map((m) => m.to).sort(), [a.address, d.address].sort(), 'only the disaster × mizusawa subscribers');
  assert.deepEqual(sent.map((m) => m.idempotencyKey).sort(), [`app:article:${id}:${a.id}`, `app:article:${id}:${d.id}`].sort());
  const email = sent.find((m) => m.channel === 'email')!;
  assert.match(email.subject!, /胆沢川の増水に注意/);
  assert.match(email.body, new RegExp(`http://localhost:3000/app/news/${id}`));
  assert.match(email.body, new RegExp(`配信の停止: http://localhost:3000/app/unsubscribe/${a.token}`), 'every email says how to stop');
  assert.match(sent.find((m) => m.channel === 'line')!.body, /【ぽちっと奥州・防災・水沢】胆沢川の増水に注意/);

  // Unpublish, publish again, and run the fan-out once more by hand: nothing more is sent.
  assert.equal((await admin.post(`/staff/app/news/${id}/unpublish`)).statusCode, 303);
  assert.equal((await t.app.inject(`/app/news/${id}`)).statusCode, 404);
  await admin.post(`/staff/app/news/${id}/publish`);
  await t.platform.jobs.drain();
  assert.equal((await fanOutBatch(ctx(), 'article', id, '')).sent, 0);
  assert.equal(sentSince(mark).length, 2);
  assert.equal((await t.app.inject(`/app/news/${id}`)).statusCode, 200);

  // An article for the whole city reaches every area that chose its category.
  const mark2 = t.notifier.sent.length;
  const city = await writeArticle({ title: '市民まつりのお知らせ', category: 'events', area: 'all' });
  await admin.post(`/staff/app/news/${city}/publish`);
  await t.platform.jobs.drain();
  assert.deepEqual(sentSince(mark2).map((m) => m.to).sort(), [b.address, c.address].sort());
  const pushMessage = sentSince(mark2).find((m) => m.channel === 'push')!;
  assert.deepEqual(JSON.parse(pushMessage.body), { title: pushMessage.subject, body: '市民まつりのお知らせ\n上流の雨で水位が上がっています。', url: `http://localhost:3000/app/news/${city}`, tag: `article-${city}` });

  const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'target_id']).where('target_id', '=', id).orderBy('seq').execute();
  assert.deepEqual(audit.map((r) => r.action), ['app.article.created', 'app.article.published', 'app.article.unpublished', 'app.article.published']);
});

test('a scheduled article is published by its job when the time comes, and notifies then', async () => {
  const sub = await subscriber('email', ['health'], ['isawa'], 20);
  const id = await writeArticle({ title: '特定健診のお知らせ（胆沢）', category: 'health', area: 'isawa' });
  const at = new Date(now.getTime() + 3600_000);
  const jst = new Date(at.getTime() + 9 * 3600_000);
  const form = { date: jst.toISOString().slice(0, 10), time: `${jst.getUTCHours()}:${String(jst.getUTCMinutes()).padStart(2, '0')}` };
  const past = await admin.post(`/staff/app/news/${id}/schedule`, { ...form, date: '2020-01-01' });
  assert.equal(past.statusCode, 400);
  assert.match(past.body, /公開日時は今より後にしてください/);
  const bad = await admin.post(`/staff/app/news/${id}/schedule`, { date: '令和99年13月1日', time: '25:00' });
  assert.equal(bad.statusCode, 400);
  assert.equal((await admin.post(`/staff/app/news/${id}/schedule`, form)).statusCode, 303);
  const row = await db().selectFrom('app_articles').select(['status', 'publish_at']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.status, 'scheduled');
  assert.equal(Math.floor(row.publish_at!.getTime() / 60000), Math.floor(at.getTime() / 60000));
  const job = await t.db.kysely.selectFrom('jobs').select(['run_at', 'state']).where('queue', '=', 'app.publish').where('payload', '@>', JSON.stringify({ id }) as never).executeTakeFirstOrThrow();
  assert.equal(job.run_at.getTime(), row.publish_at!.getTime(), 'the job runs at the publication time');

  await t.platform.jobs.drain();
  assert.equal((await t.app.inject(`/app/news/${id}`)).statusCode, 404, 'not before its time');
  assert.ok(!(await t.app.inject('/app/news?category=health')).body.includes('特定健診のお知らせ（胆沢）'));

  const mark = t.notifier.sent.length;
  now = new Date(at.getTime() + 60_000);
  await sql`UPDATE jobs SET run_at = now() WHERE queue = 'app.publish' AND state = 'queued' AND payload->>'id' = ${id}`.execute(t.db.kysely);
  await t.platform.jobs.drain();
  assert.equal((await t.app.inject(`/app/news/${id}`)).statusCode, 200);
  assert.deepEqual(sentSince(mark).map((m) => m.to), [sub.address]);
  const published = await db().selectFrom('app_articles').select(['status', 'published_at']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(published.status, 'published');
  assert.equal(published.published_at!.getTime(), now.getTime(), 'published at the (moved) clock’s time');
});

test('resident list and article pages, filters, feeds and the JSON API show only what is published', async () => {
  const list = await t.app.inject('/app/news?category=tourism&area=esashi');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /えさし藤原の郷 秋の特別公開/);
  assert.ok(!list.body.includes('奥州湖（胆沢ダム）'), 'another area is filtered out');
  assert.ok(!list.body.includes('図書館の臨時休館'), 'drafts never show');
  const all = await t.app.inject('/app/news?area=koromogawa');
  assert.match(all.body, /奥州市防災マップ/, 'an area includes the whole-city news');

  for (const path of ['/app/feed.rss', '/app/feed.atom', '/app/feed.rss?category=disaster&area=mizusawa']) {
    const feed = await t.app.inject(path);
    assert.equal(feed.statusCode, 200, path);
    assert.equal(xmlProblem(feed.body), null, `${path} is well-formed XML`);
    assert.ok(!feed.body.includes('図書館の臨時休館'));
  }
  const rss = await t.app.inject('/app/feed.rss');
  assert.match(String(rss.headers['content-type']), /^application\/rss\+xml/);
  assert.match(rss.body, /<rss version="2.0"/);
  assert.match(rss.body, /<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT<\/pubDate>/);
  const atom = await t.app.inject('/app/feed.atom');
  assert.match(String(atom.headers['content-type']), /^application\/atom\+xml/);
  assert.match(atom.body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
  assert.match(atom.body, /<updated>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z<\/updated>/);

  const api = await t.app.inject('/api/app/news?category=childcare&limit=3');
  assert.equal(api.statusCode, 200);
  const body = api.json();
  assert.ok(body.total >= 4);
  assert.equal(body.items.length, 3);
  assert.ok(body.items.every((i: { category: string }) => i.category === 'childcare'));
  const one = await t.app.inject(`/api/app/news/${body.items[0].id}`);
  assert.equal(one.statusCode, 200);
  assert.equal(one.json().categoryLabel, '子育て');
  assert.ok(one.json().body.length > 10);
  assert.equal((await t.app.inject('/api/app/news?category=weather')).statusCode, 400);
  const draft = await db().selectFrom('app_articles').select('id').where('status', '=', 'draft').executeTakeFirstOrThrow();
  assert.equal((await t.app.inject(`/api/app/news/${draft.id}`)).statusCode, 404);
  const doc = (await t.app.inject('/api/openapi.json')).json();
  assert.ok(doc.paths['/api/app/news'].get);
  assert.ok(doc.paths['/api/app/news/{id}'].get);

  const article = await t.app.inject(`/app/news/${body.items[0].id}`);
  assert.match(article.body, /rel="manifest" href="\/app\/manifest.webmanifest"/);
  assert.match(article.body, /src="\/app\/app.js"/);
});

test('images are checked by content and shown only once their article is published', async () => {
  const fake = await postMultipart(t, admin, '/staff/app/news', { title: '画像つき', summary: '', body: '本文', category: 'events', area: 'esashi', imageAlt: '写真' }, { name: 'photo.png', field: 'image', type: 'image/png', bytes: Buffer.from('MZ this is not an image') });
  assert.equal(fake.statusCode, 415);
  assert.match(fake.body, /value="画像つき"/, 'what was typed is kept');
  const noAlt = await postMultipart(t, admin, '/staff/app/news', { title: '画像つき', summary: '', body: '本文', category: 'events', area: 'esashi', imageAlt: '' }, { name: 'photo.png', field: 'image', type: 'image/png', bytes: drawIcon(32) });
  assert.equal(noAlt.statusCode, 400);
  assert.match(noAlt.body, /画像の説明を入力してください/);
  const id = await writeArticle({ title: '画像つきのお知らせ', category: 'events', area: 'esashi', imageAlt: '奥州市のマーク' }, { name: 'mark.png', field: 'image', type: 'image/png', bytes: drawIcon(32) });
  const fileId = (await db().selectFrom('app_articles').select('image_file_id').where('id', '=', id).executeTakeFirstOrThrow()).image_file_id!;
  assert.equal((await t.app.inject(`/app/images/${fileId}`)).statusCode, 404, 'not public while a draft');
  assert.equal((await admin.get(`/app/images/${fileId}`)).statusCode, 200, 'the editor sees it in the preview');
  await admin.post(`/staff/app/news/${id}/publish`);
  const image = await t.app.inject(`/app/images/${fileId}`);
  assert.equal(image.statusCode, 200);
  assert.equal(image.headers['content-type'], 'image/png');
  const page = await t.app.inject(`/app/news/${id}`);
  assert.match(page.body, new RegExp(`<img class="chart-svg" src="/app/images/${fileId}" alt="奥州市のマーク"`));
  // Another service's upload is not reachable through the app's image route.
  const other = await t.platform.files.save({ bytes: drawIcon(16), originalName: 'x.png', owner: { type: 'registry-import', id: 'x' }, allowed: ['image/png'] });
  assert.equal((await admin.get(`/app/images/${other.id}`)).statusCode, 404);
});

test('only the DX office reaches the news desk: residents are sent to the staff login, other departments get 403', async () => {
  const anonymous = await t.app.inject('/staff/app');
  assert.equal(anonymous.statusCode, 303);
  assert.match(String(anonymous.headers.location), /^\/staff\/login/);
  const resident = t.browser();
  await resident.loginResident('demo-05', 'password');
  for (const path of ['/staff/app', '/staff/app/news/new', '/staff/app/disaster']) {
    const r = await resident.get(path);
    assert.equal(r.statusCode, 303, path);
    assert.match(String(r.headers.location), /^\/staff\/login/);
  }
  const zeimu = t.browser();
  await zeimu.loginStaff('zeimu.tanto');
  const article = await db().selectFrom('app_articles').select('id').where('status', '=', 'draft').executeTakeFirstOrThrow();
  for (const path of ['/staff/app', '/staff/app/news/new', `/staff/app/news/${article.id}`, `/staff/app/news/${article.id}/preview`, '/staff/app/disaster']) {
    assert.equal((await zeimu.get(path)).statusCode, 403, path);
  }
  assert.equal((await zeimu.post(`/staff/app/news/${article.id}/publish`)).statusCode, 403);
  assert.equal((await zeimu.post('/staff/app/disaster/on', { message: '訓練' })).statusCode, 403);
  assert.equal((await db().selectFrom('app_articles').select('status').where('id', '=', article.id).executeTakeFirstOrThrow()).status, 'draft');
  const home = await zeimu.get('/staff');
  assert.ok(!home.body.includes('/staff/app'), 'the menu is not offered to other departments');
  assert.match((await admin.get('/staff')).body, /href="\/staff\/app"/);
  assert.equal((await admin.get('/staff/app')).statusCode, 200);
});
