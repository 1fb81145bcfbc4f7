/**
 * Who may do what with tax-reminder campaigns (納税督促). Only the Taxation Division
 * (税務課) touches them: the taxpayers' names, numbers and arrears are tax secrets
 * (地方税法 第22条). Clerks and managers prepare campaigns (upload, check, preview,
 * write the text) and see the results; sending reaches thousands of people in the
 * city's name and costs money per message, so it takes a manager's approval
 * (the clerk prepares, the manager sends: two people see every campaign). Staff of
 * other departments get 403 on these pages; residents and people without a link
 * get 404 — the payment page is reachable only through its own unguessable link.
 */
import { hasRole, type StaffActor } from '../../platform/access/actor.ts';

export const TAX_DEPARTMENT = 'tax';

export const canUseTaxReminders = (staff: StaffActor) => hasRole(staff, TAX_DEPARTMENT, ['clerk', 'manager']);
export const canPrepareCampaign = (staff: StaffActor) => hasRole(staff, TAX_DEPARTMENT, ['clerk', 'manager']);
export const canEditTemplates = (staff: StaffActor) => hasRole(staff, TAX_DEPARTMENT, ['clerk', 'manager']);
export const canSendCampaign = (staff: StaffActor) => hasRole(staff, TAX_DEPARTMENT, ['manager']);
export const canExportResults = (staff: StaffActor) => hasRole(staff, TAX_DEPARTMENT, ['clerk', 'manager']);
