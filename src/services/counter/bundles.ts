/**
 * Procedure bundles (手続きセット) as data: the procedures that go together for one
 * life event, each with answers the bundle already knows (a move-in joins the
 * national health insurance, opens the water tap …). A bundle offers only the
 * procedures the catalogue has published, and is offered when at least two of them
 * are there. Presets (choices only) are suggestions like the register's: the clerk can change them,
 * and a preset whose field or option the current definition lacks is left out.
 */
import type { Answers, Localized, ProcedureDefinition } from '../../engines/forms/index.ts';

export interface BundleItem {
  procedureId: string;
  /** What this item does, in a few words: the bundle's description is made of these, so it never promises more than it holds. */
  label: Localized;
  preset?: Record<string, string>;
}

export interface Bundle {
  id: string;
  title: Localized;
  /** What the bundle does not do itself, said next to what it does (e.g. where the 転入届 is taken). */
  note?: Localized;
  items: BundleItem[];
}

const L = (ja: string, en: string): Localized => ({ ja, en });

export const BUNDLES: readonly Bundle[] = [
  {
    id: 'move-in',
    title: L('転入セット', 'Moving in'),
    // The 転入届 itself is entered in the residents' register system, not as a form here: the set holds what follows it.
    note: L('転入届は住民記録システムで受け付けます', 'the move-in notification itself is entered in the register system'),
    items: [
      { procedureId: 'kokuho-kanyu-dattai', label: L('国民健康保険の加入', 'joining the national health insurance'), preset: { kind: 'join' } },
      { procedureId: 'jido-teate', label: L('児童手当の認定請求', 'child allowance'), preset: { reason: 'movedIn' } },
      { procedureId: 'kodomo-iryohi', label: L('子ども医療費助成の申請', 'child medical care subsidy'), preset: { reason: 'movedIn' } },
      { procedureId: 'suido-kaiheisen', label: L('水道の使用開始', 'starting the water supply'), preset: { kind: 'start' } },
    ],
  },
  {
    id: 'move-out',
    title: L('転出セット', 'Moving out'),
    note: L('水道の閉栓は転出届から上下水道部へ連絡されます', 'the water department hears of the move from the notification'),
    items: [
      { procedureId: 'tenshutsu', label: L('転出届', 'moving-out notification') },
      { procedureId: 'kokuho-kanyu-dattai', label: L('国民健康保険の脱退', 'leaving the national health insurance'), preset: { kind: 'leave' } },
      // No water form: the 転出届 itself opens the water department's closing task (tell us once), so a form would do it twice.
      { procedureId: 'kei-haisha', label: L('原付・小型特殊の廃車', 'scrapping a moped or small special vehicle'), preset: { reason: 'moveOut' } },
    ],
  },
  {
    id: 'bereavement',
    title: L('おくやみセット', 'After a death'),
    items: [
      { procedureId: 'koseki-certificate', label: L('戸籍謄本・抄本の請求', 'family register certificates') },
      { procedureId: 'juminhyo-copy', label: L('住民票の写しの請求', 'copies of the certificate of residence') },
      { procedureId: 'kokuho-kanyu-dattai', label: L('国民健康保険の脱退', 'leaving the national health insurance'), preset: { kind: 'leave', leaveReason: 'other' } },
      { procedureId: 'kei-haisha', label: L('原付・小型特殊の廃車', 'scrapping a moped or small special vehicle'), preset: { reason: 'other' } },
    ],
  },
];

export function bundleById(id: string): Bundle | null {
  return BUNDLES.find((b) => b.id === id) ?? null;
}

/** The bundles that can be offered with the procedures published now, each with only its published items. */
export function availableBundles(published: ReadonlySet<string>): Bundle[] {
  return BUNDLES.map((b) => ({ ...b, items: b.items.filter((i) => published.has(i.procedureId)) })).filter((b) => b.items.length >= 2);
}

/** Exactly what the bundle holds (its items as offered now), then its note: 「国民健康保険の加入・水道の使用開始（転入届は…）」. */
export function bundleDescription(bundle: Bundle): Localized {
  const join = (lang: 'ja' | 'en') => bundle.items.map((i) => i.label[lang]).join(lang === 'ja' ? '・' : ', ');
  const ja = join('ja') + (bundle.note ? `（${bundle.note.ja}）` : '');
  const en = join('en') + (bundle.note ? ` (${bundle.note.en})` : '');
  return { ja, en: en.charAt(0).toUpperCase() + en.slice(1) };
}

/** A bundle's preset answers that fit the definition: choices (select, radios) the field still offers. */
export function presetAnswers(def: ProcedureDefinition, preset: Record<string, string> | undefined): Answers {
  const out: Answers = {};
  if (!preset) return out;
  const fields = def.pages.flatMap((p) => p.fields);
  for (const [id, value] of Object.entries(preset)) {
    const field = fields.find((f) => f.id === id);
    if ((field?.type === 'select' || field?.type === 'radios') && field.options.some((o) => o.value === value)) out[id] = value;
  }
  return out;
}
