/** Loads the city's own FAQ content (faq-content/) as published version 1 of each entry. */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { OSHU_FAQ } from './faq-content/index.ts';
import type { FaqSeed } from './faq-content/types.ts';
import { chatbotDb } from './tables.ts';

export async function seedFaq(db: Kysely<PlatformTables>, faqs: readonly FaqSeed[] = OSHU_FAQ): Promise<boolean> {
  const cdb = chatbotDb(db);
  if (await cdb.selectFrom('chatbot_faq_entries').select('id').limit(1).executeTakeFirst()) return false;
  await cdb.transaction().execute(async (trx) => {
    for (let i = 0; i < faqs.length; i += 200) {
      const batch = faqs.slice(i, i + 200);
      await trx.insertInto('chatbot_faq_entries').values(batch.map((f) => ({ id: f.id, department_code: f.department, category: f.category }))).execute();
      await trx
        .insertInto('chatbot_faq_versions')
        .values(
          batch.map((f) => ({
            entry_id: f.id,
            version: 1,
            status: 'published' as const,
            question: f.question,
            answer: f.answer,
            keywords: JSON.stringify(f.keywords),
            procedure_slug: f.procedure ?? null,
            links: JSON.stringify(f.links ?? []),
            question_en: f.en?.question ?? null,
            answer_en: f.en?.answer ?? null,
            author_staff_id: null,
            reviewer_staff_id: null,
            published_at: new Date(),
          })),
        )
        .execute();
    }
  });
  return true;
}
