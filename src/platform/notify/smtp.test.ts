/** Email over real SMTP: the app talks to an SMTP server (smtp-server) started by this test. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { settle } from './notify-test-kit.ts';
import { parseMail } from './simulators/mime.ts';

const received: { from: string; to: string[]; raw: Buffer }[] = [];
let server: SMTPServer;
let t: TestApp;

before(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    closeTimeout: 200,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('gone@')) return callback(Object.assign(new Error('5.1.1 no such user'), { responseCode: 550 }));
      if (address.address.startsWith('busy@')) return callback(Object.assign(new Error('4.2.1 mailbox busy, try later'), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  t = await createTestApp({ registry: false, realNotify: true, env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: '奥州市 <noreply@city.oshu.example>' } });
});
after(async () => {
  await t.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('an email is received by a real SMTP server with its Japanese subject and body intact', async () => {
  const { id } = await t.platform.notifier.send({ channel: 'email', to: 'hanako@example.jp', subject: '【奥州市】お問い合わせへの回答', body: 'お問い合わせありがとうございました。\n窓口は8時30分からです。', source: 'test' });
  await settle(t.platform.notify.db, t.platform.jobs);
  assert.equal(received.length, 1);
  const mail = parseMail(received[0]!.raw);
  assert.deepEqual(received[0]!.to, ['hanako@example.jp']);
  assert.equal(received[0]!.from, 'noreply@city.oshu.example');
  assert.equal(mail.subject, '【奥州市】お問い合わせへの回答');
  assert.equal(mail.text, 'お問い合わせありがとうございました。\n窓口は8時30分からです。');
  assert.equal(mail.headers.get('message-id'), `<${id}@notify.oshu-dx>`, 'our id travels as the Message-ID');
  const row = await t.platform.notify.db.selectFrom('notify_messages').select(['status', 'provider']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { status: 'delivered', provider: 'smtp' });
  assert.equal(await t.platform.notify.db.selectFrom('notify_simulator_inbox').select('id').executeTakeFirst(), undefined, 'the simulator sink was not used');
});

test('a 5xx SMTP answer fails the message for good; a 4xx one is retried', async () => {
  const gone = await t.platform.notifier.send({ channel: 'email', to: 'gone@example.jp', subject: 's', body: 'b' });
  const busy = await t.platform.notifier.send({ channel: 'email', to: 'busy@example.jp', subject: 's', body: 'b' });
  await t.platform.jobs.drain();
  const status = (id: string) => t.platform.notify.db.selectFrom('notify_messages').select(['status', 'failure_reason', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(await status(gone.id), { status: 'failed', failure_reason: 'SMTP 550', attempts: 1 });
  assert.deepEqual(await status(busy.id), { status: 'temporary-failure', failure_reason: 'SMTP 451', attempts: 1 });
});
