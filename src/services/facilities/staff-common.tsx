/** What every page of the facilities back office shares: breadcrumbs, the section menu, small formatters. */
import type { ViewContext } from '../../platform/ui/view-context.ts';

/** 施設予約（職員）› … : the back office's trail under the staff home. */
export function staffCrumbs(ctx: ViewContext, ...trail: { href?: string; label: string }[]) {
  const all = [{ href: '/staff', label: ctx.t('staff.title') }, { href: '/staff/facilities', label: ctx.t('facilities.staff.title') }, ...trail];
  return all.map((c, i) => (i === all.length - 1 ? { label: c.label } : c));
}

/** The trail of the classes pages (reachable by DX staff who do not see the rest of the back office). */
export function classStaffCrumbs(ctx: ViewContext, ...trail: { href?: string; label: string }[]) {
  const all = [{ href: '/staff', label: ctx.t('staff.title') }, { href: '/staff/facilities/classes', label: ctx.t('facilities.classes.staff.title') }, ...trail];
  return all.map((c, i) => (i === all.length - 1 ? { label: c.label } : c));
}

export const errorList = (errors: Record<string, string>) => Object.entries(errors).map(([field, message]) => ({ field, message }));

/** 540 → "09:00" for time inputs typed as text. */
export const clockInput = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A share as a percentage with one decimal, or — when there is nothing to divide by. */
export const percentText = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
