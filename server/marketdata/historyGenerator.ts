import type { Instrument } from '../../src/core/instrument.ts';
import { type TickLadder, floorToGrid, priceToUnits, stepUp, stepsUp } from '../../src/core/tickLadder.ts';
import { INTERVAL_SECONDS, type Interval } from '../../src/core/protocol.ts';
import { ASSET_PROFILES, HISTORY_REVERSION_PER_DAY, SECONDS_PER_TRADING_DAY, reversionOver, volOver } from './assetProfiles.ts';
import { gaussian, streamFor } from './prng.ts';
import type { TickBar } from './tickBar.ts';

/** Typical simulated trades per minute; history volumes match what the live simulator prints. */
const TRADES_PER_MINUTE = 60;

/** The nearest grid price to a real-valued one, at least one tick. */
function nearestOnGrid(ladder: TickLadder, units: number): number {
  const below = floorToGrid(ladder, Math.max(0, Math.floor(units)));
  const above = stepUp(ladder, below);
  return Math.max(stepsUp(ladder, 0, 1), units - below < above - units ? below : above);
}

/** Where generated history must end: the open time and open price (in units) of the oldest real bar. */
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
export function generateHistory(instrument: Instrument, ladder: TickLadder, seed: number, interval: Interval, anchor: HistoryAnchor, count: number): TickBar[] {
  const rng = streamFor(seed, `history:${instrument.symbol}:${interval}`);
  const profile = ASSET_PROFILES[instrument.assetClass];
  const seconds = INTERVAL_SECONDS[interval];
  // A daily bar spans one trading day of movement and volume, not 24 hours of it.
  const tradingSeconds = Math.min(seconds, SECONDS_PER_TRADING_DAY);
  const vol = volOver(profile, tradingSeconds);
  const reversion = reversionOver(HISTORY_REVERSION_PER_DAY, tradingSeconds);
  const refTicks = priceToUnits(ladder, instrument.referencePrice);
  const meanLots = (profile.tradeLots[0] + profile.tradeLots[1]) / 2;
  const lotsPerBar = meanLots * TRADES_PER_MINUTE * (tradingSeconds / 60);

  const bars: TickBar[] = new Array(Math.max(0, count));
  let nextOpen = anchor.openTicks;
  for (let k = 1; k <= count; k++) {
    const close = nextOpen;
    const sigma = close * vol;
    // Prices in units of the finest tick, each put on the grid of the tick at its own price.
    const open = nearestOnGrid(ladder, close + gaussian(rng) * sigma + (refTicks - close) * reversion);
    const high = nearestOnGrid(ladder, Math.max(open, close) + Math.abs(gaussian(rng)) * sigma * 0.5);
    const low = nearestOnGrid(ladder, Math.min(open, close) - Math.abs(gaussian(rng)) * sigma * 0.5);
    const volumeLots = Math.max(1, Math.round(lotsPerBar * (0.5 + rng())));
    bars[count - k] = { time: anchor.time - k * seconds, open, high, low, close, volumeLots };
    nextOpen = open;
  }
  return bars;
}
