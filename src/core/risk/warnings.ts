import { Decimal, toWire, unitsAt } from '../decimal.ts';
import { collarDistancePercent, isAggressive, withinPercentOf } from './collar.ts';
import { compareAbs, eq, gt, isPositive } from './decimalCompare.ts';
import { formatMoney, formatPercent } from './format.ts';
import type { RiskWarning } from './ruleIds.ts';

export interface WarningInput {
  readonly symbol: string;
  /**
   * 'buy' warns above the reference, any sale below it: only the side that can
   * trade through the market (as the gateway checks). Absent: either side warns.
   */
  readonly side?: string | undefined;
  /** The currency of `notional` and `warnNotional` (the risk limits' base currency). */
  readonly currency: string;
  /** The order's own price (limit or stop); undefined for a market order, which trades at the market. */
  readonly price: Decimal | undefined;
  readonly reference: Decimal | undefined;
  readonly notional: Decimal | undefined;
  readonly warnCollarPercent: Decimal;
  readonly warnNotional: Decimal;
}

/**
 * The warnings that hold an order until the trader confirms it. One function
 * for the ticket (inline, as the trader types) and the gateway (orderWarning),
 * so both say the same thing for the same numbers.
 */
export function orderWarnings(w: WarningInput): RiskWarning[] {
  const out: RiskWarning[] = [];
  if (
    w.price !== undefined &&
    w.reference !== undefined &&
    isPositive(w.reference) &&
    (w.side === undefined || isAggressive(w.side, w.price, w.reference)) &&
    mayBeFurtherThan(w.price, w.reference, w.warnCollarPercent)
  ) {
    const distance = collarDistancePercent(w.price, w.reference);
    if (distance.gt(w.warnCollarPercent)) {
      out.push({
        rule: 'priceCollar',
        message:
          `price far from market: ${toWire(w.price)} is ${formatPercent(distance)}% from the reference ` +
          `${toWire(w.reference)} of ${w.symbol} (warning above ${formatPercent(w.warnCollarPercent)}%)`,
        requiresJustification: false,
      });
    }
  }
  if (w.notional !== undefined && gt(w.notional, w.warnNotional)) {
    out.push({
      rule: 'maxNotional',
      message: `large order: notional ${formatMoney(w.notional)} ${w.currency} is above ${formatMoney(w.warnNotional)} ${w.currency}`,
      requiresJustification: false,
    });
  }
  return out;
}

/**
 * False when `price` is provably no further than `percent` % from `reference`
 * (> 0), without the division of collarDistancePercent: most orders sit well
 * inside the warning band. |price − reference| ≤ percent × reference / 100 is
 * the exact question when percent × reference is exact (its digits fit in the
 * precision; / 100 only shifts), and then the rounded distance cannot exceed
 * the percent either (rounding is monotone and the percent is representable).
 * True means "work it out": the caller computes the distance as before.
 * The bound is kept per reference object: a quote's reference serves many orders.
 */
export function mayBeFurtherThan(price: Decimal, reference: Decimal, percent: Decimal): boolean {
  // The same question in integers first, when every value is short: no bound, no difference made.
  if (isPositive(percent)) {
    const within = withinPercentOf(price, reference, percent);
    if (within !== undefined) return !within;
  }
  let bound = bounds.get(reference);
  if (bound === undefined || (bound.percent !== percent && !eq(bound.percent, percent))) {
    const exact = isPositive(percent) && percent.sd() + reference.sd() <= Decimal.precision;
    bounds.set(reference, (bound = { percent, within: exact ? percent.times(reference).div(100) : undefined }));
  }
  if (bound.within === undefined) return true;
  // In units of the finest of the three places when all are short: no Decimal for the difference.
  const places = Math.max(price.decimalPlaces(), reference.decimalPlaces(), bound.within.decimalPlaces());
  const p = unitsAt(price, places);
  const r = unitsAt(reference, places);
  const w = unitsAt(bound.within, places);
  if (p !== undefined && r !== undefined && w !== undefined) {
    const distance = Math.abs(p - r);
    // Past 2^53 a difference may be rounded (it then reads as at least 2^53): decimal.js decides.
    if (distance <= Number.MAX_SAFE_INTEGER) return distance > w;
  }
  return compareAbs(price.minus(reference), bound.within) > 0;
}

/** reference → the distance `percent` % of it allows; undefined when that is not exact. */
const bounds = new WeakMap<Decimal, { percent: Decimal; within: Decimal | undefined }>();
