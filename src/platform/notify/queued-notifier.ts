/**
 * The notifier every service calls (platform.notifier): `send()` checks the message,
 * writes it once per idempotency key and queues its delivery in the same transaction,
 * so a message is either recorded and queued, or not there at all. Delivery itself is
 * delivery.ts, run by the durable job queue.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/platform-tables.ts';
import { invalidInput } from '../http/errors.ts';
import { recordEvent } from './message-events.ts';
import { validateOutgoing } from './message-rules.ts';
import type { Notifier, OutgoingMessage } from './notifier.ts';
import type { ApiKeyKind, MessageStatus } from './notify-tables.ts';
import { isOptedOut } from './opt-outs.ts';
import { DELIVER_QUEUE, maskRecipient, realTimeOf, type Pipeline } from './pipeline.ts';

export interface SubmitOptions {
  /** The sending service; defaults to the message's own `source`, then 'platform'. */
  source?: string;
  apiKey?: { id: string; kind: ApiKeyKind };
  template?: { id: string; version: number };
}

export interface SubmitResult {
  id: string;
  /** false when the idempotency key was seen before: the earlier message is returned, nothing new is sent. */
  created: boolean;
  status: MessageStatus;
  recipient: string;
  segments: number | null;
}

export class QueuedNotifier implements Notifier {
  constructor(private readonly pipeline: Pipeline) {}

  async send(message: OutgoingMessage): Promise<{ id: string }> {
    const { id } = await this.submit(message);
    return { id };
  }

  /** Throws invalid_input (400, with the field) for a recipient or size the channel cannot take. */
  async submit(message: OutgoingMessage, options: SubmitOptions = {}): Promise<SubmitResult> {
    const checked = validateOutgoing(message);
    if (!checked.ok) throw invalidInput(checked.errors);
    const { recipient, segments } = checked;
    const source = options.source ?? message.source ?? 'platform';
    const key = message.idempotencyKey || `auto:${crypto.randomUUID()}`;
    const testKey = options.apiKey?.kind === 'test';
    const result = await this.pipeline.db.transaction().execute(async (trx): Promise<SubmitResult> => {
      const optedOut = !testKey && (await isOptedOut(trx, message.channel, recipient));
      const status: MessageStatus = testKey ? 'delivered' : optedOut ? 'suppressed' : 'created';
      const inserted = await trx
        .insertInto('notify_messages')
        .values({
          idempotency_key: key,
          channel: message.channel,
          recipient,
          subject: message.subject ?? null,
          body: message.body,
          source,
          reference: message.reference ?? null,
          api_key_id: options.apiKey?.id ?? null,
          key_kind: options.apiKey?.kind ?? null,
          template_id: options.template?.id ?? null,
          template_version: options.template?.version ?? null,
          status,
          provider: testKey ? 'test-key' : null,
          provider_ref: null,
          segments,
          failure_reason: optedOut ? 'opted-out' : null,
          send_after: message.sendAfter ?? null,
          next_attempt_at: message.sendAfter ?? null,
          delivered_at: testKey ? new Date() : null,
          failed_at: null,
          sent_at: null,
          lease_until: null,
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) {
        // Same key, same message: whatever was asked the second time, the first one stands.
        const existing = await trx.selectFrom('notify_messages').select(['id', 'status', 'recipient', 'segments']).where('idempotency_key', '=', key).executeTakeFirstOrThrow();
        return { id: existing.id, created: false, status: existing.status, recipient: existing.recipient, segments: existing.segments };
      }
      await recordEvent(trx, inserted.id, 'created', `${message.channel}${options.apiKey ? ` via ${options.apiKey.kind} key` : ` from ${source}`}`);
      if (testKey) await recordEvent(trx, inserted.id, 'test-key', 'test key: shown as delivered, not sent');
      else if (optedOut) await recordEvent(trx, inserted.id, 'suppressed', 'opted-out');
      else {
        if (message.sendAfter && message.sendAfter > this.pipeline.now()) await recordEvent(trx, inserted.id, 'scheduled', message.sendAfter.toISOString());
        await this.pipeline.jobs.enqueue(trx as unknown as Kysely<PlatformTables>, DELIVER_QUEUE, { messageId: inserted.id }, {
          idempotencyKey: `notify:${inserted.id}`,
          ...(message.sendAfter ? { runAt: realTimeOf(this.pipeline, message.sendAfter) } : {}),
        });
      }
      return { id: inserted.id, created: true, status, recipient, segments };
    });
    if (result.created) {
      this.pipeline.log.info({ notification: result.id, channel: message.channel, to: maskRecipient(message.channel, recipient), source, status: result.status }, 'notification queued');
    }
    return result;
  }
}

