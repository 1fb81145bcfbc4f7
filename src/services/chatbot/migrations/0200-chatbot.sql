-- Chatbot (A3): FAQ entries with versions (draft → in review → published),
-- the questions residents asked, their feedback, and inquiries handed to staff.
CREATE TABLE chatbot_faq_entries (
  id text PRIMARY KEY,
  department_code text NOT NULL REFERENCES departments(code),
  category text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE chatbot_faq_versions (
  id bigserial PRIMARY KEY,
  entry_id text NOT NULL REFERENCES chatbot_faq_entries(id),
  version integer NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'retired')),
  question text NOT NULL,
  answer text NOT NULL,
  keywords jsonb NOT NULL DEFAULT '[]',
  procedure_slug text,
  links jsonb NOT NULL DEFAULT '[]',
  question_en text,
  answer_en text,
  author_staff_id uuid REFERENCES staff(id),
  reviewer_staff_id uuid REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  UNIQUE (entry_id, version)
);
-- At most one published version per entry.
CREATE UNIQUE INDEX chatbot_faq_one_published ON chatbot_faq_versions (entry_id) WHERE status = 'published';

CREATE TABLE chatbot_queries (
  id bigserial PRIMARY KEY,
  asked_at timestamptz NOT NULL DEFAULT now(),
  query text NOT NULL,
  locale text NOT NULL,
  top_entry_id text,
  confidence real NOT NULL,
  answered boolean NOT NULL,
  resident_account_id uuid REFERENCES resident_accounts(id)
);
CREATE INDEX chatbot_queries_asked ON chatbot_queries (asked_at);

CREATE TABLE chatbot_feedback (
  query_id bigint PRIMARY KEY REFERENCES chatbot_queries(id),
  helpful boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE chatbot_inquiries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  department_code text NOT NULL REFERENCES departments(code),
  question text NOT NULL,
  contact_email text,
  contact_phone text,
  resident_account_id uuid REFERENCES resident_accounts(id),
  query_id bigint REFERENCES chatbot_queries(id),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed')),
  answer text,
  answered_by uuid REFERENCES staff(id),
  answered_at timestamptz,
  faq_entry_id text REFERENCES chatbot_faq_entries(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chatbot_inquiries_department ON chatbot_inquiries (department_code, status, created_at);
