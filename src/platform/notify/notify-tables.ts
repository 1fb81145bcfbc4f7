/** Kysely row types of Notify's tables (src/platform/db/migrations/0002-notify.sql). */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { PlatformTables } from '../db/platform-tables.ts';
import type { Channel } from './notifier.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type MessageStatus = 'created' | 'sending' | 'delivered' | 'failed' | 'temporary-failure' | 'suppressed';
export const MESSAGE_STATUSES: readonly MessageStatus[] = ['created', 'sending', 'delivered', 'failed', 'temporary-failure', 'suppressed'];
/** Nothing more happens to a message in one of these states. */
export const FINAL_STATUSES: ReadonlySet<MessageStatus> = new Set(['delivered', 'failed', 'suppressed']);

export type ApiKeyKind = 'test' | 'team' | 'live';

export type NotifyTables = {
  notify_templates: {
    id: Generated<string>;
    name: string;
    current_version: Generated<number>;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  notify_template_versions: {
    template_id: string;
    version: number;
    name: string;
    sms_body: string | null;
    email_subject: string | null;
    email_body: string | null;
    line_body: string | null;
    push_title: string | null;
    push_body: string | null;
    created_by: string | null;
    created_at: Generated<Date>;
  };
  notify_api_keys: {
    id: Generated<string>;
    name: string;
    kind: ApiKeyKind;
    secret_hash: string;
    secret_hint: string;
    source: string;
    created_by: string | null;
    created_at: Generated<Date>;
    last_used_at: NullableTimestamp;
    revoked_at: NullableTimestamp;
    revoked_by: string | null;
  };
  notify_team_recipients: {
    id: Generated<string>;
    api_key_id: string | null;
    channel: Channel;
    recipient: string;
    created_by: string | null;
    created_at: Generated<Date>;
  };
  notify_messages: {
    id: Generated<string>;
    idempotency_key: string;
    channel: Channel;
    recipient: string;
    subject: string | null;
    body: string;
    source: string;
    reference: string | null;
    api_key_id: string | null;
    key_kind: ApiKeyKind | null;
    template_id: string | null;
    template_version: number | null;
    status: Generated<MessageStatus>;
    provider: string | null;
    provider_ref: string | null;
    attempts: Generated<number>;
    segments: number | null;
    failure_reason: string | null;
    lease_until: NullableTimestamp;
    send_after: NullableTimestamp;
    next_attempt_at: NullableTimestamp;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    sent_at: NullableTimestamp;
    delivered_at: NullableTimestamp;
    failed_at: NullableTimestamp;
  };
  notify_message_events: {
    id: Generated<number>;
    message_id: string;
    at: Timestamp;
    event: string;
    detail: string | null;
  };
  notify_opt_outs: {
    channel: Channel;
    recipient: string;
    reason: string | null;
    source: Generated<string>;
    created_by: string | null;
    created_at: Generated<Date>;
  };
  notify_simulator_inbox: {
    id: Generated<number>;
    channel: Channel;
    recipient: string;
    subject: string | null;
    body: string;
    idempotency_key: string;
    provider_ref: string;
    client_ref: string | null;
    callback_url: string | null;
    calls: Generated<number>;
    received_at: Generated<Date>;
    receipt_state: Generated<'none' | 'pending' | 'sent' | 'failed'>;
    receipt_status: string | null;
    receipt_sent_at: NullableTimestamp;
  };
  notify_simulator_push_endpoints: {
    token: string;
    private_key: string;
    public_key: string;
    auth_secret: string;
    gone: Generated<boolean>;
    created_at: Generated<Date>;
  };
};

export type NotifyDb = Kysely<PlatformTables & NotifyTables>;

/** Accepts any database handle whose schema includes the platform's tables (services pass theirs). */
export function notifyDb<DB extends PlatformTables>(db: Kysely<DB>): NotifyDb {
  return (db as unknown as Kysely<PlatformTables>).withTables<NotifyTables>();
}
