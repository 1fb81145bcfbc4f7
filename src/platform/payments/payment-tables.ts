/** Kysely row types of the payments tables (platform/db/migrations/0003-payments.sql). */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { PlatformTables } from '../db/platform-tables.ts';
import type { PaymentOutcome, PaymentStatus } from './payment-provider.ts';

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
  };
};

export type PaymentsDb = Kysely<PlatformTables & PaymentTables>;

export function paymentsDb(db: Kysely<PlatformTables>): PaymentsDb {
  return db.withTables<PaymentTables>();
}
