/** The payments facade's shapes: a payment and a refund as services see them, who asks, and what every part needs. */
import type { Selectable } from 'kysely';
import type { Logger } from 'pino';
import type { Actor } from '../access/actor.ts';
import { auditActorOf } from '../access/actor.ts';
import type { AuditActor } from '../audit/audit-log.ts';
import type { PaymentMethod, PaymentProvider, PaymentStatus } from './payment-provider.ts';
import type { PaymentsDb, PaymentTables, RefundStatus } from './payment-tables.ts';

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
  /** The methods offered at checkout. */
  methods: PaymentMethod[];
  /** The method the payer used (known once paid). */
  method: PaymentMethod | null;
  /** Sum of succeeded refunds; a paid payment stays `paid` and this says how much went back. */
  refundedYen: number;
  /** The 領収書 number, once a receipt has been issued. */
  receiptNumber: string | null;
  /** The service's human reference of what is paid (a booking's number), if it gave one. */
  displayReference?: string | null;
}

export interface Refund {
  id: string;
  paymentId: string;
  amountYen: number;
  reason: string;
  status: RefundStatus;
  providerRefundRef: string | null;
  failureReason: string | null;
  requestedBy: AuditActor;
  createdAt: Date;
  /** When the provider completed it (succeeded or failed). */
  settledAt: Date | null;
}

/** Who asks for a refund: a member of staff, a resident (cancelling their own booking), or the system (a job). */
export type PaymentsActor = Actor | { kind: 'system'; id: string };

export function auditActorOfPayments(actor: PaymentsActor): AuditActor {
  return actor.kind === 'system' ? { type: 'system', id: actor.id } : auditActorOf(actor);
}

/** What the facade's parts share. */
export interface PaymentsContext {
  db: PaymentsDb;
  provider: PaymentProvider | null;
  now: () => Date;
  log: Logger;
}

export function toPayment(row: Selectable<PaymentTables['payments']>): Payment {
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
    methods: row.methods,
    method: row.method,
    refundedYen: row.refunded_yen,
    receiptNumber: row.receipt_number,
    displayReference: row.display_reference,
  };
}

export function toRefund(row: Selectable<PaymentTables['payment_refunds']>): Refund {
  return {
    id: row.id,
    paymentId: row.payment_id,
    amountYen: row.amount_yen,
    reason: row.reason,
    status: row.status,
    providerRefundRef: row.provider_refund_ref,
    failureReason: row.failure_reason,
    requestedBy: { type: row.requested_by_type, id: row.requested_by_id },
    createdAt: row.created_at,
    settledAt: row.settled_at,
  };
}

export class PaymentsUnavailable extends Error {
  constructor() {
    super('no payment provider is configured');
  }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
