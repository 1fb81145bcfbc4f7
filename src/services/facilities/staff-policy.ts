/**
 * Who may do what in the facilities back office: clerks and managers of the
 * department that runs a facility (生涯学習スポーツ課 for every facility today) see
 * its day sheet, check people in, take counter payments, apply fee reductions,
 * decide 仮予約 and group registrations, block rooms and read occupancy; only
 * managers change a facility's settings and fees. Staff of other departments see
 * none of it (403 on the menu's pages, 404 on a facility or booking).
 */
import { hasRole, type StaffActor } from '../../platform/access/actor.ts';
import { canManageFacilities, canManageFacility, FACILITIES_DEPARTMENT } from './policy.ts';

export { canManageFacilities, canManageFacility };

/** Settings and fees of this facility: its department's managers. */
export const canEditFacility = (staff: StaffActor, facility: { department_code: string }) => hasRole(staff, facility.department_code, ['manager']);

/** The settings menu (and the city-wide list of fee reductions): managers of the facilities department. */
export const canEditSettings = (staff: StaffActor) => hasRole(staff, FACILITIES_DEPARTMENT, ['manager']);

/** The departments whose facilities this member of staff works with. */
export const facilityDepartmentsOf = (staff: StaffActor) => [...new Set(staff.roles.filter((r) => r.role === 'clerk' || r.role === 'manager').map((r) => r.department))];
