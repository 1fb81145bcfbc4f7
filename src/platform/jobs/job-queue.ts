/**
 * A durable job queue in PostgreSQL (works the same on PGlite). Jobs are rows;
 * a worker claims one with FOR UPDATE SKIP LOCKED and a lease (locked_until),
 * so several instances share the work and a job whose worker died is claimed
 * again when its lease runs out. Failures retry with exponential backoff up to
 * max_attempts. An idempotency key makes enqueueing the same job twice a no-op.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { PlatformTables } from '../db/platform-tables.ts';

export type JobHandler = (payload: Record<string, unknown>, job: { id: number; attempts: number }) => Promise<void>;

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  idempotencyKey?: string;
}

const LEASE_SECONDS = 300;

export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 5 * 2 ** (attempts - 1));
}

export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<PlatformTables>,
    private readonly log: Logger,
  ) {}

  register(queue: string, handler: JobHandler): void {
    if (this.handlers.has(queue)) throw new Error(`Job queue "${queue}" already has a handler`);
    this.handlers.set(queue, handler);
  }

  registeredQueues(): string[] {
    return [...this.handlers.keys()];
  }

  async enqueue(
    db: Kysely<PlatformTables>,
    queue: string,
    payload: Record<string, unknown>,
    options: EnqueueOptions = {},
  ): Promise<void> {
    if (!this.handlers.has(queue)) throw new Error(`No handler registered for job queue "${queue}"`);
    await db
      .insertInto('jobs')
      .values({
        queue,
        payload: JSON.stringify(payload),
        run_at: options.runAt ?? new Date(),
        max_attempts: options.maxAttempts ?? 5,
        idempotency_key: options.idempotencyKey ?? null,
        locked_until: null,
        last_error: null,
        finished_at: null,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .execute();
  }

  /** Claims and runs one due job; returns false when none is due. */
  async runOne(): Promise<boolean> {
    const claimed = await sql<{ id: number; queue: string; payload: Record<string, unknown>; attempts: number; max_attempts: number }>`
      UPDATE jobs SET state = 'running', attempts = attempts + 1,
        locked_until = now() + make_interval(secs => ${LEASE_SECONDS})
      WHERE id = (
        SELECT id FROM jobs
        WHERE (state = 'queued' AND run_at <= now()) OR (state = 'running' AND locked_until < now())
        ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, queue, payload, attempts, max_attempts`.execute(this.db);
    const job = claimed.rows[0];
    if (!job) return false;
    const handler = this.handlers.get(job.queue);
    try {
      if (!handler) throw new Error(`No handler for job queue "${job.queue}"`);
      await handler(job.payload, { id: job.id, attempts: job.attempts });
      await this.db
        .updateTable('jobs')
        .set({ state: 'done', finished_at: new Date(), locked_until: null })
        .where('id', '=', job.id)
        .execute();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const finalFailure = job.attempts >= job.max_attempts;
      this.log.warn({ jobId: job.id, queue: job.queue, attempts: job.attempts, err: message }, 'job failed');
      await this.db
        .updateTable('jobs')
        .set({
          state: finalFailure ? 'failed' : 'queued',
          last_error: message.slice(0, 2000),
          locked_until: null,
          run_at: new Date(Date.now() + backoffSeconds(job.attempts) * 1000),
          finished_at: finalFailure ? new Date() : null,
        })
        .where('id', '=', job.id)
        .execute();
    }
    return true;
  }

  /** Runs due jobs until none is left (used by tests and the CLI). */
  async drain(): Promise<number> {
    let count = 0;
    while (await this.runOne()) count++;
    return count;
  }

  /**
   * Polls for due jobs and runs them, `concurrency` at a time: several claim loops in
   * one process are several workers (FOR UPDATE SKIP LOCKED keeps them apart), which
   * matters when handlers wait on providers (notifications) rather than on the CPU.
   */
  start(pollMs = 1000, concurrency = 1): void {
    if (this.timer) return;
    const loop = async () => {
      while (this.timer && (await this.runOne())) {
        /* keep going while jobs are due */
      }
    };
    const tick = async () => {
      try {
        await Promise.all(Array.from({ length: Math.max(1, concurrency) }, loop));
      } catch (error) {
        this.log.error({ err: error }, 'job worker poll failed');
      }
    };
    this.timer = setInterval(() => {
      if (!this.running) this.running = tick().finally(() => (this.running = null));
    }, pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
