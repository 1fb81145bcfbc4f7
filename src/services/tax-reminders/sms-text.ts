/**
 * The reminder text: a template with ((placeholders)) filled per taxpayer, checked
 * before anything is sent — an unknown placeholder is an error naming it (never a
 * gap in a message), the payment link must be there, and no taxpayer's message may
 * go over SMS_MAX_SEGMENTS parts (longer texts are refused, not cut).
 */
import { placeholdersOf, renderTemplate, SMS_MAX_SEGMENTS, smsLength, type SmsLength } from '../../platform/notify/template.ts';
import { formatWareki } from '../../platform/text/wareki.ts';
import { TOKEN_LENGTH } from './short-links.ts';
import { fiscalYearLabel, type TaxpayerRow } from './taxpayer-csv.ts';

/** What a template may use, in the order the editor lists them. */
export const PLACEHOLDERS = ['氏名', '税目', '年度', '期別', '金額', '納期限', '納付リンク', '有効期限'] as const;
export const LINK_PLACEHOLDER = '納付リンク';
export const MAX_TEMPLATE_CHARS = 1000;

export interface TextProblem {
  messageKey: string;
  params?: Record<string, string | number>;
}

const list = (names: readonly string[]) => names.map((n) => `((${n}))`).join('、');

/** Checks a template on its own (no taxpayer needed). */
export function checkTemplate(body: string): TextProblem[] {
  const problems: TextProblem[] = [];
  if (!body.trim()) return [{ messageKey: 'tax.template.required' }];
  if (body.length > MAX_TEMPLATE_CHARS) problems.push({ messageKey: 'tax.template.tooLongChars', params: { max: MAX_TEMPLATE_CHARS } });
  const used = placeholdersOf(body);
  const unknown = used.filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown.length) problems.push({ messageKey: 'tax.template.unknownPlaceholder', params: { names: list(unknown), allowed: list(PLACEHOLDERS) } });
  if (!used.includes(LINK_PLACEHOLDER)) problems.push({ messageKey: 'tax.template.linkRequired', params: { link: `((${LINK_PLACEHOLDER}))` } });
  return problems;
}

export function placeholderValues(row: Pick<TaxpayerRow, 'name' | 'taxItem' | 'fiscalYear' | 'installment' | 'amountYen' | 'dueDate'>, link: string, linkExpires: string): Record<string, string> {
  return {
    氏名: row.name,
    税目: row.taxItem,
    年度: fiscalYearLabel(row.fiscalYear),
    期別: row.installment,
    金額: row.amountYen.toLocaleString('ja-JP'),
    納期限: formatWareki(row.dueDate),
    納付リンク: link,
    有効期限: formatWareki(linkExpires),
  };
}

export function renderReminder(body: string, row: Parameters<typeof placeholderValues>[0], link: string, linkExpires: string): string {
  const result = renderTemplate(body, placeholderValues(row, link, linkExpires));
  if (!result.ok) throw new Error(`template placeholders without a value: ${result.missing.join(', ')}`);
  return result.text;
}

/** A stand-in link of exactly the real one's length, so the preview counts what will be sent. */
export function previewLink(publicUrl: string): string {
  return `${publicUrl}/p/${'X'.repeat(TOKEN_LENGTH)}`;
}

export interface PreviewRow {
  row: number;
  text: string;
  length: SmsLength;
  tooLong: boolean;
}

export function previewMessages(body: string, rows: (Parameters<typeof placeholderValues>[0] & { row: number })[], publicUrl: string, linkExpires: string): PreviewRow[] {
  if (checkTemplate(body).length) return [];
  const link = previewLink(publicUrl);
  return rows.map((r) => {
    const text = renderReminder(body, r, link, linkExpires);
    const length = smsLength(text);
    return { row: r.row, text, length, tooLong: length.segments > SMS_MAX_SEGMENTS };
  });
}

/** Template problems plus the size check against every taxpayer of the campaign. */
export function checkCampaignText(body: string, rows: Parameters<typeof previewMessages>[1], publicUrl: string, linkExpires: string): TextProblem[] {
  const problems = checkTemplate(body);
  if (problems.length) return problems;
  const preview = previewMessages(body, rows, publicUrl, linkExpires);
  const tooLong = preview.filter((p) => p.tooLong);
  if (tooLong.length) {
    const longest = tooLong.reduce((a, b) => (b.length.units > a.length.units ? b : a));
    return [{ messageKey: 'tax.template.tooLong', params: { count: tooLong.length, max: SMS_MAX_SEGMENTS, row: longest.row, segments: longest.length.segments, units: longest.length.units } }];
  }
  return [];
}
