// Pure text layout for the PDF renderer: Japanese line breaking, amounts and
// dates. No pdfkit here, so every rule is unit-tested with a fake ruler.
//
// We break lines ourselves instead of using pdfkit's wrapper because the
// wrapper's Unicode rules allow a line to start with 「。」 or 「ー」 and
// cannot tell us the lines before drawing — and tables need each cell's
// height to decide where a page breaks.
import { eraOf, formatWareki, isIsoDate } from '../text/wareki.ts';

/** Width of a string in points in the current font and size. */
export type Measure = (text: string) => number;

/*
 * 禁則 (JIS X 4051, the usual subset): characters that may not start a line
 * are glued to the one before; characters that may not end a line are glued
 * to the one after.
 */
const NO_LINE_START = new Set([
  ...'、。，．,.・：；:;？！?!）)］]｝}〕〉》」』】〙〗〟’”»゛゜ヽヾゝゞ々〻ー―‐–〜～…‥%％',
  ...'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ',
]);
const NO_LINE_END = new Set([...'（(［[｛{〔〈《「『【〘〖〝‘“«¥￥$＄#＃№']);

/* Letters and digits (ASCII and full-width) form words that are never split. */
const WORD_CHAR = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/u;
/* Inside a word, these join the characters either side: 12,300 / 3.5 / 10:30 / R-2026-000123 / a@b. */
const WORD_JOINER = /[,.:\-/_@'，．：－／]/u;

/**
 * Splits a line of text into units that must stay on one line: words and
 * numbers whole, every other character alone, with 禁則 characters glued on.
 * Spaces are their own units (a line may break at them).
 */
export function breakUnits(text: string): string[] {
  const chars = [...text];
  const raw: string[] = [];
  for (let i = 0; i < chars.length; ) {
    const c = chars[i]!;
    if (WORD_CHAR.test(c)) {
      let j = i + 1;
      while (j < chars.length) {
        const d = chars[j]!;
        if (WORD_CHAR.test(d)) j++;
        else if (WORD_JOINER.test(d) && j + 1 < chars.length && WORD_CHAR.test(chars[j + 1]!)) j += 2;
        else break;
      }
      raw.push(chars.slice(i, j).join(''));
      i = j;
    } else {
      raw.push(c);
      i++;
    }
  }
  const units: string[] = [];
  let pendingOpen = '';
  for (const unit of raw) {
    const first = [...unit][0]!;
    if (unit.length === 1 && NO_LINE_END.has(unit)) {
      pendingOpen += unit;
    } else if (pendingOpen === '' && NO_LINE_START.has(first) && units.length > 0 && units[units.length - 1] !== ' ') {
      units[units.length - 1] += unit;
    } else {
      units.push(pendingOpen + unit);
      pendingOpen = '';
    }
  }
  if (pendingOpen) units.push(pendingOpen);
  return units;
}

/**
 * Breaks text into lines no wider than maxWidth. Newlines in the text are
 * kept; spaces at a break are dropped. A unit wider than a whole line (a
 * very long number) is the only thing ever split inside.
 */
export function breakLines(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  // Tabs and other control characters have no glyph; they print as spaces.
  const clean = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ');
  for (const paragraph of clean.split('\n')) {
    let line = '';
    let width = 0;
    const push = () => {
      lines.push(line.replace(/ +$/u, ''));
      line = '';
      width = 0;
    };
    for (const unit of breakUnits(paragraph)) {
      if (unit === ' ' && line === '' && lines.length > 0) continue;
      const w = measure(unit);
      if (width + w <= maxWidth + 0.01) {
        line += unit;
        width += w;
        continue;
      }
      if (unit === ' ') {
        push();
        continue;
      }
      if (line.replace(/ +$/u, '') !== '') push();
      if (w <= maxWidth + 0.01) {
        line = unit;
        width = w;
        continue;
      }
      // Last resort: a unit longer than the line is cut by characters.
      for (const ch of unit) {
        const cw = measure(ch);
        if (line !== '' && width + cw > maxWidth + 0.01) push();
        line += ch;
        width += cw;
      }
    }
    push();
  }
  return lines;
}

/** 12300 → '12,300'; amounts are whole yen. */
export function formatYen(amountYen: number): string {
  if (!Number.isSafeInteger(amountYen)) throw new RangeError(`an amount in yen must be a whole number: ${amountYen}`);
  const digits = String(Math.abs(amountYen)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return amountYen < 0 ? `−${digits}` : digits;
}

/** '2026-11-24' → '2026年11月24日（令和8年11月24日）', as printed on certificates. */
export function formatIssuedOn(iso: string): string {
  if (!isIsoDate(iso)) throw new RangeError(`issuedOn must be an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  const gregorian = `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
  return eraOf(iso) ? `${gregorian}（${formatWareki(iso)}）` : gregorian;
}

/** Relative column widths (missing = 1) → absolute widths summing to total. */
export function columnWidths(relative: (number | undefined)[], total: number): number[] {
  const weights = relative.map((w) => (w !== undefined && Number.isFinite(w) && w > 0 ? w : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (total * w) / sum);
}
