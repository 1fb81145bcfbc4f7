-- Payments through the platform's payments interface (src/platform/payments).
-- `payments` is what the city asked to be paid and what it knows happened;
-- `payment_events` is every verified provider event, once (a replayed webhook
-- hits the unique key and changes nothing). Amounts are whole yen.
CREATE TABLE payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The service that asked (e.g. 'tax-reminders') and what the payment is for there.
  source text NOT NULL,
  reference text NOT NULL,
  description text NOT NULL,
  amount_yen integer NOT NULL CHECK (amount_yen > 0),
  currency text NOT NULL DEFAULT 'JPY' CHECK (currency = 'JPY'),
  status text NOT NULL DEFAULT 'created' CHECK (status IN ('created', 'paid', 'cancelled', 'expired')),
  provider text NOT NULL,
  provider_ref text,
  -- where the payer completes this payment at the provider (reused while it is open)
  checkout_url text,
  return_url text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  paid_at timestamptz,
  CHECK ((status = 'paid') = (paid_at IS NOT NULL)),
  UNIQUE (provider, provider_ref)
);
CREATE INDEX payments_reference ON payments (source, reference);
CREATE INDEX payments_open ON payments (expires_at) WHERE status = 'created';

CREATE TABLE payment_events (
  id bigserial PRIMARY KEY,
  payment_id uuid NOT NULL REFERENCES payments(id),
  provider text NOT NULL,
  provider_event_id text NOT NULL,
  -- webhook (signed call from the provider) or status (our own query to the provider)
  via text NOT NULL CHECK (via IN ('webhook', 'status', 'expiry')),
  outcome text NOT NULL CHECK (outcome IN ('paid', 'cancelled', 'expired')),
  amount_yen integer,
  -- whether the event changed the payment (false: it was already in a final state)
  applied boolean NOT NULL,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, provider_event_id)
);
CREATE INDEX payment_events_payment ON payment_events (payment_id);

-- The local payment simulator's own state: it stands in for a remote gateway, so it
-- keeps its checkouts apart from `payments` and talks to the app only through
-- redirects, signed webhooks and status queries.
CREATE TABLE payment_simulator_checkouts (
  ref text PRIMARY KEY,
  merchant_payment_id uuid NOT NULL,
  amount_yen integer NOT NULL CHECK (amount_yen > 0),
  description text NOT NULL,
  return_url text NOT NULL,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'paid', 'cancelled', 'expired')),
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  event_id text,
  webhook_attempts integer NOT NULL DEFAULT 0,
  webhook_status integer,
  webhook_delivered_at timestamptz
);
CREATE INDEX payment_simulator_checkouts_created ON payment_simulator_checkouts (created_at);
