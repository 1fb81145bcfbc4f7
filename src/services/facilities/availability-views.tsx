/** Public availability pages: one day across rooms (with filters), one room by week or month. */
import { Button } from '../../platform/ui/components/button.tsx';
import { ErrorSummary } from '../../platform/ui/components/feedback.tsx';
import { Select, TextInput } from '../../platform/ui/components/form-fields.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { addDays } from '../../platform/time/today.ts';
import { CELL_SYMBOL, type Cell, type CellState } from './availability.ts';
import type { DayTable, RoomCalendar } from './availability-service.ts';
import type { Slot } from './calendar.ts';
import { AREAS } from './tables.ts';
import { FacilityIllustration } from './facility-illustration.tsx';
import { crumbs, dayLabel, errorList, FacilityStyles, shortDay, timeRange } from './views-common.tsx';

export interface SearchValues {
  area: string;
  purpose: string;
  capacity: string;
  date: string;
}

const LEGEND: CellState[] = ['free', 'booked', 'lottery', 'lottery_planned', 'unavailable', 'closed', 'outside', 'past', 'not_yet'];

export function Legend(props: { ctx: ViewContext }) {
  const t = props.ctx.t;
  return (
    <div>
      <h2 class="visually-hidden">{t('facilities.legend.title')}</h2>
      <ul class="fac-legend" aria-label={t('facilities.legend.title')}>
        {LEGEND.map((s) => (
          <li>
            <span class={`fac-cell fac-cell-${s}`}>
              <span class="fac-symbol" aria-hidden="true">
                {CELL_SYMBOL[s]}
              </span>
              {t(`facilities.cell.${s}`)}
            </span>{' '}
            {t(`facilities.cell.${s}.hint`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function slotHeader(ctx: ViewContext, slot: Slot): string {
  const name = ctx.locale === 'ja' ? slot.nameJa : slot.nameEn;
  const range = timeRange(slot.startsAt, slot.endsAt);
  return name === range ? range : `${name} ${range}`;
}

/** One cell: symbol + word, a booking link when free (with the full context for screen readers). */
export function CellView(props: { ctx: ViewContext; cell: Cell; roomId: string; date: string; context: string }) {
  const { ctx, cell } = props;
  const t = ctx.t;
  const body = (
    <>
      <span class="fac-symbol" aria-hidden="true">
        {CELL_SYMBOL[cell.state]}
      </span>
      {t(`facilities.cell.${cell.state}`)}
    </>
  );
  if (cell.state === 'free') {
    const href = `/facilities/book?room=${encodeURIComponent(props.roomId)}&date=${props.date}&blocks=${encodeURIComponent(cell.slot.code)}`;
    return (
      <a class="fac-cell fac-cell-free" href={href} data-state="free">
        {body}
        <span class="visually-hidden">{t('facilities.cell.bookLabel', { what: props.context })}</span>
      </a>
    );
  }
  return (
    <span class={`fac-cell fac-cell-${cell.state}`} data-state={cell.state} title={cell.note || undefined}>
      {body}
      {cell.note ? <span class="visually-hidden">（{cell.note}）</span> : null}
    </span>
  );
}

function DayTableView(props: { ctx: ViewContext; table: DayTable; date: string; index: number }) {
  const { ctx, table } = props;
  const t = ctx.t;
  const id = `day-${props.index}`;
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-labelledby={`${id}-caption`}>
      <table class="table fac-grid" id={id}>
        <caption id={`${id}-caption`} class="table-caption">
          <a href={`/facilities/${table.facility.id}`}>{table.facility.name}</a>（{table.facility.area}）
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('facilities.grid.room')}</th>
            {table.columns.map((c) => (
              <th scope="col">{slotHeader(ctx, c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr>
              <th scope="row">
                <a href={`/facilities/rooms/${row.room.id}?view=week&date=${props.date}`}>{row.room.name}</a>
                <br />
                <span class="field-hint">{t('facilities.room.capacityShort', { n: row.room.capacity })}</span>
              </th>
              {row.cells.map((cell) => (
                <td>
                  <CellView ctx={ctx} cell={cell} roomId={row.room.id} date={props.date} context={`${table.facility.name} ${row.room.name} ${dayLabel(ctx, props.date)} ${slotHeader(ctx, cell.slot)}`} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SearchPage(props: {
  ctx: ViewContext;
  values: SearchValues;
  errors: Record<string, string>;
  date: string;
  today: string;
  purposes: { code: string; nameJa: string; nameEn: string }[];
  tables: DayTable[];
  facilities: { id: string; name: string; area: string; kind: import('./tables.ts').FacilityKind; description: string }[];
  signedIn: boolean;
}) {
  const { ctx, values } = props;
  const t = ctx.t;
  const query = (date: string) => `/facilities?${new URLSearchParams({ ...(values.area ? { area: values.area } : {}), ...(values.purpose ? { purpose: values.purpose } : {}), ...(values.capacity ? { capacity: values.capacity } : {}), date }).toString()}#results`;
  return (
    <Page ctx={ctx} title={t('facilities.title')} breadcrumbs={crumbs(ctx)}>
      <FacilityStyles />
      <h1>{t('facilities.title')}</h1>
      <p>{t('facilities.home.lead')}</p>
      <p>
        {props.signedIn ? (
          <>
            <a href="/facilities/mine">{t('facilities.mine.title')}</a> ・ <a href="/facilities/groups">{t('facilities.groups.title')}</a>
          </>
        ) : (
          t('facilities.home.loginToBook')
        )}
      </p>
      <p>
        <a href="/facilities/classes">{t('facilities.classes.link')}</a>
      </p>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(props.errors)} />
      <form method="get" action="/facilities" novalidate>
        <div class="fac-filters">
          <Select name="area" label={t('facilities.filter.area')} value={values.area} emptyLabel={t('facilities.filter.any')} options={AREAS.map((a) => ({ value: a, label: ctx.locale === 'ja' ? a : t(`facilities.area.${a}`) }))} />
          <Select name="purpose" label={t('facilities.filter.purpose')} value={values.purpose} emptyLabel={t('facilities.filter.any')} options={props.purposes.map((p) => ({ value: p.code, label: ctx.locale === 'ja' ? p.nameJa : p.nameEn }))} />
          <TextInput name="capacity" label={t('facilities.filter.capacity')} hint={t('facilities.filter.capacity.hint')} value={values.capacity} error={props.errors.capacity} inputmode="numeric" width="short" maxLength={5} />
          <TextInput name="date" label={t('facilities.filter.date')} hint={t('facilities.filter.date.hint')} value={values.date} error={props.errors.date} width="medium" maxLength={30} />
        </div>
        <Button>{t('facilities.filter.submit')}</Button>
      </form>
      <h2 id="results">{t('facilities.results.title', { date: dayLabel(ctx, props.date) })}</h2>
      <nav class="fac-paging" aria-label={t('facilities.paging.days')}>
        {props.date > props.today ? <a href={query(addDays(props.date, -1))}>{t('facilities.paging.prevDay')}</a> : null}
        <a href={query(addDays(props.date, 1))}>{t('facilities.paging.nextDay')}</a>
        <a href={query(addDays(props.date, 7))}>{t('facilities.paging.nextWeek')}</a>
      </nav>
      <Legend ctx={ctx} />
      {props.tables.length === 0 ? <p>{t('facilities.results.none')}</p> : props.tables.map((table, i) => <DayTableView ctx={ctx} table={table} date={props.date} index={i} />)}
      <h2>{t('facilities.list.title')}</h2>
      <ul class="card-list">
        {props.facilities.map((f) => (
          <li class="card">
            <div class="fac-heading">
              <FacilityIllustration kind={f.kind} />
              <h3>
                <a href={`/facilities/${f.id}`}>{f.name}</a>
              </h3>
            </div>
            <p>
              {t('facilities.facility.area')}：{f.area}
            </p>
          </li>
        ))}
      </ul>
      <p>
        <a href="/api/docs">{t('facilities.home.api')}</a>
      </p>
    </Page>
  );
}

export function RoomCalendarPage(props: { ctx: ViewContext; calendar: RoomCalendar; today: string }) {
  const { ctx, calendar } = props;
  const t = ctx.t;
  const title = `${calendar.facility.name} ${calendar.room.name}`;
  const link = (view: string, date: string) => `/facilities/rooms/${calendar.room.id}?view=${view}&date=${date}`;
  const id = 'room-calendar';
  return (
    <Page ctx={ctx} title={title} breadcrumbs={crumbs(ctx, { href: `/facilities/${calendar.facility.id}`, label: calendar.facility.name }, { label: calendar.room.name })}>
      <FacilityStyles />
      <h1>{title}</h1>
      <p>
        {t('facilities.room.capacity', { n: calendar.room.capacity })}
        {calendar.room.needsApproval ? `　${t('facilities.room.needsApproval')}` : ''}
      </p>
      <nav class="fac-paging" aria-label={t('facilities.paging.views')}>
        {calendar.view === 'week' ? <strong>{t('facilities.view.week')}</strong> : <a href={link('week', calendar.from)}>{t('facilities.view.week')}</a>}
        {calendar.view === 'month' ? <strong>{t('facilities.view.month')}</strong> : <a href={link('month', calendar.from)}>{t('facilities.view.month')}</a>}
        <a href={`/facilities?date=${calendar.from < props.today ? props.today : calendar.from}&area=${encodeURIComponent(calendar.facility.area)}#results`}>{t('facilities.view.day')}</a>
      </nav>
      <nav class="fac-paging" aria-label={t('facilities.paging.range')}>
        {calendar.to > props.today && calendar.from > props.today ? <a href={link(calendar.view, calendar.previous)}>{t(calendar.view === 'week' ? 'facilities.paging.prevWeek' : 'facilities.paging.prevMonth')}</a> : null}
        <a href={link(calendar.view, calendar.next)}>{t(calendar.view === 'week' ? 'facilities.paging.nextWeek' : 'facilities.paging.nextMonth')}</a>
      </nav>
      <Legend ctx={ctx} />
      <div class="table-wrap" role="region" tabIndex={0} aria-labelledby={`${id}-caption`}>
        <table class="table fac-grid" id={id}>
          <caption id={`${id}-caption`} class="table-caption">
            {t('facilities.calendar.caption', { room: title, from: dayLabel(ctx, calendar.from), to: dayLabel(ctx, addDays(calendar.to, -1)) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('facilities.grid.date')}</th>
              {calendar.columns.map((c) => (
                <th scope="col">{slotHeader(ctx, c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {calendar.days.map((day) => (
              <tr>
                <th scope="row">{shortDay(ctx, day.date)}</th>
                {day.cells.map((cell) => (
                  <td>
                    <CellView ctx={ctx} cell={cell} roomId={calendar.room.id} date={day.date} context={`${title} ${dayLabel(ctx, day.date)} ${slotHeader(ctx, cell.slot)}`} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Page>
  );
}
