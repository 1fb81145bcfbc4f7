// The check-your-answers page: every visible page with a row per visible field,
// answers written for people (dates with their 和暦, options by label, phones
// with hyphens, files by name and size, places as coordinates). Group items are
// numbered rows, one per item.

import { formatJapanesePhone } from '../../platform/text/phone.ts';
import { layout } from './conditions.ts';
import { formatBytes, formatDate, withUnit } from './format.ts';
import { isFileAnswer } from './structured-values.ts';
import type { AnswerValue, Answers, Field, GroupItem, Lang, Localized, ProcedureDefinition, ScalarField } from './types.ts';

export interface SummaryRow {
  /** The input to go back to: 'copies', 'members.0' (an item). */
  fieldId: string;
  label: string;
  /** May hold line breaks (textarea answers, group items): show with white-space: pre-line. */
  display: string;
  /** False when the resident left it blank (engine extension). */
  answered: boolean;
}

export interface SummarySection {
  pageId: string;
  title: string;
  rows: SummaryRow[];
}

const NOT_ANSWERED: Localized = { ja: '（未入力）', en: '(not answered)' };
const NO_ITEMS: Localized = { ja: '（なし）', en: '(none)' };
const AGREED: Localized = { ja: '確認しました', en: 'Confirmed' };

function optionLabel(field: { options: { value: string; label: Localized }[] }, value: string, lang: Lang): string {
  return field.options.find((o) => o.value === value)?.label[lang] ?? value;
}

function coordinates(lat: number, lng: number, lang: Lang): string {
  const la = lat.toFixed(5);
  const ln = lng.toFixed(5);
  return lang === 'ja' ? `北緯${la}度、東経${ln}度` : `${la}° N, ${ln}° E`;
}

/** One answer as text, or null when there is none. */
export function displayValue(field: ScalarField, value: AnswerValue | undefined, lang: Lang): string | null {
  if (value === undefined || value === null || value === '') return null;
  switch (field.type) {
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value)[lang] : String(value);
    case 'number':
      return typeof value === 'number' ? withUnit(value, field.unit)[lang] : String(value);
    case 'select':
    case 'radios':
      return optionLabel(field, String(value), lang);
    case 'checkboxes':
      return Array.isArray(value) && value.length ? (value as string[]).map((v) => optionLabel(field, v, lang)).join(lang === 'ja' ? '、' : ', ') : null;
    case 'consent':
      return value === true ? AGREED[lang] : null;
    case 'phone':
      return typeof value === 'string' ? formatJapanesePhone(value) : null;
    case 'postal':
      return `〒${String(value)}`;
    case 'file':
      return isFileAnswer(value) ? `${value.name}${lang === 'ja' ? `（${formatBytes(value.size).ja}）` : ` (${formatBytes(value.size).en})`}` : null;
    case 'location': {
      const v = value as { lat?: unknown; lng?: unknown };
      return typeof v.lat === 'number' && typeof v.lng === 'number' ? coordinates(v.lat, v.lng, lang) : null;
    }
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

function groupRows(field: Extract<Field, { type: 'group' }>, value: AnswerValue | undefined, lang: Lang): SummaryRow[] {
  const items = Array.isArray(value) ? (value as GroupItem[]) : [];
  if (items.length === 0) return [{ fieldId: field.id, label: field.label[lang], display: NO_ITEMS[lang], answered: false }];
  return items.map((item, i) => {
    const lines = field.fields
      .map((sub) => {
        const text = displayValue(sub, item[sub.id], lang);
        return text === null ? null : `${sub.label[lang]}${lang === 'ja' ? '：' : ': '}${text}`;
      })
      .filter((line): line is string => line !== null);
    return { fieldId: `${field.id}.${i}`, label: `${field.itemLabel[lang]} ${i + 1}`, display: lines.join('\n'), answered: lines.length > 0 };
  });
}

export function summarise(def: ProcedureDefinition, answers: Answers, lang: Lang): SummarySection[] {
  const visible = layout(def, answers);
  return visible.pages.map(({ page, fields }) => ({
    pageId: page.id,
    title: page.title[lang],
    rows: fields.flatMap((field): SummaryRow[] => {
      const value = visible.answers[field.id];
      if (field.type === 'group') return groupRows(field, value, lang);
      const text = displayValue(field, value, lang);
      return [{ fieldId: field.type === 'location' ? `${field.id}.lat` : field.id, label: field.label[lang], display: text ?? NOT_ANSWERED[lang], answered: text !== null }];
    }),
  }));
}
