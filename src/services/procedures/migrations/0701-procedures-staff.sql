-- The staff side of online procedures (A2): follow-up tasks of the moving one-stop
-- (引越しワンストップ) and search keys for the department inbox. Additive only: the
-- applications table of 0700 gains two generated columns and indexes.

-- One task per department and kind for a move notification: "tell us once" means the
-- other departments act on the answers given to the Citizens Division. The rules that
-- create them are in moving-rules.ts. Closed by the department with a note.
CREATE TABLE procedure_tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES applications(id),
  department_code text NOT NULL REFERENCES departments(code),
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z-]*$'),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'not_needed')),
  -- what the department needs to act without opening the application: move date,
  -- addresses, the people concerned with their ages, why the rule fired, a phone number
  details jsonb NOT NULL DEFAULT '{}',
  -- the department's note when closing (staff only)
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  done_by_staff_id uuid REFERENCES staff(id),
  done_at timestamptz,
  -- a resubmitted or repeated move never creates a second task of the same kind
  UNIQUE (application_id, department_code, kind),
  CHECK ((status = 'open') = (done_at IS NULL)),
  CHECK (status = 'open' OR done_by_staff_id IS NOT NULL)
);
-- The "tasks" tab: one department's open (or closed) tasks, oldest first.
CREATE INDEX procedure_tasks_department ON procedure_tasks (department_code, status, created_at, id);

-- Search keys kept by the database itself, so every way an application is written
-- (resident pages, the counter, the API) is searchable without each remembering to
-- fill them. Kana: katakana, small kana folded to large, no spaces or ・ — the same
-- key as kanaSearchKey() in src/platform/text/search-key.ts (a test compares them).
ALTER TABLE applications ADD COLUMN applicant_kana_key text GENERATED ALWAYS AS (
  translate(applicant_kana,
    'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖゝゞァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ 　・',
    'アアイイウウエエオオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂツツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモヤヤユユヨヨラリルレロワワヰヱヲンヴカケヽヾアイウエオツヤユヨワカケクシストヌハヒフヘホムラリルレロ')
) STORED;
-- Name: without the spaces people may or may not type between family and given name.
ALTER TABLE applications ADD COLUMN applicant_name_key text GENERATED ALWAYS AS (translate(applicant_name, ' 　', '')) STORED;

-- Indexes for the inbox's common views (bench/procedures.ts prints their plans and timings
-- over 100,000 applications). The partial ones match the statuses the inbox asks for, so the
-- database reads them in order and stops after a page instead of sorting a department's rows.
-- Open work of a department, most urgent first (the default view; overdue is a range of it):
CREATE INDEX applications_open_due ON applications (department_code, due_date, id)
  WHERE status IN ('submitted', 'in_review', 'returned', 'resubmitted');
-- The same across departments (the DX office's administrators):
CREATE INDEX applications_open_due_all ON applications (due_date, id)
  WHERE status IN ('submitted', 'in_review', 'returned', 'resubmitted');
-- Everything of a department, newest first:
CREATE INDEX applications_department_submitted ON applications (department_code, submitted_at DESC, id)
  WHERE status <> 'draft';
-- フリガナ anywhere in the name (trigrams; 0100-registry.sql created the extension):
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX applications_kana_trgm ON applications USING gin (applicant_kana_key gin_trgm_ops)
  WHERE status <> 'draft';
