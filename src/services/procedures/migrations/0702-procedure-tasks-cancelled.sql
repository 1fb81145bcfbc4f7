-- A move notification withdrawn or refused must not leave other departments acting on
-- it (water closed for someone who is staying): its open follow-up tasks become
-- 'cancelled' — closed by the system, so no staff member is recorded.
ALTER TABLE procedure_tasks DROP CONSTRAINT procedure_tasks_status_check;
ALTER TABLE procedure_tasks ADD CONSTRAINT procedure_tasks_status_check CHECK (status IN ('open', 'done', 'not_needed', 'cancelled'));
ALTER TABLE procedure_tasks DROP CONSTRAINT procedure_tasks_check1;
ALTER TABLE procedure_tasks ADD CONSTRAINT procedure_tasks_closed_by CHECK (status IN ('open', 'cancelled') OR done_by_staff_id IS NOT NULL);
