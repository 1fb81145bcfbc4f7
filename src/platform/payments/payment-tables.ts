/** Kysely row types of the payments tables (platform/db/migrations/0003-payments.sql, 0006-payments-ledger.sql). */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { PlatformTables } from '../db/platform-tables.ts';
import type { PaymentMethod, PaymentOutcome, PaymentStatus, RefundOutcome } from './payment-provider.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type PaymentTables = {
  payments: {
    id: Generated<string>;
    source: string;
    reference: string;
    description: string;
    amount_yen: number;
    currency: Generated<'JPY'>;
    status: Generated<PaymentStatus>;
    provider: string;
    provider_ref: string | null;
    checkout_url: string | null;
    return_url: string;
    expires_at: Timestamp;
    created_at: ColumnType<Date, Date | string | undefined, never>;
    updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
    paid_at: Timestamp | null;
    methods: ColumnType<PaymentMethod[], PaymentMethod[] | undefined, PaymentMethod[]>;
    method: PaymentMethod | null;
    refunded_yen: Generated<number>;
    receipt_number: string | null;
    /** The service's human reference of what is paid (e.g. a booking's F261128-LGARM); null if none was given. */
    display_reference: ColumnType<string | null, string | null | undefined, string | null>;
  };
  payment_events: {
    id: Generated<number>;
    payment_id: string;
    provider: string;
    provider_event_id: string;
    via: 'webhook' | 'status' | 'expiry';
    outcome: PaymentOutcome;
    amount_yen: number | null;
    applied: boolean;
    occurred_at: Timestamp;
    received_at: Generated<Date>;
    method: PaymentMethod | null;
  };
  payment_refunds: {
    id: Generated<string>;
    payment_id: string;
    amount_yen: number;
    reason: string;
    status: Generated<RefundStatus>;
    idempotency_key: string;
    provider: string;
    provider_refund_ref: string | null;
    failure_reason: string | null;
    requested_by_type: 'staff' | 'resident' | 'system';
    requested_by_id: string | null;
    created_at: ColumnType<Date, Date | string | undefined, never>;
    updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
    settled_at: Timestamp | null;
    seq: Generated<number>;
  };
  payment_refund_events: {
    id: Generated<number>;
    refund_id: string;
    provider: string;
    provider_event_id: string;
    via: 'webhook' | 'response' | 'status';
    outcome: RefundOutcome;
    applied: boolean;
    occurred_at: Timestamp;
    received_at: Generated<Date>;
  };
  ledger_entries: {
    id: Generated<number>;
    kind: LedgerEntryKind;
    idempotency_key: string;
    provider: string;
    payment_id: string | null;
    refund_id: string | null;
    payout_ref: string | null;
    memo: string;
    occurred_at: Timestamp;
    recorded_at: Generated<Date>;
  };
  ledger_lines: {
    id: Generated<number>;
    entry_id: number;
    account: string;
    side: 'debit' | 'credit';
    amount_yen: number;
  };
  payment_reconciliations: {
    id: Generated<number>;
    provider: string;
    business_date: string;
    status: ReconciliationStatus;
    matched_count: number;
    discrepancy_count: number;
    report: ColumnType<unknown, string, never>;
    run_by_type: 'staff' | 'system';
    run_by_id: string | null;
    run_at: Generated<Date>;
  };
  payment_simulator_checkouts: {
    ref: string;
    merchant_payment_id: string;
    amount_yen: number;
    description: string;
    return_url: string;
    state: Generated<'open' | 'paid' | 'cancelled' | 'expired'>;
    expires_at: Timestamp;
    created_at: ColumnType<Date, Date | string | undefined, never>;
    completed_at: Timestamp | null;
    event_id: string | null;
    webhook_attempts: Generated<number>;
    webhook_status: number | null;
    webhook_delivered_at: Timestamp | null;
    methods: ColumnType<PaymentMethod[], PaymentMethod[] | undefined, PaymentMethod[]>;
    method: PaymentMethod | null;
    card_brand: string | null;
    card_last4: string | null;
    declined_attempts: Generated<number>;
  };
  payment_simulator_refunds: {
    ref: string;
    checkout_ref: string;
    merchant_refund_id: string;
    amount_yen: number;
    state: RefundStatus;
    failure_reason: string | null;
    created_at: ColumnType<Date, Date | string | undefined, never>;
    completed_at: Timestamp | null;
    event_id: string | null;
    webhook_attempts: Generated<number>;
    webhook_status: number | null;
  };
  payment_simulator_payouts: {
    business_date: string;
    ref: string;
    gross_yen: number;
    refunded_yen: number;
    fee_yen: number;
    net_yen: number;
    created_at: Generated<Date>;
  };
};

export type RefundStatus = 'pending' | 'succeeded' | 'failed';
export type LedgerEntryKind = 'capture' | 'refund' | 'payout';
export type ReconciliationStatus = 'balanced' | 'resolved' | 'discrepancies';

export type PaymentsDb = Kysely<PlatformTables & PaymentTables>;

export function paymentsDb(db: Kysely<PlatformTables>): PaymentsDb {
  return db.withTables<PaymentTables>();
}
