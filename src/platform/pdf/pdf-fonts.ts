// Finding the Japanese font every PDF embeds. PDF's standard 14 fonts have
// no kanji, so a real font file is required; a missing one must fail loudly
// with the fix, never produce a PDF of empty boxes.
import fs from 'node:fs';

export class PdfFontMissing extends Error {
  constructor(detail: string) {
    super(
      `${detail} PDF に使える日本語フォントがありません。fonts-ipaexfont-gothic をインストールする（apt-get install fonts-ipaexfont-gothic）か、` +
        `環境変数 PDF_FONT_PATH に TrueType/OpenType フォント（.ttf/.otf/.ttc）のパスを設定してください。` +
        ` / No Japanese font: install fonts-ipaexfont-gothic or set PDF_FONT_PATH.`,
    );
    this.name = 'PdfFontMissing';
  }
}

/*
 * Searched in order when PDF_FONT_PATH is not set. TrueType IPAex Gothic
 * first: its subsets are small (a one-page receipt is ~35 kB) and it is what CI
 * installs. The Noto CJK collection works too (checked by the tests) but
 * embeds CFF outlines, so its PDFs are several times larger.
 */
export const FONT_SEARCH_PATHS: readonly string[] = [
  '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf',
  '/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf',
  '/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf',
  '/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf',
  '/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  // Debian's alternatives link to whichever Japanese gothic font is installed.
  '/usr/share/fonts/truetype/fonts-japanese-gothic.ttf',
];

const FONT_MAGIC = new Set(['00010000', '74727565' /* true */, '4f54544f' /* OTTO */, '74746366' /* ttcf */]);

function fontKind(path: string): 'font' | 'collection' | 'missing' | 'not-a-font' {
  let fd: number;
  try {
    if (!fs.statSync(path).isFile()) return 'missing';
    fd = fs.openSync(path, 'r');
  } catch {
    return 'missing';
  }
  try {
    const head = Buffer.alloc(4);
    fs.readSync(fd, head, 0, 4, 0);
    const magic = head.toString('hex');
    if (!FONT_MAGIC.has(magic)) return 'not-a-font';
    return magic === '74746366' ? 'collection' : 'font';
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The font file to use: `preferred` (from PDF_FONT_PATH) if given — a wrong
 * setting is an error, not a silent fallback — else the first installed of
 * FONT_SEARCH_PATHS. Throws PdfFontMissing.
 */
export function findJapaneseFont(preferred?: string | null): string {
  if (preferred) {
    const kind = fontKind(preferred);
    if (kind === 'missing') throw new PdfFontMissing(`PDF_FONT_PATH のフォント ${preferred} がありません。`);
    if (kind === 'not-a-font') throw new PdfFontMissing(`PDF_FONT_PATH の ${preferred} はフォントファイルではありません。`);
    return preferred;
  }
  const found = FONT_SEARCH_PATHS.find((p) => ['font', 'collection'].includes(fontKind(p)));
  if (!found) throw new PdfFontMissing(`次の場所を探しました: ${FONT_SEARCH_PATHS.join(', ')}。`);
  return found;
}

export interface LoadedFont {
  data: Buffer;
  /** For a collection (.ttc), the PostScript name of the face to use. */
  face: string | undefined;
}

// Font files are a few MB; read each once per process, not once per PDF.
const loaded = new Map<string, LoadedFont>();

export function loadFont(path: string): LoadedFont {
  const cached = loaded.get(path);
  if (cached) return cached;
  const data = fs.readFileSync(path);
  const face = data.subarray(0, 4).toString('latin1') === 'ttcf' ? chooseCollectionFace(data, path) : undefined;
  const font = { data, face };
  loaded.set(path, font);
  return font;
}

/*
 * A .ttc holds several faces (Noto CJK: JP, KR, SC, TC, HK); pdfkit needs the
 * PostScript name of one. We prefer the Japanese face, whose glyph shapes
 * follow Japanese conventions, and read the names from the collection's
 * 'name' tables directly rather than depend on fontkit, which is only
 * pdfkit's own dependency.
 */
function chooseCollectionFace(data: Buffer, path: string): string {
  const names: string[] = [];
  const count = data.readUInt32BE(8);
  for (let i = 0; i < count; i++) {
    const name = postScriptName(data, data.readUInt32BE(12 + 4 * i));
    if (name) names.push(name);
  }
  const face = names.find((n) => /JP/i.test(n)) ?? names[0];
  if (!face) throw new PdfFontMissing(`${path} のフォント名を読めません。`);
  return face;
}

function postScriptName(data: Buffer, fontOffset: number): string | null {
  const numTables = data.readUInt16BE(fontOffset + 4);
  for (let t = 0; t < numTables; t++) {
    const rec = fontOffset + 12 + 16 * t;
    if (data.toString('latin1', rec, rec + 4) !== 'name') continue;
    const table = data.readUInt32BE(rec + 8);
    const nameCount = data.readUInt16BE(table + 2);
    const strings = table + data.readUInt16BE(table + 4);
    for (let r = 0; r < nameCount; r++) {
      const nr = table + 6 + 12 * r;
      const platform = data.readUInt16BE(nr);
      if (data.readUInt16BE(nr + 6) !== 6) continue; // nameID 6 = PostScript name
      const length = data.readUInt16BE(nr + 8);
      const start = strings + data.readUInt16BE(nr + 10);
      const raw = data.subarray(start, start + length);
      // Windows names are UTF-16BE; Macintosh ones are single-byte ASCII.
      return platform === 3 ? Buffer.from(raw).swap16().toString('utf16le') : raw.toString('latin1');
    }
  }
  return null;
}
