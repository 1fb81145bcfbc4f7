/**
 * The payments interface: what the platform needs from any payment provider
 * (a card acquirer, a QR-code wallet, a convenience-store network, or the local
 * simulator). The app never sees card numbers: it asks the provider for a
 * checkout and sends the payer there; the provider tells the app what happened
 * through a signed webhook, and answers status queries for reconciliation.
 */

/** What the city knows about a payment. `created`: waiting for the payer; the rest are final (a late capture can still turn expired into paid). */
export type PaymentStatus = 'created' | 'paid' | 'cancelled' | 'expired';
export type PaymentOutcome = Exclude<PaymentStatus, 'created'>;

export interface CheckoutRequest {
  /** The platform's payment id; the provider echoes it back (merchant reference). */
  paymentId: string;
  amountYen: number;
  /** Shown to the payer on the provider's page (no personal data: it may be kept by the provider). */
  description: string;
  /** Where the payer's browser returns after paying or cancelling. */
  returnUrl: string;
  expiresAt: Date;
}

export interface Checkout {
  /** The provider's id for this payment. */
  providerRef: string;
  /** Send the payer's browser here. */
  redirectUrl: string;
}

/** A webhook whose signature checked out, in the provider-neutral form. */
export interface PaymentEvent {
  /** Unique per event at the provider; a retried or replayed delivery carries the same id. */
  eventId: string;
  providerRef: string;
  paymentId: string;
  outcome: PaymentOutcome;
  amountYen: number;
  occurredAt: Date;
}

export interface ProviderPaymentState {
  status: PaymentStatus;
  amountYen: number;
  /** When the provider captured the money (status 'paid'). */
  paidAt: Date | null;
}

export type WebhookHeaders = Record<string, string | string[] | undefined>;

export interface PaymentProvider {
  /** Short stable name ('simulator', later e.g. 'card-acquirer'); part of the webhook URL /payments/webhooks/:name. */
  readonly name: string;
  /** True for the local simulator: pages say so, and no money moves. */
  readonly simulated: boolean;
  createCheckout(request: CheckoutRequest): Promise<Checkout>;
  /** Checks a webhook exactly as received (raw body); null when forged, malformed or too old. */
  verifyWebhook(headers: WebhookHeaders, rawBody: string): PaymentEvent | null;
  /** Asks the provider (server to server) for a payment's state, for reconciliation. */
  status(providerRef: string): Promise<ProviderPaymentState | null>;
}
