/**
 * The notification interface services use to reach people. The default only
 * logs and remembers what it was asked to send (the notifications issue
 * brings real SMS/email/LINE providers behind this same interface).
 */
import type { Logger } from 'pino';

export interface OutgoingMessage {
  channel: 'email' | 'sms';
  to: string;
  subject?: string;
  body: string;
  /** Sending the same key twice sends once. */
  idempotencyKey?: string;
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
