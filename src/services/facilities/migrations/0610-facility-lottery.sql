-- The monthly facility lottery (抽選): rounds per facility and month, the popular
-- slots each round holds, residents' entries with ordered preferences, the stored
-- draw (seed, input, result, digests — so anyone can recompute it), and the offers
-- that follow (winners, then the waiting list when a winner does not pay in time).
--
-- A slot is held by a facility_bookings row of kind 'lottery' from the moment staff
-- add it to a round, so first-come booking cannot take it; the draw releases the hold
-- and, for a slot with a winner, writes the winner's booking in the same transaction.
-- The algorithm is src/engines/lottery (README.md there, "oshu-lottery/1").

CREATE TABLE facility_lottery_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  facility_id text NOT NULL REFERENCES facilities(id),
  -- The month whose slots are drawn, YYYY-MM.
  month text NOT NULL CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  title text NOT NULL,
  -- draft: staff are choosing slots (already held); published: visible, entries
  -- accepted between opens_at and closes_at; drawn: result stored; cancelled.
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'drawn', 'cancelled')),
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  draw_at timestamptz NOT NULL,
  -- Days a winner has to confirm and pay (the facility's rule, copied when the round is made).
  pay_days integer NOT NULL CHECK (pay_days BETWEEN 1 AND 30),
  max_preferences integer NOT NULL DEFAULT 3 CHECK (max_preferences BETWEEN 1 AND 5),
  -- Entries one applicant (a person, or a group whoever applies for it) may make in the round;
  -- the win limits below, not this, decide how many of them can win.
  max_entries integer NOT NULL DEFAULT 3 CHECK (max_entries BETWEEN 1 AND 10),
  max_wins_per_type_month integer NOT NULL DEFAULT 1 CHECK (max_wins_per_type_month BETWEEN 1 AND 31),
  max_wins_per_month integer CHECK (max_wins_per_month BETWEEN 1 AND 62),
  -- Never published: makes applicants' pseudonyms in the public input unlinkable across rounds.
  pseudonym_salt text NOT NULL,
  seed text CHECK (seed ~ '^[0-9a-f]{64}$'),
  input jsonb,
  result jsonb,
  input_digest text,
  result_digest text,
  drawn_at timestamptz,
  -- null when the scheduled job drew it.
  drawn_by_staff_id uuid REFERENCES staff(id),
  created_by_staff_id uuid REFERENCES staff(id),
  cancel_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (opens_at < closes_at AND closes_at <= draw_at),
  CHECK (status <> 'drawn' OR (seed IS NOT NULL AND input IS NOT NULL AND result IS NOT NULL AND result_digest IS NOT NULL AND drawn_at IS NOT NULL))
);
CREATE INDEX facility_lottery_rounds_facility ON facility_lottery_rounds (facility_id, month);
CREATE INDEX facility_lottery_rounds_due ON facility_lottery_rounds (draw_at) WHERE status = 'published';

ALTER TABLE facility_bookings
  ADD CONSTRAINT facility_bookings_lottery_round FOREIGN KEY (lottery_round_id) REFERENCES facility_lottery_rounds(id);
CREATE INDEX facility_bookings_lottery_round ON facility_bookings (lottery_round_id) WHERE lottery_round_id IS NOT NULL;

CREATE TABLE facility_lottery_slots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES facility_lottery_rounds(id),
  -- The slot's id in the published draw input: room/date/block, readable by anyone checking it.
  code text NOT NULL,
  room_id text NOT NULL REFERENCES facility_rooms(id),
  use_date date NOT NULL,
  starts_at integer NOT NULL CHECK (starts_at BETWEEN 0 AND 1440),
  ends_at integer NOT NULL CHECK (ends_at BETWEEN 0 AND 1440),
  block_codes text[] NOT NULL,
  -- Fairness class for "one win per group per slot type and month".
  slot_type text NOT NULL,
  -- The lottery hold in facility_bookings while the slot waits for the draw.
  hold_booking_id uuid REFERENCES facility_bookings(id),
  -- held: waiting for the draw; awarded: a winner or waiting-list offer holds it;
  -- released: given to first-come booking; removed: taken out of a draft round.
  state text NOT NULL DEFAULT 'held' CHECK (state IN ('held', 'awarded', 'released', 'removed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (starts_at < ends_at),
  UNIQUE (round_id, code)
);
CREATE INDEX facility_lottery_slots_round ON facility_lottery_slots (round_id, use_date, starts_at);

CREATE TABLE facility_lottery_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES facility_lottery_rounds(id),
  -- The resident who applied (and who sees the entry); for a group, a member who may book for it.
  resident_account_id uuid NOT NULL REFERENCES resident_accounts(id),
  group_id uuid REFERENCES facility_groups(id),
  purpose text NOT NULL REFERENCES facility_purposes(code),
  purpose_detail text NOT NULL DEFAULT '',
  headcount integer NOT NULL CHECK (headcount BETWEEN 1 AND 5000),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
  idempotency_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  -- This entry's part of the draw's result (its ticket, status and the outcome of each
  -- preference), copied out at the draw so pages and notices need not read the whole result.
  draw_outcome jsonb
);
-- An applicant's entries in a round (limits and "one entry per applicant per slot" are checked under a lock).
CREATE INDEX facility_lottery_entries_person ON facility_lottery_entries (round_id, resident_account_id) WHERE group_id IS NULL;
CREATE INDEX facility_lottery_entries_group ON facility_lottery_entries (round_id, group_id) WHERE group_id IS NOT NULL;
CREATE UNIQUE INDEX facility_lottery_entries_idempotency ON facility_lottery_entries (resident_account_id, idempotency_key);
CREATE INDEX facility_lottery_entries_round ON facility_lottery_entries (round_id, status);

CREATE TABLE facility_lottery_preferences (
  entry_id uuid NOT NULL REFERENCES facility_lottery_entries(id) ON DELETE CASCADE,
  rank integer NOT NULL CHECK (rank BETWEEN 1 AND 5),
  slot_id uuid NOT NULL REFERENCES facility_lottery_slots(id),
  PRIMARY KEY (entry_id, rank),
  UNIQUE (entry_id, slot_id)
);
CREATE INDEX facility_lottery_preferences_slot ON facility_lottery_preferences (slot_id);

-- The waiting lists of the draw (result.slots[].waitingList), one row per place, for the same reason.
CREATE TABLE facility_lottery_waiting (
  slot_id uuid NOT NULL REFERENCES facility_lottery_slots(id),
  position integer NOT NULL CHECK (position >= 1),
  entry_id uuid NOT NULL REFERENCES facility_lottery_entries(id),
  PRIMARY KEY (slot_id, position),
  UNIQUE (slot_id, entry_id)
);
CREATE INDEX facility_lottery_waiting_entry ON facility_lottery_waiting (entry_id);

-- Who holds a drawn slot: the winner first, then waiting-list applications in turn.
CREATE TABLE facility_lottery_offers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES facility_lottery_rounds(id),
  slot_id uuid NOT NULL REFERENCES facility_lottery_slots(id),
  entry_id uuid NOT NULL REFERENCES facility_lottery_entries(id),
  booking_id uuid NOT NULL REFERENCES facility_bookings(id),
  source text NOT NULL CHECK (source IN ('draw', 'waiting_list')),
  -- offered: booked, waiting for confirmation and payment; confirmed: paid (or free);
  -- lapsed: not paid by the deadline; declined: cancelled by the holder or staff.
  status text NOT NULL DEFAULT 'offered' CHECK (status IN ('offered', 'confirmed', 'lapsed', 'declined')),
  deadline timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  -- The waiting list offers a slot to an application at most once.
  UNIQUE (slot_id, entry_id)
);
CREATE UNIQUE INDEX facility_lottery_offers_one_holder ON facility_lottery_offers (slot_id) WHERE status IN ('offered', 'confirmed');
CREATE INDEX facility_lottery_offers_open ON facility_lottery_offers (deadline) WHERE status = 'offered';
CREATE INDEX facility_lottery_offers_entry ON facility_lottery_offers (entry_id);
