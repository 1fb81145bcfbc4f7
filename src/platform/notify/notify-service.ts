/**
 * Notify assembled from configuration: provider adapters (real ones where a URL is
 * set, the app's own simulators otherwise, refused when neither), the rate limiter,
 * the queued notifier and its delivery job. app.ts builds one per app; a test can
 * build a second on the same database to play a restarted instance.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import type { PlatformTables } from '../db/platform-tables.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { MessageDelivery } from './delivery.ts';
import type { Channel } from './notifier.ts';
import { notifyDb, type NotifyDb } from './notify-tables.ts';
import { DEFAULT_TUNING, DELIVER_QUEUE, type DeliveryTuning, type Pipeline } from './pipeline.ts';
import { LineMessagingAdapter } from './providers/line-messaging.ts';
import { UnconfiguredAdapter, type FetchLike, type ProviderAdapter } from './providers/provider.ts';
import { SmsGatewayAdapter } from './providers/sms-gateway.ts';
import { SmtpEmailAdapter } from './providers/smtp-email.ts';
import { WebPushAdapter } from './providers/web-push.ts';
import { QueuedNotifier } from './queued-notifier.ts';
import { SendRateLimiter } from './rate-limiter.ts';
import { createSimulatedPushSubscription } from './simulators/provider-simulator-routes.ts';
import { SimulatorControl } from './simulators/simulator-control.ts';
import { receiptJob, SIMULATOR_RECEIPT_QUEUE } from './simulators/simulator-inbox.ts';
import { SmtpSink } from './simulators/smtp-sink.ts';
import { SWEEP_QUEUE, sweepJob } from './sweep.ts';
import { resolveVapidKeys, type VapidKeys } from './vapid-keys.ts';

/** LINE allows far more; a polite default for channels without a configured rate. */
const DEFAULT_PER_SECOND = 50;

export interface NotifyOptions {
  config: Config;
  db: Kysely<PlatformTables>;
  jobs: JobQueue;
  log: Logger;
  now: () => Date;
  /** The app secret: simulator credentials are derived from it when none are configured. */
  secret: string;
  /** Provider HTTP (routedFetch: in-process for this app's own simulator routes). */
  fetch: FetchLike;
  tuning?: Partial<DeliveryTuning>;
}

export class NotifyService {
  readonly db: NotifyDb;
  readonly notifier: QueuedNotifier;
  readonly delivery: MessageDelivery;
  readonly providers: Record<Channel, ProviderAdapter>;
  /** How the local simulators misbehave (null when they are off). */
  readonly simulator: SimulatorControl | null;
  readonly vapid: VapidKeys;
  /** Credentials the simulators accept and the receipt routes check. */
  readonly secrets: { smsToken: string; lineAccessToken: string; lineChannelSecret: string };
  readonly sink: SmtpSink | null;
  private sinkUrl: string | null = null;

  constructor(private readonly options: NotifyOptions) {
    const { config, log } = options;
    const notify = config.notify;
    const publicUrl = config.publicUrl;
    const derive = (label: string) => crypto.createHmac('sha256', options.secret).update(`notify:${label}`).digest('base64url');
    this.db = notifyDb(options.db);
    this.secrets = {
      smsToken: notify.smsGatewayToken ?? derive('sms-gateway-token'),
      lineAccessToken: notify.lineChannelAccessToken ?? derive('line-access-token'),
      lineChannelSecret: notify.lineChannelSecret ?? derive('line-channel-secret'),
    };
    this.simulator = notify.simulators ? new SimulatorControl(notify.simulatorFailPercent) : null;
    this.sink = notify.simulators && !notify.smtpUrl ? new SmtpSink(this.db, options.jobs, log) : null;
    this.vapid = resolveVapidKeys(notify, config.dataDir);
    const sim = notify.simulators;
    const receiptUrl = (channel: string) => `${publicUrl}/api/notify/v1/receipts/${channel}`;
    this.providers = {
      sms: notify.smsGatewayUrl
        ? new SmsGatewayAdapter({ name: 'sms-gateway', baseUrl: notify.smsGatewayUrl, token: this.secrets.smsToken, callbackUrl: receiptUrl('sms'), fetch: options.fetch })
        : sim
          ? new SmsGatewayAdapter({ name: 'sms-simulator', baseUrl: `${publicUrl}/dev/notify/sms`, token: this.secrets.smsToken, callbackUrl: receiptUrl('sms'), fetch: options.fetch })
          : new UnconfiguredAdapter('sms'),
      email: notify.smtpUrl
        ? new SmtpEmailAdapter({ name: 'smtp', url: notify.smtpUrl, from: notify.mailFrom })
        : this.sink
          ? new SmtpEmailAdapter({ name: 'smtp-sink', url: () => this.sink!.url().then((url) => (this.sinkUrl = url)), from: notify.mailFrom })
          : new UnconfiguredAdapter('email'),
      line: notify.lineApiUrl
        ? new LineMessagingAdapter({ name: 'line', baseUrl: notify.lineApiUrl, channelAccessToken: this.secrets.lineAccessToken, fetch: options.fetch, receipts: false })
        : sim
          ? new LineMessagingAdapter({ name: 'line-simulator', baseUrl: `${publicUrl}/dev/notify/line`, channelAccessToken: this.secrets.lineAccessToken, fetch: options.fetch, receipts: true })
          : new UnconfiguredAdapter('line'),
      push: new WebPushAdapter({ vapid: this.vapid, fetch: options.fetch }),
    };
    for (const [channel, adapter] of Object.entries(this.providers)) {
      if (adapter instanceof UnconfiguredAdapter) log.warn({ channel }, 'no notification provider configured for this channel: its messages will fail');
    }
    const rates: Record<string, number> = { sms: notify.smsPerSecond, email: notify.emailPerSecond };
    const pipeline: Pipeline = {
      db: this.db,
      jobs: options.jobs,
      log,
      now: options.now,
      config: notify,
      providers: this.providers,
      limiter: new SendRateLimiter((channel) => rates[channel] ?? DEFAULT_PER_SECOND),
      tuning: { ...DEFAULT_TUNING, ...options.tuning },
    };
    this.notifier = new QueuedNotifier(pipeline);
    this.delivery = new MessageDelivery(pipeline);
    options.jobs.register(DELIVER_QUEUE, this.delivery.handle);
    options.jobs.register(SWEEP_QUEUE, sweepJob(this.db, options.jobs));
    if (sim) options.jobs.register(SIMULATOR_RECEIPT_QUEUE, receiptJob(this.db, options.fetch, { sms: this.secrets.smsToken, line: this.secrets.lineChannelSecret }));
  }

  /** The key the city app's service worker subscribes with (applicationServerKey). */
  get vapidPublicKey(): string {
    return this.vapid.publicKey;
  }

  /** Where the embedded SMTP sink listens, once started (for the simulator page). */
  smtpSinkUrl(): string | null {
    return this.sinkUrl;
  }

  /** A subscription whose endpoint is the push simulator (simulators on only): for demos and tests. */
  async simulatedPushSubscription(): Promise<{ endpoint: string; keys: { p256dh: string; auth: string } }> {
    if (!this.simulator) throw new Error('the push simulator is off (NOTIFY_SIMULATORS=false)');
    return createSimulatedPushSubscription(this.db, this.options.config.publicUrl);
  }

  async close(): Promise<void> {
    // Close client connections first: the sink waits for open SMTP sessions.
    for (const adapter of Object.values(this.providers)) await adapter.close?.();
    await this.sink?.close();
  }
}
