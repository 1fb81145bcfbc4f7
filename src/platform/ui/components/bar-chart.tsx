/**
 * A server-rendered SVG bar chart: no JavaScript, scales to any width, and
 * the same numbers as a table for screen readers and for copying.
 */
export function BarChart(props: { title: string; bars: { label: string; value: number }[]; valueLabel: string }) {
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const width = 640;
  const height = 220;
  const pad = { top: 16, bottom: 40, left: 40, right: 8 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const step = props.bars.length ? plotW / props.bars.length : plotW;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.title} class="chart-svg">
        <line x1={pad.left} y1={pad.top + plotH} x2={width - pad.right} y2={pad.top + plotH} class="chart-axis" />
        {props.bars.map((b, i) => {
          const h = (b.value / max) * plotH;
          const x = pad.left + i * step + step * 0.15;
          return (
            <g>
              <rect x={x} y={pad.top + plotH - h} width={step * 0.7} height={h} class="chart-bar" />
              <text x={x + step * 0.35} y={pad.top + plotH - h - 4} text-anchor="middle" class="chart-value">
                {b.value}
              </text>
              <text x={x + step * 0.35} y={height - pad.bottom + 16} text-anchor="middle" class="chart-label">
                {b.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{props.title}</figcaption>
      <details>
        <summary>{props.valueLabel}</summary>
        <table class="table">
          <tbody>
            {props.bars.map((b) => (
              <tr>
                <th scope="row">{b.label}</th>
                <td class="numeric">{b.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
