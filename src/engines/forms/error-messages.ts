// Every error message the engine gives, in Japanese and English. Each names
// the field (its label, for a group item with the item's number) and says how
// to put it right; limits (dates, sizes, ranges) are stated, not hinted at.

import { ERAS } from '../../platform/text/wareki.ts';
import { formatBytes, formatDate, formatFileTypes, MONTHS_EN, withUnit } from './format.ts';
import { boundText, LOCATION_BOUNDS } from './location-bounds.ts';
import type { Localized } from './types.ts';

const q = (label: Localized) => ({ ja: `「${label.ja}」`, en: `“${label.en}”` });

/** The label of a field inside a group item: 「引越ししてくる方 2の生年月日」 / “Person 2: Date of birth”. */
export function itemFieldLabel(itemLabel: Localized, index: number, label: Localized): Localized {
  return { ja: `${itemLabel.ja} ${index + 1}の${label.ja}`, en: `${itemLabel.en} ${index + 1}: ${label.en}` };
}

/** A consent statement can be a paragraph; messages quote its start. */
function shorten(label: Localized): Localized {
  const cut = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n).join('')}…` : s);
  return { ja: cut(label.ja, 30), en: cut(label.en, 60) };
}

export const messages = {
  required(label: Localized): Localized {
    const l = q(label);
    return { ja: `${l.ja}を入力してください。`, en: `Enter ${l.en}.` };
  },
  requiredChoice(label: Localized): Localized {
    const l = q(label);
    return { ja: `${l.ja}を選んでください。`, en: `Choose ${l.en}.` };
  },
  requiredCheckboxes(label: Localized): Localized {
    const l = q(label);
    return { ja: `${l.ja}にあてはまるものを1つ以上選んでください。`, en: `Select at least one option for ${l.en}.` };
  },
  requiredConsent(label: Localized): Localized {
    const l = q(shorten(label));
    return { ja: `${l.ja}を確認して、チェックを入れてください。`, en: `Read ${l.en} and tick the box.` };
  },
  requiredFile(label: Localized): Localized {
    const l = q(label);
    return { ja: `${l.ja}のファイルを選んでください。`, en: `Choose a file for ${l.en}.` };
  },
  requiredLocation(label: Localized): Localized {
    const l = q(label);
    return { ja: `${l.ja}を地図で選ぶか、緯度と経度を入力してください。`, en: `Pick ${l.en} on the map, or enter its latitude and longitude.` };
  },
  requiredGroup(label: Localized, itemLabel: Localized, min: number): Localized {
    const l = q(label);
    return { ja: `${l.ja}に${itemLabel.ja}を${min}件以上入力してください。`, en: `Add at least ${min} ${itemLabel.en.toLowerCase()} to ${l.en}.` };
  },
  tooManyItems(label: Localized, max: number): Localized {
    const l = q(label);
    return { ja: `${l.ja}は${max}件までです。${max}件以内にしてください。`, en: `${l.en} can have at most ${max}. Remove some.` };
  },
  tooLong(label: Localized, max: number, actual: number): Localized {
    const l = q(label);
    return { ja: `${l.ja}は${max}文字以内で入力してください（いまは${actual}文字です）。`, en: `${l.en} must be ${max} characters or fewer (it has ${actual}).` };
  },
  pattern(label: Localized, message: Localized): Localized {
    const l = q(label);
    return { ja: `${l.ja}：${message.ja}`, en: `${l.en}: ${message.en}` };
  },
  kana(label: Localized): Localized {
    const l = q(label);
    return {
      ja: `${l.ja}はカタカナで入力してください（ひらがなでも入力できます。漢字・英字・数字は使えません）。`,
      en: `Enter ${l.en} in katakana (hiragana also works; no kanji, Latin letters or digits).`,
    };
  },
  numberFormat(label: Localized, unit: Localized | undefined): Localized {
    const l = q(label);
    const ex = withUnit(3, unit);
    return { ja: `${l.ja}は数字で入力してください（例：${ex.ja}）。`, en: `Enter ${l.en} as a number, like ${ex.en}.` };
  },
  numberInteger(label: Localized): Localized {
    const l = q(label);
    return { ja: `${l.ja}は小数点のない整数で入力してください。`, en: `Enter ${l.en} as a whole number.` };
  },
  numberRange(label: Localized, min: number | undefined, max: number | undefined, unit: Localized | undefined): Localized {
    const l = q(label);
    const lo = min === undefined ? undefined : withUnit(min, unit);
    const hi = max === undefined ? undefined : withUnit(max, unit);
    if (lo && hi) return { ja: `${l.ja}は${lo.ja}から${hi.ja}までの数で入力してください。`, en: `${l.en} must be between ${lo.en} and ${hi.en}.` };
    if (lo) return { ja: `${l.ja}は${lo.ja}以上で入力してください。`, en: `${l.en} must be ${lo.en} or more.` };
    return { ja: `${l.ja}は${hi?.ja}以下で入力してください。`, en: `${l.en} must be ${hi?.en} or less.` };
  },
  dateFormat(label: Localized): Localized {
    const l = q(label);
    return { ja: `${l.ja}は 令和8年4月1日 や 2026-04-01 の形で入力してください。`, en: `Enter ${l.en} as a date, like 2026-04-01 or 令和8年4月1日.` };
  },
  dateInvalid(label: Localized, month: number | null, lastDay: number | null): Localized {
    const l = q(label);
    if (month !== null && lastDay !== null) {
      const monthEn = MONTHS_EN[month - 1] ?? '';
      return { ja: `${l.ja}の日付がありません（${month}月は${lastDay}日までです）。日付を確かめてください。`, en: `${l.en} is not a real date (that ${monthEn} has ${lastDay} days). Check the date.` };
    }
    return { ja: `${l.ja}の日付がありません。月と日を確かめてください。`, en: `${l.en} is not a real date. Check the month and day.` };
  },
  dateEra(label: Localized, eraName: string | null): Localized {
    const l = q(label);
    const era = ERAS.find((e) => e.name === eraName);
    if (!era) return { ja: `${l.ja}の元号と年が合いません。西暦（例：2026-04-01）でも入力できます。`, en: `${l.en}: the era and year do not match. You can also enter the Western date (e.g. 2026-04-01).` };
    const from = formatDate(era.start < '1873-01-01' ? '1873-01-01' : era.start);
    const range = era.end ? { ja: `${from.ja}から${formatDate(era.end).ja}まで`, en: `from ${from.en} to ${formatDate(era.end).en}` } : { ja: `${from.ja}から`, en: `from ${from.en}` };
    return { ja: `${l.ja}の元号と年が合いません。${era.name}は${range.ja}です。`, en: `${l.en}: the era and year do not match. ${era.name} runs ${range.en}.` };
  },
  dateRange(label: Localized, min: string | undefined, max: string | undefined): Localized {
    const l = q(label);
    const lo = min === undefined ? undefined : formatDate(min);
    const hi = max === undefined ? undefined : formatDate(max);
    if (lo && hi) return { ja: `${l.ja}は${lo.ja}から${hi.ja}までの日付を入力してください。`, en: `${l.en} must be between ${lo.en} and ${hi.en}.` };
    if (lo) return { ja: `${l.ja}は${lo.ja}以降の日付を入力してください。`, en: `${l.en} must be on or after ${lo.en}.` };
    return { ja: `${l.ja}は${hi?.ja}以前の日付を入力してください。`, en: `${l.en} must be on or before ${hi?.en}.` };
  },
  /** `bound` is the other field's date moved by `days`; the message names both the date and where it comes from. */
  dateOrder(label: Localized, kind: 'notBefore' | 'notAfter', other: Localized, otherIso: string, days: number, bound: string): Localized {
    const l = q(label);
    const o = q(other);
    const b = formatDate(bound);
    const ref = formatDate(otherIso);
    const side = kind === 'notBefore' ? { ja: '以降', en: 'on or after' } : { ja: '以前', en: 'on or before' };
    if (days === 0) return { ja: `${l.ja}は${o.ja}（${ref.ja}）${side.ja}の日付を入力してください。`, en: `${l.en} must be ${side.en} ${o.en} (${ref.en}).` };
    const n = Math.abs(days);
    const why =
      kind === 'notAfter' && days > 0
        ? { ja: `${o.ja}から${n}日以内`, en: `within ${n} days of ${o.en}` }
        : { ja: `${o.ja}の${n}日${days > 0 ? '後' : '前'}から`, en: `${n} days ${days > 0 ? 'after' : 'before'} ${o.en}` };
    return { ja: `${l.ja}は${b.ja}${side.ja}の日付を入力してください（${why.ja}）。`, en: `${l.en} must be ${side.en} ${b.en} (${why.en}).` };
  },
  postalFormat(label: Localized): Localized {
    const l = q(label);
    return { ja: `${l.ja}は7桁の数字で入力してください（例：023-0053）。`, en: `Enter ${l.en} as 7 digits, like 023-0053.` };
  },
  postalNotOshu(label: Localized): Localized {
    const l = q(label);
    return { ja: `${l.ja}は奥州市内の郵便番号を入力してください（例：023-0053）。`, en: `Enter a postal code in Oshu City for ${l.en}, like 023-0053.` };
  },
  phoneFormat(label: Localized): Localized {
    const l = q(label);
    return {
      ja: `${l.ja}は市外局番から数字で入力してください（例：0197-24-2111、090-1234-5678）。`,
      en: `Enter ${l.en} as a Japanese number with its area code, like 0197-24-2111 or 090-1234-5678.`,
    };
  },
  emailFormat(label: Localized): Localized {
    const l = q(label);
    return { ja: `${l.ja}はメールアドレスの形で入力してください（例：oshu.taro@example.jp）。`, en: `Enter ${l.en} as an email address, like oshu.taro@example.jp.` };
  },
  optionInvalid(label: Localized): Localized {
    const l = q(label);
    return { ja: `${l.ja}は表示されている選択肢から選んでください。`, en: `Choose ${l.en} from the options shown.` };
  },
  checkedMin(label: Localized, n: number): Localized {
    const l = q(label);
    return { ja: `${l.ja}は${n}つ以上選んでください。`, en: `Select at least ${n} options for ${l.en}.` };
  },
  checkedMax(label: Localized, n: number): Localized {
    const l = q(label);
    return { ja: `${l.ja}は${n}つまで選べます。選ぶ数を減らしてください。`, en: `Select no more than ${n} options for ${l.en}.` };
  },
  fileTooLarge(label: Localized, limitBytes: number, actualBytes: number | undefined): Localized {
    const l = q(label);
    const limit = formatBytes(limitBytes);
    const actual = actualBytes === undefined ? undefined : formatBytes(actualBytes);
    return {
      ja: `${l.ja}のファイルが大きすぎます。${limit.ja}以下のファイルを選んでください${actual ? `（選んだファイルは${actual.ja}）` : ''}。`,
      en: `The file for ${l.en} is too large. Choose a file of ${limit.en} or less${actual ? ` (the one chosen is ${actual.en})` : ''}.`,
    };
  },
  fileWrongType(label: Localized, accept: string[]): Localized {
    const l = q(label);
    const types = formatFileTypes(accept);
    return { ja: `${l.ja}は ${types.ja} のファイルを選んでください。`, en: `The file for ${l.en} must be ${types.en}.` };
  },
  fileMissing(label: Localized): Localized {
    const l = q(label);
    return { ja: `${l.ja}のファイルを受け取れませんでした。もう一度選んでください。`, en: `We did not receive the file for ${l.en}. Choose it again.` };
  },
  locationFormat(label: Localized): Localized {
    const l = q(label);
    return { ja: `${l.ja}の緯度と経度は数字で入力してください（例：緯度 39.1445、経度 141.1391）。`, en: `Enter the latitude and longitude of ${l.en} as numbers, like 39.1445 and 141.1391.` };
  },
  locationIncomplete(label: Localized, missing: 'lat' | 'lng'): Localized {
    const l = q(label);
    return missing === 'lat'
      ? { ja: `${l.ja}の緯度も入力してください（例：39.1445）。`, en: `Enter the latitude of ${l.en} too, like 39.1445.` }
      : { ja: `${l.ja}の経度も入力してください（例：141.1391）。`, en: `Enter the longitude of ${l.en} too, like 141.1391.` };
  },
  locationRange(label: Localized): Localized {
    const l = q(label);
    const [south, north, west, east] = [LOCATION_BOUNDS.south, LOCATION_BOUNDS.north, LOCATION_BOUNDS.west, LOCATION_BOUNDS.east].map(boundText);
    return {
      ja: `${l.ja}は奥州市内の地点を選んでください（緯度 ${south}〜${north}、経度 ${west}〜${east} の範囲）。`,
      en: `${l.en} must be in Oshu City (latitude ${south}–${north}, longitude ${west}–${east}).`,
    };
  },
  invalidValue(label: Localized): Localized {
    const l = q(label);
    return { ja: `${l.ja}の回答の形が正しくありません。もう一度入力してください。`, en: `The answer to ${l.en} is not in a form we can read. Enter it again.` };
  },
};
