/** Kysely row types of the tax-reminder tables (migrations/0500-tax-reminders.sql). */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Created = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;

export type CampaignState = 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled';
export type RecipientState = 'ready' | 'queued' | 'handed' | 'rejected';

export interface StoredProblem {
  row: number;
  column: string;
  messageKey: string;
  value: string;
  params?: Record<string, string | number>;
}

export type TaxReminderTables = {
  tax_reminder_templates: {
    id: Generated<string>;
    name: string;
    body: string;
    created_by: string | null;
    created_at: Created;
    updated_by: string | null;
    updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  };
  tax_reminder_campaigns: {
    id: Generated<string>;
    title: string;
    body: string;
    state: Generated<CampaignState>;
    file_name: string;
    file_sha256: string;
    file_encoding: string;
    row_count: number;
    problems: Json<StoredProblem[]>;
    link_valid_days: Generated<number>;
    created_by: string;
    created_at: Created;
    updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
    scheduled_at: Timestamp | null;
    approved_by: string | null;
    approved_at: Timestamp | null;
    /** Who last wrote the text (the creator until someone changes it); may not approve it. */
    text_changed_by: string | null;
    completed_at: Timestamp | null;
    cancelled_by: string | null;
    cancelled_at: Timestamp | null;
  };
  tax_reminder_recipients: {
    id: Generated<string>;
    campaign_id: string;
    row_number: number;
    taxpayer_number: string;
    name: string;
    phone: string;
    tax_item: string;
    fiscal_year: number;
    installment: string;
    amount_yen: number;
    due_date: ColumnType<string, string, string>;
    state: Generated<RecipientState>;
    rejected_reason: string | null;
    message_body: string | null;
    notification_id: string | null;
    sent_at: Timestamp | null;
  };
  tax_reminder_links: {
    token_hash: string;
    recipient_id: string;
    expires_at: Timestamp;
    created_at: Created;
    first_opened_at: Timestamp | null;
    open_count: Generated<number>;
  };
};

export type TaxRemindersDb = Kysely<PlatformTables & TaxReminderTables>;

export function taxRemindersDb(db: Kysely<PlatformTables>): TaxRemindersDb {
  return db.withTables<TaxReminderTables>();
}
