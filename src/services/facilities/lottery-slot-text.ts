/**
 * A lottery slot in the words residents read — the date with its 和暦 year and
 * weekday, the time block's name (夜間) and hours, the room — never the internal
 * slot key (`2026-12-05:z-hall-large:evening`), which only the published,
 * verifiable result needs.
 */
import { sql } from 'kysely';
import type { LotteryDb } from './lottery-tables.ts';
import { formatDateEn, formatDateJa } from '../../platform/text/wareki.ts';
import { isoWeekday } from '../../platform/time/today.ts';
import { clockText } from './booking-time.ts';

export interface SlotFacts {
  use_date: string;
  starts_at: number;
  ends_at: number;
  room_name: string;
  /** The blocks' names joined (午前・午後), null for an hourly room. */
  block_ja: string | null;
  block_en: string | null;
}

/**
 * The names of the slot's blocks, for a query over `facility_lottery_slots as s`
 * (one small subquery, so a page of thousands of notices needs no extra round trip).
 */
export const blockNamesJa = () => sql<string | null>`(select string_agg(b.name_ja, '・' order by b.starts_at) from facility_room_blocks b where b.room_id = s.room_id and b.code = any(s.block_codes))`;
export const blockNamesEn = () => sql<string | null>`(select string_agg(b.name_en, ', ' order by b.starts_at) from facility_room_blocks b where b.room_id = s.room_id and b.code = any(s.block_codes))`;

const WEEKDAYS_JA = ['', '月', '火', '水', '木', '金', '土', '日'];
const WEEKDAYS_EN = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** 2026年12月5日（令和8年）（土） 夜間 18:00〜21:00 大ホール */
export function slotWordsJa(s: SlotFacts): string {
  const time = `${clockText(s.starts_at)}〜${clockText(s.ends_at)}`;
  return `${formatDateJa(s.use_date)}（${WEEKDAYS_JA[isoWeekday(s.use_date)]}） ${s.block_ja ? `${s.block_ja} ` : ''}${time} ${s.room_name}`;
}

/** Sat 5 December 2026, Evening 18:00–21:00, 大ホール */
export function slotWordsEn(s: SlotFacts): string {
  const time = `${clockText(s.starts_at)}–${clockText(s.ends_at)}`;
  return `${WEEKDAYS_EN[isoWeekday(s.use_date)]} ${formatDateEn(s.use_date)}, ${s.block_en ? `${s.block_en} ` : ''}${time}, ${s.room_name}`;
}

export const slotWords = (locale: string, s: SlotFacts) => (locale === 'ja' ? slotWordsJa(s) : slotWordsEn(s));

/** Every slot of a round in the reader's words, by its published key (the results page shows both). */
export async function slotWordsByCode(db: LotteryDb, roundId: string, locale: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('facility_lottery_slots as s')
    .innerJoin('facility_rooms as r', 'r.id', 's.room_id')
    .select(['s.code', 's.use_date', 's.starts_at', 's.ends_at', 'r.name as room_name'])
    .select([blockNamesJa().as('block_ja'), blockNamesEn().as('block_en')])
    .where('s.round_id', '=', roundId)
    .execute();
  return new Map(rows.map((r) => [r.code, slotWords(locale, r)]));
}
