/** Kysely row types of the city app's tables (migrations/0400-app.sql). */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { AreaCode, CategoryCode } from './taxonomy.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type ArticleStatus = 'draft' | 'scheduled' | 'published' | 'unpublished';
export type SubscriberChannel = 'email' | 'line' | 'push';
export type SubscriberStatus = 'pending' | 'active' | 'unsubscribed';
export type DeliveryKind = 'article' | 'disaster' | 'vaccine';

export type AppTables = {
  app_articles: {
    id: Generated<string>;
    title: string;
    summary: Generated<string>;
    body: string;
    category: CategoryCode;
    area: AreaCode;
    image_file_id: string | null;
    image_alt: Generated<string>;
    status: Generated<ArticleStatus>;
    publish_at: NullableTimestamp;
    published_at: NullableTimestamp;
    notified_at: NullableTimestamp;
    created_by: string | null;
    updated_by: string | null;
    created_at: Generated<Date>;
    updated_at: Timestamp;
  };
  app_subscribers: {
    id: Generated<string>;
    resident_account_id: string | null;
    channel: SubscriberChannel;
    address: string | null;
    push_endpoint: string | null;
    /** text[]; written with sql`ARRAY[...]::text[]` (see subscription-service.ts textArray). */
    categories: ColumnType<CategoryCode[], string[], string[]>;
    areas: ColumnType<AreaCode[], string[], string[]>;
    status: Generated<SubscriberStatus>;
    token: string;
    link_code: string | null;
    link_code_expires_at: NullableTimestamp;
    created_at: Generated<Date>;
    confirmed_at: NullableTimestamp;
    unsubscribed_at: NullableTimestamp;
  };
  app_line_friends: { line_user_id: string; following: boolean; followed_at: NullableTimestamp; unfollowed_at: NullableTimestamp; updated_at: Timestamp };
  app_line_events: { id: Generated<number>; webhook_event_id: string; type: string; line_user_id: string | null; outcome: string; occurred_at: Timestamp; received_at: Generated<Date> };
  app_deliveries: { kind: DeliveryKind; ref: string; subscriber_id: string; notification_id: string; sent_at: Generated<Date> };
  app_disaster_alerts: { id: Generated<number>; message: string; started_at: Generated<Date>; started_by: string; ended_at: NullableTimestamp; ended_by: string | null };
  app_children: { id: Generated<string>; resident_account_id: string; nickname: string; birth_date: string; created_at: Generated<Date> };
};

export type AppDb = Kysely<PlatformTables & AppTables>;

export function appDb(db: Kysely<PlatformTables>): AppDb {
  return db.withTables<AppTables>();
}

export const asPlatformDb = (db: AppDb) => db as unknown as Kysely<PlatformTables>;
