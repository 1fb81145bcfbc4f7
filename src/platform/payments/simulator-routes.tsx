/**
 * The simulator's routes, as a remote gateway would serve them: the payer's
 * checkout (card form, QR code, cancel), the wallet screen the QR code opens, a
 * state endpoint the checkout page polls with JavaScript, and for staff the
 * console (resend a notice to see that a replay changes nothing; complete or fail
 * a pending wallet refund). Webhooks go through the app's real webhook route, signed.
 */
import fs from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireStaff } from '../access/require-access.ts';
import { notFound } from '../http/errors.ts';
import { setFlash } from '../http/flash.ts';
import { readForm } from '../http/form.ts';
import { viewContext } from '../http/request-context.ts';
import { qrCodeDataUrl } from './simulator-qr.ts';
import { SIMULATOR_PATH, type SimulatorCheckout, type SimulatorProvider } from './simulator-provider.ts';
import { CheckoutPage, ConsolePage, testCardForm, WalletPage, type CardFormState } from './simulator-views.tsx';

const RefParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 40 }) });
const RefundParams = Type.Object({ refundRef: Type.String({ pattern: '^sre_[A-Za-z0-9_-]{16}$' }) });
/**
 * `pay` is the one-press test payment (approved test card) that automated
 * journeys of other services use; the page itself offers `card`, `qr` and `cancel`.
 */
const ActionForm = Type.Object({ action: Type.Union([Type.Literal('card'), Type.Literal('qr'), Type.Literal('cancel'), Type.Literal('pay')]) });
// Lengths generous enough that checkCard, not the schema, names what is wrong.
const CardForm = Type.Object({
  cardNumber: Type.String({ maxLength: 60 }),
  expiry: Type.String({ maxLength: 20 }),
  cvc: Type.String({ maxLength: 20 }),
  cardName: Type.String({ maxLength: 100 }),
});
const RefundOutcomeForm = Type.Object({ outcome: Type.Union([Type.Literal('succeeded'), Type.Literal('failed')]) });
const POLL_SCRIPT_SOURCE = fs.readFileSync(new URL('./assets/checkout-poll.js', import.meta.url), 'utf8');

export async function registerSimulatorRoutes(app: FastifyInstance, simulator: SimulatorProvider, now: () => Date): Promise<void> {
  /** Sends the settled checkout's signed webhook to the app's own webhook route, as the gateway would over HTTP. */
  async function deliver(ref: string): Promise<number | null> {
    const hook = await simulator.webhookFor(ref);
    if (!hook) return null;
    const response = await app.inject({ method: 'POST', url: hook.url, headers: hook.headers, payload: hook.body });
    await simulator.recordDelivery(ref, response.statusCode);
    return response.statusCode;
  }

  async function deliverRefund(refundRef: string): Promise<number | null> {
    const hook = await simulator.refundWebhookFor(refundRef);
    if (!hook) return null;
    const response = await app.inject({ method: 'POST', url: hook.url, headers: hook.headers, payload: hook.body });
    await simulator.ledger.recordRefundDelivery(refundRef, response.statusCode);
    return response.statusCode;
  }

  async function checkoutOf(request: FastifyRequest): Promise<SimulatorCheckout> {
    const checkout = await simulator.checkout((request.params as { ref: string }).ref);
    if (!checkout) throw notFound();
    return checkout;
  }

  async function renderCheckout(request: FastifyRequest, reply: FastifyReply, checkout: SimulatorCheckout, form: CardFormState = testCardForm(now()), status = 200) {
    const walletUrl = simulator.walletUrl(checkout.ref);
    const qrImage = checkout.state === 'open' && checkout.methods.includes('qr') ? await qrCodeDataUrl(walletUrl) : null;
    reply.header('cache-control', 'no-store');
    return reply.html(<CheckoutPage ctx={viewContext(request)} checkout={checkout} form={form} qrImage={qrImage} walletUrl={walletUrl} />, status);
  }

  app.get(SIMULATOR_PATH, { schema: { hide: true } }, async (request, reply) => {
    requireStaff(request.staff);
    return reply.html(<ConsolePage ctx={viewContext(request)} rows={await simulator.recent()} refunds={await simulator.ledger.recentRefunds()} payouts={await simulator.ledger.recentPayouts()} />);
  });

  app.get(`${SIMULATOR_PATH}/assets/checkout-poll.js`, { schema: { hide: true } }, async (_request, reply) => {
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(POLL_SCRIPT_SOURCE);
  });

  app.get(`${SIMULATOR_PATH}/:ref`, { schema: { hide: true, params: RefParams } }, async (request, reply) => renderCheckout(request, reply, await checkoutOf(request)));

  /** Polled by the checkout page while the payer pays in the wallet app. */
  app.get(`${SIMULATOR_PATH}/:ref/state`, { schema: { hide: true, params: RefParams } }, async (request, reply) => {
    const checkout = await checkoutOf(request);
    reply.header('cache-control', 'no-store');
    return { state: checkout.state, ...(checkout.state === 'open' ? {} : { returnUrl: checkout.return_url }) };
  });

  app.post(`${SIMULATOR_PATH}/:ref`, { schema: { hide: true, params: RefParams } }, async (request, reply) => {
    const checkout = await checkoutOf(request);
    const { values, errors } = readForm(ActionForm, request.body);
    if (errors.length) return renderCheckout(request, reply, checkout, testCardForm(now()), 400);
    if (values.action === 'card') {
      const { values: card } = readForm(CardForm, request.body);
      const result = (await simulator.payByCard(checkout.ref, card))!;
      const form: CardFormState = { values: { cardNumber: card.cardNumber, expiry: card.expiry, cvc: '', cardName: card.cardName }, errors: [], declinedAttempts: null, prefilled: false };
      if (result.kind === 'invalid') {
        form.errors = result.errors.map((e) => ({ field: e.field, message: request.t(e.messageKey, e.params) }));
        return renderCheckout(request, reply, checkout, form, 400);
      }
      if (result.kind === 'declined') return renderCheckout(request, reply, checkout, { ...form, declinedAttempts: result.attempts }, 402);
      if (result.kind === 'unavailable') return renderCheckout(request, reply, checkout, testCardForm(now()), 400);
      if (result.changed) await deliver(checkout.ref);
      return reply.redirect(result.returnUrl, 303);
    }
    if (values.action === 'qr' && !checkout.methods.includes('qr')) return renderCheckout(request, reply, checkout, testCardForm(now()), 400);
    const settled = await simulator.settle(checkout.ref, values.action === 'cancel' ? 'cancel' : 'pay', values.action === 'qr' ? { method: 'qr' } : undefined);
    if (!settled) throw notFound();
    if (settled.changed) await deliver(checkout.ref);
    return reply.redirect(settled.returnUrl, 303);
  });

  app.get(`${SIMULATOR_PATH}/:ref/wallet`, { schema: { hide: true, params: RefParams } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return reply.html(<WalletPage ctx={viewContext(request)} checkout={await checkoutOf(request)} done={false} />);
  });

  /** The wallet app paid: settle as a QR payment, notify the city, and tell the phone to go back to the first screen. */
  app.post(`${SIMULATOR_PATH}/:ref/wallet`, { schema: { hide: true, params: RefParams } }, async (request, reply) => {
    const checkout = await checkoutOf(request);
    if (checkout.state !== 'open' || !checkout.methods.includes('qr')) return reply.html(<WalletPage ctx={viewContext(request)} checkout={checkout} done={false} />, 409);
    const settled = (await simulator.settle(checkout.ref, 'pay', { method: 'qr' }))!;
    if (settled.changed) await deliver(checkout.ref);
    return reply.html(<WalletPage ctx={viewContext(request)} checkout={(await simulator.checkout(checkout.ref))!} done={settled.outcome === 'paid'} />);
  });

  app.post(`${SIMULATOR_PATH}/:ref/webhook`, { schema: { hide: true, params: RefParams } }, async (request, reply) => {
    requireStaff(request.staff);
    const status = await deliver((request.params as { ref: string }).ref);
    if (status === null) throw notFound();
    setFlash(reply, status < 300 ? 'success' : 'error', 'payments.sim.resent', { status });
    return reply.redirect(SIMULATOR_PATH, 303);
  });

  app.post(`${SIMULATOR_PATH}/refunds/:refundRef`, { schema: { hide: true, params: RefundParams } }, async (request, reply) => {
    requireStaff(request.staff);
    const refundRef = (request.params as { refundRef: string }).refundRef;
    const { values, errors } = readForm(RefundOutcomeForm, request.body);
    if (errors.length || !(await simulator.ledger.refund(refundRef))) throw notFound();
    await simulator.ledger.completeRefund(refundRef, values.outcome);
    const status = await deliverRefund(refundRef);
    if (status === null) throw notFound();
    setFlash(reply, status < 300 ? 'success' : 'error', 'payments.sim.refund.done', { status });
    return reply.redirect(SIMULATOR_PATH, 303);
  });
}
