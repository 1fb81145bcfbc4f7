-- Resident registry (住民記録), after the national standard's main entities:
-- towns (町字), households (世帯), residents (住民) and movements (異動履歴).
-- The *_key columns hold normalised search keys (NFKC, kana folded, 旧字→新字).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE registry_towns (
  code text PRIMARY KEY,
  area text NOT NULL CHECK (area IN ('水沢', '江刺', '前沢', '胆沢', '衣川')),
  name text NOT NULL,
  kana text NOT NULL,
  postal_code text NOT NULL
);

CREATE TABLE registry_households (
  id text PRIMARY KEY,
  household_number text NOT NULL UNIQUE,
  town_code text NOT NULL REFERENCES registry_towns(code),
  address_line text NOT NULL,
  head_resident_id text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE registry_residents (
  id text PRIMARY KEY,
  resident_code text NOT NULL UNIQUE,
  household_id text NOT NULL REFERENCES registry_households(id),
  family_name text NOT NULL,
  given_name text NOT NULL,
  family_name_kana text NOT NULL,
  given_name_kana text NOT NULL,
  birth_date date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('male', 'female')),
  relationship text NOT NULL,
  status text NOT NULL CHECK (status IN ('current', 'moved_out', 'deceased')),
  name_key text NOT NULL,
  kana_key text NOT NULL,
  address_key text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registry_residents_household ON registry_residents (household_id);
CREATE INDEX registry_residents_birth ON registry_residents (birth_date);
CREATE INDEX registry_residents_name_trgm ON registry_residents USING gin (name_key gin_trgm_ops);
CREATE INDEX registry_residents_kana_trgm ON registry_residents USING gin (kana_key gin_trgm_ops);
CREATE INDEX registry_residents_address_trgm ON registry_residents USING gin (address_key gin_trgm_ops);

CREATE TABLE registry_movements (
  id bigserial PRIMARY KEY,
  resident_id text NOT NULL REFERENCES registry_residents(id),
  kind text NOT NULL CHECK (kind IN ('出生', '転入', '転居', '転出', '死亡', '世帯主変更')),
  effective_date date NOT NULL,
  reported_date date NOT NULL,
  from_address text,
  to_address text,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registry_movements_resident ON registry_movements (resident_id, effective_date);
