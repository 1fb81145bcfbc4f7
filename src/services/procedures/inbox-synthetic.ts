/**
 * Synthetic applications for the inbox's paging tests and `npm run bench:procedures`:
 * many rows at once, written by the database itself (INSERT … SELECT generate_series),
 * spread over procedures and so over departments, over a year of submission dates,
 * every status after draft, due dates around their submission, some assigned. Names
 * are invented (common surnames and given names with their kana), never real people.
 * Not used by the app.
 */
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { proceduresDb } from './tables.ts';

const SURNAMES: [string, string][] = [
  ['佐藤', 'サトウ'], ['菊池', 'キクチ'], ['千葉', 'チバ'], ['高橋', 'タカハシ'], ['及川', 'オイカワ'], ['佐々木', 'ササキ'], ['阿部', 'アベ'], ['小野寺', 'オノデラ'],
  ['鈴木', 'スズキ'], ['伊藤', 'イトウ'], ['菅原', 'スガワラ'], ['渡辺', 'ワタナベ'], ['村上', 'ムラカミ'], ['及川', 'オイカワ'], ['後藤', 'ゴトウ'], ['石川', 'イシカワ'],
];
const GIVEN: [string, string][] = [
  ['翔太', 'ショウタ'], ['陽菜', 'ヒナ'], ['健一', 'ケンイチ'], ['美咲', 'ミサキ'], ['大輔', 'ダイスケ'], ['さくら', 'サクラ'], ['一郎', 'イチロウ'], ['恵子', 'ケイコ'],
  ['蓮', 'レン'], ['結衣', 'ユイ'], ['勝', 'マサル'], ['京子', 'キョウコ'], ['拓海', 'タクミ'], ['千尋', 'チヒロ'], ['修', 'オサム'], ['和子', 'カズコ'], ['悠斗', 'ユウト'],
];
/** Out of 20: received 6, in review 4, returned 2, resubmitted 1, approved 5, refused 1, withdrawn 1. */
const STATUS_CYCLE = ['submitted', 'submitted', 'submitted', 'submitted', 'submitted', 'submitted', 'in_review', 'in_review', 'in_review', 'in_review', 'returned', 'returned', 'resubmitted', 'approved', 'approved', 'approved', 'approved', 'approved', 'rejected', 'withdrawn'];

export interface SyntheticProcedure {
  id: string;
  version: number;
  department: string;
}

export interface SyntheticOptions {
  count: number;
  /** Submission dates fall in the `days` before this moment. */
  now: Date;
  days?: number;
  procedures: SyntheticProcedure[];
  /** Two rows in three are assigned to one of their department's staff (departments without staff: nobody). */
  staffByDepartment?: Record<string, string[]>;
  /** Rows written per statement (keeps each statement's memory bounded). */
  batch?: number;
  /** Also write the "submitted" timeline event of each (as the real submit path does). */
  events?: boolean;
}

const textArray = (values: string[]) => sql`ARRAY[${sql.join(values.map((v) => sql`${v}`))}]::text[]`;
const intArray = (values: number[]) => sql`ARRAY[${sql.join(values.map((v) => sql`${v}`))}]::int[]`;

/** Inserts `count` submitted-or-later applications; returns how many were written. */
export async function insertSyntheticApplications(db: Kysely<PlatformTables>, options: SyntheticOptions): Promise<number> {
  const pdb = proceduresDb(db);
  const days = options.days ?? 365;
  const batch = options.batch ?? 20_000;
  const staff = JSON.stringify(options.staffByDepartment ?? {});
  // Multipliers coprime with the array lengths, and the status taken from i / (number of procedures),
  // spread the combinations: every procedure gets every status instead of repeating in lockstep.
  for (let from = 1; from <= options.count; from += batch) {
    const to = Math.min(options.count, from + batch - 1);
    await sql`
      INSERT INTO applications (reference, procedure_id, procedure_version, resident_id, applicant_name, applicant_kana, status, answers,
        department_code, channel, submitted_at, due_date, decided_at, assigned_staff_id, created_at, updated_at)
      SELECT
        'OSU-' || to_char(s.submitted_at AT TIME ZONE 'Asia/Tokyo', 'YYYY') || '-' || lpad(nextval('application_reference_seq')::text, 6, '0'),
        s.procedure_id, s.procedure_version, 'synthetic-' || s.i,
        s.surname || ' ' || s.given, s.surname_kana || ' ' || s.given_kana,
        s.status, '{}'::jsonb, s.department, CASE WHEN s.i % 9 = 0 THEN 'counter' ELSE 'online' END,
        s.submitted_at, (s.submitted_at AT TIME ZONE 'Asia/Tokyo')::date + (3 + s.i % 12),
        CASE WHEN s.status IN ('approved', 'rejected') THEN s.submitted_at + interval '4 days' END,
        CASE WHEN s.i % 3 = 0 OR jsonb_array_length(coalesce(s.staff -> s.department, '[]'::jsonb)) = 0 THEN NULL
          ELSE (s.staff -> s.department ->> ((s.i / 3) % jsonb_array_length(s.staff -> s.department)))::uuid END,
        s.submitted_at, s.submitted_at
      FROM (
        SELECT g.i,
          (${textArray(options.procedures.map((p) => p.id))})[1 + g.i % ${options.procedures.length}] AS procedure_id,
          (${intArray(options.procedures.map((p) => p.version))})[1 + g.i % ${options.procedures.length}] AS procedure_version,
          (${textArray(options.procedures.map((p) => p.department))})[1 + g.i % ${options.procedures.length}] AS department,
          (${textArray(STATUS_CYCLE)})[1 + ((g.i / ${options.procedures.length}) * 7) % ${STATUS_CYCLE.length}] AS status,
          (${textArray(SURNAMES.map((s) => s[0]))})[1 + (g.i * 5) % ${SURNAMES.length}] AS surname,
          (${textArray(SURNAMES.map((s) => s[1]))})[1 + (g.i * 5) % ${SURNAMES.length}] AS surname_kana,
          (${textArray(GIVEN.map((s) => s[0]))})[1 + (g.i * 3) % ${GIVEN.length}] AS given,
          (${textArray(GIVEN.map((s) => s[1]))})[1 + (g.i * 3) % ${GIVEN.length}] AS given_kana,
          ${options.now}::timestamptz - ((g.i * 7919) % (${days} * 1440)) * interval '1 minute' AS submitted_at,
          ${staff}::jsonb AS staff
        FROM generate_series(${from}::int, ${to}::int) AS g(i)
      ) s
    `.execute(pdb);
  }
  if (options.events !== false) {
    await sql`
      INSERT INTO application_events (application_id, at, actor_type, actor_id, kind, to_status)
      SELECT a.id, a.submitted_at, 'resident', NULL, 'submitted', 'submitted'
      FROM applications a
      WHERE a.resident_id LIKE 'synthetic-%' AND NOT EXISTS (SELECT 1 FROM application_events e WHERE e.application_id = a.id)
    `.execute(pdb);
  }
  return options.count;
}
