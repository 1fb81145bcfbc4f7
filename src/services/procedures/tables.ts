/** Kysely row types of the online procedures tables (migrations/0700-procedures.sql). */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { Answers } from '../../engines/forms/index.ts';
import type { ApplicationStatus } from './application-states.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: read as a value, written as JSON text (JSON.stringify) like the platform tables. */
type Json<T> = ColumnType<T, string, string>;
type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;

export type ProcedureStatus = 'published' | 'withdrawn';
export type ApplicationChannel = 'online' | 'counter';
export type PaymentMethod = 'online' | 'counter';
export type EventActorType = 'resident' | 'staff' | 'system';

export type ProceduresTables = {
  procedures: {
    id: string;
    current_version: number;
    status: Generated<ProcedureStatus>;
    department_code: string;
    category: string;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  procedure_versions: {
    procedure_id: string;
    version: number;
    /** The definition as published (forms engine format). */
    definition: Json<unknown>;
    hash: string;
    created_by_staff_id: string | null;
    created_at: Generated<Date>;
  };
  applications: {
    id: Generated<string>;
    reference: string | null;
    procedure_id: string;
    procedure_version: number;
    resident_account_id: string | null;
    resident_id: string | null;
    applicant_name: Generated<string>;
    applicant_kana: Generated<string>;
    status: Generated<ApplicationStatus>;
    answers: JsonWithDefault<Answers>;
    current_page_id: string | null;
    fee_yen: Generated<number>;
    payment_method: PaymentMethod | null;
    payment_id: string | null;
    paid_at: Timestamp | null;
    channel: Generated<ApplicationChannel>;
    department_code: string;
    submitted_at: Timestamp | null;
    /** ISO date (YYYY-MM-DD), read as a string (date columns are parsed as text by the database layer). */
    due_date: ColumnType<string | null, string | null | undefined, string | null>;
    decided_at: Timestamp | null;
    assigned_staff_id: string | null;
    submitted_by_staff_id: string | null;
    identity_check: string | null;
    counter_visit_id: string | null;
    idempotency_key: string | null;
    created_at: Generated<Date>;
    updated_at: Timestamp;
  };
  application_events: {
    id: Generated<number>;
    application_id: string;
    at: Timestamp;
    actor_type: EventActorType;
    actor_id: string | null;
    /** The state entered (a status) or 'note' | 'payment' | 'assigned' | 'files'. */
    kind: string;
    from_status: ApplicationStatus | null;
    to_status: ApplicationStatus | null;
    message: Generated<string>;
    /** Field ids flagged for correction (when returned). */
    fields: JsonWithDefault<string[]>;
    visible_to_resident: Generated<boolean>;
  };
  application_files: {
    application_id: string;
    file_id: string;
    field_id: string;
    uploaded_by: Generated<'resident' | 'staff'>;
    created_at: Generated<Date>;
  };
  procedure_pending_posts: {
    token_hash: string;
    application_id: string;
    page_id: string;
    form: Json<Record<string, unknown>>;
    created_at: Generated<Date>;
    expires_at: Timestamp;
  };
};

export type ProceduresDb = Kysely<PlatformTables & ProceduresTables>;

export function proceduresDb(db: Kysely<PlatformTables>): ProceduresDb {
  return db.withTables<ProceduresTables>();
}
