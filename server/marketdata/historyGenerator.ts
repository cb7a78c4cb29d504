import type { Instrument } from '../../src/core/instrument.ts';
import { priceToTicks } from '../../src/core/instrument.ts';
import { INTERVAL_SECONDS, type Interval } from '../../src/core/protocol.ts';
import { ASSET_PROFILES, HISTORY_REVERSION_PER_DAY, SECONDS_PER_TRADING_DAY, reversionOver, volOver } from './assetProfiles.ts';
import { gaussian, streamFor } from './prng.ts';
import type { TickBar } from './tickBar.ts';

/** Typical simulated trades per minute; history volumes match what the live simulator prints. */
const TRADES_PER_MINUTE = 60;

/** Where generated history must end: the open time and open price of the oldest real bar. */
export interface HistoryAnchor {
  time: number;
  openTicks: number;
}

/**
 * `count` bars before the anchor, oldest first, by a walk run backwards from
 * the anchor's price: each bar closes where the next one opens, so the chart
 * joins the live bars without a jump. The stream is keyed by symbol and
 * interval, and bar k before the anchor is the same whatever `count` is, so a
 * longer request only adds older bars.
 */
export function generateHistory(instrument: Instrument, seed: number, interval: Interval, anchor: HistoryAnchor, count: number): TickBar[] {
  const rng = streamFor(seed, `history:${instrument.symbol}:${interval}`);
  const profile = ASSET_PROFILES[instrument.assetClass];
  const seconds = INTERVAL_SECONDS[interval];
  // A daily bar spans one trading day of movement and volume, not 24 hours of it.
  const tradingSeconds = Math.min(seconds, SECONDS_PER_TRADING_DAY);
  const vol = volOver(profile, tradingSeconds);
  const reversion = reversionOver(HISTORY_REVERSION_PER_DAY, tradingSeconds);
  const refTicks = priceToTicks(instrument.referencePrice, instrument);
  const meanLots = (profile.tradeLots[0] + profile.tradeLots[1]) / 2;
  const lotsPerBar = meanLots * TRADES_PER_MINUTE * (tradingSeconds / 60);

  const bars: TickBar[] = new Array(Math.max(0, count));
  let nextOpen = anchor.openTicks;
  for (let k = 1; k <= count; k++) {
    const close = nextOpen;
    const sigma = close * vol;
    const open = Math.max(1, close + Math.round(gaussian(rng) * sigma + (refTicks - close) * reversion));
    const high = Math.max(open, close) + Math.round(Math.abs(gaussian(rng)) * sigma * 0.5);
    const low = Math.max(1, Math.min(open, close) - Math.round(Math.abs(gaussian(rng)) * sigma * 0.5));
    const volumeLots = Math.max(1, Math.round(lotsPerBar * (0.5 + rng())));
    bars[count - k] = { time: anchor.time - k * seconds, open, high, low, close, volumeLots };
    nextOpen = open;
  }
  return bars;
}
