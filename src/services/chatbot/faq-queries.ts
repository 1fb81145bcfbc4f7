/** SQL for FAQ entries and their versions. */
import { sql } from 'kysely';
import type { ChatbotDb, FaqStatus } from './tables.ts';

export interface PublishedFaq {
  id: string;
  department: string;
  category: string;
  version: number;
  question: string;
  answer: string;
  keywords: string[];
  procedure: string | null;
  links: { label: string; href: string }[];
  questionEn: string | null;
  answerEn: string | null;
}

export async function publishedFaqs(db: ChatbotDb): Promise<PublishedFaq[]> {
  const rows = await db
    .selectFrom('chatbot_faq_versions as v')
    .innerJoin('chatbot_faq_entries as e', 'e.id', 'v.entry_id')
    .select(['e.id', 'e.department_code', 'e.category', 'v.version', 'v.question', 'v.answer', 'v.keywords', 'v.procedure_slug', 'v.links', 'v.question_en', 'v.answer_en'])
    .where('v.status', '=', 'published')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    department: r.department_code,
    category: r.category,
    version: r.version,
    question: r.question,
    answer: r.answer,
    keywords: r.keywords,
    procedure: r.procedure_slug,
    links: r.links,
    questionEn: r.question_en,
    answerEn: r.answer_en,
  }));
}

/** Changes whenever anything is published or retired: the cache key of the search index. */
export async function publishedStamp(db: ChatbotDb): Promise<string> {
  const row = await sql<{ stamp: string | null }>`SELECT count(*)::text || ':' || coalesce(max(id), 0)::text AS stamp FROM chatbot_faq_versions WHERE status = 'published'`.execute(db);
  return row.rows[0]?.stamp ?? '0:0';
}

export async function faqVersions(db: ChatbotDb, entryId: string) {
  return db.selectFrom('chatbot_faq_versions').selectAll().where('entry_id', '=', entryId).orderBy('version', 'desc').execute();
}

export async function faqEntry(db: ChatbotDb, entryId: string) {
  return db.selectFrom('chatbot_faq_entries').selectAll().where('id', '=', entryId).executeTakeFirst();
}

export async function listFaqs(db: ChatbotDb, filter: { departments: string[]; text?: string; status?: FaqStatus }, page: number, pageSize: number) {
  let query = db
    .selectFrom('chatbot_faq_entries as e')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('chatbot_faq_versions')
          .select(['entry_id', sql<number>`max(version)`.as('latest')])
          .groupBy('entry_id')
          .as('l'),
      (join) => join.onRef('l.entry_id', '=', 'e.id'),
    )
    .innerJoin('chatbot_faq_versions as v', (join) => join.onRef('v.entry_id', '=', 'e.id').onRef('v.version', '=', 'l.latest'))
    .where('e.department_code', 'in', filter.departments.length ? filter.departments : ['-'])
    .select(['e.id', 'e.department_code', 'e.category', 'v.version', 'v.status', 'v.question', 'v.created_at']);
  if (filter.text) query = query.where((eb) => eb.or([eb('v.question', 'like', `%${filter.text}%`), eb('v.answer', 'like', `%${filter.text}%`), eb('e.id', 'like', `%${filter.text}%`)]));
  if (filter.status) query = query.where('v.status', '=', filter.status);
  const rows = await query.orderBy('e.category').orderBy('e.id').limit(pageSize).offset((page - 1) * pageSize).execute();
  return rows;
}
