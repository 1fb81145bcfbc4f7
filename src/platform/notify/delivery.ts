/**
 * Delivering one message (the 'notify.deliver' job). The message row is the truth;
 * jobs are only wake-ups, so a duplicate wake-up or a job re-run after a crash is
 * harmless: a worker must claim the message (one atomic UPDATE) before it talks to
 * the provider, and the provider gets our message id as its idempotency key, so even
 * a retry after a lost answer is recognised there and not sent twice.
 *
 * Before claiming: opted out → suppressed; send-after or SMS quiet hours → a wake-up
 * at the allowed time (never dropped); out of rate → a wake-up at the reserved slot.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { PlatformTables } from '../db/platform-tables.ts';
import { recordEvent } from './message-events.ts';
import { FINAL_STATUSES, type MessageStatus } from './notify-tables.ts';
import { addOptOut } from './opt-outs.ts';
import { DELIVER_QUEUE, realTimeOf, type Pipeline } from './pipeline.ts';
import type { SendOutcome } from './providers/provider.ts';
import { quietHoursEnd } from './quiet-hours.ts';

interface Claimed {
  attempts: number;
}

export class MessageDelivery {
  constructor(private readonly pipeline: Pipeline) {}

  /** The job handler. `slot`: this wake-up already holds a rate-limit reservation. */
  readonly handle = async (payload: Record<string, unknown>): Promise<void> => {
    if (typeof payload.messageId !== 'string') return;
    await this.deliver(payload.messageId, payload.slot === true);
  };

  async deliver(messageId: string, slotReserved = false): Promise<void> {
    const { db, now, config } = this.pipeline;
    const message = await db
      .selectFrom('notify_messages as m')
      .select(['m.id', 'm.channel', 'm.recipient', 'm.subject', 'm.body', 'm.status', 'm.send_after', 'm.sent_at', 'm.next_attempt_at'])
      .select(sql<boolean>`coalesce(m.lease_until > now(), false)`.as('leased'))
      .select((eb) => eb.exists(eb.selectFrom('notify_opt_outs as o').select('o.recipient').whereRef('o.channel', '=', 'm.channel').whereRef('o.recipient', '=', 'm.recipient')).as('opted_out'))
      .where('m.id', '=', messageId)
      .executeTakeFirst();
    if (!message || FINAL_STATUSES.has(message.status)) return;
    if (message.status === 'sending') {
      if (message.sent_at) return; // the provider has it; its receipt settles the status
      if (message.leased) {
        // Another worker is talking to the provider right now; look again when its lease ends.
        await this.wake(messageId, new Date(Date.now() + this.pipeline.tuning.leaseSeconds * 1000), {});
        return;
      }
    }
    if (message.opted_out) {
      await this.finish(messageId, 'suppressed', 'opted-out');
      return;
    }
    const clock = now();
    if (message.send_after && message.send_after > clock) {
      await this.postpone(messageId, message.send_after, message.next_attempt_at, 'scheduled');
      return;
    }
    if (message.channel === 'sms') {
      const quietUntil = quietHoursEnd(clock, config.smsQuietFromHour, config.smsQuietUntilHour);
      if (quietUntil) {
        await this.postpone(messageId, quietUntil, message.next_attempt_at, 'quiet-hours');
        return;
      }
    }
    if (!slotReserved) {
      const waitMs = this.pipeline.limiter.reserve(message.channel);
      if (waitMs > 0) {
        await this.wake(messageId, new Date(Date.now() + waitMs), { slot: true });
        return;
      }
    }
    const provider = this.pipeline.providers[message.channel];
    const claimed = await this.claim(messageId, provider.name);
    if (!claimed) return;
    let outcome: SendOutcome;
    try {
      outcome = await provider.send({ id: messageId, channel: message.channel, to: message.recipient, subject: message.subject, body: message.body });
    } catch (error) {
      outcome = { kind: 'temporary', reason: `adapter error ${(error as Error).name}` };
    }
    await this.record(messageId, message.channel, message.recipient, claimed.attempts, outcome);
  }

  /**
   * Takes the message for one attempt (and notes it on the timeline in the same
   * statement), or returns null when another worker has it or it is settled.
   * State changes and their timeline entries go in one statement each: one commit
   * (on PostgreSQL, one WAL flush) instead of two per step.
   */
  private async claim(messageId: string, providerName: string): Promise<Claimed | null> {
    const lease = this.pipeline.tuning.leaseSeconds;
    const result = await sql<Claimed>`
      WITH claimed AS (
        UPDATE notify_messages
        SET status = 'sending', attempts = attempts + 1, provider = ${providerName},
            lease_until = now() + make_interval(secs => ${lease}), next_attempt_at = NULL, updated_at = now()
        WHERE id = ${messageId}
          AND (status IN ('created', 'temporary-failure')
               OR (status = 'sending' AND sent_at IS NULL AND (lease_until IS NULL OR lease_until < now())))
        RETURNING id, attempts
      ), noted AS (
        INSERT INTO notify_message_events (message_id, event, detail)
        SELECT id, 'sending', 'attempt ' || attempts || ' via ' || ${providerName} FROM claimed
      )
      SELECT attempts FROM claimed`.execute(this.pipeline.db);
    return result.rows[0] ?? null;
  }

  private async record(messageId: string, channel: string, recipient: string, attempts: number, outcome: SendOutcome): Promise<void> {
    const { db, tuning, log } = this.pipeline;
    if (outcome.kind === 'accepted') {
      // A receipt may already have settled it (it can overtake this answer): only 'sending' moves on.
      const next: MessageStatus = outcome.delivered ? 'delivered' : 'sending';
      const events = [sql`(${messageId}::uuid, 'accepted', ${outcome.providerRef.slice(0, 120)})`];
      if (outcome.delivered) events.push(sql`(${messageId}::uuid, 'delivered', 'accepted by the provider (no receipts on this channel)')`);
      await sql`
        WITH updated AS (
          UPDATE notify_messages
          SET provider_ref = ${outcome.providerRef}, sent_at = coalesce(sent_at, now()), lease_until = NULL, failure_reason = NULL, updated_at = now(),
              delivered_at = CASE WHEN status = 'sending' AND ${next} = 'delivered' THEN now() ELSE delivered_at END,
              status = CASE WHEN status = 'sending' THEN ${next} ELSE status END
          WHERE id = ${messageId}
          RETURNING id
        )
        INSERT INTO notify_message_events (message_id, event, detail) SELECT * FROM (VALUES ${sql.join(events)}) AS e WHERE EXISTS (SELECT 1 FROM updated)`.execute(db);
      return;
    }
    if (outcome.kind === 'temporary' && attempts < tuning.maxAttempts) {
      const delayMs = tuning.retryDelayMs(attempts);
      const retryAt = new Date(Date.now() + delayMs);
      // Only a message still 'sending': a receipt may have settled it while we waited for the answer.
      const updated = await sql`
        WITH updated AS (
          UPDATE notify_messages
          SET status = 'temporary-failure', failure_reason = ${outcome.reason}, lease_until = NULL, next_attempt_at = ${retryAt}, updated_at = now()
          WHERE id = ${messageId} AND status = 'sending'
          RETURNING id
        )
        INSERT INTO notify_message_events (message_id, event, detail)
        SELECT id, 'temporary-failure', ${`${outcome.reason}; retry in ${Math.round(delayMs / 1000)} s`} FROM updated
        RETURNING message_id`.execute(db);
      // (rows, not numAffectedRows: drivers report a WITH … INSERT differently)
      if (updated.rows.length === 0) return;
      await this.wake(messageId, retryAt, {});
      return;
    }
    const reason = outcome.kind === 'temporary' ? `gave up after ${attempts} attempts: ${outcome.reason}` : outcome.reason;
    await this.finish(messageId, 'failed', reason, 'sending');
    if (outcome.kind === 'permanent' && outcome.gone) {
      // A push subscription the browser dropped will never work again: stop sending to it.
      await addOptOut(db, { channel: channel as 'push', recipient, reason: 'subscription gone', source: 'provider' });
    }
    log.warn({ notification: messageId, channel, reason }, 'notification failed');
  }

  private async finish(messageId: string, status: 'failed' | 'suppressed', reason: string, from?: MessageStatus): Promise<void> {
    const guard = from ? sql`status = ${from}` : sql`status NOT IN ('delivered', 'failed', 'suppressed')`;
    await sql`
      WITH updated AS (
        UPDATE notify_messages
        SET status = ${status}, failure_reason = ${reason}, lease_until = NULL, next_attempt_at = NULL, updated_at = now(),
            failed_at = CASE WHEN ${status} = 'failed' THEN now() ELSE failed_at END
        WHERE id = ${messageId} AND ${guard}
        RETURNING id
      )
      INSERT INTO notify_message_events (message_id, event, detail) SELECT id, ${status}, ${reason.slice(0, 500)} FROM updated`.execute(this.pipeline.db);
  }

  /** Not yet: note when (once per new time, for the timeline) and wake up then. */
  private async postpone(messageId: string, until: Date, noted: Date | null, why: 'scheduled' | 'quiet-hours'): Promise<void> {
    if (noted?.getTime() !== until.getTime()) {
      await this.pipeline.db.updateTable('notify_messages').set({ next_attempt_at: until, updated_at: new Date() }).where('id', '=', messageId).execute();
      await recordEvent(this.pipeline.db, messageId, 'postponed', `${why} until ${until.toISOString()}`);
    }
    await this.wake(messageId, realTimeOf(this.pipeline, until), {});
  }

  private async wake(messageId: string, runAt: Date, extra: Record<string, unknown>): Promise<void> {
    // No idempotency key: a wake-up may be re-created by the job it replaces, and a spare one is harmless.
    await this.pipeline.jobs.enqueue(this.pipeline.db as unknown as Kysely<PlatformTables>, DELIVER_QUEUE, { messageId, ...extra }, { runAt, maxAttempts: 5 });
  }
}
