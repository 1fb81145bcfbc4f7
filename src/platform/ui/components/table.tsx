import type { ComponentChildren } from 'preact';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ComponentChildren;
  numeric?: boolean;
}

/**
 * A data table with a caption; scrolls sideways on a phone instead of squeezing. A wide
 * table gets an `id`: its scrolling wrapper then becomes a labelled region keyboard
 * users can focus and scroll (axe: scrollable-region-focusable). `rowHeader` makes the
 * first column the row's header.
 */
export function Table<Row>(props: { caption: string; columns: Column<Row>[]; rows: Row[]; empty: string; captionHidden?: boolean; id?: string; rowHeader?: boolean }) {
  const captionId = props.id ? `${props.id}-caption` : undefined;
  return (
    <div class="table-wrap" {...(props.id ? { role: 'region', tabIndex: 0, 'aria-labelledby': captionId } : {})}>
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
