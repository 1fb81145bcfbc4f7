/** What the platform hands every service: the shared parts, chosen once at start-up. */
import type { Logger } from 'pino';
import type { Config } from './config/config.ts';
import type { Database } from './db/database.ts';
import type { FileStore } from './files/file-store.ts';
import type { JobQueue } from './jobs/job-queue.ts';
import type { Notifier } from './notify/notifier.ts';
import type { NotifyService } from './notify/notify-service.ts';
import type { Payments } from './payments/payments.ts';
import type { SessionStore } from './session/session-store.ts';
import type { CityService } from './catalogue/city-service.ts';
import type { LlmGateway } from './llm/llm-gateway.ts';

export interface Platform {
  config: Config;
  db: Database;
  jobs: JobQueue;
  sessions: SessionStore;
  files: FileStore;
  notifier: Notifier;
  /** Notify itself: the queued pipeline behind the default notifier, its providers, VAPID public key and simulators. */
  notify: NotifyService;
  /** Payments through the configured provider (the local simulator in the demo); `available` is false without one. */
  payments: Payments;
  log: Logger;
  /** Generative AI with personal data masked and every call audited; `enabled` is false unless configured. */
  llm: LlmGateway;
  services: CityService[];
  /** The clock (tests move it; everything time-dependent reads it here). */
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
}
