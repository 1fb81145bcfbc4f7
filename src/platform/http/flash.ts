/** One-time notices carried across a redirect (post → redirect → get) in a short-lived cookie. */
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

export type FlashKind = 'success' | 'info' | 'warning' | 'error';
const COOKIE = 'oshu_flash';

export function setFlash(reply: FastifyReply, kind: FlashKind, messageKey: string, params: Record<string, string | number> = {}): void {
  reply.setCookie(COOKIE, JSON.stringify({ kind, key: messageKey, params }), { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 120 });
}

export function takeFlash(request: FastifyRequest, reply: FastifyReply): { kind: FlashKind; key: string; params: Record<string, string | number> } | null {
  const raw = request.cookies[COOKIE];
  if (!raw) return null;
  reply.clearCookie(COOKIE, { path: '/' });
  try {
    const parsed = JSON.parse(raw) as { kind: FlashKind; key: string; params?: Record<string, string | number> };
    if (!['success', 'info', 'warning', 'error'].includes(parsed.kind) || typeof parsed.key !== 'string') return null;
    return { kind: parsed.kind, key: parsed.key, params: parsed.params ?? {} };
  } catch {
    return null;
  }
}
