/** What staff learn from the bot: questions it could not answer, answers rated unhelpful, and weekly volume. */
import { sql, type Kysely } from 'kysely';
import { hasRole, type StaffActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { staffDepartments, usesChatbotBackOffice } from './policy.ts';
import { chatbotDb } from './tables.ts';

const WEEKS = 8;

export async function chatbotReport(db: Kysely<PlatformTables>, actor: StaffActor) {
  requireAccess(usesChatbotBackOffice(actor), 'forbidden');
  const cdb = chatbotDb(db);
  const departments = staffDepartments(actor);
  const seesAllDepartments = hasRole(actor, 'dx', ['clerk', 'manager', 'admin']);
  const since = sql<Date>`now() - interval '30 days'`;
  const [unanswered, lowRated, weekly, topThisWeek] = await Promise.all([
    cdb
      .selectFrom('chatbot_queries')
      .select(['query', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('asked_at').as('last')])
      .where('answered', '=', false)
      .where('asked_at', '>', since)
      .groupBy('query')
      .orderBy('n', 'desc')
      .limit(20)
      .execute(),
    cdb
      .selectFrom('chatbot_feedback as f')
      .innerJoin('chatbot_queries as q', 'q.id', 'f.query_id')
      .innerJoin('chatbot_faq_entries as e', 'e.id', 'q.top_entry_id')
      .select(['e.id as entry_id', (eb) => eb.fn.countAll<number>().as('n')])
      .select(sql<number>`sum(CASE WHEN f.helpful THEN 0 ELSE 1 END)`.as('unhelpful'))
      .where('e.department_code', 'in', departments.length ? departments : ['-'])
      .groupBy('e.id')
      .having(sql`sum(CASE WHEN f.helpful THEN 0 ELSE 1 END)`, '>', 0)
      .orderBy('unhelpful', 'desc')
      .limit(20)
      .execute(),
    sql<{ week: string; n: number }>`
      SELECT to_char(date_trunc('week', asked_at AT TIME ZONE 'Asia/Tokyo'), 'MM/DD') AS week, count(*)::int AS n
      FROM chatbot_queries
      WHERE asked_at > now() - make_interval(weeks => ${WEEKS})
      GROUP BY date_trunc('week', asked_at AT TIME ZONE 'Asia/Tokyo')
      ORDER BY date_trunc('week', asked_at AT TIME ZONE 'Asia/Tokyo')`.execute(cdb),
    // Questions the bot answered belong to the department of the answering entry: each
    // department sees its own (the DX office, which runs the bot, sees all). Unanswered
    // questions have no owner yet, so every department sees them (masked) to pick up.
    cdb
      .selectFrom('chatbot_queries as q')
      .innerJoin('chatbot_faq_entries as e', 'e.id', 'q.top_entry_id')
      .select(['q.query', (eb) => eb.fn.countAll<number>().as('n')])
      .where('q.asked_at', '>', sql<Date>`now() - interval '7 days'`)
      .where('q.answered', '=', true)
      .$if(!seesAllDepartments, (qb) => qb.where('e.department_code', 'in', departments.length ? departments : ['-']))
      .groupBy('q.query')
      .orderBy('n', 'desc')
      .limit(10)
      .execute(),
  ]);
  return {
    unanswered: unanswered.map((r) => ({ query: r.query, count: Number(r.n), last: r.last as Date })),
    lowRated: lowRated.map((r) => ({ entryId: r.entry_id, ratings: Number(r.n), unhelpful: Number(r.unhelpful) })),
    weekly: weekly.rows.map((r) => ({ label: r.week, value: Number(r.n) })),
    topThisWeek: topThisWeek.map((r) => ({ query: r.query, count: Number(r.n) })),
  };
}
