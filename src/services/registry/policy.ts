/**
 * Who may do what with the resident registry. The Citizens Division (市民課)
 * keeps the registry: its clerks and managers search and view records;
 * managers import and export. A resident sees only their own record.
 */
import { hasRole, type Actor, type StaffActor } from '../../platform/access/actor.ts';

export const REGISTRY_DEPARTMENT = 'citizens';

export const canSearchRegistry = (staff: StaffActor) => hasRole(staff, REGISTRY_DEPARTMENT, ['clerk', 'manager']);
export const canImportRegistry = (staff: StaffActor) => hasRole(staff, REGISTRY_DEPARTMENT, ['manager']);
export const canExportRegistry = (staff: StaffActor) => hasRole(staff, REGISTRY_DEPARTMENT, ['manager']);

export function canViewResident(actor: Actor, residentId: string): boolean {
  if (actor.kind === 'resident') return actor.residentId !== null && actor.residentId === residentId;
  return canSearchRegistry(actor);
}
