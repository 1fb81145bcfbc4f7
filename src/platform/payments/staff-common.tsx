/** Pieces shared by 会計課's payment pages: the section menu, breadcrumbs, status tags, amounts and account names. */
import { StatusTag, type TagTone } from '../ui/components/feedback.tsx';
import type { ViewContext } from '../ui/view-context.ts';
import { accountParts } from './ledger.ts';
import { groupedYen } from './payment-dates.ts';
import type { PaymentStatus } from './payment-provider.ts';
import type { ReconciliationStatus, RefundStatus } from './payment-tables.ts';

export const STAFF_PATH = '/staff/payments';

export const yen = (ctx: ViewContext, amount: number | null): string => (amount === null ? '—' : ctx.t('payments.yen', { amount: groupedYen(amount) }));

export function crumbs(ctx: ViewContext, ...rest: { href?: string; label: string }[]) {
  return [{ href: '/staff', label: ctx.t('staff.home.title') }, { href: STAFF_PATH, label: ctx.t('payments.staff.title') }, ...rest];
}

export function PaymentsNav(props: { ctx: ViewContext; current: 'payments' | 'reconciliation' | 'ledger' }) {
  const items = [
    { key: 'payments', href: STAFF_PATH },
    { key: 'reconciliation', href: `${STAFF_PATH}/reconciliation` },
    { key: 'ledger', href: `${STAFF_PATH}/ledger` },
  ] as const;
  return (
    <nav aria-label={props.ctx.t('payments.staff.nav')}>
      <ul class="inline-list">
        {items.map((item) => (
          <li>{item.key === props.current ? <span aria-current="page">{props.ctx.t(`payments.staff.nav.${item.key}`)}</span> : <a href={item.href}>{props.ctx.t(`payments.staff.nav.${item.key}`)}</a>}</li>
        ))}
      </ul>
    </nav>
  );
}

const STATUS_TONE: Record<PaymentStatus, TagTone> = { created: 'info', paid: 'success', cancelled: 'neutral', expired: 'warning' };

/** The message key of a payment's status as staff read it: a paid payment with refunds is 一部返金 / 返金済み (the list, the page and the CSV agree). */
export function paymentStatusKey(status: PaymentStatus, amountYen: number, refundedYen: number): string {
  if (status === 'paid' && refundedYen > 0) return refundedYen >= amountYen ? 'payments.status.refunded' : 'payments.status.partlyRefunded';
  return `payments.status.${status}`;
}

/** What staff see as the reference of what was paid: the service's own number (a booking's F261128-LGARM) when it gave one. */
export const businessReference = (p: { reference: string; display_reference: string | null }) => p.display_reference ?? p.reference;

/** The status in words (a refund shows as 一部返金 / 返金済み), never colour alone. */
export function PaymentStatusTag(props: { ctx: ViewContext; status: PaymentStatus; amountYen: number; refundedYen: number }) {
  const { ctx } = props;
  const key = paymentStatusKey(props.status, props.amountYen, props.refundedYen);
  const tone = props.status === 'paid' && props.refundedYen > 0 ? (props.refundedYen >= props.amountYen ? 'neutral' : 'warning') : STATUS_TONE[props.status];
  return <StatusTag tone={tone}>{ctx.t(key)}</StatusTag>;
}

const REFUND_TONE: Record<RefundStatus, TagTone> = { pending: 'info', succeeded: 'success', failed: 'error' };

export function RefundStatusTag(props: { ctx: ViewContext; status: RefundStatus }) {
  return <StatusTag tone={REFUND_TONE[props.status]}>{props.ctx.t(`payments.refund.status.${props.status}`)}</StatusTag>;
}

const RECON_TONE: Record<ReconciliationStatus, TagTone> = { balanced: 'success', resolved: 'info', discrepancies: 'error' };

export function ReconciliationStatusTag(props: { ctx: ViewContext; status: ReconciliationStatus }) {
  return <StatusTag tone={RECON_TONE[props.status]}>{props.ctx.t(`payments.recon.status.${props.status}`)}</StatusTag>;
}

/**
 * The service a payment came from, in words ('facilities' → 施設予約). A source
 * without a name in the catalogue (a new service not yet named) shows its code
 * rather than nothing.
 */
export function sourceLabel(ctx: ViewContext, source: string): string {
  const key = `payments.source.${source}`;
  const text = ctx.t(key);
  return text === key ? source : text;
}

/** 'revenue:tax-reminders' → 収入（市税の納付）; 'clearing:simulator' → 決済代行未収金（simulator）. */
export function accountLabel(ctx: ViewContext, account: string): string {
  const { type, name } = accountParts(account);
  const named = name && (type === 'revenue' || type === 'refunds') ? sourceLabel(ctx, name) : (name ?? '');
  return ctx.t(`payments.account.${type}`, { name: named });
}

export const methodLabel = (ctx: ViewContext, method: string | null): string => (method ? ctx.t(`payments.method.${method}`) : '—');
