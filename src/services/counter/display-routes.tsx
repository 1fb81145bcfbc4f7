/**
 * The second screen: its page, the small JSON state its script polls, and its
 * stylesheet and script (served from this service, as the CSP allows only 'self').
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { viewContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { renderDocument } from '../../platform/ui/render.ts';
import { counterStaff, VisitParams } from './counter-routes.tsx';
import { DisplayDocument } from './display-views.tsx';
import { loadVisit, type CounterContext, type VisitView } from './visit-service.ts';
import { COUNTER_HOME } from './view-common.tsx';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DISPLAY_JS = fs.readFileSync(path.join(HERE, 'assets/display.js'), 'utf8');
const DISPLAY_CSS = fs.readFileSync(path.join(HERE, 'assets/display.css'), 'utf8');

const DisplayQuery = Type.Object({ changed: Type.Optional(Type.Literal('1')) });

const DisplayStateJson = Type.Object({
  version: Type.String({ description: '表示内容の版。変わったら第2画面を読み直す' }),
  confirmation: Type.Union([Type.Literal('none'), Type.Literal('current'), Type.Literal('stale')], { description: '来庁者の確認：未確認・確認済み・確認後に内容が変わった' }),
  ended: Type.Boolean({ description: '来庁の受付が終了したか' }),
});
const ErrorJson = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });

/** Changes whenever what the second screen shows changes: the content, its confirmation, finished forms, the end. */
export function displayVersion(view: VisitView): string {
  const material = JSON.stringify([view.hash, view.confirmation, view.visit.confirmed_at?.toISOString() ?? null, view.forms.map((f) => [f.row.procedure_id, f.row.finish, f.row.reference]), view.visit.ended_at?.toISOString() ?? null]);
  return crypto.createHash('sha256').update(material).digest('hex').slice(0, 32);
}

export async function registerDisplayRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const ctx: CounterContext = { db: platform.db.kysely, now: platform.now };

  app.get('/assets/counter/display.js', { schema: { hide: true } }, async (_request, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(DISPLAY_JS));
  app.get('/assets/counter/display.css', { schema: { hide: true } }, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(DISPLAY_CSS));

  app.get(`${COUNTER_HOME}/visits/:visitId/display`, { schema: { params: VisitParams, querystring: DisplayQuery, hide: true } }, async (request, reply) => {
    const staff = counterStaff(request);
    const { visitId } = request.params as { visitId: string };
    const view = await loadVisit(ctx, staff, visitId);
    const vc = viewContext(request);
    const notice = (request.query as { changed?: string }).changed && view.confirmation !== 'current' ? vc.t('counter.confirm.error.changed') : null;
    // Personal data on a shared screen: never kept by the browser or a proxy.
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderDocument(<DisplayDocument ctx={vc} view={view} version={displayVersion(view)} notice={notice} />));
  });

  app.get(
    '/api/staff/counter/visits/:visitId/display-state',
    {
      schema: {
        tags: ['counter'],
        summary: '書かない窓口：第2画面の表示状態（内容が変わったかどうか）。市民課の職員のみ',
        params: VisitParams,
        response: { 200: DisplayStateJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson },
      },
    },
    async (request, reply) => {
      const staff = counterStaff(request);
      const { visitId } = request.params as { visitId: string };
      const view = await loadVisit(ctx, staff, visitId);
      reply.header('cache-control', 'no-store');
      return { version: displayVersion(view), confirmation: view.confirmation, ended: view.visit.ended_at !== null };
    },
  );
}
