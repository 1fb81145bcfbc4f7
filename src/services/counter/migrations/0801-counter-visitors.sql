-- A visitor who is not on the register — someone moving in from another city for the
-- 転入届 — is served too: the clerk types who they are (the visitor writes nothing) and
-- the identity check is recorded as for anyone. Such a visit has no resident_id; what
-- was typed (name, フリガナ, birth date, postal code, address) is kept in visitor.
ALTER TABLE counter_visits ALTER COLUMN resident_id DROP NOT NULL;
ALTER TABLE counter_visits ADD COLUMN visitor jsonb;
ALTER TABLE counter_visits ADD CONSTRAINT counter_visits_one_person CHECK ((resident_id IS NULL) <> (visitor IS NULL));
