import { barLength, colourAt } from './chartGeometry.ts';
import type { ChartSlice } from './DonutChart.tsx';

/** Horizontal bars, one per slice: better than a donut when there are many small slices (sectors). */
export function BarChart({ title, slices, testId }: { title: string; slices: readonly ChartSlice[]; testId?: string }) {
  const rowHeight = 16;
  const labelWidth = 132;
  const barWidth = 150;
  const width = labelWidth + barWidth + 56;
  const largest = Math.max(0, ...slices.map((s) => s.weight));
  return (
    <figure className="bars" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg width={width} height={slices.length * rowHeight + 2} role="img" aria-label={`${title} allocation`}>
        {slices.map((s, i) => {
          const y = i * rowHeight + 1;
          return (
            <g key={s.label}>
              <text x={0} y={y + 11} className="bar-label">
                {s.label.length > 20 ? `${s.label.slice(0, 19)}…` : s.label}
              </text>
              <rect x={labelWidth} y={y + 3} width={barLength(s.weight, largest, barWidth)} height={rowHeight - 6} rx={2} fill={colourAt(i)} />
              <text x={width} y={y + 11} textAnchor="end" className="bar-value">
                {s.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
