/**
 * Answering a resident's question: retrieve from the published FAQ, decide
 * "answer" vs "not sure" by the engine's calibrated confidence, and log the
 * question (personal data masked) for the staff's reports.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { requireAccess } from '../../platform/access/require-access.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { invalidInput } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { maskPersonalData } from '../../platform/llm/pii-mask.ts';
import type { FaqIndexCache } from './faq-index-cache.ts';
import type { PublishedFaq } from './faq-queries.ts';
import { chatbotDb } from './tables.ts';

export const MAX_QUESTION_LENGTH = 200;
/** Below this the bot says it is not sure and offers candidates and a person (confidence.ts in the engine). */
export const ANSWER_THRESHOLD = 0.5;
const CANDIDATES = 4;

export interface Answer {
  queryId: number;
  /** Proves a later "was this helpful?" comes from whoever got this answer. */
  feedbackToken: string;
  confidence: number;
  confident: boolean;
  best: PublishedFaq | null;
  candidates: PublishedFaq[];
}

/** Validates and tidies a question: NFKC, whitespace collapsed, capped length; empty is an error naming the field. */
export function cleanQuestion(raw: unknown): string {
  const text = (typeof raw === 'string' ? raw : '').normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!text) throw invalidInput([{ field: 'q', messageKey: 'chatbot.ask.empty' }]);
  return text.slice(0, MAX_QUESTION_LENGTH);
}

export async function ask(db: Kysely<PlatformTables>, cache: FaqIndexCache, input: { question: string; locale: Locale; residentAccountId: string | null }): Promise<Answer> {
  const { index, entries } = await cache.current();
  // Residents often add their name or phone number; those say nothing about
  // the topic, so they are masked and left out of the search (and the log).
  const masked = maskPersonalData(input.question).masked;
  const result = index.search(masked.replace(/[［\[][^］\]]*[］\]]/g, ' '), CANDIDATES + 1);
  const hits = result.results.filter((h) => h.score > 0).map((h) => entries.get(h.id)!).filter(Boolean);
  const confident = hits.length > 0 && result.confidence >= ANSWER_THRESHOLD;
  const feedbackToken = crypto.randomBytes(16).toString('base64url');
  const row = await chatbotDb(db)
    .insertInto('chatbot_queries')
    .values({
      feedback_token: feedbackToken,
      query: masked,
      locale: input.locale,
      top_entry_id: hits[0]?.id ?? null,
      confidence: result.confidence,
      answered: confident,
      resident_account_id: input.residentAccountId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    queryId: row.id,
    feedbackToken,
    confidence: result.confidence,
    confident,
    best: confident ? hits[0]! : null,
    candidates: confident ? hits.slice(1, CANDIDATES) : hits.slice(0, CANDIDATES),
  };
}

/** Records the first rating of an answer; an unknown answer or a wrong token is a 404. */
export async function recordFeedback(db: Kysely<PlatformTables>, feedback: { queryId: number; token: string; helpful: boolean }): Promise<void> {
  const cdb = chatbotDb(db);
  const query = await cdb.selectFrom('chatbot_queries').select('feedback_token').where('id', '=', feedback.queryId).executeTakeFirst();
  const expected = query?.feedback_token ?? '';
  const matches = expected.length === feedback.token.length && expected.length > 0 && crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(feedback.token));
  requireAccess(matches);
  await cdb.insertInto('chatbot_feedback').values({ query_id: feedback.queryId, helpful: feedback.helpful }).onConflict((oc) => oc.column('query_id').doNothing()).execute();
}

/** The text to show in the user's language: English where the entry has it. */
export function localised(faq: PublishedFaq, locale: Locale): { question: string; answer: string; translated: boolean } {
  if (locale === 'en' && faq.questionEn && faq.answerEn) return { question: faq.questionEn, answer: faq.answerEn, translated: true };
  return { question: faq.question, answer: faq.answer, translated: locale === 'ja' };
}
