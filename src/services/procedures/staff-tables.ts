/** Kysely row types of the staff side's tables and columns (migrations/0701-procedures-staff.sql). */
import type { ColumnType, Generated, GeneratedAlways, Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { proceduresDb, type ProceduresTables } from './tables.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export const TASK_STATUSES = ['open', 'done', 'not_needed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export type StaffProceduresTables = {
  procedure_tasks: {
    id: Generated<string>;
    application_id: string;
    department_code: string;
    kind: string;
    status: Generated<TaskStatus>;
    /** jsonb: read as a value, written as JSON text. See TaskDetails in moving-one-stop.ts. */
    details: ColumnType<Record<string, unknown>, string, string>;
    note: Generated<string>;
    created_at: Timestamp;
    done_by_staff_id: string | null;
    done_at: Timestamp | null;
  };
  /** The search keys the database keeps beside each application (generated columns). */
  applications: {
    applicant_kana_key: GeneratedAlways<string>;
    applicant_name_key: GeneratedAlways<string>;
  };
};

export type StaffProceduresDb = Kysely<PlatformTables & ProceduresTables & StaffProceduresTables>;

/** Accepts the platform's handle, the service's or a transaction of either. */
export function staffProceduresDb(db: Kysely<PlatformTables> | Kysely<PlatformTables & ProceduresTables>): StaffProceduresDb {
  return proceduresDb(db as Kysely<PlatformTables>).withTables<StaffProceduresTables>();
}
