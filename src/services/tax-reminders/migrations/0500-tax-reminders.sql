-- Tax-reminder campaigns (納税督促, A8): SMS reminders to overdue taxpayers from an
-- uploaded CSV, each with a short payment link. Rows that failed the checks are kept
-- as the campaign's problem list (never as recipients).
CREATE TABLE tax_reminder_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  body text NOT NULL,
  created_by uuid REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES staff(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tax_reminder_campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  -- The SMS text with ((placeholders)) this campaign sends (a copy: editing a saved template later does not change it).
  body text NOT NULL,
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'scheduled', 'sending', 'sent', 'cancelled')),
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  file_encoding text NOT NULL,
  row_count integer NOT NULL,
  -- [{row, column, messageKey, value, params}] from the upload check
  problems jsonb NOT NULL DEFAULT '[]',
  link_valid_days integer NOT NULL DEFAULT 14 CHECK (link_valid_days BETWEEN 1 AND 90),
  created_by uuid NOT NULL REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  scheduled_at timestamptz,
  approved_by uuid REFERENCES staff(id),
  approved_at timestamptz,
  completed_at timestamptz,
  cancelled_by uuid REFERENCES staff(id),
  cancelled_at timestamptz
);
CREATE INDEX tax_reminder_campaigns_created ON tax_reminder_campaigns (created_at DESC);

CREATE TABLE tax_reminder_recipients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES tax_reminder_campaigns(id),
  row_number integer NOT NULL,
  taxpayer_number text NOT NULL,
  name text NOT NULL,
  -- national digits of a mobile number (070/080/090 …)
  phone text NOT NULL,
  tax_item text NOT NULL,
  fiscal_year integer NOT NULL,
  installment text NOT NULL,
  amount_yen integer NOT NULL CHECK (amount_yen > 0),
  due_date date NOT NULL,
  -- ready: waiting for approval; queued: link made, waiting for the send job;
  -- handed: given to Notify; rejected: Notify refused the message (reason kept)
  state text NOT NULL DEFAULT 'ready' CHECK (state IN ('ready', 'queued', 'handed', 'rejected')),
  rejected_reason text,
  -- the text as sent (with its link), so a retried send job sends the same message
  message_body text,
  notification_id text,
  sent_at timestamptz,
  UNIQUE (campaign_id, taxpayer_number, tax_item, fiscal_year, installment)
);
CREATE INDEX tax_reminder_recipients_campaign ON tax_reminder_recipients (campaign_id, row_number);

-- Short payment links (/p/XXXXXXXXXX): only the SHA-256 of the random token is kept.
CREATE TABLE tax_reminder_links (
  token_hash text PRIMARY KEY,
  recipient_id uuid NOT NULL UNIQUE REFERENCES tax_reminder_recipients(id),
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  first_opened_at timestamptz,
  open_count integer NOT NULL DEFAULT 0
);
