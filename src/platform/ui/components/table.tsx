import type { ComponentChildren } from 'preact';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ComponentChildren;
  numeric?: boolean;
}

/** A data table with a caption; scrolls sideways on a phone instead of squeezing. */
export function Table<Row>(props: { caption: string; columns: Column<Row>[]; rows: Row[]; empty: string; captionHidden?: boolean }) {
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class={props.captionHidden ? 'visually-hidden' : 'table-caption'}>{props.caption}</caption>
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
                {props.columns.map((c) => (
                  <td class={c.numeric ? 'numeric' : undefined}>{c.cell(row)}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Key–value list for a record's details. */
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
