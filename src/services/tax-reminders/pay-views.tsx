/** The taxpayer's pages behind the SMS link: what is owed, pay, and the outcome. */
import type { Payment } from '../../platform/payments/payments.ts';
import { Button } from '../../platform/ui/components/button.tsx';
import { CsrfField } from '../../platform/ui/components/form-fields.tsx';
import { NotificationBanner } from '../../platform/ui/components/feedback.tsx';
import { SummaryList } from '../../platform/ui/components/table.tsx';
import { DateText } from '../../platform/ui/components/date-text.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { PayPage } from './pay-service.ts';
import { todayInJapan } from '../../platform/time/today.ts';
import { formatJst } from './schedule.ts';

function Details({ ctx, page }: { ctx: ViewContext; page: PayPage }) {
  const t = ctx.t;
  return (
    <SummaryList
      items={[
        { key: t('tax.pay.name'), value: t('tax.pay.name.value', { name: page.maskedName }) },
        { key: t('tax.pay.taxpayerNumber'), value: <span class="mono">{`****${page.taxpayerNumberTail}`}</span> },
        { key: t('tax.pay.tax'), value: `${page.fiscalYear} ${page.taxItem} ${page.installment}` },
        { key: t('tax.pay.amount'), value: <strong>{t('tax.yen', { amount: page.amountYen.toLocaleString('ja-JP') })}</strong> },
        { key: t('tax.pay.due'), value: <DateText iso={page.dueDate} locale={ctx.locale} /> },
        ...(page.state === 'open' ? [{ key: t('tax.pay.linkValid'), value: <DateText iso={todayInJapan(new Date(page.expiresAt.getTime() - 1000))} locale={ctx.locale} /> }] : []),
      ]}
    />
  );
}

function PayButton({ ctx, page, label }: { ctx: ViewContext; page: PayPage; label: string }) {
  return (
    <form method="post" action={`/p/${page.token}/pay`}>
      <CsrfField token={ctx.csrfToken} />
      <Button>{label}</Button>
    </form>
  );
}

function Safety({ ctx }: { ctx: ViewContext }) {
  return <p>{ctx.t('tax.pay.safety')}</p>;
}

export function PayLinkPage(props: { ctx: ViewContext; page: PayPage }) {
  const { ctx, page } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('tax.pay.title')}>
      <h1>{t('tax.pay.title')}</h1>
      {page.simulated && page.state === 'open' ? <NotificationBanner kind="warning" title={t('tax.pay.simulated')} /> : null}
      {page.state === 'paid' ? <NotificationBanner kind="success" title={t('tax.pay.paid', { at: page.paidAt ? formatJst(page.paidAt) : '' })} /> : null}
      {page.state === 'expired' ? (
        <NotificationBanner kind="warning" title={t('tax.pay.expired.title')}>
          <p>{t('tax.pay.expired.body')}</p>
        </NotificationBanner>
      ) : null}
      <Details ctx={ctx} page={page} />
      {page.state === 'open' ? (
        page.paymentsAvailable ? (
          <>
            <p>{t('tax.pay.lead')}</p>
            <PayButton ctx={ctx} page={page} label={t('tax.pay.submit')} />
          </>
        ) : (
          <NotificationBanner kind="info" title={t('tax.pay.unavailable')} />
        )
      ) : null}
      <Safety ctx={ctx} />
      <p>{t('tax.pay.contact')}</p>
    </Page>
  );
}

export function PayResultPage(props: { ctx: ViewContext; page: PayPage; payment: Payment }) {
  const { ctx, page, payment } = props;
  const t = ctx.t;
  const paid = page.state === 'paid';
  return (
    <Page ctx={ctx} title={t('tax.pay.result.title')}>
      <h1>{t('tax.pay.result.title')}</h1>
      {paid ? (
        <NotificationBanner kind="success" title={t('tax.pay.result.paid')}>
          <p>{t('tax.pay.result.paid.body')}</p>
        </NotificationBanner>
      ) : payment.status === 'created' ? (
        <NotificationBanner kind="info" title={t('tax.pay.result.pending')}>
          <p>
            <a href={`/p/${page.token}/return?payment=${payment.id}`}>{t('tax.pay.result.reload')}</a>
          </p>
        </NotificationBanner>
      ) : (
        <NotificationBanner kind="warning" title={t(payment.status === 'cancelled' ? 'tax.pay.result.cancelled' : 'tax.pay.result.expired')} />
      )}
      <Details ctx={ctx} page={page} />
      {!paid && page.state === 'open' && payment.status !== 'created' && page.paymentsAvailable ? <PayButton ctx={ctx} page={page} label={t('tax.pay.again')} /> : null}
      <p>
        <a href={`/p/${page.token}`}>{t('tax.pay.back')}</a>
      </p>
      <p>{t('tax.pay.contact')}</p>
    </Page>
  );
}
