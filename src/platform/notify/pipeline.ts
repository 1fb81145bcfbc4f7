/** What the queued notifier, the delivery job and the receipt routes share. */
import type { Logger } from 'pino';
import type { NotifyConfig } from '../config/config.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { backoffSeconds } from '../jobs/job-queue.ts';
import { maskAddress, type Channel } from './notifier.ts';
import type { NotifyDb } from './notify-tables.ts';
import type { ProviderAdapter } from './providers/provider.ts';
import type { SendRateLimiter } from './rate-limiter.ts';

export const DELIVER_QUEUE = 'notify.deliver';

export interface DeliveryTuning {
  /** Provider attempts before a message that only ever failed temporarily is given up. */
  maxAttempts: number;
  /** Wait before attempt n+1 after n temporary failures. */
  retryDelayMs: (attempts: number) => number;
  /** How long one attempt may hold a message before another worker may try again. */
  leaseSeconds: number;
}

export const DEFAULT_TUNING: DeliveryTuning = {
  maxAttempts: 10,
  // The job queue's own curve: 5 s, 10 s, 20 s … capped at an hour.
  retryDelayMs: (attempts) => backoffSeconds(attempts) * 1000,
  leaseSeconds: 60,
};

export interface Pipeline {
  db: NotifyDb;
  jobs: JobQueue;
  log: Logger;
  /** The platform clock (tests move it); quiet hours and send-after read it. */
  now: () => Date;
  config: NotifyConfig;
  providers: Record<Channel, ProviderAdapter>;
  limiter: SendRateLimiter;
  tuning: DeliveryTuning;
}

/**
 * The real instant at which the platform clock will show `target`. Jobs run on the
 * database's clock; scheduling by the difference keeps tests with a fixed clock from
 * running a postponed job at once (and so looping).
 */
export function realTimeOf(pipeline: Pick<Pipeline, 'now'>, target: Date): Date {
  return new Date(Date.now() + Math.max(0, target.getTime() - pipeline.now().getTime()));
}

/** For logs: enough to tell messages apart, nothing that identifies the person. */
export function maskRecipient(channel: Channel, recipient: string): string {
  if (channel === 'push') return 'push-subscription';
  if (channel === 'line') return `${recipient.slice(0, 3)}…`;
  return maskAddress(recipient);
}
