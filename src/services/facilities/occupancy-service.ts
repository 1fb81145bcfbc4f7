/**
 * Occupancy (稼働率) of a facility by month, per room, as staff and the city's
 * statistics count it:
 *
 *   available = the room's bookable slot time on the days the facility is open
 *               (fixed blocks within the day's hours, or whole hours), minus the
 *               part of it under a maintenance block;
 *   booked    = the part of that slot time held by bookings (仮予約, awaiting
 *               payment or confirmed — used or to be used) and by classes;
 *   rate      = booked / available.
 *
 * Lottery holds count as available (they become bookings or are released).
 * No-show rate = bookings recorded as no-show / bookings of days already past
 * (cancelled ones excluded). Revenue = what was paid for the month's bookings less
 * what was refunded (a cancellation fee kept counts). Pure over loaded rows.
 */
import type { StaffActor } from '../../platform/access/actor.ts';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import { addDays, japanClock } from '../../platform/time/today.ts';
import { addMonths, monthStart } from './booking-time.ts';
import { loadFacilities, type FacilityInfo, type RoomInfo } from './catalogue.ts';
import { slotsOn } from './calendar.ts';
import type { FacilityContext } from './facility-context.ts';
import { canManageFacility } from './staff-policy.ts';
import { staffDb } from './staff-tables.ts';
import type { BookingStatus, OccupancyKind } from './tables.ts';

/** A row of facility_bookings as occupancy needs it. */
export interface OccupancyRow {
  roomId: string;
  kind: OccupancyKind;
  status: BookingStatus;
  date: string;
  startsAt: number;
  endsAt: number;
  feeYen: number;
  paid: boolean;
  refundYen: number;
  checkin: 'checked_in' | 'no_show' | null;
}

export interface Figures {
  /** Minutes of bookable time, blocked time taken out. */
  availableMinutes: number;
  bookedMinutes: number;
  blockedMinutes: number;
  /** booked / available, null when nothing was available. */
  rate: number | null;
  bookings: number;
  /** Bookings of days already past (the no-show rate's denominator). */
  pastBookings: number;
  checkedIn: number;
  noShows: number;
  noShowRate: number | null;
  revenueYen: number;
}

export interface RoomFigures extends Figures {
  roomId: string;
  roomName: string;
}

export interface MonthFigures extends Figures {
  month: string;
}

export interface FacilityOccupancy {
  facility: { id: string; name: string; area: string };
  month: string;
  rooms: RoomFigures[];
  totals: Figures;
  /** The twelve months up to and including `month`, oldest first. */
  trend: MonthFigures[];
}

/** Counts as booked time: bookings that hold or held the room, and classes. */
const BOOKED: readonly BookingStatus[] = ['pending_approval', 'awaiting_payment', 'confirmed'];

/** Every date of a month (YYYY-MM). */
export function datesOfMonth(month: string): string[] {
  const out: string[] = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addDays(d, 1)) out.push(d);
  return out;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

function emptyFigures(): Figures {
  return { availableMinutes: 0, bookedMinutes: 0, blockedMinutes: 0, rate: null, bookings: 0, pastBookings: 0, checkedIn: 0, noShows: 0, noShowRate: null, revenueYen: 0 };
}

function finish(f: Figures): Figures {
  return { ...f, rate: ratio(f.bookedMinutes, f.availableMinutes), noShowRate: ratio(f.noShows, f.pastBookings) };
}

function add(into: Figures, f: Figures): void {
  into.availableMinutes += f.availableMinutes;
  into.bookedMinutes += f.bookedMinutes;
  into.blockedMinutes += f.blockedMinutes;
  into.bookings += f.bookings;
  into.pastBookings += f.pastBookings;
  into.checkedIn += f.checkedIn;
  into.noShows += f.noShows;
  into.revenueYen += f.revenueYen;
}

/**
 * One room over one month. Booked and blocked time are counted only inside the
 * room's slots (a class of 10:00–11:30 in the 9:00–12:00 block books 90 of its 180
 * minutes); where a block and a booking overlap (a booking made before the block
 * was lifted), the time counts as booked, not blocked.
 */
export function roomMonth(facility: Pick<FacilityInfo, 'hours' | 'closures'>, room: Pick<RoomInfo, 'id' | 'slotMode' | 'blocks'>, month: string, rows: OccupancyRow[], today: string): Figures {
  const f = emptyFigures();
  const mine = rows.filter((r) => r.roomId === room.id && r.date.startsWith(month));
  for (const date of datesOfMonth(month)) {
    const slots = slotsOn(facility, room, date);
    const day = mine.filter((r) => r.date === date);
    const booked = day.filter((r) => (r.kind === 'booking' && BOOKED.includes(r.status)) || (r.kind === 'class' && r.status === 'held'));
    const blocks = day.filter((r) => r.kind === 'block' && r.status === 'held');
    for (const slot of slots) {
      // Minute by minute is exact and cheap (a slot is at most a few hundred minutes).
      for (let m = slot.startsAt; m < slot.endsAt; m++) {
        const isBooked = booked.some((r) => r.startsAt <= m && m < r.endsAt);
        const isBlocked = !isBooked && blocks.some((r) => r.startsAt <= m && m < r.endsAt);
        if (isBlocked) f.blockedMinutes++;
        else f.availableMinutes++;
        if (isBooked) f.bookedMinutes++;
      }
    }
  }
  for (const r of mine) {
    if (r.kind !== 'booking') continue;
    if (r.paid) f.revenueYen += r.feeYen - r.refundYen;
    if (!BOOKED.includes(r.status)) continue;
    f.bookings++;
    if (r.date < today) f.pastBookings++;
    if (r.checkin === 'checked_in') f.checkedIn++;
    if (r.checkin === 'no_show') f.noShows++;
  }
  return finish(f);
}

/** The figures of a facility for a month and the trend of the twelve months before it. */
export function facilityOccupancy(facility: FacilityInfo, month: string, rows: OccupancyRow[], today: string): FacilityOccupancy {
  const rooms = facility.rooms.map((room) => ({ roomId: room.id, roomName: room.name, ...roomMonth(facility, room, month, rows, today) }));
  const totals = emptyFigures();
  for (const r of rooms) add(totals, r);
  const trend: MonthFigures[] = [];
  for (let i = 11; i >= 0; i--) {
    const m = addMonths(`${month}-01`, -i).slice(0, 7);
    const sum = emptyFigures();
    for (const room of facility.rooms) add(sum, roomMonth(facility, room, m, rows, today));
    trend.push({ month: m, ...finish(sum) });
  }
  return { facility: { id: facility.id, name: facility.name, area: facility.area }, month, rooms, totals: finish(totals), trend };
}

/** YYYY-MM of a month typed as 2027-06, 2027/6, 令和9年6月 or 2027年6月; null otherwise. */
export function parseMonth(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  let m = /^(\d{4})[-/年](\d{1,2})月?$/.exec(t);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}` : null;
  }
  m = /^(令和|R)(元|\d{1,2})[年.](\d{1,2})月?$/i.exec(t);
  if (m) {
    const year = 2018 + (m[2] === '元' ? 1 : Number(m[2]));
    const month = Number(m[3]);
    return month >= 1 && month <= 12 ? `${year}-${String(month).padStart(2, '0')}` : null;
  }
  return null;
}

/** The facility, for staff of its department (404 for others' facilities). */
export async function occupancyFacility(ctx: FacilityContext, actor: StaffActor, facilityId: string): Promise<FacilityInfo> {
  const staff = requireStaff(actor);
  const [facility] = await loadFacilities(ctx.db, { facilityId });
  requireAccess(facility !== undefined && canManageFacility(staff, { department_code: facility.departmentCode }));
  return facility!;
}

/** Occupancy of one facility for staff of its department (404 for others' facilities). */
export async function occupancyOf(ctx: FacilityContext, actor: StaffActor, facilityId: string, month: string): Promise<FacilityOccupancy> {
  const facility = await occupancyFacility(ctx, actor, facilityId);
  const from = addMonths(`${month}-01`, -11);
  const to = addDays(monthStart(addMonths(`${month}-01`, 1)), -1);
  const roomIds = facility!.rooms.map((r) => r.id);
  const rows = roomIds.length
    ? await staffDb(ctx.db)
        .selectFrom('facility_bookings as b')
        .leftJoin('facility_booking_checkins as c', 'c.booking_id', 'b.id')
        .select(['b.room_id', 'b.kind', 'b.status', 'b.use_date', 'b.starts_at', 'b.ends_at', 'b.fee_yen', 'b.paid_at', 'b.refund_yen', 'c.state'])
        .where('b.room_id', 'in', roomIds)
        .where('b.use_date', '>=', from)
        .where('b.use_date', '<=', to)
        .execute()
    : [];
  const occupancy: OccupancyRow[] = rows.map((r) => ({ roomId: r.room_id, kind: r.kind, status: r.status, date: r.use_date, startsAt: r.starts_at, endsAt: r.ends_at, feeYen: r.fee_yen, paid: r.paid_at !== null, refundYen: r.refund_yen ?? 0, checkin: r.state ?? null }));
  return facilityOccupancy(facility!, month, occupancy, japanClock(ctx.now()).date);
}
