import type { AssetClass } from '../../src/core/instrument.ts';

/**
 * How lively each asset class is. Volatility is relative to price so a $25
 * stock and a 6,700-point future move alike in percent; sizes are in lots so
 * every displayed size is a multiple of the instrument's lot size.
 */
export interface AssetProfile {
  /** Standard deviation of a trading day's return. */
  readonly dailyVol: number;
  /** Resting size shown at the bid and at the ask, in lots. */
  readonly bookLots: readonly [min: number, max: number];
  /** Size of one simulated trade, in lots. */
  readonly tradeLots: readonly [min: number, max: number];
  /** Typical quoted spread, in basis points of the price (at least one tick is quoted). */
  readonly spreadBps: number;
  /** News-like jumps per symbol per trading day. */
  readonly jumpsPerDay: number;
  /** Size of a jump as a share of the price (drawn from half to one and a half times this). */
  readonly jumpSize: number;
}

export const ASSET_PROFILES: Record<AssetClass, AssetProfile> = {
  equity: { dailyVol: 0.02, bookLots: [1, 50], tradeLots: [1, 20], spreadBps: 0.8, jumpsPerDay: 1, jumpSize: 0.012 },
  etf: { dailyVol: 0.012, bookLots: [100, 5000], tradeLots: [1, 500], spreadBps: 1, jumpsPerDay: 0.5, jumpSize: 0.006 },
  fx: { dailyVol: 0.006, bookLots: [500, 5000], tradeLots: [100, 2000], spreadBps: 0.4, jumpsPerDay: 0.5, jumpSize: 0.003 },
  future: { dailyVol: 0.015, bookLots: [1, 60], tradeLots: [1, 10], spreadBps: 0.5, jumpsPerDay: 0.5, jumpSize: 0.008 },
};

/** A trading day of 6.5 hours: the horizon dailyVol refers to. */
export const SECONDS_PER_TRADING_DAY = 23_400;

/**
 * Pull towards the reference price, per trading day, as a share of the gap.
 * Live: strong enough that a session's change stays within a plausible day's
 * range however long the gateway runs. History: weak, so years of daily bars
 * wander like a real chart yet never collapse towards zero or explode.
 */
export const LIVE_REVERSION_PER_DAY = 1;
export const HISTORY_REVERSION_PER_DAY = 0.01;

/** Share of the gap to the reference closed by one step spanning `seconds` of trading. */
export function reversionOver(perDay: number, seconds: number): number {
  return perDay * (seconds / SECONDS_PER_TRADING_DAY);
}

/** Relative standard deviation of a move spanning `seconds` of trading. */
export function volOver(profile: AssetProfile, seconds: number): number {
  return profile.dailyVol * Math.sqrt(seconds / SECONDS_PER_TRADING_DAY);
}
