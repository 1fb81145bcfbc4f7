/** Staff pages of classes: the list, the class form (new / edit), one class with attendees and attendance, cancelling. */
import { Button, LinkButton } from '../../platform/ui/components/button.tsx';
import { ErrorSummary, NotificationBanner, StatusTag } from '../../platform/ui/components/feedback.tsx';
import { Checkboxes, CsrfField, DateInput, Radios, Select, Textarea, TextInput } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { ClassFormValues } from './classes-form.ts';
import type { attendeesOf, ClassRow, classesForStaff } from './classes-queries.ts';
import { CLASS_LEVELS } from './classes-tables.ts';
import { LevelTag, SeatStatusTag, seatsText } from './classes-views.tsx';
import { classStaffCrumbs, errorList } from './staff-common.tsx';
import { dayLabel, FacilityStyles, instantLabel, shortDay, timeRange, yen } from './views-common.tsx';

type StaffClass = Awaited<ReturnType<typeof classesForStaff>>[number];
type Attendee = Awaited<ReturnType<typeof attendeesOf>>[number];
export interface RoomOption {
  id: string;
  label: string;
}

export function StaffClassesPage(props: { ctx: ViewContext; classes: StaffClass[]; now: Date; from: string }) {
  const { ctx } = props;
  const t = ctx.t;
  const title = t('facilities.classes.staff.title');
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={classStaffCrumbs(ctx)}>
      <FacilityStyles />
      <h1>{title}</h1>
      <p>{t('facilities.classes.staff.lead')}</p>
      <p>
        <LinkButton href="/staff/facilities/classes/new">{t('facilities.classes.staff.new')}</LinkButton>
      </p>
      <Table
        id="staff-classes"
        caption={t('facilities.classes.staff.upcoming', { from: dayLabel(ctx, props.from) })}
        rows={props.classes}
        empty={t('facilities.classes.staff.none')}
        rowHeader
        columns={[
          { header: t('facilities.classes.when'), cell: (c: StaffClass) => `${shortDay(ctx, c.use_date)} ${timeRange(c.starts_at, c.ends_at)}` },
          { header: t('facilities.classes.classTitle'), cell: (c) => <a href={`/staff/facilities/classes/${c.id}`}>{c.title}</a> },
          { header: t('facilities.classes.filter.level'), cell: (c) => <LevelTag ctx={ctx} level={c.level} /> },
          { header: t('facilities.classes.where'), cell: (c) => `${c.facility_name} ${c.room_name}` },
          { header: t('facilities.classes.staff.booked'), cell: (c) => `${c.seats_taken} / ${c.seats}`, numeric: true },
          { header: t('facilities.classes.staff.waiting'), cell: (c) => Number(c.waiting_count ?? 0), numeric: true },
          { header: t('facilities.classes.staff.state'), cell: (c) => (c.status === 'cancelled' ? <StatusTag tone="neutral">{t('facilities.classes.state.cancelled')}</StatusTag> : seatsText(ctx, c, props.now)) },
        ]}
      />
    </Page>
  );
}

export function ClassFormPage(props: { ctx: ViewContext; values: ClassFormValues; errors: Record<string, string>; rooms: RoomOption[]; action: string; editing: ClassRow | null }) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const title = props.editing ? t('facilities.classes.staff.editTitle', { title: props.editing.title }) : t('facilities.classes.staff.new');
  const trail = props.editing ? [{ href: `/staff/facilities/classes/${props.editing.id}`, label: props.editing.title }, { label: t('facilities.classes.staff.edit') }] : [{ label: title }];
  const required = t('ui.required');
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={classStaffCrumbs(ctx, ...trail)}>
      <FacilityStyles />
      <h1>{title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(errors)} />
      <form method="post" action={props.action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput name="title" label={t('facilities.classes.form.title')} hint={t('facilities.classes.form.titleHint')} value={values.title} error={errors.title ?? null} required requiredLabel={required} maxLength={100} />
        <Textarea name="description" label={t('facilities.classes.form.description')} hint={t('facilities.classes.form.descriptionHint')} value={values.description} error={errors.description ?? null} rows={5} maxLength={2000} />
        <Radios name="level" label={t('facilities.classes.form.level')} value={values.level} error={errors.level ?? null} required requiredLabel={required} options={CLASS_LEVELS.map((l) => ({ value: l, label: t(`facilities.classes.level.${l}`), hint: t(`facilities.classes.level.${l}.hint`) }))} />
        <TextInput name="instructor" label={t('facilities.classes.form.instructor')} hint={t('facilities.classes.form.instructorHint')} value={values.instructor} error={errors.instructor ?? null} required requiredLabel={required} maxLength={100} />
        <Select name="roomId" label={t('facilities.classes.form.room')} value={values.roomId} error={errors.roomId ?? null} required requiredLabel={required} emptyLabel={t('facilities.classes.form.chooseRoom')} options={props.rooms.map((r) => ({ value: r.id, label: r.label }))} />
        <DateInput name="date" label={t('facilities.classes.form.date')} hint={t('facilities.classes.form.dateHint')} value={values.date} error={errors.date ?? null} required requiredLabel={required} />
        <div class="search-row">
          <TextInput name="startsAt" label={t('facilities.classes.form.startsAt')} hint={t('facilities.classes.form.timeHint')} value={values.startsAt} error={errors.startsAt ?? null} width="short" required requiredLabel={required} />
          <TextInput name="endsAt" label={t('facilities.classes.form.endsAt')} hint={t('facilities.classes.form.timeHint')} value={values.endsAt} error={errors.endsAt ?? null} width="short" required requiredLabel={required} />
        </div>
        <TextInput name="seats" label={t('facilities.classes.form.seats')} hint={t('facilities.classes.form.seatsHint')} value={values.seats} error={errors.seats ?? null} width="short" inputmode="numeric" required requiredLabel={required} />
        <TextInput name="feeYen" label={t('facilities.classes.form.fee')} hint={t('facilities.classes.form.feeHint')} value={values.feeYen} error={errors.feeYen ?? null} width="short" inputmode="numeric" />
        <DateInput name="applyUntil" label={t('facilities.classes.form.applyUntil')} hint={t('facilities.classes.form.applyUntilHint')} value={values.applyUntil} error={errors.applyUntil ?? null} required requiredLabel={required} />
        <Checkboxes name="waitingList" label={t('facilities.classes.form.waitingList')} values={values.waitingList === 'yes' ? ['yes'] : []} options={[{ value: 'yes', label: t('facilities.classes.form.waitingListYes') }]} />
        <Button>{props.editing ? t('facilities.classes.staff.save') : t('facilities.classes.staff.create')}</Button>
      </form>
    </Page>
  );
}

function AttendanceButtons(props: { ctx: ViewContext; seat: Attendee }) {
  const { ctx, seat } = props;
  const t = ctx.t;
  const button = (value: 'present' | 'absent' | 'clear', label: string, pressed: boolean) => (
    <form method="post" action={`/staff/facilities/classes/seats/${seat.id}/attendance`} class="inline-form">
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="attendance" value={value} />
      <button type="submit" class={`btn btn-${pressed ? 'primary' : 'secondary'}`} aria-pressed={pressed ? 'true' : 'false'} aria-label={`${label}（${seat.name ?? seat.reference}）`}>
        {label}
      </button>
    </form>
  );
  return (
    <div class="actions">
      {button('present', t('facilities.classes.attendance.present'), seat.attendance === 'present')}
      {button('absent', t('facilities.classes.attendance.absent'), seat.attendance === 'absent')}
      {seat.attendance ? button('clear', t('facilities.classes.attendance.clear'), false) : null}
    </div>
  );
}

/** For someone who phones to cancel: the same rules as their own cancellation (the seat goes to the waiting list). */
function CancelSeatButton(props: { ctx: ViewContext; seat: Attendee }) {
  const t = props.ctx.t;
  return (
    <form method="post" action={`/staff/facilities/classes/seats/${props.seat.id}/cancel`} class="inline-form">
      <CsrfField token={props.ctx.csrfToken} />
      <button type="submit" class="btn btn-tertiary" aria-label={`${t('facilities.classes.staff.cancelSeat')}（${props.seat.name ?? props.seat.reference}）`}>
        {t('facilities.classes.staff.cancelSeat')}
      </button>
    </form>
  );
}

export function StaffClassPage(props: { ctx: ViewContext; cls: ClassRow; attendees: Attendee[]; now: Date; today: string; beforeStart: boolean }) {
  const { ctx, cls } = props;
  const t = ctx.t;
  const attendanceOpen = cls.status === 'scheduled' && props.today >= cls.use_date;
  const booked = props.attendees.filter((a) => a.status === 'booked');
  const present = booked.filter((a) => a.attendance === 'present').length;
  return (
    <Page ctx={ctx} shell="staff" title={cls.title} breadcrumbs={classStaffCrumbs(ctx, { label: cls.title })}>
      <FacilityStyles />
      <h1>{cls.title}</h1>
      {cls.status === 'cancelled' ? <NotificationBanner kind="warning" title={t('facilities.classes.cancelledBanner')}>{cls.cancel_reason ? <p>{t('facilities.classes.reason', { reason: cls.cancel_reason })}</p> : null}</NotificationBanner> : null}
      <SummaryList
        items={[
          { key: t('facilities.classes.staff.reference'), value: cls.reference },
          { key: t('facilities.classes.filter.level'), value: <LevelTag ctx={ctx} level={cls.level} /> },
          { key: t('facilities.classes.when'), value: `${dayLabel(ctx, cls.use_date)} ${timeRange(cls.starts_at, cls.ends_at)}` },
          { key: t('facilities.classes.where'), value: `${cls.facility_name} ${cls.room_name}` },
          { key: t('facilities.classes.instructor'), value: cls.instructor },
          { key: t('facilities.classes.fee'), value: cls.fee_yen === 0 ? t('facilities.classes.free') : yen(ctx, cls.fee_yen) },
          { key: t('facilities.classes.staff.booked'), value: `${cls.seats_taken} / ${cls.seats}` },
          { key: t('facilities.classes.deadline'), value: instantLabel(ctx, cls.apply_until) },
          { key: t('facilities.classes.staff.presentCount'), value: t('facilities.classes.staff.presentOf', { present, booked: booked.length }) },
        ]}
      />
      {cls.status === 'scheduled' ? (
        <ul class="inline-list">
          <li>
            <a href={`/staff/facilities/classes/${cls.id}/edit`}>{t('facilities.classes.staff.edit')}</a>
          </li>
          <li>
            <a href={`/staff/facilities/classes/${cls.id}/cancel`}>{t('facilities.classes.staff.cancel')}</a>
          </li>
          <li>
            <a href={`/facilities/classes/${cls.id}`}>{t('facilities.classes.staff.publicPage')}</a>
          </li>
        </ul>
      ) : null}
      <h2>{t('facilities.classes.staff.attendees')}</h2>
      {!attendanceOpen && cls.status === 'scheduled' ? <p>{t('facilities.classes.staff.attendanceFromDay')}</p> : null}
      <Table
        id="attendees"
        caption={t('facilities.classes.staff.attendeesCaption', { count: props.attendees.length })}
        rows={props.attendees}
        empty={t('facilities.classes.staff.noAttendees')}
        rowHeader
        columns={[
          { header: t('facilities.classes.staff.name'), cell: (a: Attendee) => (a.name ? `${a.name}（${a.name_kana ?? ''}）` : a.reference) },
          { header: t('facilities.classes.staff.phone'), cell: (a) => a.phone ?? '' },
          { header: t('facilities.classes.seat.reference'), cell: (a) => a.reference },
          { header: t('facilities.classes.seat.status'), cell: (a) => <SeatStatusTag ctx={ctx} status={a.status} /> },
          { header: t('facilities.classes.staff.attendance'), cell: (a) => (a.attendance ? t(`facilities.classes.attendance.${a.attendance}`) : '—') },
          {
            header: t('facilities.classes.staff.actions'),
            cell: (a) => (
              <>
                {a.status === 'booked' && attendanceOpen ? <AttendanceButtons ctx={ctx} seat={a} /> : null}
                {a.status !== 'cancelled' && cls.status === 'scheduled' && props.beforeStart ? <CancelSeatButton ctx={ctx} seat={a} /> : null}
              </>
            ),
          },
        ]}
      />
    </Page>
  );
}

export function CancelClassPage(props: { ctx: ViewContext; cls: ClassRow; holders: number; reason: string; errors: Record<string, string> }) {
  const { ctx, cls, errors } = props;
  const t = ctx.t;
  const title = t('facilities.classes.staff.cancelTitle', { title: cls.title });
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={classStaffCrumbs(ctx, { href: `/staff/facilities/classes/${cls.id}`, label: cls.title }, { label: t('facilities.classes.staff.cancel') })}>
      <h1>{title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(errors)} />
      <p>{t('facilities.classes.staff.cancelLead', { count: props.holders })}</p>
      <form method="post" action={`/staff/facilities/classes/${cls.id}/cancel`}>
        <CsrfField token={ctx.csrfToken} />
        <TextInput name="reason" label={t('facilities.classes.staff.cancelReason')} hint={t('facilities.classes.staff.cancelReasonHint')} value={props.reason} error={errors.reason ?? null} required requiredLabel={t('ui.required')} maxLength={200} />
        <Button variant="danger">{t('facilities.classes.staff.cancelConfirm')}</Button>
      </form>
    </Page>
  );
}
