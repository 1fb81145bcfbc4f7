/**
 * A campaign's results from three sources: what we handed to Notify (recipients),
 * what Notify knows of each message (statusesByReference), and what the payments
 * interface knows of each taxpayer's payment. Pure, so the counting is tested
 * without a pipeline.
 */
import type { MessageStatusInfo } from '../../platform/notify/message-status.ts';
import type { Payment } from '../../platform/payments/payments.ts';
import type { RecipientState } from './tables.ts';

export const PAID_WINDOW_DAYS = 7;

export type Delivery = 'delivered' | 'failed' | 'in-progress' | 'not-sent' | 'unknown';

export interface RecipientResult {
  id: string;
  state: RecipientState;
  sentAt: Date | null;
  amountYen: number;
  openedAt: Date | null;
}

export interface Dashboard {
  recipients: number;
  handed: number;
  rejected: number;
  delivered: number;
  failed: number;
  inProgress: number;
  /** Handed to a notifier that keeps no status (the logging default), or not yet recorded. */
  unknown: number;
  opened: number;
  paid: number;
  paidWithinWindow: number;
  paidAmountWithinWindow: number;
}

/** The latest message about a recipient decides (a campaign sends one per recipient). */
export function deliveryOf(state: RecipientState, messages: MessageStatusInfo[] | undefined): Delivery {
  if (state === 'rejected') return 'failed';
  if (state !== 'handed') return 'not-sent';
  const last = messages?.at(-1);
  if (!last) return 'unknown';
  if (last.status === 'delivered') return 'delivered';
  if (last.status === 'failed' || last.status === 'suppressed') return 'failed';
  return 'in-progress';
}

/** The first payment that went through, if any. */
export function paymentOf(payments: Payment[] | undefined): Payment | null {
  return payments?.filter((p) => p.status === 'paid').sort((a, b) => a.paidAt!.getTime() - b.paidAt!.getTime())[0] ?? null;
}

export function paidWithinWindow(sentAt: Date | null, payment: Payment | null): boolean {
  if (!sentAt || !payment?.paidAt) return false;
  const delay = payment.paidAt.getTime() - sentAt.getTime();
  return delay >= 0 && delay <= PAID_WINDOW_DAYS * 86_400_000;
}

export function summarise(recipients: RecipientResult[], messages: Map<string, MessageStatusInfo[]>, payments: Map<string, Payment[]>): Dashboard {
  const d: Dashboard = { recipients: recipients.length, handed: 0, rejected: 0, delivered: 0, failed: 0, inProgress: 0, unknown: 0, opened: 0, paid: 0, paidWithinWindow: 0, paidAmountWithinWindow: 0 };
  for (const r of recipients) {
    if (r.state === 'handed') d.handed++;
    if (r.state === 'rejected') d.rejected++;
    const delivery = deliveryOf(r.state, messages.get(r.id));
    if (delivery === 'delivered') d.delivered++;
    else if (delivery === 'failed') d.failed++;
    else if (delivery === 'in-progress') d.inProgress++;
    else if (delivery === 'unknown') d.unknown++;
    if (r.openedAt) d.opened++;
    const payment = paymentOf(payments.get(r.id));
    if (payment) d.paid++;
    if (paidWithinWindow(r.sentAt, payment)) {
      d.paidWithinWindow++;
      d.paidAmountWithinWindow += payment!.amountYen;
    }
  }
  return d;
}
