import type { Instrument } from '../../src/core/instrument.ts';
import { INTERVAL_SECONDS, type BarWire, type Interval } from '../../src/core/protocol.ts';
import type { TickLadder } from '../../src/core/tickLadder.ts';
import { generateHistory } from './historyGenerator.ts';
import { type TickBar, barTime, toBarWire } from './tickBar.ts';
import type { TickFormatter } from './tickFormat.ts';
import type { HistoryRange } from './types.ts';

/**
 * How far back generated history reaches before the oldest live bar (about 69
 * days of 1m bars, 28 hours of 1s bars, centuries of 1d bars): generating is a
 * walk, so a bar that far back costs every bar in between.
 */
export const MAX_GENERATED_BARS = 100_000;

export interface SeriesRequest {
  instrument: Instrument;
  ladder: TickLadder;
  fmt: TickFormatter;
  seed: number;
  interval: Interval;
  /** Every live bar kept, oldest first (copies). */
  live: TickBar[];
  /** Last trade price, for the flat bar of an interval with no trade yet. */
  lastUnits: number;
  nowMs: number;
  limit: number;
  range: HistoryRange;
}

/**
 * The bars of a request: live bars, the newest always "now" (flat at the last
 * price when nothing traded in it yet), preceded by generated bars that join
 * the oldest live one. Of the bars opening in [from, to), the newest `limit`,
 * oldest first.
 */
export function seriesWithHistory(r: SeriesRequest): BarWire[] {
  const from = r.range.from ?? Number.NEGATIVE_INFINITY;
  const to = r.range.to ?? Number.POSITIVE_INFINITY;
  if (r.limit <= 0 || from >= to) return [];
  const seconds = INTERVAL_SECONDS[r.interval];
  const live = r.live;
  const nowBar = barTime(r.nowMs, seconds);
  const newest = live[live.length - 1];
  if (newest === undefined || newest.time < nowBar) {
    live.push({ time: nowBar, open: r.lastUnits, high: r.lastUnits, low: r.lastUnits, close: r.lastUnits, volumeLots: 0 });
  }
  const picked = live.filter((b) => b.time >= from && b.time < to).slice(-r.limit);
  const need = r.limit - picked.length;
  let older: TickBar[] = [];
  if (need > 0) {
    // Generated bar k (k ≥ 1) opens k intervals before the oldest live bar.
    const anchor = live[0]!;
    const first = Math.max(1, Math.floor((anchor.time - to) / seconds) + 1);
    const last = Math.min(first + need - 1, Math.floor((anchor.time - from) / seconds), MAX_GENERATED_BARS);
    if (last >= first) {
      const generated = generateHistory(r.instrument, r.ladder, r.seed, r.interval, { time: anchor.time, openTicks: anchor.open }, last);
      older = generated.slice(0, last - first + 1);
    }
  }
  const out: BarWire[] = new Array(older.length + picked.length);
  let k = 0;
  for (const b of older) out[k++] = toBarWire(b, r.fmt);
  for (const b of picked) out[k++] = toBarWire(b, r.fmt);
  return out;
}
