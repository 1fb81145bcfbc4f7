/**
 * Who may do what with online procedures:
 * - a resident: their own applications and files only (others' are 404);
 * - staff of the handling department (clerks, managers): that department's applications;
 * - publishing a new version of a definition: the DX office, or a manager of the
 *   department that owns the procedure;
 * - entering an application at a counter (A9, 書かない窓口): staff of the handling
 *   department, or of the Citizens Division, which runs the general counter.
 */
import { hasRole, type Actor, type StaffActor } from '../../platform/access/actor.ts';

export const DX_DEPARTMENT = 'dx';
export const COUNTER_DEPARTMENT = 'citizens';

export const isDxStaff = (staff: StaffActor) => hasRole(staff, DX_DEPARTMENT, ['clerk', 'manager', 'admin']);

export const canPublishProcedure = (staff: StaffActor, department: string) => isDxStaff(staff) || hasRole(staff, department, ['manager']);

/** Seeing the list of definitions and their versions (not personal data). */
export const canViewDefinitions = (staff: StaffActor) => isDxStaff(staff) || staff.roles.some((r) => r.role === 'manager' || r.role === 'clerk');

export const canHandleDepartment = (staff: StaffActor, department: string) => hasRole(staff, department, ['clerk', 'manager']);

export const canSubmitAtCounter = (staff: StaffActor, department: string) => canHandleDepartment(staff, department) || canHandleDepartment(staff, COUNTER_DEPARTMENT);

/**
 * A resident's own application: started from their login, or made for their registry
 * record (e.g. entered for them at a counter) when their login is matched to that record.
 */
export function isOwnApplication(actor: Actor, application: { resident_account_id: string | null; resident_id: string | null }): boolean {
  if (actor.kind !== 'resident') return false;
  if (application.resident_account_id !== null && application.resident_account_id === actor.accountId) return true;
  return actor.residentId !== null && application.resident_id !== null && application.resident_id === actor.residentId;
}

/** An application is visible to its resident, and to staff of its department. */
export function canViewApplication(actor: Actor, application: { resident_account_id: string | null; resident_id: string | null; department_code: string }): boolean {
  if (actor.kind === 'resident') return isOwnApplication(actor, application);
  return canHandleDepartment(actor, application.department_code);
}
