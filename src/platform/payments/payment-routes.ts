/**
 * The payments endpoints every provider shares: the webhook receiver at
 * /payments/webhooks/:provider (raw body kept for the signature check; no CSRF
 * token, since the provider calls it, not a browser), 会計課's pages under
 * /staff/payments, the simulator's own pages when the simulator is the provider,
 * and the nightly reconciliation job (handler and the first link of its chain).
 */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { addMessages } from '../i18n/i18n.ts';
import type { Platform } from '../platform.ts';
import { paymentMessages } from './payment-messages.ts';
import { SimulatorProvider } from './simulator-provider.ts';
import { registerSimulatorRoutes } from './simulator-routes.tsx';
import { registerPaymentStaffRoutes } from './staff-routes.tsx';
import { registerReconciliationRoutes } from './reconciliation-routes.tsx';
import { ensureReconciliationChain, RECONCILE_QUEUE, reconciliationJob } from './reconciliation-jobs.ts';

export async function registerPaymentRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  addMessages(paymentMessages);
  const payments = platform.payments;
  await app.register(async (scope) => {
    // The signature covers the exact bytes sent: keep the JSON body as text here.
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body));
    scope.post(
      '/payments/webhooks/:provider',
      { config: { csrf: false }, schema: { hide: true, params: Type.Object({ provider: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }) }) } },
      async (request, reply) => {
        const body = typeof request.body === 'string' ? request.body : '';
        const result = await payments.receiveWebhook((request.params as { provider: string }).provider, request.headers, body);
        if (result === 'rejected') return reply.status(400).send({ error: { code: 'webhook_rejected', message: 'The signature or the content was not accepted.' } });
        return reply.status(200).send({ received: true, result });
      },
    );
  });
  if (payments.provider instanceof SimulatorProvider) await registerSimulatorRoutes(app, payments.provider, platform.now);
  await registerPaymentStaffRoutes(app, platform);
  await registerReconciliationRoutes(app, platform);
  platform.jobs.register(RECONCILE_QUEUE, reconciliationJob(platform));
  await ensureReconciliationChain(platform);
}
