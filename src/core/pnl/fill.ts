/**
 * A fill as the P&L maths sees it: what was traded, at what price, and what
 * it cost in fees. Fees are in the instrument's currency and positive when
 * paid (a maker rebate is a negative fee).
 */
import { Decimal, ZERO } from '../decimal.ts';
import type { Side } from '../order.ts';

export interface PositionFill {
  readonly side: Side;
  /** Strictly positive; the side gives the direction. */
  readonly quantity: Decimal;
  readonly price: Decimal;
  readonly fee?: Decimal;
}

export function feeOf(fill: PositionFill): Decimal {
  return fill.fee ?? ZERO;
}

/** Quantity with the sign of its effect on the position: buys add, sells take away. */
export function signedQuantity(fill: Pick<PositionFill, 'side' | 'quantity'>): Decimal {
  return fill.side === 'buy' ? fill.quantity : fill.quantity.neg();
}

/**
 * Cash the fill moves, fees included: a buy pays quantity × price × multiplier,
 * a sell receives it, and the fee is always paid on top.
 */
export function fillCashFlow(fill: PositionFill, multiplier: Decimal): Decimal {
  return signedQuantity(fill).neg().times(fill.price).times(multiplier).minus(feeOf(fill));
}

export function assertValidFill(fill: PositionFill): void {
  // quantity > 0 without gt(0), which parses its 0 on every call: positive sign and not zero (NaN fails the sign).
  const q = fill.quantity;
  if (!q.isPositive() || q.isZero()) throw new RangeError(`fill quantity must be positive, got ${fill.quantity.toFixed()}`);
}
