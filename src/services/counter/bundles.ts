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
  preset?: Record<string, string>;
}

export interface Bundle {
  id: string;
  title: Localized;
  description: Localized;
  items: BundleItem[];
}

const L = (ja: string, en: string): Localized => ({ ja, en });

export const BUNDLES: readonly Bundle[] = [
  {
    id: 'move-in',
    title: L('転入セット', 'Moving in'),
    description: L('転入の届出と、あわせて必要な国民健康保険・児童手当・子ども医療費・水道の手続き', 'The move-in notification with health insurance, child allowance, child medical care and water'),
    items: [
      // 転入届 itself is kept in the residents' register system; offered here when the catalogue carries it.
      { procedureId: 'tennyu' },
      { procedureId: 'kokuho-kanyu-dattai', preset: { kind: 'join' } },
      { procedureId: 'jido-teate', preset: { reason: 'movedIn' } },
      { procedureId: 'kodomo-iryohi', preset: { reason: 'movedIn' } },
      { procedureId: 'suido-kaiheisen', preset: { kind: 'start' } },
    ],
  },
  {
    id: 'move-out',
    title: L('転出セット', 'Moving out'),
    description: L('転出届と、国民健康保険の脱退・原付の廃車（水道の閉栓は転出届から上下水道部へ連絡されます）', 'Moving-out notification with leaving health insurance and scrapping a moped plate (the water department hears of the move from the notification)'),
    items: [
      { procedureId: 'tenshutsu' },
      { procedureId: 'kokuho-kanyu-dattai', preset: { kind: 'leave' } },
      // No water form: the 転出届 itself opens the water department's closing task (tell us once), so a form would do it twice.
      { procedureId: 'kei-haisha', preset: { reason: 'moveOut' } },
    ],
  },
  {
    id: 'bereavement',
    title: L('おくやみセット', 'After a death'),
    description: L('ご家族が亡くなられたときの証明書の請求と、国民健康保険・原付などの手続き', 'Certificates and the insurance and vehicle procedures after a death in the family'),
    items: [
      { procedureId: 'koseki-certificate' },
      { procedureId: 'juminhyo-copy' },
      { procedureId: 'kokuho-kanyu-dattai', preset: { kind: 'leave', leaveReason: 'other' } },
      { procedureId: 'kei-haisha', preset: { reason: 'other' } },
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
