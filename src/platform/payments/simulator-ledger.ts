/**
 * The simulator's back office, as a gateway keeps it: refunds (idempotent on the
 * merchant's refund id; card refunds complete at once, QR wallet refunds stay
 * pending until completed from the simulator's console, which then sends the
 * signed webhook), the daily transaction report, and the daily payout report
 * (the day's captures less refunds and fees, paid into the city's bank once the
 * day is over). Fees: card 3.0 %, QR 2.0 %, fractions of a yen dropped per
 * transaction (円未満切り捨て), not returned on refunds.
 */
import crypto from 'node:crypto';
import { japanDayRange } from './payment-dates.ts';
import type { PaymentMethod, ProviderPayout, ProviderTransaction, RefundRequest, RefundResult } from './payment-provider.ts';
import type { PaymentsDb } from './payment-tables.ts';

/** Fee per method in hundredths of a percent. */
export const SIMULATOR_FEE_BASIS_POINTS: Record<PaymentMethod, number> = { card: 300, qr: 200 };

export function simulatorFee(amountYen: number, method: PaymentMethod | null): number {
  return Math.floor((amountYen * SIMULATOR_FEE_BASIS_POINTS[method ?? 'card']) / 10_000);
}

export class SimulatorLedger {
  constructor(
    private readonly db: PaymentsDb,
    private readonly now: () => Date,
  ) {}

  async refund(refundRef: string) {
    return this.db
      .selectFrom('payment_simulator_refunds as r')
      .innerJoin('payment_simulator_checkouts as c', 'c.ref', 'r.checkout_ref')
      .selectAll('r')
      .select(['c.merchant_payment_id', 'c.method', 'c.description'])
      .where('r.ref', '=', refundRef)
      .executeTakeFirst();
  }

  async recentRefunds(limit = 50) {
    return this.db
      .selectFrom('payment_simulator_refunds as r')
      .innerJoin('payment_simulator_checkouts as c', 'c.ref', 'r.checkout_ref')
      .selectAll('r')
      .select(['c.description', 'c.method'])
      .orderBy('r.created_at', 'desc')
      .limit(limit)
      .execute();
  }

  /** The gateway's refund API: the same merchant refund id always answers with the same refund. */
  async requestRefund(request: RefundRequest): Promise<RefundResult> {
    const answer = await this.db.transaction().execute(async (trx) => {
      // The checkout's row lock keeps two refunds at once from together exceeding the capture;
      // the refund id is looked up after taking it, so a concurrent request with the same id is seen.
      const checkout = await trx.selectFrom('payment_simulator_checkouts').selectAll().where('ref', '=', request.providerRef).forUpdate().executeTakeFirst();
      if (!checkout) throw new Error(`simulator: no checkout ${request.providerRef}`);
      const existing = await trx.selectFrom('payment_simulator_refunds').selectAll().where('merchant_refund_id', '=', request.refundId).executeTakeFirst();
      if (existing) return existing;
      const held = await trx
        .selectFrom('payment_simulator_refunds')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_yen'), eb.lit(0)).as('held'))
        .where('checkout_ref', '=', checkout.ref)
        .where('state', 'in', ['pending', 'succeeded'])
        .executeTakeFirstOrThrow();
      const now = this.now();
      const refusal = checkout.state !== 'paid' ? 'the payment was not captured' : Number(held.held) + request.amountYen > checkout.amount_yen ? 'the refund exceeds what is left of the capture' : null;
      // Card refunds go back through the card network at once; a wallet refund completes later (from the console).
      const state = refusal ? 'failed' : checkout.method === 'qr' ? 'pending' : 'succeeded';
      const inserted = await trx
        .insertInto('payment_simulator_refunds')
        .values({
          ref: `sre_${crypto.randomBytes(12).toString('base64url')}`,
          checkout_ref: checkout.ref,
          merchant_refund_id: request.refundId,
          amount_yen: request.amountYen,
          state,
          failure_reason: refusal,
          created_at: now,
          completed_at: state === 'pending' ? null : now,
          event_id: state === 'pending' ? null : `evt_${crypto.randomBytes(12).toString('base64url')}`,
          webhook_status: null,
        })
        .onConflict((oc) => oc.column('merchant_refund_id').doNothing())
        .returningAll()
        .executeTakeFirst();
      return inserted ?? (await trx.selectFrom('payment_simulator_refunds').selectAll().where('merchant_refund_id', '=', request.refundId).executeTakeFirstOrThrow());
    });
    return { providerRefundRef: answer.ref, status: answer.state, ...(answer.completed_at ? { occurredAt: answer.completed_at } : {}), failureReason: answer.failure_reason };
  }

  /** Completes a pending (wallet) refund from the console; true when it changed. */
  async completeRefund(refundRef: string, outcome: 'succeeded' | 'failed'): Promise<boolean> {
    const result = await this.db
      .updateTable('payment_simulator_refunds')
      .set({ state: outcome, completed_at: this.now(), event_id: `evt_${crypto.randomBytes(12).toString('base64url')}`, failure_reason: outcome === 'failed' ? 'ウォレット事業者が返金を受け付けませんでした（シミュレーション）' : null })
      .where('ref', '=', refundRef)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async recordRefundDelivery(refundRef: string, status: number): Promise<void> {
    await this.db
      .updateTable('payment_simulator_refunds')
      .set((eb) => ({ webhook_attempts: eb('webhook_attempts', '+', 1), webhook_status: status }))
      .where('ref', '=', refundRef)
      .execute();
  }

  /** The day's captures and completed refunds, by when the gateway completed them. */
  async transactions(date: string): Promise<ProviderTransaction[]> {
    const { from, to } = japanDayRange(date);
    const captures = await this.db
      .selectFrom('payment_simulator_checkouts')
      .select(['ref', 'merchant_payment_id', 'amount_yen', 'method', 'completed_at'])
      .where('state', '=', 'paid')
      .where('completed_at', '>=', from)
      .where('completed_at', '<', to)
      .orderBy('completed_at')
      .execute();
    const refunds = await this.db
      .selectFrom('payment_simulator_refunds as r')
      .innerJoin('payment_simulator_checkouts as c', 'c.ref', 'r.checkout_ref')
      .select(['r.ref', 'r.checkout_ref', 'r.merchant_refund_id', 'r.amount_yen', 'r.completed_at', 'c.merchant_payment_id', 'c.method'])
      .where('r.state', '=', 'succeeded')
      .where('r.completed_at', '>=', from)
      .where('r.completed_at', '<', to)
      .orderBy('r.completed_at')
      .execute();
    return [
      ...captures.map((c): ProviderTransaction => ({ kind: 'capture', providerRef: c.ref, providerRefundRef: null, paymentId: c.merchant_payment_id, refundId: null, amountYen: c.amount_yen, method: c.method, occurredAt: c.completed_at! })),
      ...refunds.map((r): ProviderTransaction => ({ kind: 'refund', providerRef: r.checkout_ref, providerRefundRef: r.ref, paymentId: r.merchant_payment_id, refundId: r.merchant_refund_id, amountYen: r.amount_yen, method: r.method, occurredAt: r.completed_at! })),
    ];
  }

  /**
   * The payout report of a day, made once the day is over and kept (a gateway's
   * payout does not change when asked twice); null before then or for a day
   * without transactions.
   */
  async payout(date: string): Promise<ProviderPayout | null> {
    if (this.now().getTime() < japanDayRange(date).to.getTime()) return null;
    let row = await this.db.selectFrom('payment_simulator_payouts').selectAll().where('business_date', '=', date).executeTakeFirst();
    if (!row) {
      const transactions = await this.transactions(date);
      if (transactions.length === 0) return null;
      const captures = transactions.filter((t) => t.kind === 'capture');
      const gross = captures.reduce((s, t) => s + t.amountYen, 0);
      const refunded = transactions.filter((t) => t.kind === 'refund').reduce((s, t) => s + t.amountYen, 0);
      const fee = captures.reduce((s, t) => s + simulatorFee(t.amountYen, t.method), 0);
      await this.db
        .insertInto('payment_simulator_payouts')
        .values({ business_date: date, ref: `po_${date.replace(/-/g, '')}`, gross_yen: gross, refunded_yen: refunded, fee_yen: fee, net_yen: gross - refunded - fee })
        .onConflict((oc) => oc.column('business_date').doNothing())
        .execute();
      row = await this.db.selectFrom('payment_simulator_payouts').selectAll().where('business_date', '=', date).executeTakeFirstOrThrow();
    }
    return { payoutRef: row.ref, businessDate: row.business_date, grossYen: row.gross_yen, refundedYen: row.refunded_yen, feeYen: row.fee_yen, netYen: row.net_yen };
  }

  /** Recent payout reports, for the console. */
  async recentPayouts(limit = 14) {
    return this.db.selectFrom('payment_simulator_payouts').selectAll().orderBy('business_date', 'desc').limit(limit).execute();
  }
}
