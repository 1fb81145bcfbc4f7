// Drawing the body blocks of a document: headings, paragraphs, ruled tables,
// the boxed amount of a receipt and the box a resident signs by hand.
import type { PdfBlock } from './pdf-document.ts';
import { columnWidths, formatYen } from './pdf-layout.ts';
import { INK, lineHeight, SIZE, type PageCursor } from './pdf-page.ts';

const CELL_PAD_X = 6;
const CELL_PAD_Y = 4;
const BLOCK_GAP = 10;

export function drawBlock(cursor: PageCursor, block: PdfBlock): void {
  switch (block.kind) {
    case 'heading':
      return drawHeading(cursor, block.text);
    case 'paragraph':
      cursor.paragraph(block.text, block.size === 'small' ? SIZE.small : SIZE.normal);
      cursor.y += 4;
      return;
    case 'fields':
      return drawFields(cursor, block.rows);
    case 'table':
      return drawTable(cursor, block.columns, block.rows);
    case 'amount':
      return drawAmount(cursor, block.label, block.amountYen);
    case 'signature':
      return drawSignature(cursor, block.label);
    case 'spacer':
      cursor.y = Math.min(cursor.bottom, cursor.y + Math.max(0, block.height ?? 12));
      return;
  }
}

function drawHeading(cursor: PageCursor, text: string): void {
  const pitch = lineHeight(SIZE.heading);
  const lines = cursor.wrap(text, cursor.width - 10, SIZE.heading);
  if (cursor.y > cursor.top) cursor.y += 8;
  // Keep a heading with at least two lines of what follows it.
  cursor.ensure(lines.length * pitch + 2 * lineHeight(SIZE.normal));
  const start = cursor.y;
  for (const line of lines) {
    cursor.line(line, cursor.left + 10, cursor.y, SIZE.heading, { bold: true });
    cursor.y += pitch;
  }
  cursor.box(cursor.left, start + 3, 3.5, cursor.y - start - 6, { fill: INK.text });
  cursor.y += 4;
}

interface Column {
  width: number;
  align: 'left' | 'right';
  fill?: string;
  bold?: boolean;
}

/**
 * A ruled grid: rows grow to fit wrapped cells; a row that does not fit goes
 * to the next page whole (after `onNewPage`, e.g. the repeated header), and
 * only a row taller than a whole page is split between pages.
 */
function drawRows(cursor: PageCursor, columns: Column[], rows: string[][], size: number, onNewPage: () => void): void {
  const pitch = lineHeight(size);
  for (const row of rows) {
    const cells = columns.map((col, i) => cursor.wrap(row[i] ?? '', col.width - 2 * CELL_PAD_X, size));
    const total = Math.max(1, ...cells.map((c) => c.length));
    let start = 0;
    let fresh = false;
    while (start < total) {
      const need = (total - start) * pitch + 2 * CELL_PAD_Y;
      let take = total - start;
      if (need > cursor.room) {
        const fit = Math.floor((cursor.room - 2 * CELL_PAD_Y) / pitch);
        const fitsFreshPage = need <= cursor.bottom - cursor.top - 3 * pitch;
        if (!fresh && (fitsFreshPage || fit < 1)) {
          cursor.newPage();
          onNewPage();
          fresh = true;
          continue;
        }
        take = Math.max(1, fit);
      }
      drawRowSlice(cursor, columns, cells, start, take, size);
      start += take;
      fresh = false;
      if (start < total) {
        cursor.newPage();
        onNewPage();
        fresh = true;
      }
    }
  }
}

function drawRowSlice(cursor: PageCursor, columns: Column[], cells: string[][], start: number, take: number, size: number): void {
  const pitch = lineHeight(size);
  const height = take * pitch + 2 * CELL_PAD_Y;
  let x = cursor.left;
  columns.forEach((col, i) => {
    cursor.box(x, cursor.y, col.width, height, col.fill ? { fill: col.fill, stroke: INK.rule } : { stroke: INK.rule });
    (cells[i] ?? []).slice(start, start + take).forEach((line, n) => {
      cursor.line(line, x + CELL_PAD_X, cursor.y + CELL_PAD_Y + n * pitch, size, {
        width: col.width - 2 * CELL_PAD_X,
        align: col.align,
        bold: col.bold === true,
      });
    });
    x += col.width;
  });
  cursor.y += height;
}

function drawFields(cursor: PageCursor, rows: { label: string; value: string }[]): void {
  // The label column is as wide as the longest label, within sensible bounds.
  cursor.doc.fontSize(SIZE.cell);
  const widest = Math.max(0, ...rows.map((r) => cursor.doc.widthOfString(r.label)));
  const labelWidth = Math.min(cursor.width * 0.38, Math.max(cursor.width * 0.22, widest + 2 * CELL_PAD_X + 2));
  const columns: Column[] = [
    { width: labelWidth, align: 'left', fill: INK.fill },
    { width: cursor.width - labelWidth, align: 'left' },
  ];
  cursor.ensure(lineHeight(SIZE.cell) + 2 * CELL_PAD_Y);
  drawRows(cursor, columns, rows.map((r) => [r.label, r.value]), SIZE.cell, () => {});
  cursor.y += BLOCK_GAP;
}

function drawTable(
  cursor: PageCursor,
  spec: { header: string; width?: number; align?: 'left' | 'right' }[],
  rows: string[][],
): void {
  const widths = columnWidths(spec.map((c) => c.width), cursor.width);
  const body: Column[] = spec.map((c, i) => ({ width: widths[i]!, align: c.align ?? 'left' }));
  const head: Column[] = body.map((c) => ({ ...c, fill: INK.fill, bold: true }));
  const header = () => drawRows(cursor, head, [spec.map((c) => c.header)], SIZE.cell, () => {});
  // Keep the header with the first row.
  const pitch = lineHeight(SIZE.cell);
  cursor.ensure(2 * (pitch + 2 * CELL_PAD_Y));
  header();
  drawRows(cursor, body, rows, SIZE.cell, header);
  cursor.y += BLOCK_GAP;
}

function drawAmount(cursor: PageCursor, label: string, amountYen: number): void {
  const text = `金 ${formatYen(amountYen)} 円`;
  const height = 62;
  cursor.ensure(height + BLOCK_GAP);
  const width = cursor.width * 0.84;
  const x = cursor.left + (cursor.width - width) / 2;
  cursor.box(x, cursor.y, width, height, { stroke: INK.text, lineWidth: 1.4 });
  cursor.box(x + 3, cursor.y + 3, width - 6, height - 6, { stroke: INK.text, lineWidth: 0.5 });
  cursor.doc.fontSize(SIZE.subtitle);
  const labelWidth = Math.min(width * 0.32, cursor.doc.widthOfString(label) + 28);
  cursor.line(label, x + 14, cursor.y + (height - lineHeight(SIZE.subtitle)) / 2, SIZE.subtitle);
  cursor.line(text, x + labelWidth, cursor.y + (height - lineHeight(SIZE.amount)) / 2, SIZE.amount, {
    width: width - labelWidth - 14,
    align: 'center',
    bold: true,
  });
  cursor.y += height + BLOCK_GAP;
}

function drawSignature(cursor: PageCursor, label: string): void {
  const height = 104;
  cursor.ensure(height + BLOCK_GAP);
  const { left, width } = cursor;
  const top = cursor.y;
  cursor.box(left, top, width, height, { stroke: INK.rule, lineWidth: 0.9 });
  cursor.line(label, left + 10, top + 6, SIZE.cell, { bold: true });
  // Two writing lines long enough for a full name and a date by hand.
  const signY = top + 50;
  const dateY = top + 86;
  const ruleStart = left + 56;
  cursor.line('署名', left + 14, signY - lineHeight(SIZE.cell), SIZE.cell);
  cursor.rule(ruleStart, signY, left + width - 16, signY, 0.7);
  cursor.line('日付', left + 14, dateY - lineHeight(SIZE.cell), SIZE.cell);
  cursor.line('年　　　月　　　日', ruleStart + 60, dateY - lineHeight(SIZE.cell), SIZE.cell);
  cursor.rule(ruleStart, dateY, ruleStart + 230, dateY, 0.7);
  cursor.y = top + height + BLOCK_GAP;
}
