/**
 * Kysely row types of classes (F5, migrations/0620): a class holds a room through a
 * facility_bookings row of kind 'class'; its seats are counted in `seats_taken`,
 * which a CHECK keeps at or below `seats` whatever transactions interleave.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** はじめて / 基本 / 応用. */
export const CLASS_LEVELS = ['first', 'basic', 'applied'] as const;
export type ClassLevel = (typeof CLASS_LEVELS)[number];
export type ClassStatus = 'scheduled' | 'cancelled';
export type SeatStatus = 'booked' | 'waiting' | 'cancelled';
export type Attendance = 'present' | 'absent';

export type ClassTables = {
  facility_classes: {
    id: Generated<string>;
    reference: string;
    title: string;
    description: Generated<string>;
    level: ClassLevel;
    instructor: string;
    room_id: string;
    use_date: string;
    starts_at: number;
    ends_at: number;
    seats: number;
    seats_taken: Generated<number>;
    fee_yen: Generated<number>;
    apply_until: Timestamp;
    waiting_list: Generated<boolean>;
    status: Generated<ClassStatus>;
    department_code: string;
    cancel_reason: string | null;
    cancelled_at: NullableTimestamp;
    created_by_staff_id: string | null;
    created_at: Generated<Date>;
    updated_at: Timestamp;
  };
  facility_class_seats: {
    id: Generated<string>;
    reference: string;
    /** bigserial: the order places were asked for (read it only for ordering). */
    seq: Generated<string>;
    class_id: string;
    resident_account_id: string;
    status: SeatStatus;
    attendance: Attendance | null;
    attendance_by_staff_id: string | null;
    attendance_at: NullableTimestamp;
    created_at: Generated<Date>;
    promoted_at: NullableTimestamp;
    cancelled_at: NullableTimestamp;
  };
};
