/** Pieces every staff page of online procedures shares: breadcrumbs, tabs, status tags, the due date with its overdue warning. */
import type { ComponentChildren } from 'preact';
import { StatusTag, type TagTone } from '../../platform/ui/components/feedback.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { formatDateEn, formatDateJa } from '../../platform/text/wareki.ts';
import { todayInJapan } from '../../platform/time/today.ts';
import type { ApplicationStatus } from './application-states.ts';
import type { TaskStatus } from './staff-tables.ts';

export const INBOX_PATH = '/staff/procedures';
export const TASKS_PATH = '/staff/procedures/tasks';
export const reviewPath = (id: string) => `${INBOX_PATH}/applications/${id}`;
export const taskPath = (id: string) => `${TASKS_PATH}/${id}`;

export const local = (ctx: ViewContext, text: { ja: string; en: string } | undefined) => (text ? (ctx.locale === 'en' ? text.en || text.ja : text.ja) : '');

export function staffCrumbs(ctx: ViewContext, ...rest: { href?: string; label: string }[]) {
  const inbox = ctx.t('procedures.staff.crumb');
  return [{ href: '/staff', label: ctx.t('staff.home.title') }, rest.length ? { href: INBOX_PATH, label: inbox } : { label: inbox }, ...rest];
}

export const dateText = (ctx: ViewContext, iso: string) => (ctx.locale === 'ja' ? formatDateJa(iso) : formatDateEn(iso));

/** A moment as a Japanese calendar date (submission day). */
export function DayOf({ ctx, at }: { ctx: ViewContext; at: Date | null }) {
  if (!at) return <>—</>;
  const iso = todayInJapan(at);
  return <time dateTime={at.toISOString()}>{dateText(ctx, iso)}</time>;
}

export function dateTimeText(ctx: ViewContext, at: Date): string {
  return new Intl.DateTimeFormat(ctx.locale === 'en' ? 'en-GB' : 'ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

const STATUS_TONES: Record<ApplicationStatus, TagTone> = {
  draft: 'neutral',
  submitted: 'info',
  in_review: 'info',
  returned: 'warning',
  resubmitted: 'info',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'neutral',
};

export function StaffStatusTag({ ctx, status }: { ctx: ViewContext; status: ApplicationStatus }) {
  return <StatusTag tone={STATUS_TONES[status]}>{ctx.t(`procedures.staff.status.${status}`)}</StatusTag>;
}

const TASK_TONES: Record<TaskStatus, TagTone> = { open: 'warning', done: 'success', not_needed: 'neutral', cancelled: 'neutral' };

export function TaskStatusTag({ ctx, status }: { ctx: ViewContext; status: TaskStatus }) {
  return <StatusTag tone={TASK_TONES[status]}>{ctx.t(`procedures.staff.task.status.${status}`)}</StatusTag>;
}

/** A warning triangle; decorative (the words beside it carry the meaning). */
function WarningIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="1em" height="1em" viewBox="0 0 16 16" class="icon">
      <path d="M8 1.5 15 14.5H1Z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />
      <path d="M8 6v4M8 11.8v.4" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
    </svg>
  );
}

/**
 * The due date and, when it has passed, 「期限超過 n日」 with an icon in an error tag:
 * colour is never the only signal (WCAG 1.4.1).
 */
export function DueDate({ ctx, due, overdueDays, today }: { ctx: ViewContext; due: string | null; overdueDays: number; today: string }) {
  if (!due) return <>—</>;
  return (
    <>
      <time dateTime={due}>{dateText(ctx, due)}</time>
      {overdueDays > 0 ? (
        <>
          {' '}
          <strong class="tag tag-error">
            <WarningIcon /> {ctx.t('procedures.staff.overdue', { days: overdueDays })}
          </strong>
        </>
      ) : due === today ? (
        <>
          {' '}
          <StatusTag tone="warning">{ctx.t('procedures.staff.dueToday')}</StatusTag>
        </>
      ) : null}
    </>
  );
}

/** Applications | follow-up tasks, as links (each a page of its own, so it works without JavaScript). */
export function InboxTabs({ ctx, active, openTasks }: { ctx: ViewContext; active: 'applications' | 'tasks'; openTasks: number }) {
  const tab = (key: 'applications' | 'tasks', href: string, children: ComponentChildren) => (
    <li>
      {active === key ? (
        <a href={href} aria-current="page">
          <strong>{children}</strong>
        </a>
      ) : (
        <a href={href}>{children}</a>
      )}
    </li>
  );
  return (
    <nav aria-label={ctx.t('procedures.staff.tabs.label')}>
      <ul class="inline-list">
        {tab('applications', INBOX_PATH, ctx.t('procedures.staff.tabs.applications'))}
        {tab(
          'tasks',
          TASKS_PATH,
          <>
            {ctx.t('procedures.staff.tabs.tasks')}
            {openTasks > 0 ? ` (${ctx.t('procedures.staff.tabs.openTasks', { count: openTasks })})` : ''}
          </>,
        )}
      </ul>
    </nav>
  );
}

/** 「{total}件中 {first}〜{last}件目」 */
export function countText(ctx: ViewContext, key: string, total: number, page: number, pageSize: number, shown: number): string {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  return ctx.t(key, { total, first, last: first + Math.max(0, shown - 1) });
}
