/** Resident login through OpenID Connect, and logout. */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../platform.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { IdentityClaims } from '../catalogue/city-service.ts';
import { setFlash } from '../http/flash.ts';
import { cookieOptions, viewContext } from '../http/request-context.ts';
import { sameSitePath } from '../http/safe-path.ts';
import { sessionCookieName } from '../session/session-store.ts';
import { Page } from '../ui/layout.tsx';
import { Button } from '../ui/components/button.tsx';
import { CsrfField } from '../ui/components/form-fields.tsx';
import { NotificationBanner } from '../ui/components/feedback.tsx';
import type { OidcClient } from './oidc-client.ts';
import { upsertResidentAccount } from './resident-accounts.ts';

const FLOW_COOKIE = 'oshu_oidc';
const COOKIE = sessionCookieName('resident');

/** Only our own resident pages are allowed after login (no open redirect). */
export function safeResidentNext(next: unknown): string {
  const path = sameSitePath(next, '/mypage');
  return path.startsWith('/staff') || path.startsWith('/auth') ? '/mypage' : path;
}

function toIdentityClaims(claims: Record<string, unknown>): IdentityClaims {
  const address = claims.address as { formatted?: unknown } | undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    name: str(claims.name) ?? '',
    nameKana: str(claims.name_kana),
    birthdate: str(claims.birthdate),
    gender: str(claims.gender),
    address: str(address?.formatted),
  };
}

export async function registerResidentLoginRoutes(app: FastifyInstance, platform: Platform, oidc: OidcClient): Promise<void> {
  const db = platform.db.kysely;

  app.get('/auth/login', async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const next = safeResidentNext(query.next);
    if (request.resident) return reply.redirect(next, 303);
    const t = request.t;
    const expired = query.expired === '1' || request.expiredSessions.includes('resident');
    return reply.html(
      <Page ctx={viewContext(request)} title={t('auth.login.title')}>
        <h1>{t('auth.login.title')}</h1>
        {expired ? <NotificationBanner kind="info" title={t('auth.login.expired')} /> : null}
        {query.failed ? <NotificationBanner kind="error" title={t('auth.login.failed')} /> : null}
        <p>{t('auth.login.lead')}</p>
        <form method="post" action="/auth/start">
          <CsrfField token={request.csrfToken} />
          <input type="hidden" name="next" value={next} />
          <Button>{t('auth.login.button')}</Button>
        </form>
        {platform.config.oidcIssuer ? null : <p>{t('auth.login.demoNote')}</p>}
      </Page>,
    );
  });

  app.post('/auth/start', async (request, reply) => {
    const body = request.body as Record<string, unknown> | undefined;
    const next = safeResidentNext(body?.next);
    const card = body?.assurance === 'card';
    const start = await oidc.start({ card });
    reply.setCookie(FLOW_COOKIE, JSON.stringify({ state: start.state, nonce: start.nonce, verifier: start.verifier, next, card }), {
      ...cookieOptions(platform),
      path: '/auth',
      signed: true,
      maxAge: 600,
    });
    return reply.redirect(start.url, 303);
  });

  app.get('/auth/callback', { config: { csrf: false } }, async (request, reply) => {
    const raw = request.cookies[FLOW_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : null;
    reply.clearCookie(FLOW_COOKIE, { path: '/auth' });
    if (!unsigned?.valid || !unsigned.value) return reply.redirect('/auth/login?failed=1', 303);
    const flow = JSON.parse(unsigned.value) as { state: string; nonce: string; verifier: string; next: string; card?: boolean };
    let login;
    try {
      login = await oidc.finish(new URL(request.url, platform.config.publicUrl), flow);
    } catch (error) {
      request.log.warn({ err: error }, 'resident login failed');
      return reply.redirect('/auth/login?failed=1', 303);
    }
    const identity = toIdentityClaims(login.claims);
    const assurance = login.acr === 'card' ? 'card' : 'password';
    // A provider may ignore the card-only request; then the resident keeps the session they had.
    if (flow.card && assurance !== 'card') {
      setFlash(reply, 'error', 'auth.login.cardNotUsed');
      return reply.redirect(safeResidentNext(flow.next), 303);
    }
    // Only a card login proves the basic facts, so only it links the account to a registry record.
    const matcher = platform.services.find((s) => s.matchResident);
    const residentId = assurance === 'card' && matcher?.matchResident ? await matcher.matchResident(db, identity) : null;
    const accountId = await db.transaction().execute(async (trx) => {
      const id = await upsertResidentAccount(trx, { issuer: login.issuer, subject: login.subject, displayName: identity.name, assurance, claims: login.claims, residentId });
      await recordAudit(trx, { actor: { type: 'resident', id }, action: 'resident.login', targetType: 'resident_account', targetId: id, details: { assurance, matched: residentId !== null }, requestId: request.id });
      return id;
    });
    if (request.residentSession) await platform.sessions.destroy(request.residentSession.id);
    const token = await platform.sessions.create('resident', accountId, 'active', { assurance });
    reply.setCookie(COOKIE, token, cookieOptions(platform));
    setFlash(reply, 'success', 'auth.login.done');
    return reply.redirect(safeResidentNext(flow.next), 303);
  });

  app.post('/auth/logout', async (request, reply) => {
    if (request.residentSession) await platform.sessions.destroy(request.residentSession.id);
    reply.clearCookie(COOKIE, { path: '/' });
    setFlash(reply, 'success', 'auth.logout.done');
    return reply.redirect('/', 303);
  });
}
