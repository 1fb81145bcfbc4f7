-- The facilities staff back office (生涯学習スポーツ課) and classes (F5, 市民へのデジタル活用支援).
--
-- Maintenance blocks and classes occupy rooms through facility_bookings rows (kind
-- 'block' / 'class', status 'held'), so the exclusion constraint of 0600 keeps them
-- apart from bookings exactly as it keeps bookings apart from each other. The tables
-- here hold what those rows do not: why a block exists and what it cancelled, a
-- class's seats and attendees, who turned up for a booking.

-- A maintenance block (保守点検・工事・市の行事): a room, or every room of a facility,
-- for a period of days and a time of day on each of them.
CREATE TABLE facility_maintenance_blocks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  facility_id text NOT NULL REFERENCES facilities(id),
  -- null: every room of the facility.
  room_id text REFERENCES facility_rooms(id),
  from_date date NOT NULL,
  to_date date NOT NULL,
  starts_at integer NOT NULL CHECK (starts_at BETWEEN 0 AND 1440),
  ends_at integer NOT NULL CHECK (ends_at BETWEEN 0 AND 1440),
  reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 200),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
  created_by_staff_id uuid NOT NULL REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  removed_by_staff_id uuid REFERENCES staff(id),
  removed_at timestamptz,
  CHECK (from_date <= to_date AND to_date - from_date <= 92),
  CHECK (starts_at < ends_at),
  CHECK (status = 'active' OR (removed_at IS NOT NULL AND removed_by_staff_id IS NOT NULL))
);
CREATE INDEX facility_maintenance_blocks_facility ON facility_maintenance_blocks (facility_id, from_date);

-- The facility_bookings rows (kind 'block') that hold a block's time: one per room and day.
CREATE TABLE facility_maintenance_block_rows (
  booking_id uuid PRIMARY KEY REFERENCES facility_bookings(id),
  block_id uuid NOT NULL REFERENCES facility_maintenance_blocks(id)
);
CREATE INDEX facility_maintenance_block_rows_block ON facility_maintenance_block_rows (block_id);

-- The bookings a block cancelled (listed on the block's page). Their refund is the
-- booking's own (refund_yen / refund_id in facility_bookings): asked of the provider
-- after the cancellation commits, and retried by the service's sweep until it answers.
CREATE TABLE facility_block_cancellations (
  booking_id uuid PRIMARY KEY REFERENCES facility_bookings(id),
  block_id uuid NOT NULL REFERENCES facility_maintenance_blocks(id),
  paid_yen integer NOT NULL CHECK (paid_yen >= 0)
);
CREATE INDEX facility_block_cancellations_block ON facility_block_cancellations (block_id);

-- Who turned up for a booking (the counter's day sheet). One row per booking: pressing
-- the same button twice changes nothing; a correction replaces the state and is audited.
CREATE TABLE facility_booking_checkins (
  booking_id uuid PRIMARY KEY REFERENCES facility_bookings(id),
  state text NOT NULL CHECK (state IN ('checked_in', 'no_show')),
  -- How many people actually came (optional; compared with the booked headcount).
  present_count integer CHECK (present_count BETWEEN 0 AND 5000),
  recorded_by_staff_id uuid NOT NULL REFERENCES staff(id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);

-- Classes (スマホ教室・デジタル活用支援): a room at a time, a number of seats, attendees.
CREATE TABLE facility_classes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
  description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
  -- first: はじめて, basic: 基本, applied: 応用.
  level text NOT NULL CHECK (level IN ('first', 'basic', 'applied')),
  -- The digital supporter (デジタル活用支援員) who teaches it.
  instructor text NOT NULL CHECK (char_length(instructor) BETWEEN 1 AND 100),
  room_id text NOT NULL REFERENCES facility_rooms(id),
  use_date date NOT NULL,
  starts_at integer NOT NULL CHECK (starts_at BETWEEN 0 AND 1440),
  ends_at integer NOT NULL CHECK (ends_at BETWEEN 0 AND 1440),
  seats integer NOT NULL CHECK (seats BETWEEN 1 AND 500),
  -- Seats booked. Raised in the same transaction as the seat row; the CHECK means
  -- no interleaving of transactions can ever sell more seats than there are.
  seats_taken integer NOT NULL DEFAULT 0,
  -- Usually free; otherwise paid on the day at the venue (materials).
  fee_yen integer NOT NULL DEFAULT 0 CHECK (fee_yen BETWEEN 0 AND 100000),
  apply_until timestamptz NOT NULL,
  -- Whether a full class takes names for a waiting list (moved up in order when a seat frees).
  waiting_list boolean NOT NULL DEFAULT true,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  -- The department that runs it (生涯学習スポーツ課 or DX推進室); its staff edit it.
  department_code text NOT NULL REFERENCES departments(code),
  cancel_reason text,
  cancelled_at timestamptz,
  created_by_staff_id uuid REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (starts_at < ends_at),
  CONSTRAINT facility_classes_not_oversold CHECK (seats_taken >= 0 AND seats_taken <= seats)
);
CREATE INDEX facility_classes_date ON facility_classes (use_date, starts_at) WHERE status = 'scheduled';

-- The room is held by the facility_bookings row of kind 'class' with this class_id.
ALTER TABLE facility_bookings
  ADD CONSTRAINT facility_bookings_class FOREIGN KEY (class_id) REFERENCES facility_classes(id);
CREATE INDEX facility_bookings_class ON facility_bookings (class_id) WHERE class_id IS NOT NULL;

CREATE TABLE facility_class_seats (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  -- The order places were asked for (the waiting list moves up in this order, even
  -- when two requests share a timestamp).
  seq bigserial NOT NULL,
  class_id uuid NOT NULL REFERENCES facility_classes(id),
  resident_account_id uuid NOT NULL REFERENCES resident_accounts(id),
  -- booked: holds one of seats_taken; waiting: on the waiting list; cancelled.
  status text NOT NULL CHECK (status IN ('booked', 'waiting', 'cancelled')),
  attendance text CHECK (attendance IN ('present', 'absent')),
  attendance_by_staff_id uuid REFERENCES staff(id),
  attendance_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  promoted_at timestamptz,
  cancelled_at timestamptz,
  CHECK (attendance IS NULL OR status = 'booked')
);
-- One place (seat or waiting list) per resident and class.
CREATE UNIQUE INDEX facility_class_seats_one_each ON facility_class_seats (class_id, resident_account_id) WHERE status IN ('booked', 'waiting');
CREATE INDEX facility_class_seats_class ON facility_class_seats (class_id, status, seq);
CREATE INDEX facility_class_seats_resident ON facility_class_seats (resident_account_id, created_at);
