import { Decimal, ZERO } from '../decimal.ts';
import type { Side } from '../order.ts';

/**
 * A position held at average cost, in its most compact form. Quantity is
 * signed (short < 0); the average cost is that of the open quantity; realized
 * P&L accrues on every reduction. The average is a quotient cut at 40 digits,
 * so totals can drift in the far decimals; position.ts keeps the exact open
 * cost instead, offers FIFO, fees and reports, and agrees with this fold (see
 * test/unit/pnl/averageCost.test.ts).
 */
export interface AvgCostPosition {
  readonly quantity: Decimal;
  readonly avgCost: Decimal;
  readonly realized: Decimal;
}

export const FLAT: AvgCostPosition = { quantity: ZERO, avgCost: ZERO, realized: ZERO };

/**
 * Applies one fill. A fill that crosses zero closes the old side at its
 * average cost and opens the new side at the fill price. Multiplier scales
 * realized P&L for futures. Fees are not tracked here (position.ts does).
 */
export function applyFillAvgCost(
  pos: AvgCostPosition,
  side: Side,
  qty: Decimal,
  price: Decimal,
  multiplier: Decimal = new Decimal(1),
): AvgCostPosition {
  const signed = side === 'buy' ? qty : qty.neg();
  const q = pos.quantity;
  if (q.isZero() || q.isNegative() === signed.isNegative()) {
    // Opening or adding: the new average is the quantity-weighted mean.
    const newQty = q.plus(signed);
    const avg = q.abs().times(pos.avgCost).plus(qty.times(price)).div(newQty.abs());
    return { quantity: newQty, avgCost: avg, realized: pos.realized };
  }
  // Reducing, closing or flipping.
  const closing = Decimal.min(qty, q.abs());
  const perUnit = q.isPositive() ? price.minus(pos.avgCost) : pos.avgCost.minus(price);
  const realized = pos.realized.plus(perUnit.times(closing).times(multiplier));
  const newQty = q.plus(signed);
  if (newQty.isZero()) return { quantity: ZERO, avgCost: ZERO, realized };
  if (newQty.isNegative() === q.isNegative()) return { quantity: newQty, avgCost: pos.avgCost, realized };
  return { quantity: newQty, avgCost: price, realized };
}

/** Unrealized P&L of the open quantity marked at a price. */
export function unrealizedAvgCost(pos: AvgCostPosition, mark: Decimal, multiplier: Decimal = new Decimal(1)): Decimal {
  return mark.minus(pos.avgCost).times(pos.quantity).times(multiplier);
}
