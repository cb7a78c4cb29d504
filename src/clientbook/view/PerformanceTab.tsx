import { useMemo } from 'react';
import type { ClientDetailWire } from '../../core/protocol/clientBook.ts';
import { directionClass } from '../../grid/cellStyles.ts';
import { formatIsoDate } from '../bookFormat.ts';
import { GrowthChart } from '../charts/GrowthChart.tsx';
import { growthSeries, performanceRows } from './viewRows.ts';

/** Time- and money-weighted returns per period against the benchmark, and the growth of 100 since inception. */
export function PerformanceTab({ detail }: { detail: ClientDetailWire }) {
  const perf = detail.performance;
  const rows = useMemo(() => performanceRows(perf.periods), [perf]);
  const growth = useMemo(() => growthSeries(detail), [detail]);
  return (
    <div className="performance">
      <div className="perf-scroll">
      <table className="perf-table" data-testid="performance-table">
        <thead>
          <tr>
            <th>Period</th>
            <th className="wide-only">From – to</th>
            <th className="num wide-only">Start value</th>
            <th className="num wide-only">Net flows</th>
            <th className="num">End value</th>
            <th className="num">Gain</th>
            <th className="num" title="Time-weighted return, daily linked">
              TWR
            </th>
            <th className="num" title="Money-weighted return (IRR), annual, actual/365">
              IRR p.a.
            </th>
            <th className="num">{perf.benchmarkName}</th>
            <th className="num">vs bench</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.period} data-period={r.period}>
              <td className="strong">{r.period}</td>
              <td className="muted wide-only">{r.range}</td>
              <td className="num wide-only">{r.startValue}</td>
              <td className="num wide-only">{r.netFlows}</td>
              <td className="num">{r.endValue}</td>
              <td className={directionClass(r.gainDir)}>{r.gain}</td>
              <td className={directionClass(r.twrDir)} data-testid="perf-twr">
                {r.twr}
              </td>
              <td className={directionClass(r.irrDir)} title={r.note}>
                {r.irr}
                {r.note && <sup className="muted"> *</sup>}
              </td>
              <td className="num muted">{r.benchmark}</td>
              <td className={directionClass(r.relativeDir)}>{r.relative}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {rows.some((r) => r.note) && (
        <p className="muted perf-notes">
          {rows
            .filter((r) => r.note)
            .map((r) => `* ${r.period}: ${r.note}`)
            .join(' · ')}
        </p>
      )}
      <h3>
        Growth of 100 since {formatIsoDate(perf.inception)} <span className="muted">· portfolio (TWR) against {perf.benchmarkName}, as of {formatIsoDate(perf.asOf)}</span>
      </h3>
      {growth.portfolio.length > 1 ? (
        <GrowthChart portfolio={growth.portfolio} benchmark={growth.benchmark} benchmarkName={perf.benchmarkName} />
      ) : (
        <p className="muted load-state">Not enough history for a chart yet.</p>
      )}
    </div>
  );
}
