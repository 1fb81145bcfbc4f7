-- The city app 「ぽちっと奥州」 (F6): news and notices, subscriptions to them by
-- category × area over web push, LINE or email, the LINE friends and webhook events,
-- who was sent what (so a message is never sent twice), disaster mode, and the
-- children registered for the vaccination schedule (子育て応援).

-- A news item or notice. Categories and areas are codes (labels are messages):
-- disaster 防災, childcare 子育て, health 健康, events イベント, government 行政, tourism 観光;
-- mizusawa 水沢, esashi 江刺, maesawa 前沢, isawa 胆沢, koromogawa 衣川, all 全域.
CREATE TABLE app_articles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 300),
  body text NOT NULL CHECK (length(body) <= 20000),
  category text NOT NULL CHECK (category IN ('disaster', 'childcare', 'health', 'events', 'government', 'tourism')),
  area text NOT NULL CHECK (area IN ('all', 'mizusawa', 'esashi', 'maesawa', 'isawa', 'koromogawa')),
  image_file_id uuid REFERENCES files(id),
  image_alt text NOT NULL DEFAULT '',
  -- draft → (scheduled →) published; published → unpublished (and back).
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'published', 'unpublished')),
  -- When a scheduled article goes out (the job runs then).
  publish_at timestamptz,
  -- First publication: the date feeds and lists show; never moves once set.
  published_at timestamptz,
  -- When the subscribers' notifications were queued (once per article, on first publication).
  notified_at timestamptz,
  created_by uuid REFERENCES staff(id),
  updated_by uuid REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'scheduled' OR publish_at IS NOT NULL),
  CHECK (status <> 'published' OR published_at IS NOT NULL)
);
CREATE INDEX app_articles_published ON app_articles (published_at DESC) WHERE status = 'published';

-- One destination that receives news: an email address, a LINE user, or a browser's
-- push subscription (JSON). Anonymous subscribers manage it through its token link.
CREATE TABLE app_subscribers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resident_account_id uuid REFERENCES resident_accounts(id),
  channel text NOT NULL CHECK (channel IN ('email', 'line', 'push')),
  -- email address / LINE user id / PushSubscription JSON; null while a LINE link is pending.
  address text,
  -- The push endpoint, to find a browser's subscription again (unsubscribe from the page).
  push_endpoint text,
  categories text[] NOT NULL CHECK (cardinality(categories) BETWEEN 1 AND 6),
  areas text[] NOT NULL CHECK (cardinality(areas) BETWEEN 1 AND 5),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'unsubscribed')),
  -- Secret in links (confirm, unsubscribe, LINE link page); 43 base64url characters.
  token text NOT NULL UNIQUE,
  -- One-time code the resident sends to the LINE account to link it (pending LINE only).
  link_code text UNIQUE,
  link_code_expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  unsubscribed_at timestamptz,
  CHECK (status <> 'active' OR address IS NOT NULL)
);
CREATE INDEX app_subscribers_active ON app_subscribers (id) WHERE status = 'active';
CREATE INDEX app_subscribers_account ON app_subscribers (resident_account_id) WHERE resident_account_id IS NOT NULL;
CREATE INDEX app_subscribers_line ON app_subscribers (address) WHERE channel = 'line';
CREATE INDEX app_subscribers_push ON app_subscribers (push_endpoint) WHERE channel = 'push';

-- People who added the city's LINE account as a friend (follow / unfollow events).
CREATE TABLE app_line_friends (
  line_user_id text PRIMARY KEY,
  following boolean NOT NULL,
  followed_at timestamptz,
  unfollowed_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every verified webhook event, once (LINE redelivers with the same webhookEventId).
CREATE TABLE app_line_events (
  id bigserial PRIMARY KEY,
  webhook_event_id text NOT NULL UNIQUE,
  type text NOT NULL,
  line_user_id text,
  -- What we did with it: followed, unfollowed, linked, unsubscribed, unknown_code, ignored.
  outcome text NOT NULL,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

-- Who was sent what: kind article / disaster / vaccine, ref the article, alert or child:dose.
-- The row is written after the notifier accepted the message (whose idempotency key is
-- the same triple), so a rerun skips it and a crash in between sends nothing twice.
CREATE TABLE app_deliveries (
  kind text NOT NULL CHECK (kind IN ('article', 'disaster', 'vaccine')),
  ref text NOT NULL,
  subscriber_id uuid NOT NULL REFERENCES app_subscribers(id) ON DELETE CASCADE,
  notification_id text NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, ref, subscriber_id)
);

-- Disaster mode: at most one alert is on at a time.
CREATE TABLE app_disaster_alerts (
  id bigserial PRIMARY KEY,
  message text NOT NULL CHECK (length(message) BETWEEN 1 AND 500),
  started_at timestamptz NOT NULL DEFAULT now(),
  started_by uuid NOT NULL REFERENCES staff(id),
  ended_at timestamptz,
  ended_by uuid REFERENCES staff(id)
);
CREATE UNIQUE INDEX app_disaster_alerts_one_on ON app_disaster_alerts ((true)) WHERE ended_at IS NULL;

-- 子育て応援: a child a parent registered (nickname only, no real name) for the vaccination schedule.
CREATE TABLE app_children (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resident_account_id uuid NOT NULL REFERENCES resident_accounts(id),
  nickname text NOT NULL CHECK (length(nickname) BETWEEN 1 AND 40),
  birth_date date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX app_children_account ON app_children (resident_account_id);
