import { Decimal, ZERO, dec, mulDec, unitsAt } from '../../src/core/decimal.ts';
import { compare } from '../../src/core/risk/decimalCompare.ts';
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

const BPS_PER_UNIT = new Decimal(10_000);

/** Per rate: its minimum as billed, and the last per-unit fee (fills come in the same few sizes, often the very same quantity object). */
interface RateMemo {
  readonly minimum: Decimal;
  quantity?: Decimal;
  fee?: Decimal;
}
const memos = new WeakMap<CommissionRate, RateMemo>();

function memoOf(rate: CommissionRate): RateMemo {
  let memo = memos.get(rate);
  if (!memo) memos.set(rate, (memo = { minimum: rate.minimum.toDecimalPlaces(FEE_PLACES, Decimal.ROUND_HALF_UP) }));
  return memo;
}

/**
 * The fee of one fill: max(quantity × perUnit + notional × bps / 10,000, minimum), to the cent.
 * Same digits as the plain formula (commissionForReference); a fee at or under the minimum is the
 * minimum already rounded, and a per-unit-only rate remembers the fee of the last quantity object.
 */
export function commissionFor(schedule: CommissionSchedule, instrument: Instrument, quantity: Decimal, price: Decimal): Decimal {
  const rate = schedule[instrument.assetClass];
  const memo = memoOf(rate);
  const perUnitOnly = rate.bps === undefined;
  if (perUnitOnly && memo.quantity === quantity) return memo.fee!;
  // A per-unit fee at or under the minimum (most small fills) is known in integers: no product made.
  if (perUnitOnly && rate.perUnit && productAtMost(quantity, rate.perUnit, rate.minimum)) {
    memo.quantity = quantity;
    memo.fee = memo.minimum;
    return memo.minimum;
  }
  let fee: Decimal | undefined;
  if (rate.perUnit) fee = mulDec(quantity, rate.perUnit);
  if (rate.bps) {
    const share = quantity.times(price).times(instrument.multiplier).times(rate.bps).div(BPS_PER_UNIT);
    fee = fee === undefined ? share : fee.plus(share);
  }
  const billed = fee === undefined || compare(fee, rate.minimum) <= 0 ? memo.minimum : fee.toDecimalPlaces(FEE_PLACES, Decimal.ROUND_HALF_UP);
  if (perUnitOnly) {
    memo.quantity = quantity;
    memo.fee = billed;
  }
  return billed;
}

/**
 * a × b ≤ limit, in integers of units of their places when all are short;
 * false when not known that way (the caller multiplies).
 */
function productAtMost(a: Decimal, b: Decimal, limit: Decimal): boolean {
  const ap = a.decimalPlaces();
  const bp = b.decimalPlaces();
  const x = unitsAt(a, ap);
  const y = unitsAt(b, bp);
  const l = unitsAt(limit, ap + bp);
  if (x === undefined || y === undefined || l === undefined) return false;
  const product = x * y;
  // Exact within 2^53; one past it reads as at least 2^53.
  return product <= Number.MAX_SAFE_INTEGER && product >= -Number.MAX_SAFE_INTEGER && product <= l;
}

/** The plain formula commissionFor must agree with (test/unit/portfolio/commissions.property.test.ts). */
export function commissionForReference(schedule: CommissionSchedule, instrument: Instrument, quantity: Decimal, price: Decimal): Decimal {
  const rate = schedule[instrument.assetClass];
  let fee = ZERO;
  if (rate.perUnit) fee = fee.plus(quantity.times(rate.perUnit));
  if (rate.bps) fee = fee.plus(quantity.times(price).times(instrument.multiplier).times(rate.bps).div(10_000));
  return Decimal.max(fee, rate.minimum).toDecimalPlaces(FEE_PLACES, Decimal.ROUND_HALF_UP);
}
