-- Payments grow into the real thing (src/platform/payments): card and QR methods,
-- refunds, a double-entry ledger, daily reconciliation against the provider and
-- numbered receipts. Amounts stay whole yen.

-- What the city asked for (the methods offered at checkout) and what the payer
-- used (from the provider's event). refunded_yen is the sum of succeeded refunds,
-- kept on the row so the over-refund check runs under the payment's row lock; the
-- CHECK is the database's own last word on it.
ALTER TABLE payments
  ADD COLUMN methods text[] NOT NULL DEFAULT '{card,qr}' CHECK (methods <@ ARRAY['card', 'qr']::text[] AND cardinality(methods) > 0),
  ADD COLUMN method text CHECK (method IN ('card', 'qr')),
  ADD COLUMN refunded_yen integer NOT NULL DEFAULT 0 CHECK (refunded_yen >= 0 AND refunded_yen <= amount_yen),
  -- 領収書 number, given the first time a receipt is issued and never changed (R-2026-000123).
  ADD COLUMN receipt_number text UNIQUE;
CREATE SEQUENCE payment_receipt_numbers;
CREATE INDEX payments_paid_at ON payments (paid_at) WHERE paid_at IS NOT NULL;
CREATE INDEX payments_created_at ON payments (created_at);
ALTER TABLE payment_events ADD COLUMN method text CHECK (method IN ('card', 'qr'));

-- A refund the city asked for. pending and succeeded refunds both count against
-- what may still be refunded (a pending one may yet succeed); a retry with the
-- same idempotency key returns this row instead of making another.
CREATE TABLE payment_refunds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  payment_id uuid NOT NULL REFERENCES payments(id),
  amount_yen integer NOT NULL CHECK (amount_yen > 0),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
  idempotency_key text NOT NULL UNIQUE,
  provider text NOT NULL,
  provider_refund_ref text,
  failure_reason text,
  requested_by_type text NOT NULL CHECK (requested_by_type IN ('staff', 'resident', 'system')),
  requested_by_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- when the provider completed it (succeeded or failed)
  settled_at timestamptz,
  -- the order refunds were asked for (two can share a timestamp)
  seq bigserial NOT NULL UNIQUE,
  CHECK ((status = 'pending') = (settled_at IS NULL)),
  UNIQUE (provider, provider_refund_ref)
);
CREATE INDEX payment_refunds_payment ON payment_refunds (payment_id);
CREATE INDEX payment_refunds_settled ON payment_refunds (settled_at) WHERE status = 'succeeded';
CREATE INDEX payment_refunds_pending ON payment_refunds (created_at) WHERE status = 'pending';

-- Every refund outcome the provider reported (webhook, answer to the request, or
-- our status query), once per provider event id: a replay hits the key.
CREATE TABLE payment_refund_events (
  id bigserial PRIMARY KEY,
  refund_id uuid NOT NULL REFERENCES payment_refunds(id),
  provider text NOT NULL,
  provider_event_id text NOT NULL,
  via text NOT NULL CHECK (via IN ('webhook', 'response', 'status')),
  outcome text NOT NULL CHECK (outcome IN ('succeeded', 'failed')),
  applied boolean NOT NULL,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, provider_event_id)
);
CREATE INDEX payment_refund_events_refund ON payment_refund_events (refund_id);

-- The double-entry ledger. An entry is one money movement (a capture, a refund, a
-- provider payout); its lines are positive amounts on a debit or credit side.
-- Accounts: clearing:<provider> (money the provider holds for the city),
-- revenue:<source> (収入 by service), refunds:<source> (返金, a contra-revenue
-- account so gross revenue and refunds stay visible apart), fees:<provider>
-- (決済手数料), bank (the city's designated bank account).
CREATE TABLE ledger_entries (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('capture', 'refund', 'payout')),
  -- capture:<payment id>, refund:<refund id>, payout:<provider>:<payout ref>: posting twice is impossible
  idempotency_key text NOT NULL UNIQUE,
  provider text NOT NULL,
  payment_id uuid REFERENCES payments(id),
  refund_id uuid REFERENCES payment_refunds(id),
  payout_ref text,
  memo text NOT NULL,
  -- when the money moved (the provider's time); recorded_at is when we wrote it down
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_entries_payment ON ledger_entries (payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX ledger_entries_occurred ON ledger_entries (occurred_at);

CREATE TABLE ledger_lines (
  id bigserial PRIMARY KEY,
  entry_id bigint NOT NULL REFERENCES ledger_entries(id),
  account text NOT NULL CHECK (account ~ '^(bank|(clearing|revenue|refunds|fees):[a-z0-9][a-z0-9._-]{0,59})$'),
  side text NOT NULL CHECK (side IN ('debit', 'credit')),
  amount_yen integer NOT NULL CHECK (amount_yen > 0)
);
CREATE INDEX ledger_lines_entry ON ledger_lines (entry_id);
CREATE INDEX ledger_lines_account ON ledger_lines (account);

-- Each entry balances (debits = credits, at least two lines), checked when the
-- transaction commits, so the lines can be inserted one by one after their entry.
CREATE FUNCTION ledger_check_balanced(entry bigint) RETURNS void AS $$
DECLARE
  debits bigint;
  credits bigint;
  lines integer;
BEGIN
  SELECT coalesce(sum(amount_yen) FILTER (WHERE side = 'debit'), 0),
         coalesce(sum(amount_yen) FILTER (WHERE side = 'credit'), 0),
         count(*)
    INTO debits, credits, lines
    FROM ledger_lines WHERE entry_id = entry;
  IF lines < 2 OR debits <> credits THEN
    RAISE EXCEPTION 'ledger entry % does not balance: % lines, debits %, credits %', entry, lines, debits, credits
      USING ERRCODE = 'check_violation';
  END IF;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION ledger_entry_inserted() RETURNS trigger AS $$
BEGIN
  PERFORM ledger_check_balanced(NEW.id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION ledger_line_inserted() RETURNS trigger AS $$
BEGIN
  PERFORM ledger_check_balanced(NEW.entry_id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER ledger_entries_balance AFTER INSERT ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_inserted();
CREATE CONSTRAINT TRIGGER ledger_lines_balance AFTER INSERT ON ledger_lines
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_line_inserted();

-- Books are append-only: a mistake is corrected by a new entry, never by editing one.
CREATE FUNCTION ledger_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: post a correcting entry instead', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER ledger_entries_no_change BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_lines_no_change BEFORE UPDATE OR DELETE ON ledger_lines
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_lines_no_truncate BEFORE TRUNCATE ON ledger_lines
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();

-- Daily reconciliation reports: the city's captures and refunds of one Japanese
-- calendar day against the provider's report of that day. Every run is kept (the
-- evidence of what was found when); pages show the latest per day.
CREATE TABLE payment_reconciliations (
  id bigserial PRIMARY KEY,
  provider text NOT NULL,
  business_date date NOT NULL,
  -- balanced: all matched; resolved: differences found and all fixed by a status query; discrepancies: someone must look
  status text NOT NULL CHECK (status IN ('balanced', 'resolved', 'discrepancies')),
  matched_count integer NOT NULL,
  discrepancy_count integer NOT NULL,
  report jsonb NOT NULL,
  run_by_type text NOT NULL CHECK (run_by_type IN ('staff', 'system')),
  run_by_id text,
  run_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_reconciliations_day ON payment_reconciliations (provider, business_date, run_at DESC);

-- The simulator's own state (it stands in for a remote gateway): the methods it
-- offered and the one used, and for cards only the brand and last four digits
-- (never the number); its refunds and its daily payout reports.
ALTER TABLE payment_simulator_checkouts
  ADD COLUMN methods text[] NOT NULL DEFAULT '{card,qr}',
  ADD COLUMN method text CHECK (method IN ('card', 'qr')),
  ADD COLUMN card_brand text,
  ADD COLUMN card_last4 text CHECK (card_last4 ~ '^[0-9]{4}$'),
  ADD COLUMN declined_attempts integer NOT NULL DEFAULT 0;
CREATE INDEX payment_simulator_checkouts_completed ON payment_simulator_checkouts (completed_at) WHERE state = 'paid';

CREATE TABLE payment_simulator_refunds (
  ref text PRIMARY KEY,
  checkout_ref text NOT NULL REFERENCES payment_simulator_checkouts(ref),
  merchant_refund_id text NOT NULL UNIQUE,
  amount_yen integer NOT NULL CHECK (amount_yen > 0),
  state text NOT NULL CHECK (state IN ('pending', 'succeeded', 'failed')),
  failure_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  event_id text,
  webhook_attempts integer NOT NULL DEFAULT 0,
  webhook_status integer
);
CREATE INDEX payment_simulator_refunds_checkout ON payment_simulator_refunds (checkout_ref);
CREATE INDEX payment_simulator_refunds_completed ON payment_simulator_refunds (completed_at) WHERE state = 'succeeded';

CREATE TABLE payment_simulator_payouts (
  business_date date PRIMARY KEY,
  ref text NOT NULL UNIQUE,
  gross_yen integer NOT NULL,
  refunded_yen integer NOT NULL,
  fee_yen integer NOT NULL,
  net_yen integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (net_yen = gross_yen - refunded_yen - fee_yen)
);
