/**
 * Who may use Notify's back office. The DX office runs the platform: any of its staff
 * may look at messages (to answer "did my SMS go out?"); its managers and admins
 * change templates and opt-outs; only its admins hand out API keys, which let a
 * system send in the city's name.
 */
import { hasRole, type StaffActor } from '../../access/actor.ts';

export const canViewNotify = (staff: StaffActor) => hasRole(staff, 'dx', ['clerk', 'manager', 'admin']);
export const canEditNotify = (staff: StaffActor) => hasRole(staff, 'dx', ['manager', 'admin']);
export const canManageApiKeys = (staff: StaffActor) => hasRole(staff, 'dx', ['admin']);
