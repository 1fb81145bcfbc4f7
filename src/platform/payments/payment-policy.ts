/**
 * Who may see the city's payments, ledger and reconciliation: the treasurer's
 * office (会計課, department `accounting`), which keeps the books and reconciles
 * with the payment provider, and system administrators. Payment descriptions carry
 * no personal data (services are asked not to put any there), so 会計課 sees every
 * source's payments; what a payment is for, in a service's terms, stays with that
 * service's own pages.
 */
import { hasRole, type StaffActor } from '../access/actor.ts';

export const ACCOUNTING_DEPARTMENT = 'accounting';

export const canViewPayments = (staff: StaffActor) => hasRole(staff, ACCOUNTING_DEPARTMENT, ['clerk', 'manager', 'admin']) || hasRole(staff, '*', ['admin']);

/** Running a day's reconciliation again and asking the provider about a payment change records: the same people, audited. */
export const canReconcilePayments = canViewPayments;
