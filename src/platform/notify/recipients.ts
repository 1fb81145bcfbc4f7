/**
 * Recipients as people and systems type them → one normalised form per channel, so
 * opt-outs, allow-lists and duplicates match whatever way a number was written:
 * SMS E.164 (+819012345678), email with a lower-case ASCII domain, LINE ids as issued,
 * push subscriptions as canonical JSON.
 */
import { domainToASCII } from 'node:url';
import { normalizeJapanesePhone } from '../text/phone.ts';
import type { Channel } from './notifier.ts';

export type RecipientResult = { ok: true; recipient: string } | { ok: false; messageKey: string };

/** A Japanese number (090-1234-5678, ０９０…, +81 90…) → +819012345678; null when it cannot be one. */
export function toE164(input: string): string | null {
  const national = normalizeJapanesePhone(input);
  return national ? `+81${national.slice(1)}` : null;
}

/** +819012345678 → 090-1234-5678-like national digits for display. */
export function fromE164(e164: string): string {
  return e164.startsWith('+81') ? `0${e164.slice(3)}` : e164;
}

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Address syntax as mail servers accept it (no quoted local parts, no IP literals); Japanese domains become punycode. */
export function normaliseEmail(input: string): string | null {
  const trimmed = input.normalize('NFKC').trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || trimmed.length > 254) return null;
  const local = trimmed.slice(0, at);
  const domain = domainToASCII(trimmed.slice(at + 1).toLowerCase());
  if (!LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return null;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l)) || /^\d+$/.test(labels.at(-1)!)) return null;
  return `${local}@${domain}`;
}

/** LINE user, group and room ids: U/C/R and 32 hex digits. */
const LINE_ID = /^[UCR][0-9a-f]{32}$/;

export interface PushSubscriptionJson {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

function base64urlBytes(value: unknown): number {
  return typeof value === 'string' && /^[A-Za-z0-9_-]+={0,2}$/.test(value) ? Buffer.from(value, 'base64url').length : -1;
}

/** A browser's PushSubscription (JSON) → canonical JSON, or null when it is not one. */
export function normalisePushSubscription(input: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input);
  } catch {
    return null;
  }
  const sub = parsed as Partial<PushSubscriptionJson> | null;
  if (!sub || typeof sub.endpoint !== 'string' || !sub.keys) return null;
  let endpoint: URL;
  try {
    endpoint = new URL(sub.endpoint);
  } catch {
    return null;
  }
  // Push services are https; plain http only for a simulator on this machine.
  const local = endpoint.hostname === 'localhost' || endpoint.hostname === '127.0.0.1';
  if (endpoint.protocol !== 'https:' && !(endpoint.protocol === 'http:' && local)) return null;
  // p256dh is an uncompressed P-256 point (65 bytes), auth a 16-byte secret (RFC 8291).
  if (base64urlBytes(sub.keys.p256dh) !== 65 || base64urlBytes(sub.keys.auth) !== 16) return null;
  return JSON.stringify({ endpoint: endpoint.href, keys: { p256dh: sub.keys.p256dh, auth: sub.keys.auth } });
}

export function normaliseRecipient(channel: Channel, to: string): RecipientResult {
  switch (channel) {
    case 'sms': {
      const e164 = toE164(to);
      return e164 ? { ok: true, recipient: e164 } : { ok: false, messageKey: 'notify.error.phone' };
    }
    case 'email': {
      const email = normaliseEmail(to);
      return email ? { ok: true, recipient: email } : { ok: false, messageKey: 'notify.error.email' };
    }
    case 'line':
      return LINE_ID.test(to.trim()) ? { ok: true, recipient: to.trim() } : { ok: false, messageKey: 'notify.error.lineId' };
    case 'push': {
      const sub = normalisePushSubscription(to);
      return sub ? { ok: true, recipient: sub } : { ok: false, messageKey: 'notify.error.pushSubscription' };
    }
  }
}
