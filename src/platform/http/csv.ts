/**
 * CSV helpers every service's import and export share: reading what office tools
 * write (UTF-8 with or without BOM, or Shift_JIS, which Excel on Japanese Windows
 * still saves by default), and writing files that spreadsheets open safely.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis' | 'utf-16le' | 'utf-16be';

export type DecodedCsv =
  | {
      ok: true;
      text: string;
      encoding: CsvEncoding;
      /** Characters that could not be decoded were replaced by U+FFFD; rows holding one should be reported, not trusted. */
      damaged: boolean;
    }
  | { ok: false; reason: 'empty' | 'binary' | 'encoding' };

export const REPLACEMENT_CHARACTER = '\uFFFD';

function decode(encoding: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function countReplacements(text: string): number {
  let n = 0;
  for (const c of text) if (c === REPLACEMENT_CHARACTER) n++;
  return n;
}

/**
 * Tells the encoding of CSV bytes by content and decodes them: a BOM decides;
 * otherwise strict UTF-8, then strict Shift_JIS (Windows-31J, as the WHATWG
 * decoder reads it). A file valid in neither is decoded in the one that fits most
 * of it, with the broken characters replaced, so the caller can report the
 * damaged rows and still process the rest. Binary content (NUL bytes) is refused.
 */
export function decodeCsvBytes(input: Uint8Array): DecodedCsv {
  const bytes = input;
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decode('utf-8', bytes.subarray(3), false)!;
    return { ok: true, text, encoding: 'utf-8-bom', damaged: text.includes(REPLACEMENT_CHARACTER) };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = decode(encoding, bytes.subarray(2), false)!;
    if (text.includes('\0')) return { ok: false, reason: 'binary' };
    return { ok: true, text, encoding, damaged: text.includes(REPLACEMENT_CHARACTER) };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary' };
  const utf8 = decode('utf-8', bytes, true);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8', damaged: false };
  const sjis = decode('shift_jis', bytes, true);
  if (sjis !== null) return { ok: true, text: sjis, encoding: 'shift_jis', damaged: false };
  // Neither decodes cleanly: take the one with fewer broken characters.
  const looseUtf8 = decode('utf-8', bytes, false)!;
  const looseSjis = decode('shift_jis', bytes, false)!;
  const [text, encoding] = countReplacements(looseSjis) <= countReplacements(looseUtf8) ? [looseSjis, 'shift_jis' as const] : [looseUtf8, 'utf-8' as const];
  // Mostly garbage is not a CSV with a few bad rows: refuse it as a whole.
  if (countReplacements(text) > Math.max(10, text.length / 10)) return { ok: false, reason: 'encoding' };
  return { ok: true, text, encoding, damaged: true };
}

/** A cell starting with = + - @ (or a tab or CR) would run as a formula in a spreadsheet: prefix it with an apostrophe. */
export function neutraliseFormulas(lines: string[][]): void {
  for (const line of lines) for (let i = 0; i < line.length; i++) if (/^[=+\-@\t\r]/.test(line[i]!)) line[i] = `'${line[i]}`;
}

/** A CSV download: formulas neutralised, and a BOM so Excel opens the Japanese text as UTF-8. */
export function csvForSpreadsheet(lines: (string | number | null)[][]): string {
  const cells = lines.map((line) => line.map((cell) => (cell === null ? '' : String(cell))));
  neutraliseFormulas(cells);
  return '\uFEFF' + stringify(cells);
}
