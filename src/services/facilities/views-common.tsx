/** Pieces every facility page shares: breadcrumbs, dates, money, status tags, the stylesheet. */
import type { ComponentChildren } from 'preact';
import { StatusTag, type TagTone } from '../../platform/ui/components/feedback.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { formatDateEn, formatDateJa } from '../../platform/text/wareki.ts';
import { isoWeekday } from '../../platform/time/today.ts';
import { clockText } from './booking-time.ts';
import type { BookingStatus } from './tables.ts';

export const FACILITIES_CSS = '/assets/facilities/facilities.css';

/** The service's stylesheet (a body-ok <link>: the shared layout has no head slot for it). */
export function FacilityStyles() {
  return <link rel="stylesheet" href={FACILITIES_CSS} />;
}

export function crumbs(ctx: ViewContext, ...trail: { href?: string; label: string }[]) {
  return [{ href: '/', label: ctx.t('ui.home') }, { href: '/facilities', label: ctx.t('facilities.title') }, ...trail].map((c, i, all) => (i === all.length - 1 ? { label: c.label } : c));
}

const WEEKDAYS_JA = ['', '月', '火', '水', '木', '金', '土', '日'];
const WEEKDAYS_EN = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** 2026年4月1日（令和8年）（水） / Wed 1 April 2026 */
export function dayLabel(ctx: ViewContext, iso: string): string {
  const w = isoWeekday(iso);
  return ctx.locale === 'ja' ? `${formatDateJa(iso)}（${WEEKDAYS_JA[w]}）` : `${WEEKDAYS_EN[w]} ${formatDateEn(iso)}`;
}

/** 4/1（水） — for table rows. */
export function shortDay(ctx: ViewContext, iso: string): string {
  const w = isoWeekday(iso);
  const [, m, d] = iso.split('-').map(Number);
  return ctx.locale === 'ja' ? `${m}/${d}（${WEEKDAYS_JA[w]}）` : `${WEEKDAYS_EN[w]} ${d}/${m}`;
}

export const yen = (ctx: ViewContext, n: number) => (ctx.locale === 'ja' ? `${n.toLocaleString('ja-JP')}円` : `¥${n.toLocaleString('en-US')}`);

export const timeRange = (from: number, to: number) => `${clockText(from)}〜${clockText(to)}`;

/** An instant in Japan time: 2026年4月1日（令和8年） 23:59. */
export function instantLabel(ctx: ViewContext, at: Date): string {
  const shifted = new Date(at.getTime() + 9 * 3600_000);
  const iso = shifted.toISOString().slice(0, 10);
  return `${ctx.locale === 'ja' ? formatDateJa(iso) : formatDateEn(iso)} ${shifted.getUTCHours()}:${String(shifted.getUTCMinutes()).padStart(2, '0')}`;
}

const STATUS_TONE: Record<BookingStatus, TagTone> = {
  pending_approval: 'warning',
  awaiting_payment: 'warning',
  confirmed: 'success',
  held: 'neutral',
  cancelled: 'neutral',
  rejected: 'error',
  lapsed: 'error',
  released: 'neutral',
};

export function BookingStatusTag(props: { ctx: ViewContext; status: BookingStatus }) {
  return <StatusTag tone={STATUS_TONE[props.status]}>{props.ctx.t(`facilities.status.${props.status}`)}</StatusTag>;
}

export function errorList(errors: Record<string, string>) {
  return Object.entries(errors).map(([field, message]) => ({ field, message }));
}

export function Section(props: { title: string; children: ComponentChildren; id?: string }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}
