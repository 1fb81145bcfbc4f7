/**
 * Paying an application's fee online through the platform's payments, and giving
 * money back when the fee goes down or the application ends without a decision in
 * the resident's favour.
 *
 * The balance is always worked out from the payments themselves: what was paid on
 * the application's payments, less what was refunded (or is being refunded), against
 * the fee it now carries. So a fee raised on resubmission (1 copy → 3) asks for the
 * difference only (「追加のお支払い 400円」), a fee lowered gives the difference back,
 * and a withdrawal or refusal gives everything back.
 *
 * References: the application's payments are made under `<id>:v<n>`, where n counts
 * the events that can change what is owed (resubmissions and recorded payments). A
 * new amount therefore always gets a new reference, so `payments.openOrCreate` never
 * sends the payer to an open checkout for an old amount; within one n the amount owed
 * cannot change. Payments made before this scheme used the bare `<id>` and still count.
 *
 * Each payment is recorded on the application once: its timeline event carries the
 * payment as its system actor (`payments:<paymentId>`), and each refund likewise
 * (`refunds:<refundId>`).
 */
import { auditActorOf, type ResidentActor, type StaffActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError } from '../../platform/http/errors.ts';
import type { Payment, Payments, PaymentsActor } from '../../platform/payments/payments.ts';
import type { Platform } from '../../platform/platform.ts';
import { applicationById, insertEvent } from './application-queries.ts';
import { definitionOf, ownApplication } from './application-service.ts';
import { proceduresDb, type ProceduresDb } from './tables.ts';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';

export const PAYMENT_SOURCE = 'procedures';

/** What events move the reference on (see the header). */
const REFERENCE_EVENTS = ['resubmitted', 'payment'] as const;
const yen = (n: number) => n.toLocaleString('ja-JP');

/** What the balance and refunds need (a Platform, or a ProceduresCtx that carries payments). */
export interface MoneyCtx {
  db: Kysely<PlatformTables>;
  payments: Payments;
  now: () => Date;
}

export const moneyOf = (platform: Platform): MoneyCtx => ({ db: platform.db.kysely, payments: platform.payments, now: platform.now });

export interface FeeBalance {
  feeYen: number;
  /** Paid on the application's payments, less refunds succeeded or pending. */
  paidYen: number;
  /** Still to pay (0 when paid in full). */
  dueYen: number;
  /** Paid beyond the fee (to give back). */
  excessYen: number;
  /** The application's paid payments, oldest first. */
  paid: { payment: Payment; heldYen: number }[];
  /** Where the next checkout for `dueYen` is opened. */
  nextReference: string;
}

async function referenceCount(db: Kysely<PlatformTables> | ProceduresDb, applicationId: string): Promise<number> {
  const row = await proceduresDb(db as Kysely<PlatformTables>)
    .selectFrom('application_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('application_id', '=', applicationId)
    .where('kind', 'in', [...REFERENCE_EVENTS])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The references the application's payments may have been made under. */
function referencesOf(applicationId: string, count: number): string[] {
  return [applicationId, ...Array.from({ length: count + 1 }, (_, n) => `${applicationId}:v${n}`)];
}

export function isReferenceOf(applicationId: string, reference: string): boolean {
  return reference === applicationId || new RegExp(`^${applicationId}:v\\d+$`).test(reference);
}

/** The fee against what the payments show. Reads the payments facade: call it outside the application's transaction. */
export async function feeBalance(money: MoneyCtx, row: { id: string; fee_yen: number }): Promise<FeeBalance> {
  const count = await referenceCount(money.db, row.id);
  const byRef = await money.payments.byReferences(PAYMENT_SOURCE, referencesOf(row.id, count));
  const payments = [...byRef.values()].flat().filter((p) => p.status === 'paid').sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const paid: FeeBalance['paid'] = [];
  for (const payment of payments) {
    const held = (await money.payments.refundsFor(payment.id)).filter((r) => r.status !== 'failed').reduce((sum, r) => sum + r.amountYen, 0);
    paid.push({ payment, heldYen: held });
  }
  const paidYen = paid.reduce((sum, p) => sum + p.payment.amountYen - p.heldYen, 0);
  return { feeYen: row.fee_yen, paidYen, dueYen: Math.max(0, row.fee_yen - paidYen), excessYen: Math.max(0, paidYen - row.fee_yen), paid, nextReference: `${row.id}:v${count}` };
}

/**
 * Records on the application every paid payment not yet recorded (the webhook may
 * have come first, or a checkout of an earlier amount was completed late), and sets
 * `paid_at` once the fee is covered. Returns the balance after that.
 */
async function settlePaid(platform: Platform, actor: ResidentActor | null, applicationId: string, meta: { requestId?: string | null } = {}): Promise<FeeBalance> {
  const db = platform.db.kysely;
  const row = (await applicationById(db, applicationId))!;
  const balance = await feeBalance(moneyOf(platform), row);
  const recorded = new Set((await proceduresDb(db).selectFrom('application_events').select('actor_id').where('application_id', '=', row.id).where('kind', '=', 'payment').execute()).map((e) => e.actor_id));
  const fresh = balance.paid.filter((p) => !recorded.has(`payments:${p.payment.id}`));
  const covered = balance.dueYen === 0;
  if (fresh.length === 0 && (covered ? row.paid_at !== null : row.paid_at === null)) return balance;
  await proceduresDb(db)
    .transaction()
    .execute(async (trx) => {
      const locked = (await applicationById(trx, row.id, { forUpdate: true }))!;
      const seen = new Set((await trx.selectFrom('application_events').select('actor_id').where('application_id', '=', row.id).where('kind', '=', 'payment').execute()).map((e) => e.actor_id));
      for (const { payment } of fresh) {
        if (seen.has(`payments:${payment.id}`)) continue;
        const paidAt = payment.paidAt ?? platform.now();
        await insertEvent(trx, { applicationId: row.id, actor: { type: 'system', id: `payments:${payment.id}` }, kind: 'payment', message: `${yen(payment.amountYen)}円`, at: paidAt });
        await recordAudit(trx, { actor: actor ? auditActorOf(actor) : { type: 'system', id: 'procedures' }, action: 'procedures.application.paid', targetType: 'procedure-application', targetId: row.id, details: { paymentId: payment.id, amountYen: payment.amountYen, reference: locked.reference, feeYen: locked.fee_yen }, requestId: meta.requestId ?? null });
      }
      // paid_at means "the fee as it stands is paid": only when the payments cover it.
      const last = balance.paid.at(-1)?.payment;
      if (covered && !locked.paid_at && last) await trx.updateTable('applications').set({ paid_at: last.paidAt ?? platform.now(), payment_id: last.id, updated_at: platform.now() }).where('id', '=', row.id).execute();
      if (!covered && locked.paid_at) await trx.updateTable('applications').set({ paid_at: null, updated_at: platform.now() }).where('id', '=', row.id).execute();
    });
  return feeBalance(moneyOf(platform), row);
}

export async function startOnlinePayment(platform: Platform, resident: ResidentActor, applicationId: string, meta: { requestId?: string } = {}): Promise<{ redirect: string }> {
  const db = platform.db.kysely;
  const row = await ownApplication(db, resident, applicationId);
  const page = `/procedures/applications/${row.id}`;
  if (row.fee_yen <= 0 || !row.reference) throw new DomainError('nothing_to_pay', 409, 'procedures.error.nothingToPay');
  if (['withdrawn', 'rejected', 'draft'].includes(row.status)) return { redirect: page };
  if (!platform.payments.available) throw new DomainError('payments_unavailable', 503, 'procedures.error.paymentUnavailable');
  // Paid already (a webhook may have captured it before the payer came back): record it, never charge twice.
  const balance = await settlePaid(platform, resident, row.id, meta);
  if (balance.dueYen === 0) return { redirect: page };
  const def = await definitionOf(db, row);
  const opened = await platform.payments.openOrCreate({
    source: PAYMENT_SOURCE,
    reference: balance.nextReference,
    amountYen: balance.dueYen,
    description: `${def.title.ja} 手数料${balance.paidYen > 0 ? '（追加分）' : ''}（${row.reference}）`,
    returnUrl: `${page}/payment-return?payment={paymentId}`,
    validMinutes: 30,
  });
  // Cannot happen while the reference moves with every change of what is owed; never send the payer to a wrong amount.
  if (opened.payment.amountYen !== balance.dueYen) throw new DomainError('payment_amount_changed', 409, 'procedures.error.paymentChanged');
  if (row.payment_id !== opened.payment.id && !row.paid_at) {
    await proceduresDb(db).updateTable('applications').set({ payment_id: opened.payment.id }).where('id', '=', row.id).where('paid_at', 'is', null).execute();
  }
  return { redirect: opened.redirectUrl };
}

/** Back from the provider: true when the fee as it stands is now paid (each payment recorded once on the application). */
export async function recordOnlinePayment(platform: Platform, resident: ResidentActor, applicationId: string, paymentId: string, meta: { requestId?: string } = {}): Promise<boolean> {
  const row = await ownApplication(platform.db.kysely, resident, applicationId);
  const known = await platform.payments.get(paymentId);
  requireAccess(known !== null && known.source === PAYMENT_SOURCE && isReferenceOf(row.id, known.reference));
  const payment = await platform.payments.reconcile(paymentId);
  if (payment?.status !== 'paid') return false;
  // A payment counts for what it was for; the application is paid only when the payments cover the fee.
  const balance = await settlePaid(platform, resident, row.id, meta);
  if (balance.excessYen > 0) await refundExcess(moneyOf(platform), { kind: 'system', id: 'procedures' }, row.id, 'overpaid', meta);
  return balance.dueYen === 0;
}

type RefundCause = 'fee-lowered' | 'overpaid' | 'withdrawn' | 'rejected';
const REASONS: Record<RefundCause, string> = {
  'fee-lowered': '再提出により手数料が減額されたため（差額の返金）',
  overpaid: '手数料を超えて支払われたため（超過分の返金）',
  withdrawn: '申請の取下げによる手数料の全額返金',
  rejected: '申請が認められなかったことによる手数料の全額返金',
};

/**
 * Gives back what the payments hold beyond the fee (all of it after a withdrawal or
 * refusal: pass `everything`). Called after the application's transaction has
 * committed: the provider is a remote call and must never run inside it. A refund
 * the provider has not confirmed stays pending and payments asks again later; each
 * refund is put on the resident's timeline once. Returns the yen refunded or pending.
 */
export async function refundExcess(money: MoneyCtx, actor: PaymentsActor, applicationId: string, cause: RefundCause, meta: { requestId?: string | null; everything?: boolean } = {}): Promise<number> {
  const payments = money.payments;
  if (!payments.available) return 0;
  const db = money.db;
  const row = await applicationById(db, applicationId);
  if (!row) return 0;
  const balance = await feeBalance(money, { id: row.id, fee_yen: meta.everything ? 0 : row.fee_yen });
  let left = balance.excessYen;
  const count = await referenceCount(db, row.id);
  const created: { id: string; amountYen: number; status: string }[] = [];
  // Newest first: the latest payment is the one the change of fee concerns.
  for (const { payment, heldYen } of [...balance.paid].reverse()) {
    const amount = Math.min(left, payment.amountYen - heldYen);
    if (amount <= 0) continue;
    const idempotencyKey = meta.everything ? (payment === balance.paid[0]!.payment ? `procedures:${row.id}:refund` : `procedures:${row.id}:refund:${payment.id}`) : `procedures:${row.id}:${cause}:v${count}:${payment.id}`;
    const refund = await payments.refund({ paymentId: payment.id, amountYen: amount, reason: REASONS[cause], idempotencyKey, actor, requestId: meta.requestId ?? null });
    created.push(refund);
    left -= amount;
  }
  if (created.length === 0) return 0;
  await proceduresDb(db)
    .transaction()
    .execute(async (trx) => {
      await applicationById(trx, row.id, { forUpdate: true });
      const seen = new Set((await trx.selectFrom('application_events').select('actor_id').where('application_id', '=', row.id).where('kind', '=', 'refund').execute()).map((e) => e.actor_id));
      for (const refund of created) {
        if (seen.has(`refunds:${refund.id}`)) continue;
        const message = refund.status === 'succeeded' ? `手数料 ${yen(refund.amountYen)}円を返金しました` : `手数料 ${yen(refund.amountYen)}円の返金を手続きしています`;
        await insertEvent(trx, { applicationId: row.id, actor: { type: 'system', id: `refunds:${refund.id}` }, kind: 'refund', message, at: money.now() });
        await recordAudit(trx, { actor: actor.kind === 'system' ? { type: 'system', id: actor.id } : auditActorOf(actor as ResidentActor | StaffActor), action: 'procedures.application.refunded', targetType: 'procedure-application', targetId: row.id, reason: REASONS[cause], details: { refundId: refund.id, amountYen: refund.amountYen, status: refund.status, cause, reference: row.reference }, requestId: meta.requestId ?? null });
      }
    });
  return created.reduce((sum, r) => sum + r.amountYen, 0);
}
