-- Notify (src/platform/notify): every message the city sends by SMS, email, LINE
-- or web push, its history, the templates it came from, who opted out, the API
-- keys outside systems send with, and the local simulators' inbox.

-- Templates: the row is the template, each edit is a new version (messages keep
-- the version they were sent with, so a sent message can always be explained).
CREATE TABLE notify_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  current_version integer NOT NULL DEFAULT 1,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE notify_template_versions (
  template_id uuid NOT NULL REFERENCES notify_templates(id) ON DELETE CASCADE,
  version integer NOT NULL,
  name text NOT NULL,
  sms_body text,
  email_subject text,
  email_body text,
  line_body text,
  push_title text,
  push_body text,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (template_id, version)
);

-- API keys like GOV.UK Notify's: test (never delivered), team (allow-listed
-- recipients only), live. Only the SHA-256 of the secret is kept.
CREATE TABLE notify_api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('test', 'team', 'live')),
  secret_hash text NOT NULL UNIQUE,
  secret_hint text NOT NULL,
  source text NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by text
);

-- Recipients a team key may send to: for one key, or for every team key (api_key_id NULL).
CREATE TABLE notify_team_recipients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  api_key_id uuid REFERENCES notify_api_keys(id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('sms', 'email', 'line', 'push')),
  recipient text NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX notify_team_recipients_unique ON notify_team_recipients (COALESCE(api_key_id::text, ''), channel, recipient);

CREATE TABLE notify_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The same key always means the same message: a retry or a restart never makes a second row.
  idempotency_key text NOT NULL UNIQUE,
  channel text NOT NULL CHECK (channel IN ('sms', 'email', 'line', 'push')),
  -- Normalised: E.164 for SMS (+8190...), lower-cased domain for email.
  recipient text NOT NULL,
  subject text,
  body text NOT NULL,
  source text NOT NULL,
  reference text,
  api_key_id uuid REFERENCES notify_api_keys(id),
  key_kind text CHECK (key_kind IN ('test', 'team', 'live')),
  template_id uuid,
  template_version integer,
  status text NOT NULL DEFAULT 'created'
    CHECK (status IN ('created', 'sending', 'delivered', 'failed', 'temporary-failure', 'suppressed')),
  provider text,
  provider_ref text,
  attempts integer NOT NULL DEFAULT 0,
  segments integer,
  failure_reason text,
  -- While a worker is talking to the provider; another worker leaves the message alone until then.
  lease_until timestamptz,
  send_after timestamptz,
  next_attempt_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  delivered_at timestamptz,
  failed_at timestamptz,
  FOREIGN KEY (template_id, template_version) REFERENCES notify_template_versions (template_id, version)
);
CREATE INDEX notify_messages_reference ON notify_messages (source, reference);
CREATE INDEX notify_messages_created ON notify_messages (created_at DESC);
CREATE INDEX notify_messages_status ON notify_messages (status, created_at DESC);
CREATE INDEX notify_messages_provider_ref ON notify_messages (provider, provider_ref) WHERE provider_ref IS NOT NULL;

-- The timeline of each message (created, postponed, attempts, receipts).
CREATE TABLE notify_message_events (
  id bigserial PRIMARY KEY,
  message_id uuid NOT NULL REFERENCES notify_messages(id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  event text NOT NULL,
  detail text
);
CREATE INDEX notify_message_events_message ON notify_message_events (message_id, id);

-- Opted out per channel and recipient (normalised like notify_messages.recipient).
CREATE TABLE notify_opt_outs (
  channel text NOT NULL CHECK (channel IN ('sms', 'email', 'line', 'push')),
  recipient text NOT NULL,
  reason text,
  source text NOT NULL DEFAULT 'staff',
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel, recipient)
);

-- What the local simulators (SMS gateway, SMTP sink, LINE API, push service) received.
-- One row per idempotency key: a repeated call is counted, never stored twice.
CREATE TABLE notify_simulator_inbox (
  id bigserial PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('sms', 'email', 'line', 'push')),
  recipient text NOT NULL,
  subject text,
  body text NOT NULL,
  idempotency_key text NOT NULL,
  provider_ref text NOT NULL UNIQUE,
  client_ref text,
  callback_url text,
  calls integer NOT NULL DEFAULT 1,
  received_at timestamptz NOT NULL DEFAULT now(),
  receipt_state text NOT NULL DEFAULT 'none' CHECK (receipt_state IN ('none', 'pending', 'sent', 'failed')),
  receipt_status text,
  receipt_sent_at timestamptz,
  UNIQUE (channel, idempotency_key)
);
CREATE INDEX notify_simulator_inbox_received ON notify_simulator_inbox (received_at DESC);

-- Push subscriptions the push simulator handed out, with the keys it needs to
-- decrypt what is pushed to them (a real push service never sees the plaintext).
CREATE TABLE notify_simulator_push_endpoints (
  token text PRIMARY KEY,
  private_key text NOT NULL,
  public_key text NOT NULL,
  auth_secret text NOT NULL,
  gone boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
