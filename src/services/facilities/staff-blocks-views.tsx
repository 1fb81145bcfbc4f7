/**
 * Maintenance block pages: the list, the form, the confirm page that lists first what
 * the block would cancel (and what stops it), and one block with what it cancelled
 * and where each refund stands.
 */
import { Button, LinkButton } from '../../platform/ui/components/button.tsx';
import { ErrorSummary, NotificationBanner, StatusTag } from '../../platform/ui/components/feedback.tsx';
import { CsrfField, DateInput, Select, TextInput } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { AffectedBooking, AffectedClass, blockDetail, blocksForStaff, BlockPreview, Obstacle } from './staff-blocks-service.ts';
import { errorList, staffCrumbs } from './staff-common.tsx';
import { dayLabel, FacilityStyles, instantLabel, shortDay, timeRange, yen } from './views-common.tsx';

type BlockListRow = Awaited<ReturnType<typeof blocksForStaff>>[number];
type BlockDetail = Awaited<ReturnType<typeof blockDetail>>;

export interface BlockFormValues {
  target: string;
  fromDate: string;
  toDate: string;
  startsAt: string;
  endsAt: string;
  reason: string;
}

export interface TargetOption {
  value: string;
  label: string;
}

/** 終日 or 9:00〜12:00. */
const blockTime = (ctx: ViewContext, startsAt: number, endsAt: number) => (startsAt === 0 && endsAt === 1440 ? ctx.t('facilities.office.blocks.allDay') : timeRange(startsAt, endsAt));
const period = (ctx: ViewContext, from: string, to: string) => (from === to ? dayLabel(ctx, from) : `${dayLabel(ctx, from)}〜${dayLabel(ctx, to)}`);

export function BlocksPage(props: { ctx: ViewContext; blocks: BlockListRow[] }) {
  const { ctx } = props;
  const t = ctx.t;
  const title = t('facilities.office.blocks.title');
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={staffCrumbs(ctx, { label: title })}>
      <FacilityStyles />
      <h1>{title}</h1>
      <p>{t('facilities.office.blocks.lead')}</p>
      <p>
        <LinkButton href="/staff/facilities/blocks/new">{t('facilities.office.blocks.new')}</LinkButton>
      </p>
      <Table
        id="blocks"
        caption={t('facilities.office.blocks.caption')}
        rows={props.blocks}
        empty={t('facilities.office.blocks.none')}
        rowHeader
        columns={[
          { header: t('facilities.office.blocks.period'), cell: (b: BlockListRow) => <a href={`/staff/facilities/blocks/${b.id}`}>{period(ctx, b.from_date, b.to_date)}</a> },
          { header: t('facilities.office.blocks.time'), cell: (b) => blockTime(ctx, b.starts_at, b.ends_at) },
          { header: t('facilities.office.blocks.target'), cell: (b) => `${b.facility_name} ${b.room_name ?? t('facilities.office.blocks.wholeFacility')}` },
          { header: t('facilities.office.blocks.reason'), cell: (b) => b.reason },
          { header: t('facilities.office.blocks.cancelledCount'), cell: (b) => Number(b.cancelled ?? 0), numeric: true },
          { header: t('facilities.office.blocks.status'), cell: (b) => <StatusTag tone={b.status === 'active' ? 'warning' : 'neutral'}>{t(`facilities.office.blocks.state.${b.status}`)}</StatusTag> },
        ]}
      />
    </Page>
  );
}

export function BlockFormPage(props: { ctx: ViewContext; values: BlockFormValues; errors: Record<string, string>; targets: { label: string; options: TargetOption[] }[] }) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const title = t('facilities.office.blocks.new');
  const required = t('ui.required');
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={staffCrumbs(ctx, { href: '/staff/facilities/blocks', label: t('facilities.office.blocks.title') }, { label: title })}>
      <h1>{title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(errors)} />
      <p>{t('facilities.office.blocks.formLead')}</p>
      <form method="post" action="/staff/facilities/blocks/preview" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Select name="target" label={t('facilities.office.blocks.target')} hint={t('facilities.office.blocks.targetHint')} value={values.target} error={errors.target ?? null} required requiredLabel={required} emptyLabel={t('facilities.office.blocks.chooseTarget')} options={props.targets.flatMap((g) => g.options)} />
        <div class="search-row">
          <DateInput name="fromDate" label={t('facilities.office.blocks.fromDate')} hint={t('facilities.office.dateHint')} value={values.fromDate} error={errors.fromDate ?? null} required requiredLabel={required} />
          <DateInput name="toDate" label={t('facilities.office.blocks.toDate')} hint={t('facilities.office.blocks.toDateHint')} value={values.toDate} error={errors.toDate ?? null} />
        </div>
        <div class="search-row">
          <TextInput name="startsAt" label={t('facilities.office.blocks.startsAt')} hint={t('facilities.office.blocks.timeHint')} value={values.startsAt} error={errors.startsAt ?? null} width="short" />
          <TextInput name="endsAt" label={t('facilities.office.blocks.endsAt')} hint={t('facilities.office.blocks.timeHint')} value={values.endsAt} error={errors.endsAt ?? null} width="short" />
        </div>
        <TextInput name="reason" label={t('facilities.office.blocks.reason')} hint={t('facilities.office.blocks.reasonHint')} value={values.reason} error={errors.reason ?? null} required requiredLabel={required} maxLength={200} />
        <Button>{t('facilities.office.blocks.preview')}</Button>
      </form>
    </Page>
  );
}

function AffectedBookings(props: { ctx: ViewContext; rows: AffectedBooking[] }) {
  const { ctx } = props;
  const t = ctx.t;
  const refundText = (b: AffectedBooking) => (b.paidYen === 0 ? t('facilities.office.blocks.refund.none') : t(b.paymentMethod === 'counter' ? 'facilities.office.blocks.refund.counter' : 'facilities.office.blocks.refund.online', { yen: yen(ctx, b.paidYen) }));
  return (
    <Table
      id="affected-bookings"
      caption={t('facilities.office.blocks.affectedBookings', { count: props.rows.length })}
      rows={props.rows}
      empty={t('facilities.office.blocks.noBookings')}
      rowHeader
      columns={[
        { header: t('facilities.booking.reference'), cell: (b: AffectedBooking) => <a href={`/staff/facilities/bookings/${b.id}`}>{b.reference}</a> },
        { header: t('facilities.office.day.when'), cell: (b) => `${shortDay(ctx, b.date)} ${timeRange(b.startsAt, b.endsAt)}` },
        { header: t('facilities.office.day.room'), cell: (b) => b.roomName },
        { header: t('facilities.office.day.holder'), cell: (b) => [b.groupName, b.holder].filter(Boolean).join(' / ') || '—' },
        { header: t('facilities.office.blocks.refundCol'), cell: refundText },
      ]}
    />
  );
}

function AffectedClasses(props: { ctx: ViewContext; rows: AffectedClass[] }) {
  const { ctx } = props;
  const t = ctx.t;
  if (props.rows.length === 0) return null;
  return (
    <Table
      id="affected-classes"
      caption={t('facilities.office.blocks.affectedClasses', { count: props.rows.length })}
      rows={props.rows}
      empty="—"
      rowHeader
      columns={[
        { header: t('facilities.classes.classTitle'), cell: (c: AffectedClass) => <a href={`/staff/facilities/classes/${c.classId}`}>{c.title}</a> },
        { header: t('facilities.office.day.when'), cell: (c) => `${shortDay(ctx, c.date)} ${timeRange(c.startsAt, c.endsAt)}` },
        { header: t('facilities.office.day.room'), cell: (c) => c.roomName },
        { header: t('facilities.office.blocks.classHolders'), cell: (c) => c.holders, numeric: true },
      ]}
    />
  );
}

function Obstacles(props: { ctx: ViewContext; rows: Obstacle[] }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <NotificationBanner kind="error" title={t('facilities.office.blocks.obstaclesTitle')}>
      <p>{t('facilities.office.blocks.obstaclesLead')}</p>
      <ul>
        {props.rows.map((o) => (
          <li>{t(`facilities.office.blocks.obstacle.${o.kind}`, { reference: o.reference, title: o.title, room: o.roomName, date: shortDay(ctx, o.date), from: timeRange(o.startsAt, o.endsAt) })}</li>
        ))}
      </ul>
    </NotificationBanner>
  );
}

export function BlockPreviewPage(props: { ctx: ViewContext; preview: BlockPreview; values: BlockFormValues; changed: boolean }) {
  const { ctx, preview: p, values } = props;
  const t = ctx.t;
  const title = t('facilities.office.blocks.confirmTitle');
  const blocked = p.obstacles.length > 0;
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={staffCrumbs(ctx, { href: '/staff/facilities/blocks', label: t('facilities.office.blocks.title') }, { label: title })}>
      <FacilityStyles />
      <h1>{title}</h1>
      {props.changed ? <NotificationBanner kind="warning" title={t('facilities.office.blocks.error.changed')} /> : null}
      <SummaryList
        items={[
          { key: t('facilities.office.blocks.target'), value: `${p.facility.name} ${p.input.roomId ? p.rooms.map((r) => r.name).join('・') : t('facilities.office.blocks.wholeFacilityRooms', { rooms: p.rooms.map((r) => r.name).join('・') })}` },
          { key: t('facilities.office.blocks.period'), value: `${period(ctx, p.input.fromDate, p.input.toDate)}（${t('facilities.office.blocks.days', { days: p.days })}）` },
          { key: t('facilities.office.blocks.time'), value: blockTime(ctx, p.input.startsAt, p.input.endsAt) },
          { key: t('facilities.office.blocks.reason'), value: p.input.reason },
        ]}
      />
      {blocked ? <Obstacles ctx={ctx} rows={p.obstacles} /> : null}
      <h2>{t('facilities.office.blocks.willCancel')}</h2>
      <p>{p.bookings.length + p.classes.length === 0 ? t('facilities.office.blocks.nothingToCancel') : t('facilities.office.blocks.cancelLead')}</p>
      <AffectedBookings ctx={ctx} rows={p.bookings} />
      <AffectedClasses ctx={ctx} rows={p.classes} />
      <form method="post" action="/staff/facilities/blocks/confirm">
        <CsrfField token={ctx.csrfToken} />
        {(['target', 'fromDate', 'toDate', 'startsAt', 'endsAt', 'reason'] as const).map((name) => (
          <input type="hidden" name={name} value={values[name]} />
        ))}
        <input type="hidden" name="fingerprint" value={p.fingerprint} />
        <div class="button-row">
          {blocked ? null : (
            <Button variant="danger" name="action" value="confirm">
              {p.bookings.length + p.classes.length > 0 ? t('facilities.office.blocks.confirmCancel', { count: p.bookings.length + p.classes.length }) : t('facilities.office.blocks.confirm')}
            </Button>
          )}
          <Button variant="secondary" name="action" value="edit">
            {t('facilities.office.blocks.edit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}

export function BlockDetailPage(props: { ctx: ViewContext; detail: BlockDetail; today: string }) {
  const { ctx } = props;
  const { block: b, cancelled } = props.detail;
  const t = ctx.t;
  const title = t('facilities.office.blocks.detailTitle', { reason: b.reason });
  const refundState = (c: BlockDetail['cancelled'][number]) => {
    if (c.paid_yen === 0) return t('facilities.office.blocks.refund.none');
    if (c.payment_method === 'counter') return t('facilities.office.blocks.refund.counter', { yen: yen(ctx, c.paid_yen) });
    return t(c.refund_id ? 'facilities.office.blocks.refund.requested' : 'facilities.office.blocks.refund.pending', { yen: yen(ctx, c.paid_yen) });
  };
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={staffCrumbs(ctx, { href: '/staff/facilities/blocks', label: t('facilities.office.blocks.title') }, { label: b.reason })}>
      <h1>{title}</h1>
      <SummaryList
        items={[
          { key: t('facilities.office.blocks.target'), value: `${b.facility_name} ${b.room_name ?? t('facilities.office.blocks.wholeFacility')}` },
          { key: t('facilities.office.blocks.period'), value: period(ctx, b.from_date, b.to_date) },
          { key: t('facilities.office.blocks.time'), value: blockTime(ctx, b.starts_at, b.ends_at) },
          { key: t('facilities.office.blocks.reason'), value: b.reason },
          { key: t('facilities.office.blocks.status'), value: t(`facilities.office.blocks.state.${b.status}`) },
          { key: t('facilities.office.blocks.createdBy'), value: `${b.created_by ?? ''} ${instantLabel(ctx, b.created_at)}` },
        ]}
      />
      <Table
        id="cancelled-bookings"
        caption={t('facilities.office.blocks.cancelledCaption', { count: cancelled.length })}
        rows={cancelled}
        empty={t('facilities.office.blocks.noBookings')}
        rowHeader
        columns={[
          { header: t('facilities.booking.reference'), cell: (c: BlockDetail['cancelled'][number]) => <a href={`/staff/facilities/bookings/${c.id}`}>{c.reference}</a> },
          { header: t('facilities.office.day.when'), cell: (c) => `${shortDay(ctx, c.use_date)} ${timeRange(c.starts_at, c.ends_at)}` },
          { header: t('facilities.office.day.room'), cell: (c) => c.room_name },
          { header: t('facilities.office.day.holder'), cell: (c) => c.holder ?? '—' },
          { header: t('facilities.office.blocks.refundCol'), cell: refundState },
        ]}
      />
      {b.status === 'active' && b.to_date >= props.today ? (
        <form method="post" action={`/staff/facilities/blocks/${b.id}/remove`}>
          <CsrfField token={ctx.csrfToken} />
          <p>{t('facilities.office.blocks.removeLead')}</p>
          <Button variant="secondary">{t('facilities.office.blocks.remove')}</Button>
        </form>
      ) : null}
    </Page>
  );
}

