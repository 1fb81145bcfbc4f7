// Parsing of the localgovFAQ evaluation format (shared/data/faq). Pure; the
// file reading lives in eval-data.ts. Product FAQ content does not go through
// this: it is handed to createFaqIndex as {id, question, answer} directly.

import type { FaqEntry } from './index.ts';

const QUESTION_PREFIX = 'Question: ';
const ANSWER_SEPARATOR = '\nAnswer: ';

/** "Question: …\nAnswer: …" → question and answer (split on the first separator). */
export function parseCorpusText(id: string, text: string, dropRelated = true): FaqEntry {
  const at = text.indexOf(ANSWER_SEPARATOR);
  const rawQuestion = at === -1 ? text : text.slice(0, at);
  const answer = at === -1 ? '' : text.slice(at + ANSWER_SEPARATOR.length);
  const question = rawQuestion.startsWith(QUESTION_PREFIX) ? rawQuestion.slice(QUESTION_PREFIX.length) : rawQuestion;
  return { id, question: question.trim(), answer: cleanAnswer(answer, dropRelated) };
}

/**
 * Removes page furniture that is not part of the answer:
 * - ＜改＞ line-break markers;
 * - the 【関連するＦＡＱ】 section, which lists the titles of *other* FAQs and
 *   so makes this entry match queries those other entries answer.
 * Other 【…】 sections (e.g. 【お問い合わせ】, the responsible office) stay:
 * they name the department, which residents do ask about.
 */
export function cleanAnswer(answer: string, dropRelated = true): string {
  let text = answer.replace(/[＜<]改[＞>]/gu, ' ');
  if (dropRelated) text = text.replace(/【関連する(ＦＡＱ|FAQ)】[^【]*/gu, ' ');
  return text.replace(/\s+/gu, ' ').trim();
}

export function parseCorpus(json: Record<string, string>, dropRelated = true): FaqEntry[] {
  return Object.entries(json).map(([id, text]) => parseCorpusText(id, text, dropRelated));
}
