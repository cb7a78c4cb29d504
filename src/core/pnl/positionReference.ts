/**
 * The ledger's first bookFill, kept as the reference the fast one in
 * position.ts is checked against (test/unit/pnl/bookFillReference.property.test.ts):
 * one generic step over either kind of holding, with the holding's arithmetic
 * passed in as functions. Clear, but every fill made four closures (each one a
 * defineProperty under tsx's keepNames) and a Step object; position.ts spells
 * the two steps out instead. Not used on the order path.
 */
import { Decimal, ZERO } from '../decimal.ts';
import { addToAverage, openAverage, reduceAverage } from './averageHolding.ts';
import { assertValidFill, feeOf } from './fill.ts';
import type { PositionFill } from './fill.ts';
import type { AverageHolding, Direction, Inventory, LotHolding } from './inventory.ts';
import { addLot, lotsQuantity, openLots, reduceLots } from './lotHolding.ts';
import type { Position } from './position.ts';

function directionOf(fill: PositionFill): Direction {
  return fill.side === 'buy' ? 'long' : 'short';
}

/** Realized P&L of closing `quantity` at `price` against cost that leaves the holding. */
function realizedOnClose(direction: Direction, quantity: Decimal, price: Decimal, multiplier: Decimal, removedCost: Decimal): Decimal {
  const proceeds = quantity.times(price).times(multiplier);
  return direction === 'long' ? proceeds.minus(removedCost) : removedCost.minus(proceeds);
}

interface Step<H> {
  readonly open: H | null;
  readonly realized: Decimal;
}

function step<H extends { readonly direction: Direction }>(
  open: H | null,
  fill: PositionFill,
  multiplier: Decimal,
  ops: {
    quantity(h: H): Decimal;
    start(direction: Direction, quantity: Decimal, price: Decimal): H;
    add(h: H, quantity: Decimal, price: Decimal): H;
    reduce(h: H, quantity: Decimal): { removedCost: Decimal; rest: H | null };
  },
): Step<H> {
  const direction = directionOf(fill);
  if (open === null) return { open: ops.start(direction, fill.quantity, fill.price), realized: ZERO };
  if (open.direction === direction) return { open: ops.add(open, fill.quantity, fill.price), realized: ZERO };
  const held = ops.quantity(open);
  const closing = Decimal.min(fill.quantity, held);
  const { removedCost, rest } = ops.reduce(open, closing);
  const realized = realizedOnClose(open.direction, closing, fill.price, multiplier, removedCost);
  const remainder = fill.quantity.minus(closing);
  if (remainder.isZero()) return { open: rest, realized };
  return { open: ops.start(direction, remainder, fill.price), realized };
}

function stepAverage(open: AverageHolding | null, fill: PositionFill, m: Decimal): Step<AverageHolding> {
  return step(open, fill, m, {
    quantity: (h) => h.quantity,
    start: (d, q, p) => openAverage(d, q, p, m),
    add: (h, q, p) => addToAverage(h, q, p, m),
    reduce: reduceAverage,
  });
}

function stepLots(open: LotHolding | null, fill: PositionFill, m: Decimal): Step<LotHolding> {
  return step(open, fill, m, {
    quantity: lotsQuantity,
    start: openLots,
    add: addLot,
    reduce: (h, q) => reduceLots(h, q, m),
  });
}

/** Applies one fill, the reference way. Throws RangeError on a non-positive quantity. */
export function bookFillReference(pos: Position, fill: PositionFill): Position {
  assertValidFill(fill);
  const m = pos.terms.multiplier;
  const inv = pos.inventory;
  let inventory: Inventory;
  let realized: Decimal;
  if (inv.method === 'fifo') {
    const s = stepLots(inv.open, fill, m);
    inventory = { method: 'fifo', open: s.open };
    realized = s.realized;
  } else {
    const s = stepAverage(inv.open, fill, m);
    inventory = { method: 'averageCost', open: s.open };
    realized = s.realized;
  }
  return { terms: pos.terms, inventory, realized: pos.realized.plus(realized), fees: pos.fees.plus(feeOf(fill)) };
}
