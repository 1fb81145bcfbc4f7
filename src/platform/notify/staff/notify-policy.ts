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

/**
 * Messages a city service sends on its own business carry that business's data
 * (a tax reminder: the taxpayer's name, arrears and pay link, which is itself a
 * credential). The DX office runs the pipes, not the business: its staff see such
 * a message's status and timeline, but its recipient only masked and its content
 * not at all, unless they also belong to the department that owns the service.
 */
export const SOURCE_DEPARTMENTS: Readonly<Record<string, string>> = {
  'tax-reminders': 'tax',
};

/** The department that owns messages of this source, or null when any Notify viewer may read them. */
export const owningDepartment = (source: string): string | null => (Object.hasOwn(SOURCE_DEPARTMENTS, source) ? SOURCE_DEPARTMENTS[source]! : null);

export function canReadMessageContent(staff: StaffActor, source: string): boolean {
  const department = owningDepartment(source);
  return department === null || staff.roles.some((r) => r.department === department);
}
