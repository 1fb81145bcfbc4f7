-- The no-writing counter (A9, 書かない窓口). A visit is one resident at one counter
-- with one clerk: who, how their identity was checked, when it started and ended, and
-- how it ended. Each procedure of the visit is a form row whose answers start
-- pre-filled from the register and end either submitted (an application of the
-- procedures service, by reference) or printed for the resident's signature.
-- resident_id is the registry's id; no foreign key, services do not share tables.

CREATE TABLE counter_visits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  staff_id uuid NOT NULL REFERENCES staff(id),
  resident_id text NOT NULL,
  -- copied when the visit starts so lists and statistics need not re-read the register
  resident_name text NOT NULL,
  -- identity-methods.ts: mynumber-card, driving-licence, passport, residence-card, two-documents, agent
  identity_method text NOT NULL CHECK (identity_method ~ '^[a-z][a-z-]*$'),
  -- last digits of the document shown, never the whole number
  identity_digits text CHECK (identity_digits ~ '^[0-9A-Z]{1,4}$'),
  -- an agent (代理人) with a letter of attorney: their name and the document they showed
  identity_agent_name text,
  identity_agent_document text,
  -- which documents, when two without a photo were shown (健康保険証と年金手帳 …)
  identity_note text,
  -- the first bundle picked (転入セット …), for statistics by bundle; null = single procedures
  bundle_id text,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  outcome text CHECK (outcome IN ('completed', 'partial', 'cancelled')),
  -- the resident's "この内容で間違いありません": when, where, and over which content
  -- (a hash of every form's answers; a later edit makes the confirmation stale)
  confirmed_at timestamptz,
  confirmed_via text CHECK (confirmed_via IN ('second_screen', 'clerk_screen')),
  confirmed_hash text,
  CHECK ((ended_at IS NULL) = (outcome IS NULL)),
  CHECK (ended_at IS NULL OR ended_at >= started_at),
  CHECK ((confirmed_at IS NULL) = (confirmed_via IS NULL) AND (confirmed_at IS NULL) = (confirmed_hash IS NULL))
);
-- statistics by period (and the clerk's open visits)
CREATE INDEX counter_visits_started ON counter_visits (started_at);
CREATE INDEX counter_visits_open ON counter_visits (staff_id) WHERE ended_at IS NULL;

CREATE TABLE counter_visit_forms (
  visit_id uuid NOT NULL REFERENCES counter_visits(id),
  procedure_id text NOT NULL,
  -- the definition version the form was opened on (the current one is used to finish)
  procedure_version integer NOT NULL,
  position integer NOT NULL,
  answers jsonb NOT NULL DEFAULT '{}',
  -- field ids that came from the register, so the clerk sees what to check
  prefilled jsonb NOT NULL DEFAULT '[]',
  -- submit: sent to the department as an application; print: signed on paper
  finish text CHECK (finish IN ('submit', 'print')),
  finished_at timestamptz,
  -- made when the form is opened: a repeated submit returns the same application
  idempotency_key uuid NOT NULL DEFAULT gen_random_uuid(),
  application_id uuid,
  reference text,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (visit_id, procedure_id),
  CHECK ((finish IS NULL) = (finished_at IS NULL)),
  CHECK (application_id IS NULL OR finish = 'submit')
);
