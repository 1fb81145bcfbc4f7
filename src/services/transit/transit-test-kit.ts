/**
 * Shared by the on-demand bus tests and benchmark: a context over a test database with
 * the demo network, a movable clock, riders, and the next service days.
 */
import pino from 'pino';
import type { StaffActor } from '../../platform/access/actor.ts';
import { addDays, isoWeekday, japanClock, japanInstant } from '../../platform/time/today.ts';
import type { Database } from '../../platform/db/database.ts';
import { transitDb, type TransitDb } from './tables.ts';
import type { TransitContext } from './transit-context.ts';
import { seedTransitNetwork } from './transit-seed.ts';
import { EstimatedTravel } from './travel-model.ts';

export const OPERATOR: StaffActor = { kind: 'staff', id: '00000000-0000-4000-8000-000000000001', loginId: 'kotsu.tanto', displayName: '交通 三郎', roles: [{ department: 'transport', role: 'clerk' }] };

/** The n-th weekday (Mon–Fri) strictly after `from`. */
export function nextWeekday(from: string, n = 1): string {
  let d = from;
  let seen = 0;
  while (seen < n) {
    d = addDays(d, 1);
    if (isoWeekday(d) <= 5) seen++;
  }
  return d;
}

export interface TransitKit {
  ctx: TransitContext;
  db: TransitDb;
  /** Sets the clock to a time of day on a date (Japan time). */
  setNow(date: string, seconds: number): void;
  rider(name?: string, options?: { wheelchair?: boolean }): Promise<string>;
}

export async function transitKit(database: Database, options: { seed?: boolean } = {}): Promise<TransitKit> {
  const db = transitDb(database.kysely);
  if (options.seed !== false) await seedTransitNetwork(db);
  await db.insertInto('staff').values({ id: OPERATOR.id, login_id: `kit-${OPERATOR.id}`, display_name: OPERATOR.displayName, password_hash: '!' }).onConflict((oc) => oc.doNothing()).execute();
  let now = new Date();
  const ctx: TransitContext = { db, travel: new EstimatedTravel(), now: () => now, jobs: null, log: pino({ level: 'silent' }), reoptimiseSeconds: 2 };
  let n = 0;
  return {
    ctx,
    db,
    setNow(date, seconds) {
      now = japanInstant(date, seconds);
    },
    async rider(name = '前沢 花子', opts = {}) {
      n++;
      const { id } = await db
        .insertInto('transit_riders')
        .values({ name: `${name}${n}`, name_kana: 'マエサワ ハナコ', kana_key: 'マエサワハナコ', phone: `0901234${String(n).padStart(4, '0')}`, email: null, wheelchair: opts.wheelchair ?? false, resident_account_id: null, created_by_staff_id: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
  };
}

export const todayJapan = () => japanClock().date;
