// Renders real PDFs and reads them back with poppler (pdftotext, pdffonts,
// pdfinfo): what a resident's PDF viewer or a city printer would see.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findJapaneseFont, PdfFontMissing, renderPdf, type PdfDocumentSpec } from './pdf-document.ts';
import { FONT_SEARCH_PATHS } from './pdf-fonts.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oshu-pdf-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

let fileNo = 0;
function save(pdf: Buffer): string {
  const file = path.join(dir, `doc-${++fileNo}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}
const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });
/** Text of each page (pdftotext separates pages with a form feed). */
const pagesText = (file: string, mode = '-layout') => poppler('pdftotext', mode, '-enc', 'UTF-8', file, '-').split('\f').slice(0, -1);
const pageCount = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', file))?.[1]);

function assertEmbeddedSubsetFont(file: string, name: RegExp): void {
  const rows = poppler('pdffonts', file).trim().split('\n').slice(2);
  assert.ok(rows.length >= 1, 'the PDF uses a font');
  for (const row of rows) {
    // name type... emb sub uni: every font embedded, as a subset (ABCDEF+Name), with a ToUnicode map.
    assert.match(row, /^[A-Z]{6}\+\S+ .* yes\s+yes\s+yes\s+\d+\s+\d+\s*$/, `font not embedded as a subset: ${row}`);
  }
  assert.ok(rows.some((r) => name.test(r)), `expected ${name} in\n${rows.join('\n')}`);
}

const receipt: PdfDocumentSpec = {
  title: '領収書',
  documentNumber: 'No. R-2026-000123',
  issuedOn: '2026-11-24',
  recipient: '奥州 太郎',
  issuer: ['岩手県奥州市', '奥州市長'],
  issuerSeal: true,
  blocks: [
    { kind: 'amount', label: '金額', amountYen: 12300 },
    { kind: 'paragraph', text: '但し、住民票の写し交付手数料として。上記の金額を正に領収いたしました。' },
    {
      kind: 'fields',
      rows: [
        { label: '決済番号', value: 'PAY-2026-0000456789' },
        { label: '内訳', value: '住民票の写し 3通 × 300円\n印鑑登録証明書 2通 × 300円' },
      ],
    },
  ],
  footer: '奥州市 会計課',
  watermark: '見本（テスト決済）',
  info: { author: '奥州市', subject: '手数料の領収書' },
  createdAt: new Date('2026-11-24T01:00:00Z'),
};

test('a receipt prints its Japanese text, both calendars and the amount exactly', async () => {
  const file = save(await renderPdf(receipt));
  const [page, ...more] = pagesText(file);
  assert.equal(more.length, 0);
  const text = page!;
  for (const expected of ['領収書', 'No. R-2026-000123', '2026年11月24日（令和8年11月24日）', '奥州 太郎 様', '金額', '金 12,300 円', '岩手県奥州市', '奥州市長', '1 / 1 ページ', '奥州市 会計課']) {
    assert.ok(text.includes(expected), `missing ${expected} in\n${text}`);
  }
  // Multi-line values keep their lines.
  const lines = text.split('\n').map((l) => l.trim());
  assert.ok(lines.some((l) => l.endsWith('住民票の写し 3通 × 300円')), text);
  assert.ok(lines.some((l) => l === '印鑑登録証明書 2通 × 300円'), text);
  assertEmbeddedSubsetFont(file, /IPAexGothic|IPAGothic|NotoSansCJK/);
  const info = poppler('pdfinfo', file);
  assert.match(info, /^Title:\s+領収書$/m);
  assert.match(info, /^Author:\s+奥州市$/m);
  assert.match(info, /^Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/m);
});

test('the watermark is on the page, and only when asked for', async () => {
  // Diagonal text comes out one glyph per line in content order (-raw).
  const marked = pagesText(save(await renderPdf(receipt)), '-raw')[0]!.replace(/\s+/g, '');
  assert.ok(marked.includes('見本（テスト決済）'), marked);
  const plain = pagesText(save(await renderPdf({ ...receipt, watermark: undefined })), '-raw')[0]!.replace(/\s+/g, '');
  assert.ok(!plain.includes('見本'), plain);
});

test('a fixed createdAt gives byte-identical PDFs', async () => {
  const [a, b] = [await renderPdf(receipt), await renderPdf(receipt)];
  assert.ok(a.equals(b));
});

test('a long table breaks across pages with its header repeated and the right page count', async () => {
  const rows = Array.from({ length: 120 }, (_, i) => [
    String(i + 1),
    `申請${i + 1}号`,
    // Every tenth row wraps onto several lines, so rows have uneven heights.
    i % 10 === 0 ? '転入届に伴う住民票の写しの交付。本人確認書類は運転免許証。手数料は窓口で現金により納付済み。' : '住民票の写し',
    `${((i + 1) * 300).toLocaleString('ja-JP')}円`,
  ]);
  const file = save(
    await renderPdf({
      title: '住民票の写し等交付申請書',
      subtitle: '書かない窓口',
      issuedOn: '2019-05-01',
      recipient: '奥州市長',
      blocks: [
        { kind: 'heading', text: '申請者' },
        { kind: 'fields', rows: [{ label: '氏名', value: '奥州 花子' }, { label: '住所', value: '岩手県奥州市水沢大手町一丁目1番地' }] },
        { kind: 'heading', text: '申請の明細' },
        {
          kind: 'table',
          columns: [{ header: '番号', width: 0.7, align: 'right' }, { header: '申請番号', width: 1.5 }, { header: '請求の内容', width: 4 }, { header: '手数料', width: 1.4, align: 'right' }],
          rows,
        },
        { kind: 'signature', label: '申請者署名' },
      ],
      footer: '奥州市 市民課',
    }),
  );
  const pages = pagesText(file);
  const count = pageCount(file);
  assert.ok(count >= 4, `expected several pages, got ${count}`);
  assert.equal(pages.length, count);
  pages.forEach((text, i) => {
    assert.ok(text.includes(`${i + 1} / ${count} ページ`), `page ${i + 1} footer:\n${text}`);
    assert.ok(text.includes('奥州市 市民課'), `page ${i + 1} footer text`);
    if (/申請\d+号/.test(text)) {
      assert.match(text, /番号\s+申請番号\s+請求の内容\s+手数料/, `page ${i + 1} has table rows but no header:\n${text}`);
    }
  });
  assert.ok(pages[0]!.includes('2019年5月1日（令和元年5月1日）'));
  assert.ok(!pages[1]!.includes('住民票の写し等交付申請書'), 'the title is on the first page only');
  // Every row exactly once, in order: nothing lost or repeated at a page break.
  const all = pages.join('\n');
  const numbers = [...all.matchAll(/申請(\d+)号/g)].map((m) => Number(m[1]));
  assert.deepEqual(numbers, rows.map((_, i) => i + 1));
  assert.ok(all.includes('36,000円'));
  assert.ok(pages.at(-1)!.includes('申請者署名') && pages.at(-1)!.includes('署名') && pages.at(-1)!.includes('日付'));
  assertEmbeddedSubsetFont(file, /IPAexGothic|IPAGothic|NotoSansCJK/);
});

test('a font collection (.ttc) works through PDF_FONT_PATH, using its Japanese face', async () => {
  const ttc = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
  const file = save(await renderPdf({ title: '領収書', blocks: [{ kind: 'amount', label: '金額', amountYen: 900 }] }, { fontPath: ttc }));
  assert.match(pagesText(file)[0]!, /金 900 円/);
  assertEmbeddedSubsetFont(file, /NotoSansCJKjp-Regular/);
});

test('a missing or wrong font is a PdfFontMissing that says how to fix it', async () => {
  await assert.rejects(renderPdf(receipt, { fontPath: '/nonexistent/fonts/ipaexg.ttf' }), (err: unknown) => {
    assert.ok(err instanceof PdfFontMissing);
    assert.match(err.message, /\/nonexistent\/fonts\/ipaexg\.ttf/);
    assert.match(err.message, /fonts-ipaexfont-gothic/);
    assert.match(err.message, /PDF_FONT_PATH/);
    return true;
  });
  // Not a font at all (this test file).
  assert.throws(() => findJapaneseFont(new URL(import.meta.url).pathname), PdfFontMissing);
  // Without a setting the usual paths are searched, IPAex Gothic first.
  const found = findJapaneseFont(null);
  assert.equal(found, FONT_SEARCH_PATHS.find((p) => fs.existsSync(p)));
  assert.equal(findJapaneseFont(found), found);
});
