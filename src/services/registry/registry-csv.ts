/**
 * CSV import and export of residents. One row per resident; the columns are
 * the same both ways, so an export can be corrected and imported again.
 * An import is checked row by row first; if any row is wrong nothing is
 * written and the clerk gets every problem with its row and column.
 */
import type { Kysely } from 'kysely';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { StaffActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { neutraliseFormulas } from '../../platform/http/csv.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { isKana, normalizeKana } from '../../platform/text/kana.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { canExportRegistry, canImportRegistry } from './policy.ts';
import { allResidents, type ResidentFilter } from './registry-queries.ts';
import { fullAddress, residentKeys } from './search-keys.ts';
import { registryDb, type MovementKind } from './tables.ts';

export const CSV_COLUMNS = ['住民票コード', '世帯番号', '氏', '名', '氏カナ', '名カナ', '生年月日', '性別', '続柄', '町字コード', '番地', '状態'] as const;
const SEX = { 男: 'male', 女: 'female' } as const;
const STATUS = { 住民: 'current', 転出: 'moved_out', 死亡: 'deceased' } as const;
const RELATIONSHIPS = ['世帯主', '妻', '夫', '子', '父', '母', '孫', '子の妻', '子の夫', '兄', '姉', '弟', '妹', '祖父', '祖母', '同居人', '縁故者'];

export interface ImportProblem {
  row: number;
  column: string;
  messageKey: string;
  value: string;
}

export interface ParsedRow {
  residentCode: string;
  householdNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string;
  sex: 'male' | 'female';
  relationship: string;
  townCode: string;
  addressLine: string;
  status: 'current' | 'moved_out' | 'deceased';
}

/** Reads the CSV (UTF-8, with or without BOM) and checks every cell; nothing touches the database here. */
export function parseResidentCsv(text: string, townCodes: Set<string>): { rows: ParsedRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch {
    return { rows: [], problems: [{ row: 0, column: '', messageKey: 'registry.import.notCsv', value: '' }] };
  }
  const header = records[0] ?? [];
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return { rows: [], problems: [{ row: 1, column: missing.join('、'), messageKey: 'registry.import.missingColumns', value: '' }] };
  }
  const index = Object.fromEntries(CSV_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof CSV_COLUMNS)[number], number>;
  const rows: ParsedRow[] = [];
  const seenCodes = new Set<string>();
  records.slice(1).forEach((record, i) => {
    const rowNumber = i + 2; // 1-based, after the header
    const cell = (column: (typeof CSV_COLUMNS)[number]) => (record[index[column]] ?? '').normalize('NFKC').trim();
    const problem = (column: string, messageKey: string) => problems.push({ row: rowNumber, column, messageKey, value: cell(column as (typeof CSV_COLUMNS)[number]) });
    const before = problems.length;
    const residentCode = cell('住民票コード');
    if (!/^\d{11}$/.test(residentCode)) problem('住民票コード', 'registry.import.residentCode');
    else if (seenCodes.has(residentCode)) problem('住民票コード', 'registry.import.duplicate');
    seenCodes.add(residentCode);
    const householdNumber = cell('世帯番号');
    if (!/^\d{1,10}$/.test(householdNumber)) problem('世帯番号', 'registry.import.householdNumber');
    for (const column of ['氏', '名'] as const) if (!cell(column) || cell(column).length > 40) problem(column, 'registry.import.name');
    for (const column of ['氏カナ', '名カナ'] as const) if (!cell(column) || !isKana(cell(column))) problem(column, 'registry.import.kana');
    const birth = parseJapaneseDate(cell('生年月日'));
    if (!birth.ok) problem('生年月日', 'registry.import.date');
    const sex = SEX[cell('性別') as keyof typeof SEX];
    if (!sex) problem('性別', 'registry.import.sex');
    if (!RELATIONSHIPS.includes(cell('続柄'))) problem('続柄', 'registry.import.relationship');
    if (!townCodes.has(cell('町字コード'))) problem('町字コード', 'registry.import.townCode');
    if (!cell('番地')) problem('番地', 'registry.import.addressLine');
    const status = STATUS[(cell('状態') || '住民') as keyof typeof STATUS];
    if (!status) problem('状態', 'registry.import.status');
    if (problems.length === before) {
      rows.push({
        residentCode,
        householdNumber: householdNumber.padStart(10, '0'),
        familyName: cell('氏'),
        givenName: cell('名'),
        familyNameKana: normalizeKana(cell('氏カナ')),
        givenNameKana: normalizeKana(cell('名カナ')),
        birthDate: birth.ok ? birth.iso : '',
        sex: sex!,
        relationship: cell('続柄'),
        townCode: cell('町字コード'),
        addressLine: cell('番地'),
        status: status!,
      });
    }
  });
  return { rows, problems };
}

export async function importResidents(db: Kysely<PlatformTables>, actor: StaffActor, text: string, context: { fileName: string; requestId: string; today: string }) {
  requireAccess(canImportRegistry(actor), 'forbidden');
  const rdb = registryDb(db);
  const towns = new Map((await rdb.selectFrom('registry_towns').selectAll().execute()).map((t) => [t.code, t]));
  const { rows, problems } = parseResidentCsv(text, new Set(towns.keys()));
  if (problems.length > 0) return { imported: 0, created: 0, updated: 0, problems };
  let created = 0;
  let updated = 0;
  await rdb.transaction().execute(async (trx) => {
    for (const row of rows) {
      const town = towns.get(row.townCode)!;
      const address = fullAddress(town, row.addressLine);
      let household = await trx.selectFrom('registry_households').selectAll().where('household_number', '=', row.householdNumber).executeTakeFirst();
      if (!household) {
        household = { id: `h-${row.householdNumber}`, household_number: row.householdNumber, town_code: row.townCode, address_line: row.addressLine, head_resident_id: null, updated_at: new Date() };
        await trx.insertInto('registry_households').values({ id: household.id, household_number: row.householdNumber, town_code: row.townCode, address_line: row.addressLine, head_resident_id: null }).execute();
      }
      const existing = await trx.selectFrom('registry_residents').selectAll().where('resident_code', '=', row.residentCode).executeTakeFirst();
      const values = {
        household_id: household.id,
        family_name: row.familyName,
        given_name: row.givenName,
        family_name_kana: row.familyNameKana,
        given_name_kana: row.givenNameKana,
        birth_date: row.birthDate,
        sex: row.sex,
        relationship: row.relationship,
        status: row.status,
        ...residentKeys(row, address),
      };
      let residentId: string;
      let movement: MovementKind | null = null;
      let fromAddress: string | null = null;
      if (existing) {
        residentId = existing.id;
        if (existing.address_key !== values.address_key) {
          movement = '転居';
          const previous = await trx
            .selectFrom('registry_households as h')
            .innerJoin('registry_towns as t', 't.code', 'h.town_code')
            .select(['t.name', 'h.address_line'])
            .where('h.id', '=', existing.household_id)
            .executeTakeFirstOrThrow();
          fromAddress = fullAddress(previous, previous.address_line);
        }
        await trx.updateTable('registry_residents').set({ ...values, updated_at: new Date() }).where('id', '=', existing.id).execute();
        updated++;
      } else {
        residentId = `r-${row.residentCode}`;
        await trx.insertInto('registry_residents').values({ id: residentId, resident_code: row.residentCode, ...values }).execute();
        movement = '転入';
        created++;
      }
      if (movement) {
        await trx.insertInto('registry_movements').values({ resident_id: residentId, kind: movement, effective_date: context.today, reported_date: context.today, from_address: fromAddress, to_address: address }).execute();
      }
      if (row.relationship === '世帯主') await trx.updateTable('registry_households').set({ head_resident_id: residentId }).where('id', '=', household.id).execute();
    }
    await recordAudit(trx, { actor: { type: 'staff', id: actor.id }, action: 'registry.imported', targetType: 'registry', targetId: null, details: { file: context.fileName, rows: rows.length, created, updated }, requestId: context.requestId });
  });
  return { imported: rows.length, created, updated, problems: [] };
}

export function problemsCsv(problems: ImportProblem[], t: (key: string) => string): string {
  return '\uFEFF' + stringify([['行', '項目', '入力値', '内容'], ...problems.map((p) => [p.row, p.column, p.value, t(p.messageKey)])]);
}

/** CSV with a BOM so Excel opens the Japanese text correctly. */
export async function exportResidents(db: Kysely<PlatformTables>, actor: StaffActor, filter: ResidentFilter, requestId: string): Promise<string> {
  requireAccess(canExportRegistry(actor), 'forbidden');
  const rdb = registryDb(db);
  const townCodes = new Map((await rdb.selectFrom('registry_towns').select(['code', 'name']).execute()).map((t) => [t.name, t.code]));
  const lines: string[][] = [[...CSV_COLUMNS]];
  const sexLabel = { male: '男', female: '女' } as const;
  const statusLabel = { current: '住民', moved_out: '転出', deceased: '死亡' } as const;
  for await (const r of allResidents(rdb, filter)) {
    lines.push([r.resident_code, r.household_number, r.family_name, r.given_name, r.family_name_kana, r.given_name_kana, r.birth_date, sexLabel[r.sex], r.relationship, townCodes.get(r.town_name) ?? '', r.address_line, statusLabel[r.status]]);
  }
  neutraliseFormulas(lines);
  await recordAudit(db, { actor: { type: 'staff', id: actor.id }, action: 'registry.exported', targetType: 'registry', targetId: null, details: { filter: { ...filter }, rows: lines.length - 1 }, requestId });
  return '\uFEFF' + stringify(lines);
}
