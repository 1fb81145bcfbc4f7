/**
 * The occupancy page: a facility and month, the totals, a bar per room (the bar, its
 * percentage and hours written beside it, and a table of the same numbers — never
 * colour alone), and the twelve-month trend with no-show rate and revenue.
 */
import { BarChart } from '../../platform/ui/components/bar-chart.tsx';
import { Button } from '../../platform/ui/components/button.tsx';
import { ErrorSummary } from '../../platform/ui/components/feedback.tsx';
import { Select, TextInput } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { FacilityOccupancy, Figures, MonthFigures, RoomFigures } from './occupancy-service.ts';
import { errorList, percentText, staffCrumbs } from './staff-common.tsx';
import { FacilityStyles, yen } from './views-common.tsx';

export const hours = (minutes: number) => (minutes / 60).toFixed(1);

export function monthLabel(ctx: ViewContext, month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return ctx.locale === 'ja' ? `${y}年${m}月` : `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}`;
}

/** "42.5%（34.0 / 80.0時間）": the value every bar carries in text. */
function rateText(ctx: ViewContext, f: Figures): string {
  return ctx.t('facilities.office.occupancy.rateText', { rate: percentText(f.rate), booked: hours(f.bookedMinutes), available: hours(f.availableMinutes) });
}

/** Horizontal bars of occupancy per room on a 0–100% scale, each with its number written out. */
export function OccupancyChart(props: { ctx: ViewContext; title: string; rooms: RoomFigures[] }) {
  const { ctx, rooms } = props;
  const rowHeight = 34;
  const labelWidth = 150;
  const barWidth = 300;
  const width = labelWidth + barWidth + 230;
  const height = Math.max(1, rooms.length) * rowHeight + 28;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.title} class="chart-svg">
        {[0, 50, 100].map((p) => (
          <g>
            <line x1={labelWidth + (barWidth * p) / 100} y1={4} x2={labelWidth + (barWidth * p) / 100} y2={height - 22} class="chart-axis" stroke-dasharray={p === 0 ? undefined : '3 3'} />
            <text x={labelWidth + (barWidth * p) / 100} y={height - 6} text-anchor="middle" class="chart-label">
              {p}%
            </text>
          </g>
        ))}
        {rooms.map((r, i) => {
          const y = 6 + i * rowHeight;
          const w = barWidth * Math.min(1, r.rate ?? 0);
          return (
            <g>
              <text x={labelWidth - 8} y={y + 17} text-anchor="end" class="chart-label">
                {r.roomName}
              </text>
              <rect x={labelWidth} y={y} width={barWidth} height={22} fill="none" class="chart-axis" />
              <rect x={labelWidth} y={y} width={w} height={22} class="chart-bar" />
              <text x={labelWidth + barWidth + 8} y={y + 16} class="chart-value">
                {rateText(ctx, r)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{props.title}</figcaption>
    </figure>
  );
}

export interface OccupancyFormValues {
  facility: string;
  month: string;
}

export function OccupancyPage(props: { ctx: ViewContext; facilities: { id: string; name: string }[]; values: OccupancyFormValues; errors: Record<string, string>; occupancy: FacilityOccupancy | null; csvHref: string | null; jsonHref: string | null }) {
  const { ctx, occupancy: o, values, errors } = props;
  const t = ctx.t;
  const title = t('facilities.office.occupancy.title');
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={staffCrumbs(ctx, { label: title })}>
      <FacilityStyles />
      <h1>{title}</h1>
      <p>{t('facilities.office.occupancy.lead')}</p>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(errors)} />
      <form method="get" action="/staff/facilities/occupancy">
        <div class="search-row">
          <Select name="facility" label={t('facilities.office.facility')} value={values.facility} error={errors.facility ?? null} options={props.facilities.map((f) => ({ value: f.id, label: f.name }))} />
          <TextInput name="month" label={t('facilities.office.occupancy.month')} hint={t('facilities.office.occupancy.monthHint')} value={values.month} error={errors.month ?? null} width="medium" />
        </div>
        <Button variant="secondary">{t('facilities.office.occupancy.show')}</Button>
      </form>
      {o ? <OccupancyBody ctx={ctx} occupancy={o} csvHref={props.csvHref} jsonHref={props.jsonHref} /> : null}
    </Page>
  );
}

function OccupancyBody(props: { ctx: ViewContext; occupancy: FacilityOccupancy; csvHref: string | null; jsonHref: string | null }) {
  const { ctx, occupancy: o } = props;
  const t = ctx.t;
  const month = monthLabel(ctx, o.month);
  return (
    <>
      <h2 id="summary">{t('facilities.office.occupancy.summary', { facility: o.facility.name, month })}</h2>
      <SummaryList
        items={[
          { key: t('facilities.office.occupancy.rate'), value: rateText(ctx, o.totals) },
          { key: t('facilities.office.occupancy.blocked'), value: t('facilities.office.occupancy.hoursValue', { hours: hours(o.totals.blockedMinutes) }) },
          { key: t('facilities.office.occupancy.bookings'), value: o.totals.bookings },
          { key: t('facilities.office.occupancy.noShowRate'), value: t('facilities.office.occupancy.noShowText', { rate: percentText(o.totals.noShowRate), noShows: o.totals.noShows, past: o.totals.pastBookings }) },
          { key: t('facilities.office.occupancy.revenue'), value: yen(ctx, o.totals.revenueYen) },
        ]}
      />
      <ul class="inline-list">
        {props.csvHref ? (
          <li>
            <a href={props.csvHref} download>
              {t('facilities.office.occupancy.csv')}
            </a>
          </li>
        ) : null}
        {props.jsonHref ? (
          <li>
            <a href={props.jsonHref}>{t('facilities.office.occupancy.json')}</a>
          </li>
        ) : null}
      </ul>
      <h2>{t('facilities.office.occupancy.byRoom')}</h2>
      <OccupancyChart ctx={ctx} title={t('facilities.office.occupancy.chartTitle', { facility: o.facility.name, month })} rooms={o.rooms} />
      <Table
        id="occupancy-rooms"
        caption={t('facilities.office.occupancy.roomTable', { month })}
        rows={o.rooms}
        empty={t('facilities.office.occupancy.noRooms')}
        rowHeader
        columns={[
          { header: t('facilities.office.occupancy.room'), cell: (r: RoomFigures) => r.roomName },
          { header: t('facilities.office.occupancy.rate'), cell: (r) => percentText(r.rate), numeric: true },
          { header: t('facilities.office.occupancy.bookedHours'), cell: (r) => hours(r.bookedMinutes), numeric: true },
          { header: t('facilities.office.occupancy.availableHours'), cell: (r) => hours(r.availableMinutes), numeric: true },
          { header: t('facilities.office.occupancy.blockedHours'), cell: (r) => hours(r.blockedMinutes), numeric: true },
          { header: t('facilities.office.occupancy.bookings'), cell: (r) => r.bookings, numeric: true },
          { header: t('facilities.office.occupancy.noShows'), cell: (r) => r.noShows, numeric: true },
          { header: t('facilities.office.occupancy.revenue'), cell: (r) => yen(ctx, r.revenueYen), numeric: true },
        ]}
      />
      <h2>{t('facilities.office.occupancy.trend')}</h2>
      <BarChart title={t('facilities.office.occupancy.trendChart', { facility: o.facility.name })} bars={o.trend.map((m) => ({ label: `${Number(m.month.slice(5))}${ctx.locale === 'ja' ? '月' : ''}`, value: m.rate === null ? 0 : Math.round(m.rate * 1000) / 10 }))} valueLabel={t('facilities.office.occupancy.trendValues')} />
      <Table
        id="occupancy-trend"
        caption={t('facilities.office.occupancy.trendTable')}
        rows={o.trend}
        empty="—"
        rowHeader
        columns={[
          { header: t('facilities.office.occupancy.month'), cell: (m: MonthFigures) => monthLabel(ctx, m.month) },
          { header: t('facilities.office.occupancy.rate'), cell: (m) => percentText(m.rate), numeric: true },
          { header: t('facilities.office.occupancy.bookedHours'), cell: (m) => hours(m.bookedMinutes), numeric: true },
          { header: t('facilities.office.occupancy.availableHours'), cell: (m) => hours(m.availableMinutes), numeric: true },
          { header: t('facilities.office.occupancy.noShowRate'), cell: (m) => percentText(m.noShowRate), numeric: true },
          { header: t('facilities.office.occupancy.revenue'), cell: (m) => yen(ctx, m.revenueYen), numeric: true },
        ]}
      />
    </>
  );
}
