import type { LineData, UTCTimestamp } from 'lightweight-charts';
import type { BarWire } from '../core/protocol.ts';

/*
 * Moving averages and VWAP for drawing. Like chartEdge, these run on floats:
 * they only place lines on a chart and never flow back into prices or money.
 */

/** The close-price points the indicators read, once per bar. */
export interface BarPoint {
  readonly time: number;
  readonly close: number;
  /** (high + low + close) / 3: the price VWAP weighs by volume. */
  readonly typical: number;
  readonly volume: number;
}

export function barPoint(b: BarWire): BarPoint {
  const high = Number(b.high);
  const low = Number(b.low);
  const close = Number(b.close);
  return { time: b.time, close, typical: (high + low + close) / 3, volume: Number(b.volume) };
}

type Line = LineData<UTCTimestamp>[];

/**
 * Simple moving average of the close over `period` bars, from the first bar
 * that has a full window. A running sum keeps it linear in the bars.
 */
export function sma(points: readonly BarPoint[], period: number): Line {
  const out: Line = [];
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    sum += (points[i] as BarPoint).close;
    if (i >= period) sum -= (points[i - period] as BarPoint).close;
    if (i >= period - 1) out.push({ time: (points[i] as BarPoint).time as UTCTimestamp, value: sum / period });
  }
  return out;
}

/** The moving average at the last bar only (the live bar moved); undefined while the window is short. */
export function smaLast(points: readonly BarPoint[], period: number): LineData<UTCTimestamp> | undefined {
  if (points.length < period) return undefined;
  let sum = 0;
  for (let i = points.length - period; i < points.length; i++) sum += (points[i] as BarPoint).close;
  return { time: (points.at(-1) as BarPoint).time as UTCTimestamp, value: sum / period };
}

/**
 * Where VWAP starts again: each UTC day for intraday bars (a session's VWAP),
 * never for daily bars (anchored at the first bar shown).
 */
export function vwapAnchor(time: number, intervalSeconds: number): number {
  return intervalSeconds >= 86_400 ? 0 : Math.floor(time / 86_400);
}

/**
 * Volume-weighted average price, cumulative from each anchor. A stretch with
 * no volume yet carries the typical price, so the line never divides by zero.
 */
export function vwap(points: readonly BarPoint[], intervalSeconds: number): Line {
  const out: Line = [];
  let anchor = Number.NaN;
  let pv = 0;
  let v = 0;
  for (const p of points) {
    const a = vwapAnchor(p.time, intervalSeconds);
    if (a !== anchor) {
      anchor = a;
      pv = 0;
      v = 0;
    }
    pv += p.typical * p.volume;
    v += p.volume;
    out.push({ time: p.time as UTCTimestamp, value: v > 0 ? pv / v : p.typical });
  }
  return out;
}

/** VWAP at the last bar only: sums back to the bar's anchor. */
export function vwapLast(points: readonly BarPoint[], intervalSeconds: number): LineData<UTCTimestamp> | undefined {
  const last = points.at(-1);
  if (!last) return undefined;
  const anchor = vwapAnchor(last.time, intervalSeconds);
  let pv = 0;
  let v = 0;
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i] as BarPoint;
    if (vwapAnchor(p.time, intervalSeconds) !== anchor) break;
    pv += p.typical * p.volume;
    v += p.volume;
  }
  return { time: last.time as UTCTimestamp, value: v > 0 ? pv / v : last.typical };
}
