/**
 * Email over SMTP with nodemailer. The Message-ID carries our message id, so a
 * receiving system can recognise a repeat (SMTP itself has no idempotency key).
 * A 250 from the relay is as far as SMTP reports: the message counts as delivered
 * then. 4xx replies and connection trouble are temporary, 5xx permanent.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { failureFromError, type ProviderAdapter, type ProviderMessage, type SendOutcome } from './provider.ts';

export interface SmtpOptions {
  name: string;
  /** smtp(s)://… or a function giving one (the embedded sink starts on first use). */
  url: string | (() => Promise<string>);
  from: string;
}

const TEMPORARY_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPROTOCOL']);

export class SmtpEmailAdapter implements ProviderAdapter {
  readonly name: string;
  private transport: Promise<Transporter> | null = null;

  constructor(private readonly options: SmtpOptions) {
    this.name = options.name;
  }

  private connect(): Promise<Transporter> {
    this.transport ??= (async () => {
      const url = typeof this.options.url === 'string' ? this.options.url : await this.options.url();
      // A small pool keeps connections open between messages of a batch.
      return nodemailer.createTransport(`${url}${url.includes('?') ? '&' : '?'}pool=true&maxConnections=2`);
    })();
    this.transport.catch(() => (this.transport = null));
    return this.transport;
  }

  async send(message: ProviderMessage): Promise<SendOutcome> {
    try {
      const transport = await this.connect();
      const info = (await transport.sendMail({
        from: this.options.from,
        to: message.to,
        subject: message.subject ?? '',
        text: message.body,
        messageId: `<${message.id}@notify.oshu-dx>`,
        headers: { 'X-Notify-Message-Id': message.id },
      })) as { messageId: string; accepted?: unknown[]; rejected?: unknown[] };
      if (info.rejected?.length) return { kind: 'permanent', reason: 'recipient rejected' };
      return { kind: 'accepted', providerRef: info.messageId, delivered: true };
    } catch (error) {
      const e = error as { responseCode?: number; code?: string };
      if (typeof e.responseCode === 'number') {
        return e.responseCode >= 500 ? { kind: 'permanent', reason: `SMTP ${e.responseCode}` } : { kind: 'temporary', reason: `SMTP ${e.responseCode}` };
      }
      if (e.code && !TEMPORARY_CODES.has(e.code)) return { kind: 'permanent', reason: `SMTP ${e.code}` };
      return failureFromError(error);
    }
  }

  async close(): Promise<void> {
    const transport = this.transport;
    this.transport = null;
    if (transport) (await transport.catch(() => null))?.close();
  }
}
