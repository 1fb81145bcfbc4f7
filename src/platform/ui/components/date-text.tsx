import type { Locale } from '../../i18n/i18n.ts';
import { formatDateEn, formatDateJa } from '../../text/wareki.ts';

/** A date as residents expect it: Western with 和暦 in Japanese, e.g. 2026年4月1日（令和8年）. */
export function DateText(props: { iso: string; locale: Locale }) {
  return <time dateTime={props.iso}>{props.locale === 'ja' ? formatDateJa(props.iso) : formatDateEn(props.iso)}</time>;
}
