/**
 * Who may do what with the chatbot's content and inquiries: staff of the
 * department that owns an FAQ entry or an inquiry; managers publish.
 */
import { hasRole, type StaffActor } from '../../platform/access/actor.ts';

export const canWorkOnDepartment = (staff: StaffActor, department: string) => hasRole(staff, department, ['clerk', 'manager']);
export const canPublishFor = (staff: StaffActor, department: string) => hasRole(staff, department, ['manager']);
export const usesChatbotBackOffice = (staff: StaffActor) => staff.roles.some((r) => r.role === 'clerk' || r.role === 'manager');
export const staffDepartments = (staff: StaffActor) => [...new Set(staff.roles.filter((r) => r.role !== 'admin').map((r) => r.department))];
