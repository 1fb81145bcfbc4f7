/**
 * Who may do what with public facilities: anyone reads facilities and availability;
 * a resident books for themselves, or for an approved group they belong to, and sees
 * only their own bookings (and their groups' bookings); the group's representative
 * manages its members; staff of the facility's department (生涯学習スポーツ課 by
 * default) approve 仮予約 and groups, apply fee reductions and block rooms.
 */
import { hasRole, type Actor, type ResidentActor, type StaffActor } from '../../platform/access/actor.ts';
import type { GroupStatus } from './tables.ts';

export const FACILITIES_DEPARTMENT = 'lifelong';

/** A group needs at least this many members on its list to be registered (団体登録の要件). */
export const MIN_GROUP_MEMBERS = 5;

/**
 * A resident may hold at most this many unpaid bookings at once (仮予約 waiting for
 * approval, or waiting for payment): rooms held without paying keep others out.
 */
export const MAX_UNPAID_BOOKINGS = 3;

/** Booking statuses that hold a room before anything has been paid. */
export const UNPAID_STATUSES = ['pending_approval', 'awaiting_payment'] as const;

/** Whether a resident who holds `unpaidNow` unpaid bookings may make one more. */
export const mayHoldAnotherUnpaid = (unpaidNow: number) => unpaidNow < MAX_UNPAID_BOOKINGS;

/** Staff of the facilities department (its menu). */
export const canManageFacilities = (staff: StaffActor) => hasRole(staff, FACILITIES_DEPARTMENT, ['clerk', 'manager']);

/** Staff of the department that runs this facility. */
export const canManageFacility = (staff: StaffActor, facility: { department_code: string }) => hasRole(staff, facility.department_code, ['clerk', 'manager']);

/** Groups are registered by the facilities department. */
export const canDecideGroups = canManageFacilities;

export interface BookingOwnership {
  resident_account_id: string | null;
  group_id: string | null;
}

/**
 * A resident sees a booking they made, or one made for a group they belong to;
 * staff see the bookings of their department's facilities.
 */
export function canSeeBooking(actor: Actor, booking: BookingOwnership, facility: { department_code: string }, memberOf: ReadonlySet<string>): boolean {
  if (actor.kind === 'staff') return canManageFacility(actor, facility);
  if (booking.resident_account_id === actor.accountId) return true;
  return booking.group_id !== null && memberOf.has(booking.group_id);
}

/** Cancelling and paying are for the resident who made the booking (their name is on the receipt), or staff. */
export function canActOnBooking(actor: Actor, booking: BookingOwnership, facility: { department_code: string }): boolean {
  if (actor.kind === 'staff') return canManageFacility(actor, facility);
  return booking.resident_account_id === actor.accountId;
}

/** The 領収書 of a paid booking is for whoever may act on it (the payer, whose name is on it; or staff). The receipt route and every receipt link use this. */
export function canDownloadReceipt(actor: Actor, booking: BookingOwnership & { department_code: string; paid_at: Date | null; payment_id: string | null }): boolean {
  return booking.paid_at !== null && booking.payment_id !== null && canActOnBooking(actor, booking, booking);
}

export interface GroupMembership {
  representative_account_id: string;
  status: GroupStatus;
}

export const isRepresentative = (resident: ResidentActor, group: GroupMembership) => group.representative_account_id === resident.accountId;

/** Only an approved group books as a group, and only through a member who has joined with their account. */
export const canBookForGroup = (group: GroupMembership, isMember: boolean) => group.status === 'approved' && isMember;

/** Residents registered in Oshu pay the resident rate; everyone else the non-resident rate. */
export const isOshuResident = (resident: ResidentActor) => resident.residentId !== null;
