// The platform's PDF renderer: a document described as data (title, blocks,
// issuer) becomes an A4 PDF with an embedded Japanese font subset. Services
// build receipts (領収書), counter forms and certificates with it and never
// touch pdfkit themselves.
import PDFDocument from 'pdfkit';
import { drawBlock } from './pdf-blocks.ts';
import { findJapaneseFont, loadFont, PdfFontMissing } from './pdf-fonts.ts';
import { formatIssuedOn } from './pdf-layout.ts';
import { INK, lineHeight, PAGE, PageCursor, SIZE } from './pdf-page.ts';

export { findJapaneseFont, PdfFontMissing } from './pdf-fonts.ts';

export type PdfBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; size?: 'small' | 'normal' }
  /** A ruled two-column label/value table; long values wrap; multi-line values keep their newlines. */
  | { kind: 'fields'; rows: { label: string; value: string }[] }
  /** Page-breaks with the header repeated; `width` is relative (default 1). */
  | { kind: 'table'; columns: { header: string; width?: number; align?: 'left' | 'right' }[]; rows: string[][] }
  /** A large boxed amount line: 「金 12,300 円」 as on a receipt. */
  | { kind: 'amount'; label: string; amountYen: number }
  /** A box to sign by hand, with 署名 and 日付 lines. */
  | { kind: 'signature'; label: string }
  | { kind: 'spacer'; height?: number };

export interface PdfDocumentSpec {
  /** Large, centred (e.g. 領収書, 住民票の写し交付申請書). */
  title: string;
  subtitle?: string;
  /** Top-right, e.g. 'No. R-2026-000123'. */
  documentNumber?: string;
  /** ISO date; printed top-right as 2026年11月24日（令和8年11月24日）. */
  issuedOn?: string;
  /** Lines bottom-right, e.g. ['岩手県奥州市', '奥州市長']. */
  issuer?: string[];
  /** Draws a square seal-like box (角印の位置) beside the issuer lines. */
  issuerSeal?: boolean;
  /** Top-left, printed as 「○○ 様」. */
  recipient?: string;
  blocks: PdfBlock[];
  /** Small, every page, with 「n / N ページ」. */
  footer?: string;
  /** Big faint diagonal text on every page, e.g. 見本（テスト決済） for simulated payments. */
  watermark?: string;
  info?: { author?: string; subject?: string };
  /** Fixed creation date for reproducible output in tests. */
  createdAt?: Date;
}

const FONT = 'ja';

/**
 * Renders the document. `options.fontPath` is normally `config.pdfFontPath`
 * (PDF_FONT_PATH); null or absent searches the usual Debian font paths.
 * Throws PdfFontMissing when no usable Japanese font exists.
 */
export async function renderPdf(spec: PdfDocumentSpec, options: { fontPath?: string | null } = {}): Promise<Buffer> {
  const fontPath = findJapaneseFont(options.fontPath ?? null);
  const font = loadFont(fontPath);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginX, right: PAGE.marginX },
    bufferPages: true, // the footer needs the page count, known only at the end
    lang: 'ja-JP',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: spec.title,
      ...(spec.info?.author ? { Author: spec.info.author } : {}),
      ...(spec.info?.subject ? { Subject: spec.info.subject } : {}),
      Creator: 'oshu-dx',
      Producer: 'oshu-dx (pdfkit)',
      CreationDate: spec.createdAt ?? new Date(),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  doc.registerFont(FONT, font.data, font.face);
  doc.font(FONT);
  assertJapaneseGlyphs(doc, fontPath);

  const cursor = new PageCursor(doc);
  drawHeader(cursor, spec);
  for (const block of spec.blocks) drawBlock(cursor, block);
  if (spec.issuer?.length) drawIssuer(cursor, spec.issuer, spec.issuerSeal === true);
  decoratePages(doc, spec);

  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

/*
 * A PDF_FONT_PATH pointing at a Latin-only font would give PDFs of empty
 * boxes. pdfkit exposes the fontkit font only internally, so the check is
 * skipped (not failed) if that ever changes.
 */
function assertJapaneseGlyphs(doc: PDFKit.PDFDocument, path: string): void {
  const internal = doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?: (cp: number) => boolean } } };
  const hasGlyph = internal._font?.font?.hasGlyphForCodePoint;
  if (typeof hasGlyph !== 'function') return;
  if (!['領', 'あ', 'ア'].every((ch) => hasGlyph.call(internal._font!.font, ch.codePointAt(0)!))) {
    throw new PdfFontMissing(`フォント ${path} には日本語の文字がありません。`);
  }
}

function drawHeader(cursor: PageCursor, spec: PdfDocumentSpec): void {
  const meta = [spec.documentNumber, spec.issuedOn ? formatIssuedOn(spec.issuedOn) : undefined].filter((s): s is string => !!s);
  for (const line of meta) {
    cursor.line(line, cursor.left, cursor.y, SIZE.meta, { width: cursor.width, align: 'right' });
    cursor.y += lineHeight(SIZE.meta);
  }
  if (meta.length) cursor.y += 6;
  cursor.paragraph(spec.title, SIZE.title, { align: 'center', bold: true });
  if (spec.subtitle) cursor.paragraph(spec.subtitle, SIZE.subtitle, { align: 'center' });
  cursor.y += 12;
  if (spec.recipient) {
    const size = 14;
    const lines = cursor.wrap(`${spec.recipient} 様`, cursor.width * 0.62, size);
    let widest = 0;
    for (const line of lines) {
      cursor.line(line, cursor.left, cursor.y, size);
      widest = Math.max(widest, cursor.doc.widthOfString(line));
      cursor.y += lineHeight(size);
    }
    cursor.rule(cursor.left, cursor.y, cursor.left + Math.max(widest + 24, cursor.width * 0.45), cursor.y, 0.9, INK.text);
    cursor.y += 16;
  }
}

function drawIssuer(cursor: PageCursor, lines: string[], seal: boolean): void {
  const size = 11;
  const pitch = lineHeight(size);
  const sealSize = seal ? 52 : 0;
  const gap = seal ? 10 : 0;
  const height = Math.max(lines.length * pitch, sealSize);
  cursor.y += 14;
  cursor.ensure(height);
  const textRight = cursor.right - sealSize - gap;
  const top = cursor.y;
  lines.forEach((line, i) => {
    cursor.line(line, cursor.left, top + i * pitch, size, { width: textRight - cursor.left, align: 'right' });
  });
  if (seal) {
    const sealTop = top + (height - sealSize) / 2;
    cursor.box(cursor.right - sealSize, sealTop, sealSize, sealSize, { stroke: INK.faintRule, lineWidth: 0.8 });
    cursor.doc.save().fillColor(INK.faintRule).fontSize(9);
    cursor.doc.text('印', cursor.right - sealSize / 2 - 4.5, sealTop + sealSize / 2 - 5.5, { lineBreak: false });
    cursor.doc.restore();
  }
  cursor.y = top + height;
}

/** Footer and watermark on every page, drawn last when the page count is known. */
function decoratePages(doc: PDFKit.PDFDocument, spec: PdfDocumentSpec): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const cursor = new PageCursor(doc);
    if (spec.watermark) drawWatermark(cursor, spec.watermark);
    const y = cursor.bottom + 14;
    cursor.rule(cursor.left, y, cursor.right, y, 0.4, INK.faintRule);
    const pageLabel = `${i - range.start + 1} / ${range.count} ページ`;
    cursor.line(pageLabel, cursor.left, y + 4, SIZE.footer, { width: cursor.width, align: 'right' });
    if (spec.footer) {
      cursor.wrap(spec.footer, cursor.width - 80, SIZE.footer)
        .slice(0, 2) // the bottom margin holds two lines
        .forEach((line, n) => cursor.line(line, cursor.left, y + 4 + n * lineHeight(SIZE.footer), SIZE.footer));
    }
  }
}

/*
 * Drawn over the content (not under it) so that a filled table header can
 * never hide it: a 見本 mark must stay visible on every copy.
 */
function drawWatermark(cursor: PageCursor, text: string): void {
  const doc = cursor.doc;
  const angle = -Math.atan(PAGE.height / PAGE.width) * (180 / Math.PI) * 0.8;
  doc.fontSize(1);
  const unitWidth = doc.widthOfString(text);
  const size = Math.min(96, (PAGE.width * 0.95) / Math.max(unitWidth, 0.001));
  doc.fontSize(size);
  const cx = PAGE.width / 2;
  const cy = PAGE.height / 2;
  doc.save();
  doc.rotate(angle, { origin: [cx, cy] });
  doc.fillColor(INK.watermark).fillOpacity(0.22);
  doc.text(text, cx - doc.widthOfString(text) / 2, cy - size * 0.58, { lineBreak: false });
  doc.restore();
}
