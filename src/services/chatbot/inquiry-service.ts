/**
 * Questions the bot could not answer, handed to the right department:
 * created by a resident (contact optional), answered by staff, the answer
 * sent through the notification interface, and turned into a new FAQ draft.
 */
import { normalizeJapanesePhone } from '../../platform/text/phone.ts';
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { Notifier } from '../../platform/notify/notifier.ts';
import { todayInJapan } from '../../platform/time/today.ts';
import { createFaqDraft } from './faq-editor-service.ts';
import { canWorkOnDepartment, staffDepartments } from './policy.ts';
import { chatbotDb } from './tables.ts';
import { isUuid } from '../../platform/http/ids.ts';

export interface InquiryInput {
  question: string;
  department: string;
  email: string;
  phone: string;
  queryId: number | null;
  residentAccountId: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Japanese phone numbers: 10 digits for landlines, 11 for mobiles, with or without hyphens. */

export function validateInquiry(input: InquiryInput, departments: string[]): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.question) errors.push({ field: 'question', messageKey: 'chatbot.inquiry.question.required' });
  if (input.question.length > 2000) errors.push({ field: 'question', messageKey: 'chatbot.inquiry.question.tooLong' });
  if (!departments.includes(input.department)) errors.push({ field: 'department', messageKey: 'chatbot.inquiry.department.required' });
  if (input.email && !EMAIL.test(input.email)) errors.push({ field: 'email', messageKey: 'chatbot.inquiry.email.invalid' });
  if (input.phone && !normalizeJapanesePhone(input.phone)) errors.push({ field: 'phone', messageKey: 'chatbot.inquiry.phone.invalid' });
  return errors;
}

export async function createInquiry(db: Kysely<PlatformTables>, input: InquiryInput, requestId: string): Promise<{ reference: string }> {
  const reference = `Q-${todayInJapan().replace(/-/g, '')}-${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
  await db.transaction().execute(async (trx) => {
    const row = await chatbotDb(trx)
      .insertInto('chatbot_inquiries')
      .values({
        reference,
        department_code: input.department,
        question: input.question,
        contact_email: input.email || null,
        contact_phone: input.phone ? input.phone.replace(/[-‐－ー\s()（）]/g, '') : null,
        resident_account_id: input.residentAccountId,
        query_id: input.queryId,
        answer: null,
        answered_by: null,
        answered_at: null,
        faq_entry_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: input.residentAccountId ? { type: 'resident', id: input.residentAccountId } : { type: 'anonymous', id: null },
      action: 'chatbot.inquiry.created',
      targetType: 'inquiry',
      targetId: row.id,
      details: { department: input.department },
      requestId,
    });
  });
  return { reference };
}

export async function listInquiries(db: Kysely<PlatformTables>, actor: StaffActor, filter: { status: 'open' | 'answered' | 'closed' | '' }, page: number, pageSize = 20) {
  const departments = staffDepartments(actor);
  let query = chatbotDb(db).selectFrom('chatbot_inquiries').where('department_code', 'in', departments.length ? departments : ['-']);
  if (filter.status) query = query.where('status', '=', filter.status);
  const [rows, total] = await Promise.all([
    query.select(['id', 'reference', 'department_code', 'question', 'status', 'created_at']).orderBy('created_at', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, pageCount: Math.max(1, Math.ceil(Number(total.n) / pageSize)) };
}

export async function getInquiry(db: Kysely<PlatformTables>, actor: StaffActor, id: string) {
  requireAccess(isUuid(id));
  const inquiry = await chatbotDb(db).selectFrom('chatbot_inquiries').selectAll().where('id', '=', id).executeTakeFirst();
  requireAccess(inquiry !== undefined && canWorkOnDepartment(actor, inquiry.department_code));
  return inquiry!;
}

/** Answers an inquiry and sends the answer to the contact the resident gave (email first, else SMS). */
export async function answerInquiry(db: Kysely<PlatformTables>, notifier: Notifier, actor: StaffActor, id: string, answer: string, requestId: string): Promise<{ sentTo: 'email' | 'sms' | null }> {
  const inquiry = await getInquiry(db, actor, id);
  await db.transaction().execute(async (trx) => {
    await chatbotDb(trx).updateTable('chatbot_inquiries').set({ answer, status: 'answered', answered_by: actor.id, answered_at: new Date() }).where('id', '=', id).execute();
    await recordAudit(trx, { actor: { type: 'staff', id: actor.id }, action: 'chatbot.inquiry.answered', targetType: 'inquiry', targetId: id, requestId });
  });
  // A corrected answer is a new message; the same answer twice (a double click) is one.
  const key = `inquiry-answer-${id}-${crypto.createHash('sha256').update(answer).digest('hex').slice(0, 16)}`;
  const body = `奥州市へのお問い合わせ（受付番号 ${inquiry.reference}）への回答です。\n\n${answer}\n\n奥州市`;
  if (inquiry.contact_email) {
    await notifier.send({ channel: 'email', to: inquiry.contact_email, subject: `【奥州市】お問い合わせへの回答（${inquiry.reference}）`, body, idempotencyKey: key });
    return { sentTo: 'email' };
  }
  if (inquiry.contact_phone) {
    await notifier.send({ channel: 'sms', to: inquiry.contact_phone, body: `奥州市からの回答（${inquiry.reference}）：${answer}`.slice(0, 670), idempotencyKey: key });
    return { sentTo: 'sms' };
  }
  return { sentTo: null };
}

/** Staff turn an answered inquiry into a draft FAQ entry of their department. */
export async function inquiryToFaq(db: Kysely<PlatformTables>, actor: StaffActor, id: string, requestId: string): Promise<string> {
  const inquiry = await getInquiry(db, actor, id);
  requireAccess(inquiry.answer !== null, 'forbidden');
  if (inquiry.faq_entry_id) return inquiry.faq_entry_id; // already turned into a draft: go there
  const entryId = await createFaqDraft(db, actor, {
    id: `inquiry-${inquiry.reference.toLowerCase()}`,
    department: inquiry.department_code,
    category: 'くらし・手続き',
    question: inquiry.question.slice(0, 300),
    answer: inquiry.answer!,
    keywords: [],
  }, requestId);
  await chatbotDb(db).updateTable('chatbot_inquiries').set({ faq_entry_id: entryId }).where('id', '=', id).execute();
  return entryId;
}

/** A resident's own inquiries for my page. */
export async function inquiriesOfResident(db: Kysely<PlatformTables>, residentAccountId: string) {
  return chatbotDb(db).selectFrom('chatbot_inquiries').select(['reference', 'question', 'status', 'answer', 'created_at']).where('resident_account_id', '=', residentAccountId).orderBy('created_at', 'desc').limit(10).execute();
}
