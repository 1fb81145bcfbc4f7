/** Kysely row types of the chatbot's tables (migrations/0200-chatbot.sql). */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';

export type FaqStatus = 'draft' | 'in_review' | 'published' | 'retired';
type Json<T> = ColumnType<T, string, string>;

export type ChatbotTables = {
  chatbot_faq_entries: { id: string; department_code: string; category: string; created_at: Generated<Date> };
  chatbot_faq_versions: {
    id: Generated<number>;
    entry_id: string;
    version: number;
    status: FaqStatus;
    question: string;
    answer: string;
    keywords: Json<string[]>;
    procedure_slug: string | null;
    links: Json<{ label: string; href: string }[]>;
    question_en: string | null;
    answer_en: string | null;
    author_staff_id: string | null;
    reviewer_staff_id: string | null;
    created_at: Generated<Date>;
    published_at: Date | null;
  };
  chatbot_queries: {
    id: Generated<number>;
    asked_at: Generated<Date>;
    query: string;
    locale: string;
    top_entry_id: string | null;
    confidence: number;
    answered: boolean;
    resident_account_id: string | null;
    feedback_token: string | null;
  };
  chatbot_feedback: { query_id: number; helpful: boolean; created_at: Generated<Date> };
  chatbot_inquiries: {
    id: Generated<string>;
    reference: string;
    department_code: string;
    question: string;
    contact_email: string | null;
    contact_phone: string | null;
    resident_account_id: string | null;
    query_id: number | null;
    status: Generated<'open' | 'answered' | 'closed'>;
    answer: string | null;
    answered_by: string | null;
    answered_at: Date | null;
    faq_entry_id: string | null;
    created_at: Generated<Date>;
  };
};

export type ChatbotDb = Kysely<PlatformTables & ChatbotTables>;

export function chatbotDb(db: Kysely<PlatformTables>): ChatbotDb {
  return db.withTables<ChatbotTables>();
}
