import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { DomainError } from '../http/errors.ts';
import { japanInstant } from '../time/today.ts';
import { paymentsKit, type PaymentsKit } from './payments-test-kit.ts';

let db: TestDatabase;
let kit: PaymentsKit;
let dir: string;
before(async () => {
  db = await createTestDatabase();
  kit = paymentsKit(db, japanInstant('2026-11-24', 14 * 3600));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oshu-receipts-'));
});
after(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The text of a PDF as poppler extracts it (what a reader's copy and search sees). */
function pdfText(pdf: Buffer, mode: '-layout' | '-raw' = '-layout'): string {
  const file = path.join(dir, `r-${Math.random()}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', [mode, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('receipts (領収書)', () => {
  test('a paid payment’s receipt: title, amount, what for, method, dates in 西暦 and 和暦, issuer, number, the simulator’s watermark', async () => {
    const payment = await kit.paid(12300, { method: 'qr' });
    const pdf = await kit.payments.receiptPdf(payment.id, { payerName: '奥州　花子' });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = pdfText(pdf);
    assert.match(text, /領\s*収\s*書/);
    assert.match(text, /12,300/);
    assert.match(text, /奥州市 テスト 施設使用料/);
    assert.match(text, /QRコード決済/);
    assert.match(text, /2026年11月24日/);
    assert.match(text, /令和8年/);
    assert.match(text, /奥州市/);
    assert.match(text, /奥州 花子\s*様/, 'the payer’s name, NFKC (full-width space folded)');
    // The watermark runs diagonally: read in content order, without the layout's spacing.
    assert.match(pdfText(pdf, '-raw').replace(/\s+/g, ''), /見本（テスト決済）/);
    const number = (await kit.payments.get(payment.id))!.receiptNumber!;
    assert.match(number, /^R-2026-\d{6}$/);
    assert.ok(text.includes(number));
    // Issued again: the same number; a second payment gets the next one.
    const again = pdfText(await kit.payments.receiptPdf(payment.id));
    assert.ok(again.includes(number));
    assert.doesNotMatch(again, /様/, 'no name asked for, none printed');
    const other = await kit.paid(500);
    await kit.payments.receiptPdf(other.id);
    const next = (await kit.payments.get(other.id))!.receiptNumber!;
    assert.equal(Number(next.slice(-6)), Number(number.slice(-6)) + 1);
    const audit = await db.kysely.selectFrom('audit_log').select('action').where('target_id', '=', payment.id).where('action', '=', 'payments.receipt.numbered').execute();
    assert.equal(audit.length, 1, 'the number is given once');
  });

  test('refunds are shown with what remains received', async () => {
    const payment = await kit.paid(8000);
    await kit.payments.refund({ paymentId: payment.id, amountYen: 3000, reason: '利用人数の変更', idempotencyKey: 'receipt-refund', actor: { kind: 'system', id: 'test' } });
    const text = pdfText(await kit.payments.receiptPdf(payment.id));
    assert.match(text, /8,000/);
    assert.match(text, /返金/);
    assert.match(text, /3,000円/);
    assert.match(text, /利用人数の変更/);
    assert.match(text, /返金後の領収額\s+5,000円/);
  });

  test('no receipt for a payment that is not paid; unknown ids are not found', async () => {
    const { payment } = await kit.open(1000);
    await assert.rejects(kit.payments.receiptPdf(payment.id), (error: unknown) => error instanceof DomainError && error.code === 'payment_not_paid' && error.messageKey === 'payments.receipt.notPaid');
    await assert.rejects(kit.payments.receiptPdf('00000000-0000-4000-8000-000000000000'), (error: unknown) => error instanceof DomainError && error.code === 'not_found');
    await assert.rejects(kit.payments.receiptPdf('not-a-uuid'), (error: unknown) => error instanceof DomainError && error.code === 'not_found');
  });
});
