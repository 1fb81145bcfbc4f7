-- On-demand bus (R7) in the Maesawa area: stops, vehicles, drivers, service hours,
-- registered riders, trips with the time windows promised to them, the plan each
-- vehicle follows, refused requests (for statistics) and a change feed for the
-- operator's live screen. Times of day are seconds after midnight, Japan time,
-- of the trip's service date.
CREATE TABLE transit_stops (
  id text PRIMARY KEY,
  name text NOT NULL,
  name_kana text NOT NULL,
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  description text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0
);

-- Service hours by ISO weekday (1 = Monday ... 7 = Sunday); a day without a row has no service.
CREATE TABLE transit_service_hours (
  weekday integer PRIMARY KEY CHECK (weekday BETWEEN 1 AND 7),
  opens_at integer NOT NULL CHECK (opens_at BETWEEN 0 AND 86400),
  closes_at integer NOT NULL CHECK (closes_at BETWEEN 0 AND 86400),
  CHECK (opens_at < closes_at)
);

-- Days without service although their weekday has hours (holidays, year end).
CREATE TABLE transit_closed_days (
  day date PRIMARY KEY,
  reason text NOT NULL
);

CREATE TABLE transit_vehicles (
  id text PRIMARY KEY,
  name text NOT NULL,
  seats integer NOT NULL CHECK (seats BETWEEN 1 AND 60),
  wheelchair_spaces integer NOT NULL DEFAULT 0 CHECK (wheelchair_spaces >= 0),
  depot_stop_id text NOT NULL REFERENCES transit_stops(id),
  active boolean NOT NULL DEFAULT true
);

-- A driver signs in with a staff account (password + TOTP) that is linked here.
CREATE TABLE transit_drivers (
  id text PRIMARY KEY,
  name text NOT NULL,
  phone text NOT NULL DEFAULT '',
  staff_id uuid UNIQUE REFERENCES staff(id),
  active boolean NOT NULL DEFAULT true
);

-- Who drives which vehicle on a day.
CREATE TABLE transit_shifts (
  service_date date NOT NULL,
  vehicle_id text NOT NULL REFERENCES transit_vehicles(id),
  driver_id text REFERENCES transit_drivers(id),
  PRIMARY KEY (service_date, vehicle_id)
);

-- A registered rider: a resident who registered online, or a caller registered by an operator.
CREATE TABLE transit_riders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resident_account_id uuid UNIQUE REFERENCES resident_accounts(id),
  name text NOT NULL,
  name_kana text NOT NULL,
  kana_key text NOT NULL,
  phone text NOT NULL,
  email text,
  wheelchair boolean NOT NULL DEFAULT false,
  needs_assistance boolean NOT NULL DEFAULT false,
  notes text NOT NULL DEFAULT '',
  created_by_staff_id uuid REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transit_riders_kana ON transit_riders (kana_key);
CREATE INDEX transit_riders_phone ON transit_riders (phone);

CREATE TABLE transit_trips (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  rider_id uuid NOT NULL REFERENCES transit_riders(id),
  service_date date NOT NULL,
  origin_stop_id text NOT NULL REFERENCES transit_stops(id),
  destination_stop_id text NOT NULL REFERENCES transit_stops(id),
  passengers integer NOT NULL CHECK (passengers BETWEEN 1 AND 10),
  wheelchair boolean NOT NULL DEFAULT false,
  request_kind text NOT NULL CHECK (request_kind IN ('depart', 'arrive')),
  requested_time integer NOT NULL,
  -- The promise: the bus arrives at the pickup stop within [pickup_early, pickup_late]
  -- and reaches the destination no later than dropoff_late; the ride takes at most max_ride seconds.
  pickup_early integer NOT NULL,
  pickup_late integer NOT NULL,
  dropoff_early integer NOT NULL,
  dropoff_late integer NOT NULL,
  max_ride integer NOT NULL,
  service_seconds integer NOT NULL,
  vehicle_id text REFERENCES transit_vehicles(id),
  planned_pickup integer,
  planned_dropoff integer,
  status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'boarded', 'completed', 'no_show', 'cancelled')),
  channel text NOT NULL CHECK (channel IN ('web', 'phone')),
  booked_by_staff_id uuid REFERENCES staff(id),
  idempotency_key text NOT NULL,
  boarded_at integer,
  dropped_at integer,
  cancelled_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (rider_id, idempotency_key),
  CHECK (origin_stop_id <> destination_stop_id),
  CHECK (pickup_early <= pickup_late AND dropoff_early <= dropoff_late)
);
CREATE INDEX transit_trips_day ON transit_trips (service_date, status);
CREATE INDEX transit_trips_rider ON transit_trips (rider_id, service_date);

-- The ordered stops each vehicle will make on a day (replaced as a whole under the day's lock).
CREATE TABLE transit_plan_stops (
  service_date date NOT NULL,
  vehicle_id text NOT NULL REFERENCES transit_vehicles(id),
  seq integer NOT NULL,
  trip_id uuid NOT NULL REFERENCES transit_trips(id),
  kind text NOT NULL CHECK (kind IN ('pickup', 'dropoff')),
  planned_time integer NOT NULL,
  PRIMARY KEY (service_date, vehicle_id, seq),
  UNIQUE (trip_id, kind)
);

-- Requests the system could not serve, and why (statistics).
CREATE TABLE transit_refusals (
  id bigserial PRIMARY KEY,
  service_date date NOT NULL,
  origin_stop_id text REFERENCES transit_stops(id),
  destination_stop_id text REFERENCES transit_stops(id),
  requested_time integer,
  passengers integer,
  reason text NOT NULL,
  channel text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transit_refusals_day ON transit_refusals (service_date);

-- Night re-optimisation runs (what was tried, what it saved).
CREATE TABLE transit_optimisations (
  id bigserial PRIMARY KEY,
  service_date date NOT NULL,
  trips integer NOT NULL,
  cost_before double precision NOT NULL,
  cost_after double precision NOT NULL,
  applied boolean NOT NULL,
  note text NOT NULL DEFAULT '',
  seconds double precision NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Change feed for the operator's live screen: every instance reads it, so a driver's
-- tap on one instance reaches an operator connected to another.
CREATE TABLE transit_events (
  id bigserial PRIMARY KEY,
  service_date date NOT NULL,
  kind text NOT NULL,
  trip_id uuid,
  vehicle_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Last position a driver's phone reported (optional; the map falls back to the last stop served).
CREATE TABLE transit_vehicle_positions (
  vehicle_id text PRIMARY KEY REFERENCES transit_vehicles(id),
  lat double precision NOT NULL,
  lng double precision NOT NULL,
  reported_at timestamptz NOT NULL DEFAULT now()
);
