/**
 * The payments interface: what the platform needs from any payment provider
 * (a card acquirer, a QR-code wallet, a convenience-store network, or the local
 * simulator). The app never sees card numbers: it asks the provider for a
 * checkout and sends the payer there; the provider tells the app what happened
 * through a signed webhook, answers status queries, refunds, and reports each
 * day's transactions and payout for reconciliation.
 */

/** What the city knows about a payment. `created`: waiting for the payer; the rest are final (a late capture can still turn expired into paid). */
export type PaymentStatus = 'created' | 'paid' | 'cancelled' | 'expired';
export type PaymentOutcome = Exclude<PaymentStatus, 'created'>;

/** How the payer paid: a card form at the provider, or a QR code read by a wallet app. */
export type PaymentMethod = 'card' | 'qr';
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['card', 'qr'];

export interface CheckoutRequest {
  /** The platform's payment id; the provider echoes it back (merchant reference). */
  paymentId: string;
  amountYen: number;
  /** Shown to the payer on the provider's page (no personal data: it may be kept by the provider). */
  description: string;
  /** Where the payer's browser returns after paying or cancelling. */
  returnUrl: string;
  expiresAt: Date;
  /** The methods the payer may choose from (never empty; all supported by the provider). */
  methods: PaymentMethod[];
}

export interface Checkout {
  /** The provider's id for this payment. */
  providerRef: string;
  /** Send the payer's browser here. */
  redirectUrl: string;
}

/** A verified event about a payment: paid (with the method used), cancelled or expired at the provider. */
export interface CaptureEvent {
  kind: 'payment';
  /** Unique per event at the provider; a retried or replayed delivery carries the same id. */
  eventId: string;
  providerRef: string;
  paymentId: string;
  outcome: PaymentOutcome;
  amountYen: number;
  occurredAt: Date;
  method: PaymentMethod | null;
}

export type RefundOutcome = 'succeeded' | 'failed';

/** A verified event about a refund the city asked for. */
export interface RefundEvent {
  kind: 'refund';
  eventId: string;
  providerRef: string;
  providerRefundRef: string;
  /** The platform's refund id, echoed back. */
  refundId: string;
  outcome: RefundOutcome;
  amountYen: number;
  occurredAt: Date;
  failureReason: string | null;
}

/** A webhook whose signature checked out, in the provider-neutral form. */
export type PaymentEvent = CaptureEvent | RefundEvent;

export interface ProviderPaymentState {
  status: PaymentStatus;
  amountYen: number;
  /** When the provider captured the money (status 'paid'). */
  paidAt: Date | null;
  method: PaymentMethod | null;
}

export interface RefundRequest {
  providerRef: string;
  /** The platform's refund id: the provider's idempotency key (asking again answers with the same refund). */
  refundId: string;
  amountYen: number;
}

export interface RefundResult {
  providerRefundRef: string;
  /** pending: the provider will report the outcome later (webhook, or ask again with the same refundId). */
  status: 'succeeded' | 'pending' | 'failed';
  /** When the provider completed it (succeeded or failed); now when absent. */
  occurredAt?: Date;
  failureReason?: string | null;
}

/** One line of the provider's transaction report for a day. */
export interface ProviderTransaction {
  kind: 'capture' | 'refund';
  providerRef: string;
  providerRefundRef: string | null;
  /** The platform's ids as the provider keeps them (merchant references). */
  paymentId: string;
  refundId: string | null;
  amountYen: number;
  method: PaymentMethod | null;
  occurredAt: Date;
}

/** What the provider pays into the city's bank for one day's transactions, less its fees. */
export interface ProviderPayout {
  payoutRef: string;
  /** The Japanese calendar day whose transactions it covers. */
  businessDate: string;
  grossYen: number;
  refundedYen: number;
  feeYen: number;
  /** gross − refunded − fees; negative when the provider debits the city. */
  netYen: number;
}

export type WebhookHeaders = Record<string, string | string[] | undefined>;

export interface PaymentProvider {
  /** Short stable name ('simulator', later e.g. 'card-acquirer'); part of the webhook URL /payments/webhooks/:name. */
  readonly name: string;
  /** True for the local simulator: pages and receipts say so, and no money moves. */
  readonly simulated: boolean;
  /** The methods this provider can take. */
  readonly methods: readonly PaymentMethod[];
  createCheckout(request: CheckoutRequest): Promise<Checkout>;
  /**
   * Closes an open checkout so the payer can no longer pay it (what it paid for no
   * longer exists); its page then says it is cancelled. A checkout already settled
   * keeps its outcome. Idempotent.
   */
  cancelCheckout(providerRef: string): Promise<void>;
  /** Checks a webhook exactly as received (raw body); null when forged, malformed or too old. */
  verifyWebhook(headers: WebhookHeaders, rawBody: string): PaymentEvent | null;
  /** Asks the provider (server to server) for a payment's state, for reconciliation. */
  status(providerRef: string): Promise<ProviderPaymentState | null>;
  /** Refunds part or all of a captured payment; idempotent on refundId. */
  refund(request: RefundRequest): Promise<RefundResult>;
  /** The provider's captures and refunds on a Japanese calendar day (YYYY-MM-DD). */
  transactions(date: string): Promise<ProviderTransaction[]>;
  /** The payout report for a day's transactions, once the day is over; null when there is none. */
  payout(date: string): Promise<ProviderPayout | null>;
}
