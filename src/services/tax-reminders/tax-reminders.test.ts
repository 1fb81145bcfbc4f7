import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import { encodeShiftJis } from '../../platform/testing/shift-jis.ts';
import { SIGNATURE_HEADER } from '../../platform/payments/simulator-provider.ts';
import { paymentsDb } from '../../platform/payments/payment-tables.ts';
import { addDays, japanInstant, todayInJapan } from '../../platform/time/today.ts';
import { runSendJob } from './campaign-service.ts';
import { taxRemindersDb } from './tables.ts';
import { DEMO_TEMPLATE } from './template-service.ts';

const TODAY = todayInJapan();
const clock = { now: japanInstant(TODAY, 10 * 3600) };
let t: TestApp;
let clerk: BrowserSession;
let manager: BrowserSession;
let transport: BrowserSession;
before(async () => {
  t = await createTestApp({ now: () => clock.now });
  clerk = t.browser();
  await clerk.loginStaff('zeimu.tanto');
  manager = t.browser();
  await manager.loginStaff('zeimu.kacho');
  transport = t.browser();
  await transport.loginStaff('kotsu.tanto');
});
after(() => t.close());

const HEADER = '納税義務者番号,氏名,電話番号,税目,年度,期別,金額,納期限';
const ROWS = [
  '200001,奥州 花子,090-1234-5678,市県民税,令和7年度,第3期,"12,300",令和7年12月25日',
  '200002,水沢 一郎,０８０１１１１２２２２,固定資産税,R7,3期,45000円,2025-12-26',
  '200003,江刺 太郎,0197-24-2111,軽自動車税,2025,全期,7200,R7.5.31', // landline: refused
  '200004,前沢 次郎,07033334444,住民票,2025,全期,7200,R7.5.31', // unknown tax: refused
  `200005,胆沢 三郎,07055556666,国民健康保険税,令和7年度,第4期,9800,${addDays(TODAY, 10)}`, // not overdue: refused
  '200006,衣川 四郎,07077778888,国民健康保険税,令和7年度,第4期,9800,令和7年10月31日',
];

function multipart(session: BrowserSession, fields: Record<string, string>, file: { name: string; bytes: Buffer } | null) {
  const boundary = '----oshu' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${session.csrf}\r\n`)];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { boundary, payload: Buffer.concat(parts) };
}

async function upload(session: BrowserSession, bytes: Buffer, fields: Partial<{ title: string; body: string }> = {}) {
  await session.get('/staff/tax-reminders/new');
  const { boundary, payload } = multipart(session, { title: fields.title ?? '市県民税 第3期 督促', body: fields.body ?? DEMO_TEMPLATE.body }, { name: 'taikin.csv', bytes });
  return t.app.inject({
    method: 'POST',
    url: '/staff/tax-reminders/new',
    headers: { cookie: [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

const campaignIdOf = (location: unknown) => /\/staff\/tax-reminders\/campaigns\/([0-9a-f-]{36})/.exec(String(location))![1]!;
const audits = (action: string) => t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
const recipients = (campaignId: string) => taxRemindersDb(t.db.kysely).selectFrom('tax_reminder_recipients').selectAll().where('campaign_id', '=', campaignId).orderBy('row_number').execute();

async function sendNow() {
  await sql`UPDATE jobs SET run_at = now() WHERE queue = 'tax-reminders.send'`.execute(t.db.kysely);
  await t.platform.jobs.drain();
}

let campaignId = '';

describe('uploading the overdue-taxpayer CSV', () => {
  test('a Shift_JIS file: good rows become recipients, each bad row is reported, with a downloadable report', async () => {
    const bytes = encodeShiftJis([HEADER, ...ROWS].join('\r\n') + '\r\n');
    const response = await upload(clerk, bytes);
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    const flash = decodeURIComponent(String(response.headers['set-cookie']));
    assert.match(flash, /"key":"tax.new.done","params":\{"recipients":3,"problems":3\}/);
    campaignId = campaignIdOf(response.headers.location);
    const page = await clerk.get(`/staff/tax-reminders/campaigns/${campaignId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /taikin\.csv（Shift_JIS）/);
    assert.match(page.body, /データ6行：送信対象3件、誤り3件/);
    assert.match(page.body, /携帯電話の番号（070・080・090）ではないため/);
    assert.match(page.body, /税目が不明です/);
    assert.match(page.body, /納期限がまだ過ぎていないため/);
    // The preview: every placeholder filled, with the length and segment count.
    assert.match(page.body, /奥州 花子様 奥州市税務課です。令和7年度市県民税第3期分（納期限令和7年12月25日）12,300円の納付が確認できていません。/);
    assert.match(page.body, /\d+文字・\d+通/);
    assert.match(page.body, /送信には税務課の課長の承認が必要です/, 'a clerk prepares but does not send');
    assert.doesNotMatch(page.body, /action="\/staff\/tax-reminders\/campaigns\/[^"]+\/send"/);

    const rows = await recipients(campaignId);
    assert.deepEqual(rows.map((r) => [r.row_number, r.taxpayer_number, r.phone, r.amount_yen, r.due_date]), [
      [2, '200001', '09012345678', 12300, '2025-12-25'],
      [3, '200002', '08011112222', 45000, '2025-12-26'],
      [7, '200006', '07077778888', 9800, '2025-10-31'],
    ]);
    const link = /href="(\/staff\/tax-reminders\/campaigns\/[^"]+\/problems\.csv)"/.exec(page.body)![1]!;
    const report = await clerk.get(link);
    assert.equal(report.statusCode, 200);
    assert.match(String(report.headers['content-type']), /text\/csv/);
    assert.match(report.body, /^\uFEFF行,項目,入力値,内容\n4,電話番号,0197-24-2111,携帯電話の番号/);
    assert.match(report.body, /^5,税目,住民票,/m);
    assert.match(report.body, /^6,納期限,/m);
    const created = (await audits('tax-reminders.campaign.created')).find((a) => a.target_id === campaignId)!;
    assert.deepEqual({ ...created.details, sha256: undefined }, { file: 'taikin.csv', sha256: undefined, encoding: 'shift_jis', rows: 6, recipients: 3, problems: 3 });
    assert.ok((await audits('tax-reminders.problems.downloaded')).some((a) => a.target_id === campaignId));
    assert.ok((await audits('tax-reminders.campaign.viewed')).some((a) => a.target_id === campaignId));
  });

  test('a UTF-8 file with a BOM reads the same', async () => {
    const response = await upload(clerk, Buffer.from('\uFEFF' + [HEADER, ...ROWS].join('\n')), { title: 'UTF-8' });
    assert.equal(response.statusCode, 303);
    const id = campaignIdOf(response.headers.location);
    assert.deepEqual((await recipients(id)).map((r) => r.taxpayer_number), ['200001', '200002', '200006']);
    const page = await clerk.get(`/staff/tax-reminders/campaigns/${id}`);
    assert.match(page.body, /UTF-8（BOM付き）/);
  });

  test('an unknown placeholder is a clear error and nothing is created; a file that is not text is refused', async () => {
    const before = await taxRemindersDb(t.db.kysely).selectFrom('tax_reminder_campaigns').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const response = await upload(clerk, Buffer.from([HEADER, ...ROWS].join('\n')), { body: '((氏名))様 ((住所))宛 ((納付リンク))' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /使えない差し込み項目があります：\(\(住所\)\)。使えるのは \(\(氏名\)\)、/);
    assert.match(response.body, /\(\(住所\)\)宛/, 'what was typed is kept');
    const binary = await upload(clerk, Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]));
    assert.equal(binary.statusCode, 415);
    assert.match(binary.body, /CSV（文字のファイル）ではありません/);
    const missing = await upload(clerk, Buffer.from('番号,名前\n1,a\n'));
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /必要な列がありません：納税義務者番号、電話番号/);
    const after = await taxRemindersDb(t.db.kysely).selectFrom('tax_reminder_campaigns').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  test('editing the text: unknown placeholders and oversize messages are refused and not saved', async () => {
    const url = `/staff/tax-reminders/campaigns/${campaignId}/text`;
    await clerk.get(`/staff/tax-reminders/campaigns/${campaignId}`);
    const unknown = await clerk.post(url, { body: '((氏名))様 ((税額))円 ((納付リンク))' });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /使えない差し込み項目があります：\(\(税額\)\)/);
    const oversize = await clerk.post(url, { body: `((氏名))様 ${'納付をお願いします。'.repeat(70)} ((納付リンク))` });
    assert.equal(oversize.statusCode, 400);
    assert.match(oversize.body, /3件の文面が10通を超えます（最長は\d+行目：\d+文字・\d+通）/);
    const noLink = await clerk.post(url, { body: '((氏名))様 納付してください' });
    assert.match(noLink.body, /文面に \(\(納付リンク\)\) を入れてください/);
    const campaign = await taxRemindersDb(t.db.kysely).selectFrom('tax_reminder_campaigns').select('body').where('id', '=', campaignId).executeTakeFirstOrThrow();
    assert.equal(campaign.body, DEMO_TEMPLATE.body);
    const ok = await clerk.post(url, { body: DEMO_TEMPLATE.body.replace('奥州市税務課です。', '奥州市税務課からのお知らせです。') });
    assert.equal(ok.statusCode, 303);
    assert.ok((await audits('tax-reminders.campaign.text-changed')).some((a) => a.target_id === campaignId));
  });

  test('saved templates are checked the same way', async () => {
    await clerk.get('/staff/tax-reminders/templates');
    const bad = await clerk.post('/staff/tax-reminders/templates', { name: '長い文面', body: `((氏名))様 ${'お知らせ'.repeat(200)} ((納付リンク))` });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /10通を超えます/);
    const good = await clerk.post('/staff/tax-reminders/templates', { name: '短い文面', body: '((氏名))様 ((税目))((金額))円が未納です。((納付リンク))' });
    assert.equal(good.statusCode, 303);
    const list = await clerk.get('/staff/tax-reminders/templates');
    assert.match(list.body, /短い文面/);
    assert.match(list.body, /市税の納付のお願い（標準）/, 'the demo template');
  });
});

describe('who may do what', () => {
  test('staff of other departments get 403; a clerk cannot send', async () => {
    assert.equal((await transport.get('/staff/tax-reminders')).statusCode, 403);
    assert.equal((await transport.get('/staff/tax-reminders/new')).statusCode, 403);
    assert.equal((await transport.get(`/staff/tax-reminders/campaigns/${campaignId}`)).statusCode, 403);
    assert.equal((await transport.get(`/staff/tax-reminders/campaigns/${campaignId}/results.csv`)).statusCode, 403);
    assert.equal((await transport.json('GET', `/api/tax-reminders/campaigns/${campaignId}`)).statusCode, 403);
    assert.equal((await upload(transport, Buffer.from([HEADER, ...ROWS].join('\n')))).statusCode, 403);
    await transport.get('/staff');
    assert.equal((await transport.post(`/staff/tax-reminders/campaigns/${campaignId}/send`, { sendAt: '', confirmed: '1' })).statusCode, 403);
    assert.doesNotMatch((await transport.get('/staff')).body, /href="\/staff\/tax-reminders"/);
    assert.match((await clerk.get('/staff')).body, /href="\/staff\/tax-reminders"/);
    await clerk.get(`/staff/tax-reminders/campaigns/${campaignId}`);
    assert.equal((await clerk.post(`/staff/tax-reminders/campaigns/${campaignId}/send`, { sendAt: '', confirmed: '1' })).statusCode, 403);
  });

  test('residents and strangers get 404 (or the staff login), never a campaign', async () => {
    const resident = t.browser();
    await resident.loginResident('demo-01');
    assert.equal((await resident.json('GET', `/api/tax-reminders/campaigns/${campaignId}`)).statusCode, 404);
    const staffPage = await resident.get(`/staff/tax-reminders/campaigns/${campaignId}`);
    assert.ok([302, 303].includes(staffPage.statusCode) && String(staffPage.headers.location).startsWith('/staff/login'));
    assert.equal((await resident.get('/p/ABCDEFGHJK')).statusCode, 404);
    assert.equal((await t.browser().get('/p/not-a-token')).statusCode, 404);
    assert.equal((await t.browser().get('/dev/pay/sim_AAAAAAAAAAAAAAAAAAAAAA')).statusCode, 404);
  });
});

describe('sending and paying', () => {
  let tokens: string[] = [];

  test('a manager approves once; one SMS per row through the notifier, never twice', async () => {
    const page = await manager.get(`/staff/tax-reminders/campaigns/${campaignId}`);
    assert.match(page.body, /承認して送信する/);
    const unconfirmed = await manager.post(`/staff/tax-reminders/campaigns/${campaignId}/send`, { sendAt: '' });
    assert.equal(unconfirmed.statusCode, 400);
    assert.match(unconfirmed.body, /チェックを入れてください/);
    const approved = await manager.post(`/staff/tax-reminders/campaigns/${campaignId}/send`, { sendAt: '', confirmed: '1' });
    assert.equal(approved.statusCode, 303);
    const again = await manager.follow(await manager.post(`/staff/tax-reminders/campaigns/${campaignId}/send`, { sendAt: '', confirmed: '1' }));
    assert.match(again.body, /すでに承認されています/);
    assert.equal((await t.db.kysely.selectFrom('jobs').select('id').where('queue', '=', 'tax-reminders.send').execute()).length, 1);

    await sendNow();
    const sent = () => t.notifier.sent.filter((m) => m.source === 'tax-reminders');
    assert.equal(sent().length, 3);
    assert.deepEqual(sent().map((m) => m.to).sort(), ['07077778888', '08011112222', '09012345678']);
    const rows = await recipients(campaignId);
    for (const r of rows) {
      const message = sent().find((m) => m.reference === r.id)!;
      assert.equal(message.channel, 'sms');
      assert.equal(message.idempotencyKey, `tax-reminders:${r.id}`);
      assert.equal(message.body, r.message_body);
      assert.equal(message.sendAfter?.toISOString(), clock.now.toISOString());
      assert.equal(r.state, 'handed');
    }
    assert.match(sent()[0]!.body, /^奥州 花子様 奥州市税務課からのお知らせです。/);
    tokens = rows.map((r) => /http:\/\/localhost:3000\/p\/([A-Za-z0-9]{10})/.exec(r.message_body!)![1]!);
    assert.equal(new Set(tokens).size, 3);

    // Sending the campaign again — another approval, the job run again — sends nothing more.
    await manager.post(`/staff/tax-reminders/campaigns/${campaignId}/send`, { sendAt: '', confirmed: '1' });
    await runSendJob(t.platform, campaignId);
    await sendNow();
    assert.equal(sent().length, 3);
    const campaign = await taxRemindersDb(t.db.kysely).selectFrom('tax_reminder_campaigns').selectAll().where('id', '=', campaignId).executeTakeFirstOrThrow();
    assert.equal(campaign.state, 'sent');
    assert.equal((await audits('tax-reminders.campaign.approved')).filter((a) => a.target_id === campaignId).length, 1);
    assert.equal((await audits('tax-reminders.campaign.sent')).filter((a) => a.target_id === campaignId).length, 1);
  });

  test('the short link → pay in the simulator → signed webhook → paid, counted on the dashboard', async () => {
    const payer = t.browser();
    const page = await payer.get(`/p/${tokens[0]}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /奥州 ○○ 様/, 'the name is masked');
    assert.doesNotMatch(page.body, /花子/);
    assert.match(page.body, /12,300円/);
    assert.match(page.body, /決済シミュレーター/);
    assert.equal(page.headers['cache-control'], 'no-store');
    const toCheckout = await payer.post(`/p/${tokens[0]}/pay`);
    assert.equal(toCheckout.statusCode, 303);
    const checkoutUrl = String(toCheckout.headers.location);
    assert.match(checkoutUrl, /^http:\/\/localhost:3000\/dev\/pay\/sim_/);
    assert.equal((await payer.post(`/p/${tokens[0]}/pay`)).headers.location, checkoutUrl, 'a second press goes to the same checkout');
    const checkout = await payer.get(checkoutUrl);
    assert.match(checkout.body, /これは開発・デモ用の決済シミュレーターです/);
    assert.match(checkout.body, /12,300円/);
    assert.match(checkout.body, /奥州市 令和7年度 市県民税 第3期/);
    assert.doesNotMatch(checkout.body, /奥州 花子/, 'no personal data goes to the provider');
    const back = await payer.post(new URL(checkoutUrl).pathname, { action: 'pay' });
    assert.equal(back.statusCode, 303);
    assert.match(String(back.headers.location), new RegExp(`/p/${tokens[0]}/return\\?payment=`));
    const result = await payer.get(String(back.headers.location));
    assert.match(result.body, /納付を受け付けました/);
    const payment = await paymentsDb(t.db.kysely).selectFrom('payments').selectAll().where('source', '=', 'tax-reminders').executeTakeFirstOrThrow();
    assert.equal(payment.status, 'paid');
    assert.equal(payment.amount_yen, 12300);
    const events = await paymentsDb(t.db.kysely).selectFrom('payment_events').selectAll().where('payment_id', '=', payment.id).execute();
    assert.deepEqual(events.map((e) => e.via), ['webhook'], 'settled by the signed webhook before the payer came back');
    assert.match((await payer.get(`/p/${tokens[0]}`)).body, /納付済みです/);
    assert.equal((await payer.post(`/p/${tokens[0]}/pay`)).headers.location, `/p/${tokens[0]}`, 'nothing more to pay');

    const dashboard = await manager.get(`/staff/tax-reminders/campaigns/${campaignId}`);
    const stat = (key: string) => Number(new RegExp(`data-stat="${key}">(\\d+)<`).exec(dashboard.body)![1]);
    assert.equal(stat('handed'), 3);
    assert.equal(stat('paidWithinWindow'), 1);
    assert.equal(stat('opened'), 1);
    assert.equal(stat('unknown'), 3, 'the logging notifier keeps no delivery status');
    assert.match(dashboard.body, /12,300円（送信数の33.3%）/);
    const api = await manager.json('GET', `/api/tax-reminders/campaigns/${campaignId}`);
    assert.equal(api.statusCode, 200);
    assert.deepEqual(api.json(), { state: 'sent', recipients: 3, handed: 3, rejected: 0, delivered: 0, failed: 0, inProgress: 0, unknown: 3, opened: 1, paid: 1, paidWithinWindow: 1, paidAmountWithinWindow: 12300 });
  });

  test('a replayed webhook changes nothing; a forged one is refused', async () => {
    const checkout = await paymentsDb(t.db.kysely).selectFrom('payment_simulator_checkouts').selectAll().where('state', '=', 'paid').executeTakeFirstOrThrow();
    const resend = await manager.post(`/dev/pay/${checkout.ref}/webhook`);
    assert.equal(resend.statusCode, 303);
    const list = await manager.get('/dev/pay');
    assert.match(list.body, /HTTP 200（2回）/);
    const hook = (await (t.platform.payments.provider as import('../../platform/payments/simulator-provider.ts').SimulatorProvider).webhookFor(checkout.ref))!;
    const replay = await t.app.inject({ method: 'POST', url: '/payments/webhooks/simulator', headers: hook.headers, payload: hook.body });
    assert.equal(replay.statusCode, 200);
    assert.equal(replay.json().result, 'unchanged');
    assert.equal((await paymentsDb(t.db.kysely).selectFrom('payment_events').selectAll().execute()).filter((e) => e.payment_id === checkout.merchant_payment_id).length, 1);

    // Forged: a "paid" event for the second taxpayer's open payment, signed with a guessed key.
    const payer = t.browser();
    await payer.get(`/p/${tokens[1]}`);
    const open = String((await payer.post(`/p/${tokens[1]}/pay`)).headers.location).split('/').pop()!;
    const openCheckout = await paymentsDb(t.db.kysely).selectFrom('payment_simulator_checkouts').selectAll().where('ref', '=', open).executeTakeFirstOrThrow();
    const body = JSON.stringify({ id: 'evt_forged', type: 'payment.succeeded', created: Math.floor(clock.now.getTime() / 1000), data: { ref: open, merchantPaymentId: openCheckout.merchant_payment_id, amount: 45000, currency: 'JPY' } });
    const forged = await t.app.inject({ method: 'POST', url: '/payments/webhooks/simulator', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: `t=${Math.floor(clock.now.getTime() / 1000)},v1=${'0'.repeat(64)}` }, payload: body });
    assert.equal(forged.statusCode, 400);
    const unsigned = await t.app.inject({ method: 'POST', url: '/payments/webhooks/simulator', headers: { 'content-type': 'application/json' }, payload: body });
    assert.equal(unsigned.statusCode, 400);
    const still = await paymentsDb(t.db.kysely).selectFrom('payments').select('status').where('id', '=', openCheckout.merchant_payment_id).executeTakeFirstOrThrow();
    assert.equal(still.status, 'created');
    const dashboard = await manager.json('GET', `/api/tax-reminders/campaigns/${campaignId}`);
    assert.equal(dashboard.json().paid, 1);
  });

  test('cancelling at the checkout: nothing paid, the taxpayer can try again', async () => {
    const payer = t.browser();
    await payer.get(`/p/${tokens[2]}`);
    const checkoutUrl = String((await payer.post(`/p/${tokens[2]}/pay`)).headers.location);
    await payer.get(checkoutUrl);
    const back = await payer.post(new URL(checkoutUrl).pathname, { action: 'cancel' });
    const result = await payer.get(String(back.headers.location));
    assert.match(result.body, /納付の手続きを取りやめました/);
    assert.match(result.body, /もう一度納付手続きをする/);
    const retry = await payer.post(`/p/${tokens[2]}/pay`);
    assert.notEqual(retry.headers.location, checkoutUrl, 'a new checkout');
    // Another taxpayer's payment cannot be looked at through this link.
    const paid = await paymentsDb(t.db.kysely).selectFrom('payments').select('id').where('status', '=', 'paid').executeTakeFirstOrThrow();
    assert.equal((await payer.get(`/p/${tokens[2]}/return?payment=${paid.id}`)).statusCode, 404);
  });

  test('the results export lists every row with delivery and payment; audited', async () => {
    const csv = await clerk.get(`/staff/tax-reminders/campaigns/${campaignId}/results.csv`);
    assert.equal(csv.statusCode, 200);
    assert.ok(csv.body.startsWith('\uFEFF'), 'a BOM for Excel');
    const lines = csv.body.trim().split('\n');
    assert.equal(lines[0], '行,納税義務者番号,氏名,電話番号,税目,年度,期別,金額,納期限,送信,配信状況,送信日時,リンクを開いた日時,納付日時,7日以内の納付');
    assert.equal(lines.length, 4);
    assert.match(lines[1]!, /^2,200001,奥州 花子,09012345678,市県民税,令和7年度,第3期,12300,2025-12-25,送信,状況不明,.+,.+,.+,はい$/);
    assert.match(lines[2]!, /^3,200002,.*,$/);
    assert.ok((await audits('tax-reminders.results.exported')).some((a) => a.target_id === campaignId && (a.details as { rows: number }).rows === 3));
  });

  test('a link expires; a night-time schedule moves to the morning; a scheduled campaign can be stopped', async () => {
    clock.now = japanInstant(addDays(TODAY, 20), 10 * 3600);
    const expired = await t.browser().get(`/p/${tokens[1]}`);
    assert.equal(expired.statusCode, 410);
    assert.match(expired.body, /このリンクの有効期限が切れています/);
    clock.now = japanInstant(TODAY, 10 * 3600);

    const response = await upload(clerk, Buffer.from([HEADER, ROWS[0]].join('\n')), { title: '夜間指定' });
    const id = campaignIdOf(response.headers.location);
    await manager.get(`/staff/tax-reminders/campaigns/${id}`);
    const night = await manager.follow(await manager.post(`/staff/tax-reminders/campaigns/${id}/send`, { sendAt: `${addDays(TODAY, 1)} 23:30`, confirmed: '1' }));
    assert.match(night.body, new RegExp(`夜間を避けて、1件を${addDays(TODAY, 2)} 08:00に送信します`));
    const cancelled = await manager.follow(await manager.post(`/staff/tax-reminders/campaigns/${id}/cancel`));
    assert.match(cancelled.body, /キャンペーンを中止しました/);
    const before = t.notifier.sent.length;
    await sendNow();
    assert.equal(t.notifier.sent.length, before, 'a stopped campaign sends nothing');
  });
});

describe('four eyes', () => {
  test('four eyes: a manager cannot approve a campaign they created or whose text they last changed', async () => {
    const own = campaignIdOf((await upload(manager, Buffer.from([HEADER, ROWS[0]].join('\n')), { title: '課長が作成' })).headers.location);
    await manager.get(`/staff/tax-reminders/campaigns/${own}`);
    const refused = await manager.post(`/staff/tax-reminders/campaigns/${own}/send`, { sendAt: '', confirmed: '1' });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /このキャンペーンを作成した人、または最後に文面を変えた人は承認できません/);

    const prepared = campaignIdOf((await upload(clerk, Buffer.from([HEADER, ROWS[0]].join('\n')), { title: '課長が文面を変更' })).headers.location);
    await manager.get(`/staff/tax-reminders/campaigns/${prepared}`);
    assert.equal((await manager.post(`/staff/tax-reminders/campaigns/${prepared}/text`, { body: DEMO_TEMPLATE.body.replace('奥州市税務課です。', '奥州市税務課（課長）です。') })).statusCode, 303);
    const afterEdit = await manager.post(`/staff/tax-reminders/campaigns/${prepared}/send`, { sendAt: '', confirmed: '1' });
    assert.equal(afterEdit.statusCode, 409);
    assert.match(afterEdit.body, /最後に文面を変えた人は承認できません/);
    const states = await taxRemindersDb(t.db.kysely).selectFrom('tax_reminder_campaigns').select(['id', 'state']).where('id', 'in', [own, prepared]).execute();
    assert.deepEqual(states.map((c) => c.state), ['draft', 'draft']);
    assert.ok(!(await audits('tax-reminders.campaign.approved')).some((a) => a.target_id === own || a.target_id === prepared));
    // Once the clerk has the last word on the text, the manager may approve it.
    await clerk.get(`/staff/tax-reminders/campaigns/${prepared}`);
    assert.equal((await clerk.post(`/staff/tax-reminders/campaigns/${prepared}/text`, { body: DEMO_TEMPLATE.body })).statusCode, 303);
    await manager.get(`/staff/tax-reminders/campaigns/${prepared}`);
    const approved = await manager.post(`/staff/tax-reminders/campaigns/${prepared}/send`, { sendAt: `${addDays(TODAY, 1)} 10:00`, confirmed: '1' });
    assert.equal(approved.statusCode, 303);
    assert.equal((await manager.post(`/staff/tax-reminders/campaigns/${prepared}/cancel`)).statusCode, 303, 'stopped again before it goes out');
  });
});
