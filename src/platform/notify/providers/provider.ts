/**
 * One small interface in front of every provider (SMS gateway, SMTP, LINE, web push).
 * Each adapter passes OUR message id as the provider's idempotency key, so a retry
 * after a lost response is recognised by the provider and never sends twice.
 */
import type { Channel } from '../notifier.ts';

export interface ProviderMessage {
  /** Our message id: the idempotency key every provider gets. */
  id: string;
  channel: Channel;
  /** Normalised recipient (E.164, address, LINE id, subscription JSON). */
  to: string;
  subject: string | null;
  body: string;
}

export type SendOutcome =
  /** The provider took it. `delivered` when the provider reports no receipts (acceptance is all we will learn). */
  | { kind: 'accepted'; providerRef: string; delivered: boolean }
  /** Worth trying again later (5xx, 429, timeouts, connection trouble). */
  | { kind: 'temporary'; reason: string }
  /** Will never work as it is (4xx, unknown number, subscription gone). `gone`: the recipient no longer exists. */
  | { kind: 'permanent'; reason: string; gone?: boolean };

export interface ProviderAdapter {
  /** Recorded on the message (e.g. 'sms-gateway', 'sms-simulator'). */
  readonly name: string;
  send(message: ProviderMessage): Promise<SendOutcome>;
  close?(): Promise<void>;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** How long we wait for a provider before calling the attempt a temporary failure. */
export const PROVIDER_TIMEOUT_MS = 15_000;

/** The usual HTTP reading: 2xx accepted elsewhere; 408/429/5xx temporary; other 4xx permanent. */
export function failureFromStatus(status: number, code?: string): SendOutcome {
  const reason = `HTTP ${status}${code ? ` ${code.slice(0, 60)}` : ''}`;
  return status >= 500 || status === 408 || status === 429 ? { kind: 'temporary', reason } : { kind: 'permanent', reason };
}

/** Network errors and timeouts: we cannot know whether the provider got it, so try again (idempotently). */
export function failureFromError(error: unknown): SendOutcome {
  const e = error as { name?: string; code?: string; cause?: { code?: string } };
  return { kind: 'temporary', reason: `network ${e.cause?.code ?? e.code ?? e.name ?? 'error'}` };
}

/** An error code from a provider's JSON answer, never its free text (which may echo a number or address). */
export async function errorCode(response: Response): Promise<string | undefined> {
  const json = (await response.json().catch(() => null)) as { error?: { code?: unknown } | string; code?: unknown } | null;
  const code = typeof json?.error === 'object' ? json.error?.code : typeof json?.code === 'string' ? json.code : undefined;
  return typeof code === 'string' && /^[\w.-]{1,60}$/.test(code) ? code : undefined;
}

/** For a channel with no provider configured (production without URLs): refused, never pretended. */
export class UnconfiguredAdapter implements ProviderAdapter {
  readonly name = 'unconfigured';
  constructor(private readonly channel: Channel) {}
  async send(): Promise<SendOutcome> {
    return { kind: 'permanent', reason: `no ${this.channel} provider configured` };
  }
}
