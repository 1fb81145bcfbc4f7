/**
 * Kysely row types of the facility reservation tables (migrations/0600-facilities.sql).
 * The lottery (0610) and the staff back office / classes (0620) build on these:
 * every occupation of a room is a `facility_bookings` row, and the database refuses
 * an overlapping active one (SQLSTATE 23P01, see booking-conflict.ts).
 */
import type { ColumnType, Generated, Kysely, RawBuilder } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';

export const AREAS = ['水沢', '江刺', '前沢', '胆沢', '衣川'] as const;
export type Area = (typeof AREAS)[number];

export type FacilityKind = 'hall' | 'gym' | 'community' | 'sports' | 'nature';
export type RoomKind = 'hall' | 'meeting' | 'japanese' | 'kitchen' | 'arena' | 'dojo' | 'court' | 'studio' | 'outdoor';
export type SlotMode = 'blocks' | 'hourly';
export type ClosureRule = 'date' | 'annual' | 'monthly_nth_weekday' | 'monthly_day';

/** What occupies a room: a resident/group booking, a staff block, a lottery hold, a class. */
export type OccupancyKind = 'booking' | 'block' | 'lottery' | 'class';
export type BookingStatus = 'pending_approval' | 'awaiting_payment' | 'confirmed' | 'held' | 'cancelled' | 'rejected' | 'lapsed' | 'released';
/** Statuses that hold the room's time (the exclusion constraint's WHERE clause). */
export const ACTIVE_STATUSES: readonly BookingStatus[] = ['pending_approval', 'awaiting_payment', 'confirmed', 'held'];
export type Rate = 'resident' | 'non_resident' | 'commercial';
export type PaymentMethodChoice = 'online' | 'counter' | 'none';
export type GroupStatus = 'pending' | 'approved' | 'rejected' | 'suspended';

/** Fixed-block fee key for hourly rooms: the rate of one hour. */
export const HOURLY_FEE_KEY = 'hour';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export type FacilityTables = {
  facilities: {
    id: string;
    name: string;
    name_kana: string;
    area: Area;
    kind: FacilityKind;
    address: string;
    lat: number;
    lng: number;
    phone: Generated<string>;
    description: Generated<string>;
    accessibility: TextArray;
    department_code: Generated<string>;
    booking_horizon_months: Generated<number>;
    pay_days_before_use: Generated<number>;
    pay_days_after_booking: Generated<number>;
    counter_payment: Generated<boolean>;
    cancel_free_days_before: Generated<number>;
    cancel_fee_percent: Generated<number>;
    heating_months: ColumnType<number[], number[] | undefined, number[]>;
    active: Generated<boolean>;
    sort_order: Generated<number>;
  };
  facility_rooms: {
    id: string;
    facility_id: string;
    name: string;
    name_kana: string;
    kind: RoomKind;
    capacity: number;
    floor_area_m2: number | null;
    equipment: TextArray;
    purposes: ColumnType<string[], string[], string[]>;
    needs_approval: Generated<boolean>;
    slot_mode: SlotMode;
    lottery_enabled: Generated<boolean>;
    description: Generated<string>;
    active: Generated<boolean>;
    sort_order: Generated<number>;
  };
  facility_purposes: { code: string; name_ja: string; name_en: string; sort_order: Generated<number> };
  facility_hours: { facility_id: string; weekday: number; opens_at: number; closes_at: number };
  facility_closures: {
    id: Generated<number>;
    facility_id: string;
    rule: ClosureRule;
    on_date: string | null;
    from_md: string | null;
    to_md: string | null;
    nth: number | null;
    weekday: number | null;
    day_of_month: number | null;
    reason: string;
  };
  facility_room_blocks: { room_id: string; code: string; name_ja: string; name_en: string; starts_at: number; ends_at: number; sort_order: Generated<number> };
  facility_fees: { room_id: string; block_code: string; resident_yen: number; non_resident_yen: number; commercial_yen: number; heating_yen: Generated<number> };
  facility_reductions: { code: string; name_ja: string; name_en: string; percent: number; active: Generated<boolean>; sort_order: Generated<number> };
  facility_users: {
    resident_account_id: string;
    name: string;
    name_kana: string;
    phone: string;
    email: string | null;
    address: Generated<string>;
    created_at: Generated<Date>;
    updated_at: Timestamp;
  };
  facility_groups: {
    id: Generated<string>;
    name: string;
    name_kana: string;
    kana_key: string;
    representative_account_id: string;
    representative_name: string;
    contact_phone: string;
    contact_email: string | null;
    purpose: string;
    activity: Generated<string>;
    in_city: boolean;
    status: Generated<GroupStatus>;
    decision_reason: string | null;
    decided_by_staff_id: string | null;
    decided_at: NullableTimestamp;
    join_code: string;
    created_at: Generated<Date>;
    updated_at: Timestamp;
  };
  facility_group_members: { id: Generated<number>; group_id: string; name: string; account_id: string | null; created_at: Generated<Date> };
  facility_bookings: {
    id: Generated<string>;
    reference: string;
    room_id: string;
    kind: OccupancyKind;
    status: BookingStatus;
    use_date: string;
    starts_at: number;
    ends_at: number;
    /** tstzrange; write it with `duringRange(day, from, to)` (booking-time.ts); reads return the range text. */
    during: ColumnType<string, RawBuilder<unknown>, RawBuilder<unknown>>;
    block_codes: TextArray;
    resident_account_id: string | null;
    group_id: string | null;
    created_by_staff_id: string | null;
    title: Generated<string>;
    purpose: string | null;
    purpose_detail: Generated<string>;
    headcount: number | null;
    rate: Rate | null;
    base_yen: Generated<number>;
    heating_yen: Generated<number>;
    reduction_code: string | null;
    reduction_yen: Generated<number>;
    fee_yen: Generated<number>;
    payment_method: Generated<PaymentMethodChoice>;
    payment_due_at: NullableTimestamp;
    paid_at: NullableTimestamp;
    payment_id: string | null;
    reminder_sent_at: NullableTimestamp;
    idempotency_key: string | null;
    decided_by_staff_id: string | null;
    decided_at: NullableTimestamp;
    decision_reason: string | null;
    cancelled_at: NullableTimestamp;
    cancel_reason: string | null;
    cancel_fee_yen: number | null;
    refund_yen: number | null;
    refund_id: string | null;
    lottery_round_id: string | null;
    class_id: string | null;
    created_at: Generated<Date>;
    updated_at: Timestamp;
  };
};

export type FacilitiesDb = Kysely<PlatformTables & FacilityTables>;

export function facilitiesDb(db: Kysely<PlatformTables>): FacilitiesDb {
  return db.withTables<FacilityTables>();
}
