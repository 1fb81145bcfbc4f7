/**
 * Kysely row types of the staff back office's tables (migrations/0620): maintenance
 * blocks and what they cancelled, and check-ins of the day sheet. The time a block
 * holds is in facility_bookings (kind 'block'); these rows say why and by whom.
 */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { FacilitiesDb, FacilityTables } from './tables.ts';
import type { ClassTables } from './classes-tables.ts';

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type CheckinState = 'checked_in' | 'no_show';

export type StaffTables = {
  facility_maintenance_blocks: {
    id: Generated<string>;
    facility_id: string;
    room_id: string | null;
    from_date: string;
    to_date: string;
    starts_at: number;
    ends_at: number;
    reason: string;
    status: Generated<'active' | 'removed'>;
    created_by_staff_id: string;
    created_at: Generated<Date>;
    removed_by_staff_id: string | null;
    removed_at: NullableTimestamp;
  };
  facility_maintenance_block_rows: { booking_id: string; block_id: string };
  facility_block_cancellations: { booking_id: string; block_id: string; paid_yen: number };
  facility_booking_checkins: {
    booking_id: string;
    state: CheckinState;
    present_count: number | null;
    recorded_by_staff_id: string;
    recorded_at: Date;
  };
};

/** The facilities database with the back office's and the classes' tables. */
export type StaffDb = Kysely<PlatformTables & FacilityTables & StaffTables & ClassTables>;

export function staffDb(db: FacilitiesDb): StaffDb {
  return db.withTables<StaffTables & ClassTables>();
}
