import { Decimal, dec } from '../core/decimal.ts';
import { type BarWire, INTERVAL_SECONDS, type Interval, type QuoteWire } from '../core/protocol.ts';

/** The bar still forming and the cumulative volume the last quote reported. */
export interface LiveBar {
  readonly bar: BarWire | undefined;
  readonly lastVolume: string | undefined;
}

/** Open time (epoch seconds) of the bar a moment falls in; bars are aligned to UTC. */
export function barOpenTime(tsMs: number, interval: Interval): number {
  const seconds = INTERVAL_SECONDS[interval];
  return Math.floor(tsMs / 1000 / seconds) * seconds;
}

/**
 * Folds one quote into the forming bar: the same bar widens its high/low and
 * moves its close; a quote in a later period opens a new bar at its price.
 * Quote volume is the session's running total, so a bar gains the difference
 * from the previous quote (nothing for the first one: the backfilled bar
 * already counts it).
 */
export function applyQuote(state: LiveBar, q: QuoteWire, interval: Interval): LiveBar {
  const time = barOpenTime(q.ts, interval);
  const volume = dec(q.volume);
  const before = state.lastVolume === undefined ? undefined : dec(state.lastVolume);
  // A running total that went down is a new session: all of it is new volume.
  const added = before === undefined ? new Decimal(0) : volume.gte(before) ? volume.minus(before) : volume;
  const bar = state.bar;
  if (bar !== undefined && time < bar.time) return { bar, lastVolume: q.volume };
  if (bar === undefined || time > bar.time) {
    return { bar: { time, open: q.last, high: q.last, low: q.last, close: q.last, volume: added.toFixed() }, lastVolume: q.volume };
  }
  const last = dec(q.last);
  return {
    bar: {
      time,
      open: bar.open,
      // The winning price keeps its wire text, so a bar reads as the feed wrote it.
      high: last.gt(dec(bar.high)) ? q.last : bar.high,
      low: last.lt(dec(bar.low)) ? q.last : bar.low,
      close: q.last,
      volume: dec(bar.volume).plus(added).toFixed(),
    },
    lastVolume: q.volume,
  };
}

/**
 * Puts the live bar into the bars held, in place: it replaces the last bar of
 * the same time or follows it; an older one is ignored. Returns what happened
 * so the caller redraws only the last point.
 */
export function upsertLastBar(bars: BarWire[], bar: BarWire): 'replaced' | 'appended' | 'ignored' {
  const last = bars.at(-1);
  if (last !== undefined && bar.time < last.time) return 'ignored';
  if (last !== undefined && bar.time === last.time) {
    bars[bars.length - 1] = bar;
    return 'replaced';
  }
  bars.push(bar);
  return 'appended';
}
