-- Platform tables shared by every service: departments and staff with roles,
-- sessions, the hash-chained audit log, the durable job queue and files.

CREATE TABLE departments (
  code text PRIMARY KEY,
  name_ja text NOT NULL,
  name_en text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0
);

INSERT INTO departments (code, name_ja, name_en, sort_order) VALUES
  ('dx', 'DX推進室', 'Digital Transformation Office', 10),
  ('citizens', '市民課', 'Citizens Division', 20),
  ('tax', '税務課', 'Taxation Division', 30),
  ('childcare', 'こども家庭課', 'Children and Families Division', 40),
  ('welfare', '長寿社会課', 'Aging Society Division', 50),
  ('environment', '生活環境課', 'Living Environment Division', 60),
  ('roads', '土木課', 'Civil Engineering Division', 70),
  ('water', '上下水道部', 'Water and Sewerage Department', 80),
  ('lifelong', '生涯学習スポーツ課', 'Lifelong Learning and Sports Division', 90),
  ('transport', '都市計画課', 'Urban Planning Division', 100),
  ('commerce', '商業観光課', 'Commerce and Tourism Division', 110),
  ('agriculture', '農政企画課', 'Agricultural Policy Division', 120);

CREATE TABLE staff (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  login_id text NOT NULL UNIQUE,
  display_name text NOT NULL,
  email text,
  password_hash text NOT NULL,
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  last_totp_step bigint NOT NULL DEFAULT 0,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_roles (
  staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  department_code text NOT NULL REFERENCES departments(code),
  role text NOT NULL CHECK (role IN ('clerk', 'manager', 'admin')),
  PRIMARY KEY (staff_id, department_code, role)
);

-- Residents who have logged in through OpenID Connect. The registry links an
-- account to a resident record when the identity's basic facts match.
CREATE TABLE resident_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  issuer text NOT NULL,
  subject text NOT NULL,
  display_name text NOT NULL,
  resident_id text,
  assurance text NOT NULL CHECK (assurance IN ('card', 'password')),
  claims jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (issuer, subject)
);

-- Server-side sessions so several app instances can share them. The cookie
-- holds a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('staff', 'resident')),
  subject_id text NOT NULL,
  stage text NOT NULL DEFAULT 'active' CHECK (stage IN ('mfa', 'mfa-enrol', 'active')),
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_subject ON sessions (kind, subject_id);

-- Append-only, hash-chained audit log: each row carries the previous row's hash.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_type text NOT NULL,
  actor_id text,
  action text NOT NULL,
  target_type text,
  target_id text,
  reason text,
  details jsonb NOT NULL DEFAULT '{}',
  request_id text,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id);
CREATE INDEX audit_log_actor ON audit_log (actor_type, actor_id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Durable job queue: survives restarts; a job whose worker died is picked up
-- again when its lock expires.
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  queue text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  locked_until timestamptz,
  last_error text,
  idempotency_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_ready ON jobs (run_at) WHERE state IN ('queued', 'running');

CREATE TABLE files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_type text NOT NULL,
  owner_id text NOT NULL,
  original_name text NOT NULL,
  mime text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX files_owner ON files (owner_type, owner_id);
