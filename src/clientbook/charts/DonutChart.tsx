import { colourAt, donutSegmentPath, segmentsOf } from './chartGeometry.ts';

export interface ChartSlice {
  readonly label: string;
  /** 0..1 of the whole. */
  readonly weight: number;
  /** What the legend prints, e.g. "42.10%". */
  readonly text: string;
}

/** A donut with its legend: the share of each slice at a glance. */
export function DonutChart({ title, slices, testId }: { title: string; slices: readonly ChartSlice[]; testId?: string }) {
  const size = 112;
  const c = size / 2;
  const segments = segmentsOf(slices.map((s) => s.weight));
  return (
    <figure className="donut" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div className="donut-body">
        <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={`${title} allocation`}>
          <circle cx={c} cy={c} r={(c - 2 + c * 0.58) / 2} fill="none" stroke="#1a2230" strokeWidth={c - 2 - c * 0.58} />
          {segments.map((seg, i) => (
            <path key={slices[i]?.label ?? i} d={donutSegmentPath(seg.start, seg.end, c, c, c - 2, c * 0.58)} fill={colourAt(i)}>
              <title>{`${slices[i]?.label}: ${slices[i]?.text}`}</title>
            </path>
          ))}
        </svg>
        <ul className="legend">
          {slices.map((s, i) => (
            <li key={s.label}>
              <span className="swatch" style={{ background: colourAt(i) }} />
              <span className="legend-label">{s.label}</span>
              <span className="num">{s.text}</span>
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}
