/**
 * A position ledger: fills in, quantity, open cost, realized P&L and fees out.
 *
 * Conventions, as a desk reports them:
 * - realized P&L is gross: price differences only, times the multiplier;
 * - fees are accumulated apart and never folded into cost or realized, so
 *   net = gross − fees is one subtraction in the report (report.ts);
 * - a fill larger than the open quantity closes it and opens the other side
 *   at the fill price with what is left (long → short and the reverse);
 * - the cost method (average cost by default, or FIFO) is fixed when the
 *   position is opened, because switching halfway would rewrite history.
 */
import { Decimal, ZERO } from '../decimal.ts';
import { addToAverage, openAverage, reduceAverage } from './averageHolding.ts';
import { assertValidFill, feeOf } from './fill.ts';
import type { PositionFill } from './fill.ts';
import type { CostMethod, Direction, Inventory, LotHolding, AverageHolding } from './inventory.ts';
import { addLot, lotsCost, lotsQuantity, openLots, reduceLots } from './lotHolding.ts';

/** What the ledger needs to know about the instrument. */
export interface PositionTerms {
  readonly currency: string;
  /** Contract multiplier: 1 for cash instruments, e.g. 50 for an index future. */
  readonly multiplier: Decimal;
}

export interface Position {
  readonly terms: PositionTerms;
  readonly inventory: Inventory;
  /** Gross realized P&L in terms.currency. */
  readonly realized: Decimal;
  /** Fees paid, in terms.currency (positive = paid). */
  readonly fees: Decimal;
}

/** A flat position. Throws RangeError on a multiplier that is not positive: reference data is broken. */
export function openPosition(terms: PositionTerms, method: CostMethod = 'averageCost'): Position {
  if (!terms.multiplier.gt(0)) throw new RangeError(`multiplier must be positive, got ${terms.multiplier.toFixed()}`);
  return { terms, inventory: { method, open: null }, realized: ZERO, fees: ZERO };
}

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

/**
 * The shared shape of a fill against either kind of holding: add when the
 * fill goes the holding's way, else close up to the open quantity and open
 * the other side with whatever remains.
 */
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

/** Applies one fill. Throws RangeError on a non-positive quantity: the OMS never sends one. */
export function bookFill(pos: Position, fill: PositionFill): Position {
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

export function bookFills(pos: Position, fills: Iterable<PositionFill>): Position {
  let p = pos;
  for (const f of fills) p = bookFill(p, f);
  return p;
}

/** Signed open quantity: long > 0, short < 0, flat 0. */
export function positionQuantity(pos: Position): Decimal {
  const inv = pos.inventory;
  if (inv.open === null) return ZERO;
  const q = inv.method === 'fifo' ? lotsQuantity(inv.open) : inv.open.quantity;
  return inv.open.direction === 'long' ? q : q.neg();
}

/** Cost of what is open, unsigned, in money (quantity × price × multiplier summed). */
export function openCost(pos: Position): Decimal {
  const inv = pos.inventory;
  if (inv.open === null) return ZERO;
  return inv.method === 'fifo' ? lotsCost(inv.open, pos.terms.multiplier) : inv.open.cost;
}

/**
 * Average price per unit of what is open (per contract, before the
 * multiplier), or null when flat. Display only: it may be a repeating
 * decimal cut at 40 digits, so P&L is never computed from it.
 */
export function averagePrice(pos: Position): Decimal | null {
  const q = positionQuantity(pos);
  if (q.isZero()) return null;
  return openCost(pos).div(q.abs()).div(pos.terms.multiplier);
}

/** Gross unrealized P&L of the open quantity marked at `mark`. */
export function unrealizedPnl(pos: Position, mark: Decimal): Decimal {
  const inv = pos.inventory;
  if (inv.open === null) return ZERO;
  const value = positionQuantity(pos).abs().times(mark).times(pos.terms.multiplier);
  const cost = openCost(pos);
  return inv.open.direction === 'long' ? value.minus(cost) : cost.minus(value);
}

/** Signed market value: what the open quantity is worth at `mark` (negative when short). */
export function marketValue(pos: Position, mark: Decimal): Decimal {
  return positionQuantity(pos).times(mark).times(pos.terms.multiplier);
}
