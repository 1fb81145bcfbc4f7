/**
 * The overdue-taxpayer CSV the Taxation Division exports from its tax system or
 * keeps in Excel: read in UTF-8 (with or without BOM) or Shift_JIS, checked row by
 * row. Unlike the registry import (all or nothing), a campaign goes ahead with the
 * good rows: every bad row is reported with its row, column, value and the fix,
 * and is simply not sent. Nothing here touches the database.
 */
import crypto from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { csvForSpreadsheet, decodeCsvBytes, REPLACEMENT_CHARACTER, type CsvEncoding } from '../../platform/http/csv.ts';
import { normalizeJapanesePhone } from '../../platform/text/phone.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import type { StoredProblem } from './tables.ts';

export type Field = 'taxpayerNumber' | 'name' | 'phone' | 'taxItem' | 'fiscalYear' | 'installment' | 'amount' | 'dueDate';

/** The column names we look for (the first is the one we write), with the names other tools use. */
export const COLUMNS: Record<Field, readonly string[]> = {
  taxpayerNumber: ['納税義務者番号', '納税者番号', '宛名番号', '納税義務者コード'],
  name: ['氏名', '納税義務者氏名', '名前', '宛名'],
  phone: ['電話番号', '携帯電話番号', '携帯番号', 'SMS送信先'],
  taxItem: ['税目'],
  fiscalYear: ['年度', '課税年度', '賦課年度'],
  installment: ['期別', '期'],
  amount: ['金額', '未納額', '滞納額', '税額'],
  dueDate: ['納期限', '納付期限'],
};
export const FIELDS = Object.keys(COLUMNS) as Field[];
export const COLUMN_LABELS: Record<Field, string> = Object.fromEntries(FIELDS.map((f) => [f, COLUMNS[f][0]!])) as Record<Field, string>;

/** Taxes the division sends reminders for, by the names people write them. */
const TAX_ITEM_NAMES: Record<string, string> = {
  市県民税: '市県民税',
  '市・県民税': '市県民税',
  市民税県民税: '市県民税',
  '市民税・県民税': '市県民税',
  個人住民税: '市県民税',
  住民税: '市県民税',
  '市県民税(普通徴収)': '市県民税',
  固定資産税: '固定資産税',
  軽自動車税: '軽自動車税',
  '軽自動車税(種別割)': '軽自動車税',
  国民健康保険税: '国民健康保険税',
  国保税: '国民健康保険税',
  法人市民税: '法人市民税',
};
export const TAX_ITEMS = [...new Set(Object.values(TAX_ITEM_NAMES))];

export const MAX_ROWS = 50_000;
export const MAX_AMOUNT_YEN = 99_999_999;

export interface TaxpayerRow {
  row: number;
  taxpayerNumber: string;
  name: string;
  /** National digits of a mobile number. */
  phone: string;
  taxItem: string;
  fiscalYear: number;
  installment: string;
  amountYen: number;
  dueDate: string;
}

export type RowProblem = StoredProblem;

export type ParseResult =
  | { ok: true; encoding: CsvEncoding; rows: TaxpayerRow[]; problems: RowProblem[]; rowCount: number; sha256: string }
  | { ok: false; messageKey: string; params?: Record<string, string | number> };

const clean = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');

/** '令和7年度', 'R7', '2025', '2025年度', '平成30年度', 'H30' → the fiscal year's Western number. */
export function parseFiscalYear(input: string, thisYear: number): number | null {
  const s = clean(input).toUpperCase().replace(/年度?$/u, '');
  let year: number | null = null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(s))) year = Number(m[1]);
  else if ((m = /^(令和|R)(元|\d{1,2})$/u.exec(s))) year = 2018 + (m[2] === '元' ? 1 : Number(m[2]));
  else if ((m = /^(平成|H)(元|\d{1,2})$/u.exec(s))) year = m[2] === '元' ? 1989 : Number(m[2]) <= 31 ? 1988 + Number(m[2]) : null;
  if (year === null || year < 2000 || year > thisYear + 1) return null;
  return year;
}

/** 2025 → 令和7年度 (2019 is 令和元年度). */
export function fiscalYearLabel(year: number): string {
  if (year >= 2019) return `令和${year === 2019 ? '元' : year - 2018}年度`;
  return `平成${year - 1988}年度`;
}

/** '1期', '第1期', '第１期分', '全期', '随時' → '第1期' / '全期' / '随時'. */
export function parseInstallment(input: string): string | null {
  const s = clean(input);
  const m = /^第?(\d{1,2})期分?$/u.exec(s);
  if (m) {
    const n = Number(m[1]);
    return n >= 1 && n <= 12 ? `第${n}期` : null;
  }
  if (s === '全期' || s === '全期分' || s === '全期前納') return '全期';
  if (s === '随時' || s === '随時分') return '随時';
  return null;
}

/** '12,300', '12300円', '￥12,300' → 12300. */
export function parseAmount(input: string): number | null {
  const s = clean(input).replace(/[,，円¥\\]/gu, '');
  if (!/^\d{1,9}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= MAX_AMOUNT_YEN ? n : null;
}

export function parseTaxItem(input: string): string | null {
  return TAX_ITEM_NAMES[clean(input)] ?? null;
}

/** Mobile numbers only: SMS cannot reach a landline or an IP phone. */
export function parseMobile(input: string): { ok: true; phone: string } | { ok: false; messageKey: string } {
  const phone = normalizeJapanesePhone(input);
  if (!phone) return { ok: false, messageKey: 'tax.csv.phone.invalid' };
  if (!/^0[789]0\d{8}$/.test(phone)) return { ok: false, messageKey: 'tax.csv.phone.notMobile' };
  return { ok: true, phone };
}

function headerIndex(header: string[]): { index: Record<Field, number>; missing: string[] } {
  const names = header.map((h) => clean(h.replace(/^\uFEFF/, '')));
  const index = {} as Record<Field, number>;
  const missing: string[] = [];
  for (const field of FIELDS) {
    const at = names.findIndex((n) => COLUMNS[field].some((alias) => clean(alias) === n));
    if (at < 0) missing.push(COLUMN_LABELS[field]);
    index[field] = at;
  }
  return { index, missing };
}

/**
 * Reads and checks the file. `today` (YYYY-MM-DD, Japan) decides what is overdue;
 * a file-level fault (not text, no header, missing columns) is one error, anything
 * wrong in a row is that row's problem and the other rows still count.
 */
export function parseTaxpayerCsv(bytes: Uint8Array, today: string): ParseResult {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return { ok: false, messageKey: `tax.upload.${decoded.reason}` };
  const problems: RowProblem[] = [];
  const records: { record: string[]; line: number }[] = [];
  let lastLine = 0;
  try {
    const parsed = parse(decoded.text, {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      skip_records_with_error: true,
      on_record: (record, context) => {
        lastLine = context.lines;
        return record;
      },
      // A record the parser cannot read starts on the line after the last good one.
      on_skip: (error) => {
        const code = (error as { code?: string } | undefined)?.code;
        problems.push({ row: lastLine + 1, column: '', messageKey: code === 'CSV_QUOTE_NOT_CLOSED' ? 'tax.csv.quoteNotClosed' : 'tax.csv.format', value: '' });
        lastLine = Number((error as { lines?: number } | undefined)?.lines ?? lastLine);
        return undefined;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
    for (const r of parsed) records.push({ record: r.record, line: r.info.lines });
  } catch {
    return { ok: false, messageKey: 'tax.upload.notCsv' };
  }
  const header = records.shift();
  if (!header) return { ok: false, messageKey: 'tax.upload.noRows' };
  const { index, missing } = headerIndex(header.record);
  if (missing.length > 0) return { ok: false, messageKey: 'tax.upload.missingColumns', params: { columns: missing.join('、') } };
  const data = records.filter((r) => r.record.some((cell) => cell.trim() !== ''));
  if (data.length === 0) return { ok: false, messageKey: 'tax.upload.noRows' };
  if (data.length > MAX_ROWS) return { ok: false, messageKey: 'tax.upload.tooManyRows', params: { max: MAX_ROWS } };

  const thisYear = Number(today.slice(0, 4));
  const rows: TaxpayerRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, line } of data) {
    const raw = (field: Field) => (record[index[field]] ?? '').trim();
    const before = problems.length;
    const problem = (field: Field, messageKey: string, params?: Record<string, string | number>) =>
      problems.push({ row: line, column: COLUMN_LABELS[field], messageKey, value: raw(field).slice(0, 100), ...(params ? { params } : {}) });

    const damaged = FIELDS.find((f) => raw(f).includes(REPLACEMENT_CHARACTER));
    if (damaged) {
      problem(damaged, 'tax.csv.encoding');
      continue;
    }
    const taxpayerNumber = clean(raw('taxpayerNumber'));
    if (!/^[0-9A-Za-z-]{1,20}$/.test(taxpayerNumber)) problem('taxpayerNumber', 'tax.csv.taxpayerNumber');
    const name = raw('name').normalize('NFC').replace(/\s+/gu, ' ');
    if (!name || [...name].length > 40) problem('name', 'tax.csv.name');
    const phone = parseMobile(raw('phone'));
    if (!phone.ok) problem('phone', phone.messageKey);
    const taxItem = parseTaxItem(raw('taxItem'));
    if (!taxItem) problem('taxItem', 'tax.csv.taxItem', { items: TAX_ITEMS.join('、') });
    const fiscalYear = parseFiscalYear(raw('fiscalYear'), thisYear);
    if (fiscalYear === null) problem('fiscalYear', 'tax.csv.fiscalYear');
    const installment = parseInstallment(raw('installment'));
    if (!installment) problem('installment', 'tax.csv.installment');
    const amountYen = parseAmount(raw('amount'));
    if (amountYen === null) problem('amount', 'tax.csv.amount');
    const due = parseJapaneseDate(raw('dueDate'));
    if (!due.ok) problem('dueDate', due.reason === 'era-range' ? 'tax.csv.dateEra' : due.reason === 'invalid-date' ? 'tax.csv.dateInvalid' : 'tax.csv.date');
    else if (due.iso >= today) problem('dueDate', 'tax.csv.notOverdue');
    if (problems.length > before) continue;

    const key = [taxpayerNumber, taxItem, fiscalYear, installment].join('|');
    const first = seen.get(key);
    if (first !== undefined) {
      problem('taxpayerNumber', 'tax.csv.duplicate', { row: first });
      continue;
    }
    seen.set(key, line);
    rows.push({ row: line, taxpayerNumber, name, phone: (phone as { phone: string }).phone, taxItem: taxItem!, fiscalYear: fiscalYear!, installment: installment!, amountYen: amountYen!, dueDate: (due as { iso: string }).iso });
  }
  problems.sort((a, b) => a.row - b.row);
  return { ok: true, encoding: decoded.encoding, rows, problems, rowCount: data.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
}

/** The downloadable report: one line per problem, in the clerk's language, safe to open in Excel. */
export function problemsCsv(problems: RowProblem[], t: (key: string, params?: Record<string, string | number>) => string): string {
  return csvForSpreadsheet([[t('tax.report.row'), t('tax.report.column'), t('tax.report.value'), t('tax.report.message')], ...problems.map((p) => [p.row, p.column, p.value, t(p.messageKey, p.params)])]);
}
