/** Names the staff pages show next to codes: procedure titles (from their definitions) and department names. */
import type { Kysely } from 'kysely';
import type { Localized } from '../../engines/forms/index.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { listPublished, procedureVersion } from './procedure-store.ts';

export interface NamedDepartment {
  code: string;
  name: Localized;
}

/** Every department, in the city's order (the filter's choices, table cells). */
export async function departmentNames(db: Kysely<PlatformTables>): Promise<NamedDepartment[]> {
  const rows = await db.selectFrom('departments').select(['code', 'name_ja', 'name_en']).orderBy('sort_order').orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: { ja: r.name_ja, en: r.name_en } }));
}

/**
 * Titles of procedures by id: the current version's, else (a withdrawn procedure) the
 * title of the version an application was made on.
 */
export async function procedureTitles(db: Kysely<PlatformTables>, rows: { procedure_id: string; procedure_version: number }[] = []): Promise<Map<string, Localized>> {
  const titles = new Map((await listPublished(db)).map((p) => [p.id, p.definition.title] as const));
  for (const row of rows) {
    if (!titles.has(row.procedure_id)) titles.set(row.procedure_id, (await procedureVersion(db, row.procedure_id, row.procedure_version)).title);
  }
  return titles;
}

/** The procedures a person's inbox can filter by: those handled by their departments. */
export async function proceduresOfDepartments(db: Kysely<PlatformTables>, departments: string[] | 'all'): Promise<{ id: string; title: Localized; department: string }[]> {
  const published = await listPublished(db);
  return published
    .filter((p) => departments === 'all' || departments.includes(p.definition.department))
    .map((p) => ({ id: p.id, title: p.definition.title, department: p.definition.department }))
    .sort((a, b) => a.title.ja.localeCompare(b.title.ja, 'ja'));
}
