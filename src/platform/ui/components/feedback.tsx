import type { ComponentChildren } from 'preact';

/** Lists every error at the top of a form, each linking to its field (ids equal field names). */
export function ErrorSummary(props: { title: string; errors: { field: string; message: string }[] }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title" class="error-summary-title">
        {props.title}
      </h2>
      <ul class="error-summary-list">
        {props.errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export type BannerKind = 'success' | 'info' | 'warning' | 'error';

/** Kind is spelled out in text as well as colour (WCAG 1.4.1). */
export function NotificationBanner(props: { kind: BannerKind; title: string; children?: ComponentChildren }) {
  return (
    <div class={`banner banner-${props.kind}`} role={props.kind === 'error' || props.kind === 'warning' ? 'alert' : 'status'}>
      <p class="banner-title">{props.title}</p>
      {props.children ? <div class="banner-body">{props.children}</div> : null}
    </div>
  );
}

export type TagTone = 'neutral' | 'info' | 'success' | 'warning' | 'error';

export function StatusTag(props: { tone: TagTone; children: ComponentChildren }) {
  return <strong class={`tag tag-${props.tone}`}>{props.children}</strong>;
}
