// The page cursor: where the next block goes, when a page is full, and the
// few drawing primitives every block uses. Text is always drawn one line at
// a time at an explicit position (lineBreak: false), so pdfkit never wraps or
// adds a page behind our back.
import { breakLines } from './pdf-layout.ts';

/** A4 portrait in points (1 pt = 1/72 inch); margins about 18 mm. */
export const PAGE = { width: 595.28, height: 841.89, marginX: 52, marginTop: 50, marginBottom: 64 } as const;

/*
 * Pure black text and dark-grey rules: receipts are printed on office laser
 * printers and photocopied, where mid-greys turn into dither noise. Fills are
 * light enough to keep black text well above WCAG's 7:1.
 */
export const INK = { text: '#000000', rule: '#333333', faintRule: '#8c8c8c', fill: '#ebebeb', watermark: '#7a7a7a' } as const;

export const SIZE = { title: 20, subtitle: 11, heading: 13, normal: 10.5, small: 8.5, cell: 10, amount: 22, meta: 10, footer: 8 } as const;

/** Line pitch for a font size: 1.5 reads well for Japanese body text. */
export function lineHeight(size: number): number {
  return size * 1.5;
}

type Align = 'left' | 'right' | 'center';

export class PageCursor {
  y: number = PAGE.marginTop;
  readonly left = PAGE.marginX;
  readonly right = PAGE.width - PAGE.marginX;
  readonly top = PAGE.marginTop;
  readonly bottom = PAGE.height - PAGE.marginBottom;

  constructor(readonly doc: PDFKit.PDFDocument) {}

  get width(): number {
    return this.right - this.left;
  }

  /** Space left on this page. */
  get room(): number {
    return this.bottom - this.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
  }

  /** Starts a new page unless `height` still fits (a fresh page never breaks again). */
  ensure(height: number): void {
    if (height > this.room && this.y > this.top) this.newPage();
  }

  wrap(text: string, width: number, size: number): string[] {
    this.doc.fontSize(size);
    return breakLines(text, width, (s) => this.doc.widthOfString(s));
  }

  /**
   * Draws one line of text with its line box's top at y. `bold` strokes the
   * outline as well as filling it: the embedded font has one weight, and a
   * thin stroke is the usual way to embolden CJK glyphs in print.
   */
  line(text: string, x: number, y: number, size: number, opts: { width?: number; align?: Align; bold?: boolean } = {}): void {
    const doc = this.doc;
    doc.fontSize(size);
    let dx = 0;
    if (opts.width !== undefined && opts.align && opts.align !== 'left') {
      const slack = opts.width - doc.widthOfString(text);
      dx = opts.align === 'right' ? slack : slack / 2;
    }
    // Centre the glyphs vertically in the 1.5× line box.
    const top = y + (lineHeight(size) - size * 1.16) / 2;
    doc.fillColor(INK.text);
    if (opts.bold) doc.strokeColor(INK.text).lineWidth(size * 0.035);
    doc.text(text, x + dx, top, { lineBreak: false, fill: true, stroke: opts.bold === true });
  }

  /** Wraps and draws a paragraph at the cursor, breaking pages between lines. */
  paragraph(text: string, size: number, opts: { indent?: number; bold?: boolean; align?: Align } = {}): void {
    const x = this.left + (opts.indent ?? 0);
    const width = this.right - x;
    const pitch = lineHeight(size);
    for (const text_ of this.wrap(text, width, size)) {
      this.ensure(pitch);
      this.line(text_, x, this.y, size, { width, align: opts.align ?? 'left', bold: opts.bold === true });
      this.y += pitch;
    }
  }

  rule(x1: number, y1: number, x2: number, y2: number, width = 0.6, colour: string = INK.rule): void {
    this.doc.save().moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(colour).stroke().restore();
  }

  box(x: number, y: number, w: number, h: number, opts: { fill?: string; stroke?: string; lineWidth?: number } = {}): void {
    const doc = this.doc.save();
    doc.rect(x, y, w, h).lineWidth(opts.lineWidth ?? 0.6);
    if (opts.fill && opts.stroke) doc.fillAndStroke(opts.fill, opts.stroke);
    else if (opts.fill) doc.fill(opts.fill);
    else doc.strokeColor(opts.stroke ?? INK.rule).stroke();
    doc.restore();
  }
}
