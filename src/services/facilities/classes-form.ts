/**
 * Reading the staff's class form, pure: dates in 和暦 or Western form, times as
 * 10:00 / 10時30分 / 1000, the level, seats and fee as numbers. Every refusal names
 * its field and says how to fix it; the typed values are kept for the form again.
 */
import type { FieldError } from '../../platform/http/errors.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { CLASS_LEVELS, type ClassLevel } from './classes-tables.ts';

/** What staff typed, as text (the form shows it again on a mistake). */
export interface ClassFormValues {
  title: string;
  description: string;
  level: string;
  instructor: string;
  roomId: string;
  date: string;
  startsAt: string;
  endsAt: string;
  seats: string;
  feeYen: string;
  applyUntil: string;
  waitingList: string;
}

/** The checked class, ready for the service. */
export interface ClassInput {
  title: string;
  description: string;
  level: ClassLevel;
  instructor: string;
  roomId: string;
  date: string;
  startsAt: number;
  endsAt: number;
  seats: number;
  feeYen: number;
  /** The last day to apply (until the end of that day, and never after the class starts). */
  applyUntilDate: string;
  waitingList: boolean;
}

export const MAX_SEATS = 500;
export const MAX_CLASS_FEE = 100_000;

/** "10:00", "10時", "10時30分", "1000", "9:5" → minutes after midnight; null when it is not a time of day. */
export function parseClockText(text: string): number | null {
  const t = text.normalize('NFKC').trim().replace(/\s+/g, '');
  let m = /^(\d{1,2})[:：時](\d{1,2})?分?$/.exec(t);
  if (!m) m = /^(\d{1,2})(\d{2})$/.exec(t);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? 0);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

const wholeNumber = (text: string): number | null => {
  const t = text.normalize('NFKC').trim().replace(/[,円人席]/g, '');
  return /^\d{1,7}$/.test(t) ? Number(t) : null;
};

function dateOf(text: string, field: string, errors: FieldError[]): string | null {
  const raw = text.normalize('NFKC').trim();
  if (!raw) {
    errors.push({ field, messageKey: `facilities.classes.error.${field}Required` });
    return null;
  }
  const parsed = parseJapaneseDate(raw);
  if (!parsed.ok) {
    errors.push({ field, messageKey: `facilities.classes.error.${field}Format` });
    return null;
  }
  return parsed.iso;
}

/** Checks the form on its own (the room's hours and capacity are checked by the service). */
export function readClassForm(v: ClassFormValues): { input: ClassInput | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const title = v.title.normalize('NFKC').trim();
  const description = v.description.normalize('NFKC').trim();
  const instructor = v.instructor.normalize('NFKC').trim();
  if (!title) errors.push({ field: 'title', messageKey: 'facilities.classes.error.titleRequired' });
  else if (title.length > 100) errors.push({ field: 'title', messageKey: 'facilities.classes.error.titleTooLong', params: { limit: 100 } });
  if (description.length > 2000) errors.push({ field: 'description', messageKey: 'facilities.classes.error.descriptionTooLong', params: { limit: 2000 } });
  if (!(CLASS_LEVELS as readonly string[]).includes(v.level)) errors.push({ field: 'level', messageKey: 'facilities.classes.error.level' });
  if (!instructor) errors.push({ field: 'instructor', messageKey: 'facilities.classes.error.instructorRequired' });
  else if (instructor.length > 100) errors.push({ field: 'instructor', messageKey: 'facilities.classes.error.instructorTooLong', params: { limit: 100 } });
  if (!v.roomId) errors.push({ field: 'roomId', messageKey: 'facilities.classes.error.roomRequired' });
  const date = dateOf(v.date, 'date', errors);
  const startsAt = parseClockText(v.startsAt);
  const endsAt = parseClockText(v.endsAt);
  if (startsAt === null) errors.push({ field: 'startsAt', messageKey: 'facilities.classes.error.startsAtFormat' });
  if (endsAt === null) errors.push({ field: 'endsAt', messageKey: 'facilities.classes.error.endsAtFormat' });
  else if (startsAt !== null && endsAt <= startsAt) errors.push({ field: 'endsAt', messageKey: 'facilities.classes.error.endBeforeStart' });
  const seats = wholeNumber(v.seats);
  if (seats === null || seats < 1 || seats > MAX_SEATS) errors.push({ field: 'seats', messageKey: 'facilities.classes.error.seats', params: { max: MAX_SEATS } });
  const feeYen = v.feeYen.trim() === '' ? 0 : wholeNumber(v.feeYen);
  if (feeYen === null || feeYen > MAX_CLASS_FEE) errors.push({ field: 'feeYen', messageKey: 'facilities.classes.error.fee', params: { max: MAX_CLASS_FEE.toLocaleString('ja-JP') } });
  const applyUntilDate = dateOf(v.applyUntil, 'applyUntil', errors);
  if (date && applyUntilDate && applyUntilDate > date) errors.push({ field: 'applyUntil', messageKey: 'facilities.classes.error.deadlineAfterClass' });
  if (errors.length) return { input: null, errors };
  return {
    input: { title, description, level: v.level as ClassLevel, instructor, roomId: v.roomId, date: date!, startsAt: startsAt!, endsAt: endsAt!, seats: seats!, feeYen: feeYen!, applyUntilDate: applyUntilDate!, waitingList: v.waitingList === 'yes' },
    errors,
  };
}
