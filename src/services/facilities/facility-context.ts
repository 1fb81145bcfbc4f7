/** What the facility functions need from the platform, chosen once when the service starts. */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { Notifier } from '../../platform/notify/notifier.ts';
import type { Payments } from '../../platform/payments/payments.ts';
import type { Platform } from '../../platform/platform.ts';
import { facilitiesDb, type FacilitiesDb } from './tables.ts';

export interface FacilityContext {
  db: FacilitiesDb;
  now: () => Date;
  /** null: no notices are queued (demo seeding, the benchmark). */
  jobs: JobQueue | null;
  notifier: Notifier;
  payments: Payments;
  log: Logger;
  /** For links in notices. */
  publicUrl: string;
}

export function facilityContext(platform: Platform): FacilityContext {
  return { db: facilitiesDb(platform.db.kysely), now: platform.now, jobs: platform.jobs, notifier: platform.notifier, payments: platform.payments, log: platform.log, publicUrl: platform.config.publicUrl };
}

export const asPlatformDb = (db: FacilitiesDb) => db as unknown as Kysely<PlatformTables>;

/** The `source` of this service's payments (and its ledger revenue account). */
export const PAYMENT_SOURCE = 'facilities';
