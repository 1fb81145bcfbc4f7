/** Small pieces every counter page shares: breadcrumbs, localised definition text, times of day, errors for the summary. */
import type { Localized } from '../../engines/forms/index.ts';
import { formatPostal, postalDigits } from '../../engines/forms/postal.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { ViewContext } from '../../platform/ui/view-context.ts';

export const COUNTER_HOME = '/staff/counter';
export const visitHref = (id: string) => `${COUNTER_HOME}/visits/${id}`;
export const formHref = (visitId: string, procedureId: string) => `${visitHref(visitId)}/forms/${encodeURIComponent(procedureId)}`;
export const displayHref = (id: string) => `${visitHref(id)}/display`;

export function counterCrumbs(ctx: ViewContext, ...trail: { href?: string; label: string }[]) {
  return [{ href: '/staff', label: ctx.t('staff.home.title') }, { href: COUNTER_HOME, label: ctx.t('counter.title') }, ...trail];
}

export const local = (ctx: ViewContext, text: Localized) => text[ctx.locale];

const TIME = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hour12: false });

/** A time of day in Japan: 10:05. */
export function TimeOfDay(props: { at: Date }) {
  return <time dateTime={props.at.toISOString()}>{TIME.format(props.at)}</time>;
}

/** Field errors (message keys) → { field: message } in the page's language. */
export function errorMap(ctx: ViewContext, errors: FieldError[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of errors) map[e.field] ??= ctx.t(e.messageKey, e.params);
  return map;
}

export const summaryErrors = (errors: Record<string, string>) => Object.entries(errors).map(([field, message]) => ({ field, message }));

/** Minutes as staff read them: 12.5 → "12.5". */
export const minutesText = (minutes: number | null) => (minutes === null ? '—' : (Math.round(minutes * 10) / 10).toFixed(1));
export const percentText = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

/** 〒023-0034 from a code stored or typed with or without its hyphen (the register keeps '023-0034'); anything else as it is. */
export function postalText(code: string): string {
  const digits = postalDigits(code);
  return `〒${digits ? formatPostal(digits) : code.trim()}`;
}
