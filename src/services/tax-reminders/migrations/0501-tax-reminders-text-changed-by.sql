-- Four eyes (policy.ts): the manager who approves a campaign must be neither the one who
-- created it nor the last to change its text, so who last wrote the text is kept.
-- Filled for existing campaigns from the audit log's last text change, else the creator.
ALTER TABLE tax_reminder_campaigns ADD COLUMN text_changed_by uuid REFERENCES staff(id);
UPDATE tax_reminder_campaigns AS c SET text_changed_by = COALESCE(
  (SELECT a.actor_id::uuid FROM audit_log AS a
   WHERE a.action = 'tax-reminders.campaign.text-changed' AND a.actor_type = 'staff'
     AND a.target_type = 'tax-reminder-campaign' AND a.target_id = c.id::text
   ORDER BY a.seq DESC LIMIT 1),
  c.created_by);
