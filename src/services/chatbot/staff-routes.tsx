/** The chatbot back office: inquiries inbox and answers, the FAQ editor, reports, AI assistance. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import type { StaffActor } from '../../platform/access/actor.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { listDepartments } from '../../platform/staff/staff-accounts.ts';
import { createFaqDraft, faqForEditing, publishVersion, saveFaqVersion, submitForReview, validateFaq } from './faq-editor-service.ts';
import type { FaqIndexCache } from './faq-index-cache.ts';
import { listFaqs } from './faq-queries.ts';
import { answerInquiry, getInquiry, inquiryToFaq, listInquiries } from './inquiry-service.ts';
import { canPublishFor, canWorkOnDepartment, staffDepartments, usesChatbotBackOffice } from './policy.ts';
import { chatbotReport } from './report-service.ts';
import { chatbotDb, type FaqStatus } from './tables.ts';
import { assistWithInquiry } from './staff-assist.ts';
import { ChatbotStaffHome, FaqEditPage, FaqListPage, InquiryStaffPage, ReportsPage, type FaqFormValues } from './staff-views.tsx';

const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
const VersionParams = Type.Object({ id: Type.String({ maxLength: 100 }), version: Type.Integer({ minimum: 1 }) });
const AnswerForm = Type.Object({ answer: Type.String({ maxLength: 5000 }) });
const AiForm = Type.Object({ task: Type.Union([Type.Literal('summary'), Type.Literal('draft')]) });
const FaqForm = Type.Object({
  id: Type.String({ maxLength: 100 }),
  department: Type.String({ maxLength: 40 }),
  category: Type.String({ maxLength: 40 }),
  question: Type.String({ maxLength: 1000 }),
  answer: Type.String({ maxLength: 6000 }),
  keywords: Type.String({ maxLength: 500 }),
  questionEn: Type.String({ maxLength: 1000 }),
  answerEn: Type.String({ maxLength: 6000 }),
});
const PAGE = 30;

function keywordList(text: string): string[] {
  return text.split(/[、,\s]+/).map((k) => k.trim()).filter(Boolean).slice(0, 20);
}

export async function registerChatbotStaffRoutes(app: FastifyInstance, platform: Platform, cache: FaqIndexCache): Promise<void> {
  const db = platform.db.kysely;

  async function departments(request: FastifyRequest) {
    const rows = await listDepartments(db);
    const map = new Map(rows.map((d) => [d.code, request.locale === 'ja' ? d.name_ja : d.name_en]));
    return { name: (c: string) => map.get(c) ?? c, list: rows.map((d) => ({ code: d.code, name: map.get(d.code)! })) };
  }

  function backOfficeStaff(request: FastifyRequest): StaffActor {
    const staff = requireStaff(request.staff);
    requireAccess(usesChatbotBackOffice(staff), 'forbidden');
    return staff;
  }

  app.get('/staff/chatbot', async (request, reply) => {
    const staff = backOfficeStaff(request);
    const query = request.query as Record<string, unknown>;
    const status = ['open', 'answered', 'closed'].includes(String(query.status)) ? (String(query.status) as 'open') : '';
    const page = Math.max(1, Number(query.page) || 1);
    const { rows, pageCount } = await listInquiries(db, staff, { status }, page);
    const names = await departments(request);
    return reply.html(<ChatbotStaffHome ctx={viewContext(request)} rows={rows} status={status} page={page} pageCount={pageCount} departmentName={names.name} />);
  });

  async function renderInquiry(request: FastifyRequest, staff: StaffActor, id: string) {
    return { inquiry: await getInquiry(db, staff, id), names: await departments(request) };
  }

  app.get('/staff/chatbot/inquiries/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const staff = backOfficeStaff(request);
    const { inquiry, names } = await renderInquiry(request, staff, (request.params as { id: string }).id);
    return reply.html(<InquiryStaffPage ctx={viewContext(request)} inquiry={inquiry} departmentName={names.name} draft={inquiry.answer ?? ''} aiEnabled={platform.llm.enabled} />);
  });

  app.post('/staff/chatbot/inquiries/:id/answer', { schema: { params: IdParams } }, async (request, reply) => {
    const staff = backOfficeStaff(request);
    const id = (request.params as { id: string }).id;
    const { values } = readForm(AnswerForm, request.body);
    if (!values.answer) {
      const { inquiry, names } = await renderInquiry(request, staff, id);
      return reply.html(<InquiryStaffPage ctx={viewContext(request)} inquiry={inquiry} departmentName={names.name} draft="" error={request.t('chatbot.staff.answer.required')} aiEnabled={platform.llm.enabled} />, 400);
    }
    const { sentTo } = await answerInquiry(db, platform.notifier, staff, id, values.answer, request.id);
    setFlash(reply, 'success', `chatbot.staff.answered.${sentTo ?? 'none'}`);
    return reply.redirect(`/staff/chatbot/inquiries/${id}`, 303);
  });

  app.post('/staff/chatbot/inquiries/:id/to-faq', { schema: { params: IdParams } }, async (request, reply) => {
    const staff = backOfficeStaff(request);
    const entryId = await inquiryToFaq(db, staff, (request.params as { id: string }).id, request.id);
    setFlash(reply, 'success', 'chatbot.staff.toFaq.done');
    return reply.redirect(`/staff/chatbot/faq/${entryId}`, 303);
  });

  app.post('/staff/chatbot/inquiries/:id/ai', { schema: { params: IdParams } }, async (request, reply) => {
    const staff = backOfficeStaff(request);
    const id = (request.params as { id: string }).id;
    const { values, errors } = readForm(AiForm, request.body);
    const { inquiry, names } = await renderInquiry(request, staff, id);
    const outcome = errors.length ? { error: 'chatbot.staff.ai.failed' } : await assistWithInquiry(platform, staff, inquiry, values.task, request.id);
    return reply.html(
      <InquiryStaffPage
        ctx={viewContext(request)}
        inquiry={inquiry}
        departmentName={names.name}
        draft={'text' in outcome && values.task === 'draft' ? outcome.text : inquiry.answer ?? ''}
        aiEnabled={platform.llm.enabled}
        aiOutput={'text' in outcome ? outcome.text : null}
        aiError={'error' in outcome ? request.t(outcome.error) : null}
      />,
      'error' in outcome ? 502 : 200,
    );
  });

  // FAQ editor
  app.get('/staff/chatbot/faq', async (request, reply) => {
    const staff = backOfficeStaff(request);
    const query = request.query as Record<string, unknown>;
    const text = typeof query.text === 'string' ? query.text.normalize('NFKC').trim().slice(0, 100) : '';
    const status = ['draft', 'in_review', 'published'].includes(String(query.status)) ? (String(query.status) as FaqStatus) : undefined;
    const page = Math.max(1, Number(query.page) || 1);
    const rows = await listFaqs(chatbotDb(db), { departments: staffDepartments(staff), text, ...(status ? { status } : {}) }, page, PAGE + 1);
    return reply.html(<FaqListPage ctx={viewContext(request)} rows={rows.slice(0, PAGE)} text={text} status={status ?? ''} page={page} hasNext={rows.length > PAGE} />);
  });

  const emptyFaq = (department: string): FaqFormValues => ({ id: '', department, category: 'くらし・手続き', question: '', answer: '', keywords: '', questionEn: '', answerEn: '' });

  app.get('/staff/chatbot/faq/new', async (request, reply) => {
    const staff = backOfficeStaff(request);
    const names = await departments(request);
    const mine = names.list.filter((d) => canWorkOnDepartment(staff, d.code));
    return reply.html(<FaqEditPage ctx={viewContext(request)} mode="create" values={emptyFaq(mine[0]?.code ?? '')} errors={{}} departments={mine} versions={[]} canPublish={false} />);
  });

  app.post('/staff/chatbot/faq/new', async (request, reply) => {
    const staff = backOfficeStaff(request);
    const { values } = readForm(FaqForm, request.body);
    const names = await departments(request);
    const mine = names.list.filter((d) => canWorkOnDepartment(staff, d.code));
    const input = { ...values, keywords: keywordList(values.keywords) };
    const errors = validateFaq(input);
    if (!mine.some((d) => d.code === values.department)) errors.push({ field: 'department', messageKey: 'chatbot.inquiry.department.required' });
    if (!errors.length && (await chatbotDb(db).selectFrom('chatbot_faq_entries').select('id').where('id', '=', values.id).executeTakeFirst())) {
      errors.push({ field: 'id', messageKey: 'chatbot.faq.id.taken' });
    }
    if (errors.length) {
      return reply.html(<FaqEditPage ctx={viewContext(request)} mode="create" values={values} errors={fieldErrorMap(errors, request.t)} departments={mine} versions={[]} canPublish={false} />, 400);
    }
    await createFaqDraft(db, staff, input, request.id);
    setFlash(reply, 'success', 'chatbot.faq.saved');
    return reply.redirect(`/staff/chatbot/faq/${values.id}`, 303);
  });

  async function renderFaq(request: FastifyRequest, staff: StaffActor, id: string, override?: { values: FaqFormValues; errors: Record<string, string> }) {
    const { entry, versions } = await faqForEditing(db, staff, id);
    const latest = versions[0]!;
    const values: FaqFormValues = override?.values ?? {
      id: entry.id,
      department: entry.department_code,
      category: entry.category,
      question: latest.question,
      answer: latest.answer,
      keywords: latest.keywords.join('、'),
      questionEn: latest.question_en ?? '',
      answerEn: latest.answer_en ?? '',
    };
    return (
      <FaqEditPage
        ctx={viewContext(request)}
        mode="edit"
        values={{ ...values, id: entry.id }}
        errors={override?.errors ?? {}}
        departments={[]}
        versions={versions}
        canPublish={canPublishFor(staff, entry.department_code)}
      />
    );
  }

  app.get('/staff/chatbot/faq/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const staff = backOfficeStaff(request);
    return reply.html(await renderFaq(request, staff, (request.params as { id: string }).id));
  });

  app.post('/staff/chatbot/faq/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const staff = backOfficeStaff(request);
    const id = (request.params as { id: string }).id;
    const { values } = readForm(FaqForm, request.body);
    const input = { ...values, id, keywords: keywordList(values.keywords) };
    const errors = validateFaq(input);
    if (errors.length) return reply.html(await renderFaq(request, staff, id, { values: { ...values, id }, errors: fieldErrorMap(errors, request.t) }), 400);
    await saveFaqVersion(db, staff, id, input, request.id);
    setFlash(reply, 'success', 'chatbot.faq.saved');
    return reply.redirect(`/staff/chatbot/faq/${id}`, 303);
  });

  app.post('/staff/chatbot/faq/:id/versions/:version/submit', { schema: { params: VersionParams } }, async (request, reply) => {
    const staff = backOfficeStaff(request);
    const { id, version } = request.params as { id: string; version: number };
    await submitForReview(db, staff, id, version, request.id);
    setFlash(reply, 'success', 'chatbot.faq.submitted');
    return reply.redirect(`/staff/chatbot/faq/${id}`, 303);
  });

  app.post('/staff/chatbot/faq/:id/versions/:version/publish', { schema: { params: VersionParams } }, async (request, reply) => {
    const staff = backOfficeStaff(request);
    const { id, version } = request.params as { id: string; version: number };
    await publishVersion(db, staff, id, version, request.id);
    cache.invalidate();
    setFlash(reply, 'success', 'chatbot.faq.published');
    return reply.redirect(`/staff/chatbot/faq/${id}`, 303);
  });

  app.get('/staff/chatbot/reports', async (request, reply) => {
    const staff = backOfficeStaff(request);
    return reply.html(<ReportsPage ctx={viewContext(request)} report={await chatbotReport(db, staff)} />);
  });
}
