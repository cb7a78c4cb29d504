/**
 * FIFO lot arithmetic on an open holding: additions append a lot, reductions
 * consume the oldest lots first (splitting the last one touched). Every cost
 * is a product of exact decimals, so FIFO needs no rounding at all.
 */
import type { Decimal } from '../decimal.ts';
import { ZERO } from '../decimal.ts';
import type { Direction, Lot, LotHolding, Reduction } from './inventory.ts';

export function openLots(direction: Direction, quantity: Decimal, price: Decimal): LotHolding {
  return { direction, lots: [{ quantity, price }] };
}

export function addLot(h: LotHolding, quantity: Decimal, price: Decimal): LotHolding {
  const lots = h.lots.slice() as unknown as [Lot, ...Lot[]];
  lots.push({ quantity, price });
  return { direction: h.direction, lots };
}

// Plain loops, not reduce with an arrow: under tsx every arrow made per call pays a defineProperty.
export function lotsQuantity(h: LotHolding): Decimal {
  let q = ZERO;
  for (const lot of h.lots) q = q.plus(lot.quantity);
  return q;
}

export function lotsCost(h: LotHolding, multiplier: Decimal): Decimal {
  let c = ZERO;
  for (const lot of h.lots) c = c.plus(lot.quantity.times(lot.price));
  return c.times(multiplier);
}

/** Takes `quantity` (0 < quantity ≤ open quantity) from the oldest lots. */
export function reduceLots(h: LotHolding, quantity: Decimal, multiplier: Decimal): Reduction<LotHolding> {
  let left = quantity;
  let removed = ZERO;
  const rest: Lot[] = [];
  for (const lot of h.lots) {
    if (left.isZero()) {
      rest.push(lot);
    } else if (lot.quantity.lte(left)) {
      removed = removed.plus(lot.quantity.times(lot.price));
      left = left.minus(lot.quantity);
    } else {
      removed = removed.plus(left.times(lot.price));
      rest.push({ quantity: lot.quantity.minus(left), price: lot.price });
      left = ZERO;
    }
  }
  const [first, ...others] = rest;
  return { removedCost: removed.times(multiplier), rest: first === undefined ? null : { direction: h.direction, lots: [first, ...others] } };
}
