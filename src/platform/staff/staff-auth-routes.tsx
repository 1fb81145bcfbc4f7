/** Staff login (password → TOTP, or TOTP enrolment on first login) and logout. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { Type } from '@sinclair/typebox';
import { recordAudit } from '../audit/audit-log.ts';
import { setFlash } from '../http/flash.ts';
import { readForm } from '../http/form.ts';
import { cookieOptions, viewContext } from '../http/request-context.ts';
import { sameSitePath } from '../http/safe-path.ts';
import type { Platform } from '../platform.ts';
import { sessionCookieName } from '../session/session-store.ts';
import { checkCode, checkPassword } from './staff-login.ts';
import { newTotpSecret, otpauthUri } from './totp.ts';
import { StaffEnrolPage, StaffLoginPage, StaffMfaPage } from './staff-auth-views.tsx';

const COOKIE = sessionCookieName('staff');

/** Only our own back-office paths are allowed as a post-login destination (no open redirect). */
export function safeStaffNext(next: unknown): string {
  const path = sameSitePath(next, '/staff');
  return path === '/staff' || path.startsWith('/staff/') || path.startsWith('/staff?') ? path : '/staff';
}

const LoginForm = Type.Object({
  loginId: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
  next: Type.String({ maxLength: 500 }),
});
const CodeForm = Type.Object({ code: Type.String({ maxLength: 20 }), next: Type.String({ maxLength: 500 }) });

function formatTime(date: Date, locale: string): string {
  return date.toLocaleTimeString(locale === 'ja' ? 'ja-JP' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' });
}

export async function registerStaffAuthRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.db.kysely;
  const loginLimit = { rateLimit: { max: platform.config.loginRateLimitPerMinute, timeWindow: '1 minute' } };

  async function startSession(reply: FastifyReply, staffId: string, stage: 'mfa' | 'mfa-enrol' | 'active', data: Record<string, unknown> = {}) {
    const token = await platform.sessions.create('staff', staffId, stage, data);
    reply.setCookie(COOKIE, token, cookieOptions(platform));
  }

  function pendingSession(request: FastifyRequest, stage: 'mfa' | 'mfa-enrol') {
    const session = request.staffSession;
    return session && session.stage === stage ? session : null;
  }

  app.get('/staff/login', async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    if (request.staff) return reply.redirect(safeStaffNext(query.next), 303);
    const expired = query.expired === '1' || request.expiredSessions.includes('staff');
    return reply.html(<StaffLoginPage ctx={viewContext(request)} next={safeStaffNext(query.next)} notice={expired ? request.t('staff.login.expired') : null} />);
  });

  app.post('/staff/login', { config: loginLimit }, async (request, reply) => {
    const { values, errors } = readForm(LoginForm, request.body);
    const ctx = viewContext(request);
    const next = safeStaffNext(values.next);
    if (errors.length > 0) {
      return reply.html(<StaffLoginPage ctx={ctx} loginId={values.loginId} next={next} error={request.t('staff.login.required')} />, 400);
    }
    const outcome = await checkPassword(db, values.loginId, values.password, request.id);
    if (outcome.result === 'locked') {
      const message = request.t('staff.login.locked', { until: formatTime(outcome.until, request.locale) });
      return reply.html(<StaffLoginPage ctx={ctx} loginId={values.loginId} next={next} error={message} />, 423);
    }
    if (outcome.result === 'failed') {
      return reply.html(<StaffLoginPage ctx={ctx} loginId={values.loginId} next={next} error={request.t('staff.login.failed')} />, 401);
    }
    if (request.staffSession) await platform.sessions.destroy(request.staffSession.id);
    await startSession(reply, outcome.staffId, outcome.mfa === 'verify' ? 'mfa' : 'mfa-enrol', { next });
    return reply.redirect(outcome.mfa === 'verify' ? '/staff/login/mfa' : '/staff/login/enrol', 303);
  });

  app.get('/staff/login/mfa', async (request, reply) => {
    if (!pendingSession(request, 'mfa')) return reply.redirect('/staff/login', 303);
    return reply.html(<StaffMfaPage ctx={viewContext(request)} />);
  });

  app.post('/staff/login/mfa', { config: loginLimit }, async (request, reply) => {
    const session = pendingSession(request, 'mfa');
    if (!session) return reply.redirect('/staff/login', 303);
    const { values } = readForm(CodeForm, request.body);
    const outcome = await checkCode(db, session.subjectId, values.code, request.id);
    if (outcome.result !== 'ok') {
      await platform.sessions.destroy(session.id);
      if (outcome.result === 'locked') {
        reply.clearCookie(COOKIE, { path: '/' });
        const message = request.t('staff.login.locked', { until: formatTime(outcome.until, request.locale) });
        return reply.html(<StaffLoginPage ctx={viewContext(request)} error={message} />, 423);
      }
      await startSession(reply, session.subjectId, 'mfa', session.data);
      return reply.html(<StaffMfaPage ctx={viewContext(request)} error={request.t('staff.mfa.invalid')} />, 401);
    }
    // A new session id after the second factor: a token seen before login is worthless after it.
    await platform.sessions.destroy(session.id);
    await startSession(reply, session.subjectId, 'active');
    return reply.redirect(safeStaffNext(session.data.next), 303);
  });

  async function renderEnrol(request: FastifyRequest, reply: FastifyReply, secret: string, error: string | null, status = 200) {
    const staff = await db.selectFrom('staff').select('login_id').where('id', '=', request.staffSession!.subjectId).executeTakeFirstOrThrow();
    const qrDataUrl = await QRCode.toDataURL(otpauthUri(secret, staff.login_id), { margin: 1, width: 192 });
    return reply.html(<StaffEnrolPage ctx={viewContext(request)} secret={secret} qrDataUrl={qrDataUrl} error={error} />, status);
  }

  app.get('/staff/login/enrol', async (request, reply) => {
    const session = pendingSession(request, 'mfa-enrol');
    if (!session) return reply.redirect('/staff/login', 303);
    let secret = typeof session.data.pendingSecret === 'string' ? session.data.pendingSecret : null;
    if (!secret) {
      secret = newTotpSecret();
      await platform.sessions.update(session, { data: { ...session.data, pendingSecret: secret } });
    }
    return renderEnrol(request, reply, secret, null);
  });

  app.post('/staff/login/enrol', { config: loginLimit }, async (request, reply) => {
    const session = pendingSession(request, 'mfa-enrol');
    const secret = session && typeof session.data.pendingSecret === 'string' ? session.data.pendingSecret : null;
    if (!session || !secret) return reply.redirect('/staff/login', 303);
    const { values } = readForm(CodeForm, request.body);
    const outcome = await checkCode(db, session.subjectId, values.code, request.id, secret);
    if (outcome.result === 'locked') {
      await platform.sessions.destroy(session.id);
      reply.clearCookie(COOKIE, { path: '/' });
      const message = request.t('staff.login.locked', { until: formatTime(outcome.until, request.locale) });
      return reply.html(<StaffLoginPage ctx={viewContext(request)} error={message} />, 423);
    }
    if (outcome.result === 'failed') return renderEnrol(request, reply, secret, request.t('staff.mfa.invalid'), 401);
    await platform.sessions.destroy(session.id);
    await startSession(reply, session.subjectId, 'active');
    setFlash(reply, 'success', 'staff.enrol.done');
    return reply.redirect(safeStaffNext(session.data.next), 303);
  });

  app.post('/staff/logout', async (request, reply) => {
    if (request.staffSession) {
      await platform.sessions.destroy(request.staffSession.id);
      await recordAudit(db, { actor: { type: 'staff', id: request.staffSession.subjectId }, action: 'staff.logout', targetType: 'staff', targetId: request.staffSession.subjectId, requestId: request.id });
    }
    reply.clearCookie(COOKIE, { path: '/' });
    setFlash(reply, 'success', 'staff.logout.done');
    return reply.redirect('/staff/login', 303);
  });
}
