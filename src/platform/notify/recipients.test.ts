import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateOutgoing } from './message-rules.ts';
import { normaliseRecipient, toE164 } from './recipients.ts';
import { quietHoursEnd } from './quiet-hours.ts';
import { SendRateLimiter } from './rate-limiter.ts';
import { hexSignature, lineSignature, verifyHexSignature, verifyLineSignature } from './signatures.ts';
import { decodeHeaderValue, parseMail } from './simulators/mime.ts';

test('Japanese numbers as people write them become E.164; what cannot be a number is refused', () => {
  assert.equal(toE164('090-1234-5678'), '+819012345678');
  assert.equal(toE164('０９０（１２３４）５６７８'), '+819012345678', 'full-width digits and brackets');
  assert.equal(toE164('+81 90 1234 5678'), '+819012345678');
  assert.equal(toE164('0197-24-2111'), '+81197242111', 'a landline in Oshu');
  assert.equal(toE164('050-1234-5678'), '+815012345678');
  for (const bad of ['', '12345', '090-1234-567', '090-1234-56789', '+1 415 555 0100', 'abc', '0000000000']) assert.equal(toE164(bad), null, bad);
  assert.deepEqual(normaliseRecipient('sms', '090 1234 5678'), { ok: true, recipient: '+819012345678' });
  assert.deepEqual(normaliseRecipient('sms', '03-12'), { ok: false, messageKey: 'notify.error.phone' });
});

test('email addresses, LINE ids and push subscriptions are checked and normalised', () => {
  assert.deepEqual(normaliseRecipient('email', ' Hanako@Example.JP '), { ok: true, recipient: 'Hanako@example.jp' });
  assert.deepEqual(normaliseRecipient('email', 'taro@奥州.jp'), { ok: true, recipient: 'taro@xn--husy7h.jp' }, 'Japanese domain → punycode');
  for (const bad of ['hanako', 'a@b', '@example.jp', 'a..b@example.jp', 'a b@example.jp', 'a@exa mple.jp', 'a@-x.jp']) {
    assert.equal(normaliseRecipient('email', bad).ok, false, bad);
  }
  assert.equal(normaliseRecipient('line', `U${'a'.repeat(32)}`).ok, true);
  assert.equal(normaliseRecipient('line', 'U123').ok, false);
  const p256dh = Buffer.alloc(65, 4).toString('base64url');
  const auth = Buffer.alloc(16, 1).toString('base64url');
  assert.equal(normaliseRecipient('push', JSON.stringify({ endpoint: 'https://push.example/x', keys: { p256dh, auth } })).ok, true);
  assert.equal(normaliseRecipient('push', JSON.stringify({ endpoint: 'http://push.example/x', keys: { p256dh, auth } })).ok, false, 'push services are https');
  assert.equal(normaliseRecipient('push', '{"endpoint":"https://push.example/x"}').ok, false);
  assert.equal(normaliseRecipient('push', 'not json').ok, false);
});

test('oversize messages are refused with the reason, never cut', () => {
  const ok = validateOutgoing({ channel: 'sms', to: '09012345678', body: 'あ'.repeat(670) });
  assert.deepEqual(ok, { ok: true, recipient: '+819012345678', segments: 10 });
  const tooLong = validateOutgoing({ channel: 'sms', to: '09012345678', body: 'あ'.repeat(671) });
  assert.equal(tooLong.ok, false);
  assert.deepEqual(!tooLong.ok && tooLong.errors.map((e) => [e.field, e.messageKey, e.params?.segments]), [['body', 'notify.error.smsTooLong', 11]]);
  const mail = validateOutgoing({ channel: 'email', to: 'x@example.jp', body: 'b' });
  assert.deepEqual(!mail.ok && mail.errors.map((e) => e.field), ['subject'], 'email needs a subject');
  const header = validateOutgoing({ channel: 'email', to: 'x@example.jp', subject: 'a\r\nBcc: y@example.jp', body: 'b' });
  assert.deepEqual(!header.ok && header.errors.map((e) => e.field), ['subject'], 'no header injection');
  const line = validateOutgoing({ channel: 'line', to: `U${'a'.repeat(32)}`, body: 'x'.repeat(5001) });
  assert.equal(line.ok, false);
  const both = validateOutgoing({ channel: 'sms', to: 'nope', body: '' });
  assert.deepEqual(!both.ok && both.errors.map((e) => e.field), ['to', 'body']);
});

test('quiet hours: 21:00–8:00 Japan time waits until 8:00; outside it, no wait', () => {
  const at = (iso: string) => new Date(iso);
  assert.equal(quietHoursEnd(at('2026-04-01T22:30:00+09:00'), 21, 8)?.toISOString(), at('2026-04-02T08:00:00+09:00').toISOString());
  assert.equal(quietHoursEnd(at('2026-04-02T03:00:00+09:00'), 21, 8)?.toISOString(), at('2026-04-02T08:00:00+09:00').toISOString());
  assert.equal(quietHoursEnd(at('2026-04-02T08:00:00+09:00'), 21, 8), null);
  assert.equal(quietHoursEnd(at('2026-04-02T20:59:59+09:00'), 21, 8), null);
  assert.equal(quietHoursEnd(at('2026-04-02T13:00:00+09:00'), 12, 14)?.toISOString(), at('2026-04-02T14:00:00+09:00').toISOString(), 'a daytime window');
  assert.equal(quietHoursEnd(at('2026-04-02T03:00:00+09:00'), 8, 8), null, 'equal hours: no quiet period');
});

test('the rate limiter lets a second’s burst go, then hands out later slots instead of blocking', () => {
  let now = 0;
  const limiter = new SendRateLimiter(() => 10, () => now);
  const waits = Array.from({ length: 13 }, () => limiter.reserve('sms'));
  assert.deepEqual(waits.slice(0, 10), Array(10).fill(0));
  assert.deepEqual(waits.slice(10).map(Math.round), [100, 200, 300]);
  now = 5000;
  assert.equal(limiter.reserve('sms'), 0, 'tokens come back with time');
  assert.equal(limiter.reserve('email'), 0, 'each provider has its own bucket');
});

test('a forged or altered LINE signature is rejected; the exact one passes', () => {
  const secret = 'channel-secret';
  const body = '{"events":[{"type":"follow"}]}';
  const signature = lineSignature(secret, body);
  assert.equal(verifyLineSignature(secret, body, signature), true);
  assert.equal(verifyLineSignature(secret, Buffer.from(body), signature), true, 'raw bytes work too');
  assert.equal(verifyLineSignature(secret, body.replace('follow', 'unfollow'), signature), false, 'altered body');
  assert.equal(verifyLineSignature('other-secret', body, signature), false, 'signed with another secret');
  assert.equal(verifyLineSignature(secret, body, lineSignature('forger', body)), false, 'forged');
  assert.equal(verifyLineSignature(secret, body, undefined), false);
  assert.equal(verifyLineSignature(secret, body, `${signature}x`), false);
  assert.equal(verifyLineSignature(secret, body, ['a', 'b']), false);
  assert.equal(verifyHexSignature('k', body, hexSignature('k', body)), true);
  assert.equal(verifyHexSignature('k', body, hexSignature('j', body)), false);
});

test('received mail is decoded: encoded-word subjects, base64 / quoted-printable bodies, ISO-2022-JP', () => {
  assert.equal(decodeHeaderValue('=?UTF-8?B?5aWl5bee5biC?= =?UTF-8?Q?=E3=81=8A=E7=9F=A5=E3=82=89=E3=81=9B?='), '奥州市お知らせ');
  const raw = Buffer.from(
    ['Subject: =?ISO-2022-JP?B?GyRCMX04Qk5fGyhC?=', 'Message-ID: <m1@x>', 'Content-Type: multipart/alternative; boundary="b1"', '', '--b1', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '', '=E7=B4=8D=E7=A8=8E=', '=E3=81=AE=E3=81=8A=E7=9F=A5=E3=82=89=E3=81=9B', '--b1', 'Content-Type: text/html', '', '<p>x</p>', '--b1--', ''].join('\r\n'),
  );
  const mail = parseMail(raw);
  assert.equal(mail.headers.get('message-id'), '<m1@x>');
  assert.equal(mail.text, '納税のお知らせ');
  assert.ok(mail.subject.length > 0);
});
