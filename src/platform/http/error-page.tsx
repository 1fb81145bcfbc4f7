import type { ViewContext } from '../ui/view-context.ts';
import { Page } from '../ui/layout.tsx';

/** A page that says what happened and what to do; "back" keeps what the user typed (the browser restores it). */
export function ErrorPage(props: { ctx: ViewContext; status: number; titleKey: string; bodyKey: string; params?: Record<string, string | number>; backHref?: string | null }) {
  const { ctx } = props;
  const shell = ctx.path.startsWith('/staff') ? 'staff' : 'resident';
  return (
    <Page ctx={ctx} title={ctx.t(props.titleKey)} shell={shell}>
      <h1>{ctx.t(props.titleKey)}</h1>
      <p>{ctx.t(props.bodyKey, props.params)}</p>
      {props.status >= 500 ? <p class="mono">{ctx.t('error.requestId', { id: ctx.requestId })}</p> : null}
      <ul>
        {props.backHref ? (
          <li>
            <a href={props.backHref}>{ctx.t('error.back')}</a>
          </li>
        ) : null}
        <li>
          <a href={shell === 'staff' ? '/staff' : '/'}>{ctx.t(shell === 'staff' ? 'error.toStaffHome' : 'error.toHome')}</a>
        </li>
      </ul>
    </Page>
  );
}
