/** Staff: message templates. Viewing for DX staff, editing for its managers and admins; every save is a new version. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { StaffActor } from '../../access/actor.ts';
import { requireAccess } from '../../access/require-access.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { invalidInput, notFound } from '../../http/errors.ts';
import { setFlash } from '../../http/flash.ts';
import { fieldErrorMap, readForm } from '../../http/form.ts';
import { viewContext } from '../../http/request-context.ts';
import type { Platform } from '../../platform.ts';
import type { Channel } from '../notifier.ts';
import type { NotifyDb } from '../notify-tables.ts';
import { placeholdersOf } from '../template.ts';
import { channelTexts, createTemplate, renderForChannel, saveTemplateVersion, validateTemplate, versionToInput, type TemplateInput, type TemplateVersion } from '../templates.ts';
import { notifyViewer } from './messages-routes.tsx';
import { canEditNotify } from './notify-policy.ts';
import { TemplateEditPage, TemplateListPage, type Preview } from './templates-views.tsx';

const TemplateForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  smsBody: Type.String({ maxLength: 2000 }),
  emailSubject: Type.String({ maxLength: 200 }),
  emailBody: Type.String({ maxLength: 20000 }),
  lineBody: Type.String({ maxLength: 5000 }),
  pushTitle: Type.String({ maxLength: 100 }),
  pushBody: Type.String({ maxLength: 1000 }),
});
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
// The preview form: pairs name0/value0 … for each placeholder, nothing else.
const PreviewForm = Type.Record(Type.String({ pattern: '^(_csrf|(name|value)\\d{1,2})$' }), Type.String({ maxLength: 500 }));
const CHANNELS: Channel[] = ['sms', 'email', 'line', 'push'];

function editor(request: FastifyRequest): StaffActor {
  const staff = notifyViewer(request);
  requireAccess(canEditNotify(staff), 'forbidden');
  return staff;
}

async function loadTemplate(db: NotifyDb, id: string) {
  const template = await db.selectFrom('notify_templates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!template) throw notFound();
  const versions = (await db.selectFrom('notify_template_versions').selectAll().where('template_id', '=', id).orderBy('version', 'desc').execute()) as TemplateVersion[];
  return { template, versions, current: versions.find((v) => v.version === template.current_version)! };
}

export function buildPreview(input: TemplateInput, values: Record<string, string>): Preview {
  const placeholders = placeholdersOf(input.smsBody, input.emailSubject, input.emailBody, input.lineBody, input.pushTitle, input.pushBody);
  const missing = placeholders.filter((name) => !values[name]);
  // Unfilled fields stay visible as ((name)) so the layout can still be judged.
  const filled = { ...Object.fromEntries(missing.map((name) => [name, `((${name}))`])), ...Object.fromEntries(Object.entries(values).filter(([, v]) => v)) };
  const rendered = CHANNELS.flatMap((channel) => {
    if (!channelTexts(input, channel)) return [];
    const result = renderForChannel(input, channel, filled);
    return result.ok ? [{ channel, subject: result.subject, body: result.body }] : [];
  });
  return { values, placeholders, rendered, missing: Object.keys(values).length ? missing : [] };
}

export async function registerTemplateStaffRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.notify.db;
  const empty: TemplateInput = { name: '', smsBody: '', emailSubject: '', emailBody: '', lineBody: '', pushTitle: '', pushBody: '' };

  app.get('/staff/notify/templates', async (request, reply) => {
    const staff = notifyViewer(request);
    const rows = await db.selectFrom('notify_templates').select(['id', 'name', 'current_version', 'updated_at']).orderBy('updated_at', 'desc').limit(500).execute();
    return reply.html(<TemplateListPage ctx={viewContext(request)} rows={rows} canEdit={canEditNotify(staff)} />);
  });

  app.get('/staff/notify/templates/new', async (request, reply) => {
    editor(request);
    return reply.html(<TemplateEditPage ctx={viewContext(request)} mode="create" values={empty} errors={{}} canEdit />);
  });

  app.post('/staff/notify/templates/new', async (request, reply) => {
    const staff = editor(request);
    const { values, errors } = readForm(TemplateForm, request.body, { name: request.t('notify.template.name') });
    const all = errors.length ? errors : validateTemplate(values);
    if (all.length) return reply.html(<TemplateEditPage ctx={viewContext(request)} mode="create" values={values} errors={fieldErrorMap(all, request.t)} canEdit />, 400);
    const id = await db.transaction().execute(async (trx) => {
      const created = await createTemplate(trx, values, staff.id);
      await recordAudit(trx, { actor: { type: 'staff', id: staff.id }, action: 'notify.template.create', targetType: 'notify_template', targetId: created, details: { name: values.name }, requestId: request.id });
      return created;
    });
    setFlash(reply, 'success', 'notify.template.saved', { version: 1 });
    return reply.redirect(`/staff/notify/templates/${id}`, 303);
  });

  app.get('/staff/notify/templates/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const staff = notifyViewer(request);
    const { template, versions, current } = await loadTemplate(db, (request.params as Static<typeof IdParams>).id);
    const values = versionToInput(current);
    return reply.html(
      <TemplateEditPage ctx={viewContext(request)} mode="edit" id={template.id} values={values} errors={{}} canEdit={canEditNotify(staff)} versions={versions} currentVersion={template.current_version} preview={buildPreview(values, {})} />,
    );
  });

  app.post('/staff/notify/templates/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const staff = editor(request);
    const { template, versions } = await loadTemplate(db, (request.params as Static<typeof IdParams>).id);
    const { values, errors } = readForm(TemplateForm, request.body, { name: request.t('notify.template.name') });
    const all = errors.length ? errors : validateTemplate(values);
    if (all.length) {
      return reply.html(
        <TemplateEditPage ctx={viewContext(request)} mode="edit" id={template.id} values={values} errors={fieldErrorMap(all, request.t)} canEdit versions={versions} currentVersion={template.current_version} preview={buildPreview(values, {})} />,
        400,
      );
    }
    const version = await db.transaction().execute(async (trx) => {
      const saved = await saveTemplateVersion(trx, template.id, values, staff.id);
      await recordAudit(trx, { actor: { type: 'staff', id: staff.id }, action: 'notify.template.version', targetType: 'notify_template', targetId: template.id, details: { version: saved }, requestId: request.id });
      return saved;
    });
    setFlash(reply, 'success', 'notify.template.saved', { version });
    return reply.redirect(`/staff/notify/templates/${template.id}`, 303);
  });

  app.post('/staff/notify/templates/:id/preview', { schema: { params: IdParams } }, async (request, reply) => {
    const staff = notifyViewer(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (!Value.Check(PreviewForm, body)) throw invalidInput([{ field: 'preview', messageKey: 'notify.template.error.preview' }]);
    const { template, versions, current } = await loadTemplate(db, (request.params as Static<typeof IdParams>).id);
    const samples: Record<string, string> = {};
    for (let i = 0; i < 100 && typeof body[`name${i}`] === 'string'; i++) samples[String(body[`name${i}`])] = String(body[`value${i}`] ?? '').normalize('NFKC').trim();
    const values = versionToInput(current);
    return reply.html(
      <TemplateEditPage ctx={viewContext(request)} mode="edit" id={template.id} values={values} errors={{}} canEdit={canEditNotify(staff)} versions={versions} currentVersion={template.current_version} preview={buildPreview(values, samples)} />,
    );
  });
}
