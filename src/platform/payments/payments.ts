/**
 * The platform's payments, over one PaymentProvider chosen at start-up. Services
 * ask for a payment (source + reference + amount, card and/or QR) and send the
 * payer to the returned URL; the provider's signed webhook (or a status query when
 * the payer comes back) settles it. Capture is idempotent: every provider event is
 * stored once by its id, a payment leaves `created` once, and a paid payment stays
 * paid, so a replayed or repeated webhook changes nothing. A forged one is refused.
 *
 * Around that: refunds (refunds.ts), the double-entry ledger every money movement
 * posts to in the same transaction (ledger.ts), the daily reconciliation against
 * the provider's report (reconciliation.ts) and PDF receipts (receipts.ts).
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { recordAudit, type AuditActor } from '../audit/audit-log.ts';
import type { Config } from '../config/config.ts';
import type { PlatformTables } from '../db/platform-tables.ts';
import { applyCaptureEvent, applyProviderStatus } from './capture.ts';
import { trialBalance, type TrialBalance } from './ledger.ts';
import { auditActorOfPayments, PaymentsUnavailable, toPayment, UUID, type Payment, type PaymentsActor, type PaymentsContext, type Refund } from './payment-model.ts';
import { PAYMENT_METHODS, type PaymentMethod, type PaymentProvider, type WebhookHeaders } from './payment-provider.ts';
import { paymentsDb, type PaymentsDb } from './payment-tables.ts';
import { receiptPdf } from './receipts.ts';
import { reconcileDay, type StoredReconciliation } from './reconciliation.ts';
import { applyRefundEvent, driveRefund, pendingRefundIds, refundsByReferences, refundsFor, requestRefund, type RefundInput } from './refunds.ts';
import { SimulatorProvider } from './simulator-provider.ts';

export { transition } from './capture.ts';
export { refundsByReferences } from './refunds.ts';
export { PaymentsUnavailable } from './payment-model.ts';
export type { Payment, PaymentsActor, Refund } from './payment-model.ts';
export type { RefundInput } from './refunds.ts';

export interface CreatePaymentInput {
  /** The service asking, e.g. 'tax-reminders'. */
  source: string;
  /** What is being paid in that service's terms (e.g. a reminder recipient id). */
  reference: string;
  /** The reference people use for it (e.g. a booking's F261128-LGARM), shown to staff and on the receipt instead of `reference`. */
  displayReference?: string;
  amountYen: number;
  description: string;
  /** Absolute URL, or a path on this app, where the payer returns; `{paymentId}` is filled in. */
  returnUrl: string;
  /** How long the checkout stays open. */
  validMinutes?: number;
  /** The methods the payer may choose from (default: every method the provider takes). */
  methods?: PaymentMethod[];
}

export type WebhookResult = 'applied' | 'unchanged' | 'rejected';

export interface CancelOpenInput {
  source: string;
  reference: string;
  /** Why the payment is no longer wanted (audited), e.g. 「予約の取消」. */
  reason: string;
  actor: PaymentsActor;
}

async function selectPayment(db: PaymentsDb, id: string) {
  return db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Sources name ledger accounts (revenue:<source>): lower-case letters, digits, '.', '_' and '-'. */
const SOURCE = /^[a-z0-9][a-z0-9._-]{0,59}$/;
/** A pending refund is asked about again by a status query once it is this old. */
const REFUND_RETRY_AFTER_MS = 60_000;

/** How long openOrCreate waits for another request's checkout (40 × 50 ms = 2 s). */
const OPEN_WAIT_ATTEMPTS = 40;
const OPEN_WAIT_MS = 50;
/** An open payment still without a checkout after this long was left by a request that failed midway. */
const STALE_OPENING_MS = 60_000;

export class Payments {
  private readonly db: PaymentsDb;
  /** What refunds, the ledger, reconciliation and receipts share. */
  readonly context: PaymentsContext;

  constructor(
    db: Kysely<PlatformTables>,
    /** null: no provider configured (online payment is then unavailable, and pages say so). */
    readonly provider: PaymentProvider | null,
    private readonly options: { publicUrl: string; now: () => Date; log: Logger; pdfFontPath?: string | null },
  ) {
    this.db = paymentsDb(db);
    this.context = { db: this.db, provider, now: options.now, log: options.log };
  }

  get available(): boolean {
    return this.provider !== null;
  }

  /**
   * Records a payment and opens a checkout at the provider; send the payer to `redirectUrl`.
   * Only one payment per source + reference can be open at a time (a unique index):
   * to send a payer back to an open one instead, use `openOrCreate`.
   */
  async create(input: CreatePaymentInput): Promise<{ payment: Payment; redirectUrl: string }> {
    const provider = this.requireProvider(input);
    const row = await this.insertPayment(provider, input).executeTakeFirstOrThrow();
    return this.openCheckout(provider, row.id, input);
  }

  /**
   * The open payment for this source + reference if there is one, otherwise a new
   * one: two requests at once (two tabs, a double press) get the same checkout,
   * never two payable ones. The unique index on open payments decides the race;
   * the loser waits for the winner's checkout and reuses it.
   */
  async openOrCreate(input: CreatePaymentInput): Promise<{ payment: Payment; redirectUrl: string; reused: boolean }> {
    const provider = this.requireProvider(input);
    for (let attempt = 0; attempt < OPEN_WAIT_ATTEMPTS; attempt++) {
      await this.expireDue();
      const open = await this.db.selectFrom('payments').selectAll().where('source', '=', input.source).where('reference', '=', input.reference).where('status', '=', 'created').executeTakeFirst();
      if (open?.checkout_url) return { payment: toPayment(open), redirectUrl: open.checkout_url, reused: true };
      if (open && this.options.now().getTime() - open.created_at.getTime() > STALE_OPENING_MS) {
        // Its request died before the provider answered: nobody can pay it, so it must not block the reference.
        await this.db.updateTable('payments').set({ status: 'cancelled', updated_at: this.options.now() }).where('id', '=', open.id).where('status', '=', 'created').where('checkout_url', 'is', null).execute();
        continue;
      }
      if (!open) {
        const row = await this.insertPayment(provider, input)
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if (row) return { ...(await this.openCheckout(provider, row.id, input)), reused: false };
      }
      // Another request holds the open payment and is opening its checkout right now.
      await new Promise((resolve) => setTimeout(resolve, OPEN_WAIT_MS));
    }
    throw new Error(`payment for ${input.source}/${input.reference} is being opened by another request; try again`);
  }

  private requireProvider(input: CreatePaymentInput): PaymentProvider {
    const provider = this.provider;
    if (!provider) throw new PaymentsUnavailable();
    if (!Number.isInteger(input.amountYen) || input.amountYen <= 0) throw new RangeError('amountYen must be a positive whole number of yen');
    if (!SOURCE.test(input.source)) throw new RangeError(`source must match ${SOURCE}: ${input.source}`);
    this.methodsFor(provider, input);
    return provider;
  }

  /** The methods to offer: those asked for (default all) that the provider takes; asking only for ones it cannot take is a programming error. */
  private methodsFor(provider: PaymentProvider, input: CreatePaymentInput): PaymentMethod[] {
    const asked = input.methods ?? [...PAYMENT_METHODS];
    const methods = PAYMENT_METHODS.filter((m) => asked.includes(m) && provider.methods.includes(m));
    if (methods.length === 0) throw new RangeError(`provider ${provider.name} takes ${provider.methods.join(', ')}; asked for ${asked.join(', ') || 'nothing'}`);
    return methods;
  }

  private insertPayment(provider: PaymentProvider, input: CreatePaymentInput) {
    const now = this.options.now();
    const expiresAt = new Date(now.getTime() + (input.validMinutes ?? 30) * 60_000);
    return this.db
      .insertInto('payments')
      .values({ source: input.source, reference: input.reference, description: input.description, amount_yen: input.amountYen, provider: provider.name, provider_ref: null, checkout_url: null, return_url: '', expires_at: expiresAt, created_at: now, updated_at: now, paid_at: null, methods: this.methodsFor(provider, input), method: null, receipt_number: null, display_reference: input.displayReference ?? null })
      .returning(['id', 'expires_at']);
  }

  private async openCheckout(provider: PaymentProvider, id: string, input: CreatePaymentInput): Promise<{ payment: Payment; redirectUrl: string }> {
    const { expires_at: expiresAt, methods } = await selectPayment(this.db, id);
    const filled = input.returnUrl.replace('{paymentId}', id);
    const returnUrl = filled.startsWith('/') ? `${this.options.publicUrl}${filled}` : filled;
    let checkout: Awaited<ReturnType<PaymentProvider['createCheckout']>>;
    try {
      checkout = await provider.createCheckout({ paymentId: id, amountYen: input.amountYen, description: input.description, returnUrl, expiresAt, methods });
    } catch (error) {
      // No checkout, nothing to pay: close it so it does not hold the reference's one open slot.
      await this.db.updateTable('payments').set({ status: 'cancelled', updated_at: this.options.now() }).where('id', '=', id).where('status', '=', 'created').execute();
      throw error;
    }
    await this.db.updateTable('payments').set({ provider_ref: checkout.providerRef, checkout_url: checkout.redirectUrl, return_url: returnUrl }).where('id', '=', id).execute();
    const payment = toPayment(await selectPayment(this.db, id));
    // Withdrawn (cancelOpen) while the provider was opening it: its page must not take money.
    if (payment.status === 'cancelled') await this.closeCheckouts([payment]);
    return { payment, redirectUrl: checkout.redirectUrl };
  }

  /**
   * Withdraws the open payment of this source + reference because what it pays for
   * is gone (a booking cancelled): inside the caller's transaction, so it commits or
   * rolls back with the caller's own change, and audited there. Returns the payments
   * withdrawn; pass them to `closeCheckouts` after the commit so the provider's page
   * stops taking them. A payer who pays in between is still captured (paid wins over
   * cancelled), and the service refunds what it cannot use.
   */
  async cancelOpen(trx: Kysely<PlatformTables>, input: CancelOpenInput): Promise<Payment[]> {
    const rows = await paymentsDb(trx)
      .updateTable('payments')
      .set({ status: 'cancelled', updated_at: this.options.now() })
      .where('source', '=', input.source)
      .where('reference', '=', input.reference)
      .where('status', '=', 'created')
      .returningAll()
      .execute();
    for (const row of rows) {
      await recordAudit(trx, { actor: auditActorOfPayments(input.actor), action: 'payments.cancelled', targetType: 'payment', targetId: row.id, reason: input.reason, details: { source: row.source, reference: row.reference, amountYen: row.amount_yen } });
    }
    return rows.map(toPayment);
  }

  /**
   * Closes withdrawn payments' checkouts at the provider (remote calls: after the
   * commit), then asks each one's final state, so a capture made just before the
   * close is known (paid) at once and the service can refund it. A failure is
   * logged; the webhook or the daily reconciliation brings a capture later.
   */
  async closeCheckouts(withdrawn: Payment[]): Promise<void> {
    const provider = this.provider;
    for (const payment of withdrawn) {
      if (!provider || payment.provider !== provider.name || !payment.providerRef) continue;
      try {
        await provider.cancelCheckout(payment.providerRef);
        await applyProviderStatus(this.context, payment.id);
      } catch (error) {
        this.options.log.warn({ err: error, payment: payment.id }, 'provider checkout could not be closed');
      }
    }
  }

  async get(id: string): Promise<Payment | null> {
    if (!UUID.test(id)) return null;
    await this.expireDue();
    const row = await this.db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toPayment(row) : null;
  }

  /** Every payment of these references in one source, oldest first. */
  async byReferences(source: string, references: string[]): Promise<Map<string, Payment[]>> {
    const result = new Map<string, Payment[]>();
    if (references.length === 0) return result;
    await this.expireDue();
    for (let i = 0; i < references.length; i += 1000) {
      const rows = await this.db.selectFrom('payments').selectAll().where('source', '=', source).where('reference', 'in', references.slice(i, i + 1000)).orderBy('created_at').execute();
      for (const row of rows) {
        const list = result.get(row.reference) ?? [];
        list.push(toPayment(row));
        result.set(row.reference, list);
      }
    }
    return result;
  }

  /** An open (created, unexpired) payment for this reference, to send the payer back to instead of opening another. */
  async openFor(source: string, reference: string): Promise<Payment | null> {
    await this.expireDue();
    const row = await this.db.selectFrom('payments').selectAll().where('source', '=', source).where('reference', '=', reference).where('status', '=', 'created').orderBy('created_at', 'desc').executeTakeFirst();
    return row ? toPayment(row) : null;
  }

  /** A provider webhook as received: verified, then applied once (a payment's outcome or a refund's). */
  async receiveWebhook(providerName: string, headers: WebhookHeaders, rawBody: string): Promise<WebhookResult> {
    const provider = this.provider;
    if (!provider || provider.name !== providerName) return 'rejected';
    const event = provider.verifyWebhook(headers, rawBody);
    if (!event) {
      this.options.log.warn({ provider: providerName }, 'payment webhook refused: bad or missing signature');
      return 'rejected';
    }
    return event.kind === 'refund' ? applyRefundEvent(this.context, provider.name, event) : applyCaptureEvent(this.context, provider.name, event, 'webhook');
  }

  /**
   * Asks the provider what happened (when the payer comes back before the webhook,
   * or it was lost) and applies it; pending refunds of the payment are asked about
   * again too.
   */
  async reconcile(id: string): Promise<Payment | null> {
    const payment = await this.get(id);
    if (!payment || !this.provider || payment.provider !== this.provider.name) return payment;
    if (payment.status !== 'paid') await applyProviderStatus(this.context, payment.id);
    for (const refundId of await pendingRefundIds(this.context, new Date(this.options.now().getTime() - REFUND_RETRY_AFTER_MS), payment.id)) await driveRefund(this.context, refundId);
    return this.get(id);
  }

  /** Marks open payments past their time as expired (a later capture still turns them paid). */
  async expireDue(): Promise<number> {
    const result = await this.db
      .updateTable('payments')
      .set({ status: 'expired', updated_at: this.options.now() })
      .where('status', '=', 'created')
      .where('expires_at', '<=', this.options.now())
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * Refunds all or part of a paid payment: never more than paid minus what is
   * already refunded or being refunded (checked under the payment's row lock);
   * the same idempotency key returns the same refund. Audited. The refund comes
   * back `succeeded`, `failed`, or `pending` (the provider reports later).
   * Services call it after their own access check.
   */
  refund(input: RefundInput): Promise<Refund> {
    return requestRefund(this.context, input);
  }

  /** The refunds of a payment, oldest first. */
  refundsFor(paymentId: string): Promise<Refund[]> {
    return refundsFor(this.context, paymentId);
  }

  /** The refunds of every payment of these references in one source, oldest first, by reference. */
  refundsByReferences(source: string, references: string[]): Promise<Map<string, Refund[]>> {
    return refundsByReferences(this.db, source, references);
  }

  /** Balances per ledger account of the entries up to `asOf` (all without it); debits equal credits. */
  trialBalance(asOf?: Date): Promise<TrialBalance> {
    return trialBalance(this.db, asOf ?? null);
  }

  /**
   * The 領収書 of a paid payment as PDF (a DomainError for any other). Services
   * hand it to the payer after their own ownership check; `payerName` is printed as
   * 「… 様」 when given.
   */
  receiptPdf(paymentId: string, options: { payerName?: string | null } = {}): Promise<Buffer> {
    return receiptPdf(this.context, paymentId, { payerName: options.payerName ?? null, fontPath: this.options.pdfFontPath ?? null });
  }

  /** Reconciles a Japanese calendar day against the provider's report, posts its payout, and stores the report. */
  reconcileDay(date: string, runBy: AuditActor & { type: 'staff' | 'system' }, requestId: string | null = null): Promise<StoredReconciliation> {
    return reconcileDay(this.context, date, runBy, requestId);
  }
}

/** The provider of this installation: the local simulator while demo data is on; none otherwise (until a real provider adapter is configured). */
export function createPayments(options: { db: Kysely<PlatformTables>; config: Config; secret: string; now: () => Date; log: Logger }): Payments {
  const provider = options.config.demoData ? new SimulatorProvider(options.db, { publicUrl: options.config.publicUrl, secret: options.secret, now: options.now }) : null;
  return new Payments(options.db, provider, { publicUrl: options.config.publicUrl, now: options.now, log: options.log, pdfFontPath: options.config.pdfFontPath });
}
