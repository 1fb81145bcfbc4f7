-- Payments made before payments had a display reference: give them their booking's
-- reference (F261128-LGARM), as new payments get it when created.
UPDATE payments AS p SET display_reference = b.reference
FROM facility_bookings AS b
WHERE p.source = 'facilities' AND p.reference = b.id::text AND p.display_reference IS NULL;
