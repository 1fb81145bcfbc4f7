/**
 * Who may do what with classes (F5): anyone browses upcoming classes; a resident
 * books a seat for themselves and sees only their own seats; the 生涯学習スポーツ課
 * and the DX推進室 run classes, each editing the classes of its own department.
 */
import { hasRole, type Actor, type StaffActor } from '../../platform/access/actor.ts';
import { FACILITIES_DEPARTMENT } from './policy.ts';

export const DX_DEPARTMENT = 'dx';
/** The departments whose staff run classes. */
export const CLASS_DEPARTMENTS = [FACILITIES_DEPARTMENT, DX_DEPARTMENT] as const;

/** Staff who run classes: clerks and managers of the facilities department, and anyone of the DX office (its administrators included). */
export const canRunClasses = (staff: StaffActor) => hasRole(staff, FACILITIES_DEPARTMENT, ['clerk', 'manager']) || hasRole(staff, DX_DEPARTMENT, ['clerk', 'manager', 'admin']);

/** The department a member of staff creates classes for (the facilities department first when they belong to both). */
export function classDepartmentOf(staff: StaffActor): string | null {
  if (hasRole(staff, FACILITIES_DEPARTMENT, ['clerk', 'manager'])) return FACILITIES_DEPARTMENT;
  if (hasRole(staff, DX_DEPARTMENT, ['clerk', 'manager', 'admin'])) return DX_DEPARTMENT;
  return null;
}

/** Staff edit, cancel and take attendance for their own department's classes. */
export const canManageClass = (staff: StaffActor, cls: { department_code: string }) =>
  canRunClasses(staff) && hasRole(staff, cls.department_code, cls.department_code === DX_DEPARTMENT ? ['clerk', 'manager', 'admin'] : ['clerk', 'manager']);

/** The departments whose classes this member of staff manages. */
export const classDepartmentsOf = (staff: StaffActor) => CLASS_DEPARTMENTS.filter((d) => canManageClass(staff, { department_code: d }));

/** A seat is seen by the resident who holds it, and by staff of the class's department. */
export function canSeeSeat(actor: Actor, seat: { resident_account_id: string }, cls: { department_code: string }): boolean {
  if (actor.kind === 'staff') return canManageClass(actor, cls);
  return seat.resident_account_id === actor.accountId;
}
