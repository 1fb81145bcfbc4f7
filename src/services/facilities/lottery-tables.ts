/** Kysely row types of the facility lottery tables (migrations/0610-facility-lottery.sql). */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { ApplicationResult, LotteryInput, LotteryResult } from '../../engines/lottery/index.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { FacilitiesDb, FacilityTables } from './tables.ts';

export type RoundStatus = 'draft' | 'published' | 'drawn' | 'cancelled';
export type LotterySlotState = 'held' | 'awarded' | 'released' | 'removed';
export type EntryStatus = 'active' | 'withdrawn';
export type OfferSource = 'draw' | 'waiting_list';
export type OfferStatus = 'offered' | 'confirmed' | 'lapsed' | 'declined';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T | null, string | null | undefined, string | null>;

export type LotteryTables = {
  facility_lottery_rounds: {
    id: Generated<string>;
    facility_id: string;
    month: string;
    title: string;
    status: Generated<RoundStatus>;
    opens_at: Timestamp;
    closes_at: Timestamp;
    draw_at: Timestamp;
    pay_days: number;
    max_preferences: Generated<number>;
    max_entries: Generated<number>;
    max_wins_per_type_month: Generated<number>;
    max_wins_per_month: number | null;
    pseudonym_salt: string;
    seed: string | null;
    input: Json<LotteryInput>;
    result: Json<LotteryResult>;
    input_digest: string | null;
    result_digest: string | null;
    drawn_at: NullableTimestamp;
    drawn_by_staff_id: string | null;
    created_by_staff_id: string | null;
    cancel_reason: string | null;
    created_at: Generated<Date>;
    updated_at: Timestamp;
  };
  facility_lottery_slots: {
    id: Generated<string>;
    round_id: string;
    code: string;
    room_id: string;
    use_date: string;
    starts_at: number;
    ends_at: number;
    block_codes: ColumnType<string[], string[], string[]>;
    slot_type: string;
    hold_booking_id: string | null;
    state: Generated<LotterySlotState>;
    created_at: Generated<Date>;
  };
  facility_lottery_entries: {
    id: Generated<string>;
    round_id: string;
    resident_account_id: string;
    group_id: string | null;
    purpose: string;
    purpose_detail: Generated<string>;
    headcount: number;
    status: Generated<EntryStatus>;
    idempotency_key: string;
    created_at: Generated<Date>;
    withdrawn_at: NullableTimestamp;
    draw_outcome: Json<ApplicationResult>;
  };
  facility_lottery_waiting: { slot_id: string; position: number; entry_id: string };
  facility_lottery_preferences: { entry_id: string; rank: number; slot_id: string };
  facility_lottery_offers: {
    id: Generated<string>;
    round_id: string;
    slot_id: string;
    entry_id: string;
    booking_id: string;
    source: OfferSource;
    status: Generated<OfferStatus>;
    deadline: Timestamp;
    created_at: Generated<Date>;
    resolved_at: NullableTimestamp;
  };
};

export type LotteryDb = Kysely<PlatformTables & FacilityTables & LotteryTables>;

export function lotteryDb(db: Kysely<PlatformTables>): LotteryDb {
  return db.withTables<FacilityTables & LotteryTables>();
}

/** Any handle (a service's own, or a transaction of one) as the lottery's. */
export const asLotteryDb = (db: Kysely<never> | Kysely<PlatformTables>) => db as unknown as LotteryDb;
export const asPlatformDb = (db: LotteryDb) => db as unknown as Kysely<PlatformTables>;
export const asFacilitiesDb = (db: LotteryDb) => db as unknown as FacilitiesDb;
