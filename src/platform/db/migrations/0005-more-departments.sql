-- Departments the online procedures, the moving one-stop and the payment ledger
-- route work to: schools (転校), national health insurance and pension (国保・年金),
-- and the treasurer's office that reconciles payments (会計課).
INSERT INTO departments (code, name_ja, name_en, sort_order) VALUES
  ('education', '学校教育課', 'School Education Division', 130),
  ('insurance', '国保年金課', 'National Health Insurance and Pension Division', 140),
  ('accounting', '会計課', 'Accounting Division', 150)
ON CONFLICT (code) DO NOTHING;
