/**
 * Mounts the demo provider under /demo-idp and serves its login screen, built
 * with our UI kit and clearly marked as a demo.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type Provider from 'oidc-provider';
import type { DemoIdentity } from '../../catalogue/city-service.ts';
import { readForm } from '../../http/form.ts';
import { viewContext } from '../../http/request-context.ts';
import { DEMO_IDP_PATH } from './demo-provider.ts';
import { DemoLoginPage } from './demo-idp-views.tsx';

const LoginForm = Type.Object({
  account: Type.String({ maxLength: 100 }),
  method: Type.String({ maxLength: 20 }),
  pin: Type.String({ maxLength: 20 }),
});

export async function registerDemoIdpRoutes(app: FastifyInstance, provider: Provider, identities: DemoIdentity[]): Promise<void> {
  const handler = provider.callback();

  // Everything else under /demo-idp is the provider itself (discovery, authorize, token, jwks…).
  app.all(`${DEMO_IDP_PATH}/*`, { config: { csrf: false, rateLimit: false }, schema: { hide: true } }, (request, reply) => {
    reply.hijack();
    const raw = request.raw as typeof request.raw & { originalUrl?: string; body?: unknown };
    raw.originalUrl = raw.url;
    raw.url = raw.url!.slice(DEMO_IDP_PATH.length) || '/';
    // Fastify already read the body; the provider falls back to req.body.
    if (request.body !== undefined) raw.body = request.body;
    handler(raw, reply.raw);
  });

  /** A relying party asking only for `card` (a step-up) gets no password option. */
  function cardOnly(interaction: { params: Record<string, unknown> }): boolean {
    const requested = String(interaction.params.acr_values ?? '').split(' ').filter(Boolean);
    return requested.length > 0 && requested.every((v) => v === 'card');
  }

  async function details(request: FastifyRequest, reply: FastifyReply) {
    try {
      return await provider.interactionDetails(request.raw, reply.raw);
    } catch {
      return null;
    }
  }

  app.get(`${DEMO_IDP_PATH}/interaction/:uid`, { schema: { hide: true } }, async (request, reply) => {
    const interaction = await details(request, reply);
    if (!interaction) return reply.redirect('/auth/login?failed=1', 303);
    return reply.html(<DemoLoginPage ctx={viewContext(request)} uid={interaction.uid} identities={identities} cardOnly={cardOnly(interaction)} values={{ account: '', method: 'card', pin: '' }} errors={{}} />);
  });

  app.post(`${DEMO_IDP_PATH}/interaction/:uid`, { schema: { hide: true } }, async (request, reply) => {
    const interaction = await details(request, reply);
    if (!interaction) return reply.redirect('/auth/login?failed=1', 303);
    const { values } = readForm(LoginForm, request.body);
    const body = request.body as Record<string, unknown>;
    if (body.cancel !== undefined) {
      reply.hijack();
      return provider.interactionFinished(request.raw, reply.raw, { error: 'access_denied', error_description: 'cancelled' }, { mergeWithLastSubmission: false });
    }
    const errors: Record<string, string> = {};
    if (!identities.some((i) => i.sub === values.account)) errors.account = request.t('idp.account.required');
    const onlyCard = cardOnly(interaction);
    if (values.method !== 'card' && (onlyCard || values.method !== 'password')) errors.method = request.t(onlyCard ? 'idp.method.cardOnly' : 'idp.method.required');
    if (values.method === 'card' && !/^\d{4}$/.test(values.pin)) errors.pin = request.t('idp.pin.invalid');
    if (Object.keys(errors).length > 0) {
      return reply.html(<DemoLoginPage ctx={viewContext(request)} uid={interaction.uid} identities={identities} cardOnly={onlyCard} values={values} errors={errors} />, 400);
    }
    const acr = values.method === 'card' ? 'card' : 'password';
    reply.hijack();
    return provider.interactionFinished(
      request.raw,
      reply.raw,
      { login: { accountId: values.account, acr, amr: acr === 'card' ? ['hwk', 'pin'] : ['pwd'] } },
      { mergeWithLastSubmission: false },
    );
  });
}
