/**
 * Who may do what at the no-writing counter (書かない窓口). The general counter is
 * run by the Citizens Division (市民課): its clerks and managers serve residents and
 * see every counter visit and the statistics. The DX office's administrators may
 * open the same pages (they run the system and read the statistics); what they may
 * do with the register and with applications stays decided by the registry and
 * procedures services (searchResidents, submitOnBehalf check for themselves).
 * Everyone else gets 403: the menu item is hidden from them, and the pages are a
 * function they lack, not a resource that must be hidden.
 */
import { hasRole, type StaffActor } from '../../platform/access/actor.ts';

export const COUNTER_DEPARTMENT = 'citizens';

export const isCounterClerk = (staff: StaffActor) => hasRole(staff, COUNTER_DEPARTMENT, ['clerk', 'manager']);
export const isDxAdmin = (staff: StaffActor) => hasRole(staff, 'dx', ['admin']);

/**
 * Opening the counter screens (search, visits, second screen, statistics). A visit is
 * the counter's shared work: any counter clerk may continue a colleague's visit (a
 * hand-over at lunch), so there is no per-visit owner rule.
 */
export const canUseCounter = (staff: StaffActor) => isCounterClerk(staff) || isDxAdmin(staff);

