import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { LoggingNotifier, maskAddress } from './notifier.ts';

test('the logging notifier records each message once per idempotency key and logs no personal data', async () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const notifier = new LoggingNotifier(pino({ level: 'info' }, sink));
  const first = await notifier.send({ channel: 'sms', to: '09012345678', body: '佐藤様 明日の予約です', idempotencyKey: 'k1' });
  const again = await notifier.send({ channel: 'sms', to: '09012345678', body: '佐藤様 明日の予約です', idempotencyKey: 'k1' });
  await notifier.send({ channel: 'email', to: 'hanako@example.jp', subject: '受付', body: '本文' });
  assert.equal(first.id, again.id);
  assert.equal(notifier.sent.length, 2);
  const logged = lines.join('');
  assert.ok(!logged.includes('佐藤'), 'message bodies are not logged');
  assert.ok(!logged.includes('09012345678'));
  assert.match(logged, /090\*\*\*\*78/);
  assert.equal(maskAddress('hanako@example.jp'), 'h***@example.jp');
});
