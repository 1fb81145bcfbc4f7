/**
 * 領収書 (receipts) for paid payments, as PDF through the platform's PDF module.
 * The receipt number (R-<year paid>-<6 digits>) is given the first time a receipt
 * is issued and kept on the payment, so every copy carries the same number.
 * Refunds are shown, with what remains received. A receipt of the simulated
 * gateway carries a 「見本（テスト決済）」 watermark: no money moved. Services
 * hand it to the payer after their own ownership check.
 */
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit-log.ts';
import { DomainError, notFound } from '../http/errors.ts';
import { renderPdf, type PdfBlock } from '../pdf/pdf-document.ts';
import { formatDateJa } from '../text/wareki.ts';
import { todayInJapan } from '../time/today.ts';
import { groupedYen, japanDateOf } from './payment-dates.ts';
import { UUID, type PaymentsContext } from './payment-model.ts';
import type { PaymentMethod } from './payment-provider.ts';

export const RECEIPT_ISSUER = ['岩手県奥州市', '〒023-8501 岩手県奥州市水沢大手町一丁目1番地'];
export const SIMULATED_WATERMARK = '見本（テスト決済）';
const METHOD_LABELS: Record<PaymentMethod, string> = { card: 'クレジットカード', qr: 'QRコード決済' };

/** The receipt number of a paid payment, given now if it has none (once: the update only touches a payment without one). */
async function receiptNumberOf(ctx: PaymentsContext, paymentId: string, paidAt: Date): Promise<string> {
  const year = japanDateOf(paidAt).slice(0, 4);
  return ctx.db.transaction().execute(async (trx) => {
    const given = await trx
      .updateTable('payments')
      .set({ receipt_number: sql<string>`${`R-${year}-`} || lpad(nextval('payment_receipt_numbers')::text, 6, '0')` })
      .where('id', '=', paymentId)
      .where('receipt_number', 'is', null)
      .returning('receipt_number')
      .executeTakeFirst();
    if (given?.receipt_number) {
      await recordAudit(trx, { actor: { type: 'system', id: 'payments:receipts' }, action: 'payments.receipt.numbered', targetType: 'payment', targetId: paymentId, details: { receiptNumber: given.receipt_number } });
      return given.receipt_number;
    }
    const row = await trx.selectFrom('payments').select('receipt_number').where('id', '=', paymentId).executeTakeFirstOrThrow();
    return row.receipt_number!;
  });
}

/** A name as printed after the address line: NFKC, single spaces, at most 60 characters; empty means none. */
export function receiptName(name: string | null | undefined): string | null {
  const clean = (name ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().slice(0, 60);
  return clean === '' ? null : clean;
}

export async function receiptPdf(ctx: PaymentsContext, paymentId: string, options: { payerName?: string | null; fontPath: string | null }): Promise<Buffer> {
  if (!UUID.test(paymentId)) throw notFound();
  const payment = await ctx.db.selectFrom('payments').selectAll().where('id', '=', paymentId).executeTakeFirst();
  if (!payment) throw notFound();
  if (payment.status !== 'paid' || !payment.paid_at) throw new DomainError('payment_not_paid', 409, 'payments.receipt.notPaid');
  const number = await receiptNumberOf(ctx, payment.id, payment.paid_at);
  const refunds = await ctx.db.selectFrom('payment_refunds').select(['amount_yen', 'reason', 'settled_at']).where('payment_id', '=', payment.id).where('status', '=', 'succeeded').orderBy('settled_at').orderBy('seq').execute();
  const paidOn = japanDateOf(payment.paid_at);
  const blocks: PdfBlock[] = [
    { kind: 'amount', label: '金額', amountYen: payment.amount_yen },
    { kind: 'paragraph', text: `但し、${payment.description}として、上記の金額を正に領収いたしました。` },
    { kind: 'spacer' },
    {
      kind: 'fields',
      rows: [
        { label: 'お支払い内容', value: payment.description },
        { label: '領収日', value: formatDateJa(paidOn) },
        { label: 'お支払い方法', value: payment.method ? METHOD_LABELS[payment.method] : 'オンライン決済' },
        // The paying service's reference (a booking's number), never the internal id.
        ...(payment.display_reference ? [{ label: '参照番号', value: payment.display_reference }] : []),
      ],
    },
  ];
  if (refunds.length) {
    const refunded = refunds.reduce((s, r) => s + r.amount_yen, 0);
    blocks.push(
      { kind: 'heading', text: '返金' },
      { kind: 'table', columns: [{ header: '返金日', width: 2 }, { header: '金額', width: 1, align: 'right' }, { header: '理由', width: 3 }], rows: refunds.map((r) => [formatDateJa(japanDateOf(r.settled_at!)), `${groupedYen(r.amount_yen)}円`, r.reason]) },
      { kind: 'fields', rows: [{ label: '返金額の合計', value: `${groupedYen(refunded)}円` }, { label: '返金後の領収額', value: `${groupedYen(payment.amount_yen - refunded)}円` }] },
    );
  }
  const simulated = payment.provider === 'simulator' || (ctx.provider?.simulated === true && ctx.provider.name === payment.provider);
  if (simulated) blocks.push({ kind: 'paragraph', size: 'small', text: 'この領収書は決済シミュレーターによるテスト決済のものです。実際のお金は動いていません。' });
  const payerName = receiptName(options.payerName);
  return renderPdf(
    {
      title: '領収書',
      documentNumber: `No. ${number}`,
      issuedOn: todayInJapan(ctx.now()),
      ...(payerName ? { recipient: payerName } : {}),
      blocks,
      issuer: RECEIPT_ISSUER,
      footer: `奥州市オンライン決済 領収書 ${number}`,
      ...(simulated ? { watermark: SIMULATED_WATERMARK } : {}),
      info: { author: '奥州市', subject: `領収書 ${number}` },
      createdAt: ctx.now(),
    },
    { fontPath: options.fontPath },
  );
}
