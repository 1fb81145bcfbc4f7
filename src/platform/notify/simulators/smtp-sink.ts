/**
 * The embedded SMTP server used when SMTP_URL is unset: a real SMTP conversation on
 * 127.0.0.1 (a free port, started on the first email), every message kept in the
 * simulator inbox. Closed with the app.
 */
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Logger } from 'pino';
import type { NotifyDb } from '../notify-tables.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { parseMail } from './mime.ts';
import { receive } from './simulator-inbox.ts';

const MAX_BYTES = 2 * 1024 * 1024;

export class SmtpSink {
  private server: SMTPServer | null = null;
  private started: Promise<string> | null = null;

  constructor(
    private readonly db: NotifyDb,
    private readonly jobs: JobQueue,
    private readonly log: Logger,
  ) {}

  /** smtp://127.0.0.1:PORT of the running sink (starting it on first use). */
  url(): Promise<string> {
    this.started ??= new Promise<string>((resolve, reject) => {
      const server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['AUTH', 'STARTTLS'],
        logger: false,
        size: MAX_BYTES,
        // Pooled client connections are dropped after this when the app closes.
        closeTimeout: 500,
        onData: (stream, session, callback) => {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            const mail = parseMail(Buffer.concat(chunks));
            const recipient = session.envelope.rcptTo.map((r) => r.address).join(', ');
            receive(this.db, this.jobs, {
              channel: 'email',
              recipient,
              subject: mail.subject,
              body: mail.text,
              // SMTP has no idempotency key; the Message-ID (our message id) plays that part.
              idempotencyKey: mail.headers.get('message-id') ?? `no-id-${crypto.randomUUID()}`,
              clientRef: mail.headers.get('x-notify-message-id') ?? null,
            }).then(
              () => callback(),
              (error: Error) => {
                this.log.error({ err: error }, 'SMTP sink could not store a message');
                callback(Object.assign(new Error('temporary local problem'), { responseCode: 451 }));
              },
            );
          });
        },
      });
      server.on('error', (error) => this.log.warn({ err: error }, 'SMTP sink error'));
      server.listen(0, '127.0.0.1', () => {
        this.server = server;
        resolve(`smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`);
      });
      server.server.once('error', reject);
    });
    return this.started;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.started = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
