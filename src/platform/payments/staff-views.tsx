/** 会計課's pages: the payments list with filters and paging, and one payment with its timeline, refunds and ledger lines. */
import type { Selectable } from 'kysely';
import { Button, LinkButton } from '../ui/components/button.tsx';
import { CsrfField, DateInput, Select, TextInput } from '../ui/components/form-fields.tsx';
import { Pagination } from '../ui/components/navigation.tsx';
import { SummaryList, Table } from '../ui/components/table.tsx';
import { Page } from '../ui/layout.tsx';
import type { ViewContext } from '../ui/view-context.ts';
import type { JournalLine } from './ledger.ts';
import { japanDateTime } from './payment-dates.ts';
import type { Refund } from './payment-model.ts';
import type { TimelineEntry } from './payment-queries.ts';
import type { PaymentTables } from './payment-tables.ts';
import { accountLabel, businessReference, crumbs, methodLabel, PaymentsNav, PaymentStatusTag, RefundStatusTag, sourceLabel, STAFF_PATH, yen } from './staff-common.tsx';

type PaymentRow = Selectable<PaymentTables['payments']>;

export interface ListFilterValues {
  status: string;
  source: string;
  method: string;
  dateBasis: string;
  from: string;
  to: string;
  q: string;
}

export function PaymentListPage(props: { ctx: ViewContext; rows: PaymentRow[]; filters: ListFilterValues; sources: string[]; page: number; pageCount: number; total: number; netPaidYen: number; dateErrors: Record<string, string> }) {
  const { ctx, filters } = props;
  const t = ctx.t;
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
  const csvHref = `${STAFF_PATH}/export.csv${Object.keys(query).length ? `?${new URLSearchParams(query).toString()}` : ''}`;
  return (
    <Page ctx={ctx} title={t('payments.staff.title')} shell="staff" breadcrumbs={[{ href: '/staff', label: t('staff.home.title') }, { label: t('payments.staff.title') }]}>
      <h1>{t('payments.staff.title')}</h1>
      <PaymentsNav ctx={ctx} current="payments" />
      <p>{t('payments.staff.lead')}</p>
      <form method="get" action={STAFF_PATH} class="search-row">
        <TextInput name="q" label={t('payments.filter.q')} hint={t('payments.filter.q.hint')} value={filters.q} maxLength={100} />
        <Select name="status" label={t('payments.field.status')} value={filters.status} emptyLabel={t('payments.filter.all')} options={['created', 'paid', 'refunded', 'cancelled', 'expired'].map((s) => ({ value: s, label: t(s === 'refunded' ? 'payments.filter.refunded' : `payments.status.${s}`) }))} />
        <Select name="source" label={t('payments.field.source')} value={filters.source} emptyLabel={t('payments.filter.all')} options={props.sources.map((s) => ({ value: s, label: sourceLabel(ctx, s) }))} />
        <Select name="method" label={t('payments.field.method')} value={filters.method} emptyLabel={t('payments.filter.all')} options={['card', 'qr'].map((m) => ({ value: m, label: t(`payments.method.${m}`) }))} />
        <Select name="dateBasis" label={t('payments.filter.dateBasis')} value={filters.dateBasis || 'created'} options={['created', 'paid'].map((b) => ({ value: b, label: t(`payments.filter.dateBasis.${b}`) }))} />
        <DateInput name="from" label={t('payments.filter.from')} value={filters.from} error={props.dateErrors.from ?? null} />
        <DateInput name="to" label={t('payments.filter.to')} value={filters.to} error={props.dateErrors.to ?? null} />
        <Button variant="secondary">{t('payments.filter.submit')}</Button>
      </form>
      <p id="payments-summary">{t('payments.staff.summary', { total: props.total, net: yen(ctx, props.netPaidYen) })}</p>
      <p>
        <a href={csvHref} download>
          {t('payments.staff.csv')}
        </a>
      </p>
      <Table
        caption={t('payments.staff.listCaption')}
        captionHidden
        id="payments"
        rows={props.rows}
        empty={t('payments.staff.none')}
        columns={[
          { header: t('payments.field.createdAt'), cell: (r) => <a href={`${STAFF_PATH}/${r.id}`}>{japanDateTime(r.created_at)}</a> },
          { header: t('payments.field.description'), cell: (r) => r.description },
          { header: t('payments.field.source'), cell: (r) => sourceLabel(ctx, r.source) },
          { header: t('payments.field.amount'), cell: (r) => yen(ctx, r.amount_yen), numeric: true },
          { header: t('payments.field.status'), cell: (r) => <PaymentStatusTag ctx={ctx} status={r.status} amountYen={r.amount_yen} refundedYen={r.refunded_yen} /> },
          { header: t('payments.field.method'), cell: (r) => methodLabel(ctx, r.method) },
          { header: t('payments.field.paidAt'), cell: (r) => japanDateTime(r.paid_at) },
          { header: t('payments.field.refunded'), cell: (r) => (r.refunded_yen ? yen(ctx, r.refunded_yen) : '—'), numeric: true },
        ]}
      />
      <Pagination t={t} page={props.page} pageCount={props.pageCount} baseHref={STAFF_PATH} query={query} />
    </Page>
  );
}

export function PaymentDetailPage(props: { ctx: ViewContext; payment: PaymentRow; timeline: TimelineEntry[]; refunds: Refund[]; journal: JournalLine[]; canQuery: boolean }) {
  const { ctx, payment: p } = props;
  const t = ctx.t;
  const title = t('payments.staff.detail.title', { description: p.description });
  const pendingRefunds = props.refunds.some((r) => r.status === 'pending');
  return (
    <Page ctx={ctx} title={title} shell="staff" breadcrumbs={crumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      <PaymentsNav ctx={ctx} current="payments" />
      <SummaryList
        items={[
          { key: t('payments.field.status'), value: <PaymentStatusTag ctx={ctx} status={p.status} amountYen={p.amount_yen} refundedYen={p.refunded_yen} /> },
          { key: t('payments.field.amount'), value: yen(ctx, p.amount_yen) },
          { key: t('payments.field.refunded'), value: yen(ctx, p.refunded_yen) },
          { key: t('payments.field.description'), value: p.description },
          { key: t('payments.field.source'), value: sourceLabel(ctx, p.source) },
          { key: t('payments.field.reference'), value: businessReference(p) },
          { key: t('payments.field.method'), value: methodLabel(ctx, p.method) },
          { key: t('payments.field.methods'), value: p.methods.map((m) => methodLabel(ctx, m)).join('・') },
          { key: t('payments.field.createdAt'), value: japanDateTime(p.created_at, true) },
          { key: t('payments.field.paidAt'), value: japanDateTime(p.paid_at, true) },
          { key: t('payments.field.expiresAt'), value: japanDateTime(p.expires_at, true) },
          { key: t('payments.field.provider'), value: `${p.provider}${p.provider_ref ? `（${p.provider_ref}）` : ''}` },
          { key: t('payments.field.receiptNumber'), value: p.receipt_number ?? '—' },
          { key: t('payments.field.id'), value: p.id },
        ]}
      />
      {props.canQuery && (p.status !== 'paid' || pendingRefunds) ? (
        <form method="post" action={`${STAFF_PATH}/${p.id}/reconcile`}>
          <CsrfField token={ctx.csrfToken} />
          <p>{t('payments.staff.query.lead')}</p>
          <Button variant="secondary">{t('payments.staff.query')}</Button>
        </form>
      ) : null}
      {p.status === 'paid' ? (
        <>
          <h2>{t('payments.staff.receipt')}</h2>
          <form method="get" action={`${STAFF_PATH}/${p.id}/receipt.pdf`}>
            <TextInput name="name" label={t('payments.staff.receipt.name')} hint={t('payments.staff.receipt.name.hint')} maxLength={60} width="medium" />
            <Button variant="secondary">{t('payments.staff.receipt.download')}</Button>
          </form>
        </>
      ) : null}
      <h2>{t('payments.staff.timeline')}</h2>
      <Table
        caption={t('payments.staff.timeline')}
        captionHidden
        id="payment-timeline"
        rows={props.timeline}
        empty={t('payments.staff.none')}
        columns={[
          { header: t('payments.field.at'), cell: (e) => japanDateTime(e.at, true) },
          { header: t('payments.field.event'), cell: (e) => t(`payments.staff.event.${e.kind}`) },
          { header: t('payments.field.amount'), cell: (e) => yen(ctx, e.amountYen), numeric: true },
          { header: t('payments.field.note'), cell: (e) => `${e.note ?? ''}${e.applied ? '' : t('payments.staff.event.notApplied')}` },
        ]}
      />
      <h2>{t('payments.staff.refunds')}</h2>
      <Table
        caption={t('payments.staff.refunds')}
        captionHidden
        id="payment-refunds"
        rows={props.refunds}
        empty={t('payments.staff.refunds.none')}
        columns={[
          { header: t('payments.field.createdAt'), cell: (r) => japanDateTime(r.createdAt, true) },
          { header: t('payments.field.amount'), cell: (r) => yen(ctx, r.amountYen), numeric: true },
          { header: t('payments.field.status'), cell: (r) => <RefundStatusTag ctx={ctx} status={r.status} /> },
          { header: t('payments.field.reason'), cell: (r) => `${r.reason}${r.failureReason ? `（${r.failureReason}）` : ''}` },
          { header: t('payments.field.requestedBy'), cell: (r) => t(`payments.actor.${r.requestedBy.type}`) },
          { header: t('payments.field.settledAt'), cell: (r) => japanDateTime(r.settledAt, true) },
        ]}
      />
      <h2>{t('payments.staff.journal')}</h2>
      <Table
        caption={t('payments.staff.journal')}
        captionHidden
        id="payment-journal"
        rows={props.journal}
        empty={t('payments.staff.journal.none')}
        columns={[
          { header: t('payments.field.entry'), cell: (l) => `#${l.entryId} ${t(`payments.entry.${l.kind}`)}` },
          { header: t('payments.field.at'), cell: (l) => japanDateTime(l.occurredAt, true) },
          { header: t('payments.field.account'), cell: (l) => accountLabel(ctx, l.account) },
          { header: t('payments.field.debit'), cell: (l) => (l.side === 'debit' ? yen(ctx, l.amountYen) : ''), numeric: true },
          { header: t('payments.field.credit'), cell: (l) => (l.side === 'credit' ? yen(ctx, l.amountYen) : ''), numeric: true },
        ]}
      />
      <p>
        <LinkButton href={STAFF_PATH} variant="tertiary">
          {t('payments.staff.back')}
        </LinkButton>
      </p>
    </Page>
  );
}
