/**
 * Per-request context: language, CSRF token, and who is logged in (staff and
 * resident sessions are separate cookies). Also the CSRF check for every
 * state-changing request and the `reply.html` helper that renders a page.
 */
import type {} from '@fastify/cookie';
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { ResidentActor, StaffActor } from '../access/actor.ts';
import { negotiateLocale, translator, type Locale, type Translate } from '../i18n/i18n.ts';
import type { Platform } from '../platform.ts';
import { sessionCookieName, type Session, type SessionKind } from '../session/session-store.ts';
import { loadStaffActor } from '../staff/staff-accounts.ts';
import { loadResidentActor } from '../identity/resident-accounts.ts';
import { renderDocument } from '../ui/render.ts';
import type { ViewContext } from '../ui/view-context.ts';
import { csrfRejected } from './errors.ts';
import { takeFlash } from './flash.ts';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
    csrfToken: string;
    staff: StaffActor | null;
    resident: ResidentActor | null;
    staffSession: Session | null;
    residentSession: Session | null;
    expiredSessions: SessionKind[];
    flash: ViewContext['flash'];
  }
  interface FastifyReply {
    html(page: VNode, status?: number): FastifyReply;
  }
  interface FastifyContextConfig {
    /** Set false on routes that cannot carry our CSRF token (the embedded IdP, provider callbacks). */
    csrf?: boolean;
  }
}

export const CSRF_COOKIE = 'oshu_csrf';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function cookieOptions(platform: Platform) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: platform.config.secureCookies };
}

export function viewContext(request: FastifyRequest): ViewContext {
  return {
    locale: request.locale,
    t: request.t,
    csrfToken: request.csrfToken,
    path: request.url,
    requestId: request.id,
    staff: request.staff,
    resident: request.resident,
    flash: request.flash,
    demoIdentity: !request.server.platform.config.oidcIssuer,
    residentWidgets: request.server.platform.services.flatMap((s) => (s.residentWidget ? [s.residentWidget.render] : [])),
    residentScripts: request.server.platform.services.flatMap((s) => s.residentWidget?.scripts ?? []),
  };
}

function formField(body: unknown, name: string): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const value = (body as Record<string, unknown>)[name];
  if (typeof value === 'string') return value;
  // multipart fields (attachFieldsToBody) arrive as { value }
  if (value && typeof value === 'object' && 'value' in value && typeof (value as { value: unknown }).value === 'string') {
    return (value as { value: string }).value;
  }
  return undefined;
}

async function resolveSession(request: FastifyRequest, platform: Platform, kind: SessionKind) {
  const result = await platform.sessions.load(kind, request.cookies[sessionCookieName(kind)]);
  if (result.state === 'expired') request.expiredSessions.push(kind);
  return result.state === 'valid' ? result.session : null;
}

export async function registerRequestContext(app: FastifyInstance, platform: Platform): Promise<void> {
  app.decorateRequest('locale', 'ja');
  app.decorateRequest('t', null as unknown as Translate);
  app.decorateRequest('csrfToken', '');
  app.decorateRequest('staff', null);
  app.decorateRequest('resident', null);
  app.decorateRequest('staffSession', null);
  app.decorateRequest('residentSession', null);
  app.decorateRequest('expiredSessions', null as unknown as SessionKind[]);
  app.decorateRequest('flash', null);
  app.decorateReply('html', function (this: FastifyReply, page: VNode, status = 200) {
    return this.status(status).type('text/html; charset=utf-8').send(renderDocument(page));
  });

  app.addHook('onRequest', async (request, reply) => {
    request.locale = negotiateLocale(request.cookies.lang, request.headers['accept-language']);
    request.t = translator(request.locale);
    request.expiredSessions = [];
    let token = request.cookies[CSRF_COOKIE];
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
      token = crypto.randomBytes(32).toString('base64url');
      reply.setCookie(CSRF_COOKIE, token, cookieOptions(platform));
    }
    request.csrfToken = token;
    if (request.url.startsWith('/assets/')) return;

    request.staffSession = await resolveSession(request, platform, 'staff');
    if (request.staffSession?.stage === 'active') {
      request.staff = await loadStaffActor(platform.db.kysely, request.staffSession.subjectId);
    }
    request.residentSession = await resolveSession(request, platform, 'resident');
    if (request.residentSession) {
      request.resident = await loadResidentActor(platform.db.kysely, request.residentSession.subjectId, request.residentSession.data);
    }
    const flash = takeFlash(request, reply);
    request.flash = flash ? { kind: flash.kind, text: request.t(flash.key, flash.params) } : null;
  });

  // CSRF: every state-changing request that a browser could send with our
  // cookies must carry the token, as a form field or an X-CSRF-Token header.
  app.addHook('preHandler', async (request) => {
    if (!MUTATING.has(request.method) || request.routeOptions.config?.csrf === false) return;
    const hasSession = Boolean(request.cookies[sessionCookieName('staff')] || request.cookies[sessionCookieName('resident')]);
    const isApi = request.url.startsWith('/api/');
    if (isApi && !hasSession) return; // no ambient credentials to abuse
    const sent = formField(request.body, '_csrf') ?? (request.headers['x-csrf-token'] as string | undefined);
    const expected = request.cookies[CSRF_COOKIE];
    if (!sent || !expected || sent.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) {
      throw csrfRejected();
    }
  });
}
