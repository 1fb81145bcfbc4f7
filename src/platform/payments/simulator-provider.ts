/**
 * The local payment simulator: a stand-in payment gateway the app serves on its
 * own routes (/dev/pay/…), so the whole payment journey works in development, the
 * demo and tests without an outside service. It behaves like a real gateway: it
 * keeps its own checkouts, shows its own checkout page where the payer enters a
 * card (test numbers decide approval) or reads a QR code with a (simulated)
 * wallet app, reports outcomes with an HMAC-signed webhook (Stripe-style
 * `t=…,v1=…` over `t.body`, five-minute tolerance), answers status queries,
 * refunds, and reports each day's transactions and payout. No money moves;
 * every page says so. Refunds, reports and payouts live in simulator-ledger.ts.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/platform-tables.ts';
import type { Checkout, CheckoutRequest, PaymentEvent, PaymentMethod, PaymentOutcome, PaymentProvider, ProviderPaymentState, ProviderPayout, ProviderTransaction, RefundRequest, RefundResult, WebhookHeaders } from './payment-provider.ts';
import { paymentsDb, type PaymentsDb } from './payment-tables.ts';
import { APPROVED_TEST_CARD, checkCard, type CardInput } from './simulator-card.ts';
import type { FieldError } from '../http/errors.ts';
import { SimulatorLedger } from './simulator-ledger.ts';

export const SIMULATOR_PATH = '/dev/pay';
export const SIGNATURE_HEADER = 'x-simulator-signature';
/** A webhook older (or newer) than this is refused, so a captured one cannot be replayed forever. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const EVENT_TYPES: Record<PaymentOutcome, string> = { paid: 'payment.succeeded', cancelled: 'payment.cancelled', expired: 'payment.expired' };
const OUTCOMES = Object.fromEntries(Object.entries(EVENT_TYPES).map(([k, v]) => [v, k])) as Record<string, PaymentOutcome>;
const REFUND_OUTCOMES: Record<string, 'succeeded' | 'failed'> = { 'refund.succeeded': 'succeeded', 'refund.failed': 'failed' };

export interface SimulatorWebhook {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/** How the payer paid: a card (only its brand and last four digits are kept) or a wallet app reading the QR code. */
export type SimulatorPayment = { method: 'card'; brand: string; last4: string } | { method: 'qr' };

export type CardPaymentResult =
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'declined'; attempts: number }
  | { kind: 'settled'; outcome: PaymentOutcome; changed: boolean; returnUrl: string }
  | { kind: 'unavailable' };

export type SimulatorCheckout = NonNullable<Awaited<ReturnType<SimulatorProvider['checkout']>>>;

const REF_PATTERN = /^sim_[A-Za-z0-9_-]{22}$/;

export class SimulatorProvider implements PaymentProvider {
  readonly name = 'simulator';
  readonly simulated = true;
  readonly methods: readonly PaymentMethod[] = ['card', 'qr'];
  readonly ledger: SimulatorLedger;
  private readonly db: PaymentsDb;
  private readonly key: Buffer;

  constructor(
    db: Kysely<PlatformTables>,
    private readonly options: { publicUrl: string; secret: string; now: () => Date },
  ) {
    this.db = paymentsDb(db);
    // The webhook key is derived from the app secret (the same SESSION_SECRET on every instance).
    this.key = crypto.createHmac('sha256', options.secret).update('oshu-dx payment simulator webhook v1').digest();
    this.ledger = new SimulatorLedger(this.db, options.now);
  }

  get webhookPath(): string {
    return `/payments/webhooks/${this.name}`;
  }

  get publicUrl(): string {
    return this.options.publicUrl;
  }

  /** The address a wallet app opens when it reads the checkout's QR code. */
  walletUrl(ref: string): string {
    return `${this.options.publicUrl}${SIMULATOR_PATH}/${ref}/wallet`;
  }

  async createCheckout(request: CheckoutRequest): Promise<Checkout> {
    const ref = `sim_${crypto.randomBytes(16).toString('base64url')}`;
    const methods = this.methods.filter((m) => request.methods.includes(m));
    if (methods.length === 0) throw new RangeError(`the simulator takes ${this.methods.join(', ')}; asked for ${request.methods.join(', ')}`);
    await this.db
      .insertInto('payment_simulator_checkouts')
      .values({ ref, merchant_payment_id: request.paymentId, amount_yen: request.amountYen, description: request.description, return_url: request.returnUrl, expires_at: request.expiresAt, completed_at: null, event_id: null, webhook_status: null, webhook_delivered_at: null, methods, method: null, card_brand: null, card_last4: null })
      .execute();
    return { providerRef: ref, redirectUrl: `${this.options.publicUrl}${SIMULATOR_PATH}/${ref}` };
  }

  /** The merchant withdrew the payment: an open checkout becomes cancelled (no webhook: the merchant knows). */
  async cancelCheckout(providerRef: string): Promise<void> {
    if (REF_PATTERN.test(providerRef)) await this.finish(providerRef, 'cancelled', null);
  }

  async checkout(ref: string) {
    if (!REF_PATTERN.test(ref)) return null;
    const row = await this.db.selectFrom('payment_simulator_checkouts').selectAll().where('ref', '=', ref).executeTakeFirst();
    return row ? this.withExpiry(row) : null;
  }

  /** An open checkout past its time counts as expired, whether or not anyone has touched it since. */
  private withExpiry<T extends { state: 'open' | 'paid' | 'cancelled' | 'expired'; expires_at: Date }>(row: T): T {
    const expired = row.state === 'open' && row.expires_at.getTime() <= this.options.now().getTime();
    return expired ? { ...row, state: 'expired' as const } : row;
  }

  async recent(limit = 50) {
    const rows = await this.db.selectFrom('payment_simulator_checkouts').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
    return rows.map((r) => this.withExpiry(r));
  }

  /**
   * The payer finished at the checkout (or it ran out of time): settles an open
   * checkout once and returns the webhook to deliver; a checkout already settled
   * keeps its outcome (a second press changes nothing). `pay` without saying how
   * is the one-press test payment: the approved test card (or QR when cards are
   * not offered).
   */
  async settle(ref: string, action: 'pay' | 'cancel', payment?: SimulatorPayment): Promise<{ outcome: PaymentOutcome; changed: boolean; returnUrl: string } | null> {
    const current = await this.checkout(ref);
    if (!current) return null;
    if (current.state !== 'open') {
      // An open checkout past its time is settled as expired on first touch, and reported once.
      const changed = current.state === 'expired' && !current.event_id ? await this.finish(ref, 'expired', null) : false;
      return { outcome: current.state, changed, returnUrl: current.return_url };
    }
    const how: SimulatorPayment = payment ?? (current.methods.includes('card') ? { method: 'card', brand: 'Visa', last4: APPROVED_TEST_CARD.slice(-4) } : { method: 'qr' });
    if (action === 'pay' && !current.methods.includes(how.method)) throw new RangeError(`checkout ${ref} does not offer ${how.method}`);
    const changed = await this.finish(ref, action === 'pay' ? 'paid' : 'cancelled', action === 'pay' ? how : null);
    const after = (await this.checkout(ref))!;
    return { outcome: after.state as PaymentOutcome, changed, returnUrl: after.return_url };
  }

  /** The card form was sent: checked as a gateway would, declined for the decline test number, otherwise paid. */
  async payByCard(ref: string, input: CardInput): Promise<CardPaymentResult | null> {
    const current = await this.checkout(ref);
    if (!current) return null;
    if (current.state !== 'open' || !current.methods.includes('card')) {
      if (current.state === 'open') return { kind: 'unavailable' };
      const settled = await this.settle(ref, 'cancel');
      return { kind: 'settled', ...settled! };
    }
    const check = checkCard(input, this.options.now());
    if (!check.ok) return { kind: 'invalid', errors: check.errors };
    if (!check.approved) {
      const row = await this.db
        .updateTable('payment_simulator_checkouts')
        .set((eb) => ({ declined_attempts: eb('declined_attempts', '+', 1) }))
        .where('ref', '=', ref)
        .returning('declined_attempts')
        .executeTakeFirstOrThrow();
      return { kind: 'declined', attempts: row.declined_attempts };
    }
    const settled = await this.settle(ref, 'pay', { method: 'card', brand: check.brand, last4: check.last4 });
    return { kind: 'settled', ...settled! };
  }

  private async finish(ref: string, outcome: PaymentOutcome, payment: SimulatorPayment | null): Promise<boolean> {
    const result = await this.db
      .updateTable('payment_simulator_checkouts')
      .set({
        state: outcome,
        completed_at: this.options.now(),
        event_id: `evt_${crypto.randomBytes(12).toString('base64url')}`,
        method: payment?.method ?? null,
        card_brand: payment?.method === 'card' ? payment.brand : null,
        card_last4: payment?.method === 'card' ? payment.last4 : null,
      })
      .where('ref', '=', ref)
      .where('state', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** The signed webhook for a settled checkout (the same event id every time it is sent). */
  async webhookFor(ref: string): Promise<SimulatorWebhook | null> {
    const row = await this.checkout(ref);
    if (!row || row.state === 'open' || !row.event_id || !row.completed_at) return null;
    return this.signed({
      id: row.event_id,
      type: EVENT_TYPES[row.state],
      created: Math.floor(row.completed_at.getTime() / 1000),
      data: { ref: row.ref, merchantPaymentId: row.merchant_payment_id, amount: row.amount_yen, currency: 'JPY', method: row.method },
    });
  }

  /** The signed webhook for a refund that has completed (succeeded or failed). */
  async refundWebhookFor(refundRef: string): Promise<SimulatorWebhook | null> {
    const row = await this.ledger.refund(refundRef);
    if (!row || row.state === 'pending' || !row.event_id || !row.completed_at) return null;
    return this.signed({
      id: row.event_id,
      type: `refund.${row.state}`,
      created: Math.floor(row.completed_at.getTime() / 1000),
      data: { ref: row.checkout_ref, refundRef: row.ref, merchantPaymentId: row.merchant_payment_id, merchantRefundId: row.merchant_refund_id, amount: row.amount_yen, currency: 'JPY', failureReason: row.failure_reason },
    });
  }

  private signed(event: unknown): SimulatorWebhook {
    const body = JSON.stringify(event);
    return { url: this.webhookPath, body, headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: this.sign(body) } };
  }

  async recordDelivery(ref: string, status: number): Promise<void> {
    await this.db
      .updateTable('payment_simulator_checkouts')
      .set((eb) => ({ webhook_attempts: eb('webhook_attempts', '+', 1), webhook_status: status, ...(status >= 200 && status < 300 ? { webhook_delivered_at: this.options.now() } : {}) }))
      .where('ref', '=', ref)
      .execute();
  }

  /** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
  sign(body: string, at: Date = this.options.now()): string {
    const t = Math.floor(at.getTime() / 1000);
    return `t=${t},v1=${crypto.createHmac('sha256', this.key).update(`${t}.${body}`).digest('hex')}`;
  }

  verifyWebhook(headers: WebhookHeaders, rawBody: string): PaymentEvent | null {
    const header = headers[SIGNATURE_HEADER];
    if (typeof header !== 'string') return null;
    const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=') as [string, string]));
    const t = Number(parts.t);
    if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return null;
    if (Math.abs(this.options.now().getTime() / 1000 - t) > SIGNATURE_TOLERANCE_SECONDS) return null;
    const expected = crypto.createHmac('sha256', this.key).update(`${t}.${rawBody}`).digest();
    if (!crypto.timingSafeEqual(expected, Buffer.from(parts.v1!, 'hex'))) return null;
    let event: { id?: unknown; type?: unknown; created?: unknown; data?: Record<string, unknown> };
    try {
      event = JSON.parse(rawBody);
    } catch {
      return null;
    }
    const data = event.data ?? {};
    if (typeof event.id !== 'string' || typeof event.type !== 'string' || typeof event.created !== 'number' || typeof data.ref !== 'string' || typeof data.merchantPaymentId !== 'string' || !Number.isInteger(data.amount) || data.currency !== 'JPY') return null;
    const occurredAt = new Date(event.created * 1000);
    const outcome = OUTCOMES[event.type];
    if (outcome) {
      const method = data.method === 'card' || data.method === 'qr' ? data.method : null;
      return { kind: 'payment', eventId: event.id, providerRef: data.ref, paymentId: data.merchantPaymentId, outcome, amountYen: data.amount as number, occurredAt, method };
    }
    const refundOutcome = REFUND_OUTCOMES[event.type];
    if (refundOutcome && typeof data.refundRef === 'string' && typeof data.merchantRefundId === 'string') {
      return { kind: 'refund', eventId: event.id, providerRef: data.ref, providerRefundRef: data.refundRef, refundId: data.merchantRefundId, outcome: refundOutcome, amountYen: data.amount as number, occurredAt, failureReason: typeof data.failureReason === 'string' ? data.failureReason : null };
    }
    return null;
  }

  async status(providerRef: string): Promise<ProviderPaymentState | null> {
    const row = await this.checkout(providerRef);
    if (!row) return null;
    return { status: row.state === 'open' ? 'created' : row.state, amountYen: row.amount_yen, paidAt: row.state === 'paid' ? row.completed_at : null, method: row.method };
  }

  refund(request: RefundRequest): Promise<RefundResult> {
    return this.ledger.requestRefund(request);
  }

  transactions(date: string): Promise<ProviderTransaction[]> {
    return this.ledger.transactions(date);
  }

  payout(date: string): Promise<ProviderPayout | null> {
    return this.ledger.payout(date);
  }
}
