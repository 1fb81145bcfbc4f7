/** Who may manage staff accounts: anyone holding the admin function in some department. */
import { hasRole, type StaffActor } from '../access/actor.ts';

export const canAdministerStaff = (actor: StaffActor) => hasRole(actor, '*', ['admin']);
