/**
 * Message templates: ((placeholder)) fields filled per recipient (GOV.UK Notify's
 * syntax, which survives Japanese text and office tools), per-channel bodies, and the
 * SMS length rules that decide what a message costs.
 */

const PLACEHOLDER = /\(\(([^()\s][^()]*?)\)\)/g;

/** Placeholder names used in a text, in order of first use. */
export function placeholdersOf(...texts: (string | null | undefined)[]): string[] {
  const names = new Set<string>();
  for (const text of texts) for (const m of (text ?? '').matchAll(PLACEHOLDER)) names.add(m[1]!.trim());
  return [...names];
}

export type RenderResult = { ok: true; text: string } | { ok: false; missing: string[] };

/** Fills every ((name)); a name without a value is an error, never an empty gap in a message. */
export function renderTemplate(text: string, values: Record<string, string | number>): RenderResult {
  const missing = placeholdersOf(text).filter((name) => values[name] === undefined || values[name] === '');
  if (missing.length) return { ok: false, missing };
  return { ok: true, text: text.replace(PLACEHOLDER, (_, name: string) => String(values[name.trim()])) };
}

// GSM 03.38 basic set and the extension characters that take two septets.
const GSM_BASIC = new Set([...'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà']);
const GSM_EXTENDED = new Set([...'^{}\\[~]|€\f']);

export interface SmsLength {
  encoding: 'GSM-7' | 'UCS-2';
  /** Characters as the network counts them (septets for GSM-7, UTF-16 units for UCS-2). */
  units: number;
  segments: number;
}

/** How an SMS is encoded and how many segments (billed messages) it takes. Japanese text is UCS-2: 70 per single message, 67 per part. */
export function smsLength(text: string): SmsLength {
  const chars = [...text];
  if (chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENDED.has(c))) {
    const units = chars.reduce((n, c) => n + (GSM_EXTENDED.has(c) ? 2 : 1), 0);
    return { encoding: 'GSM-7', units, segments: units === 0 ? 0 : units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  const units = text.length; // UTF-16 code units: characters outside the BMP count twice
  return { encoding: 'UCS-2', units, segments: units === 0 ? 0 : units <= 70 ? 1 : Math.ceil(units / 67) };
}

/** The longest SMS we send: 10 parts (longer messages are refused, not silently cut). */
export const SMS_MAX_SEGMENTS = 10;
