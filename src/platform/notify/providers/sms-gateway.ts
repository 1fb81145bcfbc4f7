/**
 * SMS through an HTTP gateway (SMS_GATEWAY_URL): POST {url}/messages with a bearer
 * token, our message id as Idempotency-Key and clientRef, and where to send the
 * delivery receipt. The gateway (or our simulator) answers with its own id; the
 * receipt arrives later at /api/notify/v1/receipts/sms.
 */
import { errorCode, failureFromError, failureFromStatus, PROVIDER_TIMEOUT_MS, type FetchLike, type ProviderAdapter, type ProviderMessage, type SendOutcome } from './provider.ts';

export interface SmsGatewayOptions {
  name: string;
  baseUrl: string;
  token: string;
  callbackUrl: string;
  fetch: FetchLike;
  timeoutMs?: number;
}

export class SmsGatewayAdapter implements ProviderAdapter {
  readonly name: string;

  constructor(private readonly options: SmsGatewayOptions) {
    this.name = options.name;
  }

  async send(message: ProviderMessage): Promise<SendOutcome> {
    let response: Response;
    try {
      response = await this.options.fetch(`${this.options.baseUrl}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/json', 'idempotency-key': message.id },
        body: JSON.stringify({ to: message.to, body: message.body, clientRef: message.id, callbackUrl: this.options.callbackUrl }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? PROVIDER_TIMEOUT_MS),
      });
    } catch (error) {
      return failureFromError(error);
    }
    if (!response.ok) return failureFromStatus(response.status, await errorCode(response));
    const json = (await response.json().catch(() => null)) as { id?: unknown } | null;
    if (typeof json?.id !== 'string' || !json.id) return { kind: 'temporary', reason: 'gateway answer without an id' };
    return { kind: 'accepted', providerRef: json.id, delivered: false };
  }
}
