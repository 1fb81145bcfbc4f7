/** 会計課's ledger page: the trial balance as of a day (debits equal credits, said in words) and the journal export. */
import { Button } from '../ui/components/button.tsx';
import { DateInput } from '../ui/components/form-fields.tsx';
import { ErrorSummary, NotificationBanner } from '../ui/components/feedback.tsx';
import { Table } from '../ui/components/table.tsx';
import { Page } from '../ui/layout.tsx';
import type { ViewContext } from '../ui/view-context.ts';
import type { TrialBalance } from './ledger.ts';
import { accountLabel, crumbs, PaymentsNav, STAFF_PATH, yen } from './staff-common.tsx';

export function LedgerPage(props: { ctx: ViewContext; balance: TrialBalance; asOf: string; journal: { from: string; to: string }; errors: Record<string, string> }) {
  const { ctx, balance } = props;
  const t = ctx.t;
  const title = t('payments.ledger.title');
  const balanced = balance.totalDebitYen === balance.totalCreditYen;
  const rows = [...balance.rows.map((r) => ({ label: accountLabel(ctx, r.account), account: r.account, debit: r.debitYen, credit: r.creditYen, balance: r.balanceYen })), { label: t('payments.ledger.total'), account: '', debit: balance.totalDebitYen, credit: balance.totalCreditYen, balance: balance.totalDebitYen - balance.totalCreditYen }];
  return (
    <Page ctx={ctx} title={title} shell="staff" breadcrumbs={crumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      <PaymentsNav ctx={ctx} current="ledger" />
      <p>{t('payments.ledger.lead')}</p>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={Object.entries(props.errors).map(([field, message]) => ({ field, message }))} />
      <form method="get" action={`${STAFF_PATH}/ledger`} class="search-row">
        <DateInput name="asOf" label={t('payments.ledger.asOf')} hint={t('payments.ledger.asOf.hint')} value={props.asOf} error={props.errors.asOf ?? null} />
        <Button variant="secondary">{t('payments.ledger.show')}</Button>
      </form>
      <NotificationBanner kind={balanced ? 'success' : 'error'} title={t(balanced ? 'payments.ledger.balanced' : 'payments.ledger.unbalanced', { debit: yen(ctx, balance.totalDebitYen), credit: yen(ctx, balance.totalCreditYen) })} />
      <Table
        caption={t('payments.ledger.trialBalance')}
        id="trial-balance"
        rowHeader
        rows={rows}
        empty={t('payments.ledger.none')}
        columns={[
          { header: t('payments.field.account'), cell: (r) => (r.account ? <span title={r.account}>{r.label}</span> : <strong>{r.label}</strong>) },
          { header: t('payments.field.debit'), cell: (r) => yen(ctx, r.debit), numeric: true },
          { header: t('payments.field.credit'), cell: (r) => yen(ctx, r.credit), numeric: true },
          { header: t('payments.ledger.balance'), cell: (r) => (r.balance >= 0 ? t('payments.ledger.debitBalance', { amount: yen(ctx, r.balance) }) : t('payments.ledger.creditBalance', { amount: yen(ctx, -r.balance) })), numeric: true },
        ]}
      />
      <p>{t('payments.ledger.accounts')}</p>
      <h2>{t('payments.ledger.journal')}</h2>
      <p>{t('payments.ledger.journal.lead')}</p>
      <form method="get" action={`${STAFF_PATH}/ledger/journal.csv`} class="search-row">
        <DateInput name="from" label={t('payments.filter.from')} value={props.journal.from} />
        <DateInput name="to" label={t('payments.filter.to')} value={props.journal.to} />
        <Button variant="secondary">{t('payments.ledger.journal.download')}</Button>
      </form>
    </Page>
  );
}
