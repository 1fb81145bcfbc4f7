/**
 * Japan's routine childhood immunisations (定期接種, A類疾病) as data, and the dates
 * they fall on for a child born on a given day.
 *
 * Source: 厚生労働省「定期接種実施要領」(令和6年4月1日改正: 五種混合の導入、接種開始を
 * 生後2か月に) and 予防接種法施行令・予防接種実施規則, as drawn in 国立感染症研究所（現
 * 国立健康危機管理研究機構）「日本の定期/任意予防接種スケジュール」(2024年4月以降).
 * Each dose's `from`..`until` is the standard period (標準的な接種期間) of the national
 * timetable, not the wider legal period; doses after the first are placed at the
 * standard interval from the previous dose's start, assuming it was given on time.
 * The dates are a guide for parents: the schedule a paediatrician sets is what counts.
 *
 * Dates are ISO 'YYYY-MM-DD' calendar dates (no time zone). `until` is the last day of
 * the period: a period that ends "when the child reaches N months" (N か月に至るまで)
 * ends the day before the N-month date.
 */
import { daysInMonth } from '../../platform/text/wareki.ts';
import { addDays } from '../../platform/time/today.ts';

/** Where a date comes from: an age, a span after another dose, or a school year (年長, 中学1年). */
export type Anchor =
  | { age: { months?: number; days?: number } }
  | { after: string; months?: number; days?: number }
  | { schoolYear: number; edge: 'start' | 'end' };

export interface DoseRule {
  key: string;
  vaccine: VaccineCode;
  doseJa: string;
  doseEn: string;
  from: Anchor;
  /** The first day outside the standard period (its last day is the day before). */
  until: Anchor;
  noteJa?: string;
  noteEn?: string;
}

export type VaccineCode = 'hepb' | 'rota' | 'pcv' | 'dtp-ipv-hib' | 'bcg' | 'mr' | 'varicella' | 'je' | 'dt' | 'hpv';

export const VACCINES: Record<VaccineCode, { ja: string; en: string }> = {
  hepb: { ja: 'B型肝炎', en: 'Hepatitis B' },
  rota: { ja: 'ロタウイルス', en: 'Rotavirus' },
  pcv: { ja: '小児用肺炎球菌', en: 'Pneumococcal (PCV)' },
  'dtp-ipv-hib': { ja: '五種混合（ジフテリア・百日せき・破傷風・ポリオ・ヒブ）', en: 'Five-in-one (DTaP-IPV-Hib)' },
  bcg: { ja: 'BCG（結核）', en: 'BCG (tuberculosis)' },
  mr: { ja: 'MR（麻しん風しん混合）', en: 'MR (measles-rubella)' },
  varicella: { ja: '水痘（水ぼうそう）', en: 'Varicella (chickenpox)' },
  je: { ja: '日本脳炎', en: 'Japanese encephalitis' },
  dt: { ja: '二種混合（DT）', en: 'DT (diphtheria-tetanus)' },
  hpv: { ja: 'HPV（子宮頸がん予防）', en: 'HPV' },
};

const age = (months: number, days = 0): Anchor => ({ age: { months, days } });
const after = (key: string, months: number, days = 0): Anchor => ({ after: key, months, days });

/** The national standard timetable, in the order a child receives the doses. */
export const SCHEDULE: readonly DoseRule[] = [
  // B型肝炎: 27日以上の間隔で2回、1回目から139日以上で3回目。標準: 生後2か月〜9か月に至るまで。
  { key: 'hepb-1', vaccine: 'hepb', doseJa: '1回目', doseEn: '1st dose', from: age(2), until: age(9) },
  { key: 'hepb-2', vaccine: 'hepb', doseJa: '2回目', doseEn: '2nd dose', from: after('hepb-1', 1), until: age(9) },
  { key: 'hepb-3', vaccine: 'hepb', doseJa: '3回目', doseEn: '3rd dose', from: after('hepb-1', 5), until: age(9) },
  // ロタ: 1回目は生後2か月から出生14週6日後まで。1価は2回（出生24週0日後まで）、5価は3回（32週0日後まで）、27日以上の間隔。
  { key: 'rota-1', vaccine: 'rota', doseJa: '1回目', doseEn: '1st dose', from: age(2), until: age(0, 15 * 7), noteJa: '出生14週6日後までに1回目を', noteEn: 'First dose by 14 weeks 6 days of age' },
  { key: 'rota-2', vaccine: 'rota', doseJa: '2回目', doseEn: '2nd dose', from: after('rota-1', 1), until: age(0, 24 * 7 + 1), noteJa: '5価ワクチンは出生32週0日後まで', noteEn: 'Pentavalent vaccine: by 32 weeks of age' },
  { key: 'rota-3', vaccine: 'rota', doseJa: '3回目（5価のみ）', doseEn: '3rd dose (pentavalent only)', from: after('rota-2', 1), until: age(0, 32 * 7 + 1) },
  // 小児用肺炎球菌: 初回3回（27日以上の間隔、標準は生後2か月〜7か月に至るまでに開始、12か月までに完了）、追加1回（1歳〜1歳3か月、初回から60日以上）。
  { key: 'pcv-1', vaccine: 'pcv', doseJa: '初回1回目', doseEn: 'Primary 1', from: age(2), until: age(7) },
  { key: 'pcv-2', vaccine: 'pcv', doseJa: '初回2回目', doseEn: 'Primary 2', from: after('pcv-1', 1), until: age(12) },
  { key: 'pcv-3', vaccine: 'pcv', doseJa: '初回3回目', doseEn: 'Primary 3', from: after('pcv-2', 1), until: age(12) },
  { key: 'pcv-4', vaccine: 'pcv', doseJa: '追加', doseEn: 'Booster', from: age(12), until: age(15) },
  // 五種混合: 1期初回3回（20〜56日の間隔、標準は生後2か月〜7か月に至るまでに開始）、1期追加（初回終了後6か月以上、標準は1年〜1年6か月後）。
  {
    key: 'dtp-ipv-hib-1', vaccine: 'dtp-ipv-hib', doseJa: '1期初回1回目', doseEn: 'Primary 1', from: age(2), until: age(7),
    noteJa: '四種混合とヒブを別々に受ける場合も同じ時期', noteEn: 'Same timing when DTaP-IPV and Hib are given separately',
  },
  { key: 'dtp-ipv-hib-2', vaccine: 'dtp-ipv-hib', doseJa: '1期初回2回目', doseEn: 'Primary 2', from: after('dtp-ipv-hib-1', 1), until: after('dtp-ipv-hib-1', 0, 57) },
  { key: 'dtp-ipv-hib-3', vaccine: 'dtp-ipv-hib', doseJa: '1期初回3回目', doseEn: 'Primary 3', from: after('dtp-ipv-hib-2', 1), until: after('dtp-ipv-hib-2', 0, 57) },
  { key: 'dtp-ipv-hib-4', vaccine: 'dtp-ipv-hib', doseJa: '1期追加', doseEn: 'Booster', from: after('dtp-ipv-hib-3', 12), until: after('dtp-ipv-hib-3', 18) },
  // BCG: 1歳に至るまでに1回。標準: 生後5か月〜8か月に至るまで。
  { key: 'bcg', vaccine: 'bcg', doseJa: '1回', doseEn: 'Single dose', from: age(5), until: age(8) },
  // MR: 1期は1歳〜2歳に至るまで、2期は小学校就学前の1年間（年長の4月1日〜3月31日）。
  { key: 'mr-1', vaccine: 'mr', doseJa: '1期', doseEn: 'Stage 1', from: age(12), until: age(24), noteJa: '1歳の誕生日が来たら早めに', noteEn: 'Soon after the first birthday' },
  { key: 'mr-2', vaccine: 'mr', doseJa: '2期', doseEn: 'Stage 2', from: { schoolYear: -1, edge: 'start' }, until: { schoolYear: -1, edge: 'end' }, noteJa: '小学校入学前の1年間（年長）', noteEn: 'The year before starting primary school' },
  // 水痘: 1回目は生後12か月〜15か月に至るまで、2回目は1回目から6か月〜12か月の間隔。
  { key: 'varicella-1', vaccine: 'varicella', doseJa: '1回目', doseEn: '1st dose', from: age(12), until: age(15) },
  { key: 'varicella-2', vaccine: 'varicella', doseJa: '2回目', doseEn: '2nd dose', from: after('varicella-1', 6), until: after('varicella-1', 12) },
  // 日本脳炎: 1期初回2回（標準は3歳、6〜28日の間隔）、1期追加（初回終了後おおむね1年、標準は4歳）、2期（標準は9歳）。
  { key: 'je-1', vaccine: 'je', doseJa: '1期初回1回目', doseEn: 'Primary 1', from: age(36), until: age(48) },
  { key: 'je-2', vaccine: 'je', doseJa: '1期初回2回目', doseEn: 'Primary 2', from: after('je-1', 0, 7), until: after('je-1', 0, 29) },
  { key: 'je-3', vaccine: 'je', doseJa: '1期追加', doseEn: 'Booster', from: after('je-2', 12), until: age(60) },
  { key: 'je-4', vaccine: 'je', doseJa: '2期', doseEn: 'Stage 2', from: age(108), until: age(120) },
  // 二種混合 2期: 標準は11歳〜12歳に至るまで。
  { key: 'dt', vaccine: 'dt', doseJa: '2期', doseEn: 'Stage 2', from: age(132), until: age(144) },
  // HPV: 小学6年〜高校1年相当の女子。標準は中学1年の間に、1回目・2か月後・6か月後の3回（9価を15歳未満で始めると6か月以上空けた2回で完了）。
  {
    key: 'hpv-1', vaccine: 'hpv', doseJa: '1回目', doseEn: '1st dose', from: { schoolYear: 6, edge: 'start' }, until: { schoolYear: 6, edge: 'end' },
    noteJa: '女子が定期接種の対象（小学6年〜高校1年相当）', noteEn: 'Routine for girls (school years 6 to 10)',
  },
  { key: 'hpv-2', vaccine: 'hpv', doseJa: '2回目', doseEn: '2nd dose', from: after('hpv-1', 2), until: { schoolYear: 6, edge: 'end' }, noteJa: '9価を15歳未満で始めた場合は不要（2回で完了）', noteEn: 'Not needed when 9-valent vaccine was started before 15' },
  { key: 'hpv-3', vaccine: 'hpv', doseJa: '3回目', doseEn: '3rd dose', from: after('hpv-1', 6), until: { schoolYear: 6, edge: 'end' } },
];

/** ISO date plus whole months, the day clamped to the month's length (1-31 + 1 month = 2-28/29). */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

/**
 * The April a child starts primary school: those born 4月2日 to the next 4月1日 start
 * together (the legal age counts from the day before the birthday), the April after
 * they turn six.
 */
export function schoolEntryYear(birthIso: string): number {
  const y = Number(birthIso.slice(0, 4));
  return birthIso.slice(5) >= '04-02' ? y + 7 : y + 6;
}

export type DoseStatus = 'upcoming' | 'due' | 'past';

export interface ScheduledDose {
  key: string;
  vaccine: VaccineCode;
  vaccineJa: string;
  vaccineEn: string;
  doseJa: string;
  doseEn: string;
  /** First day of the standard period: the due date. */
  from: string;
  /** Last day of the standard period. */
  until: string;
  status: DoseStatus;
  noteJa: string | null;
  noteEn: string | null;
}

/** How many days before the due date the reminder goes out. */
export const REMINDER_DAYS_BEFORE = 7;

/** Every dose's period for a child born on `birthIso`, and where `todayIso` stands in it. */
export function computeSchedule(birthIso: string, todayIso: string): ScheduledDose[] {
  const starts = new Map<string, string>();
  const entry = schoolEntryYear(birthIso);
  const resolve = (anchor: Anchor): string => {
    if ('age' in anchor) return addDays(addMonths(birthIso, anchor.age.months ?? 0), anchor.age.days ?? 0);
    if ('after' in anchor) {
      const base = starts.get(anchor.after);
      if (!base) throw new Error(`schedule: ${anchor.after} must come before the doses that refer to it`);
      return addDays(addMonths(base, anchor.months ?? 0), anchor.days ?? 0);
    }
    const year = entry + anchor.schoolYear;
    // The school year runs from 4月1日 to the next 3月31日; 'end' is the first day after it.
    return anchor.edge === 'start' ? `${year}-04-01` : `${year + 1}-04-01`;
  };
  return SCHEDULE.map((rule) => {
    const from = resolve(rule.from);
    starts.set(rule.key, from);
    const until = addDays(resolve(rule.until), -1);
    const status: DoseStatus = todayIso < from ? 'upcoming' : todayIso <= until ? 'due' : 'past';
    return {
      key: rule.key,
      vaccine: rule.vaccine,
      vaccineJa: VACCINES[rule.vaccine].ja,
      vaccineEn: VACCINES[rule.vaccine].en,
      doseJa: rule.doseJa,
      doseEn: rule.doseEn,
      from,
      until: until < from ? from : until,
      status,
      noteJa: rule.noteJa ?? null,
      noteEn: rule.noteEn ?? null,
    };
  });
}

/** Doses whose reminder day has come by `todayIso` and whose due date is still ahead (catches up missed days). */
export function remindersDue(birthIso: string, todayIso: string): ScheduledDose[] {
  return computeSchedule(birthIso, todayIso).filter((d) => d.from > todayIso && addDays(d.from, -REMINDER_DAYS_BEFORE) <= todayIso);
}
