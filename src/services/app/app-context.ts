/** What the city app's functions need from the platform, chosen once when the service starts. */
import type { Logger } from 'pino';
import type { FileStore } from '../../platform/files/file-store.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { Notifier } from '../../platform/notify/notifier.ts';
import type { Platform } from '../../platform/platform.ts';
import { appDb, type AppDb } from './tables.ts';

export interface AppContext {
  db: AppDb;
  jobs: JobQueue | null;
  notifier: Notifier;
  files: FileStore;
  now: () => Date;
  log: Logger;
  /** Public base URL for links in messages and feeds (no trailing slash). */
  baseUrl: string;
}

export function appContext(platform: Platform): AppContext {
  return {
    db: appDb(platform.db.kysely),
    jobs: platform.jobs,
    notifier: platform.notifier,
    files: platform.files,
    now: platform.now,
    log: platform.log,
    baseUrl: platform.config.publicUrl,
  };
}
