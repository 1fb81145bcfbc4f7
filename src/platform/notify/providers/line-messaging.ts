/**
 * LINE Messaging API push (POST {base}/v2/bot/message/push). X-Line-Retry-Key is our
 * message id: LINE answers a repeated key with 409 and the request id it accepted
 * first, which counts as accepted, not as a second message.
 */
import { errorCode, failureFromError, failureFromStatus, PROVIDER_TIMEOUT_MS, type FetchLike, type ProviderAdapter, type ProviderMessage, type SendOutcome } from './provider.ts';

export interface LineOptions {
  name: string;
  baseUrl: string;
  channelAccessToken: string;
  fetch: FetchLike;
  /**
   * LINE itself reports no per-message delivery: a 200 is all we learn, so the message
   * is delivered on acceptance. The simulator does send receipts (to exercise that path).
   */
  receipts: boolean;
  timeoutMs?: number;
}

export class LineMessagingAdapter implements ProviderAdapter {
  readonly name: string;

  constructor(private readonly options: LineOptions) {
    this.name = options.name;
  }

  async send(message: ProviderMessage): Promise<SendOutcome> {
    let response: Response;
    try {
      response = await this.options.fetch(`${this.options.baseUrl}/v2/bot/message/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.options.channelAccessToken}`, 'content-type': 'application/json', 'x-line-retry-key': message.id },
        body: JSON.stringify({ to: message.to, messages: [{ type: 'text', text: message.body }] }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? PROVIDER_TIMEOUT_MS),
      });
    } catch (error) {
      return failureFromError(error);
    }
    const delivered = !this.options.receipts;
    if (response.status === 409) {
      const accepted = response.headers.get('x-line-accepted-request-id');
      if (accepted) return { kind: 'accepted', providerRef: accepted, delivered };
    }
    if (!response.ok) return failureFromStatus(response.status, await errorCode(response));
    const json = (await response.json().catch(() => null)) as { sentMessages?: { id?: string }[] } | null;
    const ref = response.headers.get('x-line-request-id') ?? json?.sentMessages?.[0]?.id;
    if (!ref) return { kind: 'temporary', reason: 'LINE answer without a request id' };
    return { kind: 'accepted', providerRef: ref, delivered };
  }
}
