/**
 * 会計課's reconciliation pages: the daily reports (with a form to run a day), and
 * one day's report. Differences are marked in words (「差異」, a count in every
 * heading, a status in text), not by colour alone.
 */
import { Button } from '../ui/components/button.tsx';
import { CsrfField, DateInput } from '../ui/components/form-fields.tsx';
import { ErrorSummary, NotificationBanner } from '../ui/components/feedback.tsx';
import { Pagination } from '../ui/components/navigation.tsx';
import { SummaryList, Table } from '../ui/components/table.tsx';
import { DateText } from '../ui/components/date-text.tsx';
import { Page } from '../ui/layout.tsx';
import type { ViewContext } from '../ui/view-context.ts';
import { japanDateTime } from './payment-dates.ts';
import type { ReconciliationItem } from './reconciliation-compare.ts';
import type { StoredReconciliation } from './reconciliation.ts';
import { crumbs, PaymentsNav, ReconciliationStatusTag, STAFF_PATH, yen } from './staff-common.tsx';

const RECON_PATH = `${STAFF_PATH}/reconciliation`;

export function ReconciliationListPage(props: { ctx: ViewContext; rows: StoredReconciliation[]; page: number; pageCount: number; form: { date: string }; errors: Record<string, string> }) {
  const { ctx } = props;
  const t = ctx.t;
  const title = t('payments.recon.title');
  return (
    <Page ctx={ctx} title={title} shell="staff" breadcrumbs={crumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      <PaymentsNav ctx={ctx} current="reconciliation" />
      <p>{t('payments.recon.lead')}</p>
      <h2>{t('payments.recon.run')}</h2>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={Object.entries(props.errors).map(([field, message]) => ({ field, message }))} />
      <form method="post" action={RECON_PATH} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <DateInput name="date" label={t('payments.recon.date')} hint={t('payments.recon.date.hint')} value={props.form.date} error={props.errors.date ?? null} required requiredLabel={t('ui.required')} />
        <Button variant="secondary">{t('payments.recon.runButton')}</Button>
      </form>
      <h2>{t('payments.recon.reports')}</h2>
      <Table
        caption={t('payments.recon.reports')}
        captionHidden
        id="reconciliations"
        rows={props.rows}
        empty={t('payments.recon.none')}
        columns={[
          { header: t('payments.recon.col.date'), cell: (r) => <a href={`${RECON_PATH}/${r.date}`}>{r.date}</a> },
          { header: t('payments.recon.col.status'), cell: (r) => <ReconciliationStatusTag ctx={ctx} status={r.status} /> },
          { header: t('payments.recon.col.matched'), cell: (r) => String(r.matchedCount), numeric: true },
          { header: t('payments.recon.col.discrepancies'), cell: (r) => (r.discrepancyCount ? <strong>{t('payments.recon.discrepancyCount', { count: r.discrepancyCount })}</strong> : '0'), numeric: true },
          { header: t('payments.recon.col.payout'), cell: (r) => (r.report.payout ? yen(ctx, r.report.payout.netYen) : '—'), numeric: true },
          { header: t('payments.recon.col.runAt'), cell: (r) => `${japanDateTime(r.runAt)}（${t(`payments.actor.${r.runBy.type}`)}）` },
        ]}
      />
      <Pagination t={t} page={props.page} pageCount={props.pageCount} baseHref={RECON_PATH} />
    </Page>
  );
}

function ItemTable(props: { ctx: ViewContext; id: string; caption: string; items: ReconciliationItem[]; marker: string | null; canQuery: boolean; date: string }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Table
      caption={props.caption}
      captionHidden
      id={props.id}
      rows={props.items}
      empty={t('payments.recon.items.none')}
      columns={[
        { header: t('payments.recon.col.kind'), cell: (i) => `${props.marker ? `${props.marker} ` : ''}${t(`payments.recon.kind.${i.kind}`)}` },
        { header: t('payments.field.at'), cell: (i) => japanDateTime(new Date(i.occurredAt), true) },
        { header: t('payments.recon.col.payment'), cell: (i) => <a href={`${STAFF_PATH}/${i.paymentId}`}>{i.description ?? i.paymentId}</a> },
        { header: t('payments.recon.col.city'), cell: (i) => yen(ctx, i.cityYen), numeric: true },
        { header: t('payments.recon.col.provider'), cell: (i) => yen(ctx, i.providerYen), numeric: true },
        ...(props.canQuery
          ? [
              {
                header: t('payments.recon.col.action'),
                cell: (i: ReconciliationItem) => (
                  <form method="post" action={`${STAFF_PATH}/${i.paymentId}/reconcile`} class="inline-form">
                    <CsrfField token={ctx.csrfToken} />
                    <input type="hidden" name="back" value={`${RECON_PATH}/${props.date}`} />
                    <Button variant="tertiary">{t('payments.staff.query')}</Button>
                  </form>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

export function ReconciliationDayPage(props: { ctx: ViewContext; runs: StoredReconciliation[] }) {
  const { ctx } = props;
  const t = ctx.t;
  const latest = props.runs[0]!;
  const r = latest.report;
  const title = t('payments.recon.day.title', { date: latest.date });
  const marker = t('payments.recon.marker');
  const section = (id: string, key: string, items: ReconciliationItem[], canQuery = false) => (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {t(key)}（{t('payments.recon.count', { count: items.length })}）
      </h2>
      <p>{t(`${key}.lead`)}</p>
      <ItemTable ctx={ctx} id={id} caption={t(key)} items={items} marker={items.length ? marker : null} canQuery={canQuery} date={latest.date} />
    </section>
  );
  return (
    <Page ctx={ctx} title={title} shell="staff" breadcrumbs={crumbs(ctx, { href: RECON_PATH, label: t('payments.recon.title') }, { label: latest.date })}>
      <h1>{title}</h1>
      <PaymentsNav ctx={ctx} current="reconciliation" />
      <NotificationBanner kind={latest.status === 'discrepancies' ? 'error' : latest.status === 'resolved' ? 'info' : 'success'} title={t(`payments.recon.banner.${latest.status}`, { count: latest.discrepancyCount, resolved: r.resolved.length })} />
      <p>
        <DateText iso={latest.date} locale={ctx.locale} /> ／ {t('payments.recon.ranAt', { at: japanDateTime(latest.runAt), by: t(`payments.actor.${latest.runBy.type}`) })}
      </p>
      <h2>{t('payments.recon.totals')}</h2>
      <Table
        caption={t('payments.recon.totals')}
        captionHidden
        id="reconciliation-totals"
        rowHeader
        rows={(['captures', 'capturesYen', 'refunds', 'refundsYen'] as const).map((k) => ({ k, city: r.totals.city[k], provider: r.totals.provider[k] }))}
        empty=""
        columns={[
          { header: t('payments.recon.col.item'), cell: (row) => t(`payments.recon.total.${row.k}`) },
          { header: t('payments.recon.col.city'), cell: (row) => (row.k.endsWith('Yen') ? yen(ctx, row.city) : String(row.city)), numeric: true },
          { header: t('payments.recon.col.provider'), cell: (row) => (row.k.endsWith('Yen') ? yen(ctx, row.provider) : String(row.provider)), numeric: true },
          { header: t('payments.recon.col.difference'), cell: (row) => (row.city === row.provider ? t('payments.recon.same') : `${marker} ${row.k.endsWith('Yen') ? yen(ctx, row.city - row.provider) : row.city - row.provider}`), numeric: true },
        ]}
      />
      {section('missing-at-city', 'payments.recon.missingAtCity', r.missingAtCity, true)}
      {section('missing-at-provider', 'payments.recon.missingAtProvider', r.missingAtProvider)}
      {section('amount-mismatches', 'payments.recon.amountMismatches', r.amountMismatches)}
      <section aria-labelledby="resolved-title">
        <h2 id="resolved-title">
          {t('payments.recon.resolved')}（{t('payments.recon.count', { count: r.resolved.length })}）
        </h2>
        <p>{t('payments.recon.resolved.lead')}</p>
        <ItemTable ctx={ctx} id="resolved" caption={t('payments.recon.resolved')} items={r.resolved} marker={null} canQuery={false} date={latest.date} />
      </section>
      <h2>{t('payments.recon.ledger')}</h2>
      <SummaryList
        items={[
          { key: t('payments.recon.clearing'), value: yen(ctx, r.clearingBalanceYen) },
          { key: t('payments.recon.payout'), value: r.payout ? t('payments.recon.payout.value', { ref: r.payout.payoutRef, gross: yen(ctx, r.payout.grossYen), refunded: yen(ctx, r.payout.refundedYen), fee: yen(ctx, r.payout.feeYen), net: yen(ctx, r.payout.netYen) }) : t('payments.recon.payout.none') },
          { key: t('payments.recon.matched'), value: t('payments.recon.count', { count: r.matched.length }) },
        ]}
      />
      <p>
        <a href={`${RECON_PATH}/${latest.date}/report.csv`} download>
          {t('payments.recon.csv')}
        </a>
      </p>
      <h2>{t('payments.recon.history')}</h2>
      <Table
        caption={t('payments.recon.history')}
        captionHidden
        id="reconciliation-runs"
        rows={props.runs}
        empty=""
        columns={[
          { header: t('payments.recon.col.runAt'), cell: (run) => japanDateTime(run.runAt, true) },
          { header: t('payments.recon.col.runBy'), cell: (run) => t(`payments.actor.${run.runBy.type}`) },
          { header: t('payments.recon.col.status'), cell: (run) => <ReconciliationStatusTag ctx={ctx} status={run.status} /> },
          { header: t('payments.recon.col.matched'), cell: (run) => String(run.matchedCount), numeric: true },
          { header: t('payments.recon.col.discrepancies'), cell: (run) => String(run.discrepancyCount), numeric: true },
        ]}
      />
    </Page>
  );
}
