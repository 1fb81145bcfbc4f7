// How answers and limits are written for people: in error messages and on the
// check-your-answers page. Japanese first; English for the en pages.

import { formatWareki } from '../../platform/text/wareki.ts';
import type { Lang, Localized } from './types.ts';

export const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2026-04-01' → '2026年4月1日（令和8年4月1日）'; before the Gregorian 明治 dates, no era part. */
export function formatDateJaLong(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const base = `${y}年${m}月${d}日`;
  return iso >= '1873-01-01' ? `${base}（${formatWareki(iso)}）` : base;
}

/** '2026-04-01' → 'April 1, 2026'. */
export function formatDateEnLong(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${MONTHS_EN[m - 1]} ${d}, ${y}`;
}

export function formatDate(iso: string): Localized {
  return { ja: formatDateJaLong(iso), en: formatDateEnLong(iso) };
}

/** 10485760 → '10MB' / '10 MB'; 1536 → '1.5KB'. Binary units, as upload limits are set. */
export function formatBytes(bytes: number): Localized {
  const units: [number, string][] = [[1024 * 1024 * 1024, 'GB'], [1024 * 1024, 'MB'], [1024, 'KB']];
  for (const [size, unit] of units) {
    if (bytes >= size) {
      const n = bytes / size;
      const text = Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, '');
      return { ja: `${text}${unit}`, en: `${text} ${unit}` };
    }
  }
  return { ja: `${bytes}バイト`, en: `${bytes} bytes` };
}

const MIME_NAMES: Record<string, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'image/heic': 'HEIC',
  'application/pdf': 'PDF',
  'text/csv': 'CSV',
  'text/plain': 'TXT',
};

/** ['image/jpeg', 'application/pdf'] → 'JPEG・PDF' / 'JPEG, PDF'. */
export function formatFileTypes(accept: string[]): Localized {
  const names = accept.map((a) => MIME_NAMES[a] ?? a);
  return { ja: names.join('・'), en: names.join(', ') };
}

/** 1234.5 → '1,234.5' (ja and en both group thousands with commas). */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 10 });
}

/** A number with the field's unit: '3枚' / '3 copies'. */
export function withUnit(n: number, unit: Localized | undefined): Localized {
  const text = formatNumber(n);
  return unit ? { ja: `${text}${unit.ja}`, en: `${text} ${unit.en}` } : { ja: text, en: text };
}

export function pick(text: Localized, lang: Lang): string {
  return text[lang];
}
