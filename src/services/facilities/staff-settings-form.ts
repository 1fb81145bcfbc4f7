/**
 * Reading the settings forms, pure: whole numbers in ranges, yen amounts, times of
 * day (9:00 / 9時), month-days (12/29, 12-29, 12月29日), 和暦 dates. Each refusal names
 * its field; the typed text goes back into the form.
 */
import type { FieldError } from '../../platform/http/errors.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { HOURLY_FEE_KEY, type ClosureRule } from './tables.ts';
import { parseClockText } from './classes-form.ts';
import { ACCESSIBILITY, EQUIPMENT, type BlockRowInput, type ClosureInput, type FacilityDetails, type FeeInput, type ReductionInput, type RoomInput } from './staff-settings-service.ts';
import type { WeekHours } from './staff-settings-rules.ts';

/** A whole number from min to max (full-width digits and commas accepted), or null. */
export function wholeIn(text: string, min: number, max: number): number | null {
  const t = text.normalize('NFKC').trim().replace(/[,，円人%％㎡]/g, '');
  if (!/^\d{1,7}$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

function need(errors: FieldError[], field: string, value: number | null, key: string, params: Record<string, string | number> = {}): number {
  if (value === null) errors.push({ field, messageKey: key, params });
  return value ?? 0;
}

export interface DetailsValues {
  name: string;
  nameKana: string;
  address: string;
  phone: string;
  description: string;
  accessibility: string[];
  bookingHorizonMonths: string;
  payDaysBeforeUse: string;
  payDaysAfterBooking: string;
  counterPayment: string[];
  cancelFreeDaysBefore: string;
  cancelFeePercent: string;
  heatingMonths: string[];
  active: string[];
}

export function readDetails(v: DetailsValues): { input: FacilityDetails | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = (field: keyof DetailsValues, max: number, required: boolean) => {
    const s = String(v[field]).normalize('NFKC').trim();
    if (required && !s) errors.push({ field, messageKey: `facilities.office.settings.error.${field}Required` });
    else if (s.length > max) errors.push({ field, messageKey: 'facilities.office.settings.error.tooLong', params: { limit: max } });
    return s;
  };
  const input: FacilityDetails = {
    name: text('name', 100, true),
    nameKana: text('nameKana', 100, true),
    address: text('address', 200, true),
    phone: text('phone', 30, false),
    description: text('description', 2000, false),
    accessibility: v.accessibility.filter((a) => (ACCESSIBILITY as readonly string[]).includes(a)),
    bookingHorizonMonths: need(errors, 'bookingHorizonMonths', wholeIn(v.bookingHorizonMonths, 1, 24), 'facilities.office.settings.error.range', { min: 1, max: 24 }),
    payDaysBeforeUse: need(errors, 'payDaysBeforeUse', wholeIn(v.payDaysBeforeUse, 0, 60), 'facilities.office.settings.error.range', { min: 0, max: 60 }),
    payDaysAfterBooking: need(errors, 'payDaysAfterBooking', wholeIn(v.payDaysAfterBooking, 0, 60), 'facilities.office.settings.error.range', { min: 0, max: 60 }),
    counterPayment: v.counterPayment.includes('yes'),
    cancelFreeDaysBefore: need(errors, 'cancelFreeDaysBefore', wholeIn(v.cancelFreeDaysBefore, 0, 180), 'facilities.office.settings.error.range', { min: 0, max: 180 }),
    cancelFeePercent: need(errors, 'cancelFeePercent', wholeIn(v.cancelFeePercent, 0, 100), 'facilities.office.settings.error.range', { min: 0, max: 100 }),
    heatingMonths: [...new Set(v.heatingMonths.map(Number).filter((m) => Number.isInteger(m) && m >= 1 && m <= 12))].sort((a, b) => a - b),
    active: v.active.includes('yes'),
  };
  return { input: errors.length ? null : input, errors };
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** opens_1 … closes_7: both empty = closed that weekday. */
export function readHours(v: Record<string, string>): { hours: WeekHours | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const hours: WeekHours = new Map();
  for (const d of WEEKDAYS) {
    const opens = (v[`opens_${d}`] ?? '').trim();
    const closes = (v[`closes_${d}`] ?? '').trim();
    if (!opens && !closes) continue;
    const o = parseClockText(opens);
    const c = parseClockText(closes);
    if (o === null) errors.push({ field: `opens_${d}`, messageKey: 'facilities.office.settings.error.time', params: { day: d } });
    if (c === null) errors.push({ field: `closes_${d}`, messageKey: 'facilities.office.settings.error.time', params: { day: d } });
    if (o !== null && c !== null) {
      if (o >= c) errors.push({ field: `closes_${d}`, messageKey: 'facilities.office.settings.error.hoursOrder', params: { day: d } });
      else hours.set(d, { opensAt: o, closesAt: c });
    }
  }
  return { hours: errors.length ? null : hours, errors };
}

/** 12/29, 12-29, 12月29日 → "12-29". */
export function parseMonthDay(text: string): string | null {
  const m = /^(\d{1,2})[-/月](\d{1,2})日?$/.exec(text.normalize('NFKC').trim());
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const max = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (!max || day < 1 || day > max) return null;
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface ClosureValues {
  closureRule: string;
  closureDate: string;
  closureFrom: string;
  closureTo: string;
  closureNth: string;
  closureWeekday: string;
  closureDay: string;
  closureReason: string;
}

export function readClosure(v: ClosureValues): { input: ClosureInput | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const rule = v.closureRule as ClosureRule;
  const reason = v.closureReason.normalize('NFKC').trim();
  if (!reason) errors.push({ field: 'closureReason', messageKey: 'facilities.office.settings.error.closureReason' });
  else if (reason.length > 100) errors.push({ field: 'closureReason', messageKey: 'facilities.office.settings.error.tooLong', params: { limit: 100 } });
  const input: ClosureInput = { rule, onDate: null, fromMd: null, toMd: null, nth: null, weekday: null, dayOfMonth: null, reason };
  if (rule === 'date') {
    const parsed = parseJapaneseDate(v.closureDate.normalize('NFKC').trim());
    if (parsed.ok) input.onDate = parsed.iso;
    else errors.push({ field: 'closureDate', messageKey: 'facilities.office.settings.error.closureDate' });
  } else if (rule === 'annual') {
    input.fromMd = parseMonthDay(v.closureFrom);
    input.toMd = parseMonthDay(v.closureTo);
    if (!input.fromMd) errors.push({ field: 'closureFrom', messageKey: 'facilities.office.settings.error.monthDay' });
    if (!input.toMd) errors.push({ field: 'closureTo', messageKey: 'facilities.office.settings.error.monthDay' });
  } else if (rule === 'monthly_nth_weekday') {
    input.nth = wholeIn(v.closureNth, 1, 5);
    input.weekday = wholeIn(v.closureWeekday, 1, 7);
    if (input.nth === null) errors.push({ field: 'closureNth', messageKey: 'facilities.office.settings.error.nth' });
    if (input.weekday === null) errors.push({ field: 'closureWeekday', messageKey: 'facilities.office.settings.error.weekday' });
  } else if (rule === 'monthly_day') {
    input.dayOfMonth = wholeIn(v.closureDay, 1, 31);
    if (input.dayOfMonth === null) errors.push({ field: 'closureDay', messageKey: 'facilities.office.settings.error.dayOfMonth' });
  } else errors.push({ field: 'closureRule', messageKey: 'facilities.office.settings.error.closureRule' });
  return { input: errors.length ? null : input, errors };
}

export interface RoomValues {
  name: string;
  nameKana: string;
  capacity: string;
  floorArea: string;
  equipment: string[];
  purposes: string[];
  needsApproval: string[];
  lotteryEnabled: string[];
  description: string;
  active: string[];
}

export function readRoom(v: RoomValues, purposeCodes: string[]): { input: RoomInput | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = v.name.normalize('NFKC').trim();
  const nameKana = v.nameKana.normalize('NFKC').trim();
  if (!name) errors.push({ field: 'name', messageKey: 'facilities.office.settings.error.nameRequired' });
  else if (name.length > 100) errors.push({ field: 'name', messageKey: 'facilities.office.settings.error.tooLong', params: { limit: 100 } });
  if (!nameKana) errors.push({ field: 'nameKana', messageKey: 'facilities.office.settings.error.nameKanaRequired' });
  const capacity = need(errors, 'capacity', wholeIn(v.capacity, 1, 5000), 'facilities.office.settings.error.range', { min: 1, max: 5000 });
  const floorAreaM2 = v.floorArea.trim() === '' ? null : wholeIn(v.floorArea, 1, 100000);
  if (v.floorArea.trim() !== '' && floorAreaM2 === null) errors.push({ field: 'floorArea', messageKey: 'facilities.office.settings.error.range', params: { min: 1, max: 100000 } });
  const purposes = v.purposes.filter((p) => purposeCodes.includes(p));
  if (purposes.length === 0) errors.push({ field: 'purposes', messageKey: 'facilities.office.settings.error.purposes' });
  const description = v.description.normalize('NFKC').trim();
  if (description.length > 2000) errors.push({ field: 'description', messageKey: 'facilities.office.settings.error.tooLong', params: { limit: 2000 } });
  const input: RoomInput = { name, nameKana, capacity, floorAreaM2, equipment: v.equipment.filter((e) => (EQUIPMENT as readonly string[]).includes(e)), purposes, needsApproval: v.needsApproval.includes('yes'), lotteryEnabled: v.lotteryEnabled.includes('yes'), description, active: v.active.includes('yes') };
  return { input: errors.length ? null : input, errors };
}

/** The blocks form: block_<code>_name / _nameEn / _starts / _ends / _remove for each block, and new* for one more. */
export function readBlocks(v: Record<string, string | string[]>, codes: string[]): { blocks: BlockRowInput[] | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const blocks: BlockRowInput[] = [];
  const str = (k: string) => String((Array.isArray(v[k]) ? v[k][0] : v[k]) ?? '').normalize('NFKC').trim();
  const read = (prefix: string, code: string, label: string) => {
    const nameJa = str(`${prefix}_name`);
    const nameEn = str(`${prefix}_nameEn`) || nameJa;
    const startsAt = parseClockText(str(`${prefix}_starts`));
    const endsAt = parseClockText(str(`${prefix}_ends`));
    if (!nameJa || nameJa.length > 20) errors.push({ field: `${prefix}_name`, messageKey: 'facilities.office.settings.error.blockName', params: { name: label } });
    if (startsAt === null) errors.push({ field: `${prefix}_starts`, messageKey: 'facilities.office.settings.error.blockTime', params: { name: label } });
    if (endsAt === null) errors.push({ field: `${prefix}_ends`, messageKey: 'facilities.office.settings.error.blockTime', params: { name: label } });
    if (startsAt !== null && endsAt !== null) blocks.push({ code, nameJa, nameEn, startsAt, endsAt });
  };
  for (const code of codes) {
    if (str(`block_${code}_remove`) === 'yes') continue;
    read(`block_${code}`, code, str(`block_${code}_name`) || code);
  }
  if (str('new_name') || str('new_starts') || str('new_ends')) {
    const code = str('new_code');
    if (!/^[a-z0-9_]{1,20}$/.test(code) || code === HOURLY_FEE_KEY || codes.includes(code)) errors.push({ field: 'new_code', messageKey: 'facilities.office.settings.error.blockCode' });
    else read('new', code, str('new_name') || code);
  }
  return { blocks: errors.length ? null : blocks, errors };
}

/** The fee form: fee_<code>_resident / _nonResident / _commercial / _heating, whole yen. */
export function readFees(v: Record<string, string | string[]>, codes: string[]): { fees: FeeInput[] | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const str = (k: string) => String((Array.isArray(v[k]) ? v[k][0] : v[k]) ?? '');
  const fees = codes.map((code) => {
    const field = (part: string) => {
      const key = `fee_${code}_${part}`;
      return need(errors, key, wholeIn(str(key), 0, 1_000_000), 'facilities.office.settings.error.yen', { max: '1,000,000' });
    };
    return { blockCode: code, residentYen: field('resident'), nonResidentYen: field('nonResident'), commercialYen: field('commercial'), heatingYen: field('heating') };
  });
  return { fees: errors.length ? null : fees, errors };
}

export interface ReductionValues {
  code: string;
  nameJa: string;
  nameEn: string;
  percent: string;
  active: string[];
}

export function readReduction(v: ReductionValues): { input: ReductionInput | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const code = v.code.normalize('NFKC').trim();
  const nameJa = v.nameJa.normalize('NFKC').trim();
  const nameEn = v.nameEn.normalize('NFKC').trim() || nameJa;
  if (!/^[a-z0-9_]{1,40}$/.test(code)) errors.push({ field: 'code', messageKey: 'facilities.office.settings.error.reductionCode' });
  if (!nameJa || nameJa.length > 100) errors.push({ field: 'nameJa', messageKey: 'facilities.office.settings.error.reductionName' });
  const percent = need(errors, 'percent', wholeIn(v.percent, 1, 100), 'facilities.office.settings.error.range', { min: 1, max: 100 });
  return { input: errors.length ? null : { code, nameJa, nameEn, percent, active: v.active.includes('yes') }, errors };
}
