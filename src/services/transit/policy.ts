/**
 * Who may do what with the on-demand bus: residents their own rides; the Urban
 * Planning Division's clerks and managers (the operators) every ride; managers the
 * network and the night re-optimisation; drivers only the vehicle they drive today.
 */
import { hasRole, type Actor, type StaffActor } from '../../platform/access/actor.ts';

export const TRANSIT_DEPARTMENT = 'transport';

export const canOperate = (staff: StaffActor) => hasRole(staff, TRANSIT_DEPARTMENT, ['clerk', 'manager']);
export const canManageNetwork = (staff: StaffActor) => hasRole(staff, TRANSIT_DEPARTMENT, ['manager']);

/** A rider record belongs to a resident account, or is reachable by operators. */
export function canActForRider(actor: Actor, rider: { resident_account_id: string | null }): boolean {
  if (actor.kind === 'staff') return canOperate(actor);
  return rider.resident_account_id !== null && rider.resident_account_id === actor.accountId;
}
