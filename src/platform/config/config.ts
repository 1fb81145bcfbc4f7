/**
 * Configuration from environment variables, validated once at start-up.
 * A wrong or missing value stops the app with one line naming the variable
 * and what it expects (see ConfigError and main.ts).
 */
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** Public base URL of this app (no trailing slash); used for OIDC redirects and links. */
  publicUrl: string;
  /** Secret for signing cookies; in development a per-data-dir secret is generated. */
  sessionSecret: string | null;
  /** true when cookies must carry the Secure flag (publicUrl is https or TRUST_PROXY with TLS). */
  secureCookies: boolean;
  trustProxy: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Resident identity: unset issuer = start the embedded demo My Number provider. */
  oidcIssuer: string | null;
  oidcClientId: string;
  oidcClientSecret: string | null;
  demoData: boolean;
  rateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  uploadMaxBytes: number;
  staffIdleMinutes: number;
  residentIdleMinutes: number;
  jobWorker: boolean;
  /** Bearer token Prometheus sends to /metrics; null = open (development only). */
  metricsToken: string | null;
  /** Jobs run at once by this instance's worker (the embedded database has one connection: 1). */
  jobConcurrency: number;
  /** OpenAI-compatible chat endpoint (e.g. http://127.0.0.1:8080/v1); unset = no generative AI. */
  llmBaseUrl: string | null;
  llmApiKey: string | null;
  llmModel: string;
  /** OSRM server for road travel times (e.g. http://127.0.0.1:5000); unset = distance × detour factor ÷ speed. */
  osrmUrl: string | null;
  /** Map tile URL template for staff maps; null = no tiles (stops and routes still drawn). */
  mapTileUrl: string | null;
  mapTileAttribution: string;
  /** Time budget of the on-demand bus's nightly re-optimisation, seconds. */
  transitReoptimiseSeconds: number;
  /** A TrueType/OpenType font with Japanese glyphs for PDFs (receipts, counter forms); null = look in the usual system places. */
  pdfFontPath: string | null;
  notify: NotifyConfig;
}

/** Notification providers; every unset URL means the app's own local simulator (demo and tests). */
export interface NotifyConfig {
  /** HTTP SMS gateway (POST {url}/messages); null = the built-in simulator. */
  smsGatewayUrl: string | null;
  smsGatewayToken: string | null;
  /** smtp(s)://user:pass@host:port; null = the embedded SMTP sink (mail kept in the simulator inbox). */
  smtpUrl: string | null;
  mailFrom: string;
  /** LINE Messaging API base (https://api.line.me); null = the built-in simulator. */
  lineApiUrl: string | null;
  lineChannelAccessToken: string | null;
  lineChannelSecret: string | null;
  /** VAPID keys for web push; unset = generated once into DATA_DIR. */
  vapidPublicKey: string | null;
  vapidPrivateKey: string | null;
  vapidSubject: string;
  /** SMS are not sent between these hours (Japan time), e.g. 21 → 8. */
  smsQuietFromHour: number;
  smsQuietUntilHour: number;
  /** Sends per second per provider (per app instance). */
  smsPerSecond: number;
  emailPerSecond: number;
  /** The simulators' inbox pages (/dev/notify) are on unless turned off; off in production. */
  simulators: boolean;
  /** Share of calls (0–100 %) the local SMS/LINE/push simulators answer with 5xx, to exercise retries. */
  simulatorFailPercent: number;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, readonly expected: string, readonly got: string | undefined) {
    super(`${variable}: expected ${expected}${got === undefined ? ' (not set)' : `, got "${got}"`}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `an integer from ${min} to ${max}`, raw);
  }
  return Number(raw);
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, 'true or false', raw);
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  try {
    const parsed = new URL(raw);
    if (!protocols.includes(parsed.protocol)) throw new Error('protocol');
    return raw.replace(/\/+$/, '');
  } catch {
    throw new ConfigError(name, `a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`, raw);
  }
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(values as readonly string[]).includes(raw)) throw new ConfigError(name, `one of ${values.join(', ')}`, raw);
  return raw as T;
}

const GSI_STANDARD_TILES = 'https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png';

/** MAP_TILE_URL: a template with {z}/{x}/{y}; "none" for no tiles (offline). Default: GSI standard map. */
function mapTiles(env: Env): string | null {
  const raw = env.MAP_TILE_URL;
  if (raw === undefined || raw === '') return GSI_STANDARD_TILES;
  if (raw === 'none') return null;
  if (!/^https?:\/\/.+\{z\}.*\{x\}.*\{y\}/.test(raw) && !/^\/.+\{z\}.*\{x\}.*\{y\}/.test(raw)) {
    throw new ConfigError('MAP_TILE_URL', 'a tile URL template with {z}, {x} and {y}, or "none"', raw);
  }
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || '0.0.0.0';
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const oidcIssuer = url(env, 'OIDC_ISSUER', ['http:', 'https:']);
  const oidcClientSecret = env.OIDC_CLIENT_SECRET || null;
  if (oidcIssuer && !oidcClientSecret) {
    throw new ConfigError('OIDC_CLIENT_SECRET', 'the client secret registered with OIDC_ISSUER', undefined);
  }
  const sessionSecret = env.SESSION_SECRET || null;
  if (sessionSecret !== null && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET', 'at least 32 characters', '(too short)');
  }
  const trustProxy = boolean(env, 'TRUST_PROXY', false);
  const demoData = boolean(env, 'DEMO_DATA', true);
  // In production the demo identity provider and demo accounts (public passwords) must not start.
  if (env.NODE_ENV === 'production' && !oidcIssuer) {
    throw new ConfigError('OIDC_ISSUER', 'the identity provider URL when NODE_ENV=production (the demo provider is for development)', undefined);
  }
  const metricsToken = env.METRICS_TOKEN || null;
  if (metricsToken !== null && metricsToken.length < 24) throw new ConfigError('METRICS_TOKEN', 'at least 24 characters', '(too short)');
  if (env.NODE_ENV === 'production' && !metricsToken) {
    throw new ConfigError('METRICS_TOKEN', 'a token for /metrics when NODE_ENV=production (the metrics reveal routes and load)', undefined);
  }
  if (env.NODE_ENV === 'production' && demoData) {
    throw new ConfigError('DEMO_DATA', 'false when NODE_ENV=production (demo accounts have public passwords)', env.DEMO_DATA);
  }
  return {
    port,
    host,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    publicUrl,
    sessionSecret,
    secureCookies: publicUrl.startsWith('https:'),
    trustProxy,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    oidcIssuer,
    oidcClientId: env.OIDC_CLIENT_ID || 'oshu-dx',
    oidcClientSecret,
    demoData,
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 10_000_000),
    loginRateLimitPerMinute: integer(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 20, 1, 100_000),
    uploadMaxBytes: integer(env, 'UPLOAD_MAX_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    staffIdleMinutes: integer(env, 'STAFF_IDLE_MINUTES', 30, 1, 24 * 60),
    residentIdleMinutes: integer(env, 'RESIDENT_IDLE_MINUTES', 60, 1, 24 * 60),
    jobWorker: boolean(env, 'JOB_WORKER', true),
    metricsToken,
    jobConcurrency: integer(env, 'JOB_CONCURRENCY', env.DATABASE_URL ? 4 : 1, 1, 64),
    llmBaseUrl: url(env, 'LLM_BASE_URL', ['http:', 'https:']),
    llmApiKey: env.LLM_API_KEY || null,
    llmModel: env.LLM_MODEL || 'gpt-4o-mini',
    osrmUrl: url(env, 'OSRM_URL', ['http:', 'https:']),
    mapTileUrl: mapTiles(env),
    mapTileAttribution: env.MAP_TILE_ATTRIBUTION || '<a href="https://maps.gsi.go.jp/development/ichiran.html">地理院タイル</a>',
    transitReoptimiseSeconds: integer(env, 'TRANSIT_REOPTIMISE_SECONDS', 30, 1, 3600),
    pdfFontPath: env.PDF_FONT_PATH || null,
    notify: {
      smsGatewayUrl: url(env, 'SMS_GATEWAY_URL', ['http:', 'https:']),
      smsGatewayToken: env.SMS_GATEWAY_TOKEN || null,
      smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
      mailFrom: env.MAIL_FROM || '奥州市 <noreply@city.oshu.example>',
      lineApiUrl: url(env, 'LINE_API_URL', ['http:', 'https:']),
      lineChannelAccessToken: env.LINE_CHANNEL_ACCESS_TOKEN || null,
      lineChannelSecret: env.LINE_CHANNEL_SECRET || null,
      vapidPublicKey: env.VAPID_PUBLIC_KEY || null,
      vapidPrivateKey: env.VAPID_PRIVATE_KEY || null,
      vapidSubject: env.VAPID_SUBJECT || 'mailto:dx@city.oshu.example',
      smsQuietFromHour: integer(env, 'SMS_QUIET_FROM_HOUR', 21, 0, 24),
      smsQuietUntilHour: integer(env, 'SMS_QUIET_UNTIL_HOUR', 8, 0, 24),
      smsPerSecond: integer(env, 'SMS_PER_SECOND', 20, 1, 10_000),
      emailPerSecond: integer(env, 'EMAIL_PER_SECOND', 20, 1, 10_000),
      simulators: boolean(env, 'NOTIFY_SIMULATORS', env.NODE_ENV !== 'production'),
      simulatorFailPercent: integer(env, 'NOTIFY_SIMULATOR_FAIL_PERCENT', 0, 0, 100),
    },
  };
}
