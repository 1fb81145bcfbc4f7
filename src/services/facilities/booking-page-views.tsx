/** A booking as its holder sees it (status, fee, payment, receipt, cancellation), the cancel page, and lists of bookings. */
import type { ComponentChildren } from 'preact';
import type { Actor } from '../../platform/access/actor.ts';
import { Button, LinkButton } from '../../platform/ui/components/button.tsx';
import { NotificationBanner } from '../../platform/ui/components/feedback.tsx';
import { CsrfField } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { Refund } from '../../platform/payments/payments.ts';
import type { CancellationPreview } from './booking-lifecycle.ts';
import type { BookingRow } from './booking-queries.ts';
import { canDownloadReceipt } from './policy.ts';
import { FeeBreakdown } from './booking-views.tsx';
import { BookingStatusTag, crumbs, dayLabel, FacilityStyles, instantLabel, timeRange, yen } from './views-common.tsx';

export interface BookingActions {
  canPay: boolean;
  canCancel: boolean;
  hasReceipt: boolean;
  /** Online payment is not configured: pay at the counter. */
  paymentsUnavailable: boolean;
  isHolder: boolean;
}

function paymentText(ctx: ViewContext, b: BookingRow): string {
  const t = ctx.t;
  if (b.fee_yen === 0) return t('facilities.payment.none');
  if (b.paid_at) return t(b.payment_method === 'counter' ? 'facilities.payment.paidCounter' : 'facilities.payment.paidOnline', { at: instantLabel(ctx, b.paid_at) });
  if (b.status === 'pending_approval') return t('facilities.payment.afterApproval');
  if (b.status === 'awaiting_payment' && b.payment_due_at) return t('facilities.payment.due', { due: instantLabel(ctx, b.payment_due_at) });
  return t('facilities.payment.unpaid');
}

/** What went back to the payer, each refund with its amount and date (a cancellation's, or a capture the booking could not use). */
function refundText(ctx: ViewContext, r: Refund): string {
  const amount = yen(ctx, r.amountYen);
  if (r.status === 'succeeded') return ctx.t('facilities.refund.succeeded', { amount, at: instantLabel(ctx, r.settledAt ?? r.createdAt) });
  if (r.status === 'pending') return ctx.t('facilities.refund.pending', { amount, at: instantLabel(ctx, r.createdAt) });
  return ctx.t('facilities.refund.failed', { amount });
}

/** One line per refund; `afterText`: they follow other text in the same cell, so each starts on a new line. */
function RefundLines(props: { ctx: ViewContext; refunds: Refund[]; afterText?: boolean }) {
  return (
    <>
      {props.refunds.map((r, i) => (
        <span data-refund={r.status}>
          {props.afterText || i > 0 ? <br /> : null}
          {refundText(props.ctx, r)}
        </span>
      ))}
    </>
  );
}

function BookingFacts(props: { ctx: ViewContext; b: BookingRow; refunds: Refund[] }) {
  const { ctx, b } = props;
  const t = ctx.t;
  const items: { key: string; value: ComponentChildren }[] = [
    { key: t('facilities.booking.reference'), value: <span data-reference>{b.reference}</span> },
    { key: t('facilities.booking.status'), value: <BookingStatusTag ctx={ctx} status={b.status} /> },
    { key: t('facilities.form.facility'), value: <a href={`/facilities/${b.facility_id}`}>{b.facility_name}</a> },
    { key: t('facilities.form.room'), value: b.room_name },
    { key: t('facilities.form.date'), value: dayLabel(ctx, b.use_date) },
    { key: t('facilities.form.time'), value: timeRange(b.starts_at, b.ends_at) },
    { key: t('facilities.form.purpose'), value: `${(ctx.locale === 'ja' ? b.purpose_ja : b.purpose_en) ?? ''}${b.purpose_detail ? `（${b.purpose_detail}）` : ''}` },
    { key: t('facilities.form.headcount'), value: t('facilities.review.people', { n: b.headcount ?? 0 }) },
    { key: t('facilities.form.bookFor'), value: b.group_name ? t('facilities.form.bookFor.group', { name: b.group_name }) : t('facilities.form.bookFor.self') },
    { key: t('facilities.booking.fee'), value: yen(ctx, b.fee_yen) },
    { key: t('facilities.booking.payment'), value: paymentText(ctx, b) },
  ];
  if (b.reduction_code) items.push({ key: t('facilities.fee.reduction'), value: `${(ctx.locale === 'ja' ? b.reduction_ja : b.reduction_en) ?? ''}（${b.reduction_percent ?? 0}%）` });
  if (b.decision_reason && (b.status === 'rejected' || b.decided_at)) items.push({ key: t('facilities.booking.decision'), value: b.decision_reason });
  if (b.cancelled_at) {
    items.push({ key: t('facilities.booking.cancelledAt'), value: instantLabel(ctx, b.cancelled_at) });
    if (b.cancel_reason) items.push({ key: t('facilities.booking.cancelReason'), value: b.cancel_reason });
    if (b.refund_yen) items.push({ key: t('facilities.booking.refund'), value: t('facilities.booking.refundText', { refund: yen(ctx, b.refund_yen), fee: yen(ctx, b.cancel_fee_yen ?? 0) }) });
  }
  if (props.refunds.length) items.push({ key: t('facilities.booking.refundState'), value: <RefundLines ctx={ctx} refunds={props.refunds} /> });
  return <SummaryList items={items} />;
}

export function BookingPage(props: { ctx: ViewContext; booking: BookingRow; actions: BookingActions; refunds: Refund[] }) {
  const { ctx, booking: b, actions } = props;
  const t = ctx.t;
  const title = t('facilities.booking.title', { reference: b.reference });
  return (
    <Page ctx={ctx} title={title} breadcrumbs={crumbs(ctx, { href: '/facilities/mine', label: t('facilities.mine.title') }, { label: title })}>
      <FacilityStyles />
      <h1>{title}</h1>
      {b.status === 'awaiting_payment' && actions.canPay ? (
        <NotificationBanner kind="info" title={t('facilities.booking.payBanner', { fee: yen(ctx, b.fee_yen), due: b.payment_due_at ? instantLabel(ctx, b.payment_due_at) : '' })}>
          <p>{t('facilities.booking.payBannerBody')}</p>
        </NotificationBanner>
      ) : null}
      {b.status === 'pending_approval' ? <NotificationBanner kind="info" title={t('facilities.booking.pendingBanner')} /> : null}
      <BookingFacts ctx={ctx} b={b} refunds={props.refunds} />
      {b.fee_yen > 0 || b.reduction_yen > 0 ? <FeeBreakdown ctx={ctx} caption={t('facilities.booking.feeCaption')} fee={{ rate: b.rate ?? 'resident', lines: [{ nameJa: t('facilities.fee.base'), nameEn: t('facilities.fee.base'), yen: b.base_yen, heatingYen: 0 }], baseYen: b.base_yen, heatingYen: b.heating_yen, reductionYen: b.reduction_yen, feeYen: b.fee_yen }} /> : null}
      <div class="actions">
        {actions.canPay ? (
          actions.paymentsUnavailable ? (
            <p>{t('facilities.pay.unavailable')}</p>
          ) : (
            <form method="post" action={`/facilities/bookings/${b.id}/pay`} class="inline-form">
              <CsrfField token={ctx.csrfToken} />
              <Button>{t('facilities.booking.pay', { fee: yen(ctx, b.fee_yen) })}</Button>
            </form>
          )
        ) : null}
        {actions.hasReceipt ? (
          <LinkButton href={`/facilities/bookings/${b.id}/receipt.pdf`} variant="secondary">
            {t('facilities.booking.receipt')}
          </LinkButton>
        ) : null}
        {actions.canCancel ? <a href={`/facilities/bookings/${b.id}/cancel`}>{t('facilities.booking.cancel')}</a> : null}
      </div>
      <p>
        {t('facilities.booking.contact', { facility: b.facility_name })} <a href={`tel:${b.facility_phone.replaceAll('-', '')}`}>{b.facility_phone}</a>
      </p>
      <p>
        <a href="/facilities/mine">{t('facilities.booking.back')}</a>
      </p>
    </Page>
  );
}

export function CancelPage(props: { ctx: ViewContext; booking: BookingRow; terms: CancellationPreview }) {
  const { ctx, booking: b, terms } = props;
  const t = ctx.t;
  const title = t('facilities.cancel.title');
  return (
    <Page ctx={ctx} title={title} breadcrumbs={crumbs(ctx, { href: `/facilities/bookings/${b.id}`, label: b.reference }, { label: title })}>
      <h1>{title}</h1>
      <BookingFacts ctx={ctx} b={b} refunds={[]} />
      <h2>{t('facilities.cancel.terms')}</h2>
      <ul>
        <li>{t('facilities.rules.cancel', { days: b.cancel_free_days_before, percent: b.cancel_fee_percent })}</li>
        <li>{terms.paidYen === 0 ? t('facilities.cancel.nothingPaid') : terms.free ? t('facilities.cancel.freeNow', { refund: yen(ctx, terms.refundYen) }) : t('facilities.cancel.feeNow', { fee: yen(ctx, terms.cancelFeeYen), refund: yen(ctx, terms.refundYen) })}</li>
        {terms.paidYen > 0 ? <li>{t(terms.refundAtCounter ? 'facilities.cancel.refundCounter' : 'facilities.cancel.refundOnline')}</li> : null}
      </ul>
      <form method="post" action={`/facilities/bookings/${b.id}/cancel`}>
        <CsrfField token={ctx.csrfToken} />
        <Button variant="danger">{t('facilities.cancel.confirm')}</Button>
      </form>
      <p>
        <a href={`/facilities/bookings/${b.id}`}>{t('facilities.cancel.keep')}</a>
      </p>
    </Page>
  );
}

/** `viewer`: who reads the list (a group's booking is listed to every member; its receipt only to the payer). */
export function BookingsTable(props: { ctx: ViewContext; viewer: Actor; caption: string; rows: BookingRow[]; empty: string; refunds: Map<string, Refund[]> }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Table
      caption={props.caption}
      rowHeader
      columns={[
        // First: the only way to the booking, reachable on a phone without scrolling the table sideways.
        { header: t('facilities.booking.reference'), cell: (b) => <a href={`/facilities/bookings/${b.id}`}>{b.reference}</a> },
        { header: t('facilities.form.date'), cell: (b) => `${dayLabel(ctx, b.use_date)} ${timeRange(b.starts_at, b.ends_at)}` },
        { header: t('facilities.form.room'), cell: (b) => `${b.facility_name} ${b.room_name}${b.group_name ? `（${b.group_name}）` : ''}` },
        { header: t('facilities.booking.status'), cell: (b) => <BookingStatusTag ctx={ctx} status={b.status} /> },
        {
          header: t('facilities.booking.payment'),
          cell: (b) => (
            <>
              {paymentText(ctx, b)}
              <RefundLines ctx={ctx} refunds={props.refunds.get(b.id) ?? []} afterText />
            </>
          ),
        },
        { header: t('facilities.booking.receiptShort'), cell: (b) => (canDownloadReceipt(props.viewer, b) ? <a href={`/facilities/bookings/${b.id}/receipt.pdf`}>{t('facilities.booking.receiptLink', { reference: b.reference })}</a> : '—') },
      ]}
      rows={props.rows}
      empty={props.empty}
    />
  );
}

export function MyBookingsPage(props: { ctx: ViewContext; viewer: Actor; upcoming: BookingRow[]; past: BookingRow[]; registered: boolean; refunds: Map<string, Refund[]> }) {
  const { ctx } = props;
  const t = ctx.t;
  const title = t('facilities.mine.title');
  return (
    <Page ctx={ctx} title={title} breadcrumbs={crumbs(ctx, { label: title })}>
      <FacilityStyles />
      <h1>{title}</h1>
      <div class="actions">
        <LinkButton href="/facilities">{t('facilities.mine.find')}</LinkButton>
        <a href="/facilities/groups">{t('facilities.groups.title')}</a>
        <a href="/facilities/classes">{t('facilities.classes.link')}</a>
        <a href="/facilities/register">{t(props.registered ? 'facilities.user.editTitle' : 'facilities.user.title')}</a>
      </div>
      <BookingsTable ctx={ctx} caption={t('facilities.mine.upcoming')} rows={props.upcoming} empty={t('facilities.mine.none')} refunds={props.refunds} viewer={props.viewer} />
      <BookingsTable ctx={ctx} caption={t('facilities.mine.past')} rows={props.past} empty={t('facilities.mine.nonePast')} refunds={props.refunds} viewer={props.viewer} />
    </Page>
  );
}
