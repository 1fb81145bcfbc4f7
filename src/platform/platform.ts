/** What the platform hands every service: the shared parts, chosen once at start-up. */
import type { Logger } from 'pino';
import type { Config } from './config/config.ts';
import type { Database } from './db/database.ts';
import type { FileStore } from './files/file-store.ts';
import type { JobQueue } from './jobs/job-queue.ts';
import type { Notifier } from './notify/notifier.ts';
import type { SessionStore } from './session/session-store.ts';
import type { CityService } from './catalogue/city-service.ts';

export interface Platform {
  config: Config;
  db: Database;
  jobs: JobQueue;
  sessions: SessionStore;
  files: FileStore;
  notifier: Notifier;
  log: Logger;
  services: CityService[];
}

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
}
