/**
 * Average-cost arithmetic on an open holding. The only division in the
 * position maths is here: a partial reduction removes cost × closed / open.
 * That share is rounded half-even to COST_PLACES and the very same rounded
 * amount leaves the cost and enters realized P&L, so nothing is lost:
 * realized − open cost always equals the cash the fills moved, to the digit.
 */
import { Decimal } from '../decimal.ts';
import type { AverageHolding, Direction, Reduction } from './inventory.ts';

/** Twelve places: the finest a decimal travels on the wire. */
export const COST_PLACES = 12;

export function openAverage(direction: Direction, quantity: Decimal, price: Decimal, multiplier: Decimal): AverageHolding {
  return { direction, quantity, cost: quantity.times(price).times(multiplier) };
}

export function addToAverage(h: AverageHolding, quantity: Decimal, price: Decimal, multiplier: Decimal): AverageHolding {
  return { direction: h.direction, quantity: h.quantity.plus(quantity), cost: h.cost.plus(quantity.times(price).times(multiplier)) };
}

/** Takes `quantity` (0 < quantity ≤ h.quantity) out at the average cost. */
export function reduceAverage(h: AverageHolding, quantity: Decimal): Reduction<AverageHolding> {
  if (quantity.gte(h.quantity)) return { removedCost: h.cost, rest: null };
  const removedCost = h.cost.times(quantity).div(h.quantity).toDecimalPlaces(COST_PLACES, Decimal.ROUND_HALF_EVEN);
  return { removedCost, rest: { direction: h.direction, quantity: h.quantity.minus(quantity), cost: h.cost.minus(removedCost) } };
}
