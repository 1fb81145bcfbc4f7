/** Kysely row types of the counter's tables (migrations/0800-counter.sql, 0801-counter-visitors.sql). */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Answers } from '../../engines/forms/index.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { VisitorFacts } from './visitor-facts.ts';

/** jsonb: read as the value, written as JSON text. */
type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;

export type VisitOutcome = 'completed' | 'partial' | 'cancelled';
export type ConfirmedVia = 'second_screen' | 'clerk_screen';
export type FormFinish = 'submit' | 'print';

export type CounterTables = {
  counter_visits: {
    id: Generated<string>;
    staff_id: string;
    /** Null for a visitor who is not on the register (then `visitor` holds what the clerk typed). */
    resident_id: string | null;
    resident_name: string;
    visitor: ColumnType<VisitorFacts | null, string | null | undefined, string | null>;
    identity_method: string;
    identity_digits: string | null;
    identity_agent_name: string | null;
    identity_agent_document: string | null;
    identity_note: string | null;
    bundle_id: string | null;
    started_at: Date;
    ended_at: Date | null;
    outcome: VisitOutcome | null;
    confirmed_at: Date | null;
    confirmed_via: ConfirmedVia | null;
    confirmed_hash: string | null;
  };
  counter_visit_forms: {
    visit_id: string;
    procedure_id: string;
    procedure_version: number;
    position: number;
    answers: JsonWithDefault<Answers>;
    prefilled: JsonWithDefault<string[]>;
    finish: FormFinish | null;
    finished_at: Date | null;
    idempotency_key: Generated<string>;
    application_id: string | null;
    reference: string | null;
    updated_at: Date;
  };
};

export type CounterDb = Kysely<PlatformTables & CounterTables>;

export function counterDb(db: Kysely<PlatformTables>): CounterDb {
  return db.withTables<CounterTables>();
}
