-- Online procedures (A2). A procedure is data: a JSON definition in the forms
-- engine's format (src/engines/forms/README.md). Every edit is a new row in
-- procedure_versions; an application keeps the version it was started on.
-- The state machine of an application lives in application-states.ts (one place),
-- and the CHECK below lists the same states.

CREATE TABLE procedures (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]+$'),
  current_version integer NOT NULL CHECK (current_version >= 1),
  status text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'withdrawn')),
  -- copied from the current version so lists and staff permissions need no JSON
  department_code text NOT NULL REFERENCES departments(code),
  category text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX procedures_department ON procedures (department_code);

CREATE TABLE procedure_versions (
  procedure_id text NOT NULL REFERENCES procedures(id),
  version integer NOT NULL CHECK (version >= 1),
  definition jsonb NOT NULL,
  -- forms engine definitionHash: the catalogue loader adds a version only when it changes
  hash text NOT NULL,
  -- null: loaded from the catalogue shipped with the app
  created_by_staff_id uuid REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (procedure_id, version)
);

-- The procedure's current version must exist (checked at commit, so the
-- procedure row and its first version can be written in one transaction).
ALTER TABLE procedures ADD CONSTRAINT procedures_current_version_exists
  FOREIGN KEY (id, current_version) REFERENCES procedure_versions (procedure_id, version)
  DEFERRABLE INITIALLY DEFERRED;

-- Reference numbers OSU-<year>-<6 digits>: one sequence for all years, so a
-- number is never reused; gaps (a rolled-back submission) are harmless.
CREATE SEQUENCE application_reference_seq;

CREATE TABLE applications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- assigned when first submitted; a draft has none
  reference text UNIQUE,
  procedure_id text NOT NULL,
  procedure_version integer NOT NULL,
  -- the resident's login account (null for a counter application of someone without one)
  resident_account_id uuid REFERENCES resident_accounts(id),
  -- the registry record (registry_residents.id) when the applicant is on the register
  resident_id text,
  -- shown in staff lists without reading the answers (viewing it is audited by the staff pages)
  applicant_name text NOT NULL DEFAULT '',
  applicant_kana text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN
    ('draft', 'submitted', 'in_review', 'returned', 'resubmitted', 'approved', 'rejected', 'withdrawn')),
  answers jsonb NOT NULL DEFAULT '{}',
  -- the page a draft resumes on (null: the first page, or check-your-answers once complete)
  current_page_id text,
  fee_yen integer NOT NULL DEFAULT 0 CHECK (fee_yen >= 0),
  payment_method text CHECK (payment_method IN ('online', 'counter')),
  payment_id uuid REFERENCES payments(id),
  paid_at timestamptz,
  channel text NOT NULL DEFAULT 'online' CHECK (channel IN ('online', 'counter')),
  department_code text NOT NULL REFERENCES departments(code),
  submitted_at timestamptz,
  -- 標準処理期間 counted in business days from submission (weekends and 12/29–1/3 excluded)
  due_date date,
  decided_at timestamptz,
  assigned_staff_id uuid REFERENCES staff(id),
  -- counter applications (A9): who entered it, the identity check done, the visit
  submitted_by_staff_id uuid REFERENCES staff(id),
  identity_check text,
  counter_visit_id text,
  -- scoped by the service ('resident:<account>:<key>', 'counter:<staff>:<key>') so it is unique overall
  idempotency_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (procedure_id, procedure_version) REFERENCES procedure_versions (procedure_id, version),
  -- a draft has no reference yet; neither has a draft the resident discarded (withdrawn before sending)
  CHECK (status IN ('draft', 'withdrawn') OR (reference IS NOT NULL AND submitted_at IS NOT NULL)),
  CHECK (resident_account_id IS NOT NULL OR resident_id IS NOT NULL)
);
-- The staff inbox: one department, optionally one status and one procedure, newest
-- or most urgent first, paged. Each index serves one of those orders with the filters as prefix.
CREATE INDEX applications_inbox_submitted ON applications (department_code, status, submitted_at DESC, id)
  WHERE status <> 'draft';
CREATE INDEX applications_inbox_due ON applications (department_code, status, due_date, id)
  WHERE status <> 'draft';
CREATE INDEX applications_inbox_procedure ON applications (department_code, procedure_id, status, submitted_at DESC, id)
  WHERE status <> 'draft';
CREATE INDEX applications_resident_account ON applications (resident_account_id, updated_at DESC);
CREATE INDEX applications_resident ON applications (resident_id);
CREATE INDEX applications_assigned ON applications (assigned_staff_id, status) WHERE assigned_staff_id IS NOT NULL;

-- The timeline: every state change and message, who and when. Residents see the
-- rows with visible_to_resident; internal notes stay staff-only.
CREATE TABLE application_events (
  id bigserial PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications(id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_type text NOT NULL CHECK (actor_type IN ('resident', 'staff', 'system')),
  actor_id text,
  -- a state (the state entered) or 'note', 'payment', 'assigned', 'files'
  kind text NOT NULL,
  from_status text,
  to_status text,
  message text NOT NULL DEFAULT '',
  -- field ids flagged for correction when returned (e.g. ["phone","members.1.birthDate"])
  fields jsonb NOT NULL DEFAULT '[]',
  visible_to_resident boolean NOT NULL DEFAULT true
);
CREATE INDEX application_events_application ON application_events (application_id, at, id);

-- Files attached to an application (bytes in platform files, owner_type 'procedure-application').
CREATE TABLE application_files (
  application_id uuid NOT NULL REFERENCES applications(id),
  file_id uuid NOT NULL REFERENCES files(id),
  field_id text NOT NULL,
  uploaded_by text NOT NULL DEFAULT 'resident' CHECK (uploaded_by IN ('resident', 'staff')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (application_id, file_id)
);

-- A page posted after the resident's session expired: kept (keyed by the hash of a
-- random token in a short-lived cookie) until they log in again, then applied to
-- their draft if the draft is theirs.
CREATE TABLE procedure_pending_posts (
  token_hash text PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications(id),
  page_id text NOT NULL,
  form jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX procedure_pending_posts_expiry ON procedure_pending_posts (expires_at);
