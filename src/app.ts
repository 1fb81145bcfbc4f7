/**
 * Builds the whole application: the platform's parts, chosen from
 * configuration, then every city service listed in src/services/index.ts.
 * main.ts starts it; tests build it in memory with a fresh database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { CustomFetch } from 'openid-client';
import pino from 'pino';
import type { Config } from './platform/config/config.ts';
import { resolveSecret } from './platform/config/secret.ts';
import type { Database } from './platform/db/database.ts';
import type { CityService } from './platform/catalogue/city-service.ts';
import { FileStore } from './platform/files/file-store.ts';
import { registerErrorHandling } from './platform/http/error-handler.ts';
import { registerRequestContext } from './platform/http/request-context.ts';
import { addMessages } from './platform/i18n/i18n.ts';
import { createDemoProvider, DEMO_CLIENT_ID, DEMO_IDP_PATH, demoClientSecret } from './platform/identity/demo-idp/demo-provider.ts';
import { registerDemoIdpRoutes } from './platform/identity/demo-idp/demo-idp-routes.tsx';
import { OidcClient } from './platform/identity/oidc-client.ts';
import { registerResidentLoginRoutes } from './platform/identity/resident-login-routes.tsx';
import { JobQueue } from './platform/jobs/job-queue.ts';
import { createLlmProvider } from './platform/llm/create-llm-provider.ts';
import { LlmGateway } from './platform/llm/llm-gateway.ts';
import type { Notifier } from './platform/notify/notifier.ts';
import { NotifyService } from './platform/notify/notify-service.ts';
import { registerNotifyRoutes } from './platform/notify/notify-routes.ts';
import { routedFetch } from './platform/notify/routed-fetch.ts';
import { registerHealth } from './platform/observability/health.ts';
import { registerMetrics } from './platform/observability/metrics.ts';
import { createPayments } from './platform/payments/payments.ts';
import { registerPaymentRoutes } from './platform/payments/payment-routes.ts';
import type { Platform } from './platform/platform.ts';
import { registerPortalRoutes } from './platform/portal/portal-routes.tsx';
import { SessionStore } from './platform/session/session-store.ts';
import { registerStaffAdminRoutes } from './platform/staff/staff-admin-routes.tsx';
import { registerStaffAuthRoutes } from './platform/staff/staff-auth-routes.tsx';
import { registerStaffHome } from './platform/staff/staff-home-routes.tsx';
import { cityServices } from './services/index.ts';

const ASSETS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'platform/ui/assets');
const TOKENS_CSS = fileURLToPath(import.meta.resolve('@digital-go-jp/design-tokens/dist/tokens.css'));

export interface BuildOptions {
  config: Config;
  db: Database;
  services?: CityService[];
  /** Replaces the queued Notify pipeline as `platform.notifier` (tests of other services inject a LoggingNotifier). */
  notifier?: Notifier;
  /** A fixed or moving clock for tests. */
  now?: () => Date;
}

/** Serves the embedded provider's back-channel (discovery, token, userinfo) in-process. */
function inProcessFetch(app: FastifyInstance, trustProxy: boolean): CustomFetch {
  return async (url, options) => {
    const target = new URL(url);
    const headers: Record<string, string> = Object.fromEntries(new Headers(options.headers as HeadersInit).entries());
    headers.host = target.host;
    if (trustProxy) headers['x-forwarded-proto'] = target.protocol.replace(':', '');
    const body = options.body === undefined || options.body === null ? undefined : String(options.body);
    const response = await app.inject({ method: options.method as 'GET', url: target.pathname + target.search, headers, ...(body !== undefined ? { payload: body } : {}) });
    const noBody = response.statusCode === 204 || response.statusCode === 304;
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : String(value));
    }
    return new Response(noBody ? null : new Uint8Array(response.rawPayload), { status: response.statusCode, headers: responseHeaders });
  };
}

export async function buildApp(options: BuildOptions): Promise<{ app: FastifyInstance; platform: Platform }> {
  const { config, db } = options;
  const log = pino({
    level: config.logLevel,
    serializers: {
      // Query strings carry search terms and questions (names, birth dates): log the path only.
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, path: req.url.split('?')[0], ip: req.ip }),
      // Database errors can carry the statement's parameters (personal data): keep code and message only.
      err: (err: Error & { code?: string; constraint?: string }) => ({ type: err.name, message: err.message, code: err.code, constraint: err.constraint, stack: err.stack }),
    },
  });
  const app = Fastify({
    loggerInstance: log,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // Reject unknown JSON properties instead of silently dropping them.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  }) as unknown as FastifyInstance;
  const services = options.services ?? cityServices;
  const secret = resolveSecret(config.sessionSecret, config.databaseUrl ? null : config.dataDir);
  const jobs = new JobQueue(db.kysely, log);
  const now = options.now ?? (() => new Date());
  // Provider calls to this app's own simulators are answered in-process (no port needed).
  const notify = new NotifyService({ config, db: db.kysely, jobs, log, now: () => platform.now(), secret, fetch: routedFetch(app, config.publicUrl) });
  const platform: Platform = {
    config,
    db,
    jobs,
    sessions: new SessionStore(db.kysely, { staff: config.staffIdleMinutes, resident: config.residentIdleMinutes }),
    files: new FileStore(db.kysely, path.join(config.dataDir, 'uploads'), config.uploadMaxBytes),
    notifier: options.notifier ?? notify.notifier,
    notify,
    now,
    payments: createPayments({ db: db.kysely, config, secret, log, now: () => platform.now() }),
    log,
    llm: new LlmGateway(createLlmProvider({ baseUrl: config.llmBaseUrl, apiKey: config.llmApiKey, model: config.llmModel }), db.kysely),
    services,
  };
  app.decorate('platform', platform);

  const issuerOrigin = config.oidcIssuer ? new URL(config.oidcIssuer).origin : null;
  // Staff maps load tiles from the configured server (the GSI by default).
  const tileOrigin = config.mapTileUrl?.startsWith('http') ? new URL(config.mapTileUrl.replace(/\{[a-z]\}/g, '0')).origin : null;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', ...(tileOrigin ? [tileOrigin] : [])],
        formAction: ["'self'", ...(issuerOrigin ? [issuerOrigin] : [])],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(cookie, { secret });
  await app.register(formbody);
  await app.register(multipart, { attachFieldsToBody: true, limits: { fileSize: config.uploadMaxBytes, files: 5, fields: 200 } });
  await app.register(rateLimit, { global: true, max: config.rateLimitPerMinute, timeWindow: '1 minute' });
  await app.register(swagger, {
    openapi: {
      info: { title: 'oshu-dx API', description: '奥州市オンラインサービスの API / Oshu City platform API', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'oshu_staff', description: 'Staff session (log in at /staff/login)' },
          residentSession: { type: 'apiKey', in: 'cookie', name: 'oshu_resident', description: 'Resident session (log in at /auth/login with the My Number card provider)' },
          notifyApiKey: { type: 'http', scheme: 'bearer', description: 'Notify API key (test / team / live), created by DX staff at /staff/notify/api-keys' },
        },
      },
    },
    transform: ({ schema, url }) => ({ schema: url.startsWith('/api/') ? schema : { ...(schema ?? {}), hide: true }, url }),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(fastifyStatic, { root: ASSETS, prefix: '/assets/', maxAge: '1h' });
  const tokensCss = fs.readFileSync(TOKENS_CSS, 'utf8');
  app.get('/assets/tokens.css', { schema: { hide: true } }, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(tokensCss));

  await registerMetrics(app, config.metricsToken);
  await registerRequestContext(app, platform);
  registerErrorHandling(app);
  await registerHealth(app, platform);
  await registerPortalRoutes(app, platform);
  await registerStaffAuthRoutes(app, platform);
  await registerStaffHome(app, platform);
  await registerStaffAdminRoutes(app, platform);
  await registerNotifyRoutes(app, platform);
  app.addHook('onClose', () => notify.close());
  await registerPaymentRoutes(app, platform);

  let oidc: OidcClient;
  if (config.oidcIssuer) {
    oidc = new OidcClient({ issuer: config.oidcIssuer, clientId: config.oidcClientId, clientSecret: config.oidcClientSecret!, redirectUri: `${config.publicUrl}/auth/callback` });
  } else {
    const identities = services.flatMap((s) => s.demoIdentities?.() ?? []);
    const provider = createDemoProvider({ publicUrl: config.publicUrl, secret, identities, trustProxy: config.trustProxy });
    await registerDemoIdpRoutes(app, provider, identities);
    oidc = new OidcClient({
      issuer: `${config.publicUrl}${DEMO_IDP_PATH}`,
      clientId: DEMO_CLIENT_ID,
      clientSecret: demoClientSecret(secret),
      redirectUri: `${config.publicUrl}/auth/callback`,
      fetch: inProcessFetch(app, config.trustProxy),
    });
  }
  await registerResidentLoginRoutes(app, platform, oidc);

  for (const service of services) {
    if (service.messages) addMessages(service.messages);
    for (const [queue, handler] of Object.entries(service.jobs?.(platform) ?? {})) jobs.register(queue, handler);
    await service.routes(app, platform);
  }
  return { app, platform };
}
