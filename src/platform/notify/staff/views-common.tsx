/** Pieces shared by Notify's staff pages: the section menu, breadcrumbs, status tags. */
import type { ViewContext } from '../../ui/view-context.ts';
import { StatusTag, type TagTone } from '../../ui/components/feedback.tsx';

const STATUS_TONE: Record<string, TagTone> = {
  created: 'neutral',
  sending: 'info',
  delivered: 'success',
  failed: 'error',
  'temporary-failure': 'warning',
  suppressed: 'neutral',
};

export function MessageStatusTag(props: { ctx: ViewContext; status: string }) {
  return <StatusTag tone={STATUS_TONE[props.status] ?? 'neutral'}>{props.ctx.t(`notify.status.${props.status}`)}</StatusTag>;
}

export function crumbs(ctx: ViewContext, ...rest: { href?: string; label: string }[]) {
  return [{ href: '/staff', label: ctx.t('staff.home.title') }, { href: '/staff/notify', label: ctx.t('notify.staff.title') }, ...rest];
}

export function NotifyNav(props: { ctx: ViewContext; current: 'messages' | 'templates' | 'api-keys' | 'opt-outs' }) {
  const items = [
    { key: 'messages', href: '/staff/notify' },
    { key: 'templates', href: '/staff/notify/templates' },
    { key: 'api-keys', href: '/staff/notify/api-keys' },
    { key: 'opt-outs', href: '/staff/notify/opt-outs' },
  ] as const;
  return (
    <nav aria-label={props.ctx.t('notify.staff.nav')}>
      <ul class="inline-list">
        {items.map((item) => (
          <li>{item.key === props.current ? <span aria-current="page">{props.ctx.t(`notify.staff.nav.${item.key}`)}</span> : <a href={item.href}>{props.ctx.t(`notify.staff.nav.${item.key}`)}</a>}</li>
        ))}
      </ul>
    </nav>
  );
}
