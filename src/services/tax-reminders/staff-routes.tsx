/** Staff pages and the JSON dashboard of tax-reminder campaigns. Thin: parse, call the service, present. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { requireAccess, requireResident, requireStaff } from '../../platform/access/require-access.ts';
import { notFound } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import type { StaffActor } from '../../platform/access/actor.ts';
import { approveAndSchedule, campaignProblemsCsv, cancelCampaign, createCampaign, dashboardOf, exportResults, listCampaigns, updateText, viewCampaign, type Failure } from './campaign-service.ts';
import { canEditTemplates, canPrepareCampaign, canSendCampaign, canUseTaxReminders } from './policy.ts';
import { formatJst } from './schedule.ts';
import { BASE, CampaignListPage, CampaignPage, NewCampaignPage, TemplatesPage } from './staff-views.tsx';
import { getTemplate, listTemplates, saveTemplate } from './template-service.ts';

const IdParams = Type.Object({ id: Type.String({ minLength: 36, maxLength: 36 }) });
const PageQuery = Type.Object({ page: Type.String({ maxLength: 6, pattern: '^\\d*$' }) });
const TemplateQuery = Type.Object({ template: Type.String({ maxLength: 36 }), edit: Type.String({ maxLength: 36 }) });
const TitleForm = Type.Object({ title: Type.String({ maxLength: 100 }) });
const SendForm = Type.Object({ sendAt: Type.String({ maxLength: 40 }), confirmed: Type.Array(Type.String({ maxLength: 2 }), { maxItems: 1 }) });
const TemplateForm = Type.Object({ name: Type.String({ maxLength: 100 }) });

const DashboardJson = Type.Object({
  state: Type.String(),
  recipients: Type.Integer(),
  handed: Type.Integer(),
  rejected: Type.Integer(),
  delivered: Type.Integer(),
  failed: Type.Integer(),
  inProgress: Type.Integer(),
  unknown: Type.Integer(),
  opened: Type.Integer(),
  paid: Type.Integer(),
  paidWithinWindow: Type.Integer(),
  paidAmountWithinWindow: Type.Integer(),
});
const ErrorJson = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });

/** A text field exactly as typed (a message text keeps its full-width punctuation; only line ends and surrounding space are tidied). */
function textField(body: unknown, name: string, max = 1000): string {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  const value = raw && typeof raw === 'object' && 'value' in raw ? (raw as { value: unknown }).value : raw;
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').normalize('NFC').trim().slice(0, max) : '';
}

function errorsOf(request: FastifyRequest, failure: Failure): Record<string, string> {
  return { [failure.field]: request.t(failure.messageKey, failure.params) };
}

const id = (request: FastifyRequest) => (request.params as { id: string }).id;

export async function registerStaffRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  async function campaignPage(request: FastifyRequest, reply: FastifyReply, staff: StaffActor, extra: { errors?: Record<string, string>; bodyValue?: string; sendAtValue?: string; status?: number } = {}) {
    const { values } = readForm(PageQuery, request.query);
    const view = await viewCampaign(platform, staff, id(request), Number(values.page) || 1, request.id);
    return reply.html(
      <CampaignPage ctx={viewContext(request)} view={view} canPrepare={canPrepareCampaign(staff)} canSend={canSendCampaign(staff)} errors={extra.errors ?? {}} bodyValue={extra.bodyValue} sendAtValue={extra.sendAtValue} />,
      extra.status ?? 200,
    );
  }

  app.get(BASE, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const rows = await listCampaigns(platform, staff);
    return reply.html(<CampaignListPage ctx={viewContext(request)} rows={rows} canPrepare={canPrepareCampaign(staff)} />);
  });

  app.get(`${BASE}/new`, async (request, reply) => {
    const staff = requireStaff(request.staff);
    requireAccess(canPrepareCampaign(staff), 'forbidden');
    const { values } = readForm(TemplateQuery, request.query);
    const templates = await listTemplates(platform, staff);
    const chosen = (values.template && templates.find((t) => t.id === values.template)) || templates[0];
    return reply.html(<NewCampaignPage ctx={viewContext(request)} values={{ title: '', body: chosen?.body ?? '' }} errors={{}} templates={templates} />);
  });

  app.post(`${BASE}/new`, async (request, reply) => {
    const staff = requireStaff(request.staff);
    requireAccess(canPrepareCampaign(staff), 'forbidden');
    const body = request.body as Record<string, unknown> | undefined;
    const { values } = readForm(TitleForm, body);
    const text = textField(body, 'body');
    const file = body?.file as { toBuffer?: () => Promise<Buffer>; filename?: string } | undefined;
    const bytes = file?.toBuffer ? await file.toBuffer() : Buffer.alloc(0);
    const result = await createCampaign(platform, staff, { title: values.title, body: text, fileName: file?.filename ?? 'upload.csv', bytes }, request.id);
    if (!result.ok) {
      const templates = await listTemplates(platform, staff);
      return reply.html(<NewCampaignPage ctx={viewContext(request)} values={{ title: values.title, body: text }} errors={errorsOf(request, result)} templates={templates} />, result.status ?? 400);
    }
    setFlash(reply, result.problems ? 'warning' : 'success', 'tax.new.done', { recipients: result.recipients, problems: result.problems });
    return reply.redirect(`${BASE}/campaigns/${result.id}`, 303);
  });

  app.get(`${BASE}/campaigns/:id`, { schema: { params: IdParams } }, async (request, reply) => campaignPage(request, reply, requireStaff(request.staff)));

  app.get(`${BASE}/campaigns/:id/problems.csv`, { schema: { params: IdParams } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const csv = await campaignProblemsCsv(platform, staff, id(request), request.t, request.id);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="tax-reminder-problems.csv"').header('cache-control', 'no-store').send(csv);
  });

  app.get(`${BASE}/campaigns/:id/results.csv`, { schema: { params: IdParams } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const csv = await exportResults(platform, staff, id(request), request.t, request.id);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="tax-reminder-results.csv"').header('cache-control', 'no-store').send(csv);
  });

  app.post(`${BASE}/campaigns/:id/text`, { schema: { params: IdParams } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const text = textField(request.body, 'body');
    const result = await updateText(platform, staff, id(request), text, request.id);
    if (!result.ok) return campaignPage(request, reply, staff, { errors: errorsOf(request, result), bodyValue: text, status: result.status ?? 400 });
    setFlash(reply, 'success', 'tax.text.saved');
    return reply.redirect(`${BASE}/campaigns/${id(request)}#text`, 303);
  });

  app.post(`${BASE}/campaigns/:id/send`, { schema: { params: IdParams } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const { values } = readForm(SendForm, request.body);
    const result = await approveAndSchedule(platform, staff, id(request), { sendAt: values.sendAt, confirmed: values.confirmed.includes('1') }, request.id);
    if (!result.ok) return campaignPage(request, reply, staff, { errors: errorsOf(request, result), sendAtValue: values.sendAt, status: result.status ?? 400 });
    if (result.already) setFlash(reply, 'info', 'tax.send.already', { at: formatJst(result.at) });
    else setFlash(reply, 'success', result.shifted ? 'tax.send.scheduledShifted' : 'tax.send.scheduled', { at: formatJst(result.at), count: result.queued });
    return reply.redirect(`${BASE}/campaigns/${id(request)}`, 303);
  });

  app.post(`${BASE}/campaigns/:id/cancel`, { schema: { params: IdParams } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const result = await cancelCampaign(platform, staff, id(request), request.id);
    if (!result.ok) return campaignPage(request, reply, staff, { errors: errorsOf(request, result), status: result.status ?? 400 });
    setFlash(reply, 'success', 'tax.cancel.done');
    return reply.redirect(`${BASE}/campaigns/${id(request)}`, 303);
  });

  // Templates
  app.get(`${BASE}/templates`, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const { values } = readForm(TemplateQuery, request.query);
    const templates = await listTemplates(platform, staff);
    const editing = values.edit ? await getTemplate(platform, staff, values.edit) : null;
    return reply.html(<TemplatesPage ctx={viewContext(request)} templates={templates} canEdit={canEditTemplates(staff)} editing={editing} errors={{}} />);
  });

  async function postTemplate(request: FastifyRequest, reply: FastifyReply, templateId: string | null) {
    const staff = requireStaff(request.staff);
    requireAccess(canUseTaxReminders(staff), 'forbidden');
    const { values } = readForm(TemplateForm, request.body);
    const text = textField(request.body, 'body');
    const result = await saveTemplate(platform, staff, { id: templateId, name: values.name, body: text }, request.id);
    if (!result.ok) {
      const templates = await listTemplates(platform, staff);
      return reply.html(<TemplatesPage ctx={viewContext(request)} templates={templates} canEdit={canEditTemplates(staff)} editing={{ id: templateId, name: values.name, body: text }} errors={errorsOf(request, result)} />, 400);
    }
    setFlash(reply, 'success', 'tax.templates.saved', { name: values.name });
    return reply.redirect(`${BASE}/templates`, 303);
  }
  app.post(`${BASE}/templates`, async (request, reply) => postTemplate(request, reply, null));
  app.post(`${BASE}/templates/:id`, { schema: { params: IdParams } }, async (request, reply) => postTemplate(request, reply, id(request)));

  // JSON: a campaign's results for dashboards elsewhere (staff of the division only; residents learn nothing).
  app.get(
    '/api/tax-reminders/campaigns/:id',
    { schema: { tags: ['tax-reminders'], summary: '納税督促キャンペーンの送信・配信・納付の集計（税務課職員）', params: IdParams, response: { 200: DashboardJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson } } },
    async (request) => {
      if (!request.staff) {
        requireResident(request.resident);
        throw notFound();
      }
      const { state, dashboard } = await dashboardOf(platform, request.staff, id(request));
      return { state, ...dashboard } satisfies Static<typeof DashboardJson>;
    },
  );
}
