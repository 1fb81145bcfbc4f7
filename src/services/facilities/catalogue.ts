/**
 * Facilities and rooms as the booking rules see them: one read of the facility's
 * rows (hours, closed days, blocks, fees) turned into plain objects that the pure
 * rules (calendar.ts, fees.ts, booking-rules.ts) work on.
 */
import type { Area, ClosureRule, FacilitiesDb, FacilityKind, RoomKind, SlotMode } from './tables.ts';

export interface Closure {
  rule: ClosureRule;
  onDate: string | null;
  fromMd: string | null;
  toMd: string | null;
  nth: number | null;
  weekday: number | null;
  dayOfMonth: number | null;
  reason: string;
}

export interface Block {
  code: string;
  nameJa: string;
  nameEn: string;
  startsAt: number;
  endsAt: number;
}

export interface Fee {
  residentYen: number;
  nonResidentYen: number;
  commercialYen: number;
  heatingYen: number;
}

export interface RoomInfo {
  id: string;
  facilityId: string;
  name: string;
  nameKana: string;
  kind: RoomKind;
  capacity: number;
  floorAreaM2: number | null;
  equipment: string[];
  purposes: string[];
  needsApproval: boolean;
  slotMode: SlotMode;
  lotteryEnabled: boolean;
  description: string;
  blocks: Block[];
  /** By block code; an hourly room has one fee under HOURLY_FEE_KEY. */
  fees: Map<string, Fee>;
}

export interface FacilityInfo {
  id: string;
  name: string;
  nameKana: string;
  area: Area;
  kind: FacilityKind;
  address: string;
  lat: number;
  lng: number;
  phone: string;
  description: string;
  accessibility: string[];
  departmentCode: string;
  bookingHorizonMonths: number;
  payDaysBeforeUse: number;
  payDaysAfterBooking: number;
  counterPayment: boolean;
  cancelFreeDaysBefore: number;
  cancelFeePercent: number;
  heatingMonths: number[];
  /** By ISO weekday; a weekday missing here is a weekly closing day. */
  hours: Map<number, { opensAt: number; closesAt: number }>;
  closures: Closure[];
  rooms: RoomInfo[];
}

export interface CatalogueFilter {
  facilityId?: string;
  roomId?: string;
  area?: string;
}

/** Active facilities (and their active rooms) matching the filter, in display order. */
export async function loadFacilities(db: FacilitiesDb, filter: CatalogueFilter = {}): Promise<FacilityInfo[]> {
  let facilityQuery = db.selectFrom('facilities').selectAll().where('active', '=', true);
  if (filter.facilityId) facilityQuery = facilityQuery.where('id', '=', filter.facilityId);
  if (filter.area) facilityQuery = facilityQuery.where('area', '=', filter.area as Area);
  if (filter.roomId) facilityQuery = facilityQuery.where('id', 'in', db.selectFrom('facility_rooms').select('facility_id').where('id', '=', filter.roomId));
  const facilities = await facilityQuery.orderBy('sort_order').orderBy('id').execute();
  if (facilities.length === 0) return [];
  const ids = facilities.map((f) => f.id);
  let roomQuery = db.selectFrom('facility_rooms').selectAll().where('facility_id', 'in', ids).where('active', '=', true);
  if (filter.roomId) roomQuery = roomQuery.where('id', '=', filter.roomId);
  const [rooms, hours, closures] = await Promise.all([
    roomQuery.orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('facility_hours').selectAll().where('facility_id', 'in', ids).execute(),
    db.selectFrom('facility_closures').selectAll().where('facility_id', 'in', ids).orderBy('id').execute(),
  ]);
  const roomIds = rooms.map((r) => r.id);
  const [blocks, fees] = roomIds.length
    ? await Promise.all([
        db.selectFrom('facility_room_blocks').selectAll().where('room_id', 'in', roomIds).orderBy('sort_order').orderBy('starts_at').execute(),
        db.selectFrom('facility_fees').selectAll().where('room_id', 'in', roomIds).execute(),
      ])
    : [[], []];
  return facilities.map((f) => ({
    id: f.id,
    name: f.name,
    nameKana: f.name_kana,
    area: f.area,
    kind: f.kind,
    address: f.address,
    lat: f.lat,
    lng: f.lng,
    phone: f.phone,
    description: f.description,
    accessibility: f.accessibility,
    departmentCode: f.department_code,
    bookingHorizonMonths: f.booking_horizon_months,
    payDaysBeforeUse: f.pay_days_before_use,
    payDaysAfterBooking: f.pay_days_after_booking,
    counterPayment: f.counter_payment,
    cancelFreeDaysBefore: f.cancel_free_days_before,
    cancelFeePercent: f.cancel_fee_percent,
    heatingMonths: f.heating_months,
    hours: new Map(hours.filter((h) => h.facility_id === f.id).map((h) => [h.weekday, { opensAt: h.opens_at, closesAt: h.closes_at }])),
    closures: closures
      .filter((c) => c.facility_id === f.id)
      .map((c) => ({ rule: c.rule, onDate: c.on_date, fromMd: c.from_md, toMd: c.to_md, nth: c.nth, weekday: c.weekday, dayOfMonth: c.day_of_month, reason: c.reason })),
    rooms: rooms
      .filter((r) => r.facility_id === f.id)
      .map((r) => ({
        id: r.id,
        facilityId: r.facility_id,
        name: r.name,
        nameKana: r.name_kana,
        kind: r.kind,
        capacity: r.capacity,
        floorAreaM2: r.floor_area_m2,
        equipment: r.equipment,
        purposes: r.purposes,
        needsApproval: r.needs_approval,
        slotMode: r.slot_mode,
        lotteryEnabled: r.lottery_enabled,
        description: r.description,
        blocks: blocks.filter((b) => b.room_id === r.id).map((b) => ({ code: b.code, nameJa: b.name_ja, nameEn: b.name_en, startsAt: b.starts_at, endsAt: b.ends_at })),
        fees: new Map(fees.filter((x) => x.room_id === r.id).map((x) => [x.block_code, { residentYen: x.resident_yen, nonResidentYen: x.non_resident_yen, commercialYen: x.commercial_yen, heatingYen: x.heating_yen }])),
      })),
  }));
}

/** One room with its facility, or null when either is unknown or inactive. */
export async function loadRoom(db: FacilitiesDb, roomId: string): Promise<{ facility: FacilityInfo; room: RoomInfo } | null> {
  if (!/^[a-z0-9-]{1,64}$/.test(roomId)) return null;
  const [facility] = await loadFacilities(db, { roomId });
  const room = facility?.rooms[0];
  return facility && room ? { facility, room } : null;
}

export async function loadPurposes(db: FacilitiesDb): Promise<{ code: string; nameJa: string; nameEn: string }[]> {
  const rows = await db.selectFrom('facility_purposes').selectAll().orderBy('sort_order').orderBy('code').execute();
  return rows.map((p) => ({ code: p.code, nameJa: p.name_ja, nameEn: p.name_en }));
}
