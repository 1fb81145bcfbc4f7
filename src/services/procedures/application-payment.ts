/**
 * Paying an application's fee online through the platform's payments: one open
 * checkout per application (payments.openOrCreate decides races), and on the way
 * back the payment is settled from the provider's status if its webhook has not
 * arrived, then recorded on the application (timeline + audit) once.
 */
import { auditActorOf, type ResidentActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { insertEvent } from './application-queries.ts';
import { definitionOf, ownApplication } from './application-service.ts';
import { proceduresDb } from './tables.ts';

export const PAYMENT_SOURCE = 'procedures';

export async function startOnlinePayment(platform: Platform, resident: ResidentActor, applicationId: string): Promise<{ redirect: string }> {
  const db = platform.db.kysely;
  const row = await ownApplication(db, resident, applicationId);
  const page = `/procedures/applications/${row.id}`;
  if (row.fee_yen <= 0 || !row.reference) throw new DomainError('nothing_to_pay', 409, 'procedures.error.nothingToPay');
  if (row.paid_at || ['withdrawn', 'rejected', 'draft'].includes(row.status)) return { redirect: page };
  if (!platform.payments.available) throw new DomainError('payments_unavailable', 503, 'procedures.error.paymentUnavailable');
  const def = await definitionOf(db, row);
  const opened = await platform.payments.openOrCreate({
    source: PAYMENT_SOURCE,
    reference: row.id,
    amountYen: row.fee_yen,
    description: `${def.title.ja} 手数料（${row.reference}）`,
    returnUrl: `${page}/payment-return?payment={paymentId}`,
    validMinutes: 30,
  });
  if (row.payment_id !== opened.payment.id) {
    await proceduresDb(db).updateTable('applications').set({ payment_id: opened.payment.id }).where('id', '=', row.id).where('paid_at', 'is', null).execute();
  }
  return { redirect: opened.redirectUrl };
}

/** Back from the provider: true when the fee is now paid (recorded once on the application). */
export async function recordOnlinePayment(platform: Platform, resident: ResidentActor, applicationId: string, paymentId: string, meta: { requestId?: string } = {}): Promise<boolean> {
  const db = platform.db.kysely;
  const row = await ownApplication(db, resident, applicationId);
  const known = await platform.payments.get(paymentId);
  requireAccess(known !== null && known.source === PAYMENT_SOURCE && known.reference === row.id);
  const payment = await platform.payments.reconcile(paymentId);
  if (payment?.status !== 'paid') return false;
  await proceduresDb(db)
    .transaction()
    .execute(async (trx) => {
      const locked = await ownApplication(trx, resident, row.id, { forUpdate: true });
      if (locked.paid_at) return;
      const paidAt = payment.paidAt ?? platform.now();
      await trx.updateTable('applications').set({ paid_at: paidAt, payment_id: payment.id, updated_at: platform.now() }).where('id', '=', row.id).execute();
      await insertEvent(trx, { applicationId: row.id, actor: { type: 'system', id: null }, kind: 'payment', message: '', at: paidAt });
      await recordAudit(trx, { actor: auditActorOf(resident), action: 'procedures.application.paid', targetType: 'procedure-application', targetId: row.id, details: { paymentId: payment.id, amountYen: payment.amountYen, reference: row.reference }, requestId: meta.requestId ?? null });
    });
  return true;
}
