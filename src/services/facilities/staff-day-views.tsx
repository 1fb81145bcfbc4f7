/**
 * The counter's pages: the day sheet (every occupation of a day, check-in and no-show
 * buttons on each booking) and one booking with everything staff do to it: check-in,
 * counter payment, fee reduction (減免) before payment, approval of a 仮予約, cancelling.
 */
import { Button } from '../../platform/ui/components/button.tsx';
import { ErrorSummary, StatusTag } from '../../platform/ui/components/feedback.tsx';
import { CsrfField, DateInput, Select, TextInput } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { addDays } from '../../platform/time/today.ts';
import type { BookingRow } from './booking-queries.ts';
import { clockText, instantOf } from './booking-time.ts';
import type { DaySheetRow, staffFacilities } from './staff-day-service.ts';
import { errorList, staffCrumbs } from './staff-common.tsx';
import type { CheckinState } from './staff-tables.ts';
import { BookingStatusTag, dayLabel, FacilityStyles, instantLabel, timeRange, yen } from './views-common.tsx';

type StaffFacility = Awaited<ReturnType<typeof staffFacilities>>[number];

/** 支払済（窓口）/ 未払い（期限）/ 不要 — in words. */
export function paymentText(ctx: ViewContext, b: { fee_yen: number; paid_at: Date | null; payment_method: string; payment_due_at: Date | null; status: string }): string {
  const t = ctx.t;
  if (b.fee_yen === 0) return t('facilities.payment.none');
  if (b.paid_at) return t(b.payment_method === 'counter' ? 'facilities.payment.paidCounter' : 'facilities.payment.paidOnline', { at: instantLabel(ctx, b.paid_at) });
  if (b.status === 'pending_approval') return t('facilities.payment.afterApproval');
  if (b.payment_due_at) return t('facilities.payment.due', { due: instantLabel(ctx, b.payment_due_at) });
  return t('facilities.payment.unpaid');
}

export function CheckinTag(props: { ctx: ViewContext; state: CheckinState | null; presentCount: number | null }) {
  const t = props.ctx.t;
  if (!props.state) return <span>{t('facilities.office.day.notRecorded')}</span>;
  return (
    <StatusTag tone={props.state === 'checked_in' ? 'success' : 'error'}>
      {t(`facilities.office.day.state.${props.state}`)}
      {props.state === 'checked_in' && props.presentCount !== null ? ` ${t('facilities.office.day.present', { count: props.presentCount })}` : ''}
    </StatusTag>
  );
}

/** When a no-show can be recorded: null once the booking has started, else its start time (no button before then). */
export function noShowFrom(b: { use_date: string; starts_at: number }, now: Date): string | null {
  return instantOf(b.use_date, b.starts_at) > now ? clockText(b.starts_at) : null;
}

/**
 * The check-in buttons of one booking; each button names the booking for screen readers.
 * `noShowFrom`: before the start the no-show button is not offered, a line says from when it is.
 */
export function CheckinForms(props: { ctx: ViewContext; bookingId: string; reference: string; state: CheckinState | null; presentCount: number | null; back: string; headcount: number | null; noShowFrom: string | null }) {
  const { ctx } = props;
  const t = ctx.t;
  const idBase = `present-${props.bookingId.slice(0, 8)}`;
  return (
    <div class="actions">
      <form method="post" action={`/staff/facilities/bookings/${props.bookingId}/checkin`} class="inline-form">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="state" value="checked_in" />
        <input type="hidden" name="back" value={props.back} />
        <label for={idBase}>{t('facilities.office.day.presentLabel', { reference: props.reference })}</label>{' '}
        <input class="input input-short" id={idBase} name="presentCount" inputMode="numeric" value={props.presentCount ?? ''} size={4} placeholder={props.headcount ? String(props.headcount) : ''} />{' '}
        <button type="submit" class={`btn btn-${props.state === 'checked_in' ? 'secondary' : 'primary'}`} aria-label={t('facilities.office.day.checkinFor', { reference: props.reference })}>
          {t('facilities.office.day.checkin')}
        </button>
      </form>
      {props.noShowFrom ? (
        <p class="hint">{t('facilities.office.day.noShowFrom', { time: props.noShowFrom })}</p>
      ) : (
        <form method="post" action={`/staff/facilities/bookings/${props.bookingId}/checkin`} class="inline-form">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="state" value="no_show" />
          <input type="hidden" name="presentCount" value="" />
          <input type="hidden" name="back" value={props.back} />
          <button type="submit" class="btn btn-secondary" aria-label={t('facilities.office.day.noShowFor', { reference: props.reference })}>
            {t('facilities.office.day.noShow')}
          </button>
        </form>
      )}
      {props.state ? (
        <form method="post" action={`/staff/facilities/bookings/${props.bookingId}/checkin/clear`} class="inline-form">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="back" value={props.back} />
          <button type="submit" class="btn btn-tertiary" aria-label={t('facilities.office.day.clearFor', { reference: props.reference })}>
            {t('facilities.office.day.clear')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

function holderText(ctx: ViewContext, r: DaySheetRow): string {
  if (r.kind === 'block') return ctx.t('facilities.office.day.kind.block', { title: r.title });
  if (r.kind === 'class') return ctx.t('facilities.office.day.kind.class', { title: r.title });
  return [r.group_name, r.holder_name].filter(Boolean).join(' / ') || '—';
}

export function DaySheetPage(props: { ctx: ViewContext; now: Date; date: string; today: string; facilityId: string; facilities: StaffFacility[]; rows: DaySheetRow[]; errors: Record<string, string>; dateText: string }) {
  const { ctx, rows } = props;
  const t = ctx.t;
  const title = t('facilities.office.day.title');
  const query = (date: string) => `/staff/facilities/day?date=${date}${props.facilityId ? `&facility=${encodeURIComponent(props.facilityId)}` : ''}`;
  const back = query(props.date);
  const attendable = (r: DaySheetRow) => r.kind === 'booking' && (r.status === 'confirmed' || r.status === 'awaiting_payment') && props.date <= props.today;
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={staffCrumbs(ctx, { label: title })}>
      <FacilityStyles />
      <h1>{title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(props.errors)} />
      <form method="get" action="/staff/facilities/day">
        <div class="search-row">
          <DateInput name="date" label={t('facilities.office.day.date')} hint={t('facilities.office.dateHint')} value={props.dateText} error={props.errors.date ?? null} />
          <Select name="facility" label={t('facilities.office.facility')} value={props.facilityId} emptyLabel={t('facilities.office.allFacilities')} options={props.facilities.map((f) => ({ value: f.id, label: f.name }))} />
        </div>
        <Button variant="secondary">{t('facilities.office.day.show')}</Button>
      </form>
      <p class="inline-list">
        <a href={query(addDays(props.date, -1))}>{t('facilities.office.day.prev')}</a> ・ <a href={query(props.today)}>{t('facilities.office.day.today')}</a> ・ <a href={query(addDays(props.date, 1))}>{t('facilities.office.day.next')}</a>
      </p>
      <Table
        id="day-sheet"
        caption={t('facilities.office.day.caption', { date: dayLabel(ctx, props.date), count: rows.filter((r) => r.kind === 'booking').length })}
        rows={rows}
        empty={t('facilities.office.day.none')}
        rowHeader
        columns={[
          { header: t('facilities.office.day.time'), cell: (r: DaySheetRow) => timeRange(r.starts_at, r.ends_at) },
          { header: t('facilities.office.day.room'), cell: (r) => `${r.facility_name} ${r.room_name}` },
          { header: t('facilities.booking.reference'), cell: (r) => (r.kind === 'booking' ? <a href={`/staff/facilities/bookings/${r.id}`}>{r.reference}</a> : r.reference) },
          { header: t('facilities.office.day.holder'), cell: (r) => holderText(ctx, r) },
          { header: t('facilities.office.day.headcount'), cell: (r) => (r.kind === 'booking' ? (r.headcount ?? '—') : ''), numeric: true },
          { header: t('facilities.booking.status'), cell: (r) => (r.kind === 'booking' ? <BookingStatusTag ctx={ctx} status={r.status} /> : t(`facilities.office.day.kindName.${r.kind}`)) },
          { header: t('facilities.booking.payment'), cell: (r) => (r.kind === 'booking' ? `${yen(ctx, r.fee_yen)} ${paymentText(ctx, r)}` : '') },
          { header: t('facilities.office.day.checkinCol'), cell: (r) => (r.kind === 'booking' ? <CheckinTag ctx={ctx} state={r.checkin_state} presentCount={r.present_count} /> : '') },
          { header: t('facilities.office.day.actions'), cell: (r) => (attendable(r) ? <CheckinForms ctx={ctx} bookingId={r.id} reference={r.reference} state={r.checkin_state} presentCount={r.present_count} back={back} headcount={r.headcount} noShowFrom={noShowFrom({ use_date: props.date, starts_at: r.starts_at }, props.now)} /> : '') },
        ]}
      />
    </Page>
  );
}

export interface BookingPageState {
  checkin: { state: CheckinState | null; presentCount: number | null };
  reductions: { code: string; nameJa: string; nameEn: string; percent: number }[];
  attendable: boolean;
  /** The start time while a no-show cannot be recorded yet; null once it can. */
  noShowFrom: string | null;
  cancellable: boolean;
  openPayment: boolean;
}

export function StaffBookingPage(props: { ctx: ViewContext; booking: BookingRow; holder: { name: string; phone: string; email: string | null } | null; state: BookingPageState; errors: Record<string, string>; values: { reason: string; reduction: string } }) {
  const { ctx, booking: b, state, errors } = props;
  const t = ctx.t;
  const title = t('facilities.booking.title', { reference: b.reference });
  const back = `/staff/facilities/bookings/${b.id}`;
  const unpaid = (b.status === 'pending_approval' || b.status === 'awaiting_payment') && !b.paid_at;
  const reductionName = (r: { nameJa: string; nameEn: string }) => (ctx.locale === 'ja' ? r.nameJa : r.nameEn);
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={staffCrumbs(ctx, { href: `/staff/facilities/day?date=${b.use_date}`, label: t('facilities.office.day.title') }, { label: b.reference })}>
      <FacilityStyles />
      <h1>{title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(errors)} />
      <SummaryList
        items={[
          { key: t('facilities.booking.status'), value: <BookingStatusTag ctx={ctx} status={b.status} /> },
          { key: t('facilities.office.day.when'), value: `${dayLabel(ctx, b.use_date)} ${timeRange(b.starts_at, b.ends_at)}` },
          { key: t('facilities.office.day.room'), value: `${b.facility_name} ${b.room_name}` },
          { key: t('facilities.office.day.holder'), value: props.holder ? `${props.holder.name}（${props.holder.phone}${props.holder.email ? ` / ${props.holder.email}` : ''}）` : '—' },
          ...(b.group_name ? [{ key: t('facilities.office.day.group'), value: b.group_name }] : []),
          { key: t('facilities.office.day.purpose'), value: `${(ctx.locale === 'ja' ? b.purpose_ja : b.purpose_en) ?? ''} ${b.purpose_detail}` },
          { key: t('facilities.office.day.headcount'), value: b.headcount ?? '—' },
          { key: t('facilities.office.booking.rate'), value: b.rate ? t(`facilities.rate.${b.rate}`) : '—' },
          { key: t('facilities.office.booking.fee'), value: t('facilities.office.booking.feeBreakdown', { base: yen(ctx, b.base_yen), heating: yen(ctx, b.heating_yen), reduction: yen(ctx, b.reduction_yen), fee: yen(ctx, b.fee_yen) }) },
          ...(b.reduction_code ? [{ key: t('facilities.office.booking.reduction'), value: `${(ctx.locale === 'ja' ? b.reduction_ja : b.reduction_en) ?? b.reduction_code}（${b.reduction_percent}%）` }] : []),
          { key: t('facilities.booking.payment'), value: paymentText(ctx, b) },
          { key: t('facilities.office.day.checkinCol'), value: <CheckinTag ctx={ctx} state={state.checkin.state} presentCount={state.checkin.presentCount} /> },
          ...(b.cancel_reason ? [{ key: t('facilities.booking.cancelReason'), value: b.cancel_reason }] : []),
        ]}
      />

      {state.attendable ? (
        <section aria-labelledby="checkin-title">
          <h2 id="checkin-title">{t('facilities.office.day.checkinCol')}</h2>
          <CheckinForms ctx={ctx} bookingId={b.id} reference={b.reference} state={state.checkin.state} presentCount={state.checkin.presentCount} back={back} headcount={b.headcount} noShowFrom={state.noShowFrom} />
        </section>
      ) : null}

      {b.status === 'awaiting_payment' && !b.paid_at && b.fee_yen > 0 ? (
        <section aria-labelledby="counter-title">
          <h2 id="counter-title">{t('facilities.office.booking.counterTitle')}</h2>
          <p>{t(state.openPayment ? 'facilities.office.booking.counterOpenPayment' : 'facilities.office.booking.counterLead', { fee: yen(ctx, b.fee_yen) })}</p>
          <form method="post" action={`/staff/facilities/bookings/${b.id}/counter-payment`}>
            <CsrfField token={ctx.csrfToken} />
            <Button>{t('facilities.office.booking.counterButton', { fee: yen(ctx, b.fee_yen) })}</Button>
          </form>
        </section>
      ) : null}

      {unpaid ? (
        <section aria-labelledby="reduction-title">
          <h2 id="reduction-title">{t('facilities.office.booking.reductionTitle')}</h2>
          <p>{t('facilities.office.booking.reductionLead')}</p>
          <form method="post" action={`/staff/facilities/bookings/${b.id}/reduction`}>
            <CsrfField token={ctx.csrfToken} />
            <Select name="reduction" label={t('facilities.office.booking.reduction')} value={props.values.reduction || b.reduction_code || ''} error={errors.reduction ?? null} emptyLabel={t('facilities.office.booking.noReduction')} options={state.reductions.map((r) => ({ value: r.code, label: `${reductionName(r)}（${r.percent}%）` }))} />
            <TextInput name="reason" label={t('facilities.office.booking.reductionReason')} hint={t('facilities.office.booking.reductionReasonHint')} value={props.values.reason} error={errors.reason ?? null} maxLength={500} />
            <Button variant="secondary">{t('facilities.office.booking.reductionApply')}</Button>
          </form>
        </section>
      ) : null}

      {b.status === 'pending_approval' ? (
        <p>
          <a href={`/staff/facilities/approvals/bookings/${b.id}`}>{t('facilities.office.booking.toApproval')}</a>
        </p>
      ) : null}

      {state.cancellable ? (
        <section aria-labelledby="cancel-title">
          <h2 id="cancel-title">{t('facilities.office.booking.cancelTitle')}</h2>
          <p>{t('facilities.office.booking.cancelLead')}</p>
          <form method="post" action={`/staff/facilities/bookings/${b.id}/cancel`}>
            <CsrfField token={ctx.csrfToken} />
            <TextInput name="cancelReason" label={t('facilities.office.booking.cancelReason')} hint={t('facilities.office.booking.cancelReasonHint')} value="" error={errors.cancelReason ?? null} maxLength={500} required requiredLabel={t('ui.required')} />
            <Button variant="danger">{t('facilities.office.booking.cancelButton')}</Button>
          </form>
        </section>
      ) : null}
    </Page>
  );
}
