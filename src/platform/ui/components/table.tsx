import type { ComponentChildren } from 'preact';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ComponentChildren;
  numeric?: boolean;
}

/**
 * A data table with a caption; scrolls sideways on a phone instead of squeezing. Any
 * table may be wider than a 390px phone, so its scrolling wrapper is always a
 * labelled region keyboard users can focus and scroll (axe:
 * scrollable-region-focusable): named by its caption — through `aria-labelledby`
 * when the table has an `id`, else by `aria-label` (no generated ids, which could
 * clash between parts of a page rendered separately). `rowHeader` makes the first
 * column the row's header.
 */
export function Table<Row>(props: { caption: string; columns: Column<Row>[]; rows: Row[]; empty: string; captionHidden?: boolean; id?: string; rowHeader?: boolean }) {
  const captionId = props.id ? `${props.id}-caption` : undefined;
  const name = captionId ? { 'aria-labelledby': captionId } : { 'aria-label': props.caption };
  return (
    <div class="table-wrap" role="region" tabIndex={0} {...name}>
      <table class="table" id={props.id}>
        <caption id={captionId} class={props.captionHidden ? 'visually-hidden' : 'table-caption'}>
          {props.caption}
        </caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col" class={c.numeric ? 'numeric' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 ? (
            <tr>
              <td colSpan={props.columns.length}>{props.empty}</td>
            </tr>
          ) : (
            props.rows.map((row) => (
              <tr>
                {props.columns.map((c, j) =>
                  props.rowHeader && j === 0 ? (
                    <th scope="row">{c.cell(row)}</th>
                  ) : (
                    <td class={c.numeric ? 'numeric' : undefined}>{c.cell(row)}</td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export function SummaryList(props: { items: { key: string; value: ComponentChildren }[] }) {
  return (
    <dl class="summary-list">
      {props.items.map((item) => (
        <div class="summary-row">
          <dt>{item.key}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
