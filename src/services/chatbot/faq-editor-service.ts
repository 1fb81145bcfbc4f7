/**
 * The staff FAQ editor: every change is a new version; a version goes
 * draft → in review → published (managers publish); publishing retires the
 * previous published version, so residents always see exactly one.
 */
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { faqEntry, faqVersions } from './faq-queries.ts';
import { canPublishFor, canWorkOnDepartment } from './policy.ts';
import { chatbotDb } from './tables.ts';

export const CATEGORIES = ['くらし・手続き', 'ごみ・環境', '子育て・教育', '健康・福祉', '税金', '住まい・道路・水道', '交通', '施設・予約', '防災', 'しごと・産業', 'デジタル・マイナンバー'] as const;

export interface FaqDraftInput {
  id: string;
  department: string;
  category: string;
  question: string;
  answer: string;
  keywords: string[];
  questionEn?: string;
  answerEn?: string;
}

export function validateFaq(input: FaqDraftInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!/^[a-z0-9][a-z0-9-]{1,80}$/.test(input.id)) errors.push({ field: 'id', messageKey: 'chatbot.faq.id.invalid' });
  if (!(CATEGORIES as readonly string[]).includes(input.category)) errors.push({ field: 'category', messageKey: 'chatbot.faq.category.required' });
  if (!input.question || input.question.length > 300) errors.push({ field: 'question', messageKey: 'chatbot.faq.question.required' });
  if (!input.answer || input.answer.length > 3000) errors.push({ field: 'answer', messageKey: 'chatbot.faq.answer.required' });
  if (Boolean(input.questionEn) !== Boolean(input.answerEn)) errors.push({ field: input.questionEn ? 'answerEn' : 'questionEn', messageKey: 'chatbot.faq.en.pair' });
  return errors;
}

export async function createFaqDraft(db: Kysely<PlatformTables>, actor: StaffActor, input: FaqDraftInput, requestId: string): Promise<string> {
  requireAccess(canWorkOnDepartment(actor, input.department), 'forbidden');
  return db.transaction().execute(async (trx) => {
    const cdb = chatbotDb(trx);
    await cdb.insertInto('chatbot_faq_entries').values({ id: input.id, department_code: input.department, category: input.category }).execute();
    await cdb
      .insertInto('chatbot_faq_versions')
      .values({
        entry_id: input.id,
        version: 1,
        status: 'draft',
        question: input.question,
        answer: input.answer,
        keywords: JSON.stringify(input.keywords),
        procedure_slug: null,
        links: '[]',
        question_en: input.questionEn || null,
        answer_en: input.answerEn || null,
        author_staff_id: actor.id,
        reviewer_staff_id: null,
        published_at: null,
      })
      .execute();
    await recordAudit(trx, { actor: { type: 'staff', id: actor.id }, action: 'chatbot.faq.created', targetType: 'faq', targetId: input.id, requestId });
    return input.id;
  });
}

export async function faqForEditing(db: Kysely<PlatformTables>, actor: StaffActor, entryId: string) {
  const cdb = chatbotDb(db);
  const entry = await faqEntry(cdb, entryId);
  requireAccess(entry !== undefined && canWorkOnDepartment(actor, entry.department_code));
  return { entry: entry!, versions: await faqVersions(cdb, entryId) };
}

/** Saves changes as a new draft version (the published one stays live until the draft is published). */
export async function saveFaqVersion(db: Kysely<PlatformTables>, actor: StaffActor, entryId: string, input: Omit<FaqDraftInput, 'id' | 'department'>, requestId: string): Promise<number> {
  const { entry, versions } = await faqForEditing(db, actor, entryId);
  const latest = versions[0]!;
  return db.transaction().execute(async (trx) => {
    const cdb = chatbotDb(trx);
    await cdb.updateTable('chatbot_faq_entries').set({ category: input.category }).where('id', '=', entryId).execute();
    const version = latest.version + 1;
    await cdb
      .insertInto('chatbot_faq_versions')
      .values({
        entry_id: entry.id,
        version,
        status: 'draft',
        question: input.question,
        answer: input.answer,
        keywords: JSON.stringify(input.keywords),
        procedure_slug: latest.procedure_slug,
        links: JSON.stringify(latest.links),
        question_en: input.questionEn || null,
        answer_en: input.answerEn || null,
        author_staff_id: actor.id,
        reviewer_staff_id: null,
        published_at: null,
      })
      .execute();
    await recordAudit(trx, { actor: { type: 'staff', id: actor.id }, action: 'chatbot.faq.edited', targetType: 'faq', targetId: entryId, details: { version }, requestId });
    return version;
  });
}

export async function submitForReview(db: Kysely<PlatformTables>, actor: StaffActor, entryId: string, version: number, requestId: string): Promise<void> {
  const { versions } = await faqForEditing(db, actor, entryId);
  requireAccess(versions.some((v) => v.version === version && v.status === 'draft'), 'forbidden');
  await db.transaction().execute(async (trx) => {
    await chatbotDb(trx).updateTable('chatbot_faq_versions').set({ status: 'in_review' }).where('entry_id', '=', entryId).where('version', '=', version).execute();
    await recordAudit(trx, { actor: { type: 'staff', id: actor.id }, action: 'chatbot.faq.submitted', targetType: 'faq', targetId: entryId, details: { version }, requestId });
  });
}

export async function publishVersion(db: Kysely<PlatformTables>, actor: StaffActor, entryId: string, version: number, requestId: string): Promise<void> {
  const { entry, versions } = await faqForEditing(db, actor, entryId);
  requireAccess(canPublishFor(actor, entry.department_code), 'forbidden');
  const candidate = versions.find((v) => v.version === version && v.status === 'in_review');
  // Four eyes: whoever wrote a version does not publish it.
  requireAccess(candidate !== undefined && candidate.author_staff_id !== actor.id, 'forbidden');
  await db.transaction().execute(async (trx) => {
    const cdb = chatbotDb(trx);
    await cdb.updateTable('chatbot_faq_versions').set({ status: 'retired' }).where('entry_id', '=', entryId).where('status', '=', 'published').execute();
    await cdb.updateTable('chatbot_faq_versions').set({ status: 'published', reviewer_staff_id: actor.id, published_at: new Date() }).where('entry_id', '=', entryId).where('version', '=', version).execute();
    await recordAudit(trx, { actor: { type: 'staff', id: actor.id }, action: 'chatbot.faq.published', targetType: 'faq', targetId: entryId, details: { version }, requestId });
  });
}
