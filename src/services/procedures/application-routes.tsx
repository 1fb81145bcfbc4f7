/** A resident's own applications: list, status page with timeline, withdraw, own files, paying the fee online. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requireResident } from '../../platform/access/require-access.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { applicationsOfResident, latestResidentEvents } from './application-queries.ts';
import { definitionOf, ownApplication, withdrawApplication, type ProceduresCtx } from './application-service.ts';
import { applicationView, ownFile } from './application-detail.ts';
import { feeBalance, moneyOf, recordOnlinePayment, startOnlinePayment } from './application-payment.ts';
import { canTransition } from './application-states.ts';
import { local } from './catalogue-views.tsx';
import { ApplicationPage, MyApplicationsPage, WithdrawPage, type ApplicationSummaryRow } from './application-views.tsx';
import { draftHref } from './catalogue-routes.tsx';
import { listPublished, procedureVersion } from './procedure-store.ts';

const AppParams = Type.Object({ appId: Type.String({ maxLength: 64 }) });
const FileParams = Type.Object({ appId: Type.String({ maxLength: 64 }), fileId: Type.String({ maxLength: 64 }) });
const ViewQuery = Type.Object({ submitted: Type.Optional(Type.String({ maxLength: 2 })) });
const ReturnQuery = Type.Object({ payment: Type.Optional(Type.String({ maxLength: 64 })) });
const WithdrawForm = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 1000 })), _csrf: Type.Optional(Type.String()) });

export async function registerApplicationRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.db.kysely;
  const ctx: ProceduresCtx = { db, jobs: platform.jobs, now: platform.now, payments: platform.payments };

  app.get('/procedures/applications', async (request, reply) => {
    const resident = requireResident(request.resident);
    const view = viewContext(request);
    const titles = new Map((await listPublished(db)).map((p) => [p.id, local(view, p.definition.title)]));
    const applications = await applicationsOfResident(db, resident, { limit: 200 });
    const latest = await latestResidentEvents(db, applications.map((a) => a.id));
    const rows: ApplicationSummaryRow[] = [];
    for (const a of applications) {
      const title = titles.get(a.procedure_id) ?? local(view, (await procedureVersion(db, a.procedure_id, a.procedure_version)).title);
      rows.push({ id: a.id, reference: a.reference, title, status: a.status, submittedAt: a.submitted_at, updatedAt: a.updated_at, href: a.status === 'draft' ? draftHref(a) : `/procedures/applications/${a.id}`, latest: latest.get(a.id) ?? null });
    }
    return reply.html(<MyApplicationsPage ctx={view} rows={rows} />);
  });

  app.get('/procedures/applications/:appId', { schema: { params: AppParams, querystring: ViewQuery, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const { appId } = request.params as { appId: string };
    const { def, view } = await applicationView(platform, resident, appId, { locale: request.locale, justSubmitted: (request.query as { submitted?: string }).submitted === '1' });
    // What the payments hold against the fee: a fee raised on resubmission asks only for the difference.
    const balance = view.feeYen > 0 && view.reference ? await feeBalance(moneyOf(platform), { id: view.id, fee_yen: view.feeYen }) : null;
    return reply.html(<ApplicationPage ctx={viewContext(request)} def={def} app={view} balance={balance ? { paidYen: balance.paidYen, dueYen: balance.dueYen } : null} />);
  });

  app.get('/procedures/applications/:appId/withdraw', { schema: { params: AppParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const row = await ownApplication(db, resident, (request.params as { appId: string }).appId);
    if (!canTransition('withdraw', row.status)) return reply.redirect(`/procedures/applications/${row.id}`, 303);
    return reply.html(<WithdrawPage ctx={viewContext(request)} def={await definitionOf(db, row)} app={row} />);
  });

  app.post('/procedures/applications/:appId/withdraw', { schema: { params: AppParams, body: WithdrawForm, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const row = await ownApplication(db, resident, (request.params as { appId: string }).appId);
    const reason = ((request.body as { reason?: string }).reason ?? '').normalize('NFKC').trim();
    const result = await withdrawApplication(ctx, resident, row.id, reason, { requestId: request.id });
    if (result.reference) {
      setFlash(reply, 'success', 'procedures.withdraw.done', { reference: result.reference });
      return reply.redirect(`/procedures/applications/${row.id}`, 303);
    }
    setFlash(reply, 'success', 'procedures.withdraw.discarded');
    return reply.redirect('/procedures/applications', 303);
  });

  app.get('/procedures/applications/:appId/files/:fileId', { schema: { params: FileParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const { appId, fileId } = request.params as { appId: string; fileId: string };
    const file = await ownFile(platform, resident, appId, fileId);
    const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return reply
      .type(file.mime)
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.bytes);
  });

  app.post('/procedures/applications/:appId/pay', { schema: { params: AppParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const { redirect } = await startOnlinePayment(platform, resident, (request.params as { appId: string }).appId, { requestId: request.id });
    return reply.redirect(redirect, 303);
  });

  app.get('/procedures/applications/:appId/payment-return', { schema: { params: AppParams, querystring: ReturnQuery, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const { appId } = request.params as { appId: string };
    const paymentId = (request.query as { payment?: string }).payment ?? '';
    const paid = isUuid(paymentId) ? await recordOnlinePayment(platform, resident, appId, paymentId, { requestId: request.id }) : false;
    setFlash(reply, paid ? 'success' : 'warning', paid ? 'procedures.payment.paid' : 'procedures.payment.notPaid');
    return reply.redirect(`/procedures/applications/${appId}`, 303);
  });
}
