/**
 * Addresses. A place name alone (奥州市, 水沢, 岩手県奥州市水沢) is not
 * personal data and residents ask about places all the time (「水沢のごみの
 * 日」), so an address counts only when it goes down to a lot: a block or lot
 * number (1丁目, 100番地, 1番8号, 2-1-2) or a 字 (aza), the small rural
 * districts Oshu's addresses use ('水沢区佐倉河字東広町'). Runs on NFKC text.
 */
import { matchesOf, type PiiMatch } from './pii-match.ts';

const PREFECTURES = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県', '埼玉県', '千葉県',
  '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県', '愛知県', '三重県',
  '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県', '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県',
  '香川県', '愛媛県', '高知県', '福岡県', '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
];
const PREF = `(?:${PREFECTURES.join('|')})`;

/** A character of a place name: kanji and katakana (一ノ関, 桜ヶ丘), 'が' inside one (霞が関), 'り' of 通り; never 県, which ends a prefecture. */
const PLACE = '(?:(?!県)[\\p{sc=Han}々〆\\p{sc=Katakana}ー]|が(?=\\p{sc=Han})|(?<=通)り)';
const NUM = '[0-9〇一二三四五六七八九十百千]+';
const DASH = '[-‐‑‒–—―−ー]';

/**
 * 市/区/郡/町/村 ending a municipality, but not starting a word about the
 * municipality (市役所, 市民, 村長 …), so '奥州市役所1番窓口' stays.
 */
const MUNI = `(?:${PLACE}{1,6}?[市区郡町村](?!役所|役場|議会|民|長|営|立|税|政|章|制|街地|道))`;
const LOCALITY = `(?:${PREF}${MUNI}{0,3}|${MUNI}{1,3})`;

/** 字 as in an aza, not as in 数字, 名字, 赤字, 字幕 …; '大字' is the formal form. */
const AZA = `(?:大字|(?<![文数赤黒漢名十活習題誤脱太細英印苗])字(?![幕体句数義面典]))${PLACE}{1,10}`;

/** 1丁目, 1丁目1番地, 1丁目1番1号, 1丁目1-1, 二丁目. */
const BLOCK = `${NUM}丁目(?:${DASH}?${NUM}(?:番地?|${DASH})?(?:${NUM}号)?)?`;
/** 100番地, 100番地1, 71番地-2. */
const LOT_STRONG = `${NUM}番地(?:${DASH}?${NUM}号?)?`;
/** 1番8号, 8号, 2-1-2: only after a place, and not 1番目, 2番線, 3番窓口, 4-5月. */
const LOT_WEAK = `(?:${NUM}番(?![目台線手組窓地])(?:${DASH}?${NUM}号?)?|${NUM}号(?![機車線])|\\d+(?:${DASH}\\d+){1,3}(?![\\d年月日時分秒円%]))`;
/** An optional building and room: 'コーポ水沢101号室', ' 203号室'. */
const ROOM = `(?:[ ]?${PLACE}{0,15}?\\d+号室)?`;

const ADDRESS = new RegExp(
  [
    // Municipality or prefecture, then anything down to a lot (or an aza).
    `${LOCALITY}${PLACE}{0,12}?(?:${AZA})?(?:${BLOCK}|${LOT_STRONG}|${LOT_WEAK})${ROOM}`,
    `${LOCALITY}?${PLACE}{1,10}?${AZA}(?:${BLOCK}|${LOT_STRONG}|${LOT_WEAK})?${ROOM}`,
    // No municipality: 丁目 and 番地 say 'address' on their own; weaker lots need a 町/村 before them.
    `${PLACE}{1,10}?(?:${BLOCK}|${LOT_STRONG})${ROOM}`,
    `${PLACE}{0,10}?[町村](?:${BLOCK}|${LOT_STRONG}|${LOT_WEAK})${ROOM}`,
  ].join('|'),
  'gu',
);

/** Words that may follow an aza without being part of it (「字東広町在住」). */
const TRAILING_NON_PLACE = /(?:在住|地内|付近|周辺|方面|地区|辺り|近く)$/u;

export function findAddresses(text: string): PiiMatch[] {
  return matchesOf(ADDRESS, text).map((m) => {
    const tail = TRAILING_NON_PLACE.exec(text.slice(m.start, m.end));
    const end = tail ? m.end - tail[0].length : m.end;
    return { start: m.start, end, key: addressKey(text.slice(m.start, end)) };
  });
}

/** Same address written with or without spaces and 岩手県 is the same address. */
export function addressKey(s: string): string {
  return s.normalize('NFKC').replace(/\s/gu, '').replace(/^岩手県/u, '');
}

const OSHU_AREAS = ['水沢', '江刺', '前沢', '胆沢', '衣川'];

/**
 * A known address (from the case file) as a pattern: whitespace anywhere,
 * '岩手県' optional, and the old '水沢区' and the current '水沢' both
 * accepted, since residents write both.
 */
export function knownAddressPattern(address: string): RegExp | null {
  const canonical = addressKey(address).replace(new RegExp(`(${OSHU_AREAS.join('|')})区`, 'gu'), '$1');
  if (!canonical) return null;
  const parts: string[] = [];
  for (let i = 0; i < canonical.length; ) {
    const area = OSHU_AREAS.find((a) => canonical.startsWith(a, i));
    if (area) {
      parts.push(`${[...area].join('\\s*')}\\s*区?`);
      i += area.length;
    } else {
      const ch = String.fromCodePoint(canonical.codePointAt(i) ?? 0);
      parts.push(escapeRegExp(ch));
      i += ch.length;
    }
  }
  return new RegExp(`(?:岩手県\\s*)?${parts.join('\\s*')}`, 'gu');
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}
