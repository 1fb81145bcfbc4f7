/**
 * Web push with VAPID. web-push encrypts the payload (RFC 8291) and signs the VAPID
 * header; we send the request ourselves so the push simulator can answer in-process.
 * The Topic header (our message id) makes a push service replace an undelivered copy
 * rather than show a retry twice. 404/410 mean the subscription is gone for good.
 */
import webpush from 'web-push';
import { pushPayload } from '../message-rules.ts';
import type { PushSubscriptionJson } from '../recipients.ts';
import { failureFromError, failureFromStatus, PROVIDER_TIMEOUT_MS, type FetchLike, type ProviderAdapter, type ProviderMessage, type SendOutcome } from './provider.ts';

export interface WebPushOptions {
  vapid: { publicKey: string; privateKey: string; subject: string };
  fetch: FetchLike;
  /** How long a push service keeps an undelivered message (seconds). */
  ttlSeconds?: number;
}

export class WebPushAdapter implements ProviderAdapter {
  readonly name = 'web-push';

  constructor(private readonly options: WebPushOptions) {}

  async send(message: ProviderMessage): Promise<SendOutcome> {
    const subscription = JSON.parse(message.to) as PushSubscriptionJson;
    let details: webpush.RequestDetails;
    try {
      details = webpush.generateRequestDetails(subscription, pushPayload(message.subject, message.body), {
        vapidDetails: this.options.vapid,
        TTL: this.options.ttlSeconds ?? 24 * 3600,
        contentEncoding: 'aes128gcm',
        topic: message.id.replace(/-/g, ''),
      });
    } catch {
      return { kind: 'permanent', reason: 'subscription keys unusable' };
    }
    let response: Response;
    try {
      response = await this.options.fetch(details.endpoint, {
        method: 'POST',
        headers: Object.fromEntries(Object.entries(details.headers).map(([k, v]) => [k, String(v)])),
        body: details.body ? new Uint8Array(details.body) : null,
        signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
      });
    } catch (error) {
      return failureFromError(error);
    }
    if (response.status === 404 || response.status === 410) return { kind: 'permanent', reason: `HTTP ${response.status} subscription gone`, gone: true };
    if (!response.ok) return failureFromStatus(response.status);
    const location = response.headers.get('location');
    return { kind: 'accepted', providerRef: location ?? `push:${message.id}`, delivered: true };
  }
}
