import { Decimal, ZERO, dec } from '../../src/core/decimal.ts';
import type { AssetClass, Instrument } from '../../src/core/instrument.ts';

/**
 * What the desk pays per fill, in the instrument's currency: a rate per unit
 * (per share, per contract) or in basis points of notional, with a floor per
 * fill. Deterministic from the fill alone, so a restart that rebuilds the
 * positions from the journal charges exactly the same fees.
 */
export interface CommissionRate {
  /** Per unit traded (share or contract). */
  readonly perUnit?: Decimal;
  /** Basis points of quantity × price × multiplier. */
  readonly bps?: Decimal;
  /** The least one fill costs. */
  readonly minimum: Decimal;
}

export type CommissionSchedule = Readonly<Record<AssetClass, CommissionRate>>;

/** A broker's retail-institutional schedule, near enough to be believable. */
export const DEFAULT_COMMISSIONS: CommissionSchedule = {
  equity: { perUnit: dec('0.005'), minimum: dec('1') },
  etf: { perUnit: dec('0.005'), minimum: dec('1') },
  future: { perUnit: dec('2.25'), minimum: dec('2.25') },
  fx: { bps: dec('0.2'), minimum: ZERO },
};

/** Fees are money: cents (two places) of the instrument's currency, rounded half up as a broker bills. */
export const FEE_PLACES = 2;

export function commissionFor(schedule: CommissionSchedule, instrument: Instrument, quantity: Decimal, price: Decimal): Decimal {
  const rate = schedule[instrument.assetClass];
  let fee = ZERO;
  if (rate.perUnit) fee = fee.plus(quantity.times(rate.perUnit));
  if (rate.bps) fee = fee.plus(quantity.times(price).times(instrument.multiplier).times(rate.bps).div(10_000));
  return Decimal.max(fee, rate.minimum).toDecimalPlaces(FEE_PLACES, Decimal.ROUND_HALF_UP);
}
