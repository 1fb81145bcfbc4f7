/**
 * Saved reminder texts the division reuses (a campaign copies one and may adjust
 * it). A template is checked like a campaign's text: known placeholders only, the
 * payment link present, and within SMS_MAX_SEGMENTS for a long sample taxpayer.
 */
import type { StaffActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Platform } from '../../platform/platform.ts';
import { addDays, todayInJapan } from '../../platform/time/today.ts';
import { asPlatformDb, type Failure } from './campaign-service.ts';
import { canEditTemplates, canUseTaxReminders } from './policy.ts';
import { checkCampaignText } from './sms-text.ts';
import { taxRemindersDb } from './tables.ts';
import { isUuid } from '../../platform/http/ids.ts';

/** A taxpayer with long values, so a template that fits them fits (nearly) everyone. */
export function sampleTaxpayer(today: string) {
  return { row: 0, name: '奥州 太郎右衛門', taxItem: '国民健康保険税', fiscalYear: Number(today.slice(0, 4)) - 1, installment: '第10期', amountYen: 1_234_567, dueDate: addDays(today, -30) };
}

export async function listTemplates(platform: Platform, actor: StaffActor) {
  requireAccess(canUseTaxReminders(actor), 'forbidden');
  return taxRemindersDb(platform.db.kysely).selectFrom('tax_reminder_templates').selectAll().orderBy('name').execute();
}

export async function getTemplate(platform: Platform, actor: StaffActor, id: string) {
  requireAccess(canUseTaxReminders(actor), 'forbidden');
  if (!isUuid(id)) return null;
  return (await taxRemindersDb(platform.db.kysely).selectFrom('tax_reminder_templates').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function saveTemplate(platform: Platform, actor: StaffActor, input: { id: string | null; name: string; body: string }, requestId: string): Promise<{ ok: true; id: string } | Failure> {
  requireAccess(canEditTemplates(actor), 'forbidden');
  if (!input.name) return { ok: false, field: 'name', messageKey: 'tax.template.name.required' };
  const today = todayInJapan(platform.now());
  const problems = checkCampaignText(input.body, [sampleTaxpayer(today)], platform.config.publicUrl, addDays(today, 14));
  if (problems[0]) return { ok: false, field: 'body', messageKey: problems[0].messageKey, ...(problems[0].params ? { params: problems[0].params } : {}) };
  const db = taxRemindersDb(platform.db.kysely);
  const clash = await db.selectFrom('tax_reminder_templates').select('id').where('name', '=', input.name).executeTakeFirst();
  if (clash && clash.id !== input.id) return { ok: false, field: 'name', messageKey: 'tax.template.name.taken' };
  return db.transaction().execute(async (trx) => {
    let id = input.id;
    if (id) {
      const updated = await trx.updateTable('tax_reminder_templates').set({ name: input.name, body: input.body, updated_by: actor.id, updated_at: platform.now() }).where('id', '=', id).executeTakeFirst();
      requireAccess(Number(updated.numUpdatedRows) === 1);
    } else {
      id = (await trx.insertInto('tax_reminder_templates').values({ name: input.name, body: input.body, created_by: actor.id, updated_by: actor.id }).returning('id').executeTakeFirstOrThrow()).id;
    }
    await recordAudit(asPlatformDb(trx), { actor: { type: 'staff', id: actor.id }, action: 'tax-reminders.template.saved', targetType: 'tax-reminder-template', targetId: id, details: { name: input.name, body: input.body, created: !input.id }, requestId });
    return { ok: true as const, id };
  });
}

export const DEMO_TEMPLATE = {
  name: '市税の納付のお願い（標準）',
  body: '((氏名))様 奥州市税務課です。((年度))((税目))((期別))分（納期限((納期限))）((金額))円の納付が確認できていません。こちらから納付できます（((有効期限))まで）：((納付リンク)) 行き違いの際はご容赦ください。問合せ0197-24-2111',
};

/** The demo's standard text (only when there is none yet). */
export async function seedTemplates(platform: Platform): Promise<void> {
  const db = taxRemindersDb(platform.db.kysely);
  const any = await db.selectFrom('tax_reminder_templates').select('id').limit(1).executeTakeFirst();
  if (any) return;
  await db.insertInto('tax_reminder_templates').values({ name: DEMO_TEMPLATE.name, body: DEMO_TEMPLATE.body, created_by: null, updated_by: null }).execute();
}
