-- The paying service's own human reference of what is paid (a booking's F261128-LGARM),
-- given when the payment is created. Staff pages, the CSV and receipts show it instead
-- of `reference`, which is the service's internal id (often a uuid). NULL: none given.
ALTER TABLE payments ADD COLUMN display_reference text;
