/** Resident pages of classes: the list (by area and level), one class with its booking form, a seat, my seats. */
import { Button, LinkButton } from '../../platform/ui/components/button.tsx';
import { NotificationBanner, StatusTag, type TagTone } from '../../platform/ui/components/feedback.tsx';
import { CsrfField, Select } from '../../platform/ui/components/form-fields.tsx';
import { Pagination } from '../../platform/ui/components/navigation.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { ClassRow, SeatRow } from './classes-queries.ts';
import { CLASS_LEVELS, type ClassLevel, type SeatStatus } from './classes-tables.ts';
import { AREAS } from './tables.ts';
import { crumbs, dayLabel, FacilityStyles, instantLabel, timeRange, yen } from './views-common.tsx';

export function classCrumbs(ctx: ViewContext, ...trail: { href?: string; label: string }[]) {
  return crumbs(ctx, { href: '/facilities/classes', label: ctx.t('facilities.classes.title') }, ...trail);
}

const LEVEL_TONE: Record<ClassLevel, TagTone> = { first: 'success', basic: 'info', applied: 'warning' };

/** The level in words (never colour alone). */
export function LevelTag(props: { ctx: ViewContext; level: ClassLevel }) {
  return <StatusTag tone={LEVEL_TONE[props.level]}>{props.ctx.t(`facilities.classes.level.${props.level}`)}</StatusTag>;
}

const SEAT_TONE: Record<SeatStatus, TagTone> = { booked: 'success', waiting: 'warning', cancelled: 'neutral' };

export function SeatStatusTag(props: { ctx: ViewContext; status: SeatStatus }) {
  return <StatusTag tone={SEAT_TONE[props.status]}>{props.ctx.t(`facilities.classes.seat.${props.status}`)}</StatusTag>;
}

/** 「残り3席」「満席（キャンセル待ち受付中）」「満席」「中止」「受付終了」. */
export function seatsText(ctx: ViewContext, cls: Pick<ClassRow, 'seats' | 'seats_taken' | 'waiting_list' | 'status' | 'apply_until'>, now: Date): string {
  const t = ctx.t;
  if (cls.status === 'cancelled') return t('facilities.classes.state.cancelled');
  if (cls.apply_until <= now) return t('facilities.classes.state.closed');
  const left = cls.seats - cls.seats_taken;
  if (left > 0) return t('facilities.classes.state.left', { left, seats: cls.seats });
  return t(cls.waiting_list ? 'facilities.classes.state.fullWaiting' : 'facilities.classes.state.full');
}

export interface ClassListValues {
  area: string;
  level: string;
}

export function ClassListPage(props: { ctx: ViewContext; values: ClassListValues; rows: ClassRow[]; total: number; page: number; pageCount: number; now: Date; signedIn: boolean }) {
  const { ctx, values } = props;
  const t = ctx.t;
  const title = t('facilities.classes.title');
  const query: Record<string, string> = {};
  if (values.area) query.area = values.area;
  if (values.level) query.level = values.level;
  return (
    <Page ctx={ctx} title={title} breadcrumbs={classCrumbs(ctx)}>
      <FacilityStyles />
      <h1>{title}</h1>
      <p>{t('facilities.classes.lead')}</p>
      {props.signedIn ? (
        <p>
          <a href="/facilities/classes/mine">{t('facilities.classes.mine.title')}</a>
        </p>
      ) : null}
      <form method="get" action="/facilities/classes">
        <div class="search-row">
          <Select name="area" label={t('facilities.classes.filter.area')} value={values.area} emptyLabel={t('facilities.classes.filter.anyArea')} options={AREAS.map((a) => ({ value: a, label: t(`facilities.classes.area.${a}`) }))} />
          <Select name="level" label={t('facilities.classes.filter.level')} value={values.level} emptyLabel={t('facilities.classes.filter.anyLevel')} options={CLASS_LEVELS.map((l) => ({ value: l, label: t(`facilities.classes.level.${l}`) }))} />
        </div>
        <Button variant="secondary">{t('facilities.classes.filter.submit')}</Button>
      </form>
      <h2 id="results">{t('facilities.classes.results', { count: props.total })}</h2>
      {props.rows.length === 0 ? (
        <p>{t('facilities.classes.none')}</p>
      ) : (
        <ul class="card-list">
          {props.rows.map((c) => (
            <li class="card">
              <h3>
                <a href={`/facilities/classes/${c.id}`}>{c.title}</a>
              </h3>
              <p>
                <LevelTag ctx={ctx} level={c.level} /> {dayLabel(ctx, c.use_date)} {timeRange(c.starts_at, c.ends_at)}
              </p>
              <p>
                {c.facility_name} {c.room_name}（{t(`facilities.classes.area.${c.area}`)}）
              </p>
              <p>
                {t('facilities.classes.fee')}：{c.fee_yen === 0 ? t('facilities.classes.free') : yen(ctx, c.fee_yen)} ・ <strong>{seatsText(ctx, c, props.now)}</strong>
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination t={t} page={props.page} pageCount={props.pageCount} baseHref="/facilities/classes" query={query} />
    </Page>
  );
}

export type MySeat = { id: string; reference: string; status: SeatStatus; position: number | null } | null;

export function ClassDetailPage(props: { ctx: ViewContext; cls: ClassRow; now: Date; mine: MySeat; signedIn: boolean; full: { waitingList: boolean } | null }) {
  const { ctx, cls, mine } = props;
  const t = ctx.t;
  const open = cls.status === 'scheduled' && cls.apply_until > props.now;
  const hasSeat = cls.seats_taken < cls.seats;
  return (
    <Page ctx={ctx} title={cls.title} breadcrumbs={classCrumbs(ctx, { label: cls.title })}>
      <FacilityStyles />
      <h1>{cls.title}</h1>
      {cls.status === 'cancelled' ? (
        <NotificationBanner kind="warning" title={t('facilities.classes.cancelledBanner')}>
          {cls.cancel_reason ? <p>{t('facilities.classes.reason', { reason: cls.cancel_reason })}</p> : null}
        </NotificationBanner>
      ) : null}
      {props.full ? (
        <NotificationBanner kind="warning" title={t('facilities.classes.fullBanner')}>
          <p>{t(props.full.waitingList ? 'facilities.classes.error.fullWaitingList' : 'facilities.classes.error.full')}</p>
        </NotificationBanner>
      ) : null}
      <p>
        <LevelTag ctx={ctx} level={cls.level} />
      </p>
      {cls.description ? <p class="message-body">{cls.description}</p> : null}
      <SummaryList
        items={[
          { key: t('facilities.classes.when'), value: `${dayLabel(ctx, cls.use_date)} ${timeRange(cls.starts_at, cls.ends_at)}` },
          { key: t('facilities.classes.where'), value: `${cls.facility_name} ${cls.room_name}（${cls.address}）` },
          { key: t('facilities.classes.instructor'), value: cls.instructor },
          { key: t('facilities.classes.fee'), value: cls.fee_yen === 0 ? t('facilities.classes.free') : t('facilities.classes.feeOnDay', { fee: yen(ctx, cls.fee_yen) }) },
          { key: t('facilities.classes.seats'), value: seatsText(ctx, cls, props.now) },
          { key: t('facilities.classes.deadline'), value: instantLabel(ctx, cls.apply_until) },
          { key: t('facilities.classes.contact'), value: `${cls.facility_name} ${cls.facility_phone}` },
        ]}
      />
      <h2>{t('facilities.classes.apply')}</h2>
      {mine ? (
        <>
          <p>
            <SeatStatusTag ctx={ctx} status={mine.status} /> {mine.status === 'waiting' && mine.position ? t('facilities.classes.waitingPosition', { position: mine.position }) : t('facilities.classes.alreadyBooked')}
          </p>
          <p>
            <a href={`/facilities/classes/seats/${mine.id}`}>{t('facilities.classes.seePlace', { reference: mine.reference })}</a>
          </p>
        </>
      ) : !open ? (
        <p>{cls.status === 'cancelled' ? t('facilities.classes.state.cancelled') : t('facilities.classes.closedText')}</p>
      ) : !props.signedIn ? (
        <>
          <p>{t('facilities.classes.loginToBook')}</p>
          <LinkButton href={`/auth/login?next=${encodeURIComponent(`/facilities/classes/${cls.id}`)}`}>{t('facilities.classes.login')}</LinkButton>
        </>
      ) : hasSeat ? (
        <form method="post" action={`/facilities/classes/${cls.id}/book`}>
          <CsrfField token={ctx.csrfToken} />
          <p>{t('facilities.classes.bookHint')}</p>
          <Button>{t('facilities.classes.book')}</Button>
        </form>
      ) : cls.waiting_list ? (
        <form method="post" action={`/facilities/classes/${cls.id}/book`}>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="waitingList" value="yes" />
          <p>{t('facilities.classes.waitingHint')}</p>
          <Button variant="secondary">{t('facilities.classes.joinWaiting')}</Button>
        </form>
      ) : (
        <p>
          <strong>{t('facilities.classes.state.full')}</strong> {t('facilities.classes.fullNoWaiting')}
        </p>
      )}
      <p>
        <a href="/facilities/classes">{t('facilities.classes.back')}</a>
      </p>
    </Page>
  );
}

export function SeatPage(props: { ctx: ViewContext; seat: SeatRow; position: number | null; canCancel: boolean }) {
  const { ctx, seat } = props;
  const t = ctx.t;
  const title = t('facilities.classes.seat.title');
  return (
    <Page ctx={ctx} title={title} breadcrumbs={classCrumbs(ctx, { href: `/facilities/classes/${seat.class_id}`, label: seat.title }, { label: title })}>
      <FacilityStyles />
      <h1>{title}</h1>
      {seat.class_status === 'cancelled' ? (
        <NotificationBanner kind="warning" title={t('facilities.classes.cancelledBanner')}>
          {seat.class_cancel_reason ? <p>{t('facilities.classes.reason', { reason: seat.class_cancel_reason })}</p> : null}
        </NotificationBanner>
      ) : null}
      <SummaryList
        items={[
          { key: t('facilities.classes.seat.reference'), value: seat.reference },
          { key: t('facilities.classes.seat.status'), value: <><SeatStatusTag ctx={ctx} status={seat.status} />{props.position ? ` ${t('facilities.classes.waitingPosition', { position: props.position })}` : ''}</> },
          { key: t('facilities.classes.classTitle'), value: <a href={`/facilities/classes/${seat.class_id}`}>{seat.title}</a> },
          { key: t('facilities.classes.when'), value: `${dayLabel(ctx, seat.use_date)} ${timeRange(seat.starts_at, seat.ends_at)}` },
          { key: t('facilities.classes.where'), value: `${seat.facility_name} ${seat.room_name}` },
          { key: t('facilities.classes.instructor'), value: seat.instructor },
          { key: t('facilities.classes.fee'), value: seat.fee_yen === 0 ? t('facilities.classes.free') : t('facilities.classes.feeOnDay', { fee: yen(ctx, seat.fee_yen) }) },
          { key: t('facilities.classes.contact'), value: `${seat.facility_name} ${seat.facility_phone}` },
        ]}
      />
      {props.canCancel ? (
        <form method="post" action={`/facilities/classes/seats/${seat.id}/cancel`}>
          <CsrfField token={ctx.csrfToken} />
          <p>{t(seat.status === 'waiting' ? 'facilities.classes.cancelWaitingHint' : 'facilities.classes.cancelHint')}</p>
          <Button variant="danger">{t(seat.status === 'waiting' ? 'facilities.classes.cancelWaiting' : 'facilities.classes.cancel')}</Button>
        </form>
      ) : null}
      <p>
        <a href="/facilities/classes/mine">{t('facilities.classes.mine.title')}</a>
      </p>
    </Page>
  );
}

/** A table of seats (my seats page and the my-page section). */
export function SeatTable(props: { ctx: ViewContext; seats: SeatRow[]; caption: string; captionHidden?: boolean }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Table
      caption={props.caption}
      captionHidden={props.captionHidden ?? false}
      rows={props.seats}
      empty={t('facilities.classes.mine.none')}
      columns={[
        { header: t('facilities.classes.when'), cell: (s) => `${dayLabel(ctx, s.use_date)} ${timeRange(s.starts_at, s.ends_at)}` },
        { header: t('facilities.classes.classTitle'), cell: (s) => <a href={`/facilities/classes/seats/${s.id}`}>{s.title}</a> },
        { header: t('facilities.classes.where'), cell: (s) => `${s.facility_name} ${s.room_name}` },
        { header: t('facilities.classes.seat.status'), cell: (s) => (s.class_status === 'cancelled' ? t('facilities.classes.state.cancelled') : <SeatStatusTag ctx={ctx} status={s.status} />) },
      ]}
    />
  );
}

export function MySeatsPage(props: { ctx: ViewContext; upcoming: SeatRow[]; past: SeatRow[] }) {
  const { ctx } = props;
  const t = ctx.t;
  const title = t('facilities.classes.mine.title');
  return (
    <Page ctx={ctx} title={title} breadcrumbs={classCrumbs(ctx, { label: title })}>
      <FacilityStyles />
      <h1>{title}</h1>
      <SeatTable ctx={ctx} seats={props.upcoming} caption={t('facilities.classes.mine.upcoming')} />
      <SeatTable ctx={ctx} seats={props.past} caption={t('facilities.classes.mine.past')} />
      <p>
        <a href="/facilities/classes">{t('facilities.classes.findMore')}</a>
      </p>
    </Page>
  );
}
