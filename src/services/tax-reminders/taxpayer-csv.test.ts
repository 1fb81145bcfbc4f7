import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeShiftJis } from '../../platform/testing/shift-jis.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { addMessages } from '../../platform/i18n/i18n.ts';
import type { MessageStatusInfo } from '../../platform/notify/message-status.ts';
import type { Payment } from '../../platform/payments/payments.ts';
import { japanInstant } from '../../platform/time/today.ts';
import { summarise } from './dashboard.ts';
import { taxReminderMessages } from './messages.ts';
import { chooseSendTime, formatJst, parseSendAt } from './schedule.ts';
import { checkCampaignText, checkTemplate, previewMessages } from './sms-text.ts';
import { parseFiscalYear, parseTaxpayerCsv, problemsCsv } from './taxpayer-csv.ts';
import { DEMO_TEMPLATE, sampleTaxpayer } from './template-service.ts';

addMessages(taxReminderMessages);
const TODAY = '2026-02-10';
const HEADER = '納税義務者番号,氏名,電話番号,税目,年度,期別,金額,納期限';
const GOOD = [
  '100001,奥州 花子,090-1234-5678,市県民税,令和7年度,第3期,"12,300",令和7年12月25日',
  '100002,水沢 一郎,０８０１１１１２２２２,固定資産税,R7,3期,45000円,2025-12-26',
  '100003,江刺 ﾀﾛｳ,+81 70-3333-4444,軽自動車税,2025,全期,7200,R7.5.31',
];

describe('reading the overdue-taxpayer CSV', () => {
  test('UTF-8 with and without BOM and Shift_JIS give the same rows', () => {
    const text = [HEADER, ...GOOD].join('\r\n') + '\r\n';
    const plain = parseTaxpayerCsv(Buffer.from(text), TODAY);
    const bom = parseTaxpayerCsv(Buffer.from('\uFEFF' + text), TODAY);
    const sjisBytes = encodeShiftJis(text);
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(sjisBytes), 'the Shift_JIS file is not UTF-8');
    const sjis = parseTaxpayerCsv(sjisBytes, TODAY);
    assert.ok(plain.ok && bom.ok && sjis.ok);
    assert.equal(plain.encoding, 'utf-8');
    assert.equal(bom.encoding, 'utf-8-bom');
    assert.equal(sjis.encoding, 'shift_jis');
    assert.deepEqual(sjis.problems, []);
    assert.deepEqual(sjis.rows, plain.rows);
    assert.deepEqual(bom.rows, plain.rows);
    assert.deepEqual(plain.rows[0], { row: 2, taxpayerNumber: '100001', name: '奥州 花子', phone: '09012345678', taxItem: '市県民税', fiscalYear: 2025, installment: '第3期', amountYen: 12300, dueDate: '2025-12-25' });
    assert.equal(plain.rows[1]!.phone, '08011112222');
    assert.equal(plain.rows[2]!.phone, '07033334444');
    assert.equal(plain.rows[2]!.name, '江刺 ﾀﾛｳ');
    assert.equal(plain.rows[2]!.dueDate, '2025-05-31');
  });

  test('each bad row is reported with row, column, value and reason; the others still count', () => {
    const text = [
      HEADER,
      GOOD[0],
      '100010,胆沢 次郎,0197-24-2111,市県民税,令和7年度,第3期,5000,令和7年12月25日', // landline
      '100011,衣川 三郎,090-12-34,市県民税,令和7年度,第3期,5000,令和7年12月25日', // not a number
      '100012,前沢 四郎,09055556666,住民票,令和7年度,第3期,5000,令和7年12月25日', // unknown tax
      '100013,前沢 五郎,09055556667,市県民税,令和7年度,第3期,-500,令和7年12月25日', // amount
      '100014,前沢 六郎,09055556668,市県民税,令和7年度,第3期,5000,平成32年1月1日', // era range
      '100015,前沢 七郎,09055556669,市県民税,令和7年度,第3期,5000,2026-03-31', // not overdue
      GOOD[0]!.replace('奥州 花子', '奥州 花子（重複）'), // duplicate of row 2
      '100016,前沢 八郎,09055556670,市県民税,令和99年度,第13期,5000,2025-02-30', // year, instalment, date
      GOOD[1],
      ',,,,,,,',
    ].join('\n');
    const result = parseTaxpayerCsv(Buffer.from(text), TODAY);
    assert.ok(result.ok);
    assert.equal(result.rowCount, 10, 'blank lines are not rows');
    assert.deepEqual(result.rows.map((r) => r.taxpayerNumber), ['100001', '100002']);
    const byRow = (row: number) => result.problems.filter((p) => p.row === row).map((p) => `${p.column}:${p.messageKey}`);
    assert.deepEqual(byRow(3), ['電話番号:tax.csv.phone.notMobile']);
    assert.deepEqual(byRow(4), ['電話番号:tax.csv.phone.invalid']);
    assert.deepEqual(byRow(5), ['税目:tax.csv.taxItem']);
    assert.deepEqual(byRow(6), ['金額:tax.csv.amount']);
    assert.deepEqual(byRow(7), ['納期限:tax.csv.dateEra']);
    assert.deepEqual(byRow(8), ['納期限:tax.csv.notOverdue']);
    assert.deepEqual(byRow(9), ['納税義務者番号:tax.csv.duplicate']);
    assert.deepEqual(result.problems.find((p) => p.row === 9)!.params, { row: 2 });
    assert.deepEqual(byRow(10), ['年度:tax.csv.fiscalYear', '期別:tax.csv.installment', '納期限:tax.csv.dateInvalid']);
    assert.equal(result.problems.find((p) => p.row === 3)!.value, '0197-24-2111');

    const t = translator('ja');
    const report = problemsCsv(result.problems, t);
    assert.match(report, /^\uFEFF行,項目,入力値,内容/);
    assert.match(report, /^3,電話番号,0197-24-2111,携帯電話の番号/m);
    assert.match(report, /^6,金額,'-500,/m, 'a value that looks like a formula is neutralised');
    assert.match(report, /^5,税目,住民票,税目が不明です。使える税目：市県民税、固定資産税/m);
  });

  test('a Shift_JIS file with a broken row: that row is reported, the rest is read', () => {
    const good = encodeShiftJis([HEADER, GOOD[0], ''].join('\r\n'));
    const broken = Buffer.concat([encodeShiftJis('100020,'), Buffer.from([0x82, 0x20]), encodeShiftJis('太郎,09011112222,市県民税,令和7年度,第3期,1000,令和7年12月25日\r\n')]);
    const result = parseTaxpayerCsv(Buffer.concat([good, broken, encodeShiftJis(GOOD[1] + '\r\n')]), TODAY);
    assert.ok(result.ok);
    assert.equal(result.encoding, 'shift_jis');
    assert.deepEqual(result.rows.map((r) => r.row), [2, 4]);
    assert.deepEqual(result.problems.map((p) => [p.row, p.column, p.messageKey]), [[3, '氏名', 'tax.csv.encoding']]);
  });

  test('a malformed quote is reported at the row where it starts', () => {
    const stray = parseTaxpayerCsv(Buffer.from([HEADER, GOOD[0], '100030,奥州 "次郎",09011112222,市県民税,R7,1期,100,R7.6.30', GOOD[1]].join('\n')), TODAY);
    assert.ok(stray.ok);
    assert.deepEqual(stray.rows.map((r) => r.taxpayerNumber), ['100001', '100030', '100002'], 'a quote inside a field is just a character');
    const unclosed = parseTaxpayerCsv(Buffer.from([HEADER, GOOD[0], '100031,"奥州 次郎,09011112222,市県民税,R7,1期,100,R7.6.30', GOOD[1]].join('\n')), TODAY);
    assert.ok(unclosed.ok);
    assert.deepEqual(unclosed.rows.map((r) => r.taxpayerNumber), ['100001']);
    assert.deepEqual(unclosed.problems.map((p) => [p.row, p.messageKey]), [[3, 'tax.csv.quoteNotClosed']]);
  });

  test('file-level faults: binary, garbage encoding, missing columns, no rows', () => {
    assert.deepEqual(parseTaxpayerCsv(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), TODAY), { ok: false, messageKey: 'tax.upload.binary' });
    assert.deepEqual(parseTaxpayerCsv(Buffer.from(Array.from({ length: 400 }, (_, i) => 0x80 + (i % 2) * 0x7f)), TODAY), { ok: false, messageKey: 'tax.upload.encoding' });
    const missing = parseTaxpayerCsv(Buffer.from('納税義務者番号,氏名,金額\n1,a,100\n'), TODAY);
    assert.equal(missing.ok, false);
    assert.deepEqual(!missing.ok && missing.params, { columns: '電話番号、税目、年度、期別、納期限' });
    assert.deepEqual(parseTaxpayerCsv(Buffer.from(HEADER + '\n'), TODAY), { ok: false, messageKey: 'tax.upload.noRows' });
    const aliases = parseTaxpayerCsv(Buffer.from('宛名番号,氏名,携帯電話番号,税目,課税年度,期別,未納額,納付期限\n' + GOOD[0]), TODAY);
    assert.ok(aliases.ok && aliases.rows.length === 1, 'other tools’ column names are accepted');
  });

  test('fiscal years in 和暦 and Western form', () => {
    assert.equal(parseFiscalYear('令和元年度', 2026), 2019);
    assert.equal(parseFiscalYear('Ｈ３０', 2026), 2018);
    assert.equal(parseFiscalYear('2027年度', 2026), 2027);
    assert.equal(parseFiscalYear('2028', 2026), null);
    assert.equal(parseFiscalYear('平成32年度', 2026), null);
  });
});

describe('the SMS text', () => {
  const rows = [{ row: 2, name: '奥州 花子', taxItem: '市県民税', fiscalYear: 2025, installment: '第3期', amountYen: 12300, dueDate: '2025-12-25' }];

  test('an unknown placeholder is an error naming it and what can be used', () => {
    const problems = checkTemplate('((氏名))様 ((住所))の((税額)) ((納付リンク))');
    assert.equal(problems.length, 1);
    const t = translator('ja');
    assert.equal(t(problems[0]!.messageKey, problems[0]!.params), '使えない差し込み項目があります：((住所))、((税額))。使えるのは ((氏名))、((税目))、((年度))、((期別))、((金額))、((納期限))、((納付リンク))、((有効期限)) です');
    assert.deepEqual(checkTemplate('((氏名))様 納付してください').map((p) => p.messageKey), ['tax.template.linkRequired']);
    assert.deepEqual(checkTemplate(DEMO_TEMPLATE.body), []);
  });

  test('the preview fills every placeholder and counts length and segments with the real link length', () => {
    const [preview] = previewMessages(DEMO_TEMPLATE.body, rows, 'https://city.oshu.example', '2026-02-24');
    assert.ok(preview);
    assert.match(preview.text, /^奥州 花子様 奥州市税務課です。令和7年度市県民税第3期分（納期限令和7年12月25日）12,300円の/);
    assert.match(preview.text, /https:\/\/city\.oshu\.example\/p\/XXXXXXXXXX/);
    assert.match(preview.text, /令和8年2月24日まで/);
    assert.equal(preview.length.encoding, 'UCS-2');
    assert.equal(preview.length.units, preview.text.length);
    assert.equal(preview.length.segments, Math.ceil(preview.text.length / 67));
    assert.equal(preview.tooLong, false);
    assert.deepEqual(checkCampaignText(DEMO_TEMPLATE.body, [sampleTaxpayer(TODAY)], 'https://city.oshu.example', '2026-02-24'), []);
  });

  test('a text over the segment limit is refused with the longest row', () => {
    const long = `((氏名))様 ${'お知らせ'.repeat(170)} ((納付リンク))`;
    const problems = checkCampaignText(long, rows, 'https://city.oshu.example', '2026-02-24');
    assert.equal(problems[0]!.messageKey, 'tax.template.tooLong');
    assert.equal(problems[0]!.params!.row, 2);
    assert.equal(problems[0]!.params!.segments, 11);
  });
});

describe('scheduling', () => {
  const quiet = { fromHour: 21, untilHour: 8 };
  test('typed times in Western or 和暦 form, Japan time', () => {
    assert.deepEqual(parseSendAt(''), { ok: true, at: null });
    const a = parseSendAt('2026-02-12 10:30');
    const b = parseSendAt('令和8年2月12日 10時30分');
    assert.ok(a.ok && b.ok);
    assert.equal(a.at!.toISOString(), '2026-02-12T01:30:00.000Z');
    assert.equal(b.at!.toISOString(), a.at!.toISOString());
    assert.equal(parseSendAt('明日の朝').ok, false);
    assert.equal(formatJst(a.at!), '2026-02-12 10:30');
  });

  test('night moves to the morning; the past and the far future are refused', () => {
    const now = japanInstant(TODAY, 10 * 3600);
    assert.deepEqual(chooseSendTime(null, now, quiet), { ok: true, at: now, shifted: false });
    const night = chooseSendTime(japanInstant(TODAY, 22 * 3600), now, quiet);
    assert.deepEqual(night, { ok: true, at: japanInstant('2026-02-11', 8 * 3600), shifted: true });
    assert.equal(chooseSendTime(japanInstant(TODAY, 9 * 3600), now, quiet).ok, false);
    assert.equal(chooseSendTime(japanInstant('2026-06-01', 10 * 3600), now, quiet).ok, false);
  });
});

test('the dashboard counts delivery from Notify and payments within 7 days of sending', () => {
  const sentAt = japanInstant(TODAY, 10 * 3600);
  const recipients = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, state: id === 'e' ? ('rejected' as const) : ('handed' as const), sentAt: id === 'e' ? null : sentAt, amountYen: 1000, openedAt: id === 'a' ? sentAt : null }));
  const status = (reference: string, s: MessageStatusInfo['status']): MessageStatusInfo => ({ id: reference, reference, channel: 'sms', status: s, createdAt: sentAt, sentAt, deliveredAt: null, failedAt: null, failureReason: null });
  const messages = new Map([
    ['a', [status('a', 'delivered')]],
    ['b', [status('b', 'failed')]],
    ['c', [status('c', 'temporary-failure')]],
  ]);
  const paid = (reference: string, days: number): Payment => ({ id: reference, source: 'tax-reminders', reference, description: '', amountYen: 1000, status: 'paid', provider: 'simulator', providerRef: null, checkoutUrl: null, returnUrl: '', expiresAt: sentAt, createdAt: sentAt, paidAt: new Date(sentAt.getTime() + days * 86_400_000), methods: ['card', 'qr'], method: 'card', refundedYen: 0, receiptNumber: null });
  const payments = new Map([
    ['a', [paid('a', 2)]],
    ['b', [paid('b', 8)]],
  ]);
  assert.deepEqual(summarise(recipients, messages, payments), { recipients: 5, handed: 4, rejected: 1, delivered: 1, failed: 2, inProgress: 1, unknown: 1, opened: 1, paid: 2, paidWithinWindow: 1, paidAmountWithinWindow: 1000 });
});
