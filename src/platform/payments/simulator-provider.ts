/**
 * The local payment simulator: a stand-in payment gateway the app serves on its
 * own routes (/dev/pay/…), so the whole payment journey works in development, the
 * demo and tests without an outside service. It behaves like a real gateway: it
 * keeps its own checkouts, shows its own checkout page where the payer presses
 * 支払う or キャンセル, reports the outcome with an HMAC-signed webhook
 * (Stripe-style `t=…,v1=…` over `t.body`, five-minute tolerance) and answers
 * status queries. No money moves; every page says so.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/platform-tables.ts';
import type { Checkout, CheckoutRequest, PaymentEvent, PaymentOutcome, PaymentProvider, ProviderPaymentState, WebhookHeaders } from './payment-provider.ts';
import { paymentsDb, type PaymentsDb } from './payment-tables.ts';

export const SIMULATOR_PATH = '/dev/pay';
export const SIGNATURE_HEADER = 'x-simulator-signature';
/** A webhook older (or newer) than this is refused, so a captured one cannot be replayed forever. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const EVENT_TYPES: Record<PaymentOutcome, string> = { paid: 'payment.succeeded', cancelled: 'payment.cancelled', expired: 'payment.expired' };
const OUTCOMES = Object.fromEntries(Object.entries(EVENT_TYPES).map(([k, v]) => [v, k])) as Record<string, PaymentOutcome>;

export interface SimulatorWebhook {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export type SimulatorCheckout = NonNullable<Awaited<ReturnType<SimulatorProvider['checkout']>>>;

export class SimulatorProvider implements PaymentProvider {
  readonly name = 'simulator';
  readonly simulated = true;
  private readonly db: PaymentsDb;
  private readonly key: Buffer;

  constructor(
    db: Kysely<PlatformTables>,
    private readonly options: { publicUrl: string; secret: string; now: () => Date },
  ) {
    this.db = paymentsDb(db);
    // The webhook key is derived from the app secret (the same SESSION_SECRET on every instance).
    this.key = crypto.createHmac('sha256', options.secret).update('oshu-dx payment simulator webhook v1').digest();
  }

  get webhookPath(): string {
    return `/payments/webhooks/${this.name}`;
  }

  async createCheckout(request: CheckoutRequest): Promise<Checkout> {
    const ref = `sim_${crypto.randomBytes(16).toString('base64url')}`;
    await this.db
      .insertInto('payment_simulator_checkouts')
      .values({ ref, merchant_payment_id: request.paymentId, amount_yen: request.amountYen, description: request.description, return_url: request.returnUrl, expires_at: request.expiresAt, completed_at: null, event_id: null, webhook_status: null, webhook_delivered_at: null })
      .execute();
    return { providerRef: ref, redirectUrl: `${this.options.publicUrl}${SIMULATOR_PATH}/${ref}` };
  }

  async checkout(ref: string) {
    if (!/^sim_[A-Za-z0-9_-]{22}$/.test(ref)) return null;
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
   * The payer pressed 支払う or キャンセル (or the checkout ran out of time): settles an
   * open checkout once and returns the webhook to deliver; a checkout already
   * settled keeps its outcome (a second press changes nothing).
   */
  async settle(ref: string, action: 'pay' | 'cancel'): Promise<{ outcome: PaymentOutcome; changed: boolean; returnUrl: string } | null> {
    const current = await this.checkout(ref);
    if (!current) return null;
    if (current.state !== 'open') {
      // An open checkout past its time is settled as expired on first touch, and reported once.
      const changed = current.state === 'expired' && !current.event_id ? await this.finish(ref, 'expired') : false;
      return { outcome: current.state, changed, returnUrl: current.return_url };
    }
    const outcome: PaymentOutcome = action === 'pay' ? 'paid' : 'cancelled';
    const changed = await this.finish(ref, outcome);
    const after = (await this.checkout(ref))!;
    return { outcome: after.state as PaymentOutcome, changed, returnUrl: after.return_url };
  }

  private async finish(ref: string, outcome: PaymentOutcome): Promise<boolean> {
    const result = await this.db
      .updateTable('payment_simulator_checkouts')
      .set({ state: outcome, completed_at: this.options.now(), event_id: `evt_${crypto.randomBytes(12).toString('base64url')}` })
      .where('ref', '=', ref)
      .where('state', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** The signed webhook for a settled checkout (the same event id every time it is sent). */
  async webhookFor(ref: string): Promise<SimulatorWebhook | null> {
    const row = await this.checkout(ref);
    if (!row || row.state === 'open' || !row.event_id || !row.completed_at) return null;
    const body = JSON.stringify({
      id: row.event_id,
      type: EVENT_TYPES[row.state],
      created: Math.floor(row.completed_at.getTime() / 1000),
      data: { ref: row.ref, merchantPaymentId: row.merchant_payment_id, amount: row.amount_yen, currency: 'JPY' },
    });
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
    let event: { id?: unknown; type?: unknown; created?: unknown; data?: { ref?: unknown; merchantPaymentId?: unknown; amount?: unknown; currency?: unknown } };
    try {
      event = JSON.parse(rawBody);
    } catch {
      return null;
    }
    const outcome = typeof event.type === 'string' ? OUTCOMES[event.type] : undefined;
    const data = event.data ?? {};
    if (!outcome || typeof event.id !== 'string' || typeof data.ref !== 'string' || typeof data.merchantPaymentId !== 'string' || !Number.isInteger(data.amount) || data.currency !== 'JPY' || typeof event.created !== 'number') return null;
    return { eventId: event.id, providerRef: data.ref, paymentId: data.merchantPaymentId, outcome, amountYen: data.amount as number, occurredAt: new Date(event.created * 1000) };
  }

  async status(providerRef: string): Promise<ProviderPaymentState | null> {
    const row = await this.checkout(providerRef);
    if (!row) return null;
    return { status: row.state === 'open' ? 'created' : row.state, amountYen: row.amount_yen, paidAt: row.state === 'paid' ? row.completed_at : null };
  }
}
