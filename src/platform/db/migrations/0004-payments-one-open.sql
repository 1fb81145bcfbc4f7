-- At most one open (created) payment per thing to pay (source + reference), so two
-- requests racing to open a checkout cannot both make a payable one; the loser
-- reuses the winner's (Payments.openOrCreate). Older duplicates are closed first,
-- keeping the newest (a late capture still turns a closed one paid).
UPDATE payments AS p SET status = 'cancelled', updated_at = now()
WHERE p.status = 'created'
  AND EXISTS (
    SELECT 1 FROM payments AS q
    WHERE q.source = p.source AND q.reference = p.reference AND q.status = 'created'
      AND (q.created_at, q.id) > (p.created_at, p.id)
  );
CREATE UNIQUE INDEX payments_one_open ON payments (source, reference) WHERE status = 'created';
