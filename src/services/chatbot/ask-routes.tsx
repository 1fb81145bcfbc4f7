/** Resident side of the chatbot: the no-JS question page, FAQ pages, feedback, inquiries, and the chat JSON API. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { requireAccess } from '../../platform/access/require-access.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { listDepartments } from '../../platform/staff/staff-accounts.ts';
import { ask, cleanQuestion, localised, MAX_QUESTION_LENGTH, recordFeedback, type Answer } from './ask-service.ts';
import { composeAnswer } from './compose-answer.ts';
import { AskPage, FaqPage, InquiryDonePage, InquiryPage } from './ask-views.tsx';
import type { FaqIndexCache } from './faq-index-cache.ts';
import { createInquiry, validateInquiry } from './inquiry-service.ts';
import { chatbotDb } from './tables.ts';

const CHAT_JS = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets/chat.js'), 'utf8');

const FeedbackForm = Type.Object({ queryId: Type.String({ pattern: '^\\d{1,12}$' }), token: Type.String({ minLength: 1, maxLength: 64 }), helpful: Type.Union([Type.Literal('yes'), Type.Literal('no')]), q: Type.String({ maxLength: 400 }) });
const InquiryForm = Type.Object({
  question: Type.String({ maxLength: 4000 }),
  department: Type.String({ maxLength: 40 }),
  email: Type.String({ maxLength: 200 }),
  phone: Type.String({ maxLength: 40 }),
  from: Type.String({ maxLength: 12, pattern: '^\\d*$' }),
});
const AskJson = Type.Object({ q: Type.String({ maxLength: 2000 }) }, { additionalProperties: false });
const FeedbackJson = Type.Object({ queryId: Type.Integer({ minimum: 1 }), token: Type.String({ minLength: 1, maxLength: 64 }), helpful: Type.Boolean() }, { additionalProperties: false });
const FaqJson = Type.Object({ id: Type.String(), question: Type.String(), answer: Type.String(), department: Type.String(), category: Type.String() });
const AnswerJson = Type.Object({
  queryId: Type.Integer(),
  feedbackToken: Type.String(),
  confidence: Type.Number(),
  answer: Type.Union([FaqJson, Type.Null()]),
  composed: Type.Union([Type.String(), Type.Null()]),
  candidates: Type.Array(FaqJson),
});

export async function registerAskRoutes(app: FastifyInstance, platform: Platform, cache: FaqIndexCache): Promise<void> {
  const db = platform.db.kysely;

  async function departmentNames(request: FastifyRequest) {
    const rows = await listDepartments(db);
    const map = new Map(rows.map((d) => [d.code, request.locale === 'ja' ? d.name_ja : d.name_en]));
    return { name: (code: string) => map.get(code) ?? code, list: rows.map((d) => ({ code: d.code, name: request.locale === 'ja' ? d.name_ja : d.name_en })) };
  }

  /** The question an inquiry came from, if the form's reference to it is real. */
  async function existingQueryId(from: string): Promise<number | null> {
    if (!/^\d{1,12}$/.test(from)) return null;
    const row = await chatbotDb(db).selectFrom('chatbot_queries').select('id').where('id', '=', Number(from)).executeTakeFirst();
    return row?.id ?? null;
  }

  async function answerFor(request: FastifyRequest, question: string): Promise<{ answer: Answer; composed: string | null }> {
    const answer = await ask(db, cache, { question, locale: request.locale, residentAccountId: request.resident?.accountId ?? null });
    const composed = answer.best ? await composeAnswer(platform, question, answer, request) : null;
    return { answer, composed };
  }

  app.get('/assets/chatbot/chat.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CHAT_JS),
  );

  app.get('/ask', async (request, reply) => {
    const raw = (request.query as Record<string, unknown>).q;
    const departments = await departmentNames(request);
    const ctx = viewContext(request);
    const feedbackGiven = (request.query as Record<string, unknown>).thanks === '1';
    if (raw === undefined) return reply.html(<AskPage ctx={ctx} question="" answer={null} departmentName={departments.name} />);
    let question: string;
    try {
      question = cleanQuestion(raw);
    } catch {
      return reply.html(<AskPage ctx={ctx} question="" error={request.t('chatbot.ask.empty')} answer={null} departmentName={departments.name} />, 400);
    }
    const { answer, composed } = await answerFor(request, question);
    return reply.html(<AskPage ctx={ctx} question={question} answer={answer} composed={composed} departmentName={departments.name} feedbackGiven={feedbackGiven} />);
  });

  app.get('/ask/faq/:id', { schema: { params: Type.Object({ id: Type.String({ maxLength: 100 }) }) } }, async (request, reply) => {
    const { entries } = await cache.current();
    const faq = entries.get((request.params as { id: string }).id);
    requireAccess(faq !== undefined);
    const departments = await departmentNames(request);
    return reply.html(<FaqPage ctx={viewContext(request)} faq={faq!} departmentName={departments.name} />);
  });

  app.post('/ask/feedback', async (request, reply) => {
    const { values, errors } = readForm(FeedbackForm, request.body);
    if (errors.length) throw new DomainError('invalid_input', 400, 'error.badRequest.body');
    await recordFeedback(db, { queryId: Number(values.queryId), token: values.token, helpful: values.helpful === 'yes' });
    setFlash(reply, 'success', 'chatbot.feedback.thanks');
    return reply.redirect(`/ask?${new URLSearchParams({ q: values.q, thanks: '1' })}`, 303);
  });

  app.get('/ask/inquiry', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const departments = await departmentNames(request);
    const str = (v: unknown) => (typeof v === 'string' ? v.normalize('NFKC').slice(0, MAX_QUESTION_LENGTH * 10) : '');
    return reply.html(
      <InquiryPage
        ctx={viewContext(request)}
        values={{ question: str(query.q), department: str(query.department), email: '', phone: '', from: /^\d+$/.test(str(query.from)) ? str(query.from) : '' }}
        errors={{}}
        departments={departments.list}
      />,
    );
  });

  app.post('/ask/inquiry', async (request, reply) => {
    const { values } = readForm(InquiryForm, request.body);
    const departments = await departmentNames(request);
    const input = { question: values.question, department: values.department, email: values.email, phone: values.phone, queryId: await existingQueryId(values.from), residentAccountId: request.resident?.accountId ?? null };
    const errors = validateInquiry(input, departments.list.map((d) => d.code));
    if (errors.length) {
      return reply.html(<InquiryPage ctx={viewContext(request)} values={values} errors={fieldErrorMap(errors, request.t)} departments={departments.list} />, 400);
    }
    const { reference } = await createInquiry(db, input, request.id);
    return reply.html(<InquiryDonePage ctx={viewContext(request)} reference={reference} hasContact={Boolean(values.email || values.phone)} />, 201);
  });

  // JSON API, used by the chat panel and open to other front ends.
  app.post(
    '/api/chat/ask',
    { schema: { tags: ['chatbot'], summary: '市への質問に回答する（FAQ検索、確信度つき）', body: AskJson, response: { 200: AnswerJson } } },
    async (request) => {
      const question = cleanQuestion((request.body as Static<typeof AskJson>).q);
      const { answer, composed } = await answerFor(request, question);
      const present = (f: NonNullable<Answer['best']>) => ({ id: f.id, ...localised(f, request.locale), department: f.department, category: f.category });
      return {
        queryId: answer.queryId,
        feedbackToken: answer.feedbackToken,
        confidence: answer.confidence,
        answer: answer.best ? present(answer.best) : null,
        composed,
        candidates: answer.candidates.map(present),
      };
    },
  );

  app.post(
    '/api/chat/feedback',
    { schema: { tags: ['chatbot'], summary: '回答が役に立ったかの評価', body: FeedbackJson, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const body = request.body as Static<typeof FeedbackJson>;
      await recordFeedback(db, { queryId: body.queryId, token: body.token, helpful: body.helpful });
      return reply.status(204).send();
    },
  );
}
