/**
 * The whole visit as one PDF for one signature: addressed to 奥州市長, dated in 西暦
 * and 和暦, the applicant and how they were identified, then one section per
 * procedure with its answers as label/value rows (for a submitted one, the answers
 * the department received, with the reference number), and a single signature box
 * at the end. Downloading it is audited. Japanese only: it is the city's form.
 */
import { feeYen, summarise } from '../../engines/forms/index.ts';
import { auditActorOf, type StaffActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError, notFound } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { renderPdf, type PdfBlock, type PdfDocumentSpec } from '../../platform/pdf/pdf-document.ts';
import { formatDateJa } from '../../platform/text/wareki.ts';
import { todayInJapan } from '../../platform/time/today.ts';
import { applicationSummary } from '../procedures/public-api.ts';
import { residentFactsFor } from '../registry/resident-facts.ts';
import { describeIdentityCheck } from './identity-methods.ts';
import { canUseCounter } from './policy.ts';
import { identityOf, loadVisit, type Meta, type VisitView } from './visit-service.ts';
import { postalText } from './view-common.tsx';

export const PDF_ADDRESSEE = '奥州市長';

const JST = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hour12: false });

/** The PDF may be made once every form is finished (submitted or to be signed). */
export function pdfBlocker(view: VisitView): string | null {
  if (view.forms.length === 0) return 'counter.pdf.error.empty';
  if (view.forms.some((f) => f.row.finish === null)) return 'counter.pdf.error.unfinished';
  return null;
}

function sectionBlocks(sections: { title: string; rows: { label: string; display: string }[] }[]): PdfBlock[] {
  const rows = sections.flatMap((s) => s.rows.map((r) => ({ label: sections.length > 1 ? `${s.title}｜${r.label}` : r.label, value: r.display })));
  return rows.length ? [{ kind: 'fields', rows }] : [];
}

export async function visitPdfSpec(platform: Platform, view: VisitView): Promise<PdfDocumentSpec> {
  const db = platform.db.kysely;
  const today = todayInJapan(platform.now());
  // On the register: its record now; a visitor not on it: what the clerk typed at the start of the visit.
  const resident = view.visit.resident_id ? (await residentFactsFor(db, view.visit.resident_id))?.resident : (view.visit.visitor ?? undefined);
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: '申請者' },
    {
      kind: 'fields',
      rows: [
        { label: '氏名', value: resident?.name ?? view.visit.resident_name },
        ...(resident
          ? [
              { label: 'フリガナ', value: resident.nameKana },
              { label: '生年月日', value: formatDateJa(resident.birthDate) },
              { label: '住所', value: `${postalText(resident.postalCode)} ${resident.address}` },
            ]
          : []),
        { label: '本人確認', value: describeIdentityCheck(identityOf(view.visit), 'ja') },
        { label: '受付', value: `${formatDateJa(todayInJapan(view.visit.started_at))} ${JST.format(view.visit.started_at)}　${view.visit.staff_name}` },
      ],
    },
  ];
  let n = 0;
  for (const form of view.forms) {
    n += 1;
    if (form.row.application_id) {
      const summary = await applicationSummary(db, form.row.application_id, 'ja');
      blocks.push({ kind: 'heading', text: `${n}. ${summary.title}` });
      blocks.push({ kind: 'paragraph', text: `受付番号 ${summary.reference ?? form.row.reference ?? ''}（窓口から直接申請済み）${summary.feeYen > 0 ? `　手数料 ${summary.feeYen.toLocaleString('ja-JP')}円（窓口でお支払い）` : ''}` });
      blocks.push(...sectionBlocks(summary.sections));
      continue;
    }
    if (!form.def) throw notFound();
    const fee = feeYen(form.def, form.row.answers);
    blocks.push({ kind: 'heading', text: `${n}. ${form.def.title.ja}` });
    blocks.push({ kind: 'paragraph', text: `署名のうえ提出する申請書です。添付書類は窓口で確認します。${fee > 0 ? `　手数料 ${fee.toLocaleString('ja-JP')}円（窓口でお支払い）` : ''}` });
    blocks.push(...sectionBlocks(summarise(form.def, form.row.answers, 'ja')));
  }
  blocks.push({ kind: 'spacer', height: 8 });
  blocks.push({ kind: 'paragraph', text: `以上${view.forms.length}件の手続きについて、記載の内容に相違ありません。` });
  blocks.push({ kind: 'signature', label: '申請者の署名' });
  return {
    title: '申請書（窓口受付）',
    subtitle: `${resident?.name ?? view.visit.resident_name} 様の手続き ${view.forms.length}件`,
    documentNumber: `窓口受付 No. ${view.visit.id.slice(0, 8).toUpperCase()}`,
    issuedOn: today,
    recipient: PDF_ADDRESSEE,
    blocks,
    footer: '奥州市 市民課 総合窓口（書かない窓口）で、申請者の申し出により作成しました。',
    info: { author: '奥州市', subject: '書かない窓口 申請書' },
    createdAt: platform.now(),
  };
}

/** The visit's PDF, audited as a download of the resident's data. */
export async function visitPdf(platform: Platform, staff: StaffActor, visitId: string, meta: Meta): Promise<{ bytes: Buffer; filename: string }> {
  requireAccess(canUseCounter(staff), 'forbidden');
  const view = await loadVisit({ db: platform.db.kysely, now: platform.now }, staff, visitId);
  const blocker = pdfBlocker(view);
  if (blocker) throw new DomainError('pdf_not_ready', 409, blocker);
  const bytes = await renderPdf(await visitPdfSpec(platform, view), { fontPath: platform.config.pdfFontPath });
  await recordAudit(platform.db.kysely, {
    actor: auditActorOf(staff),
    action: 'counter.pdf.downloaded',
    targetType: 'counter-visit',
    targetId: view.visit.id,
    details: { residentId: view.visit.resident_id, procedures: view.forms.map((f) => f.row.procedure_id), bytes: bytes.length },
    requestId: meta.requestId,
  });
  return { bytes, filename: `counter-${todayInJapan(platform.now())}-${view.visit.id.slice(0, 8)}.pdf` };
}
