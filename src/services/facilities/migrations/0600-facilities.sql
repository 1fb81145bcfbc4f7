-- Public facility reservation (A7): facilities and their rooms as data (hours, closed
-- days, slot rules, fees, reductions, cancellation and payment rules), registered
-- users and groups, and every occupation of a room in ONE table, facility_bookings,
-- whose exclusion constraint lets the database alone guarantee that no two active
-- occupations of a room overlap — across app instances, whatever the code does.
--
-- Times of day are minutes after midnight, Japan time (540 = 9:00). A booking's
-- `during` is the same interval as a timestamp range (Asia/Tokyo has no DST, so
-- use_date + minutes converts without ambiguity); the minute columns exist so that
-- pages and fee rules never have to convert back.
--
-- Other parts of the service build on these tables: the lottery (0610) holds
-- popular slots with kind = 'lottery'; staff back office and classes (0620) add
-- kind = 'block' and kind = 'class' rows.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE facilities (
  id text PRIMARY KEY,
  name text NOT NULL,
  name_kana text NOT NULL,
  area text NOT NULL CHECK (area IN ('水沢', '江刺', '前沢', '胆沢', '衣川')),
  -- Chooses the bundled illustration and groups the list: hall, gym, community, sports, nature.
  kind text NOT NULL CHECK (kind IN ('hall', 'gym', 'community', 'sports', 'nature')),
  address text NOT NULL,
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  phone text NOT NULL DEFAULT '',
  description text NOT NULL DEFAULT '',
  -- Codes: wheelchair, accessible_toilet, elevator, parking, hearing_loop, braille, nursing_room.
  accessibility text[] NOT NULL DEFAULT '{}',
  department_code text NOT NULL DEFAULT 'lifelong' REFERENCES departments(code),
  -- How far ahead anyone may book online (months); lottery-held months have their own window.
  booking_horizon_months integer NOT NULL DEFAULT 3 CHECK (booking_horizon_months BETWEEN 1 AND 24),
  -- The fee is due by the earlier of: N days before the day of use, M days after booking.
  pay_days_before_use integer NOT NULL DEFAULT 3 CHECK (pay_days_before_use BETWEEN 0 AND 60),
  pay_days_after_booking integer NOT NULL DEFAULT 7 CHECK (pay_days_after_booking BETWEEN 0 AND 60),
  -- Whether the fee may also be paid at the facility's counter (otherwise online only).
  counter_payment boolean NOT NULL DEFAULT false,
  -- Cancellation: free until N days before the day of use, then this share of the fee is kept.
  cancel_free_days_before integer NOT NULL DEFAULT 7 CHECK (cancel_free_days_before BETWEEN 0 AND 180),
  cancel_fee_percent integer NOT NULL DEFAULT 50 CHECK (cancel_fee_percent BETWEEN 0 AND 100),
  -- Months (1–12) in which the heating surcharge of each block applies.
  heating_months integer[] NOT NULL DEFAULT '{11,12,1,2,3}',
  active boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0
);
CREATE INDEX facilities_area ON facilities (area, sort_order);

CREATE TABLE facility_rooms (
  id text PRIMARY KEY,
  facility_id text NOT NULL REFERENCES facilities(id),
  name text NOT NULL,
  name_kana text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('hall', 'meeting', 'japanese', 'kitchen', 'arena', 'dojo', 'court', 'studio', 'outdoor')),
  capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 5000),
  floor_area_m2 integer,
  -- Codes: projector, microphone, piano, stage_lighting, kitchen_tools, tables_chairs, nets, mats, whiteboard, sound_system, lighting.
  equipment text[] NOT NULL DEFAULT '{}',
  -- Purpose codes allowed in this room (see facility_purposes).
  purposes text[] NOT NULL,
  -- true: an online booking is a 仮予約 until staff confirm it (a use permit is needed).
  needs_approval boolean NOT NULL DEFAULT false,
  -- blocks: fixed blocks (facility_room_blocks); hourly: whole hours from opening to closing.
  slot_mode text NOT NULL CHECK (slot_mode IN ('blocks', 'hourly')),
  -- Popular rooms whose months are allocated by the monthly lottery first.
  lottery_enabled boolean NOT NULL DEFAULT false,
  description text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0
);
CREATE INDEX facility_rooms_facility ON facility_rooms (facility_id, sort_order);

-- Purposes a booking declares (sports, culture, meetings …); rooms list which they allow.
CREATE TABLE facility_purposes (
  code text PRIMARY KEY,
  name_ja text NOT NULL,
  name_en text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0
);

-- Opening hours by ISO weekday (1 = Monday … 7 = Sunday); a weekday without a row is a weekly closing day.
CREATE TABLE facility_hours (
  facility_id text NOT NULL REFERENCES facilities(id),
  weekday integer NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens_at integer NOT NULL CHECK (opens_at BETWEEN 0 AND 1440),
  closes_at integer NOT NULL CHECK (closes_at BETWEEN 0 AND 1440),
  PRIMARY KEY (facility_id, weekday),
  CHECK (opens_at < closes_at)
);

-- Closed days beyond the weekly ones: a date; every year between two month-days
-- (12-29 … 01-03 wraps the year end); the nth weekday of every month (第3月曜);
-- a day of every month.
CREATE TABLE facility_closures (
  id bigserial PRIMARY KEY,
  facility_id text NOT NULL REFERENCES facilities(id),
  rule text NOT NULL CHECK (rule IN ('date', 'annual', 'monthly_nth_weekday', 'monthly_day')),
  on_date date,
  from_md text CHECK (from_md ~ '^\d{2}-\d{2}$'),
  to_md text CHECK (to_md ~ '^\d{2}-\d{2}$'),
  nth integer CHECK (nth BETWEEN 1 AND 5),
  weekday integer CHECK (weekday BETWEEN 1 AND 7),
  day_of_month integer CHECK (day_of_month BETWEEN 1 AND 31),
  reason text NOT NULL,
  CHECK (
    (rule = 'date' AND on_date IS NOT NULL) OR
    (rule = 'annual' AND from_md IS NOT NULL AND to_md IS NOT NULL) OR
    (rule = 'monthly_nth_weekday' AND nth IS NOT NULL AND weekday IS NOT NULL) OR
    (rule = 'monthly_day' AND day_of_month IS NOT NULL)
  )
);
CREATE INDEX facility_closures_facility ON facility_closures (facility_id);

-- Fixed blocks of a room in slot_mode 'blocks' (午前 9:00–12:00, 午後 13:00–17:00, 夜間 18:00–21:00).
CREATE TABLE facility_room_blocks (
  room_id text NOT NULL REFERENCES facility_rooms(id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9_]+$'),
  name_ja text NOT NULL,
  name_en text NOT NULL,
  starts_at integer NOT NULL CHECK (starts_at BETWEEN 0 AND 1440),
  ends_at integer NOT NULL CHECK (ends_at BETWEEN 0 AND 1440),
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (room_id, code),
  CHECK (starts_at < ends_at)
);

-- Fees per room and block (yen). For an hourly room the one row with block_code 'hour'
-- is the rate of each hour. Non-resident and commercial rates are set explicitly
-- (seeded as ×1.5 and ×3 of the resident rate); heating is added in heating months.
CREATE TABLE facility_fees (
  room_id text NOT NULL REFERENCES facility_rooms(id),
  block_code text NOT NULL,
  resident_yen integer NOT NULL CHECK (resident_yen >= 0),
  non_resident_yen integer NOT NULL CHECK (non_resident_yen >= 0),
  commercial_yen integer NOT NULL CHECK (commercial_yen >= 0),
  heating_yen integer NOT NULL DEFAULT 0 CHECK (heating_yen >= 0),
  PRIMARY KEY (room_id, block_code)
);

-- Reasons for a fee reduction (減免) staff may apply, with the share waived.
CREATE TABLE facility_reductions (
  code text PRIMARY KEY,
  name_ja text NOT NULL,
  name_en text NOT NULL,
  percent integer NOT NULL CHECK (percent BETWEEN 1 AND 100),
  active boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0
);

-- A resident's facility user registration (利用者登録): how to reach them about bookings.
CREATE TABLE facility_users (
  resident_account_id uuid PRIMARY KEY REFERENCES resident_accounts(id),
  name text NOT NULL,
  name_kana text NOT NULL,
  phone text NOT NULL,
  email text,
  address text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A registered group (団体登録): checked by staff before it may book as a group.
CREATE TABLE facility_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  name_kana text NOT NULL,
  kana_key text NOT NULL,
  representative_account_id uuid NOT NULL REFERENCES resident_accounts(id),
  representative_name text NOT NULL,
  contact_phone text NOT NULL,
  contact_email text,
  purpose text NOT NULL,
  activity text NOT NULL DEFAULT '',
  -- 市内団体: most members live or work in Oshu (resident rates apply to the group's bookings).
  in_city boolean NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'suspended')),
  decision_reason text,
  decided_by_staff_id uuid REFERENCES staff(id),
  decided_at timestamptz,
  -- Residents who know this code may join as members who book for the group.
  join_code text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX facility_groups_rep ON facility_groups (representative_account_id);
CREATE INDEX facility_groups_status ON facility_groups (status, created_at);

-- The member list. account_id links a member who may book for the group (the representative always may).
CREATE TABLE facility_group_members (
  id bigserial PRIMARY KEY,
  group_id uuid NOT NULL REFERENCES facility_groups(id) ON DELETE CASCADE,
  name text NOT NULL,
  account_id uuid REFERENCES resident_accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (group_id, account_id)
);
CREATE INDEX facility_group_members_group ON facility_group_members (group_id, id);
CREATE INDEX facility_group_members_account ON facility_group_members (account_id) WHERE account_id IS NOT NULL;

-- Every occupation of a room: resident and group bookings, staff blocks (maintenance,
-- closure), lottery holds and classes. Active statuses hold the time; the exclusion
-- constraint refuses an overlapping active row with SQLSTATE 23P01.
CREATE TABLE facility_bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  room_id text NOT NULL REFERENCES facility_rooms(id),
  kind text NOT NULL CHECK (kind IN ('booking', 'block', 'lottery', 'class')),
  status text NOT NULL CHECK (status IN (
    'pending_approval',  -- 仮予約: waits for staff to issue the use permit
    'awaiting_payment',  -- confirmed room, fee not yet paid (due by payment_due_at)
    'confirmed',         -- paid, free, or to be paid at the counter
    'held',              -- a block, lottery hold or class
    'cancelled',         -- by the holder or staff
    'rejected',          -- 仮予約 refused by staff
    'lapsed',            -- unpaid past the deadline: cancelled automatically
    'released'           -- a hold given back (e.g. after the lottery drew)
  )),
  use_date date NOT NULL,
  starts_at integer NOT NULL CHECK (starts_at BETWEEN 0 AND 1440),
  ends_at integer NOT NULL CHECK (ends_at BETWEEN 0 AND 1440),
  during tstzrange NOT NULL,
  -- The blocks booked (block codes, or hour starts as 'h0900' for hourly rooms).
  block_codes text[] NOT NULL DEFAULT '{}',
  -- Who holds it: a resident for themselves or for a group; staff for blocks and classes.
  resident_account_id uuid REFERENCES resident_accounts(id),
  group_id uuid REFERENCES facility_groups(id),
  created_by_staff_id uuid REFERENCES staff(id),
  title text NOT NULL DEFAULT '',
  purpose text REFERENCES facility_purposes(code),
  purpose_detail text NOT NULL DEFAULT '',
  headcount integer CHECK (headcount BETWEEN 1 AND 5000),
  -- Rate applied: resident, non_resident or commercial (null for blocks, holds and classes).
  rate text CHECK (rate IN ('resident', 'non_resident', 'commercial')),
  base_yen integer NOT NULL DEFAULT 0 CHECK (base_yen >= 0),
  heating_yen integer NOT NULL DEFAULT 0 CHECK (heating_yen >= 0),
  reduction_code text REFERENCES facility_reductions(code),
  reduction_yen integer NOT NULL DEFAULT 0 CHECK (reduction_yen >= 0),
  fee_yen integer NOT NULL DEFAULT 0 CHECK (fee_yen >= 0),
  -- online: through platform payments; counter: at the facility; none: nothing to pay.
  payment_method text NOT NULL DEFAULT 'none' CHECK (payment_method IN ('online', 'counter', 'none')),
  payment_due_at timestamptz,
  paid_at timestamptz,
  payment_id uuid,
  reminder_sent_at timestamptz,
  idempotency_key text,
  decided_by_staff_id uuid REFERENCES staff(id),
  decided_at timestamptz,
  decision_reason text,
  cancelled_at timestamptz,
  cancel_reason text,
  cancel_fee_yen integer,
  refund_yen integer,
  refund_id uuid,
  -- Set by the lottery (0610) and classes (0620) for the rows they own; their tables add the references.
  lottery_round_id uuid,
  class_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (starts_at < ends_at),
  CHECK (kind <> 'booking' OR (resident_account_id IS NOT NULL AND purpose IS NOT NULL AND headcount IS NOT NULL AND rate IS NOT NULL)),
  CHECK (kind = 'booking' OR status IN ('held', 'cancelled', 'released')),
  CHECK (fee_yen = base_yen + heating_yen - reduction_yen),
  CONSTRAINT facility_bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&)
    WHERE (status IN ('pending_approval', 'awaiting_payment', 'confirmed', 'held'))
);
-- A double click or a retried request with the same key finds the booking already made.
CREATE UNIQUE INDEX facility_bookings_idempotency ON facility_bookings (resident_account_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX facility_bookings_room_day ON facility_bookings (room_id, use_date);
CREATE INDEX facility_bookings_day ON facility_bookings (use_date, status);
CREATE INDEX facility_bookings_resident ON facility_bookings (resident_account_id, use_date);
CREATE INDEX facility_bookings_group ON facility_bookings (group_id, use_date) WHERE group_id IS NOT NULL;
CREATE INDEX facility_bookings_due ON facility_bookings (payment_due_at) WHERE status = 'awaiting_payment';

-- The purposes a booking can declare; staff keep the list.
INSERT INTO facility_purposes (code, name_ja, name_en, sort_order) VALUES
  ('meeting', '会議・集会', 'Meetings and gatherings', 10),
  ('study', '学習・講座', 'Study and courses', 20),
  ('culture', '文化・芸術活動', 'Culture and arts', 30),
  ('music', '音楽・合唱', 'Music and choir', 40),
  ('dance', 'ダンス・体操', 'Dance and exercise', 50),
  ('sports', 'スポーツ', 'Sports', 60),
  ('martial_arts', '武道', 'Martial arts', 70),
  ('cooking', '調理実習', 'Cooking', 80),
  ('event', '発表会・催し物', 'Performances and events', 90),
  ('exhibition', '展示会', 'Exhibitions', 100),
  ('outdoor', '野外活動・自然体験', 'Outdoor and nature activities', 110);

-- Reasons for a fee reduction (減免) staff may apply; the share waived follows the city's rules.
INSERT INTO facility_reductions (code, name_ja, name_en, percent, sort_order) VALUES
  ('city_hosted', '市主催・共催事業', 'Hosted or co-hosted by the city', 100, 10),
  ('school', '市内の学校の教育活動', 'Activities of schools in the city', 100, 20),
  ('disability_group', '障がい者団体の活動', 'Groups of persons with disabilities', 50, 30),
  ('children_group', '子ども会・青少年団体の活動', 'Children''s and youth groups', 50, 40),
  ('elderly_club', '老人クラブの活動', 'Senior citizens'' clubs', 50, 50),
  ('community', '自治会・地区振興会の活動', 'Neighbourhood associations', 50, 60);
