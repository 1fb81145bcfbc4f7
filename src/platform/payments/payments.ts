/**
 * The platform's payments, over one PaymentProvider chosen at start-up. Services
 * ask for a payment (source + reference + amount) and send the payer to the
 * returned URL; the provider's signed webhook (or a status query when the payer
 * comes back) settles it. Capture is idempotent: every provider event is stored
 * once by its id, a payment leaves `created` once, and a paid payment stays paid,
 * so a replayed or repeated webhook changes nothing. A forged one is refused.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { recordAudit } from '../audit/audit-log.ts';
import type { Config } from '../config/config.ts';
import type { PlatformTables } from '../db/platform-tables.ts';
import type { PaymentEvent, PaymentOutcome, PaymentProvider, PaymentStatus, WebhookHeaders } from './payment-provider.ts';
import { paymentsDb, type PaymentsDb } from './payment-tables.ts';
import { SimulatorProvider } from './simulator-provider.ts';

export interface Payment {
  id: string;
  source: string;
  reference: string;
  description: string;
  amountYen: number;
  status: PaymentStatus;
  provider: string;
  providerRef: string | null;
  /** Where the payer completes it at the provider (send them back here while it is open). */
  checkoutUrl: string | null;
  returnUrl: string;
  expiresAt: Date;
  createdAt: Date;
  paidAt: Date | null;
}

export interface CreatePaymentInput {
  /** The service asking, e.g. 'tax-reminders'. */
  source: string;
  /** What is being paid in that service's terms (e.g. a reminder recipient id). */
  reference: string;
  amountYen: number;
  description: string;
  /** Absolute URL, or a path on this app, where the payer returns; `{paymentId}` is filled in. */
  returnUrl: string;
  /** How long the checkout stays open. */
  validMinutes?: number;
}

export type WebhookResult = 'applied' | 'unchanged' | 'rejected';

export class PaymentsUnavailable extends Error {
  constructor() {
    super('no payment provider is configured');
  }
}

function toPayment(row: Awaited<ReturnType<typeof selectPayment>>): Payment {
  return {
    id: row.id,
    source: row.source,
    reference: row.reference,
    description: row.description,
    amountYen: row.amount_yen,
    status: row.status,
    provider: row.provider,
    providerRef: row.provider_ref,
    checkoutUrl: row.checkout_url,
    returnUrl: row.return_url,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    paidAt: row.paid_at,
  };
}

async function selectPayment(db: PaymentsDb, id: string) {
  return db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** How long openOrCreate waits for another request's checkout (40 × 50 ms = 2 s). */
const OPEN_WAIT_ATTEMPTS = 40;
const OPEN_WAIT_MS = 50;
/** An open payment still without a checkout after this long was left by a request that failed midway. */
const STALE_OPENING_MS = 60_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class Payments {
  private readonly db: PaymentsDb;

  constructor(
    db: Kysely<PlatformTables>,
    /** null: no provider configured (online payment is then unavailable, and pages say so). */
    readonly provider: PaymentProvider | null,
    private readonly options: { publicUrl: string; now: () => Date; log: Logger },
  ) {
    this.db = paymentsDb(db);
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
    return provider;
  }

  private insertPayment(provider: PaymentProvider, input: CreatePaymentInput) {
    const now = this.options.now();
    const expiresAt = new Date(now.getTime() + (input.validMinutes ?? 30) * 60_000);
    return this.db
      .insertInto('payments')
      .values({ source: input.source, reference: input.reference, description: input.description, amount_yen: input.amountYen, provider: provider.name, provider_ref: null, checkout_url: null, return_url: '', expires_at: expiresAt, created_at: now, updated_at: now, paid_at: null })
      .returning(['id', 'expires_at']);
  }

  private async openCheckout(provider: PaymentProvider, id: string, input: CreatePaymentInput): Promise<{ payment: Payment; redirectUrl: string }> {
    const { expires_at: expiresAt } = await selectPayment(this.db, id);
    const filled = input.returnUrl.replace('{paymentId}', id);
    const returnUrl = filled.startsWith('/') ? `${this.options.publicUrl}${filled}` : filled;
    let checkout: Awaited<ReturnType<PaymentProvider['createCheckout']>>;
    try {
      checkout = await provider.createCheckout({ paymentId: id, amountYen: input.amountYen, description: input.description, returnUrl, expiresAt });
    } catch (error) {
      // No checkout, nothing to pay: close it so it does not hold the reference's one open slot.
      await this.db.updateTable('payments').set({ status: 'cancelled', updated_at: this.options.now() }).where('id', '=', id).where('status', '=', 'created').execute();
      throw error;
    }
    await this.db.updateTable('payments').set({ provider_ref: checkout.providerRef, checkout_url: checkout.redirectUrl, return_url: returnUrl }).where('id', '=', id).execute();
    return { payment: toPayment(await selectPayment(this.db, id)), redirectUrl: checkout.redirectUrl };
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

  /** A provider webhook as received: verified, then applied once. */
  async receiveWebhook(providerName: string, headers: WebhookHeaders, rawBody: string): Promise<WebhookResult> {
    const provider = this.provider;
    if (!provider || provider.name !== providerName) return 'rejected';
    const event = provider.verifyWebhook(headers, rawBody);
    if (!event) {
      this.options.log.warn({ provider: providerName }, 'payment webhook refused: bad or missing signature');
      return 'rejected';
    }
    return this.apply(provider.name, event, 'webhook');
  }

  /** Asks the provider what happened (when the payer comes back before the webhook, or it was lost) and applies it. */
  async reconcile(id: string): Promise<Payment | null> {
    const payment = await this.get(id);
    const provider = this.provider;
    if (!payment || !provider || payment.provider !== provider.name || !payment.providerRef || payment.status === 'paid') return payment;
    const state = await provider.status(payment.providerRef);
    if (state && state.status !== 'created') {
      await this.apply(
        provider.name,
        { eventId: `status:${payment.providerRef}:${state.status}`, providerRef: payment.providerRef, paymentId: payment.id, outcome: state.status, amountYen: state.amountYen, occurredAt: state.paidAt ?? this.options.now() },
        'status',
      );
    }
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

  private async apply(providerName: string, event: PaymentEvent, via: 'webhook' | 'status'): Promise<WebhookResult> {
    return this.db.transaction().execute(async (trx) => {
      const payment = await trx.selectFrom('payments').selectAll().where('id', '=', event.paymentId).where('provider', '=', providerName).forUpdate().executeTakeFirst();
      if (!payment || payment.provider_ref !== event.providerRef) {
        this.options.log.warn({ provider: providerName, event: event.eventId }, 'payment event for an unknown payment');
        return 'rejected';
      }
      if (event.outcome === 'paid' && event.amountYen !== payment.amount_yen) {
        this.options.log.error({ provider: providerName, payment: payment.id, event: event.eventId }, 'payment event amount differs from the payment: not applied');
        return 'rejected';
      }
      const next = transition(payment.status, event.outcome);
      const inserted = await trx
        .insertInto('payment_events')
        .values({ payment_id: payment.id, provider: providerName, provider_event_id: event.eventId, via, outcome: event.outcome, amount_yen: event.amountYen, applied: next !== null, occurred_at: event.occurredAt })
        .onConflict((oc) => oc.columns(['provider', 'provider_event_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted || next === null) return 'unchanged'; // a replay, or the payment is already settled
      const now = this.options.now();
      await trx
        .updateTable('payments')
        .set({ status: next, updated_at: now, ...(next === 'paid' ? { paid_at: event.occurredAt } : {}) })
        .where('id', '=', payment.id)
        .execute();
      await recordAudit(trx as unknown as Kysely<PlatformTables>, {
        actor: { type: 'system', id: `payments:${providerName}` },
        action: `payments.${next}`,
        targetType: 'payment',
        targetId: payment.id,
        details: { source: payment.source, reference: payment.reference, amountYen: payment.amount_yen, via, event: event.eventId, ...(payment.status === 'expired' ? { lateCapture: true } : {}) },
      });
      return 'applied';
    });
  }
}

/** The next status, or null when the event changes nothing. A capture is never lost: paid wins over expired or cancelled. */
export function transition(current: PaymentStatus, outcome: PaymentOutcome): PaymentStatus | null {
  if (current === 'paid') return null;
  if (outcome === 'paid') return 'paid';
  if (current === 'created') return outcome;
  return null;
}

/** The provider of this installation: the local simulator while demo data is on; none otherwise (until a real provider adapter is configured). */
export function createPayments(options: { db: Kysely<PlatformTables>; config: Config; secret: string; now: () => Date; log: Logger }): Payments {
  const provider = options.config.demoData ? new SimulatorProvider(options.db, { publicUrl: options.config.publicUrl, secret: options.secret, now: options.now }) : null;
  return new Payments(options.db, provider, { publicUrl: options.config.publicUrl, now: options.now, log: options.log });
}
