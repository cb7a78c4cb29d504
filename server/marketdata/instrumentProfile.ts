import type { Instrument } from '../../src/core/instrument.ts';
import { ASSET_PROFILES, type AssetProfile } from './assetProfiles.ts';
import { streamFor } from './prng.ts';

/**
 * How lively one instrument is: its asset class's profile with the volatility
 * and spread spread out per symbol (some names are sleepy, some wild), drawn
 * from a stream keyed by the symbol so a seed always gives the same market.
 */
export interface InstrumentProfile extends AssetProfile {
  readonly symbol: string;
}

/** Multipliers of the asset class's volatility and spread: 0.6× to 1.8×. */
const DISPERSION: readonly [number, number] = [0.6, 1.8];

export function instrumentProfile(instrument: Instrument, seed: number): InstrumentProfile {
  const rng = streamFor(seed, `profile:${instrument.symbol}`);
  const base = ASSET_PROFILES[instrument.assetClass];
  const spreadOut = () => DISPERSION[0] + (DISPERSION[1] - DISPERSION[0]) * rng();
  return { ...base, symbol: instrument.symbol, dailyVol: base.dailyVol * spreadOut(), spreadBps: base.spreadBps * spreadOut() };
}
