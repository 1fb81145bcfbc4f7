/**
 * The simulator's pages, as a remote gateway would serve them: the payer's
 * checkout (a card form and a QR code, each working without JavaScript), the
 * wallet app's screen the QR code opens, and for staff the console of recent
 * checkouts, refunds and payouts with their webhook deliveries.
 */
import type { ComponentChildren } from 'preact';
import { Button } from '../ui/components/button.tsx';
import { CsrfField, TextInput } from '../ui/components/form-fields.tsx';
import { ErrorSummary, NotificationBanner, StatusTag } from '../ui/components/feedback.tsx';
import { SummaryList, Table } from '../ui/components/table.tsx';
import { Page } from '../ui/layout.tsx';
import type { ViewContext } from '../ui/view-context.ts';
import { groupedYen, japanDateTime } from './payment-dates.ts';
import type { SimulatorLedger } from './simulator-ledger.ts';
import { SIMULATOR_PATH, type SimulatorCheckout } from './simulator-provider.ts';

const STATE_TONE = { open: 'info', paid: 'success', cancelled: 'neutral', expired: 'warning' } as const;
const REFUND_TONE = { pending: 'info', succeeded: 'success', failed: 'error' } as const;

export const POLL_SCRIPT = `${SIMULATOR_PATH}/assets/checkout-poll.js`;

function yen(ctx: ViewContext, amount: number): string {
  return ctx.t('payments.sim.yen', { amount: groupedYen(amount) });
}

function Summary(props: { ctx: ViewContext; checkout: SimulatorCheckout }) {
  const { ctx, checkout } = props;
  const t = ctx.t;
  return (
    <SummaryList
      items={[
        { key: t('payments.sim.merchant'), value: t('payments.sim.merchant.name') },
        { key: t('payments.sim.description'), value: checkout.description },
        { key: t('payments.sim.amount'), value: <strong>{yen(ctx, checkout.amount_yen)}</strong> },
        { key: t('payments.sim.expires'), value: japanDateTime(checkout.expires_at) },
        { key: t('payments.sim.col.state'), value: <StatusTag tone={STATE_TONE[checkout.state]}>{t(`payments.sim.state.${checkout.state}`)}</StatusTag> },
      ]}
    />
  );
}

export interface CardFormState {
  /** `cvc` is only ever the test card's (first view); what a payer typed is never sent back. */
  values: { cardNumber: string; expiry: string; cvc: string; cardName: string };
  errors: { field: string; message: string }[];
  declinedAttempts: number | null;
  /** The form starts filled with the approved test card (a sandbox convenience; the page says so). */
  prefilled: boolean;
}

/** The first view: the approved test card, valid for three more years. */
export function testCardForm(now: Date): CardFormState {
  const jst = new Date(now.getTime() + 9 * 3600_000);
  const expiry = `${String(jst.getUTCMonth() + 1).padStart(2, '0')}/${String((jst.getUTCFullYear() + 3) % 100).padStart(2, '0')}`;
  return { values: { cardNumber: '4242 4242 4242 4242', expiry, cvc: '123', cardName: 'TARO OSHU' }, errors: [], declinedAttempts: null, prefilled: true };
}

function CardSection(props: { ctx: ViewContext; checkout: SimulatorCheckout; form: CardFormState }) {
  const { ctx, checkout, form } = props;
  const t = ctx.t;
  const error = (field: string) => form.errors.find((e) => e.field === field)?.message ?? null;
  return (
    <section aria-labelledby="card-title">
      <h2 id="card-title">{t('payments.sim.card.title')}</h2>
      {form.declinedAttempts !== null ? (
        <NotificationBanner kind="error" title={t('payments.sim.card.declined')}>
          <p id="card-declined">{t('payments.sim.card.declinedBody', { attempts: form.declinedAttempts })}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary title={t('ui.errorSummary.title')} errors={form.errors} />
      <p>{t('payments.sim.card.tests')}</p>
      {form.prefilled ? <p id="card-prefilled">{t('payments.sim.card.prefilled')}</p> : null}
      <ul id="test-cards">
        <li>{t('payments.sim.card.test.approved')}</li>
        <li>{t('payments.sim.card.test.declined')}</li>
        <li>{t('payments.sim.card.test.other')}</li>
      </ul>
      <form method="post" action={`${SIMULATOR_PATH}/${checkout.ref}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="action" value="card" />
        <TextInput name="cardNumber" label={t('payments.sim.card.number')} hint={t('payments.sim.card.number.hint')} value={form.values.cardNumber} error={error('cardNumber')} autocomplete="cc-number" inputmode="numeric" width="medium" maxLength={30} required requiredLabel={t('ui.required')} />
        <TextInput name="expiry" label={t('payments.sim.card.expiry')} hint={t('payments.sim.card.expiry.hint')} value={form.values.expiry} error={error('expiry')} autocomplete="cc-exp" inputmode="numeric" width="short" maxLength={7} required requiredLabel={t('ui.required')} />
        <TextInput name="cvc" label={t('payments.sim.card.cvc')} hint={t('payments.sim.card.cvc.hint')} value={form.values.cvc} error={error('cvc')} autocomplete="cc-csc" inputmode="numeric" width="short" maxLength={4} required requiredLabel={t('ui.required')} />
        <TextInput name="cardName" label={t('payments.sim.card.name')} hint={t('payments.sim.card.name.hint')} value={form.values.cardName} error={error('cardName')} autocomplete="cc-name" width="medium" maxLength={45} required requiredLabel={t('ui.required')} />
        <Button>{t('payments.sim.card.submit', { amount: groupedYen(checkout.amount_yen) })}</Button>
      </form>
    </section>
  );
}

function QrSection(props: { ctx: ViewContext; checkout: SimulatorCheckout; qrImage: string; walletUrl: string }) {
  const { ctx, checkout } = props;
  const t = ctx.t;
  return (
    <section aria-labelledby="qr-title">
      <h2 id="qr-title">{t('payments.sim.qr.title')}</h2>
      <p>{t('payments.sim.qr.lead')}</p>
      <p>
        <img id="qr-code" src={props.qrImage} width={240} height={240} alt={t('payments.sim.qr.alt', { url: props.walletUrl })} />
      </p>
      <p class="field-hint">
        {t('payments.sim.qr.url')}
        <a id="qr-url" href={props.walletUrl}>
          {props.walletUrl}
        </a>
      </p>
      <p id="qr-waiting" hidden data-state-url={`${SIMULATOR_PATH}/${checkout.ref}/state`} role="status">
        {t('payments.sim.qr.waiting')}
      </p>
      <form method="post" action={`${SIMULATOR_PATH}/${checkout.ref}`}>
        <CsrfField token={ctx.csrfToken} />
        <Button name="action" value="qr" variant="secondary">
          {t('payments.sim.qr.simulate')}
        </Button>
      </form>
    </section>
  );
}

function Settled(props: { ctx: ViewContext; checkout: SimulatorCheckout; children?: ComponentChildren }) {
  const { ctx, checkout } = props;
  return (
    <>
      <p>{ctx.t('payments.sim.settled', { state: ctx.t(`payments.sim.state.${checkout.state}`) })}</p>
      {props.children}
      <p>
        <a href={checkout.return_url}>{ctx.t('payments.sim.back')}</a>
      </p>
    </>
  );
}

export function CheckoutPage(props: { ctx: ViewContext; checkout: SimulatorCheckout; form: CardFormState; qrImage: string | null; walletUrl: string }) {
  const { ctx, checkout } = props;
  const t = ctx.t;
  const card = checkout.methods.includes('card');
  const qr = checkout.methods.includes('qr') && props.qrImage !== null;
  return (
    <Page ctx={ctx} title={t('payments.sim.title')} shell="plain" scripts={checkout.state === 'open' && qr ? [POLL_SCRIPT] : []}>
      <NotificationBanner kind="warning" title={t('payments.sim.warning')} />
      <h1>{t('payments.sim.title')}</h1>
      <Summary ctx={ctx} checkout={checkout} />
      {checkout.state === 'open' ? (
        <>
          {card && qr ? <p>{t('payments.sim.choose.lead')}</p> : null}
          {card ? <CardSection ctx={ctx} checkout={checkout} form={props.form} /> : null}
          {qr ? <QrSection ctx={ctx} checkout={checkout} qrImage={props.qrImage!} walletUrl={props.walletUrl} /> : null}
          <form method="post" action={`${SIMULATOR_PATH}/${checkout.ref}`}>
            <CsrfField token={ctx.csrfToken} />
            <p>{t('payments.sim.cancelLead')}</p>
            <Button name="action" value="cancel" variant="tertiary">
              {t('payments.sim.cancel')}
            </Button>
          </form>
        </>
      ) : (
        <Settled ctx={ctx} checkout={checkout} />
      )}
    </Page>
  );
}

/** What the payer's phone shows after reading the QR code: a stand-in for the wallet app. */
export function WalletPage(props: { ctx: ViewContext; checkout: SimulatorCheckout; done: boolean }) {
  const { ctx, checkout } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('payments.sim.wallet.title')} shell="plain">
      <NotificationBanner kind="warning" title={t('payments.sim.warning')} />
      <h1>{t('payments.sim.wallet.title')}</h1>
      <Summary ctx={ctx} checkout={checkout} />
      {props.done ? (
        <NotificationBanner kind="success" title={t('payments.sim.wallet.done')} />
      ) : checkout.state === 'open' && checkout.methods.includes('qr') ? (
        <>
          <p>{t('payments.sim.wallet.lead')}</p>
          <form method="post" action={`${SIMULATOR_PATH}/${checkout.ref}/wallet`}>
            <CsrfField token={ctx.csrfToken} />
            <Button>{t('payments.sim.pay')}</Button>
          </form>
        </>
      ) : (
        <p>{checkout.state === 'open' ? t('payments.sim.qr.unavailable') : t('payments.sim.settled', { state: t(`payments.sim.state.${checkout.state}`) })}</p>
      )}
    </Page>
  );
}

type SimulatorRefundRow = Awaited<ReturnType<SimulatorLedger['recentRefunds']>>[number];
type SimulatorPayoutRow = Awaited<ReturnType<SimulatorLedger['recentPayouts']>>[number];

function methodText(ctx: ViewContext, r: SimulatorCheckout): string {
  if (!r.method) return '—';
  if (r.method === 'card' && r.card_brand && r.card_last4) return `${ctx.t('payments.sim.methods.card')}（${ctx.t('payments.sim.card.masked', { brand: r.card_brand, last4: r.card_last4 })}）`;
  return ctx.t(`payments.sim.methods.${r.method}`);
}

export function ConsolePage(props: { ctx: ViewContext; rows: SimulatorCheckout[]; refunds: SimulatorRefundRow[]; payouts: SimulatorPayoutRow[] }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('payments.sim.list.title')} shell="staff" breadcrumbs={[{ href: '/staff', label: t('staff.home.title') }, { label: t('payments.sim.title') }]}>
      <NotificationBanner kind="warning" title={t('payments.sim.warning')} />
      <h1>{t('payments.sim.list.title')}</h1>
      <p>{t('payments.sim.list.lead')}</p>
      <Table
        caption={t('payments.sim.list.title')}
        captionHidden
        id="simulator-checkouts"
        rows={props.rows}
        empty={t('payments.sim.empty')}
        columns={[
          { header: t('payments.sim.col.created'), cell: (r) => japanDateTime(r.created_at) },
          { header: t('payments.sim.col.description'), cell: (r) => <a href={`${SIMULATOR_PATH}/${r.ref}`}>{r.description}</a> },
          { header: t('payments.sim.col.amount'), cell: (r) => yen(ctx, r.amount_yen), numeric: true },
          { header: t('payments.sim.col.state'), cell: (r) => <StatusTag tone={STATE_TONE[r.state]}>{t(`payments.sim.state.${r.state}`)}</StatusTag> },
          { header: t('payments.sim.col.method'), cell: (r) => methodText(ctx, r) },
          {
            header: t('payments.sim.col.webhook'),
            cell: (r) =>
              r.event_id ? (
                <>
                  {r.webhook_status === null ? t('payments.sim.webhook.none') : t('payments.sim.webhook.status', { status: r.webhook_status, attempts: r.webhook_attempts })}
                  <form method="post" action={`${SIMULATOR_PATH}/${r.ref}/webhook`}>
                    <CsrfField token={ctx.csrfToken} />
                    <Button variant="tertiary">{t('payments.sim.resend')}</Button>
                  </form>
                </>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <h2>{t('payments.sim.refunds.title')}</h2>
      <p>{t('payments.sim.refunds.lead')}</p>
      <Table
        caption={t('payments.sim.refunds.title')}
        captionHidden
        id="simulator-refunds"
        rows={props.refunds}
        empty={t('payments.sim.refunds.empty')}
        columns={[
          { header: t('payments.sim.col.created'), cell: (r) => japanDateTime(r.created_at) },
          { header: t('payments.sim.col.description'), cell: (r) => r.description },
          { header: t('payments.sim.col.amount'), cell: (r) => yen(ctx, r.amount_yen), numeric: true },
          { header: t('payments.sim.col.state'), cell: (r) => <StatusTag tone={REFUND_TONE[r.state]}>{t(`payments.sim.refund.state.${r.state}`)}</StatusTag> },
          {
            header: t('payments.sim.col.webhook'),
            cell: (r) =>
              r.state === 'pending' ? (
                <form method="post" action={`${SIMULATOR_PATH}/refunds/${r.ref}`} class="actions">
                  <CsrfField token={ctx.csrfToken} />
                  <Button name="outcome" value="succeeded" variant="secondary">
                    {t('payments.sim.refund.complete')}
                  </Button>
                  <Button name="outcome" value="failed" variant="tertiary">
                    {t('payments.sim.refund.fail')}
                  </Button>
                </form>
              ) : r.webhook_status === null ? (
                t('payments.sim.webhook.none')
              ) : (
                t('payments.sim.webhook.status', { status: r.webhook_status, attempts: r.webhook_attempts })
              ),
          },
        ]}
      />
      <h2>{t('payments.sim.payouts.title')}</h2>
      <p>{t('payments.sim.payouts.lead')}</p>
      <Table
        caption={t('payments.sim.payouts.title')}
        captionHidden
        id="simulator-payouts"
        rows={props.payouts}
        empty={t('payments.sim.payouts.empty')}
        columns={[
          { header: t('payments.sim.col.date'), cell: (r) => r.business_date },
          { header: t('payments.sim.col.gross'), cell: (r) => yen(ctx, r.gross_yen), numeric: true },
          { header: t('payments.sim.col.refunded'), cell: (r) => yen(ctx, r.refunded_yen), numeric: true },
          { header: t('payments.sim.col.fee'), cell: (r) => yen(ctx, r.fee_yen), numeric: true },
          { header: t('payments.sim.col.net'), cell: (r) => yen(ctx, r.net_yen), numeric: true },
        ]}
      />
    </Page>
  );
}
