/**
 * What waits for a decision: 仮予約 of the staff member's facilities (rooms whose use
 * needs a permit) and group registrations. The decisions themselves are the booking
 * and group services' own (approveBooking / rejectBooking / approveGroup /
 * rejectGroup), which check access, audit and notify the applicant.
 */
import type { StaffActor } from '../../platform/access/actor.ts';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { japanClock } from '../../platform/time/today.ts';
import type { FacilityContext } from './facility-context.ts';
import { canDecideGroups } from './policy.ts';
import { facilityDepartmentsOf } from './staff-policy.ts';

export type PendingBooking = Awaited<ReturnType<typeof pendingBookings>>[number];
export type PendingGroup = Awaited<ReturnType<typeof pendingGroups>>[number];
export type GroupDetail = Awaited<ReturnType<typeof groupForDecision>>;

/** 仮予約 from today on, soonest use first (the ones to decide first). */
export async function pendingBookings(ctx: FacilityContext, actor: StaffActor) {
  const staff = requireStaff(actor);
  const departments = facilityDepartmentsOf(staff);
  if (departments.length === 0) return [];
  return ctx.db
    .selectFrom('facility_bookings as b')
    .innerJoin('facility_rooms as r', 'r.id', 'b.room_id')
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .leftJoin('facility_users as u', 'u.resident_account_id', 'b.resident_account_id')
    .leftJoin('facility_groups as g', 'g.id', 'b.group_id')
    .select(['b.id', 'b.reference', 'b.use_date', 'b.starts_at', 'b.ends_at', 'b.headcount', 'b.created_at', 'r.name as room_name', 'f.name as facility_name', 'u.name as holder', 'g.name as group_name'])
    .where('b.kind', '=', 'booking')
    .where('b.status', '=', 'pending_approval')
    .where('b.use_date', '>=', japanClock(ctx.now()).date)
    .where('f.department_code', 'in', departments)
    .orderBy('b.use_date')
    .orderBy('b.starts_at')
    .limit(500)
    .execute();
}

/** Group registrations waiting for the facilities department, oldest first. */
export async function pendingGroups(ctx: FacilityContext, actor: StaffActor) {
  const staff = requireStaff(actor);
  if (!canDecideGroups(staff)) return [];
  return ctx.db
    .selectFrom('facility_groups as g')
    .select(['g.id', 'g.name', 'g.representative_name', 'g.in_city', 'g.created_at'])
    .select((eb) => eb.selectFrom('facility_group_members as m').select((x) => x.fn.countAll<string>().as('n')).whereRef('m.group_id', '=', 'g.id').as('member_count'))
    .where('g.status', '=', 'pending')
    .orderBy('g.created_at')
    .limit(500)
    .execute();
}

/** A group with its member list, for the staff who decide groups (404 for anyone else). */
export async function groupForDecision(ctx: FacilityContext, actor: StaffActor, id: string) {
  const staff = requireStaff(actor);
  requireAccess(canDecideGroups(staff), 'forbidden');
  const group = isUuid(id) ? await ctx.db.selectFrom('facility_groups').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  requireAccess(group !== undefined);
  const members = await ctx.db.selectFrom('facility_group_members').select(['id', 'name', 'account_id']).where('group_id', '=', group!.id).orderBy('id').execute();
  return { group: group!, members };
}
