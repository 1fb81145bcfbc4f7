/**
 * Who may do what on the staff side of online procedures, as sentences:
 * - a clerk or manager of a department works that department's applications and tasks;
 * - a resident's personal data is shown only to staff of the handling department: the DX
 *   office's administrators run the system but are not a handling department, so they get
 *   no inbox, no CSV, no task list and no application of another department (a DX-office
 *   procedure is theirs only through a clerk or manager role in 'dx');
 * - nobody else learns that an application exists: opening one that is not theirs is a
 *   404, as everywhere in the back office (src/platform/access/require-access.ts), while
 *   a staff member with no procedures department at all gets 403 on the inbox (a menu
 *   they should not have followed).
 * Pure; unit-tested in staff-access.test.ts.
 */
import { hasRole, type StaffActor } from '../../platform/access/actor.ts';

/** The departments whose work this person handles (clerk or manager). */
export function handledDepartments(staff: StaffActor): string[] {
  return [...new Set(staff.roles.filter((r) => r.role === 'clerk' || r.role === 'manager').map((r) => r.department))].sort();
}

/**
 * The departments whose applications and tasks this person may list (possibly none).
 * Never 'all' any more: no role sees every department's personal data. The wider type stays
 * only so the list queries' 'all' branches keep compiling until they are removed.
 */
export function inboxScope(staff: StaffActor): 'all' | string[] {
  return handledDepartments(staff);
}

export const canUseInbox = (staff: StaffActor) => handledDepartments(staff).length > 0;

export const canWorkDepartment = (staff: StaffActor, department: string) => hasRole(staff, department, ['clerk', 'manager']);

/** Reviewing and deciding an application: staff of its handling department. */
export const canWorkApplication = (staff: StaffActor, application: { department_code: string }) => canWorkDepartment(staff, application.department_code);

/** Closing a follow-up task: staff of the task's department (not the department of the move itself). */
export const canWorkTask = (staff: StaffActor, task: { department_code: string }) => canWorkDepartment(staff, task.department_code);

/** Whom an application may be assigned to: an active clerk or manager of its department. */
export const isAssignable = (candidate: { roles: { department: string; role: string }[]; active: boolean }, department: string) =>
  candidate.active && candidate.roles.some((r) => r.department === department && (r.role === 'clerk' || r.role === 'manager'));
