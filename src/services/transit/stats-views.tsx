/** The operators' statistics page: period form, totals, charts (each with its numbers) and tables. */
import { BarChart } from '../../platform/ui/components/bar-chart.tsx';
import { Button } from '../../platform/ui/components/button.tsx';
import { ErrorSummary } from '../../platform/ui/components/feedback.tsx';
import { DateInput } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList, Table, type Column } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { Translate } from '../../platform/i18n/i18n.ts';
import { formatDateEn, formatDateJa } from '../../platform/text/wareki.ts';
import { transitCrumbs } from './resident-views.tsx';
import { REFUSAL_REASONS, type DayStats, type OnTime, type TransitStats } from './stats-service.ts';

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Beyond this many days the rides chart shows months (a bar per day would be unreadable). */
const DAILY_CHART_MAX_DAYS = 62;


export interface StatsFormValues {
  from: string;
  to: string;
}

/** A refusal reason as staff read it (an unknown code is shown as it is). */
export function refusalLabel(t: Translate, reason: string): string {
  return (REFUSAL_REASONS as readonly string[]).includes(reason) ? t(`transit.stats.reason.${reason}`) : t('transit.stats.col.other', { reason });
}

function ymd(iso: string) {
  return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)), w: new Date(`${iso}T00:00:00Z`).getUTCDay() };
}

/** A short day for table rows: 4月1日（水） / Wed 1 Apr. */
function ShortDay(props: { ctx: ViewContext; iso: string }) {
  const { m, d, w } = ymd(props.iso);
  return <time dateTime={props.iso}>{props.ctx.locale === 'ja' ? `${m}月${d}日（${WEEKDAYS_JA[w]}）` : `${WEEKDAYS_EN[w]} ${d} ${MONTHS_EN[m - 1]}`}</time>;
}

const fullDate = (ctx: ViewContext, iso: string) => (ctx.locale === 'ja' ? formatDateJa(iso) : formatDateEn(iso));
const km = (n: number) => n.toFixed(1);
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const perKm = (n: number | null) => (n === null ? '—' : n.toFixed(2));

/** Bars of completed rides: one per day, or per month over long periods. */
function rideBars(days: DayStats[], locale: ViewContext['locale']): { label: string; value: number }[] {
  if (days.length <= DAILY_CHART_MAX_DAYS) return days.map((d) => ({ label: `${ymd(d.date).m}/${ymd(d.date).d}`, value: d.completed }));
  const months = new Map<string, number>();
  for (const d of days) months.set(d.date.slice(0, 7), (months.get(d.date.slice(0, 7)) ?? 0) + d.completed);
  return [...months].map(([month, value]) => {
    const y = Number(month.slice(0, 4));
    const m = Number(month.slice(5, 7));
    return { label: locale === 'ja' ? `${y}/${m}` : `${MONTHS_EN[m - 1]} ${y}`, value };
  });
}

function onTimeDetail(t: Translate, o: OnTime): string {
  return t('transit.stats.onTimeDetail', { onTime: o.onTime, early: o.early, late: o.late, unrecorded: o.unrecorded });
}

function onTimeBars(t: Translate, o: OnTime) {
  return [
    { label: t('transit.stats.onTime.onTime'), value: o.onTime },
    { label: t('transit.stats.onTime.early'), value: o.early },
    { label: t('transit.stats.onTime.late'), value: o.late },
    { label: t('transit.stats.onTime.unrecorded'), value: o.unrecorded },
  ];
}

export function StatsPage(props: { ctx: ViewContext; values: StatsFormValues; errors: Record<string, string>; stats: TransitStats | null; csvHref: string | null; jsonHref: string | null }) {
  const { ctx, values, errors, stats } = props;
  const t = ctx.t;
  const title = t('transit.stats.title');
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={transitCrumbs(ctx, title, 'staff')}>
      <h1>{title}</h1>
      <p>{t('transit.stats.lead')}</p>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={Object.entries(errors).map(([field, message]) => ({ field, message }))} />
      <form method="get" action="/staff/transit/stats">
        <fieldset class="fieldset">
          <legend class="field-label">{t('transit.stats.form.legend')}</legend>
          <div class="search-row">
            <DateInput name="from" label={t('transit.stats.from')} hint={t('transit.stats.date.hint')} value={values.from} error={errors.from ?? null} />
            <DateInput name="to" label={t('transit.stats.to')} hint={t('transit.stats.date.hint')} value={values.to} error={errors.to ?? null} />
          </div>
        </fieldset>
        <Button>{t('transit.stats.submit')}</Button>
      </form>
      {stats ? <StatsBody ctx={ctx} stats={stats} csvHref={props.csvHref} jsonHref={props.jsonHref} /> : null}
    </Page>
  );
}

function StatsBody(props: { ctx: ViewContext; stats: TransitStats; csvHref: string | null; jsonHref: string | null }) {
  const { ctx, stats } = props;
  const t = ctx.t;
  const total = stats.totals;
  const emptyShare = total.km > 0 ? percent(total.emptyKm / total.km) : '—';
  const monthly = stats.days.length > DAILY_CHART_MAX_DAYS;
  return (
    <>
      <h2 id="summary">{t('transit.stats.summary')}</h2>
      <p>{t('transit.stats.period', { from: fullDate(ctx, stats.from), to: fullDate(ctx, stats.to), days: stats.days.length })}</p>
      <SummaryList
        items={[
          { key: t('transit.stats.booked'), value: total.booked },
          { key: t('transit.stats.completed'), value: total.completed },
          { key: t('transit.stats.cancelled'), value: total.cancelled },
          { key: t('transit.stats.noShows'), value: total.noShows },
          { key: t('transit.stats.passengers'), value: total.passengers },
          { key: t('transit.stats.refused'), value: total.refused },
          { key: t('transit.stats.onTimeRate'), value: total.onTime.rate === null ? onTimeDetail(t, total.onTime) : `${percent(total.onTime.rate)} — ${onTimeDetail(t, total.onTime)}` },
          { key: t('transit.stats.km'), value: km(total.km) },
          { key: t('transit.stats.emptyKm'), value: t('transit.stats.emptyShare', { km: km(total.emptyKm), share: emptyShare }) },
          { key: t('transit.stats.passengerKm'), value: km(total.passengerKm) },
          { key: t('transit.stats.occupancy'), value: perKm(total.occupancy) },
        ]}
      />
      <ul class="inline-list">
        {props.csvHref ? (
          <li>
            <a href={props.csvHref} download>
              {t('transit.stats.csv')}
            </a>
          </li>
        ) : null}
        {props.jsonHref ? (
          <li>
            <a href={props.jsonHref}>{t('transit.stats.json')}</a>
          </li>
        ) : null}
      </ul>

      <h2>{t('transit.stats.section.rides')}</h2>
      <BarChart title={t(monthly ? 'transit.stats.chart.ridesMonthly' : 'transit.stats.chart.rides')} bars={rideBars(stats.days, ctx.locale)} valueLabel={t('transit.stats.chart.ridesValues')} />

      <h2>{t('transit.stats.section.refusals')}</h2>
      <BarChart title={t('transit.stats.chart.refusals')} bars={stats.refusals.map((r) => ({ label: refusalLabel(t, r.reason), value: r.count }))} valueLabel={t('transit.stats.chart.refusalsValues')} />
      <Table
        caption={t('transit.stats.table.refusals')}
        rows={stats.refusals}
        empty={t('transit.stats.table.empty')}
        columns={[
          { header: t('transit.stats.col.reason'), cell: (r) => refusalLabel(t, r.reason) },
          { header: t('transit.stats.col.count'), cell: (r) => r.count, numeric: true },
        ]}
      />

      <h2>{t('transit.stats.section.onTime')}</h2>
      <p>
        {t('transit.stats.onTimeRate')}: <strong>{percent(total.onTime.rate)}</strong>
        <br />
        {onTimeDetail(t, total.onTime)}
      </p>
      <BarChart title={t('transit.stats.chart.onTime')} bars={onTimeBars(t, total.onTime)} valueLabel={t('transit.stats.chart.onTimeValues')} />

      <h2>{t('transit.stats.section.days')}</h2>
      <Table
        rowHeader
        id="days"
        caption={t('transit.stats.table.days', { from: fullDate(ctx, stats.from), to: fullDate(ctx, stats.to) })}
        rows={stats.days}
        empty={t('transit.stats.table.empty')}
        columns={[
          { header: t('transit.stats.col.date'), cell: (d) => <ShortDay ctx={ctx} iso={d.date} /> },
          { header: t('transit.stats.booked'), cell: (d) => d.booked, numeric: true },
          { header: t('transit.stats.completed'), cell: (d) => d.completed, numeric: true },
          { header: t('transit.stats.cancelled'), cell: (d) => d.cancelled, numeric: true },
          { header: t('transit.stats.noShows'), cell: (d) => d.noShows, numeric: true },
          { header: t('transit.stats.passengers'), cell: (d) => d.passengers, numeric: true },
          { header: t('transit.stats.refused'), cell: (d) => d.refused, numeric: true },
          { header: t('transit.stats.col.onTimeRate'), cell: (d) => percent(d.onTime.rate), numeric: true },
          { header: t('transit.stats.km'), cell: (d) => km(d.km), numeric: true },
          { header: t('transit.stats.emptyKm'), cell: (d) => km(d.emptyKm), numeric: true },
          { header: t('transit.stats.occupancy'), cell: (d) => perKm(d.occupancy), numeric: true },
        ]}
      />

      <h2>{t('transit.stats.section.vehicles')}</h2>
      <Table
        rowHeader
        id="vehicles"
        caption={t('transit.stats.table.vehicles')}
        rows={stats.vehicles}
        empty={t('transit.stats.table.empty')}
        columns={[
          { header: t('transit.stats.col.vehicle'), cell: (v) => v.name },
          { header: t('transit.stats.col.days'), cell: (v) => v.days, numeric: true },
          { header: t('transit.stats.col.rides'), cell: (v) => v.rides, numeric: true },
          { header: t('transit.stats.passengers'), cell: (v) => v.passengers, numeric: true },
          { header: t('transit.stats.km'), cell: (v) => km(v.km), numeric: true },
          { header: t('transit.stats.emptyKm'), cell: (v) => km(v.emptyKm), numeric: true },
          { header: t('transit.stats.occupancy'), cell: (v) => perKm(v.occupancy), numeric: true },
        ]}
      />

      <h2>{t('transit.stats.section.notes')}</h2>
      <ul>
        <li>{t('transit.stats.note.onTime')}</li>
        <li>{t('transit.stats.note.km')}</li>
        <li>{t('transit.stats.note.empty')}</li>
        <li>{t('transit.stats.note.occupancy')}</li>
        <li>{t(`transit.stats.note.source.${stats.distanceSource}`)}</li>
      </ul>
    </>
  );
}
