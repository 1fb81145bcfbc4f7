/** Small pieces the city app's pages share: dates and times in Japan, category and area labels, paragraphs. */
import { StatusTag } from '../../platform/ui/components/feedback.tsx';
import { formatDateEn, formatDateJa } from '../../platform/text/wareki.ts';
import { japanClock } from '../../platform/time/today.ts';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { ArticleStatus } from './tables.ts';
import type { AreaCode, CategoryCode } from './taxonomy.ts';

const hhmm = (seconds: number) => `${Math.floor(seconds / 3600)}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}`;

/** 2026年4月1日（令和8年） 9:00 — an instant as a date and time in Japan. */
export function dateTimeText(ctx: ViewContext, at: Date): string {
  const { date, seconds } = japanClock(at);
  return `${ctx.locale === 'ja' ? formatDateJa(date) : formatDateEn(date)} ${hhmm(seconds)}`;
}

export function DateTime(props: { ctx: ViewContext; at: Date }) {
  return <time dateTime={props.at.toISOString()}>{dateTimeText(props.ctx, props.at)}</time>;
}

export function DateOnly(props: { ctx: ViewContext; iso: string }) {
  return <time dateTime={props.iso}>{props.ctx.locale === 'ja' ? formatDateJa(props.iso) : formatDateEn(props.iso)}</time>;
}

export const categoryLabel = (ctx: ViewContext, c: CategoryCode) => ctx.t(`app.category.${c}`);
export const areaLabel = (ctx: ViewContext, a: AreaCode) => ctx.t(`app.area.${a}`);

export function CategoryTag(props: { ctx: ViewContext; category: CategoryCode }) {
  return <StatusTag tone={props.category === 'disaster' ? 'error' : 'info'}>{categoryLabel(props.ctx, props.category)}</StatusTag>;
}

export function StatusOf(props: { ctx: ViewContext; status: ArticleStatus }) {
  const tone = props.status === 'published' ? 'success' : props.status === 'scheduled' ? 'warning' : 'neutral';
  return <StatusTag tone={tone}>{props.ctx.t(`app.status.${props.status}`)}</StatusTag>;
}

/** Plain text as paragraphs: blank lines separate paragraphs, single newlines are kept as line breaks. */
export function Paragraphs(props: { text: string; lang?: string }) {
  const paragraphs = props.text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div lang={props.lang}>
      {paragraphs.map((p) => (
        <p>
          {p.split('\n').map((line, i) => (
            <>
              {i > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ))}
    </div>
  );
}

export const appCrumbs = (ctx: ViewContext, ...rest: { href?: string; label: string }[]) => [{ href: '/', label: ctx.t('ui.home') }, { href: '/app/', label: ctx.t('app.title') }, ...rest];
export const staffCrumbs = (ctx: ViewContext, ...rest: { href?: string; label: string }[]) => [{ href: '/staff', label: ctx.t('staff.title') }, { href: '/staff/app', label: ctx.t('app.staff.title') }, ...rest];
