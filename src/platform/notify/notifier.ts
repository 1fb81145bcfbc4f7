/**
 * The notification interface services use to reach people. The app's default is
 * the queued pipeline (queued-notifier.ts → delivery.ts: durable, retried, receipts,
 * opt-outs, quiet hours) over real provider adapters; LoggingNotifier only records
 * what it was asked (unit and HTTP tests of other services inspect `sent`).
 */
import type { Logger } from 'pino';

export type Channel = 'sms' | 'email' | 'line' | 'push';

export interface OutgoingMessage {
  channel: Channel;
  /**
   * sms: a Japanese phone number (any common form; normalised to E.164);
   * email: an address; line: a LINE user id; push: a PushSubscription as JSON.
   */
  to: string;
  subject?: string;
  body: string;
  /** Sending the same key twice sends once. */
  idempotencyKey?: string;
  /** The sending service (e.g. 'transit') and what it is about (e.g. a campaign id), for status lookups. */
  source?: string;
  reference?: string;
  /** Do not send before this time (scheduled campaigns). */
  sendAfter?: Date;
}

export interface Notifier {
  send(message: OutgoingMessage): Promise<{ id: string }>;
}

export class LoggingNotifier implements Notifier {
  readonly sent: (OutgoingMessage & { id: string; at: Date })[] = [];

  constructor(private readonly log: Logger) {}

  async send(message: OutgoingMessage): Promise<{ id: string }> {
    const existing = message.idempotencyKey ? this.sent.find((m) => m.idempotencyKey === message.idempotencyKey) : undefined;
    if (existing) return { id: existing.id };
    const id = `log-${this.sent.length + 1}`;
    this.sent.push({ ...message, id, at: new Date() });
    // Only the channel and a masked address go to the log: message bodies can hold personal data.
    this.log.info({ notification: id, channel: message.channel, to: maskAddress(message.to) }, 'notification (logging provider, not delivered)');
    return { id };
  }
}

export function maskAddress(to: string): string {
  if (to.includes('@')) {
    const [user = '', domain = ''] = to.split('@');
    return `${user.slice(0, 1)}***@${domain}`;
  }
  return `${to.slice(0, 3)}****${to.slice(-2)}`;
}
