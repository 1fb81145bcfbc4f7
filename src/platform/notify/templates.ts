/**
 * Message templates: one template, many versions (an edit never changes what was
 * sent), a body per channel, ((placeholders)) filled per recipient with template.ts.
 */
import type { FieldError } from '../http/errors.ts';
import type { Channel } from './notifier.ts';
import type { NotifyDb, NotifyTables } from './notify-tables.ts';
import { placeholdersOf, renderTemplate } from './template.ts';

export type TemplateVersion = NotifyTables['notify_template_versions'] & { created_at: Date };

export interface TemplateInput {
  name: string;
  smsBody: string;
  emailSubject: string;
  emailBody: string;
  lineBody: string;
  pushTitle: string;
  pushBody: string;
}

export function validateTemplate(input: TemplateInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.name) errors.push({ field: 'name', messageKey: 'notify.template.error.name' });
  if (![input.smsBody, input.emailBody, input.lineBody, input.pushBody].some(Boolean)) errors.push({ field: 'smsBody', messageKey: 'notify.template.error.noBody' });
  if (Boolean(input.emailSubject) !== Boolean(input.emailBody)) errors.push({ field: input.emailSubject ? 'emailBody' : 'emailSubject', messageKey: 'notify.template.error.emailPair' });
  if (input.pushTitle && !input.pushBody) errors.push({ field: 'pushBody', messageKey: 'notify.template.error.pushBody' });
  return errors;
}

const toRow = (input: TemplateInput) => ({
  name: input.name,
  sms_body: input.smsBody || null,
  email_subject: input.emailSubject || null,
  email_body: input.emailBody || null,
  line_body: input.lineBody || null,
  push_title: input.pushTitle || null,
  push_body: input.pushBody || null,
});

export async function createTemplate(db: NotifyDb, input: TemplateInput, createdBy: string | null): Promise<string> {
  const template = await db.insertInto('notify_templates').values({ name: input.name, created_by: createdBy }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('notify_template_versions').values({ template_id: template.id, version: 1, created_by: createdBy, ...toRow(input) }).execute();
  return template.id;
}

/** Saves an edit as the next version; returns its number. */
export async function saveTemplateVersion(db: NotifyDb, id: string, input: TemplateInput, createdBy: string | null): Promise<number> {
  const bumped = await db
    .updateTable('notify_templates')
    .set((eb) => ({ current_version: eb('current_version', '+', 1), name: input.name, updated_at: new Date() }))
    .where('id', '=', id)
    .returning('current_version')
    .executeTakeFirstOrThrow();
  await db.insertInto('notify_template_versions').values({ template_id: id, version: bumped.current_version, created_by: createdBy, ...toRow(input) }).execute();
  return bumped.current_version;
}

export async function currentTemplateVersion(db: NotifyDb, id: string): Promise<TemplateVersion | null> {
  const row = await db
    .selectFrom('notify_templates as t')
    .innerJoin('notify_template_versions as v', (join) => join.onRef('v.template_id', '=', 't.id').onRef('v.version', '=', 't.current_version'))
    .selectAll('v')
    .where('t.id', '=', id)
    .executeTakeFirst();
  return (row as TemplateVersion | undefined) ?? null;
}

export function versionToInput(v: TemplateVersion): TemplateInput {
  return { name: v.name, smsBody: v.sms_body ?? '', emailSubject: v.email_subject ?? '', emailBody: v.email_body ?? '', lineBody: v.line_body ?? '', pushTitle: v.push_title ?? '', pushBody: v.push_body ?? '' };
}

export function channelTexts(input: TemplateInput, channel: Channel): { subject: string | null; body: string } | null {
  switch (channel) {
    case 'sms':
      return input.smsBody ? { subject: null, body: input.smsBody } : null;
    case 'email':
      return input.emailBody ? { subject: input.emailSubject, body: input.emailBody } : null;
    case 'line':
      return input.lineBody ? { subject: null, body: input.lineBody } : null;
    case 'push':
      return input.pushBody ? { subject: input.pushTitle || null, body: input.pushBody } : null;
  }
}

export type RenderedTemplate = { ok: true; subject: string | null; body: string } | { ok: false; error: 'no-channel' } | { ok: false; error: 'missing'; missing: string[] };

/** A template's text for one channel with the recipient's values filled in. */
export function renderForChannel(input: TemplateInput, channel: Channel, values: Record<string, string | number>): RenderedTemplate {
  const texts = channelTexts(input, channel);
  if (!texts) return { ok: false, error: 'no-channel' };
  const missing = placeholdersOf(texts.subject, texts.body).filter((name) => values[name] === undefined || values[name] === '');
  if (missing.length) return { ok: false, error: 'missing', missing };
  const body = renderTemplate(texts.body, values);
  const subject = texts.subject ? renderTemplate(texts.subject, values) : null;
  return { ok: true, subject: subject && subject.ok ? subject.text : null, body: body.ok ? body.text : texts.body };
}
