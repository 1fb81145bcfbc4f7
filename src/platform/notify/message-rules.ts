/**
 * What a message must be before it is accepted: a recipient we can normalise, a body,
 * and a size the channel takes. Oversize messages are refused with the reason, never
 * cut (a cut reminder can drop the amount or the payment link).
 */
import type { FieldError } from '../http/errors.ts';
import type { Channel, OutgoingMessage } from './notifier.ts';
import { normaliseRecipient } from './recipients.ts';
import { SMS_MAX_SEGMENTS, smsLength } from './template.ts';

export const LIMITS = {
  /** Subjects longer than this are cut by mail clients and some servers refuse them. */
  emailSubject: 200,
  emailBody: 100_000,
  /** LINE text message limit (Messaging API). */
  lineText: 5000,
  /** Web push payloads must fit in 4 KB after encryption; keep the JSON well inside. */
  pushBytes: 3500,
  pushTitle: 100,
} as const;

export type ValidationResult =
  | { ok: true; recipient: string; segments: number | null }
  | { ok: false; errors: FieldError[] };

export function validateOutgoing(message: Pick<OutgoingMessage, 'channel' | 'to' | 'subject' | 'body'>): ValidationResult {
  const errors: FieldError[] = [];
  const channel: Channel = message.channel;
  const to = normaliseRecipient(channel, message.to ?? '');
  if (!to.ok) errors.push({ field: 'to', messageKey: to.messageKey });
  const body = message.body ?? '';
  let segments: number | null = null;
  if (!body.trim()) errors.push({ field: 'body', messageKey: 'notify.error.bodyRequired' });
  else if (channel === 'sms') {
    const length = smsLength(body);
    segments = length.segments;
    if (length.segments > SMS_MAX_SEGMENTS) {
      errors.push({ field: 'body', messageKey: 'notify.error.smsTooLong', params: { segments: length.segments, max: SMS_MAX_SEGMENTS, units: length.units } });
    }
  } else if (channel === 'email') {
    if (!message.subject?.trim()) errors.push({ field: 'subject', messageKey: 'notify.error.subjectRequired' });
    else if (message.subject.length > LIMITS.emailSubject || /[\r\n]/.test(message.subject)) {
      errors.push({ field: 'subject', messageKey: 'notify.error.subjectTooLong', params: { max: LIMITS.emailSubject } });
    }
    if (body.length > LIMITS.emailBody) errors.push({ field: 'body', messageKey: 'notify.error.tooLong', params: { max: LIMITS.emailBody } });
  } else if (channel === 'line') {
    if ([...body].length > LIMITS.lineText) errors.push({ field: 'body', messageKey: 'notify.error.tooLong', params: { max: LIMITS.lineText } });
  } else if (channel === 'push') {
    if ((message.subject ?? '').length > LIMITS.pushTitle) errors.push({ field: 'subject', messageKey: 'notify.error.subjectTooLong', params: { max: LIMITS.pushTitle } });
    if (Buffer.byteLength(pushPayload(message.subject ?? null, body)) > LIMITS.pushBytes) {
      errors.push({ field: 'body', messageKey: 'notify.error.pushTooLong', params: { max: LIMITS.pushBytes } });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, recipient: (to as { recipient: string }).recipient, segments };
}

/** What a web push carries: the service worker shows `title` and `body`. */
export function pushPayload(title: string | null, body: string): string {
  return JSON.stringify({ title: title || '奥州市', body });
}
