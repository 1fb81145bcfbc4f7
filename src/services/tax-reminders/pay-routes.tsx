/** The public short-link pages (/p/…): no login, the link is the key; limited per address against guessing. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import { viewContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { openPayLink, paymentReturn, startPayment } from './pay-service.ts';
import { PayLinkPage, PayResultPage } from './pay-views.tsx';

const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 20 }) });
const ReturnQuery = Type.Object({ payment: Type.String({ minLength: 1, maxLength: 36 }) });
const limited = { rateLimit: { max: 120, timeWindow: '1 minute' } };

/** The token is in the address: keep it out of caches and of Referer headers sent onwards. */
function privatePage(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
}

export async function registerPayRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  app.get('/p/:token', { schema: { params: TokenParams, hide: true }, config: limited }, async (request, reply) => {
    const page = await openPayLink(platform, (request.params as { token: string }).token);
    privatePage(reply);
    return reply.html(<PayLinkPage ctx={viewContext(request)} page={page} />, page.state === 'expired' ? 410 : 200);
  });

  app.post('/p/:token/pay', { schema: { params: TokenParams, hide: true }, config: limited }, async (request, reply) => {
    const { redirect } = await startPayment(platform, (request.params as { token: string }).token);
    return reply.redirect(redirect, 303);
  });

  app.get('/p/:token/return', { schema: { params: TokenParams, querystring: ReturnQuery, hide: true }, config: limited }, async (request, reply) => {
    const { page, payment } = await paymentReturn(platform, (request.params as { token: string }).token, (request.query as { payment: string }).payment);
    privatePage(reply);
    return reply.html(<PayResultPage ctx={viewContext(request)} page={page} payment={payment} />);
  });
}
