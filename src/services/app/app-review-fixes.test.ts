/**
 * Regressions found in review: one subscriber Notify refuses must not stop the
 * fan-out for everyone after it; subscriptions Notify could never send to are refused
 * when saved; malformed ids are 404, not 500.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { appContext } from './app-context.ts';
import { publishArticle } from './news-service.ts';
import { appDb } from './tables.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ realNotify: true });
});
after(() => t.close());

test('a push subscription Notify could not send to is refused when saved', async () => {
  const b = t.browser();
  await b.get('/app/subscribe');
  const bad = await b.json('POST', '/app/push/subscriptions', {
    subscription: { endpoint: 'https://fcm.googleapis.com/fcm/send/abc', keys: { p256dh: 'B'.repeat(40), auth: 'abcdefghijkl' } },
    categories: ['disaster'],
    areas: ['isawa'],
  });
  assert.equal(bad.statusCode, 400);
});

test('a subscriber Notify refuses is skipped; everyone after it still gets the article, once', async () => {
  const db = appDb(t.db.kysely);
  // A bad address saved before the stricter check (or by hand) comes first in id order.
  const rows = [{ channel: 'push', address: '{"endpoint":"https://fcm.googleapis.com/x","keys":{"p256dh":"short","auth":"short"}}' }, ...Array.from({ length: 4 }, (_, i) => ({ channel: 'line', address: `U${String(i).padStart(32, '0')}` }))];
  for (const [i, r] of rows.entries()) {
    await db
      .insertInto('app_subscribers')
      .values({ id: `00000000-0000-4000-8000-00000000000${i}`, channel: r.channel, address: r.address, status: 'active', token: `review-${i}`.padEnd(43, 'x'), categories: ['disaster'], areas: ['isawa'], confirmed_at: new Date() } as never)
      .execute();
  }
  const id = crypto.randomUUID();
  await db.insertInto('app_articles').values({ id, title: '長い見出し'.repeat(24), summary: '避難所を開設しました', body: '本文', category: 'disaster', area: 'all', image_file_id: null, image_alt: '', created_by: null, updated_by: null, updated_at: new Date() } as never).execute();
  await publishArticle(appContext(t.platform), 'system', id, null);
  for (let i = 0; i < 3; i++) await t.platform.jobs.drain();
  const fanout = await t.db.kysely.selectFrom('jobs').select(['state']).where('queue', '=', 'app.fanout').execute();
  assert.ok(fanout.length > 0 && fanout.every((j) => j.state === 'done'), JSON.stringify(fanout));
  const delivered = await db.selectFrom('app_deliveries').select('subscriber_id').where('ref', '=', id).execute();
  assert.deepEqual(delivered.map((d) => d.subscriber_id).sort(), rows.slice(1).map((_, i) => `00000000-0000-4000-8000-00000000000${i + 1}`));
});

test('malformed ids are 404, not a database error', async () => {
  for (const url of ['/app/news/------------------------------------', '/api/app/news/------------------------------------', '/app/images/------------------------------------']) {
    assert.equal((await t.app.inject(url)).statusCode, 404, url);
  }
});
