/**
 * Who may do what in the city app 「ぽちっと奥州」.
 *
 * - News and notices are written, previewed, scheduled, published and unpublished by
 *   the DX推進室 (department 'dx', any role: clerk, manager or admin), which runs the
 *   city's app and website on behalf of the other divisions.
 * - Disaster mode (災害モード) is switched on and off by the same office; each switch is
 *   audited with who did it and the message.
 * - Staff of any other department get 403 on these pages (they see that the menu exists
 *   for someone, but not the content); a resident or anonymous visitor is sent to the
 *   staff login.
 * - A subscription belongs to the resident account that made it, or to whoever holds its
 *   secret token link (anonymous email / LINE / push subscribers).
 * - A child registered for the vaccination schedule belongs to the resident account that
 *   registered it; anyone else gets 404.
 */
import { hasRole, type StaffActor, type ResidentActor } from '../../platform/access/actor.ts';

export const APP_DEPARTMENT = 'dx';

export const canEditNews = (staff: StaffActor) => hasRole(staff, APP_DEPARTMENT, ['clerk', 'manager', 'admin']);
export const canPublishNews = canEditNews;
export const canSwitchDisasterMode = (staff: StaffActor) => hasRole(staff, APP_DEPARTMENT, ['clerk', 'manager', 'admin']);

export const ownsChild = (resident: ResidentActor, child: { resident_account_id: string }) => child.resident_account_id === resident.accountId;
