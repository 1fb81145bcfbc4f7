/** What the on-demand bus's functions need from the platform, chosen once when the service starts. */
import type { Logger } from 'pino';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { Platform } from '../../platform/platform.ts';
import { transitDb, type TransitDb } from './tables.ts';
import { EstimatedTravel, OsrmTravel, type TravelModel } from './travel-model.ts';

export interface TransitContext {
  db: TransitDb;
  travel: TravelModel;
  now: () => Date;
  jobs: JobQueue | null;
  log: Logger;
  reoptimiseSeconds: number;
}

export function transitContext(platform: Platform): TransitContext {
  return {
    db: transitDb(platform.db.kysely),
    travel: platform.config.osrmUrl ? new OsrmTravel(platform.config.osrmUrl, platform.log) : new EstimatedTravel(),
    now: platform.now,
    jobs: platform.jobs,
    log: platform.log,
    reoptimiseSeconds: platform.config.transitReoptimiseSeconds,
  };
}

export const asPlatformDb = (db: TransitDb) => db as unknown as Kysely<PlatformTables>;
