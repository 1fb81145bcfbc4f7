/**
 * People's names. Names the caller knows (from the case: the applicant, the
 * family) are masked wherever they appear; beyond those, a few heuristics
 * catch names the way Japanese text marks them: an honorific after the name
 * (佐藤様, 花子さん, スミス氏), a form label before it (氏名: …), or
 * 「…と申します」. Role words that take honorifics too (担当者様, 市長殿,
 * お客様, ご家族様, 職員さん) and words like 様式/氏名 are left alone.
 * Runs on NFKC text.
 */
import { escapeRegExp } from './pii-address-patterns.ts';
import { matchesOf, type PiiMatch } from './pii-match.ts';

const HAN = '[\\p{sc=Han}々〆ヶ]';
const KATAKANA = '[\\p{sc=Katakana}ー]';
/** 様 but not 様式/様子/様々…, 氏 but not 氏名/氏族, 殿 but not 殿堂/殿下, ちゃん but not ちゃんと. */
const HONORIFIC = '(?:様(?![式子々相態性化])|さん|殿(?![堂下])|氏(?![名族物神])|くん|ちゃん(?!と))';

/** A captured name ending in one of these is a role or a set phrase, not a name. */
const NOT_NAME_ENDINGS = [
  // roles and relations
  '者', '員', '長', '主', '民', '師', '官', '課', '係', '局', '校', '園', '院', '族', '位', '殿', '様', '各', '皆', '貴',
  '先生', '学生', '生徒', '家族', '担当', '職員', '両親', '子供', '子ども', '祖父', '祖母', '父親', '母親', '息子', '旦那',
  '奥', '若', '客', '大家', '近所', '隣', '弁護士', '税理士', '書士', '福祉士', '保育士', '介護士', '医', '病院', '会社',
  '業者', '店', '屋', '役所', '役場', '窓口', '一同', '御中', '関係', '神', '仏', '王', '姫', '坊',
  // set phrases: ご苦労様, お世話様, ご馳走様, 同様, 模様, 仕様, 異様, 一様
  '苦労', '世話', '馳走', '同', '模', '仕', '異', '一', '今',
];
const NOT_NAMES = new Set(['ヘルパー', 'ケアマネ', 'ケアマネージャー', 'ボランティア', 'スタッフ', 'ドライバー', 'オーナー', 'ママ', 'パパ', 'メンバー', 'ゲスト', 'ユーザー', 'パート', 'バイト', 'ベビー', 'サンタ', 'お客', 'おばあ', 'おじい', 'おかあ', 'おとう', 'おにい', 'おねえ', 'あか', 'みな', 'みんな', 'おじょう', 'ねこ', 'わん']);

function looksLikeName(s: string): boolean {
  const name = s.replace(/ /gu, '');
  if (NOT_NAMES.has(name)) return false;
  return !NOT_NAME_ENDINGS.some((w) => name.endsWith(w));
}

const NAME_BEFORE_HONORIFIC = new RegExp(
  [
    `(?<name>${HAN}{2,4})${HONORIFIC}`,
    `(?<![\\p{sc=Katakana}ー])(?<kana>${KATAKANA}{2,10})${HONORIFIC}`,
    // Hiragana given names only for children's honorifics (さくらちゃん, ゆうくん): hiragana
    // before さん/様 is mostly ordinary words (みなさん, お疲れ様).
    `(?<![\\p{sc=Hiragana}])(?<hira>\\p{sc=Hiragana}{2,4})(?:ちゃん(?!と)|くん)`,
  ].join('|'),
  'dgu',
);

const NAME_CHARS = '[\\p{sc=Han}々〆ヶ\\p{sc=Katakana}ー\\p{sc=Hiragana}]';
/** 'Label: name', the way forms and e-mails give a name; the name may hold one space (山田 太郎). */
const LABELLED_NAME = new RegExp(
  `(?:氏名|お名前|名前|申請者名?|届出人|世帯主名?|代表者名?|フリガナ|ふりがな|よみがな|カナ)[ ]*:[ ]*(?<name>${NAME_CHARS}{1,10}(?:[ ]${NAME_CHARS}{1,10})?)`,
  'dgu',
);
const SELF_INTRODUCTION = new RegExp(`(?<name>${HAN}{2,4}(?:[ ]${HAN}{1,4})?)(?:と申します|と申す|といいます|と言います)`, 'dgu');
/** Words a label's capture should not keep (「氏名: 山田太郎です」). */
const TRAILING_WORDS = /(?:です|でございます|と申します|といいます|と言います|様|さん|殿|氏)$/u;

export function findNamesByContext(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const group of ['name', 'kana', 'hira']) {
    found.push(...matchesOf(NAME_BEFORE_HONORIFIC, text, { group, accept: looksLikeName }));
  }
  for (const m of [...matchesOf(LABELLED_NAME, text, { group: 'name' }), ...matchesOf(SELF_INTRODUCTION, text, { group: 'name', accept: looksLikeName })]) {
    const value = text.slice(m.start, m.end).replace(TRAILING_WORDS, '');
    if (value) found.push({ start: m.start, end: m.start + value.length, key: nameKey(value) });
  }
  return found.map((m) => ({ ...m, key: nameKey(m.key) }));
}

export function nameKey(s: string): string {
  return s.normalize('NFKC').replace(/\s/gu, '');
}

const HONORIFIC_AHEAD = `(?=${HONORIFIC})`;

/**
 * Patterns for one known person: the full name with any spacing (佐藤 花子,
 * 佐藤花子, 佐藤　花子), then each part on its own. A one-character part
 * (李, 林) would blank out ordinary words, so it is masked only before an
 * honorific.
 */
export function knownNamePatterns(name: string): { full: RegExp; parts: RegExp[] } | null {
  const parts = name.normalize('NFKC').trim().split(/\s+/u).filter(Boolean);
  if (parts.length === 0) return null;
  const full = new RegExp(parts.map(escapeRegExp).join('\\s*'), 'gu');
  const partPatterns =
    parts.length < 2
      ? []
      : [...parts]
          .sort((a, b) => b.length - a.length)
          .map((part) => new RegExp(`${escapeRegExp(part)}${[...part].length < 2 ? HONORIFIC_AHEAD : ''}`, 'gu'));
  return { full, parts: partPatterns };
}
