/**
 * The simulator's pages, as a remote gateway would serve them: the payer's checkout
 * (支払う / キャンセル) and, for staff, a list of recent checkouts with their webhook
 * deliveries and a button to send a notice again (to see that a replay changes
 * nothing). The webhook goes through the app's real webhook route, signed.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireStaff } from '../access/require-access.ts';
import { notFound } from '../http/errors.ts';
import { setFlash } from '../http/flash.ts';
import { viewContext } from '../http/request-context.ts';
import { Button } from '../ui/components/button.tsx';
import { CsrfField } from '../ui/components/form-fields.tsx';
import { NotificationBanner, StatusTag } from '../ui/components/feedback.tsx';
import { SummaryList, Table } from '../ui/components/table.tsx';
import { Page } from '../ui/layout.tsx';
import type { ViewContext } from '../ui/view-context.ts';
import { SIMULATOR_PATH, type SimulatorCheckout, type SimulatorProvider } from './simulator-provider.ts';

const RefParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 40 }) });
const STATE_TONE = { open: 'info', paid: 'success', cancelled: 'neutral', expired: 'warning' } as const;

/** 2026-04-01 10:05 in Japan time. */
function jst(date: Date): string {
  return new Date(date.getTime() + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function yen(ctx: ViewContext, amount: number): string {
  return ctx.t('payments.sim.yen', { amount: amount.toLocaleString('ja-JP') });
}

function CheckoutPage(props: { ctx: ViewContext; checkout: SimulatorCheckout }) {
  const { ctx, checkout } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('payments.sim.title')} shell="plain">
      <NotificationBanner kind="warning" title={t('payments.sim.warning')} />
      <h1>{t('payments.sim.title')}</h1>
      <SummaryList
        items={[
          { key: t('payments.sim.merchant'), value: t('payments.sim.merchant.name') },
          { key: t('payments.sim.description'), value: checkout.description },
          { key: t('payments.sim.amount'), value: <strong>{yen(ctx, checkout.amount_yen)}</strong> },
          { key: t('payments.sim.expires'), value: jst(checkout.expires_at) },
          { key: t('payments.sim.col.state'), value: <StatusTag tone={STATE_TONE[checkout.state]}>{t(`payments.sim.state.${checkout.state}`)}</StatusTag> },
        ]}
      />
      {checkout.state === 'open' ? (
        <form method="post" action={`${SIMULATOR_PATH}/${checkout.ref}`}>
          <CsrfField token={ctx.csrfToken} />
          <div class="actions">
            <Button name="action" value="pay">
              {t('payments.sim.pay')}
            </Button>
            <Button name="action" value="cancel" variant="secondary">
              {t('payments.sim.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <>
          <p>{t('payments.sim.settled', { state: t(`payments.sim.state.${checkout.state}`) })}</p>
          <p>
            <a href={checkout.return_url}>{t('payments.sim.back')}</a>
          </p>
        </>
      )}
    </Page>
  );
}

function ListPage(props: { ctx: ViewContext; rows: SimulatorCheckout[] }) {
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
          { header: t('payments.sim.col.created'), cell: (r) => jst(r.created_at) },
          { header: t('payments.sim.col.description'), cell: (r) => <a href={`${SIMULATOR_PATH}/${r.ref}`}>{r.description}</a> },
          { header: t('payments.sim.col.amount'), cell: (r) => yen(ctx, r.amount_yen), numeric: true },
          { header: t('payments.sim.col.state'), cell: (r) => <StatusTag tone={STATE_TONE[r.state]}>{t(`payments.sim.state.${r.state}`)}</StatusTag> },
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
    </Page>
  );
}

export async function registerSimulatorRoutes(app: FastifyInstance, simulator: SimulatorProvider): Promise<void> {
  /** Sends the settled checkout's signed webhook to the app's own webhook route, as the gateway would over HTTP. */
  async function deliver(ref: string): Promise<number | null> {
    const hook = await simulator.webhookFor(ref);
    if (!hook) return null;
    const response = await app.inject({ method: 'POST', url: hook.url, headers: hook.headers, payload: hook.body });
    await simulator.recordDelivery(ref, response.statusCode);
    return response.statusCode;
  }

  app.get(SIMULATOR_PATH, { schema: { hide: true } }, async (request, reply) => {
    requireStaff(request.staff);
    return reply.html(<ListPage ctx={viewContext(request)} rows={await simulator.recent()} />);
  });

  app.get(`${SIMULATOR_PATH}/:ref`, { schema: { hide: true, params: RefParams } }, async (request, reply) => {
    const checkout = await simulator.checkout((request.params as { ref: string }).ref);
    if (!checkout) throw notFound();
    reply.header('cache-control', 'no-store');
    return reply.html(<CheckoutPage ctx={viewContext(request)} checkout={checkout} />);
  });

  app.post(`${SIMULATOR_PATH}/:ref`, { schema: { hide: true, params: RefParams } }, async (request, reply) => {
    const ref = (request.params as { ref: string }).ref;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const action = body.action === 'pay' ? 'pay' : 'cancel';
    const settled = await simulator.settle(ref, action);
    if (!settled) throw notFound();
    if (settled.changed) await deliver(ref);
    return reply.redirect(settled.returnUrl, 303);
  });

  app.post(`${SIMULATOR_PATH}/:ref/webhook`, { schema: { hide: true, params: RefParams } }, async (request, reply) => {
    requireStaff(request.staff);
    const status = await deliver((request.params as { ref: string }).ref);
    if (status === null) throw notFound();
    setFlash(reply, status < 300 ? 'success' : 'error', 'payments.sim.resent', { status });
    return reply.redirect(SIMULATOR_PATH, 303);
  });
}
