/** Counter statistics: period form, totals, charts (each with its numbers as a table), by clerk, by bundle, by day. */
import { BarChart } from '../../platform/ui/components/bar-chart.tsx';
import { Button } from '../../platform/ui/components/button.tsx';
import { ErrorSummary } from '../../platform/ui/components/feedback.tsx';
import { DateInput } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList, Table, type Column } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import { formatDateEn, formatDateJa } from '../../platform/text/wareki.ts';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { bundleById } from './bundles.ts';
import type { CounterStats, GroupStats } from './counter-stats.ts';
import { COUNTER_HOME, counterCrumbs, local, minutesText, percentText, summaryErrors } from './view-common.tsx';

const fullDate = (ctx: ViewContext, iso: string) => (ctx.locale === 'ja' ? formatDateJa(iso) : formatDateEn(iso));
const shortDate = (iso: string) => `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}`;
const perVisit = (n: number | null) => (n === null ? '—' : n.toFixed(1));
const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A table row's day: 11月24日（火） / Tue 24/11. */
function ShortDay(props: { ctx: ViewContext; iso: string }) {
  const m = Number(props.iso.slice(5, 7));
  const d = Number(props.iso.slice(8, 10));
  const w = new Date(`${props.iso}T00:00:00Z`).getUTCDay();
  return <time dateTime={props.iso}>{props.ctx.locale === 'ja' ? `${m}月${d}日（${WEEKDAYS_JA[w]}）` : `${WEEKDAYS_EN[w]} ${d}/${m}`}</time>;
}

export function bundleLabel(ctx: ViewContext, bundleId: string | null): string {
  if (bundleId === null) return ctx.t('counter.stats.noBundle');
  const bundle = bundleById(bundleId);
  return bundle ? local(ctx, bundle.title) : bundleId;
}

function groupColumns<Row extends GroupStats>(ctx: ViewContext): Column<Row>[] {
  const t = ctx.t;
  return [
    { header: t('counter.stats.visits'), cell: (r) => r.visits, numeric: true },
    { header: t('counter.stats.median'), cell: (r) => minutesText(r.medianMinutes), numeric: true },
    { header: t('counter.stats.p90'), cell: (r) => minutesText(r.p90Minutes), numeric: true },
    { header: t('counter.stats.perVisit'), cell: (r) => perVisit(r.proceduresPerVisit), numeric: true },
    { header: t('counter.stats.secondScreen'), cell: (r) => percentText(r.secondScreenShare), numeric: true },
  ];
}

export function CounterStatsPage(props: { ctx: ViewContext; values: { from: string; to: string }; errors: Record<string, string>; stats: CounterStats | null; csvHref: string | null; jsonHref: string | null }) {
  const { ctx, values, errors, stats } = props;
  const t = ctx.t;
  const title = t('counter.stats.title');
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={counterCrumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      <p>{t('counter.stats.lead')}</p>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={summaryErrors(errors)} />
      <form method="get" action={`${COUNTER_HOME}/stats`}>
        <fieldset class="fieldset">
          <legend class="field-label">{t('counter.stats.period')}</legend>
          <div class="search-row">
            <DateInput name="from" label={t('counter.stats.from')} hint={t('counter.stats.date.hint')} value={values.from} error={errors.from ?? null} />
            <DateInput name="to" label={t('counter.stats.to')} hint={t('counter.stats.date.hint')} value={values.to} error={errors.to ?? null} />
          </div>
        </fieldset>
        <Button>{t('counter.stats.show')}</Button>
      </form>
      {stats ? <StatsBody ctx={ctx} stats={stats} csvHref={props.csvHref} jsonHref={props.jsonHref} /> : null}
    </Page>
  );
}

function StatsBody(props: { ctx: ViewContext; stats: CounterStats; csvHref: string | null; jsonHref: string | null }) {
  const { ctx, stats } = props;
  const t = ctx.t;
  const total = stats.totals;
  return (
    <>
      <h2>{t('counter.stats.summary')}</h2>
      <p>{t('counter.stats.range', { from: fullDate(ctx, stats.from), to: fullDate(ctx, stats.to), days: stats.days.length })}</p>
      <SummaryList
        items={[
          { key: t('counter.stats.visits'), value: total.visits },
          { key: t('counter.stats.median'), value: minutesText(total.medianMinutes) },
          { key: t('counter.stats.p90'), value: minutesText(total.p90Minutes) },
          { key: t('counter.stats.perVisit'), value: perVisit(total.proceduresPerVisit) },
          { key: t('counter.stats.secondScreen'), value: percentText(total.secondScreenShare) },
        ]}
      />
      <p class="field-hint">{t('counter.stats.definitions')}</p>
      <ul class="inline-list">
        {props.csvHref ? (
          <li>
            <a href={props.csvHref} download>
              {t('counter.stats.csv')}
            </a>
          </li>
        ) : null}
        {props.jsonHref ? (
          <li>
            <a href={props.jsonHref}>{t('counter.stats.json')}</a>
          </li>
        ) : null}
      </ul>

      <h2>{t('counter.stats.section.days')}</h2>
      <BarChart title={t('counter.stats.chart.days')} bars={stats.days.map((d) => ({ label: shortDate(d.date), value: d.visits }))} valueLabel={t('counter.stats.chart.values')} />

      <h2>{t('counter.stats.section.clerks')}</h2>
      <BarChart title={t('counter.stats.chart.clerks')} bars={stats.clerks.map((c) => ({ label: c.name.split('（')[0]!, value: Number(minutesText(c.medianMinutes)) || 0 }))} valueLabel={t('counter.stats.chart.values')} />
      <Table rowHeader id="clerks" caption={t('counter.stats.table.clerks')} rows={stats.clerks} empty={t('counter.stats.empty')} columns={[{ header: t('counter.stats.col.clerk'), cell: (c) => c.name }, ...groupColumns<(typeof stats.clerks)[number]>(ctx)]} />

      <h2>{t('counter.stats.section.bundles')}</h2>
      <BarChart title={t('counter.stats.chart.bundles')} bars={stats.bundles.map((b) => ({ label: bundleLabel(ctx, b.bundleId), value: Number(minutesText(b.medianMinutes)) || 0 }))} valueLabel={t('counter.stats.chart.values')} />
      <Table rowHeader id="bundles" caption={t('counter.stats.table.bundles')} rows={stats.bundles} empty={t('counter.stats.empty')} columns={[{ header: t('counter.stats.col.bundle'), cell: (b) => bundleLabel(ctx, b.bundleId) }, ...groupColumns<(typeof stats.bundles)[number]>(ctx)]} />

      <h2>{t('counter.stats.section.table')}</h2>
      <Table
        rowHeader
        id="days"
        caption={t('counter.stats.table.days', { from: fullDate(ctx, stats.from), to: fullDate(ctx, stats.to) })}
        rows={stats.days}
        empty={t('counter.stats.empty')}
        columns={[{ header: t('counter.stats.col.date'), cell: (d) => <ShortDay ctx={ctx} iso={d.date} /> }, ...groupColumns<(typeof stats.days)[number]>(ctx)]}
      />
    </>
  );
}
