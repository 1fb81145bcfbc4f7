/** Kysely row types of the platform's own tables (see migrations/0001-platform-core.sql). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface DepartmentsTable {
  code: string;
  name_ja: string;
  name_en: string;
  sort_order: Generated<number>;
}

export interface StaffTable {
  id: Generated<string>;
  login_id: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  last_totp_step: Generated<number>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type StaffRole = 'clerk' | 'manager' | 'admin';

export interface StaffRolesTable {
  staff_id: string;
  department_code: string;
  role: StaffRole;
}

export interface ResidentAccountsTable {
  id: Generated<string>;
  issuer: string;
  subject: string;
  display_name: string;
  resident_id: string | null;
  assurance: 'card' | 'password';
  claims: ColumnType<Record<string, unknown>, string, string>;
  created_at: Generated<Date>;
  last_login_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  kind: 'staff' | 'resident';
  subject_id: string;
  stage: Generated<'mfa' | 'mfa-enrol' | 'active'>;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  seq: number;
  at: Timestamp;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  reason: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface JobsTable {
  id: Generated<number>;
  queue: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  state: Generated<'queued' | 'running' | 'done' | 'failed'>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: Date | null;
  last_error: string | null;
  idempotency_key: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

export interface FilesTable {
  id: Generated<string>;
  owner_type: string;
  owner_id: string;
  original_name: string;
  mime: string;
  size: number;
  sha256: string;
  created_at: Generated<Date>;
}

export interface PlatformTables {
  departments: DepartmentsTable;
  staff: StaffTable;
  staff_roles: StaffRolesTable;
  resident_accounts: ResidentAccountsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  files: FilesTable;
}
