import type { Translate } from '../../i18n/i18n.ts';

export function Breadcrumbs(props: { t: Translate; items: { href?: string; label: string }[] }) {
  if (props.items.length === 0) return null;
  return (
    <nav class="breadcrumbs" aria-label={props.t('ui.breadcrumbs')}>
      <ol>
        {props.items.map((item, i) => (
          <li>
            {item.href && i < props.items.length - 1 ? <a href={item.href}>{item.label}</a> : <span aria-current="page">{item.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Page links keep the current query and change only `page`. */
export function Pagination(props: { t: Translate; page: number; pageCount: number; baseHref: string; query?: Record<string, string> }) {
  if (props.pageCount <= 1) return null;
  const href = (page: number) => {
    const params = new URLSearchParams({ ...(props.query ?? {}), page: String(page) });
    return `${props.baseHref}?${params.toString()}`;
  };
  const pages: number[] = [];
  for (let p = Math.max(1, props.page - 2); p <= Math.min(props.pageCount, props.page + 2); p++) pages.push(p);
  return (
    <nav class="pagination" aria-label={props.t('ui.pagination')}>
      <ul>
        {props.page > 1 ? (
          <li>
            <a href={href(props.page - 1)} rel="prev">
              {props.t('ui.pagination.previous')}
            </a>
          </li>
        ) : null}
        {pages.map((p) => (
          <li>
            {p === props.page ? (
              <span aria-current="page">{p}</span>
            ) : (
              <a href={href(p)} aria-label={props.t('ui.pagination.page', { page: p })}>
                {p}
              </a>
            )}
          </li>
        ))}
        {props.page < props.pageCount ? (
          <li>
            <a href={href(props.page + 1)} rel="next">
              {props.t('ui.pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
      <p class="pagination-summary">{props.t('ui.pagination.summary', { page: props.page, pages: props.pageCount })}</p>
    </nav>
  );
}
