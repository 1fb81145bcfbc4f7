/** Approvals: pending 仮予約 (rooms needing a use permit) and group registrations, each with approve / reject. */
import { Button } from '../../platform/ui/components/button.tsx';
import { ErrorSummary } from '../../platform/ui/components/feedback.tsx';
import { CsrfField, TextInput, Textarea } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { BookingRow } from './booking-queries.ts';
import type { PendingBooking, PendingGroup, GroupDetail } from './staff-approvals-service.ts';
import { errorList, staffCrumbs } from './staff-common.tsx';
import { dayLabel, FacilityStyles, instantLabel, shortDay, timeRange, yen } from './views-common.tsx';

export function ApprovalsPage(props: { ctx: ViewContext; bookings: PendingBooking[]; groups: PendingGroup[] }) {
  const { ctx } = props;
  const t = ctx.t;
  const title = t('facilities.office.approvals.title');
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={staffCrumbs(ctx, { label: title })}>
      <FacilityStyles />
      <h1>{title}</h1>
      <p>{t('facilities.office.approvals.lead')}</p>
      <Table
        id="pending-bookings"
        caption={t('facilities.office.approvals.bookings', { count: props.bookings.length })}
        rows={props.bookings}
        empty={t('facilities.office.approvals.noBookings')}
        rowHeader
        columns={[
          { header: t('facilities.booking.reference'), cell: (b: PendingBooking) => <a href={`/staff/facilities/approvals/bookings/${b.id}`}>{b.reference}</a> },
          { header: t('facilities.office.day.when'), cell: (b) => `${shortDay(ctx, b.use_date)} ${timeRange(b.starts_at, b.ends_at)}` },
          { header: t('facilities.office.day.room'), cell: (b) => `${b.facility_name} ${b.room_name}` },
          { header: t('facilities.office.day.holder'), cell: (b) => [b.group_name, b.holder].filter(Boolean).join(' / ') },
          { header: t('facilities.office.day.headcount'), cell: (b) => b.headcount ?? '—', numeric: true },
          { header: t('facilities.office.approvals.received'), cell: (b) => instantLabel(ctx, b.created_at) },
        ]}
      />
      <Table
        id="pending-groups"
        caption={t('facilities.office.approvals.groups', { count: props.groups.length })}
        rows={props.groups}
        empty={t('facilities.office.approvals.noGroups')}
        rowHeader
        columns={[
          { header: t('facilities.office.approvals.groupName'), cell: (g: PendingGroup) => <a href={`/staff/facilities/approvals/groups/${g.id}`}>{g.name}</a> },
          { header: t('facilities.office.approvals.representative'), cell: (g) => g.representative_name },
          { header: t('facilities.office.approvals.members'), cell: (g) => Number(g.member_count ?? 0), numeric: true },
          { header: t('facilities.office.approvals.inCity'), cell: (g) => t(g.in_city ? 'facilities.office.approvals.inCityYes' : 'facilities.office.approvals.inCityNo') },
          { header: t('facilities.office.approvals.received'), cell: (g) => instantLabel(ctx, g.created_at) },
        ]}
      />
    </Page>
  );
}

/** Approve (with an optional note) and reject (the reason is required: it goes to the applicant). */
function DecisionForms(props: { ctx: ViewContext; base: string; errors: Record<string, string>; values: { note: string; reason: string } }) {
  const { ctx, errors } = props;
  const t = ctx.t;
  return (
    <>
      <section aria-labelledby="approve-title">
        <h2 id="approve-title">{t('facilities.office.approvals.approve')}</h2>
        <form method="post" action={`${props.base}/approve`}>
          <CsrfField token={ctx.csrfToken} />
          <TextInput name="note" label={t('facilities.office.approvals.note')} hint={t('facilities.office.approvals.noteHint')} value={props.values.note} error={errors.note ?? null} maxLength={500} />
          <Button>{t('facilities.office.approvals.approveButton')}</Button>
        </form>
      </section>
      <section aria-labelledby="reject-title">
        <h2 id="reject-title">{t('facilities.office.approvals.reject')}</h2>
        <form method="post" action={`${props.base}/reject`}>
          <CsrfField token={ctx.csrfToken} />
          <Textarea name="reason" label={t('facilities.office.approvals.reason')} hint={t('facilities.office.approvals.reasonHint')} value={props.values.reason} error={errors.reason ?? null} rows={3} maxLength={500} />
          <Button variant="danger">{t('facilities.office.approvals.rejectButton')}</Button>
        </form>
      </section>
    </>
  );
}

export function BookingApprovalPage(props: { ctx: ViewContext; booking: BookingRow; holder: { name: string; phone: string; email: string | null } | null; errors: Record<string, string>; values: { note: string; reason: string } }) {
  const { ctx, booking: b } = props;
  const t = ctx.t;
  const title = t('facilities.office.approvals.bookingTitle', { reference: b.reference });
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={staffCrumbs(ctx, { href: '/staff/facilities/approvals', label: t('facilities.office.approvals.title') }, { label: b.reference })}>
      <h1>{title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(props.errors)} />
      <SummaryList
        items={[
          { key: t('facilities.office.day.when'), value: `${dayLabel(ctx, b.use_date)} ${timeRange(b.starts_at, b.ends_at)}` },
          { key: t('facilities.office.day.room'), value: `${b.facility_name} ${b.room_name}` },
          { key: t('facilities.office.day.holder'), value: props.holder ? `${props.holder.name}（${props.holder.phone}${props.holder.email ? ` / ${props.holder.email}` : ''}）` : '—' },
          ...(b.group_name ? [{ key: t('facilities.office.day.group'), value: b.group_name }] : []),
          { key: t('facilities.office.day.purpose'), value: `${(ctx.locale === 'ja' ? b.purpose_ja : b.purpose_en) ?? ''} ${b.purpose_detail}` },
          { key: t('facilities.office.day.headcount'), value: b.headcount ?? '—' },
          { key: t('facilities.office.booking.rate'), value: b.rate ? t(`facilities.rate.${b.rate}`) : '—' },
          { key: t('facilities.booking.fee'), value: yen(ctx, b.fee_yen) },
          { key: t('facilities.office.approvals.received'), value: instantLabel(ctx, b.created_at) },
        ]}
      />
      <p>
        <a href={`/staff/facilities/bookings/${b.id}`}>{t('facilities.office.approvals.toBooking')}</a>
      </p>
      {b.status === 'pending_approval' ? <DecisionForms ctx={ctx} base={`/staff/facilities/approvals/bookings/${b.id}`} errors={props.errors} values={props.values} /> : <p>{t('facilities.office.approvals.decided')}</p>}
    </Page>
  );
}

export function GroupApprovalPage(props: { ctx: ViewContext; group: GroupDetail; errors: Record<string, string>; values: { note: string; reason: string } }) {
  const { ctx, group } = props;
  const g = group.group;
  const t = ctx.t;
  const title = t('facilities.office.approvals.groupTitle', { name: g.name });
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={staffCrumbs(ctx, { href: '/staff/facilities/approvals', label: t('facilities.office.approvals.title') }, { label: g.name })}>
      <h1>{title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(props.errors)} />
      <SummaryList
        items={[
          { key: t('facilities.office.approvals.groupName'), value: `${g.name}（${g.name_kana}）` },
          { key: t('facilities.office.approvals.representative'), value: g.representative_name },
          { key: t('facilities.office.approvals.contact'), value: [g.contact_phone, g.contact_email].filter(Boolean).join(' / ') },
          { key: t('facilities.office.approvals.purpose'), value: g.purpose },
          { key: t('facilities.office.approvals.activity'), value: g.activity || '—' },
          { key: t('facilities.office.approvals.inCity'), value: t(g.in_city ? 'facilities.office.approvals.inCityYes' : 'facilities.office.approvals.inCityNo') },
          { key: t('facilities.office.approvals.received'), value: instantLabel(ctx, g.created_at) },
        ]}
      />
      <Table
        caption={t('facilities.office.approvals.memberList', { count: group.members.length })}
        rows={group.members}
        empty="—"
        columns={[
          { header: t('facilities.office.approvals.memberName'), cell: (m: GroupDetail['members'][number]) => m.name },
          { header: t('facilities.office.approvals.memberAccount'), cell: (m) => t(m.account_id ? 'facilities.office.approvals.joined' : 'facilities.office.approvals.notJoined') },
        ]}
      />
      {g.status === 'pending' ? <DecisionForms ctx={ctx} base={`/staff/facilities/approvals/groups/${g.id}`} errors={props.errors} values={props.values} /> : <p>{t('facilities.office.approvals.decided')}</p>}
    </Page>
  );
}
