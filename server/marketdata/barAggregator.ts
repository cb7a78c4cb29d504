import { INTERVALS, INTERVAL_SECONDS, type Interval } from '../../src/core/protocol.ts';
import { Ring } from './ring.ts';
import { type TickBar, barTime } from './tickBar.ts';

/**
 * Bars kept per symbol and interval (about 16 hours of 1m bars). Older bars
 * are generated on request, so the bound costs a chart nothing; it keeps 500
 * symbols × 5 intervals under roughly 160 MB even after years of running.
 */
export const DEFAULT_BAR_CAPACITY = 1000;

/**
 * Folds trades into OHLCV bars for every interval. A trade opens a new bar when
 * it falls in a later bucket than the newest bar; a trade stamped earlier (a
 * clock stepping back) is folded into the newest bar rather than rewriting
 * history.
 */
/** Interval lengths in the order of INTERVALS: the hot loop indexes arrays, not records by name. */
const SECONDS: readonly number[] = INTERVALS.map((i) => INTERVAL_SECONDS[i]);

export class BarAggregator {
  /** Per symbol, one ring per interval in the order of INTERVALS. */
  private readonly series = new Map<string, Ring<TickBar>[]>();

  constructor(private readonly capacity: number = DEFAULT_BAR_CAPACITY) {}

  addTrade(symbol: string, priceTicks: number, lots: number, tsMs: number): void {
    let rings = this.series.get(symbol);
    if (rings === undefined) {
      rings = INTERVALS.map(() => new Ring<TickBar>(this.capacity));
      this.series.set(symbol, rings);
    }
    for (let k = 0; k < rings.length; k++) {
      const ring = rings[k]!;
      const time = barTime(tsMs, SECONDS[k]!);
      const bar = ring.last();
      if (bar === undefined || time > bar.time) {
        ring.push({ time, open: priceTicks, high: priceTicks, low: priceTicks, close: priceTicks, volumeLots: lots });
      } else {
        if (priceTicks > bar.high) bar.high = priceTicks;
        if (priceTicks < bar.low) bar.low = priceTicks;
        bar.close = priceTicks;
        bar.volumeLots += lots;
      }
    }
  }

  /** Copies of the newest `limit` bars, oldest first (callers may not mutate the live bar). */
  bars(symbol: string, interval: Interval, limit: number): TickBar[] {
    const ring = this.series.get(symbol)?.[INTERVALS.indexOf(interval)];
    return ring === undefined ? [] : ring.newest(limit).map((b) => ({ ...b }));
  }
}
