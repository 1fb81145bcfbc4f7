import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ registry: false, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
});
after(() => t.close());

test('login attempts from one address are rate limited, with a page that says to wait', async () => {
  const b = t.browser();
  await b.get('/staff/login');
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push((await b.post('/staff/login', { loginId: `guess${i}`, password: 'guess-password', next: '' })).statusCode);
  assert.deepEqual(statuses, [401, 401, 401, 429]);
  assert.match(b.lastHtml, /しばらくお待ちください/);
  assert.match(b.lastHtml, /1分ほど待ってから/);
});
